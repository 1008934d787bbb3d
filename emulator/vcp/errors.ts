import { EmulatorError } from "../errors";

/**
 * Refusals of the Voice Configuration Package API. Bandwidth publishes no reference for it; what is known comes from
 * Bandwidth's CLI (Bandwidth/cli `cmd/vcp/*.go`, `cmd/quickstart/quickstart.go` and their tests): JSON bodies
 * `{"errors":[{"type", "description", "code"}]}`, and `VCS-0044` (HTTP 400) for a number that cannot be assigned yet.
 */
export const VCP_CODES = {
  numberNotAssignable: "VCS-0044",
} as const;

/** Base of the package API's refusals: a `type` as its JSON errors carry, and an optional Bandwidth code. */
export abstract class VcpError extends EmulatorError {
  constructor(
    code: string,
    message: string,
    /** The `type` of the JSON error entry. */
    readonly type: string,
    /** Bandwidth's code (`VCS-nnnn`), when one is known. */
    readonly vcsCode?: string,
  ) {
    super(code, message);
  }
}

/** A create or update without a usable `name`, or a field of the wrong type (HTTP 400). */
export class PackageFieldInvalid extends VcpError {
  constructor(message: string) {
    super("PACKAGE_FIELD_INVALID", message, "validation");
  }
}

/** `httpVoiceV2ApplicationId` names no Voice-V2 application of the account (HTTP 400, our choice). */
export class PackageApplicationInvalid extends VcpError {
  constructor(applicationId: string) {
    super(
      "PACKAGE_APPLICATION_INVALID",
      `httpVoiceV2ApplicationId '${applicationId}' is not a Voice-V2 application of this account`,
      "validation",
    );
  }
}

/** No package with that id on the account (HTTP 404). */
export class PackageNotFound extends VcpError {
  constructor(id: string) {
    super("PACKAGE_NOT_FOUND", `Voice configuration package ${id} not found`, "not-found");
  }
}

/** A delete while numbers are assigned (HTTP 409; the CLI's guide says the delete fails, not how: our choice). */
export class PackageInUse extends VcpError {
  constructor(
    id: string,
    /** The numbers still assigned, E.164. */
    readonly phoneNumbers: string[],
  ) {
    const shown = phoneNumbers.slice(0, 20).join(", ") + (phoneNumbers.length > 20 ? ", ..." : "");
    super(
      "PACKAGE_IN_USE",
      `Voice configuration package ${id} has ${phoneNumbers.length} phone number(s) assigned: ${shown}`,
      "conflict",
    );
  }
}

/** A bulk request whose action or number list is not usable (HTTP 400). */
export class BulkRequestInvalid extends VcpError {
  constructor(message: string) {
    super("BULK_REQUEST_INVALID", message, "validation");
  }
}

/** A number that is not E.164 (HTTP 400). */
export class PhoneNumberInvalid extends VcpError {
  constructor(numbers: string[]) {
    super("PHONE_NUMBER_INVALID", `Phone numbers must be E.164 (+1NXXNXXXXXX): ${numbers.join(", ")}`, "validation");
  }
}

/** Numbers not in service on the account (yet): VCS-0044, HTTP 400; nothing is assigned. */
export class PhoneNumberNotAssignable extends VcpError {
  constructor(
    /** The numbers refused, E.164. */
    readonly phoneNumbers: string[],
  ) {
    super(
      "PHONE_NUMBER_NOT_ASSIGNABLE",
      `Phone numbers are not in service on this account: ${phoneNumbers.join(", ")}`,
      "validation",
      VCP_CODES.numberNotAssignable,
    );
  }
}

/** A REMOVE naming numbers that are not on the package (HTTP 400, our choice; nothing is removed). */
export class PhoneNumberNotOnPackage extends VcpError {
  constructor(
    id: string,
    /** The numbers refused, E.164. */
    readonly phoneNumbers: string[],
  ) {
    super(
      "PHONE_NUMBER_NOT_ON_PACKAGE",
      `Phone numbers are not assigned to voice configuration package ${id}: ${phoneNumbers.join(", ")}`,
      "validation",
    );
  }
}
