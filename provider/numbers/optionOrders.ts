/**
 * TN option orders shared by the resources of one deployment: the option groups asked for meanwhile go out as one
 * order (one `<TnOptionGroup>` per distinct set of options, Bandwidth's own shape for mixed settings), polled once for
 * all of them. Each caller learns what happened to its own numbers.
 */
import { DeadlineError } from "../http/errors";
import type { NumbersClient } from "./client";
import type { ApiErrorDetail, TnOptionGroup, TnOptionOrderInfo } from "./types";
import { isPending, ORDER_LOOK_GROWTH, ProcessingTime } from "./watch";

/** What one caller of a shared TN option order learns about its own numbers. */
export interface OptionOrderOutcome {
  /** The TN option order that carried the numbers. */
  orderId: string;
  /** Its final status (or the last one seen, when `timedOut`). */
  status: string;
  timedOut: boolean;
  /** The caller's numbers the order set (none until it is final). */
  applied: string[];
  /** Errors about the caller's numbers, and errors about no number in particular. */
  errors: ApiErrorDetail[];
}

interface OptionRequest {
  groups: TnOptionGroup[];
  deadlineMs: number;
  onStatus?: (status: string, orderId: string) => void;
  moreComing?: () => boolean;
  resolve: (r: OptionOrderOutcome) => void;
  reject: (e: unknown) => void;
}

/** Bandwidth documents no limit on numbers per TN option order; 5000 matches its number order limit. */
const MAX_NUMBERS_PER_ORDER = 5000;

/**
 * Shortest gap between two TN option orders while more callers are on their way: 2 s, so a deployment whose number
 * orders finish one after another places one option order every 2 s (they share the ORDER rate with number orders),
 * each carrying every number asked for meanwhile; a lone resource's order still goes out on the next tick.
 */
const MIN_OPTION_GAP_MS = 2000;
/**
 * Once no caller says more are coming, the queue goes out this long after its last caller, not at the gap: every
 * resource step still running is then waiting on this order, holding one of the engine's slots.
 */
const QUIET_MS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** The options of a group apart from its numbers: groups with the same key merge. */
function optionsKey(g: TnOptionGroup): string {
  return JSON.stringify([g.sms ?? null, g.callingNameDisplay ?? null, g.portOutPasscode ?? null, g.a2p ?? null]);
}

/** Merges groups with the same options into one, numbers in the order asked. */
export function mergeGroups(groups: readonly TnOptionGroup[]): TnOptionGroup[] {
  const merged = new Map<string, TnOptionGroup>();
  for (const g of groups) {
    if (g.telephoneNumbers.length === 0) continue;
    const key = optionsKey(g);
    const into = merged.get(key);
    if (into) into.telephoneNumbers.push(...g.telephoneNumbers.filter((tn) => !into.telephoneNumbers.includes(tn)));
    else merged.set(key, { ...g, telephoneNumbers: [...g.telephoneNumbers] });
  }
  return [...merged.values()];
}

/**
 * Merges the TN option groups asked for before the next turn of the event loop into one TN option order, polled
 * once for all of them: first at the processing time seen before, then often. A failing poll is retried until the
 * deadline; the callers get an error only when no view of the order came back.
 */
export class TnOptionBatcher {
  private queue: { requests: OptionRequest[]; timer: NodeJS.Timeout; quiet?: NodeJS.Timeout } | undefined;
  /** When the last TN option order was placed (epoch ms). */
  private lastFlushAt = 0;
  /** TN option order processing times this process has seen. */
  readonly processing = new ProcessingTime(ORDER_LOOK_GROWTH);
  /**
   * The order polled while no processing time is learned, and its end: another one placed meanwhile waits for it to
   * learn rather than polling on the same unlearned schedule.
   */
  private pioneer: { ended: Promise<void>; done: boolean } | undefined;

  constructor(private readonly client: NumbersClient) {}

  /**
   * Sets the groups' options on their numbers, in an order shared with whatever else is asked meanwhile. `moreComing`
   * says whether other callers are on their way (the process's number orders still pending): while no caller says so,
   * the order goes out `QUIET_MS` after the last caller instead of waiting out the gap.
   */
  apply(
    groups: TnOptionGroup[],
    opts: { deadlineMs: number; onStatus?: (status: string, orderId: string) => void; moreComing?: () => boolean },
  ): Promise<OptionOrderOutcome> {
    return new Promise((resolve, reject) => {
      if (!this.queue) {
        const waitMs = Math.max(0, MIN_OPTION_GAP_MS - (Date.now() - this.lastFlushAt));
        this.queue = { requests: [], timer: setTimeout(() => this.flush(), waitMs) };
      }
      const queue = this.queue;
      queue.requests.push({ groups, ...opts, resolve, reject });
      const queued = queue.requests.reduce(
        (n, r) => n + r.groups.reduce((m, g) => m + g.telephoneNumbers.length, 0),
        0,
      );
      if (queued >= MAX_NUMBERS_PER_ORDER) this.flush();
      else this.armQuiet(queue);
    });
  }

  /** Sends the queue once it has had no new caller for `QUIET_MS` and no caller says more are coming. */
  private armQuiet(queue: NonNullable<TnOptionBatcher["queue"]>): void {
    if (queue.requests.some((r) => r.moreComing === undefined)) return;
    clearTimeout(queue.quiet);
    queue.quiet = setTimeout(() => {
      if (this.queue !== queue) return;
      if (queue.requests.some((r) => r.moreComing!())) this.armQuiet(queue);
      else this.flush();
    }, QUIET_MS);
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = undefined;
    this.lastFlushAt = Date.now();
    if (!queue) return;
    clearTimeout(queue.timer);
    clearTimeout(queue.quiet);
    void this.run(queue.requests);
  }

  private async run(requests: OptionRequest[]): Promise<void> {
    let orderId: string;
    try {
      ({ orderId } = await this.client.createTnOptionOrder({ groups: mergeGroups(requests.flatMap((r) => r.groups)) }));
    } catch (e) {
      for (const r of requests) r.reject(e);
      return;
    }
    const started = Date.now();
    let endRun!: () => void;
    const me = { ended: new Promise<void>((r) => (endRun = r)), done: false };
    try {
      await this.poll(requests, orderId, started, me);
    } finally {
      me.done = true;
      endRun();
    }
  }

  private async poll(
    requests: OptionRequest[],
    orderId: string,
    started: number,
    me: { ended: Promise<void>; done: boolean },
  ): Promise<void> {
    let open = [...requests];
    let last: TnOptionOrderInfo | undefined;
    let lastError: unknown;
    let nextAt = this.processing.firstLookAt(started);
    let pendingAt = 0;
    const settle = (r: OptionRequest, o: TnOptionOrderInfo, timedOut: boolean) => {
      const mine = new Set(r.groups.flatMap((g) => g.telephoneNumbers));
      const errors = o.errors.filter((e) => e.telephoneNumber === undefined || mine.has(e.telephoneNumber));
      const failed = new Set(errors.map((e) => e.telephoneNumber));
      // FAILED sets nothing; PARTIAL sets every number no error names.
      const applied =
        timedOut || isPending(o.status) || o.status === "FAILED" ? [] : [...mine].filter((tn) => !failed.has(tn));
      r.resolve({ orderId, status: o.status, timedOut, applied, errors });
    };
    while (open.length > 0) {
      const earliestDeadline = Math.min(...open.map((r) => r.deadlineMs));
      // Unlearned, behind another unlearned order: wait for it (or the deadline), then look when it says.
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
          const o = await this.client.getTnOptionOrder(orderId);
          if (o.status !== last?.status) for (const r of open) r.onStatus?.(o.status, orderId);
          last = o;
          if (!isPending(o.status)) {
            this.processing.observe(Date.now() - started, pendingAt);
            for (const r of open) settle(r, o, false);
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
        else {
          r.reject(
            lastError ??
              new DeadlineError(`TN option order ${orderId} was not read before the deadline`, {
                mayHaveReachedServer: false,
              }),
          );
        }
        return false;
      });
    }
  }
}
