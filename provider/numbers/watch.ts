/**
 * Waiting for many orders and disconnects of one account at once. Every dynamic resource of a deployment runs in one
 * provider process, so a fleet of pending orders can share one date-bounded `GET /orders` per tick (Bandwidth's list
 * refuses a RECEIVED status filter, so each row's own OrderStatus is read) instead of one GET each, and concurrent
 * destroys can share one disconnect order. Each caller still gets its own result.
 */
import { pollUntil } from "../poll";
import type { NumbersClient } from "./client";
import type { ApiErrorDetail, DisconnectInfo, OrderInfo } from "./types";

/** Statuses after which an order or disconnect can still change. */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(["RECEIVED", "PROCESSING", "BACKORDERED"]);

/** The only final statuses: any other, known or not, means the order may still change and is waited on. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["COMPLETE", "PARTIAL", "FAILED"]);

/** True for any status that is not final: an order in a status we do not know is still waited on. */
export function isPending(status: string): boolean {
  return !FINAL_STATUSES.has(status.toUpperCase());
}

/** yyyy-mm-dd of the day before `ms` (UTC): a list from then covers an order whatever time zone the API dates in. */
export function listStartDate(ms: number): string {
  return new Date(ms - 24 * 3600_000).toISOString().slice(0, 10);
}

/** Pages of the shared list read per tick at most; beyond them, orders are read one by one. */
const MAX_LIST_PAGES = 5;

/** The wait before the next look at an order placed `elapsedMs` ago: 100 ms at first, growing 25 % a look, at most 5 s. */
export function nextLookDelay(elapsedMs: number): number {
  return Math.min(5_000, Math.max(100, elapsedMs * 0.25));
}

/** Shortest gap between two shared list requests. */
const MIN_LIST_GAP_MS = 100;
/** A look due within this much of a tick is taken at that tick. */
const LOOK_AHEAD_MS = 50;

interface Waiter {
  orderId: string;
  startedAt: number;
  dueAt: number;
  deadlineMs: number;
  lastStatus?: string;
  onStatus?: (order: { status: string }, elapsedMs: number) => void;
  resolve: (r: { order: OrderInfo; timedOut: boolean }) => void;
  reject: (e: unknown) => void;
}

/** Watches the pending orders of one account; one instance per NumbersClient. */
export class OrderWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private lastTickAt = 0;

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
        dueAt: now + nextLookDelay(0),
        deadlineMs: opts.deadlineMs,
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
    for (const list of this.waiters.values()) for (const w of list) next = Math.min(next, w.dueAt, w.deadlineMs);
    // Orders placed a moment apart would each bring their own tick: several share one list instead.
    if (this.waiters.size > 1) next = Math.max(next, this.lastTickAt + MIN_LIST_GAP_MS);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, next - Date.now()));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      const now = Date.now();
      this.lastTickAt = now;
      // Looks due shortly ride along with this tick rather than bringing their own.
      const due = [...this.waiters.keys()].filter((id) =>
        this.waiters.get(id)!.some((w) => w.dueAt <= now + LOOK_AHEAD_MS || w.deadlineMs <= now),
      );
      if (due.length === 0) return;
      // One order alone is cheaper to read directly; several share one list of the account's orders since the
      // oldest waiter started, and only those whose row shows a final (or no) status are read one by one.
      let stillPending = new Set<string>();
      if (due.length > 1) {
        try {
          let oldest = now;
          for (const list of this.waiters.values()) for (const w of list) oldest = Math.min(oldest, w.startedAt);
          const rows = await this.client.listOrders({ startDate: listStartDate(oldest), maxPages: MAX_LIST_PAGES });
          stillPending = new Set(rows.filter((o) => !FINAL_STATUSES.has(o.status.toUpperCase())).map((o) => o.orderId));
        } catch {
          stillPending = new Set(); // a refused or failing list: read each order directly this tick
        }
      }
      await Promise.all(due.map((id) => this.look(id, stillPending.has(id))));
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }

  /** Reads one order unless the shared list already says it is still pending; settles its waiters when final. */
  private async look(orderId: string, knownPending: boolean): Promise<void> {
    const list = this.waiters.get(orderId);
    if (!list) return;
    const now = Date.now();
    const expired = list.some((w) => w.deadlineMs <= now);
    let order: OrderInfo | undefined;
    if (!knownPending || expired) {
      try {
        order = await this.client.getOrder(orderId);
      } catch (e) {
        // A failed read is not the order's fault: keep waiting until the deadline, then hand the error over.
        if (!expired) {
          for (const w of list) w.dueAt = Date.now() + nextLookDelay(Date.now() - w.startedAt);
          return;
        }
        this.waiters.delete(orderId);
        for (const w of list) w.reject(e);
        return;
      }
    }
    const status = order?.status ?? list[0].lastStatus ?? "RECEIVED";
    const final = order !== undefined && FINAL_STATUSES.has(status.toUpperCase());
    const after = Date.now();
    const remaining: Waiter[] = [];
    for (const w of list) {
      if (w.lastStatus !== status) w.onStatus?.({ status }, after - w.startedAt);
      w.lastStatus = status;
      if (final) w.resolve({ order: order!, timedOut: false });
      else if (w.deadlineMs <= after && order) w.resolve({ order, timedOut: true });
      else {
        w.dueAt = after + nextLookDelay(after - w.startedAt);
        remaining.push(w);
      }
    }
    if (remaining.length === 0) this.waiters.delete(orderId);
    else this.waiters.set(orderId, remaining);
  }
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
  /** Errors about the caller's numbers, and errors about no number in particular. */
  errors: ApiErrorDetail[];
}

interface DisconnectRequest {
  telephoneNumbers: string[];
  deadlineMs: number;
  onStatus?: (d: { status: string; disconnectId: string }, elapsedMs: number) => void;
  resolve: (r: DisconnectOutcome) => void;
  reject: (e: unknown) => void;
}

/** Bandwidth's limit on numbers per disconnect order is not documented; 5000 matches its order quantity limit. */
const MAX_NUMBERS_PER_DISCONNECT = 5000;

/**
 * Merges disconnects asked for within a short window (same mode and protection) into one disconnect order, polled
 * once for all of them.
 */
export class DisconnectBatcher {
  private readonly queues = new Map<string, { requests: DisconnectRequest[]; timer: NodeJS.Timeout }>();

  constructor(
    private readonly client: NumbersClient,
    private readonly windowMs = 50,
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
        const timer = setTimeout(() => this.flush(key, opts.disconnectMode, opts.protected), this.windowMs);
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
    const started = Date.now();
    const deadlineMs = Math.max(...requests.map((r) => r.deadlineMs));
    let result: { value: DisconnectInfo; timedOut: boolean };
    try {
      result = await pollUntil({
        fetch: () => this.client.getDisconnect(disconnectId),
        done: (d) => !isPending(d.status),
        deadlineMs,
        initialDelayMs: 100,
        maxDelayMs: 5_000,
        factor: 1.25,
        describe: (d) => d.status,
        onProgress: (d, elapsedMs) => {
          for (const r of requests) r.onStatus?.({ status: d.status, disconnectId }, elapsedMs);
        },
      });
    } catch (e) {
      for (const r of requests) r.reject(e);
      return;
    }
    const d = result.value;
    const elapsed = Date.now() - started;
    for (const r of requests) {
      const mine = new Set(r.telephoneNumbers);
      r.resolve({
        disconnectId,
        status: d.status,
        timedOut: result.timedOut || (r.deadlineMs < started + elapsed && isPending(d.status)),
        disconnected: d.disconnectedNumbers.filter((tn) => mine.has(tn)),
        errors: d.errors.filter((e) => e.telephoneNumber === undefined || mine.has(e.telephoneNumber)),
      });
    }
  }
}
