/** The rate-limit categories: Bandwidth's Numbers categories, the two v1 ones, and the Universal Platform's. */
export type RateCategory =
  "ORDER" | "SEARCH" | "DISCONNECT" | "HISTORY" | "INSERVICE_NPANXX" | "V1_IMPORT" | "V1" | "PROVISIONING" | "PLATFORM";

/** One bucket's shape: refill rate and capacity. */
export interface RateLimit {
  /** Requests per minute the bucket refills at; beyond it the emulator answers 429. */
  perMinute: number;
  /** Requests that may arrive at once before the refill rate applies. */
  burst: number;
}

/** `false` disables rate limiting; a partial record overrides the defaults per category. */
export type RateLimitOptions = Partial<Record<RateCategory, RateLimit>> | false;

/** Generous defaults: ordinary use never sees a 429. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateCategory, RateLimit>> = {
  ORDER: { perMinute: 600, burst: 100 },
  SEARCH: { perMinute: 600, burst: 100 },
  DISCONNECT: { perMinute: 600, burst: 100 },
  HISTORY: { perMinute: 6000, burst: 1000 },
  INSERVICE_NPANXX: { perMinute: 6000, burst: 1000 },
  V1_IMPORT: { perMinute: 100, burst: 800 },
  V1: { perMinute: 6000, burst: 1000 },
  PROVISIONING: { perMinute: 600, burst: 100 },
  // Our choice: no document gives the package API's limits.
  PLATFORM: { perMinute: 600, burst: 100 },
};

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** The answer of a take: allowed, or refused with the time at which a token will be back. */
export type TakeResult = { allowed: true } | { allowed: false; resetAtMs: number };

/** Token buckets per (account, category). */
export class RateLimiter {
  private limits: Record<RateCategory, RateLimit> | undefined;
  private buckets = new Map<string, Bucket>();

  constructor(
    options: RateLimitOptions | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.configure(options);
  }

  /** Replaces the limits; buckets start full again. */
  configure(options: RateLimitOptions | undefined): void {
    this.limits = options === false ? undefined : { ...DEFAULT_RATE_LIMITS, ...(options ?? {}) };
    this.buckets.clear();
  }

  /** The limits in force, or false when unlimited. */
  current(): Record<RateCategory, RateLimit> | false {
    return this.limits ? { ...this.limits } : false;
  }

  /** Takes one token from the account's bucket of this category. */
  take(accountId: string, category: RateCategory): TakeResult {
    const limit = this.limits?.[category];
    if (!limit) return { allowed: true };
    const key = `${accountId}\u0000${category}`;
    const now = this.now();
    const perMs = limit.perMinute / 60000;
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedMs: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = perMs > 0 ? Math.ceil((1 - bucket.tokens) / perMs) : 60000;
    return { allowed: false, resetAtMs: now + waitMs };
  }
}
