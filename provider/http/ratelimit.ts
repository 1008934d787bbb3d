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
 * does not publish the Numbers API's limits, and other processes (other stacks, other runners) may share the
 * account's, so a bucket learns its share from the server's answers alone.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { ratePerSecond: 100, burst: 200 };
/**
 * A new bucket may send this many before any answer, and one more for each request the server accepts (doubling per
 * round trip up to the burst), while time alone adds only this many a second: a lone process reaches its whole
 * burst within a few round trips, while several starting together on one account overrun the server's burst by
 * little instead of by their whole bursts.
 */
export const SLOW_START_TOKENS = 16;
/** The shortest window over which the accepted rate is measured: a 429 soon after a reset says little more. */
const MEASURE_MIN_MS = 1_000;
/**
 * After a 429's reset the rate holds this long, then grows; the growth itself speeds up while no 429 comes. A 429
 * that finds the same rate as the last one (within STABLE_RATIO) doubles the hold, up to HOLD_MAX_MS: a process
 * alone on the account stops probing a ceiling it keeps finding, while a changing share is probed every few seconds.
 */
const HOLD_MIN_MS = 2_000;
const HOLD_MAX_MS = 8_000;
const STABLE_RATIO = 0.85;
const GROW_EVERY_MS = 250;
/** Growth per step is GROW_BASE, plus GROW_ACCEL per step already taken since the last 429. */
const GROW_BASE = 0.01;
const GROW_ACCEL = 0.01;
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

/**
 * One token bucket with a pause that a 429 can extend, and a rate that follows the server's answers: a 429 pauses
 * every caller until the reset it names (requests already in flight that answer 429 for the same reset change
 * nothing) and lowers the rate to what the server accepted since the last 429 (over a second at least, pauses
 * included), never by a fixed factor per 429. With no 429 the rate holds for two seconds after the reset, then grows,
 * slowly at first and faster the longer the server keeps accepting: a share learned while other processes used the
 * account is given back to whoever probes for it, and taken back within seconds once they stop.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly limit: RateLimit;
  /** The rate in force: the configured one until a 429 lowers it. */
  private rate: number;
  /** Tokens granted and not refused since `windowStart` (the last 429): the rate the server accepted. */
  private granted = 0;
  private windowStart: number;
  /** Until the first 429 (or the full burst), the most tokens the bucket holds: it grows by one per acceptance. */
  private startCap: number | undefined;
  /** When the rate may next grow, and how many growth steps were taken since the last 429. */
  private growAt: number;
  private growSteps = 0;
  private holdMs = HOLD_MIN_MS;
  /** The rate the last 429 set. */
  private learnedRate: number | undefined;
  /** (time, rate) at every change of the rate in force, for reports. */
  readonly history: Array<{ atMs: number; ratePerSecond: number }> = [];
  private readonly createdAt: number;
  private readonly admitted: number[] = [];
  private readonly pauses: Array<{ atMs: number; untilMs: number }> = [];

  constructor(limit: RateLimit, now: number = Date.now()) {
    this.limit = limit;
    this.rate = limit.ratePerSecond;
    this.startCap = Math.min(limit.burst, SLOW_START_TOKENS);
    if (this.startCap >= limit.burst) this.startCap = undefined;
    this.tokens = this.startCap ?? limit.burst;
    this.refilledAt = now;
    this.windowStart = now;
    this.growAt = now;
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
   * Called for every answer that is not a 429: before the first 429 each one lets the bucket hold one more token,
   * up to its burst.
   */
  accepted(now: number = Date.now()): void {
    if (this.startCap === undefined) return;
    this.refill(now);
    this.startCap += 1;
    this.tokens += 1;
    if (this.startCap >= this.limit.burst) this.startCap = undefined;
  }

  /**
   * Called once per 429. Pauses every caller until `until` (never shortens an existing pause). A new pause lowers
   * the rate to what the server accepted since the last one, over a second at least: several 429s of one reset
   * lower it once, and it never halves per 429.
   */
  pause(until: Date, now: number = Date.now()): void {
    this.granted = Math.max(0, this.granted - 1); // the server refused that token's request: it counts for nothing
    if (until.getTime() <= this.pausedUntil) return; // the same pause, reported by a request already in flight
    if (this.pauses.length < MAX_PAUSES) this.pauses.push({ atMs: now, untilMs: until.getTime() });
    const window = Math.max(MEASURE_MIN_MS, now - this.windowStart);
    const accepted = (this.granted * 1000) / window;
    const learned = Math.max(MIN_RATE_PER_SECOND, Math.min(this.rate, accepted));
    const previous = this.learnedRate;
    const stable = previous !== undefined && learned >= previous * STABLE_RATIO && learned * STABLE_RATIO <= previous;
    this.holdMs = stable ? Math.min(HOLD_MAX_MS, this.holdMs * 2) : HOLD_MIN_MS;
    this.learnedRate = learned;
    this.setRate(learned, now);
    this.windowStart = now;
    this.granted = 0;
    this.startCap = undefined;
    this.tokens = 1; // one request goes at the reset, the rest follow at the rate
    this.pausedUntil = until.getTime();
    this.refilledAt = this.pausedUntil;
    this.growAt = this.pausedUntil + this.holdMs;
    this.growSteps = 0;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    // Until its first 429 a bucket is clocked by the server's answers; time alone adds a start's worth a second.
    const rate = this.startCap === undefined ? this.rate : Math.min(this.rate, SLOW_START_TOKENS);
    this.tokens = Math.min(this.startCap ?? this.limit.burst, this.tokens + elapsed * rate);
    this.refilledAt = Math.max(now, this.refilledAt);
  }

  /** Takes a token now if one is available, else returns how many ms to wait before asking again. */
  tryTake(now: number = Date.now()): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    while (this.rate < this.limit.ratePerSecond && now >= this.growAt) {
      this.refill(this.growAt);
      this.setRate(
        Math.min(this.limit.ratePerSecond, this.rate * (1 + GROW_BASE + GROW_ACCEL * this.growSteps)),
        this.growAt,
      );
      this.growSteps += 1;
      this.growAt += GROW_EVERY_MS;
    }
    this.refill(now);
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
