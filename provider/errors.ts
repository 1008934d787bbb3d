/**
 * The resources' typed errors. Each has a stable `code` to branch on (never the message text) and `nextStep`, the
 * command or change that carries on from where the failure left the stack. A wrapped error keeps its class.
 */
import type { ApiErrorDetail } from "./http";

/** The stable codes of the resources' own errors. */
export type ResourceErrorCode =
  | "ORDER_FAILED"
  | "DISCONNECT_PARTIAL"
  | "MAY_HAVE_REACHED_SERVER"
  | "ACCOUNT_MISMATCH"
  | "PARTIAL"
  | "CUSTOMER_ORDER_ID_CLASH"
  | "IN_USE"
  | "ORDER_STILL_PENDING"
  | "ALREADY_EXISTS"
  | "LEGACY_IMPORT_REFUSED"
  | "NOT_ON_ACCOUNT"
  | "SETTINGS_INCOMPLETE";

/** Base class of the resources' own errors: a stable code and what to do next. */
export class ResourceError extends Error {
  /** Stable machine-readable code of the failure. */
  readonly code: ResourceErrorCode;
  /** What to run or change next, in the words `pulumi up` shows. */
  readonly nextStep: string;
  constructor(code: ResourceErrorCode, message: string, nextStep: string, options?: { cause?: unknown }) {
    super(`${message}. ${nextStep}`, options);
    this.name = new.target.name;
    this.code = code;
    this.nextStep = nextStep;
  }
}

/** Bandwidth answered an order FAILED (or PARTIAL where a shortfall is not allowed): `errors` lists each code. */
export class OrderFailedError extends ResourceError {
  constructor(
    message: string,
    nextStep: string,
    /** The order that failed. */
    readonly orderId: string,
    /** Every entry of the order's ErrorList. */
    readonly errors: ApiErrorDetail[],
    /** Numbers Bandwidth could not assign. */
    readonly failedNumbers: string[],
  ) {
    super("ORDER_FAILED", message, nextStep);
  }
}

/** A disconnect left some numbers in service: `remaining` are still billed and still in the stack. */
export class DisconnectPartialError extends ResourceError {
  constructor(
    message: string,
    nextStep: string,
    /** Numbers still in service after the disconnect. */
    readonly remaining: string[],
    /** What went wrong for each. */
    readonly problems: string[],
  ) {
    super("DISCONNECT_PARTIAL", message, nextStep);
  }
}

/**
 * A request that changes what is billed may have reached Bandwidth (its answer was lost, timed out or was a 5xx) and
 * was not sent again; no trace of it has shown up yet.
 */
export class MayHaveReachedServerError extends ResourceError {
  constructor(
    message: string,
    nextStep: string,
    /** The CustomerOrderId the next attempt looks the order up by, when there is one. */
    readonly customerOrderId?: string,
    options?: { cause?: unknown },
  ) {
    super("MAY_HAVE_REACHED_SERVER", message, nextStep, options);
  }
}

/** The stack's resource belongs to another Bandwidth account than the configured credentials. */
export class AccountMismatchError extends ResourceError {
  constructor(
    who: string,
    /** The account recorded in the stack's state. */
    readonly stateAccountId: string,
    /** The account of the configured credentials. */
    readonly configuredAccountId: string,
  ) {
    super(
      "ACCOUNT_MISMATCH",
      `${who}: the stack holds this resource on Bandwidth account ${stateAccountId}, but the configured credentials ` +
        `are for account ${configuredAccountId}; nothing was read or changed (a read with another account would ` +
        "see every number as gone and the next `pulumi up` would buy them again)",
      `Set bandwidth:accountId (BANDWIDTH_ACCOUNT_ID) and its credentials back to account ${stateAccountId}, then run the command again`,
    );
  }
}

/**
 * An explicit customerOrderId already names a live order on the account that this resource does not hold: it may be
 * another stack's (or another resource's), or this one's from an interrupted `pulumi up`; nothing tells them apart,
 * so nothing is adopted and nothing is ordered.
 */
export class CustomerOrderIdClashError extends ResourceError {
  constructor(
    who: string,
    /** The explicit CustomerOrderId both carry. */
    readonly customerOrderId: string,
    /** The live order already carrying it. */
    readonly existingOrderId: string,
    /** Whether the clash is on an extra order of a scale-up (the resource already holds numbers of its own). */
    extra = false,
  ) {
    super(
      "CUSTOMER_ORDER_ID_CLASH",
      `${who}: customerOrderId ${JSON.stringify(customerOrderId)} is explicit and already carried by order ` +
        `${existingOrderId}, which still holds numbers on the account; another stack or resource may hold that order, ` +
        "so it was not adopted and nothing was ordered",
      extra
        ? "Give this resource another customerOrderId (a setting: its numbers are kept), then run `pulumi up` again. " +
            `If order ${existingOrderId} was placed by an interrupted \`pulumi up\` of this resource, no stack holds its ` +
            "numbers: adopt it with adoptOrderId in a resource of its own, or disconnect them"
        : `If order ${existingOrderId} is this resource's own (an interrupted \`pulumi up\`), set adoptOrderId: ` +
            `"${existingOrderId}"; otherwise give this resource another customerOrderId (or remove it to have one ` +
            "derived from the stack and resource name), then run `pulumi up` again",
    );
  }
}

/**
 * Bandwidth refuses to delete something while other things still use it: an application linked to locations, a site
 * with locations, a location holding numbers. Nothing was deleted or unlinked; `usedBy` names what is in the way.
 */
export class InUseError extends ResourceError {
  constructor(
    message: string,
    nextStep: string,
    /** What still uses the resource (locations, numbers), as Bandwidth names it. */
    readonly usedBy: string[],
    options?: { cause?: unknown },
  ) {
    super("IN_USE", message, nextStep, options);
  }
}

/**
 * Voice v1 refused a VoiceImport's `provider` block: its API User (`bandwidth:username` / `bandwidth:password`) does
 * not authenticate, as for every account since Bandwidth decommissioned API Users on 2026-12-02. Nothing was imported.
 */
export class LegacyImportRefusedError extends ResourceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(
      "LEGACY_IMPORT_REFUSED",
      message,
      "Move the stack off the v1 import: link the numbers' location to Voice-V2 and Messaging-V2 applications, or " +
        'assign them to a VoiceConfigurationPackage, then remove the VoiceImport (README: "Leaving the v1 import"; ' +
        "un-importing disconnects nothing)",
      options,
    );
  }
}

/** What the resource would create exists already and the resource was not told to take it over. */
export class AlreadyExistsError extends ResourceError {
  constructor(
    message: string,
    nextStep: string,
    /** Bandwidth's id of what exists already. */
    readonly existingId: string,
    options?: { cause?: unknown },
  ) {
    super("ALREADY_EXISTS", message, nextStep, options);
  }
}

/** A destroy met an order still being processed at its deadline: its numbers are not known yet, so none was let go. */
export class OrderStillPendingError extends ResourceError {
  constructor(
    who: string,
    /** The order still pending. */
    readonly orderId: string,
    /** Its status when the wait ran out. */
    readonly status: string,
  ) {
    super(
      "ORDER_STILL_PENDING",
      `${who}: order ${orderId} is still ${status} at the deadline, so its numbers are not known yet; nothing was disconnected`,
      "The resource stays in the stack: run `pulumi destroy` again once the order has finished (or raise timeoutSeconds)",
    );
  }
}

/**
 * Numbers an ExistingNumbers was given are not in service on the configured account (unknown to Bandwidth, on
 * another account, disconnected or aging): nothing was taken, ordered or changed. `numbers` names each one.
 */
export class NotOnAccountError extends ResourceError {
  constructor(
    who: string,
    /** Each number refused, 10-digit, with where Bandwidth says it is. */
    readonly numbers: Array<{
      /** The number, 10-digit. */
      telephoneNumber: string;
      /** Where Bandwidth says it is (not found, another account, not in service). */
      where: string;
    }>,
  ) {
    super(
      "NOT_ON_ACCOUNT",
      `${who}: ${numbers.length} number(s) not in service on this account: ` +
        numbers.map((n) => `${n.telephoneNumber} (${n.where})`).join(", ") +
        "; nothing was taken or changed",
      "Remove them from telephoneNumbers (or order them with a PhoneNumberOrder), or check bandwidth:accountId, then run `pulumi up` again",
    );
  }
}

/**
 * Some numbers did not take the resource's settings: a TN option order ended PARTIAL or FAILED (or was still
 * processing at the deadline), or Bandwidth refused the voice configuration package assignment. The numbers are
 * kept; `id` and `properties` are the state the engine keeps (what took is recorded in `numberSettings`), so the next
 * `pulumi up` sets only what is still missing.
 */
export class SettingsIncompleteError extends ResourceError {
  /** Why the update stopped short, one line each (the engine shows them). */
  readonly reasons: string[];
  constructor(
    who: string,
    /** One line per failure: the order or assignment, Bandwidth's status, codes and numbers. */
    problems: string[],
    /** Every error Bandwidth reported, with its code and number. */
    readonly errors: ApiErrorDetail[],
    /** The numbers still lacking a setting. */
    readonly failedNumbers: string[],
    /** The resource id the engine keeps. */
    readonly id: string,
    /** The state the engine keeps: the numbers, and the settings that took. */
    readonly properties: object,
  ) {
    super(
      "SETTINGS_INCOMPLETE",
      `${who}: settings not applied to ${failedNumbers.length} number(s): ${problems.join("; ")}`,
      "The numbers are kept with the settings that took; fix what Bandwidth names, then run `pulumi up` again: only " +
        "the numbers still lacking a setting get it",
    );
    this.reasons = problems;
  }
}

/** Whether an error says, by its fields and not its text, that it already names the next step. */
export function hasNextStep(e: unknown): boolean {
  return typeof (e as { nextStep?: unknown } | null)?.nextStep === "string";
}

/**
 * Bandwidth refused or did not finish moving a resource's numbers to another site or location (its move order was
 * refused, FAILED or PARTIAL, or not final by the deadline). Nothing was disconnected; the stack keeps the location
 * the numbers had, so the next `pulumi up` moves them again. Stable `code`: MOVE_REFUSED.
 */
export class MoveRefusedError extends Error {
  /** Stable machine-readable code of the failure. */
  readonly code = "MOVE_REFUSED";
  /** What to run or change next, in the words `pulumi up` shows. */
  readonly nextStep: string;
  constructor(
    message: string,
    nextStep: string,
    /** The move order, when Bandwidth accepted one. */
    readonly orderId: string | undefined,
    /** Every error Bandwidth reported, with its code. */
    readonly errors: ApiErrorDetail[],
    /** The order's ProcessingStatus (FAILED on a refused request). */
    readonly status: string,
  ) {
    super(`${message}. ${nextStep}`);
    this.name = new.target.name;
    this.nextStep = nextStep;
  }
}
