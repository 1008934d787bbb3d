/**
 * Placing a PhoneNumberOrder's orders: at most once per CustomerOrderId, adopting an order only when it is provably
 * this resource's own (a lost answer, a `pulumi up` killed mid-order), and waiting for it through the shared watcher.
 */
import { sharedWaits } from "../clients";
import { numbersSettings } from "../config";
import { CustomerOrderIdClashError, MayHaveReachedServerError } from "../errors";
import { BandwidthError, mayHaveReachedServer } from "../http";
import type { ApiErrorDetail, NumbersClient, OrderInfo, OrderSummary } from "../numbers";
import { echoMatchesCriteria, orderTypeFor } from "../numbers";
import { findOrdersByCustomerOrderId, forgetPlacedOrders, isPending, recordPlacedOrder } from "../numbers/watch";
import type { PhoneNumberOrderInputs } from "../resources/phoneNumberOrder";
import { progress } from "../resources/lifecycle";
import type { Criteria } from "../validation";
import { criteriaKind, criteriaOf, isDerivedCustomerOrderId } from "./check";
import { absorb, type Holding, label } from "./holding";
import { proveOwnership } from "./ownership";

/** Waits between lookups by CustomerOrderId after an order POST whose outcome is unknown (about 10 s in all). */
export const PLACEMENT_GRACE_MS = [0, 1_000, 2_000, 3_000, 4_000];

/** One line for an order that did not fill: every error code, description and failed number. */
export function orderFailure(order: OrderInfo): string {
  const errors = order.errors.map(describe).join("; ");
  const failed = order.failedNumbers.length > 0 ? `; failed numbers: ${order.failedNumbers.join(", ")}` : "";
  const hint = order.status === "FAILED" ? ". Nothing is held" : "";
  return `order ${order.orderId} ${order.status}${errors ? `: ${errors}` : ""}${failed}${hint}`;
}

/** What to change after a FAILED order, then run again. */
export const ORDER_FAILED_NEXT =
  "Lower quantity, choose other criteria, or set partialAllowed (keep what is available) or backOrderRequested " +
  "(wait for stock), then run `pulumi up` again";

/** One Bandwidth error as `code description (TN n)`. */
export function describe(e: ApiErrorDetail): string {
  return `${e.code} ${e.description}${e.telephoneNumber ? ` (TN ${e.telephoneNumber})` : ""}`;
}

/** Waits for one order (through the account's shared watcher) until final or the deadline, with progress lines. */
export async function awaitOrder(
  client: NumbersClient,
  orderId: string,
  deadlineMs: number,
  who: string,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  let lastReport = Date.now();
  const heartbeat = setInterval(() => {
    progress(
      `${who}: still waiting for order ${orderId} (${Math.round((Date.now() - lastReport) / 1000)}s since last change)`,
    );
  }, 30_000);
  try {
    return await sharedWaits(client).orders.wait(orderId, {
      deadlineMs,
      onStatus: (o, elapsedMs) => {
        lastReport = Date.now();
        progress(`${who}: order ${orderId} is ${o.status} (${Math.round(elapsedMs / 1000)}s)`);
      },
    });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Orders held by resources of this deployment (this provider process), by resource: no resource adopts an order
 * another one holds, even when both were given the same explicit customerOrderId.
 */
export const claims = new Map<string, string>();

/** Records that `inputs`' resource holds `orderId`, so that no other resource of the deployment adopts it. */
export function claim(orderId: string, inputs: PhoneNumberOrderInputs): void {
  claims.set(orderId, inputs.resourceKey ?? inputs.name);
}

/** Whether another resource of this deployment holds `orderId`. */
export function claimedByAnother(orderId: string, inputs: PhoneNumberOrderInputs): boolean {
  const holder = claims.get(orderId);
  return holder !== undefined && holder !== (inputs.resourceKey ?? inputs.name);
}

/**
 * Whether an order found by this resource's CustomerOrderId is provably this resource's own: no other resource of the
 * deployment holds it, it echoes this resource's CustomerOrderId, name, site and peer, and each of its numbers is
 * still assigned to that very order (`GET /tns/{tn}` names the order a number last belonged to), so a number since
 * disconnected and recycled to someone else is never adopted back.
 */
export async function isOwnOrder(
  client: NumbersClient,
  orderId: string,
  inputs: PhoneNumberOrderInputs,
  customerOrderId: string,
): Promise<boolean> {
  if (claimedByAnother(orderId, inputs)) return false;
  const order = await client.getOrder(orderId);
  if (order.status === "FAILED") return false;
  if (order.customerOrderId !== undefined && order.customerOrderId !== customerOrderId) return false;
  if (order.name !== undefined && order.name !== inputs.name) return false;
  if (order.siteId !== undefined && order.siteId !== inputs.siteId) return false;
  // The echoed order-type element must be the one this resource orders with (criteria of another kind: not ours).
  const kind = criteriaKind(inputs as unknown as Record<string, unknown>);
  if (kind && order.orderType !== undefined && order.orderType !== orderTypeFor(criteriaOf(inputs)).element)
    return false;
  if (inputs.peerId !== undefined && order.peerId !== undefined && order.peerId !== inputs.peerId) return false;
  // So must the criteria it echoes (an order for area code 919 is not the replacement's order for 910).
  if (kind && !echoMatchesCriteria(criteriaOf(inputs), order.orderTypeFields)) return false;
  if (isPending(order.status)) return true;
  if (order.completedNumbers.length === 0) return false;
  // Each number read once: in service, on this account, under this very order (the ownership rule, applied to one order).
  const { lost } = await proveOwnership(client, order.completedNumbers, {
    orderIds: [orderId],
    accountId: numbersSettings().accountId,
    each: true,
  });
  return lost.length === 0;
}

/**
 * An order this resource may take over instead of placing one: same CustomerOrderId, not one of `exclude`, its own.
 * The lookup is shared with every other create of the deployment asking at the same moment (one orders list for all,
 * each row read by its CustomerOrderId), so a deployment of many orders does not list the account once per resource.
 */
export async function findReusableOrder(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  customerOrderId: string,
  exclude: ReadonlySet<string>,
): Promise<{ reusable?: string; known: Set<string> }> {
  const summaries = await findOrdersByCustomerOrderId(client, customerOrderId);
  const known = new Set(summaries.map((s) => s.orderId));
  const candidates = summaries
    .filter((s) => !exclude.has(s.orderId) && s.status !== "FAILED")
    .sort((a, b) => String(b.orderDate ?? "").localeCompare(String(a.orderDate ?? "")));
  for (const s of candidates) {
    if (!(await isOwnOrder(client, s.orderId, inputs, customerOrderId))) continue;
    // An explicit id may be declared in two stacks: a live order carrying it is never taken over.
    if (!isDerivedCustomerOrderId(inputs.customerOrderId)) {
      throw new CustomerOrderIdClashError(label(inputs), customerOrderId, s.orderId, exclude.size > 0);
    }
    return { reusable: s.orderId, known };
  }
  return { known };
}

/**
 * Places an order at most once. A POST that may have reached Bandwidth is never re-sent: a lost answer (reset,
 * timeout) and any 5xx (a gateway's 502/503/504 does not mean the backend stopped) are followed by lookups by the
 * CustomerOrderId over a grace period, and then by an error that says to run `pulumi up` again, whose create looks
 * for a late order by the same CustomerOrderId before it orders.
 */
export async function placeOrder(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  criteria: Criteria,
  customerOrderId: string,
  known: Set<string>,
  who: string,
): Promise<string> {
  const findPlaced = async () => {
    for (const s of await client.listOrders({ customerOrderId })) {
      if (known.has(s.orderId) || claimedByAnother(s.orderId, inputs)) continue;
      if (await isOwnOrder(client, s.orderId, inputs, customerOrderId)) return s;
    }
    return undefined;
  };
  try {
    const placed = await client.createOrder({
      name: inputs.name,
      siteId: inputs.siteId,
      peerId: inputs.peerId,
      customerOrderId,
      partialAllowed: inputs.partialAllowed,
      backOrderRequested: inputs.backOrderRequested,
      tnAttributes: inputs.tnAttributes,
      criteria,
    });
    recordPlacedOrder(client, placedRow(placed.orderId, placed.status, customerOrderId));
    progress(`${who}: placed order ${placed.orderId} (CustomerOrderId ${customerOrderId})`);
    return placed.orderId;
  } catch (e) {
    if (!mayHaveReachedServer(e)) throw e;
    // An order may now exist that no list has shown: the process's view of the account's orders is no longer whole.
    forgetPlacedOrders(client);
    const serverError = e instanceof BandwidthError && e.status !== undefined && e.status >= 500;
    for (const waitMs of PLACEMENT_GRACE_MS) {
      await new Promise((r) => setTimeout(r, waitMs));
      const created = await findPlaced().catch(() => undefined);
      if (created) {
        recordPlacedOrder(client, created);
        progress(`${who}: the order reached Bandwidth though its answer was lost: order ${created.orderId}`);
        return created.orderId;
      }
    }
    const what = serverError ? `Bandwidth answered ${(e as BandwidthError).status}` : "the answer was lost";
    throw new MayHaveReachedServerError(
      `${who}: the order request may have reached Bandwidth (${what}: ${(e as Error).message}), and no order with ` +
        `CustomerOrderId ${customerOrderId} has shown up yet. It was not sent again`,
      "Run `pulumi up` again: an order Bandwidth placed meanwhile is found by that CustomerOrderId and resumed, " +
        "not placed twice",
      customerOrderId,
      { cause: e },
    );
  }
}

/** The orders-list row of an order this process just placed. */
function placedRow(orderId: string, status: string, customerOrderId: string): OrderSummary {
  return { orderId, customerOrderId, status, orderDate: new Date().toISOString(), countOfTNs: 0 };
}

/** Adopts or places one order for `criteria` and waits for it; the holding absorbs whatever it got. */
export async function acquire(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  h: Holding,
  criteria: Criteria,
  customerOrderId: string,
  deadlineMs: number,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  const who = label(inputs);
  const { reusable, known } = await findReusableOrder(client, inputs, customerOrderId, new Set(h.orderIds));
  let orderId: string;
  if (reusable) {
    progress(`${who}: resuming order ${reusable} found by CustomerOrderId ${customerOrderId}`);
    orderId = reusable;
  } else {
    orderId = await placeOrder(client, inputs, criteria, customerOrderId, known, who);
  }
  claim(orderId, inputs);
  h.orderIds.push(orderId);
  h.pendingOrderIds.push(orderId);
  return settle(client, h, orderId, deadlineMs, who);
}

/** Waits for one order and folds the result in; a FAILED order is an error quoting every code, description and TN. */
export async function settle(
  client: NumbersClient,
  h: Holding,
  orderId: string,
  deadlineMs: number,
  who: string,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  const result = await awaitOrder(client, orderId, deadlineMs, who);
  absorb(h, result.order);
  if (result.order.status === "FAILED") {
    h.pendingOrderIds = h.pendingOrderIds.filter((id) => id !== orderId);
  }
  return result;
}

/** The extra order's CustomerOrderId: the base one plus the order's sequence in this resource, within 40 characters. */
export function extraCustomerOrderId(base: string, sequence: number): string {
  const suffix = `-${sequence}`;
  return `${base.slice(0, 40 - suffix.length)}${suffix}`;
}
