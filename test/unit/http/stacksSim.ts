/**
 * Virtual-time model of several provider processes (stacks) on one account: each has its own TokenBucket and C
 * callers, and all of them share one server bucket that answers 429 with a reset in whole seconds, as the Numbers
 * API does. Nothing passes between processes but the server's answers.
 */
import { TokenBucket } from "../../../provider/http/ratelimit";

/** What one run of the model measured. */
export interface StacksOutcome {
  /** When the last caller of each process was done (ms from the start). */
  finishedAtMs: number[];
  accepted: number;
  refused: number;
}

/** The model's knobs; times are ms. */
export interface StacksModel {
  processes: number;
  /** Requests over all processes, split evenly unless `split` gives each process its own. */
  requests: number;
  split?: number[];
  /** Callers per process (the engine's parallelism). */
  concurrency: number;
  serverRatePerSecond?: number;
  serverBurst?: number;
  /** How long a caller holds its slot after an accepted request (the order's processing time). */
  holdMs?: number;
  /** Round trip of one request. */
  rttMs?: number;
  /** Processes start this far apart. */
  staggerMs?: number;
}

/** A small deterministic generator, so a run of the model is repeatable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Runs the model to the end and reports what each process took and how many requests the server refused. */
export function simulateStacks(model: StacksModel): StacksOutcome {
  const rate = model.serverRatePerSecond ?? 10;
  const burst = model.serverBurst ?? 100;
  const hold = model.holdMs ?? 200;
  const rtt = model.rttMs ?? 4;
  const random = lcg(42);
  const server = { tokens: burst, at: 0 };
  const buckets = Array.from(
    { length: model.processes },
    (_, p) => new TokenBucket({ ratePerSecond: 100, burst: 200 }, p * (model.staggerMs ?? 0)),
  );
  const left =
    model.split?.slice() ??
    Array.from(
      { length: model.processes },
      (_, p) => Math.floor(model.requests / model.processes) + (p < model.requests % model.processes ? 1 : 0),
    );
  const finishedAtMs = Array.from({ length: model.processes }, () => 0);
  // One caller: its process, the next instant it acts, and whether it holds a request that still has to go.
  const callers = Array.from({ length: model.processes * model.concurrency }, (_, i) => ({
    p: Math.floor(i / model.concurrency),
    at: Math.floor(i / model.concurrency) * (model.staggerMs ?? 0),
    holding: false,
    /** The server's answer on its way back: undefined for none, else the reset of a 429 (0 for accepted). */
    answer: undefined as number | undefined,
  }));
  let accepted = 0;
  let refused = 0;
  for (;;) {
    let c: (typeof callers)[number] | undefined;
    for (const x of callers) if (x.at < Number.POSITIVE_INFINITY && (!c || x.at < c.at)) c = x;
    if (!c) break;
    const now = c.at;
    const bucket = buckets[c.p];
    if (!c.holding) {
      if (left[c.p] === 0) {
        finishedAtMs[c.p] = Math.max(finishedAtMs[c.p], now);
        c.at = Number.POSITIVE_INFINITY;
        continue;
      }
      left[c.p] -= 1;
      c.holding = true;
    }
    if (c.answer !== undefined) {
      const reset = c.answer;
      c.answer = undefined;
      if (reset === 0) {
        bucket.accepted(now);
        c.holding = false;
        c.at = now + hold;
      } else {
        bucket.pause(new Date(reset), now);
        c.at = Math.max(now, reset) + Math.floor(random() * 250);
      }
      continue;
    }
    const wait = bucket.tryTake(now);
    if (wait > 0) {
      c.at = now + wait;
      continue;
    }
    const arrives = now + rtt / 2;
    server.tokens = Math.min(burst, server.tokens + ((arrives - server.at) * rate) / 1000);
    server.at = arrives;
    if (server.tokens >= 1) {
      server.tokens -= 1;
      accepted += 1;
      c.answer = 0;
    } else {
      refused += 1;
      c.answer = Math.ceil((arrives + ((1 - server.tokens) / rate) * 1000) / 1000) * 1000;
    }
    c.at = now + rtt;
  }
  return { finishedAtMs, accepted, refused };
}
