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
  resolve: (r: OptionOrderOutcome) => void;
  reject: (e: unknown) => void;
}

interface OptionQueue {
  requests: OptionRequest[];
  /** When its first caller asked (epoch ms). */
  firstAt: number;
  timer?: NodeJS.Timeout;
}

/** Bandwidth documents no limit on numbers per TN option order; 5000 matches its number order limit. */
const MAX_NUMBERS_PER_ORDER = 5000;

/**
 * Longest a queued TN option order waits for the resource steps still on their way to it (see `expect`): each option
 * order spends an ORDER token like a number order, so under the ORDER rate one more order delays every number order
 * behind it, while waiting only holds the waiting steps' engine slots (the server's bucket refills meanwhile). 10 s
 * lets a wave of 64 one-number creates at 10 orders a second arrive in one order; a step that stays away longer (a
 * slow number order) no longer holds the others.
 */
const MAX_HOLD_MS = 10_000;
/**
 * Once no step is on its way, the queue goes out this long after its last caller: every resource step still running
 * is then waiting on this order, holding one of the engine's slots; steps the engine starts at once still join.
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
 * Merges the TN option groups asked for while resource steps are still on their way (`expect`), or within a short quiet
 * window once none is, into one TN option order, polled once for all of them: first at the processing time seen
 * before, then often. A failing poll is retried until the deadline; the callers get an error only when no view of the
 * order came back.
 */
export class TnOptionBatcher {
  private queue: OptionQueue | undefined;
  /** Resource steps of this process on their way to asking for options. */
  private coming = 0;
  /** TN option order processing times this process has seen. */
  readonly processing = new ProcessingTime(ORDER_LOOK_GROWTH);
  /**
   * The order polled while no processing time is learned, and its end: another one placed meanwhile waits for it to
   * learn rather than polling on the same unlearned schedule.
   */
  private pioneer: { ended: Promise<void>; done: boolean } | undefined;

  /** `maxHoldMs`: how long a queue waits at most for steps on their way (`MAX_HOLD_MS`; tests shorten it). */
  constructor(
    private readonly client: NumbersClient,
    private readonly maxHoldMs = MAX_HOLD_MS,
  ) {}

  /**
   * Says a resource step is on its way to asking for options (a create or update whose numbers are still being
   * ordered): a queued order waits for it, up to `MAX_HOLD_MS` after its first caller. The returned function says the
   * step arrived (or will not come); calls after the first change nothing.
   */
  expect(): () => void {
    this.coming += 1;
    let arrived = false;
    return () => {
      if (arrived) return;
      arrived = true;
      this.coming -= 1;
      if (this.coming === 0 && this.queue) this.arm(this.queue);
    };
  }

  /**
   * Sets the groups' options on their numbers, in an order shared with whatever else is asked meanwhile: the order goes
   * out `QUIET_MS` after its last caller once no step is on its way (`expect`), and `MAX_HOLD_MS` after its first
   * caller at the latest (earlier when a caller's deadline is near).
   */
  apply(
    groups: TnOptionGroup[],
    opts: { deadlineMs: number; onStatus?: (status: string, orderId: string) => void },
  ): Promise<OptionOrderOutcome> {
    return new Promise((resolve, reject) => {
      this.queue ??= { requests: [], firstAt: Date.now() };
      const queue = this.queue;
      queue.requests.push({ groups, ...opts, resolve, reject });
      const queued = queue.requests.reduce(
        (n, r) => n + r.groups.reduce((m, g) => m + g.telephoneNumbers.length, 0),
        0,
      );
      if (queued >= MAX_NUMBERS_PER_ORDER) this.flush();
      else this.arm(queue);
    });
  }

  /**
   * Times the queue's departure: `QUIET_MS` from now while no step is on its way, else at the end of its hold, which
   * leaves the earliest caller's order as long again before its deadline.
   */
  private arm(queue: OptionQueue): void {
    clearTimeout(queue.timer);
    const now = Date.now();
    const earliestDeadline = Math.min(...queue.requests.map((r) => r.deadlineMs));
    const holdUntil = Math.min(queue.firstAt + this.maxHoldMs, earliestDeadline - this.maxHoldMs);
    const quiet = this.coming === 0 && now + QUIET_MS < holdUntil;
    queue.timer = setTimeout(
      () => {
        if (this.queue !== queue) return;
        // A step that started during the quiet window is waited for; the hold's end sends the queue whatever comes.
        if (quiet && this.coming > 0) this.arm(queue);
        else this.flush();
      },
      Math.max(0, (quiet ? now + QUIET_MS : holdUntil) - now),
    );
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = undefined;
    if (!queue) return;
    clearTimeout(queue.timer);
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
