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
 * does not publish the Numbers API's limits, so a bucket learns them: a 429 halves its rate, and every RECOVER_AFTER
 * requests without one raise it by a quarter, back up to the configured rate.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { ratePerSecond: 100, burst: 200 };
const RECOVER_AFTER = 50;
const MIN_RATE_PER_SECOND = 0.5;

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
  private sinceLastLimit = 0;

  constructor(limit: RateLimit, now: number = Date.now()) {
    this.limit = limit;
    this.rate = limit.ratePerSecond;
    this.tokens = limit.burst;
    this.refilledAt = now;
  }

  /** Epoch ms until which every caller of this bucket waits (0 when not paused). */
  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  /** Tokens per second in force now. */
  get ratePerSecond(): number {
    return this.rate;
  }

  /** Pauses every caller until `until` (never shortens an existing pause); a new pause halves the rate. */
  pause(until: Date): void {
    // Only the first 429 of a pause counts: the requests already in flight answer 429 too.
    if (until.getTime() > this.pausedUntil) {
      this.rate = Math.max(MIN_RATE_PER_SECOND, this.rate / 2);
      this.tokens = 0;
      this.sinceLastLimit = 0;
    }
    this.pausedUntil = Math.max(this.pausedUntil, until.getTime());
  }

  /** Takes a token now if one is available, else returns how many ms to wait before asking again. */
  tryTake(now: number = Date.now()): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.rate);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      if (++this.sinceLastLimit >= RECOVER_AFTER && this.rate < this.limit.ratePerSecond) {
        this.rate = Math.min(this.limit.ratePerSecond, this.rate * 1.25);
        this.sinceLastLimit = 0;
      }
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

/** Forgets every bucket (for tests that need a clean process state). */
export function resetSharedBuckets(): void {
  buckets.clear();
}
