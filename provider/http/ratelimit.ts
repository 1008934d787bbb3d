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
 * after it is what the server accepted over the last second or more, pauses included. A rate measured while 429s
 * keep coming is the server's: the bucket holds it (a faster try would only draw more 429s) for a minute without a
 * 429, then tries faster again. After a lone 429 every second without another raises the rate by a quarter, back up
 * to the configured rate, so a bucket reaches the server's rate again within seconds.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { ratePerSecond: 100, burst: 200 };
/**
 * A window shorter than this, or with fewer accepted requests (unless it is very long), says too little about the
 * server's rate: it goes on into the next one.
 */
const MEASURE_MIN_MS = 1_000;
const MEASURE_MIN_ACCEPTED = 10;
const MEASURE_ANYWAY_MS = 10_000;
const RECOVER_EVERY_MS = 1_000;
const RECOVER_FACTOR = 1.25;
/** How long a rate learned under repeated 429s is held before the bucket tries faster again. */
const HOLD_LEARNED_MS = 60_000;
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
  /** Tokens granted since `windowStart` (the 429 that last measured the rate): the rate the server accepted. */
  private granted = 0;
  private windowStart: number;
  /** Pauses since `windowStart`: a window with one measures a sustained limit, not a lone 429. */
  private pausesInWindow = 0;
  /** Until when the rate learned under repeated 429s is held instead of raised (epoch ms). */
  private holdUntil = 0;
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
   * Called once per 429. Pauses every caller until `until` (never shortens an existing pause). The rate becomes
   * what the server accepted since the last measure, when that window (pauses included) is a second or more with ten
   * accepted requests; a shorter one runs on into the next. It never halves per 429.
   */
  pause(until: Date, now: number = Date.now()): void {
    this.granted = Math.max(0, this.granted - 1); // the server refused that token's request: it counts for nothing
    if (until.getTime() <= this.pausedUntil) return; // the same pause, reported by a request already in flight
    if (this.pauses.length < MAX_PAUSES) this.pauses.push({ atMs: now, untilMs: until.getTime() });
    const window = now - this.windowStart;
    if (window >= MEASURE_MIN_MS && (this.granted >= MEASURE_MIN_ACCEPTED || window >= MEASURE_ANYWAY_MS)) {
      const accepted = (this.granted * 1000) / window;
      this.setRate(Math.max(MIN_RATE_PER_SECOND, Math.min(this.limit.ratePerSecond, accepted)), now);
      // Measured across an earlier 429: the server's sustained rate, held rather than probed every second.
      this.holdUntil = this.pausesInWindow > 0 ? until.getTime() + HOLD_LEARNED_MS : 0;
      this.windowStart = now;
      this.granted = 0;
      this.pausesInWindow = 0;
    }
    this.pausesInWindow += 1;
    this.tokens = 1; // one request goes at the reset, the rest follow at the rate
    this.pausedUntil = until.getTime();
    this.refilledAt = this.pausedUntil;
    this.raisedAt = Math.max(this.pausedUntil, this.holdUntil);
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
