/**
 * Waiting for an asynchronous order or disconnect: capped exponential backoff with jitter, progress reports, and a
 * deadline that returns the last value instead of throwing, so the caller decides what a timeout means.
 */

/** Options of {@link pollUntil}. */
export interface PollOptions<T> {
  /** Reads the current state (e.g. getOrder). An error it throws ends the wait. */
  fetch: () => Promise<T>;
  /** True when the state is final. */
  done: (v: T) => boolean;
  /** Absolute deadline, epoch ms. */
  deadlineMs: number;
  /** First wait between polls (ms, default 1000). */
  initialDelayMs?: number;
  /** Longest wait between polls (ms, default 15000). */
  maxDelayMs?: number;
  /** Growth of the wait per poll (default 2). */
  factor?: number;
  /** Called when the described status changes, and at least every `progressEveryMs` while waiting. */
  onProgress?: (v: T, elapsedMs: number) => void;
  /** Longest silence between two progress reports (ms, default 30000). */
  progressEveryMs?: number;
  /** What counts as a change of status for progress reports (default: the JSON of the value). */
  describe?: (v: T) => string;
  /** Aborts the wait; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The last value seen, and whether the deadline passed before it was final. */
export interface PollResult<T> {
  value: T;
  timedOut: boolean;
}

/** The wait before poll number `n` (from 0): "equal jitter", so a poll never comes sooner than half the step. */
export function pollDelay(n: number, initialDelayMs: number, maxDelayMs: number, factor: number, random = Math.random) {
  const step = Math.min(maxDelayMs, initialDelayMs * factor ** n);
  return Math.floor(step / 2 + random() * (step / 2));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error("polling aborted");
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Polls `fetch` until `done`, backing off exponentially with jitter. At the deadline it makes one last fetch and
 * returns `{ value, timedOut: true }` rather than throwing.
 */
export async function pollUntil<T>(opts: PollOptions<T>): Promise<PollResult<T>> {
  const initial = opts.initialDelayMs ?? 1_000;
  const max = Math.max(initial, opts.maxDelayMs ?? 15_000);
  const factor = opts.factor ?? 2;
  const progressEvery = opts.progressEveryMs ?? 30_000;
  const describe = opts.describe ?? ((v: T) => JSON.stringify(v) ?? String(v));
  const started = Date.now();
  let lastDescription: string | undefined;
  let lastReportAt = Number.NEGATIVE_INFINITY;

  for (let n = 0; ; n++) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const value = await opts.fetch();
    const now = Date.now();
    if (opts.onProgress) {
      const description = describe(value);
      if (description !== lastDescription || now - lastReportAt >= progressEvery) {
        lastDescription = description;
        lastReportAt = now;
        opts.onProgress(value, now - started);
      }
    }
    if (opts.done(value)) return { value, timedOut: false };
    if (now >= opts.deadlineMs) return { value, timedOut: true };
    // Never sleep past a progress report that is due, nor past the deadline.
    const wait = Math.min(pollDelay(n, initial, max, factor), progressEvery, opts.deadlineMs - now);
    await sleep(wait, opts.signal);
  }
}
