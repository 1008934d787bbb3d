/**
 * Moving a PhoneNumberOrder's numbers to another site or location in place, never by replacing them: Bandwidth's
 * account-level move order (`POST /accounts/{a}/moveTns`), polled to its final status with the watcher's timing rules.
 * Every move order placed is recorded in the holding's moveOrderIds, because Bandwidth names it as each moved number's
 * order (`GET /tns/{tn}`), so the resource's own orders include it.
 */
import { MoveRefusedError } from "../errors";
import { ApiError, mayHaveReachedServer, NotFoundError } from "../http";
import type { ApiErrorDetail, MoveOrderInfo, NumbersClient } from "../numbers";
import { isPending, ORDER_LOOK_GROWTH, ProcessingTime } from "../numbers/watch";
import { progress } from "../resources/lifecycle";
import type { Holding } from "./holding";
import { describe, PLACEMENT_GRACE_MS } from "./placement";

/** Where a resource's numbers are: a site and, when given, a location (SIP peer) under it. */
export interface NumberLocation {
  /** The site (sub-account). */
  siteId: string;
  /** The location; without one, Bandwidth's site default. */
  peerId?: string;
}

/** Whether two locations are the same: a change of either id is a move. */
export function sameLocation(a: NumberLocation, b: NumberLocation): boolean {
  return a.siteId === b.siteId && (a.peerId ?? "") === (b.peerId ?? "");
}

/** Bandwidth's documented maximum of numbers per move order. */
export const MOVE_BATCH = 5000;

/** What to change after a refused move, then run again. */
export const MOVE_REFUSED_NEXT =
  "Nothing was disconnected and the stack keeps the numbers' previous siteId and peerId: fix the destination " +
  "(a site and a location under it on this account) and run `pulumi up` again to move them";

/** Move orders of one provider process share what they learn about how long Bandwidth takes. */
const moveTime = new ProcessingTime(ORDER_LOOK_GROWTH);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The CustomerOrderId of the resource's n-th move order (at most 40 characters, like every CustomerOrderId). */
function moveCustomerOrderId(base: string, sequence: number): string {
  const suffix = `-move-${sequence}`;
  return `${base.slice(0, 40 - suffix.length)}${suffix}`;
}

/** Polls a move order until final or the deadline: first look when moves are typically done, progress lines on change. */
async function awaitMove(
  client: NumbersClient,
  orderId: string,
  deadlineMs: number,
  who: string,
): Promise<{ order: MoveOrderInfo; timedOut: boolean }> {
  const started = Date.now();
  let lastStatus = "";
  let lastReport = started;
  let pendingAt = 0;
  let nextAt = moveTime.firstLookAt(started);
  for (;;) {
    await sleep(Math.min(nextAt, deadlineMs) - Date.now());
    const order = await client.getMoveOrder(orderId);
    const elapsed = Date.now() - started;
    if (order.status !== lastStatus || Date.now() - lastReport >= 30_000) {
      progress(`${who}: move order ${orderId} is ${order.status} (${Math.round(elapsed / 1000)}s)`);
      lastStatus = order.status;
      lastReport = Date.now();
    }
    if (!isPending(order.status)) {
      moveTime.observe(elapsed, pendingAt);
      return { order, timedOut: false };
    }
    if (Date.now() >= deadlineMs) return { order, timedOut: true };
    pendingAt = elapsed;
    nextAt = Date.now() + moveTime.nextDelay(elapsed);
  }
}

/** Looks a move order up by CustomerOrderId and one of its numbers over the placement grace period (about 10 s). */
async function findLostMove(client: NumbersClient, customerOrderId: string, tn: string): Promise<string | undefined> {
  for (const waitMs of PLACEMENT_GRACE_MS) {
    await sleep(waitMs);
    try {
      const rows = await client.findMoveOrders(customerOrderId, tn);
      if (rows.length > 0) return rows[rows.length - 1].orderId;
    } catch {
      // A failed look is one more reason to look again; the grace period bounds it.
    }
  }
  return undefined;
}

/** The numbers a final move order moved: all of a COMPLETE order's, a PARTIAL one's except those its errors name. */
function movedBy(order: MoveOrderInfo, asked: readonly string[]): Set<string> {
  const status = order.status.toUpperCase();
  if (status === "COMPLETE") return new Set(asked);
  if (status !== "PARTIAL") return new Set();
  const failed = new Set(order.errors.map((e) => e.telephoneNumber));
  const listed = new Set(order.telephoneNumbers);
  return new Set(asked.filter((tn) => listed.has(tn) && !failed.has(tn)));
}

function refusal(
  who: string,
  to: NumberLocation,
  orderId: string | undefined,
  status: string,
  errors: ApiErrorDetail[],
): MoveRefusedError {
  const where = `site ${to.siteId}${to.peerId ? `, location ${to.peerId}` : ""}`;
  const codes = errors.length > 0 ? `: ${errors.map(describe).join("; ")}` : "";
  const order = orderId ? `move order ${orderId} ${status}` : "the move was refused";
  return new MoveRefusedError(
    `${who}: moving the numbers to ${where}: ${order}${codes}`,
    MOVE_REFUSED_NEXT,
    orderId,
    errors,
    status,
  );
}

/**
 * Moves every number of the holding to `to`, keeping each at its index. A move order of an earlier `pulumi up` to the
 * same place is read first: still pending, it is waited on; what it moved is not sent again. Throws MoveRefusedError
 * when Bandwidth refuses the order, or it ends FAILED or PARTIAL or is not final by the deadline; the orders placed
 * are in `h.moveOrderIds` whatever happens.
 */
export async function moveNumbers(
  client: NumbersClient,
  h: Holding,
  to: NumberLocation,
  customerOrderId: string,
  deadlineMs: number,
  who: string,
): Promise<void> {
  h.moveOrderIds ??= [];
  let left = [...h.telephoneNumbers];
  const earlier = h.moveOrderIds.at(-1);
  if (earlier !== undefined) {
    let order = await client.getMoveOrder(earlier);
    const sameDestination = order.siteId === to.siteId && (to.peerId === undefined || order.sipPeerId === to.peerId);
    if (sameDestination) {
      if (isPending(order.status)) {
        progress(`${who}: resuming move order ${earlier}`);
        const waited = await awaitMove(client, earlier, deadlineMs, who);
        if (waited.timedOut) throw refusal(who, to, earlier, `still ${waited.order.status}`, []);
        order = waited.order;
      }
      const done = movedBy(order, left);
      left = left.filter((tn) => !done.has(tn));
    }
  }
  for (let i = 0; i < left.length; i += MOVE_BATCH) {
    const batch = left.slice(i, i + MOVE_BATCH);
    const coid = moveCustomerOrderId(customerOrderId, h.moveOrderIds.length + 1);
    progress(
      `${who}: moving ${batch.length} number(s) to site ${to.siteId}${to.peerId ? `, location ${to.peerId}` : ""}`,
    );
    let placed: { orderId: string };
    try {
      placed = await client.createMoveOrder({
        customerOrderId: coid,
        siteId: to.siteId,
        sipPeerId: to.peerId,
        telephoneNumbers: batch,
      });
    } catch (e) {
      // A refusal moved nothing.
      if ((e instanceof ApiError || e instanceof NotFoundError) && !mayHaveReachedServer(e))
        throw refusal(who, to, undefined, "FAILED", e.errors ?? []);
      if (!mayHaveReachedServer(e)) throw e;
      // An order whose answer was lost may be the numbers' order now: find it, so the resource records it as its own.
      const found = await findLostMove(client, coid, batch[0]);
      if (found === undefined) throw e;
      progress(`${who}: the answer to move order ${found} was lost; found it by its CustomerOrderId`);
      placed = { orderId: found };
    }
    h.moveOrderIds.push(placed.orderId);
    const { order, timedOut } = await awaitMove(client, placed.orderId, deadlineMs, who);
    if (timedOut) throw refusal(who, to, placed.orderId, `still ${order.status}`, []);
    const moved = movedBy(order, batch);
    if (moved.size < batch.length) {
      const errors =
        order.errors.length > 0
          ? order.errors
          : [{ code: "", description: `${batch.length - moved.size} number(s) not moved` }];
      throw refusal(who, to, placed.orderId, order.status, errors);
    }
  }
}
