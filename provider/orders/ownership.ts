/**
 * Which numbers are still a resource's own. A number is this resource's only while Bandwidth says it is in service
 * under one of the resource's own orders: one disconnected behind the stack's back and reconnected by another order
 * (the disconnect guide: it "will remain available for you to reconnect to for a short period") belongs to that order
 * now, and is never disconnected, un-imported or re-configured by this resource.
 */
import { sharedWaits } from "../clients";
import { BandwidthError } from "../http";
import type { NumbersClient, TelephoneNumberInfo } from "../numbers";
import { mapLimit } from "../resources/lifecycle";
import { isDerivedCustomerOrderId } from "./check";

/** A number the resource held that is no longer its own, and where Bandwidth says it went. */
export interface LostNumber {
  telephoneNumber: string;
  /** `in service under order X (type)`, `Disconnected`, `not known to Bandwidth`, ... */
  where: string;
}

/** What a proof found. */
export interface Ownership {
  /** The numbers still in service under one of the resource's orders, in the order asked. */
  owned: string[];
  /** The others. */
  lost: LostNumber[];
  /** The order each owned number that was read is in service under (one proven from the history alone is absent). */
  orderOf: ReadonlyMap<string, string>;
}

/** How a proof may go about it. */
export interface ProofOptions {
  /** The resource's orders (number orders, and any move or option order Bandwidth records as a number's order). */
  orderIds: readonly string[];
  /** The account the numbers must be on. */
  accountId: string;
  /**
   * The creation date of the resource's first order (Bandwidth's date). With it, numbers no disconnect of the account
   * has named since are proven by the account's disconnect history, at a few requests for many numbers; without it
   * (or when `each`), every number is read.
   */
  since?: string;
  /** Read every number (`GET /tns/{tn}`): what a refresh does, to see a number that left by any road. */
  each?: boolean;
}

/** Numbers read at once while proving. */
const READ_CONCURRENCY = 8;

/** Whether Bandwidth's view of a number makes it one of the resource's own, and if not, where it is. */
export function ownerOf(
  info: TelephoneNumberInfo | undefined,
  orderIds: ReadonlySet<string>,
  accountId: string,
): string | undefined {
  if (info === undefined) return "not known to Bandwidth";
  const status = info.status ?? "of unknown status";
  if (info.accountId !== undefined && info.accountId !== accountId) return `on another account (${status})`;
  if (!/^in ?service$/i.test(status)) return status;
  if (info.orderId === undefined || !orderIds.has(info.orderId)) {
    const type = info.orderType ? ` (${info.orderType})` : "";
    return `in service under order ${info.orderId ?? "unknown"}${type}`;
  }
  return undefined;
}

/** Reads one number; one Bandwidth does not know is `undefined`. */
async function readNumber(client: NumbersClient, tn: string): Promise<TelephoneNumberInfo | undefined> {
  try {
    return await client.getTelephoneNumber(tn);
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return undefined;
    throw e;
  }
}

/** Reads each number (`GET /tns/{tn}`), a few at once; one Bandwidth does not know is `undefined`. */
export function readNumbers(
  client: NumbersClient,
  tns: readonly string[],
): Promise<Array<TelephoneNumberInfo | undefined>> {
  return mapLimit(tns, READ_CONCURRENCY, (tn) => readNumber(client, tn));
}

/**
 * Splits `tns` into the numbers still the resource's own and the others. Numbers the account's disconnect history
 * leaves untouched since the resource's first order are its own without a read; every other is read.
 */
export async function proveOwnership(
  client: NumbersClient,
  tns: readonly string[],
  o: ProofOptions,
): Promise<Ownership> {
  if (tns.length === 0) return { owned: [], lost: [], orderOf: new Map() };
  const named =
    o.each || o.since === undefined ? undefined : await sharedWaits(client).history.namedSince(o.since, tns.length);
  const toRead = named === undefined ? [...tns] : tns.filter((tn) => named.has(tn));
  const infos = await readNumbers(client, toRead);
  const orderIds = new Set(o.orderIds);
  const where = new Map<string, string | undefined>(
    toRead.map((tn, i) => [tn, ownerOf(infos[i], orderIds, o.accountId)]),
  );
  const owned: string[] = [];
  const lost: LostNumber[] = [];
  for (const tn of tns) {
    const w = where.get(tn);
    if (w === undefined) owned.push(tn);
    else lost.push({ telephoneNumber: tn, where: w });
  }
  const orderOf = new Map<string, string>();
  toRead.forEach((tn, i) => {
    const orderId = infos[i]?.orderId;
    if (orderId !== undefined && where.get(tn) === undefined) orderOf.set(tn, orderId);
  });
  return { owned, lost, orderOf };
}

/**
 * The owned numbers whose order carries a PhoneNumberOrder's derived CustomerOrderId: another resource's own, which
 * only that resource releases. Uses the orders the proof read (a number it did not read is read here), then one read
 * per distinct order; an order Bandwidth does not list as a number order (a port-in, a move) is no PhoneNumberOrder's.
 */
export async function underPhoneNumberOrders(
  client: NumbersClient,
  held: Pick<Ownership, "owned" | "orderOf">,
): Promise<Array<{ telephoneNumber: string; orderId: string }>> {
  const unread = held.owned.filter((tn) => !held.orderOf.has(tn));
  const read = await readNumbers(client, unread);
  const orderOf = new Map(held.orderOf);
  unread.forEach((tn, i) => {
    const orderId = read[i]?.orderId;
    if (orderId !== undefined) orderOf.set(tn, orderId);
  });
  const orderIds = [...new Set(held.owned.flatMap((tn) => orderOf.get(tn) ?? []))];
  const derived = await mapLimit(orderIds, READ_CONCURRENCY, async (orderId) => {
    try {
      const coid = (await client.getOrder(orderId)).customerOrderId;
      return coid !== undefined && isDerivedCustomerOrderId(coid);
    } catch (e) {
      if (e instanceof BandwidthError && e.code === "NOT_FOUND") return false;
      throw e;
    }
  });
  const stacks = new Set(orderIds.filter((_, i) => derived[i]));
  return held.owned.flatMap((tn) => {
    const orderId = orderOf.get(tn);
    return orderId !== undefined && stacks.has(orderId) ? [{ telephoneNumber: tn, orderId }] : [];
  });
}

/** One progress line's worth of lost numbers: `8283331000 (in service under order X)`. */
export function describeLost(lost: readonly LostNumber[]): string {
  return lost.map((l) => `${l.telephoneNumber} (${l.where})`).join(", ");
}
