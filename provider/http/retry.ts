/**
 * Retry policy: which outcomes may be repeated, how long to wait, and how to read Bandwidth's reset headers.
 * Pure functions, so the math is tested without sockets.
 */

/** Unit in which an API sends `X-RateLimit-Reset`: the Numbers API uses epoch seconds, Voice v1 epoch milliseconds. */
export type RateLimitResetUnit = "seconds" | "milliseconds";

/** Backoff shape for retried calls. */
export interface BackoffOptions {
  /** First retry waits up to this long (ms). */
  baseDelayMs: number;
  /** No single wait exceeds this (ms). */
  maxDelayMs: number;
}

/**
 * Exponential backoff with FULL jitter: a uniform wait in [0, min(max, base * 2^attempt)).
 * `attempt` counts from 0 for the first retry.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

// Any epoch value this large is milliseconds: as seconds it would lie past the year 5000.
const EPOCH_MS_THRESHOLD = 1e11;
const ONE_DAY_MS = 86_400_000;

/**
 * Reads `X-RateLimit-Reset` as an absolute time. The declared unit is tried first; a value that only makes sense in
 * the other unit (judged by magnitude) is read in that unit, so either flavour is tolerated. Returns undefined when
 * the header is absent or not a number.
 */
export function parseRateLimitReset(
  value: string | undefined,
  unit: RateLimitResetUnit,
  now: number = Date.now(),
): Date | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0) return undefined;
  const declared = unit === "seconds" ? n * 1000 : n;
  const byMagnitude = n >= EPOCH_MS_THRESHOLD ? n : n * 1000;
  const plausible = (ms: number) => Math.abs(ms - now) <= ONE_DAY_MS;
  if (plausible(declared)) return new Date(declared);
  if (plausible(byMagnitude)) return new Date(byMagnitude);
  // A small number is a delta, not an epoch: some proxies send seconds-until-reset.
  if (n < ONE_DAY_MS / 1000) return new Date(now + n * 1000);
  return new Date(byMagnitude);
}

/** Reads `Retry-After` (delta seconds or an HTTP date) as an absolute time. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): Date | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return new Date(now + Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** Response headers with lower-cased names, repeated ones joined with ", ", as the reset readers take them. */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** The later of the two reset hints a response carries, if any. */
export function resetTimeFromHeaders(
  headers: Record<string, string>,
  unit: RateLimitResetUnit,
  now: number = Date.now(),
): Date | undefined {
  const hints = [
    parseRetryAfter(headers["retry-after"], now),
    parseRateLimitReset(headers["x-ratelimit-reset"], unit, now),
  ]
    .filter((d): d is Date => d !== undefined)
    .map((d) => d.getTime());
  return hints.length > 0 ? new Date(Math.max(...hints)) : undefined;
}

/** HTTP statuses worth repeating for an idempotent call. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Methods that may be repeated without risk of a second effect. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Whether a method is idempotent by HTTP semantics (a POST is not, unless the caller says so). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

// Failures that happen before a single byte of the request could leave this machine.
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether a low-level error code proves the request never reached the server. */
export function provablyNotSent(transportCode: string | undefined): boolean {
  return transportCode !== undefined && NEVER_SENT_CODES.has(transportCode);
}

/** What happened on one attempt, as far as the retry decision cares. */
export type AttemptOutcome = { kind: "status"; status: number } | { kind: "network"; transportCode?: string };

/**
 * Whether an attempt may be repeated. A 429 is always safe (the server refused the call); other failures are
 * repeated for idempotent calls only, except a network error that provably happened before the request was sent.
 */
export function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === "status") {
    if (outcome.status === 429) return true;
    return idempotent && RETRYABLE_STATUSES.has(outcome.status);
  }
  return idempotent || provablyNotSent(outcome.transportCode);
}
