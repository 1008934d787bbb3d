/**
 * The number set a PhoneNumberOrder holds: its orders and numbers apart from its inputs, how an order's latest view
 * folds in, how lost numbers vacate their slots, and the state handed back to the engine (also on partial failure).
 */
import { numbersSettings } from "../config";
import { AccountMismatchError } from "../errors";
import type { OrderInfo } from "../numbers";
import { isPending } from "../numbers/watch";
import type { PhoneNumberOrderInputs, PhoneNumberOrderOutputs } from "../resources/phoneNumberOrder";
import { ResourceInitError, sameValue } from "../resources/lifecycle";
import { phoneNumberOrderSchema } from "../schema/phoneNumberOrder";
import { outputOnlyKeys } from "../schema/types";
import { toE164 } from "../validation";
import { DEFAULT_TIMEOUT_SECONDS, EXISTING_ORDER_TYPE } from "./check";
import type { NumberSetting } from "../schema/generated/shared";

/** What the resource holds, apart from its inputs. */
export interface Holding {
  /** The account the orders are on (absent in states written before it was recorded). */
  accountId?: string;
  /** Bandwidth's order-type element of the resource's orders (or AdoptedOrder). */
  orderType: string;
  /** Every order placed or adopted, oldest first. */
  orderIds: string[];
  /** Orders not final yet. */
  pendingOrderIds: string[];
  /** The status of the most recent order. */
  orderStatus: string;
  /** The numbers held, 10-digit, each at its own index. */
  telephoneNumbers: string[];
  /** Numbers Bandwidth reported as failed. */
  failedNumbers: string[];
  /** When the first order was created. */
  orderCreateDate?: string;
  /** Indexes of numbers lost since the last update, refilled in place by the next order. */
  vacatedSlots: number[];
  /** Move orders placed to move the numbers to another site or location (Bandwidth names them as the numbers' order). */
  moveOrderIds?: string[];
  /** Each number's settings, as read back or as the resource's own option orders and package assignment set them. */
  numberSettings?: Record<string, NumberSetting>;
}

/** The resource's own orders: every number order, and every move order (Bandwidth names it as a moved number's order). */
export function ownOrderIds(h: Holding): string[] {
  return [...h.orderIds, ...(h.moveOrderIds ?? [])];
}

/** How progress lines and errors name the resource: `PhoneNumberOrder <resource name>`. */
export function label(inputs: { resourceKey?: string; name?: string }): string {
  return `PhoneNumberOrder ${inputs.resourceKey?.split("/").pop() ?? inputs.name}`;
}

/** When the wait of this call ends (epoch ms), from timeoutSeconds. */
export function deadlineOf(inputs: PhoneNumberOrderInputs): number {
  return Date.now() + (inputs.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** The state handed to the engine: the inputs plus what is held (specific numbers in the program's order). */
export function toOutputs(inputs: PhoneNumberOrderInputs, h: Holding): PhoneNumberOrderOutputs {
  let held = h.telephoneNumbers;
  if (h.orderType === EXISTING_ORDER_TYPE && Array.isArray(inputs.telephoneNumbers)) {
    // Specific numbers are listed in the order the program gives them.
    const rank = new Map(inputs.telephoneNumbers.map((tn, i) => [tn, i]));
    held = [...held].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  }
  const out: Record<string, unknown> = {
    ...inputs,
    ...h,
    telephoneNumbers: held,
    e164Numbers: held.map(toE164),
    moveOrderIds: h.moveOrderIds ?? [],
    numberSettings: settingsOfHeld(h.numberSettings, held),
  };
  if (out.telephoneNumbers === undefined) out.telephoneNumbers = [];
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as PhoneNumberOrderOutputs;
}

/** The settings of the numbers held only, in their order. */
export function settingsOfHeld(
  settings: Readonly<Record<string, NumberSetting>> | undefined,
  held: readonly string[],
): Record<string, NumberSetting> {
  return Object.fromEntries(held.filter((tn) => settings?.[tn] !== undefined).map((tn) => [tn, settings![tn]]));
}

/** A working copy of what a state holds, to change without touching the state itself. */
export function holdingOf(state: PhoneNumberOrderOutputs): Holding {
  return {
    accountId: state.accountId,
    orderType: state.orderType,
    orderIds: [...(state.orderIds ?? [])],
    pendingOrderIds: [...(state.pendingOrderIds ?? [])],
    orderStatus: state.orderStatus,
    telephoneNumbers: [...(state.telephoneNumbers ?? [])],
    failedNumbers: [...(state.failedNumbers ?? [])],
    orderCreateDate: state.orderCreateDate,
    vacatedSlots: [...(state.vacatedSlots ?? [])],
    moveOrderIds: [...(state.moveOrderIds ?? [])],
    numberSettings: { ...(state.numberSettings ?? {}) },
  };
}

/** Folds an order's latest view into the holding: its numbers join, its status becomes the resource's. */
export function absorb(h: Holding, order: OrderInfo): void {
  if (!h.orderIds.includes(order.orderId)) h.orderIds.push(order.orderId);
  const held = new Set(h.telephoneNumbers);
  for (const tn of order.completedNumbers) {
    if (held.has(tn)) continue;
    const slot = h.vacatedSlots.shift();
    if (slot === undefined) h.telephoneNumbers.push(tn);
    else h.telephoneNumbers.splice(slot, 0, tn);
  }
  const failed = new Set(h.failedNumbers);
  for (const tn of order.failedNumbers) if (!failed.has(tn)) h.failedNumbers.push(tn);
  h.pendingOrderIds = h.pendingOrderIds.filter((id) => id !== order.orderId);
  if (isPending(order.status)) h.pendingOrderIds.push(order.orderId);
  h.orderStatus = order.status;
  h.orderCreateDate ??= order.orderCreateDate;
}

/** The partial-state error for a failure after an order id exists: the engine records `properties` as the state. */
export function keepsOrder(e: unknown, who: string, id: string, properties: object): ResourceInitError {
  if (e instanceof ResourceInitError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const err = new ResourceInitError(
    `${message.startsWith(who) ? "" : `${who}: `}${message}. The order is kept in the stack: run \`pulumi up\` ` +
      "again to resume it (no second order is placed)",
    id,
    properties,
  );
  Object.assign(err, { cause: e });
  return err;
}

/** The message of a wait that ran out with an order still pending: the order is kept and resumed by the next `pulumi up`. */
export function stillWaiting(inputs: PhoneNumberOrderInputs, h: Holding): string {
  return (
    `${label(inputs)}: order ${h.pendingOrderIds.join(", ")} still ${h.orderStatus} after ${inputs.timeoutSeconds}s. ` +
    "The order is kept in the stack: run `pulumi up` again to resume waiting (no second order is placed), " +
    "or raise timeoutSeconds."
  );
}

/** Refuses to touch a resource recorded on another account than the configured credentials'. */
export function sameAccount(props: PhoneNumberOrderOutputs, h: Holding): void {
  const configured = numbersSettings().accountId;
  if (props.accountId !== undefined && props.accountId !== configured) {
    throw new AccountMismatchError(label(props), props.accountId, configured);
  }
  h.accountId = configured;
}

/** Drops `lost` numbers from the holding, remembering their positions in vacatedSlots. */
export function vacate(h: Holding, lost: ReadonlySet<string>): void {
  const slots: (string | undefined)[] = [...h.telephoneNumbers];
  for (const i of [...h.vacatedSlots].sort((a, b) => a - b)) slots.splice(i, 0, undefined);
  const expanded = slots.map((tn) => (tn !== undefined && lost.has(tn) ? undefined : tn));
  h.vacatedSlots = expanded.flatMap((tn, i) => (tn === undefined ? [i] : []));
  h.telephoneNumbers = expanded.filter((tn): tn is string => tn !== undefined);
}

/** The inputs a state was made from (what refresh hands back as the resource's inputs). */
export function inputsOf(state: PhoneNumberOrderOutputs): PhoneNumberOrderInputs {
  const inputs: Record<string, unknown> = { ...state };
  for (const key of outputOnlyKeys(phoneNumberOrderSchema)) delete inputs[key];
  if (state.orderType !== EXISTING_ORDER_TYPE) delete inputs.telephoneNumbers;
  return inputs as unknown as PhoneNumberOrderInputs;
}

/**
 * The inputs an update records with what is held. Reservation ids added with numbers not held yet (their extra order
 * failed, or is still pending) are not recorded, so the next `pulumi up` sees them as added and sends them again.
 */
export function recordedInputs(
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs,
  h: Holding,
): PhoneNumberOrderInputs {
  if (news.reservationIds === undefined || sameValue(olds.reservationIds, news.reservationIds)) return news;
  const held = new Set(h.telephoneNumbers);
  const missing = (news.telephoneNumbers ?? []).some((tn) => !held.has(tn));
  return missing ? { ...news, reservationIds: olds.reservationIds } : news;
}
