/**
 * Process-wide rate limiting: one token bucket per (origin, account, category), shared by every client, so a 429
 * seen by one caller pauses all callers of that category until Bandwidth's reset time.
 */

/** Steady rate and burst of one bucket. */
export interface RateLimit {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Most tokens a bucket holds (the burst). */
  burst: number;
}

/**
 * Generous defaults: the limiter exists to obey 429s and smooth bursts, not to slow a normal stack down. Bandwidth
 * does not publish the Numbers API's limits, so a bucket learns them from its 429s: a 429 pauses the bucket until
 * the reset it names (requests already in flight that answer 429 for the same reset change nothing), and the rate
 * after it is what the server accepted since the previous pause. Every second without a 429 raises the rate by a
 * quarter, back up to the configured rate, so a bucket reaches the server's rate again within seconds.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { ratePerSecond: 100, burst: 200 };
/** A window shorter than this says nothing about the server's rate: the rate is kept. */
const MEASURE_MIN_MS = 1_000;
const RECOVER_EVERY_MS = 1_000;
const RECOVER_FACTOR = 1.25;
const MIN_RATE_PER_SECOND = 0.5;
/** Width of the bins in which a bucket counts the requests it admitted. */
export const ADMITTED_BIN_MS = 1_000;
/** Bins kept per bucket (six hours): a provider process lives for one deployment. */
const MAX_BINS = 6 * 3600;
/** 429 pauses kept per bucket. */
const MAX_PAUSES = 1_000;

/** What a bucket did over time, for reports: requests admitted per bin, the rate in force, and its 429 pauses. */
export interface BucketTimeline {
  /** Epoch ms at which bin 0 starts (the bucket's creation). */
  startMs: number;
  /** Width of a bin (ms). */
  binMs: number;
  /** Requests admitted in each bin, from `startMs` on. */
  admitted: number[];
  /** The rate in force (tokens a second) from each instant on. */
  rates: Array<{ atMs: number; ratePerSecond: number }>;
  /** Each 429 pause: when it was reported and the reset it waited for (epoch ms). */
  pauses: Array<{ atMs: number; untilMs: number }>;
}

/** Thrown by `acquire` when the wait would pass the caller's deadline. */
export class RateLimitWaitTooLong extends Error {
  constructor(readonly readyAt: Date) {
    super(`rate limit bucket not ready before the deadline (ready at ${readyAt.toISOString()})`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/** One token bucket with a pause that a 429 can extend. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly limit: RateLimit;
  /** The rate in force: the configured one until a 429 lowers it. */
  private rate: number;
  /** Tokens granted since `windowStart` (the end of the last pause): the rate the server accepted. */
  private granted = 0;
  private windowStart: number;
  private raisedAt: number;
  /** (time, rate) at every change of the rate in force, for reports. */
  readonly history: Array<{ atMs: number; ratePerSecond: number }> = [];
  private readonly createdAt: number;
  private readonly admitted: number[] = [];
  private readonly pauses: Array<{ atMs: number; untilMs: number }> = [];

  constructor(limit: RateLimit, now: number = Date.now()) {
    this.limit = limit;
    this.rate = limit.ratePerSecond;
    this.tokens = limit.burst;
    this.refilledAt = now;
    this.windowStart = now;
    this.raisedAt = now;
    this.createdAt = now;
    this.history.push({ atMs: now, ratePerSecond: this.rate });
  }

  /** Requests admitted per second, the rate in force and the 429 pauses since the bucket was made. */
  timeline(): BucketTimeline {
    return {
      startMs: this.createdAt,
      binMs: ADMITTED_BIN_MS,
      admitted: Array.from(this.admitted, (n) => n ?? 0),
      rates: [...this.history],
      pauses: [...this.pauses],
    };
  }

  /** Epoch ms until which every caller of this bucket waits (0 when not paused). */
  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  /** Tokens per second in force now. */
  get ratePerSecond(): number {
    return this.rate;
  }

  private setRate(rate: number, now: number): void {
    if (rate === this.rate) return;
    this.rate = rate;
    this.history.push({ atMs: now, ratePerSecond: rate });
    if (this.history.length > 1000) this.history.shift();
  }

  /**
   * Pauses every caller until `until` (never shortens an existing pause). A new pause sets the rate to what the
   * server accepted since the last one, when that window was long enough to say; it never halves per 429.
   */
  pause(until: Date, now: number = Date.now()): void {
    if (until.getTime() <= this.pausedUntil) return; // the same pause, reported by a request already in flight
    if (this.pauses.length < MAX_PAUSES) this.pauses.push({ atMs: now, untilMs: until.getTime() });
    const window = now - this.windowStart;
    if (window >= MEASURE_MIN_MS) {
      const accepted = (this.granted * 1000) / window;
      this.setRate(Math.max(MIN_RATE_PER_SECOND, Math.min(this.limit.ratePerSecond, accepted)), now);
    }
    this.tokens = 1; // one request goes at the reset, the rest follow at the rate
    this.pausedUntil = until.getTime();
    this.refilledAt = this.pausedUntil;
    this.windowStart = this.pausedUntil;
    this.raisedAt = this.pausedUntil;
    this.granted = 0;
  }

  /** Takes a token now if one is available, else returns how many ms to wait before asking again. */
  tryTake(now: number = Date.now()): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.rate < this.limit.ratePerSecond && now - this.raisedAt >= RECOVER_EVERY_MS) {
      const steps = Math.floor((now - this.raisedAt) / RECOVER_EVERY_MS);
      this.setRate(Math.min(this.limit.ratePerSecond, this.rate * RECOVER_FACTOR ** steps), now);
      this.raisedAt += steps * RECOVER_EVERY_MS;
    }
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.rate);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.granted += 1;
      const bin = Math.floor((now - this.createdAt) / ADMITTED_BIN_MS);
      if (bin >= 0 && bin < MAX_BINS) this.admitted[bin] = (this.admitted[bin] ?? 0) + 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  /** Waits for a token; throws RateLimitWaitTooLong rather than sleep past `deadline` (epoch ms). */
  async acquire(deadline: number = Number.POSITIVE_INFINITY): Promise<void> {
    for (;;) {
      const now = Date.now();
      const wait = this.tryTake(now);
      if (wait === 0) return;
      if (now + wait > deadline) throw new RateLimitWaitTooLong(new Date(now + wait));
      await sleep(wait);
    }
  }
}

/** Identifies a bucket. */
export interface BucketKey {
  origin: string;
  account: string;
  category: string;
}

const buckets = new Map<string, TokenBucket>();

/** The process-wide bucket for a key, created with `limit` on first use. */
export function sharedBucket(key: BucketKey, limit: RateLimit = DEFAULT_RATE_LIMIT): TokenBucket {
  const id = `${key.origin}|${key.account}|${key.category}`;
  let bucket = buckets.get(id);
  if (!bucket) {
    bucket = new TokenBucket(limit);
    buckets.set(id, bucket);
  }
  return bucket;
}

/** Every bucket of this process with what it did so far (the benchmark's report of the client limiter). */
export function sharedBucketTimelines(): Array<BucketKey & { timeline: BucketTimeline }> {
  return [...buckets.entries()].map(([id, bucket]) => {
    const [origin, account, category] = id.split("|");
    return { origin, account, category, timeline: bucket.timeline() };
  });
}

/** Forgets every bucket (for tests that need a clean process state). */
export function resetSharedBuckets(): void {
  buckets.clear();
}
