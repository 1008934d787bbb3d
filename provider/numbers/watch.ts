/**
 * Waiting for many orders and disconnects of one account at once. Every dynamic resource of a deployment runs in one
 * provider process, so pending orders can share one date-bounded `GET /orders` (no status filter: Bandwidth's list
 * refuses RECEIVED, so each row's own OrderStatus is read), concurrent destroys can share one disconnect order, and
 * creates can share one lookup by CustomerOrderId. Each caller still gets its own result.
 */
import { DeadlineError } from "../http/errors";
import type { NumbersClient } from "./client";
import type { ApiErrorDetail, DisconnectInfo, OrderInfo, OrderSummary } from "./types";

/** Statuses after which an order or disconnect can still change (kept for callers; see `isPending`). */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(["RECEIVED", "PROCESSING", "BACKORDERED"]);

/** The only final statuses: any other, known or not, means the order may still change and is waited on. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["COMPLETE", "PARTIAL", "FAILED"]);

/** True for every status that is not final: an order in a status we do not know is still waited on. */
export function isPending(status: string): boolean {
  return !FINAL_STATUSES.has(status.toUpperCase());
}

/** yyyy-mm-dd of the day before `ms` (UTC): a list from then covers an order in whatever time zone the API dates it. */
export function listStartDate(ms: number): string {
  return new Date(ms - 24 * 3600_000).toISOString().slice(0, 10);
}

/**
 * How much the wait between looks grows per look before a processing time is learned, for orders: the work ends
 * somewhere between two looks, so the lag is at most this share of the time waited (9 %: under 10 % of the processing
 * time, with a read's latency to spare) and half of it on average.
 */
export const ORDER_LOOK_GROWTH = 0.09;
/** The same for disconnects, whose lag nobody waits on as a create does: fewer polls, at most 15 % late. */
export const DISCONNECT_LOOK_GROWTH = 0.15;
/**
 * The shortest wait between two looks at the same work: the lag at most, for work shorter than a second, so under
 * the 100 ms a user can tell, with a read's latency to spare.
 */
export const MIN_LOOK_GAP_MS = 80;

/**
 * The wait before the next look at work started `elapsedMs` ago when no processing time has been learned yet:
 * 80 ms at first, then `growth` of the time waited so far, at most 5 s.
 */
export function nextLookDelay(elapsedMs: number, growth = ORDER_LOOK_GROWTH): number {
  return Math.min(5_000, Math.max(MIN_LOOK_GAP_MS, elapsedMs * growth));
}

/**
 * Processing times seen lately (orders or disconnects of one account), so the first look lands when the work is
 * likely done: the median of the last samples, from Bandwidth's own create and complete dates where it gives both.
 */
export class ProcessingTime {
  private readonly samples: number[] = [];

  /** `growth`: how much the wait grows per look while nothing is learned (see `nextLookDelay`). */
  constructor(private readonly growth = ORDER_LOOK_GROWTH) {}

  /**
   * Adds what one look that found the work final says: `seenMs` after it started; `pendingAtMs` the last earlier
   * look that found it pending (0 if none). A first look that finds it final only bounds the time from above, so it
   * never raises the learned time (else each first look, set just after it, would push it further out).
   */
  observe(seenMs: number, pendingAtMs: number): void {
    const typical = this.typicalMs;
    if (pendingAtMs > 0) this.add(pendingAtMs + (seenMs - pendingAtMs) / 2);
    else this.add(typical === undefined ? seenMs : Math.min(seenMs, typical));
  }

  /** Adds one known processing time (ms). */
  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.samples.push(ms);
    if (this.samples.length > 16) this.samples.shift();
  }

  /** The median of recent samples, or undefined before the first one. */
  get typicalMs(): number | undefined {
    if (this.samples.length === 0) return undefined;
    const sorted = [...this.samples].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)];
  }

  /** When to look first at work started `startedAt`: just after the learned time, or 80 ms when none is known. */
  firstLookAt(startedAt: number): number {
    const typical = this.typicalMs;
    return startedAt + (typical === undefined ? MIN_LOOK_GAP_MS : Math.max(MIN_LOOK_GAP_MS, typical * 1.02 + 20));
  }

  /** The wait after a look that found the work pending, `elapsedMs` after it started. */
  nextDelay(elapsedMs: number): number {
    const typical = this.typicalMs;
    // Past the learned time, look often: the work is due any moment, and lag is what the user waits.
    if (typical !== undefined && elapsedMs < typical * 3) return Math.max(MIN_LOOK_GAP_MS, typical * 0.05);
    return nextLookDelay(elapsedMs, this.growth);
  }
}

/** Shortest gap between two shared list requests. */
const MIN_LIST_GAP_MS = MIN_LOOK_GAP_MS;
/** A look due within this much of a tick is taken at that tick. */
const LOOK_AHEAD_MS = 50;
/** Re-looks due at once from which one shared list is cheaper than reading each order. */
const LIST_FROM_DUE = 3;
/** Pages of the shared list read per tick at most; beyond them, orders are read one by one. */
const MAX_LIST_PAGES = 5;
/** How long a tick waits for the shared list before reading the due orders directly. */
const LIST_PATIENCE_MS = 5_000;

interface Waiter {
  orderId: string;
  startedAt: number;
  dueAt: number;
  deadlineMs: number;
  looks: number;
  /** When (ms after start) a look last found the order pending. */
  pendingAtMs?: number;
  lastStatus?: string;
  lastOrder?: OrderInfo;
  onStatus?: (order: { status: string }, elapsedMs: number) => void;
  resolve: (r: { order: OrderInfo; timedOut: boolean }) => void;
  reject: (e: unknown) => void;
}

/** What a waiter whose order was never read gets at its deadline: the order as last known, still pending. */
function pendingView(orderId: string, status: string): OrderInfo {
  return {
    orderId,
    status,
    completedNumbers: [],
    failedNumbers: [],
    completedQuantity: 0,
    failedQuantity: 0,
    errors: [],
  };
}

function timeBetween(from: string | undefined, to: string | undefined): number {
  if (!from || !to) return Number.NaN;
  return Date.parse(to) - Date.parse(from);
}

function settleLater<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Watches the pending orders of one account; one instance per NumbersClient. Each tick makes at most one list
 * request, bounded by the oldest pending order's date and without a status filter; an order missing from the list or
 * listed with a final status is read directly (the list does not carry its numbers). A refused or failing list
 * falls back to direct reads; a slow read holds up no other order, and no waiter past its deadline.
 */
export class OrderWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly reading = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private lastTickAt = 0;
  /** Processing times this process has seen; the first look at a new order waits about that long. */
  readonly processing = new ProcessingTime();

  constructor(private readonly client: NumbersClient) {}

  /** Resolves when the order is final (COMPLETE, PARTIAL, FAILED) or the deadline passes (`timedOut`, last view). */
  wait(
    orderId: string,
    opts: { deadlineMs: number; onStatus?: (order: { status: string }, elapsedMs: number) => void },
  ): Promise<{ order: OrderInfo; timedOut: boolean }> {
    return new Promise((resolve, reject) => {
      const now = Date.now();
      const waiter: Waiter = {
        orderId,
        startedAt: now,
        dueAt: this.processing.firstLookAt(now),
        deadlineMs: opts.deadlineMs,
        looks: 0,
        onStatus: opts.onStatus,
        resolve,
        reject,
      };
      const list = this.waiters.get(orderId) ?? [];
      list.push(waiter);
      this.waiters.set(orderId, list);
      this.schedule();
    });
  }

  /** Number of orders being waited for. */
  get size(): number {
    return this.waiters.size;
  }

  private schedule(): void {
    if (this.ticking) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiters.size === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const [id, list] of this.waiters) {
      for (const w of list) next = Math.min(next, w.deadlineMs, this.reading.has(id) ? Infinity : w.dueAt);
    }
    if (next === Number.POSITIVE_INFINITY) return; // every order is being read; its read schedules the next tick
    // Orders placed a moment apart would each bring their own tick: several share one tick instead.
    if (this.waiters.size > 1) next = Math.max(next, this.lastTickAt + MIN_LIST_GAP_MS);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, next - Date.now()));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      const now = Date.now();
      this.lastTickAt = now;
      this.expire(now);
      // Looks due shortly ride along with this tick rather than bringing their own.
      const due = [...this.waiters.keys()].filter(
        (id) => !this.reading.has(id) && this.waiters.get(id)!.some((w) => w.dueAt <= now + LOOK_AHEAD_MS),
      );
      if (due.length === 0) return;
      // A first look at the learned processing time finds the order most likely final: read it. Other looks share
      // one list when several are due; orders it shows final or does not show are read one by one.
      const learned = this.processing.typicalMs !== undefined;
      const relooks = due.filter((id) => !learned || this.waiters.get(id)!.some((w) => w.looks > 0));
      let listed: Map<string, OrderSummary> | undefined;
      if (relooks.length >= LIST_FROM_DUE) listed = await this.listSince(relooks);
      for (const id of due) {
        const row = listed?.get(id);
        if (row && isPending(row.status)) this.observe(id, undefined, row.status);
        else this.read(id);
      }
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }

  /** One list of the account's orders since the oldest of `ids` was placed; undefined when it fails or is slow. */
  private async listSince(ids: string[]): Promise<Map<string, OrderSummary> | undefined> {
    const now = Date.now();
    let oldest = now;
    let deadline = now + LIST_PATIENCE_MS;
    for (const list of this.waiters.values()) for (const w of list) deadline = Math.min(deadline, w.deadlineMs);
    for (const id of ids) for (const w of this.waiters.get(id) ?? []) oldest = Math.min(oldest, w.startedAt);
    // No waiter passes its deadline waiting for the list.
    const rows = await settleLater(
      this.client.listOrders({ startDate: listStartDate(oldest), maxPages: MAX_LIST_PAGES }).catch(() => undefined),
      Math.max(0, deadline - now),
    );
    return rows === undefined ? undefined : new Map(rows.map((r) => [r.orderId, r]));
  }

  /** Resolves, with the last view, every waiter whose deadline has passed (a read in flight does not hold it). */
  private expire(now: number): void {
    for (const [id, list] of this.waiters) {
      const remaining = list.filter((w) => {
        if (w.deadlineMs > now) return true;
        w.resolve({ order: w.lastOrder ?? pendingView(id, w.lastStatus ?? "RECEIVED"), timedOut: true });
        return false;
      });
      if (remaining.length === 0) this.waiters.delete(id);
      else this.waiters.set(id, remaining);
    }
  }

  /** Reads one order in the background; its answer settles or reschedules its waiters. */
  private read(orderId: string): void {
    this.reading.add(orderId);
    void this.client
      .getOrder(orderId)
      .then(
        (order) => this.observe(orderId, order, order.status),
        (e) => this.failedRead(orderId, e),
      )
      .finally(() => {
        this.reading.delete(orderId);
        if (!this.ticking) this.schedule();
      });
  }

  /** A failed read is not the order's fault: keep looking until the deadline, then hand the error over. */
  private failedRead(orderId: string, e: unknown): void {
    const list = this.waiters.get(orderId);
    if (!list) return;
    const now = Date.now();
    const remaining: Waiter[] = [];
    for (const w of list) {
      if (w.deadlineMs <= now) {
        if (w.lastOrder) w.resolve({ order: w.lastOrder, timedOut: true });
        else w.reject(e);
      } else {
        w.looks += 1;
        w.dueAt = now + this.processing.nextDelay(now - w.startedAt);
        remaining.push(w);
      }
    }
    if (remaining.length === 0) this.waiters.delete(orderId);
    else this.waiters.set(orderId, remaining);
  }

  /** Applies what a read (`order`) or a list row (status only) says; settles the waiters when final. */
  private observe(orderId: string, order: OrderInfo | undefined, status: string): void {
    const list = this.waiters.get(orderId);
    if (!list) return;
    const final = order !== undefined && !isPending(status);
    const now = Date.now();
    if (final) {
      const byServer = timeBetween(order.orderCreateDate, order.orderCompleteDate);
      const first = list.reduce((a, w) => (w.startedAt < a.startedAt ? w : a));
      const seen = now - first.startedAt;
      if (Number.isFinite(byServer) && byServer >= 0 && byServer <= seen) this.processing.add(byServer);
      else this.processing.observe(seen, first.pendingAtMs ?? 0);
    }
    const remaining: Waiter[] = [];
    for (const w of list) {
      if (w.lastStatus !== status) w.onStatus?.({ status }, now - w.startedAt);
      w.lastStatus = status;
      if (order) w.lastOrder = order;
      if (final) w.resolve({ order: order!, timedOut: false });
      else if (w.deadlineMs <= now) w.resolve({ order: w.lastOrder ?? pendingView(orderId, status), timedOut: true });
      else {
        w.looks += 1;
        w.pendingAtMs = now - w.startedAt;
        w.dueAt = now + this.processing.nextDelay(now - w.startedAt);
        remaining.push(w);
      }
    }
    if (remaining.length === 0) this.waiters.delete(orderId);
    else this.waiters.set(orderId, remaining);
  }
}

/** Ids looked up together at most; beyond them the lookups share no list. */
const LOOKUP_WINDOW_MS = 20;
/** Pages of the shared lookup list at most (1000 rows each); an account with more orders is looked up per id. */
const MAX_LOOKUP_PAGES = 10;
/**
 * How long one list answers this process's lookups; after it, the next lookup merges in a list of the days since.
 * It is also how much later than before an order from an earlier run may show up (a POST answered 504 whose backend
 * went on) and still be found: short, so that margin stays small next to a gateway's own timeout.
 */
export const ORDER_VIEW_FRESH_MS = 10_000;

/** Bumped by `forgetOrderViews`: a view of an older epoch answers nothing. */
let viewEpoch = 0;

/**
 * Finds orders by CustomerOrderId for many creates at once, keeping one view of the account's orders for the process.
 *
 * The lookup before ordering exists to find orders placed by earlier deployments (a `pulumi up` killed mid-order, an
 * answer lost on the way back), so it needs a list requested after those deployments ended, not one per create:
 * - lookups asked within a short window share one list of the account's orders, and that list is kept as the
 *   process's view of the account's orders (without a date range or a `customerOrderId` filter Bandwidth's list covers
 *   the last two years: an order older than that, which only the per-id filter reaches, is not seen);
 * - for 10 s after it was requested, the view answers lookups at once; then the next lookup merges in one list of the
 *   days since (date-bounded, one page for most accounts);
 * - every order this process places is added to the view as its POST is answered; a POST whose outcome is unknown
 *   (`forget`) drops the view, so no lookup is answered from a list older than an order that may exist unseen;
 * - a lone first lookup, an account whose orders span more pages than a list reads, or rows that do not echo
 *   CustomerOrderIds use Bandwidth's per-id filter, as does the grace lookup after an unknown outcome (the caller's).
 *
 * What the view does not see: an order placed by another process after the view's list was requested: a deployment
 * of the same stack running at the same moment (Pulumi's stack lock forbids it), or an earlier run's order that
 * Bandwidth created late (after a 504): a lookup may be answered up to 10 s later than its own list would have been.
 */
export class CustomerOrderIdLookup {
  private batch: Array<{ id: string; resolve: (r: OrderSummary[]) => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  /**
   * The account's orders by id, as of the list's request plus this process's placements since; undefined when
   * unknown. `requestedAt` is on the monotonic clock (freshness), `requestedAtMs` on the wall clock (list dates).
   */
  private view: { rows: Map<string, OrderSummary>; requestedAt: number; requestedAtMs: number } | undefined;
  /** Bumped by `forget`: a list requested before an unknown outcome never becomes the view. */
  private generation = 0;
  /** Whether this process has listed for a batch: once it has, a lone lookup refreshes the view rather than filtering. */
  private listed = false;
  /**
   * False once a list could not serve lookups (its orders fill more pages than a list reads, or its rows carry no
   * CustomerOrderId): the account's lookups then use the per-id filter, without paying for that list again.
   */
  private listable = true;
  /** Every order this process placed (of the current epoch), for views whose list was requested before the POST. */
  private placed = new Map<string, OrderSummary>();
  private placedEpoch = viewEpoch;

  constructor(
    private readonly client: NumbersClient,
    /** A monotonic clock in ms: a wall clock stepped back must not keep a view fresh. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The orders placed with this CustomerOrderId, as `listOrders({ customerOrderId })` would list them. */
  find(customerOrderId: string): Promise<OrderSummary[]> {
    const view = this.currentView();
    if (view && this.now() - view.requestedAt < ORDER_VIEW_FRESH_MS) {
      return Promise.resolve(rowsOf(view.rows, customerOrderId));
    }
    return new Promise((resolve, reject) => {
      this.batch.push({ id: customerOrderId, resolve, reject });
      this.timer ??= setTimeout(() => void this.flush(), LOOKUP_WINDOW_MS);
    });
  }

  /** Adds an order this process placed (its POST answered) to the view, as the account's list would show it. */
  record(order: OrderSummary): void {
    this.currentView()?.rows.set(order.orderId, order);
    this.placed.set(order.orderId, order);
  }

  /** Drops the view: an order POST's outcome is unknown, so an order may exist that no list has shown yet. */
  forget(): void {
    this.generation += 1;
    this.view = undefined;
  }

  private currentView() {
    if (this.placedEpoch !== viewEpoch) {
      this.view = undefined;
      this.placed = new Map();
      this.listed = false;
      this.listable = true;
      this.placedEpoch = viewEpoch;
    }
    return this.view;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.timer = undefined;
    const ids = new Set(batch.map((b) => b.id));
    const perId = async () => {
      await Promise.all(
        [...ids].map(async (id) => {
          const mine = batch.filter((b) => b.id === id);
          try {
            const rows = await this.client.listOrders({ customerOrderId: id });
            for (const b of mine) b.resolve(rows);
          } catch (e) {
            for (const b of mine) b.reject(e);
          }
        }),
      );
    };
    const stale = this.currentView();
    if (!this.listable || (ids.size < 2 && !this.listed)) return perId();
    const generation = this.generation;
    const epoch = viewEpoch;
    const requestedAt = this.now();
    const requestedAtMs = Date.now();
    let rows: OrderSummary[];
    let complete: boolean;
    try {
      // A stale view needs only the orders created since a day before its list (dates are days, in some time zone).
      ({ orders: rows, complete } = await this.client.listOrderPages({
        maxPages: MAX_LOOKUP_PAGES,
        ...(stale ? { startDate: listStartDate(stale.requestedAtMs) } : {}),
      }));
    } catch {
      return perId();
    }
    // A list the page cap cut short may go on; rows none of which carries a CustomerOrderId mean this list does not
    // echo it (rather than orders placed without one): in either case the ids are looked up one by one.
    const echoesIds = rows.length === 0 || rows.some((r) => r.customerOrderId !== undefined);
    if (!complete || !echoesIds) {
      this.view = undefined;
      this.listed = false;
      this.listable = false;
      return perId();
    }
    this.listed = true;
    const merged = new Map(stale?.rows);
    for (const r of rows) merged.set(r.orderId, r);
    // An order this process placed while the list was in flight may be missing from it.
    this.currentView();
    for (const [id, r] of this.placed) if (!merged.has(id)) merged.set(id, r);
    if (this.generation === generation && epoch === viewEpoch) this.view = { rows: merged, requestedAt, requestedAtMs };
    for (const b of batch) b.resolve(rowsOf(merged, b.id));
  }
}

function rowsOf(rows: Map<string, OrderSummary>, customerOrderId: string): OrderSummary[] {
  return [...rows.values()].filter((r) => r.customerOrderId === customerOrderId);
}

/** The shared lookups of each client (one per provider process and account). */
const lookups = new WeakMap<NumbersClient, CustomerOrderIdLookup>();

function lookupOf(client: NumbersClient): CustomerOrderIdLookup {
  let lookup = lookups.get(client);
  if (!lookup) {
    lookup = new CustomerOrderIdLookup(client);
    lookups.set(client, lookup);
  }
  return lookup;
}

/**
 * The orders with this CustomerOrderId: from the process's view of the account's orders while it is fresh, else
 * looked up together with every other create of the deployment asking at the same moment.
 */
export function findOrdersByCustomerOrderId(client: NumbersClient, customerOrderId: string): Promise<OrderSummary[]> {
  return lookupOf(client).find(customerOrderId);
}

/** Adds an order this process placed to its view of the account's orders. */
export function recordPlacedOrder(client: NumbersClient, order: OrderSummary): void {
  lookupOf(client).record(order);
}

/** Drops the view of the account's orders after an order POST whose outcome is unknown. */
export function forgetPlacedOrders(client: NumbersClient): void {
  lookupOf(client).forget();
}

/**
 * Drops every view of every account's orders, as a new provider process starts without one. For harnesses that run
 * several deployments in one process (a real `pulumi up` runs its provider in a process of its own).
 */
export function forgetOrderViews(): void {
  viewEpoch += 1;
}

/** The current epoch of `forgetOrderViews`: a per-process view made in an older one answers nothing. */
export function viewEpochNow(): number {
  return viewEpoch;
}

/** What one caller of a shared disconnect learns about its own numbers. */
export interface DisconnectOutcome {
  /** The disconnect order that carried the numbers. */
  disconnectId: string;
  /** Its final status (or the last one seen, when `timedOut`). */
  status: string;
  timedOut: boolean;
  /** The caller's numbers Bandwidth reports disconnected. */
  disconnected: string[];
  /** Errors about the caller's numbers. */
  errors: ApiErrorDetail[];
  /**
   * Errors about no number in particular. They cannot be pinned on one caller of a shared disconnect: a caller whose
   * numbers are all disconnected may ignore them, the others prove each number's fate (an in-service check).
   */
  unattributed: ApiErrorDetail[];
}

interface DisconnectRequest {
  telephoneNumbers: string[];
  deadlineMs: number;
  onStatus?: (d: { status: string; disconnectId: string }, elapsedMs: number) => void;
  resolve: (r: DisconnectOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Shortest gap between two disconnect orders of one kind: 100 ms, so a stream of deletes places at most ten a second
 * (the emulator's DISCONNECT rate; Bandwidth documents the category, not its rate), each carrying every number asked
 * for meanwhile.
 */
const MIN_DISCONNECT_GAP_MS = 100;

/** Bandwidth's limit on numbers per disconnect order is not documented; 5000 matches its order quantity limit. */
const MAX_NUMBERS_PER_DISCONNECT = 5000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** One disconnect's polling: a promise settled when it ends, and whether it has. */
interface PollRun {
  ended: Promise<void>;
  done: boolean;
}

/**
 * Merges the disconnects asked for before the next turn of the event loop (same mode and protection) into one
 * disconnect order, polled once for all of them: first at the disconnect processing time seen before, then often.
 * A failing poll is retried until the deadline; the callers get an error only when no view of the order came back.
 */
export class DisconnectBatcher {
  private readonly queues = new Map<string, { requests: DisconnectRequest[]; timer: NodeJS.Timeout }>();
  /** When each kind of disconnect (mode and protection) was last placed. */
  private readonly lastFlushAt = new Map<string, number>();
  /** Disconnect processing times this process has seen. */
  readonly processing = new ProcessingTime(DISCONNECT_LOOK_GROWTH);
  /**
   * The disconnect polled while no processing time is learned, and its end: another one placed meanwhile waits for
   * it to learn rather than polling on the same unlearned schedule (an account's disconnects take about as long).
   */
  private pioneer: PollRun | undefined;

  constructor(
    private readonly client: NumbersClient,
    private readonly windowMs = 0,
    /** Told of every disconnect placed, with its numbers (the account's disconnect history keeps them). */
    private readonly onPlaced?: (disconnectId: string, numbers: readonly string[]) => void,
  ) {}

  disconnect(
    telephoneNumbers: string[],
    opts: {
      deadlineMs: number;
      disconnectMode?: string;
      protected?: "TRUE" | "FALSE" | "UNCHANGED";
      onStatus?: (d: { status: string; disconnectId: string }, elapsedMs: number) => void;
    },
  ): Promise<DisconnectOutcome> {
    const key = JSON.stringify([opts.disconnectMode ?? null, opts.protected ?? null]);
    return new Promise((resolve, reject) => {
      const request: DisconnectRequest = {
        telephoneNumbers,
        deadlineMs: opts.deadlineMs,
        onStatus: opts.onStatus,
        resolve,
        reject,
      };
      let queue = this.queues.get(key);
      if (!queue) {
        // A lone disconnect goes out on the next tick; under a stream of deletes, those asked within a gap of the
        // last one placed ride together, so disconnect orders go out at most as often as the gap allows.
        const sinceLast = Date.now() - (this.lastFlushAt.get(key) ?? 0);
        const waitMs = Math.max(this.windowMs, MIN_DISCONNECT_GAP_MS - sinceLast);
        const timer = setTimeout(() => this.flush(key, opts.disconnectMode, opts.protected), waitMs);
        queue = { requests: [], timer };
        this.queues.set(key, queue);
      }
      queue.requests.push(request);
      const queued = queue.requests.reduce((n, r) => n + r.telephoneNumbers.length, 0);
      if (queued >= MAX_NUMBERS_PER_DISCONNECT) {
        clearTimeout(queue.timer);
        this.flush(key, opts.disconnectMode, opts.protected);
      }
    });
  }

  private flush(key: string, disconnectMode?: string, protectedFlag?: "TRUE" | "FALSE" | "UNCHANGED"): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    this.queues.delete(key);
    this.lastFlushAt.set(key, Date.now());
    void this.run(queue.requests, disconnectMode, protectedFlag);
  }

  private async run(
    requests: DisconnectRequest[],
    disconnectMode?: string,
    protectedFlag?: "TRUE" | "FALSE" | "UNCHANGED",
  ): Promise<void> {
    const numbers = [...new Set(requests.flatMap((r) => r.telephoneNumbers))];
    let disconnectId: string;
    try {
      ({ orderId: disconnectId } = await this.client.createDisconnect({
        name: `pulumi disconnect of ${numbers.length} number(s)`,
        telephoneNumbers: numbers,
        disconnectMode,
        protected: protectedFlag,
      }));
    } catch (e) {
      for (const r of requests) r.reject(e);
      return;
    }
    this.onPlaced?.(disconnectId, numbers);
    const started = Date.now();
    let endRun!: () => void;
    const me = { ended: new Promise<void>((r) => (endRun = r)), done: false };
    try {
      await this.poll(requests, disconnectId, started, me);
    } finally {
      me.done = true;
      endRun();
    }
  }

  private async poll(requests: DisconnectRequest[], disconnectId: string, started: number, me: PollRun): Promise<void> {
    let open = [...requests];
    let last: DisconnectInfo | undefined;
    let lastError: unknown;
    const settle = (r: DisconnectRequest, d: DisconnectInfo, timedOut: boolean) => {
      const mine = new Set(r.telephoneNumbers);
      r.resolve({
        disconnectId,
        status: d.status,
        timedOut,
        disconnected: d.disconnectedNumbers.filter((tn) => mine.has(tn)),
        errors: d.errors.filter((e) => e.telephoneNumber !== undefined && mine.has(e.telephoneNumber)),
        unattributed: d.errors.filter((e) => e.telephoneNumber === undefined),
      });
    };
    let nextAt = this.processing.firstLookAt(started);
    let pendingAt = 0;
    while (open.length > 0) {
      const earliestDeadline = Math.min(...open.map((r) => r.deadlineMs));
      // Unlearned, behind another unlearned disconnect: wait for it (or the deadline), then look when it says.
      if (this.processing.typicalMs === undefined && Date.now() < earliestDeadline) {
        const ahead = this.pioneer;
        if (ahead === undefined || ahead.done) this.pioneer = me;
        else if (ahead !== me) {
          await Promise.race([ahead.ended, sleep(earliestDeadline - Date.now())]);
          if (this.processing.typicalMs !== undefined) nextAt = this.processing.firstLookAt(started);
          continue;
        }
      }
      await sleep(Math.min(nextAt, earliestDeadline) - Date.now());
      if (Date.now() >= nextAt) {
        try {
          // A slow poll holds no caller past its deadline: past it, the callers settle on the last view.
          const d = await settleLater(
            this.client.getDisconnect(disconnectId),
            Math.max(0, earliestDeadline - Date.now()),
          );
          if (d === undefined) throw unreadBeforeDeadline(disconnectId);
          if (d.status !== last?.status) {
            for (const r of open) r.onStatus?.({ status: d.status, disconnectId }, Date.now() - started);
          }
          last = d;
          if (!isPending(d.status)) {
            // The disconnect read carries no completion date: it happened between the last two polls.
            this.processing.observe(Date.now() - started, pendingAt);
            for (const r of open) settle(r, d, false);
            return;
          }
          pendingAt = Date.now() - started;
        } catch (e) {
          lastError = e; // a failed poll: look again, the callers' deadlines decide
        }
        nextAt = Date.now() + this.processing.nextDelay(Date.now() - started);
      }
      const now = Date.now();
      open = open.filter((r) => {
        if (r.deadlineMs > now) return true;
        if (last) settle(r, last, true);
        else r.reject(lastError ?? unreadBeforeDeadline(disconnectId));
        return false;
      });
    }
  }
}

/** A disconnect whose status no read returned before the callers' deadline (it was placed; only the read is late). */
function unreadBeforeDeadline(disconnectId: string): DeadlineError {
  return new DeadlineError(`disconnect ${disconnectId} was not read before the deadline`, {
    mayHaveReachedServer: false,
  });
}
