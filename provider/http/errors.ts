/**
 * Typed errors for every Bandwidth call. Each class has a stable `code` a caller can branch on; none of them ever
 * holds the Authorization header, a password or an API secret (only the method and a credential-free URL).
 */

/** One error reported by Bandwidth, whatever the body shape it came in. */
export interface ApiErrorDetail {
  /** Bandwidth's error code, e.g. "5005" on the Numbers API or "duplicate-number" on Voice v1. */
  code: string;
  /** Bandwidth's description of the error. */
  description: string;
  /** The telephone number the error is about, when Bandwidth names one. */
  telephoneNumber?: string;
}

/** Where a failed call was going: the HTTP method and the URL without credentials. */
export interface RequestTarget {
  /** The HTTP method of the failed request, such as GET or POST. */
  method?: string;
  /** The URL of the failed request, without credentials. */
  url?: string;
}

/** Fields shared by every Bandwidth error. */
export interface BandwidthErrorFields extends RequestTarget {
  /** The HTTP status Bandwidth answered with; absent when no answer arrived (network error or timeout). */
  status?: number;
  /** The error codes, descriptions and numbers Bandwidth listed in its answer, if any. */
  errors?: ApiErrorDetail[];
  /** The underlying error (network failure, timeout, unreadable body) when there is one. */
  cause?: unknown;
}

/** Renders every code, description and TN so that the message alone explains the failure. */
export function describeErrorDetails(errors: readonly ApiErrorDetail[]): string {
  return errors
    .map((e) => {
      const tn = e.telephoneNumber ? ` (TN ${e.telephoneNumber})` : "";
      const description = e.description ? ` "${e.description}"` : "";
      return `${e.code || "?"}${description}${tn}`;
    })
    .join("; ");
}

function targetPrefix(fields: BandwidthErrorFields): string {
  const where = [fields.method, fields.url].filter(Boolean).join(" ");
  const status = fields.status !== undefined ? ` -> ${fields.status}` : "";
  return where || status ? `${where}${status}: ` : "";
}

/** Base class of every error raised by the Bandwidth clients. */
export class BandwidthError extends Error {
  /** Stable machine-readable code ("TRANSPORT", "RATE_LIMITED", "NOT_FOUND", ...). */
  readonly code: string;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** HTTP method of the failed call. */
  readonly method?: string;
  /** URL of the failed call, without credentials. */
  readonly url?: string;
  /** Every error Bandwidth reported in the response body (empty when there was none). */
  readonly errors: ApiErrorDetail[];

  constructor(code: string, summary: string, fields: BandwidthErrorFields = {}) {
    const errors = fields.errors ?? [];
    const details = errors.length > 0 ? ` [${describeErrorDetails(errors)}]` : "";
    super(`${targetPrefix(fields)}${summary}${details}`, fields.cause !== undefined ? { cause: fields.cause } : {});
    this.name = new.target.name;
    this.code = code;
    this.status = fields.status;
    this.method = fields.method;
    this.url = fields.url;
    this.errors = errors;
  }

  /** True when Bandwidth reported the given error code (e.g. "5005" or "duplicate-number"). */
  hasErrorCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** The request failed below HTTP: refused, reset, timed out, or the response could not be read. */
export class TransportError extends BandwidthError {
  /**
   * False only when the request provably never reached the server (refused before connect); when true, a POST may
   * have been acted on and must be looked up (by CustomerOrderId) rather than re-sent.
   */
  readonly mayHaveReachedServer: boolean;
  /** The low-level error code (ECONNREFUSED, UND_ERR_SOCKET, UND_ERR_HEADERS_TIMEOUT, ...). */
  readonly transportCode?: string;

  constructor(
    summary: string,
    fields: BandwidthErrorFields & { mayHaveReachedServer: boolean; transportCode?: string },
  ) {
    super("TRANSPORT", summary, fields);
    this.mayHaveReachedServer = fields.mayHaveReachedServer;
    this.transportCode = fields.transportCode;
  }
}

/**
 * Bandwidth answered 429 (or its token endpoint 429 or 503 with a time to come back) and the wait would not fit in
 * the call's deadline or attempt budget. Nothing was acted on: the same command run again after `resetAt` carries on.
 */
export class RateLimitedError extends BandwidthError {
  /** When Bandwidth said the limit resets, if it said so. */
  readonly resetAt?: Date;

  constructor(fields: BandwidthErrorFields & { resetAt?: Date; category?: string }) {
    const until = fields.resetAt ? ` until ${fields.resetAt.toISOString()}` : "";
    const category = fields.category ? ` (${fields.category})` : "";
    super("RATE_LIMITED", `rate limited${category}${until}`, fields);
    this.resetAt = fields.resetAt;
  }
}

/** Bandwidth answered 404: the order, disconnect, number or route does not exist. */
export class NotFoundError extends BandwidthError {
  constructor(fields: BandwidthErrorFields) {
    super("NOT_FOUND", "not found", fields);
  }
}

/** Bandwidth answered 401 or 403: wrong credentials, or the user may not act on this account. */
export class UnauthorizedError extends BandwidthError {
  constructor(fields: BandwidthErrorFields) {
    super("UNAUTHORIZED", fields.status === 403 ? "access denied" : "unauthorized (check the credentials)", fields);
  }
}

/** Bandwidth answered with an error status or reported errors in a body; `errors` lists every one of them. */
export class ApiError extends BandwidthError {
  constructor(fields: BandwidthErrorFields, summary = "Bandwidth reported an error") {
    super("API_ERROR", summary, fields);
  }
}

/** The call's total deadline passed before it succeeded. */
export class DeadlineError extends BandwidthError {
  /** As on TransportError: whether the last attempt may have been acted on by the server. */
  readonly mayHaveReachedServer: boolean;

  constructor(summary: string, fields: BandwidthErrorFields & { mayHaveReachedServer: boolean }) {
    super("DEADLINE", summary, fields);
    this.mayHaveReachedServer = fields.mayHaveReachedServer;
  }
}

/**
 * Whether a failed call that creates something (an order POST, a v1 import) may have been acted on by Bandwidth: its
 * answer was lost after the request left (a reset, a timeout, the call's deadline), or Bandwidth answered 5xx (a
 * gateway's 502/503/504 does not mean the backend stopped). Such a call is never sent again; its result is looked up.
 */
export function mayHaveReachedServer(e: unknown): boolean {
  if (e instanceof TransportError || e instanceof DeadlineError) return e.mayHaveReachedServer;
  // A 429 refused the call, and a token that never came means the call never left.
  if (e instanceof RateLimitedError || e instanceof TokenUnavailableError) return false;
  return e instanceof BandwidthError && e.status !== undefined && e.status >= 500;
}

/** A response arrived but could not be understood (malformed or oversized body, missing id). */
export class MalformedResponseError extends BandwidthError {
  constructor(summary: string, fields: BandwidthErrorFields = {}) {
    super("MALFORMED_RESPONSE", summary, fields);
  }
}

/** The arguments cannot be turned into a valid request (e.g. criteria no order type accepts). */
export class InvalidRequestError extends BandwidthError {
  constructor(summary: string, fields: BandwidthErrorFields = {}) {
    super("INVALID_REQUEST", summary, fields);
  }
}

/**
 * Bandwidth's OAuth token endpoint refused the client credentials (400 or 401): a wrong client id or secret, a
 * disabled client, or a wrong token URL. The message names the settings to fix, never their values.
 */
export class TokenRefusedError extends BandwidthError {
  constructor(summary: string, fields: BandwidthErrorFields = {}) {
    super("TOKEN_REFUSED", summary, fields);
  }
}

/**
 * Bandwidth's OAuth token endpoint answered neither a token nor a refusal (a 5xx, or another status, after the
 * retries): no request that waited for the token was sent to the API.
 */
export class TokenUnavailableError extends BandwidthError {
  constructor(summary: string, fields: BandwidthErrorFields = {}) {
    super("TOKEN_UNAVAILABLE", summary, fields);
  }
}

/**
 * A new error of the same class, `code` and fields as `e`, with its own message and `e` as its `cause`. An error that
 * several callers share (one token fetch awaited by many requests) is restated per caller, never changed in place.
 */
export function restated<E extends Error>(e: E, message: string = e.message, fields: object = {}): E {
  const copy = Object.create(Object.getPrototypeOf(e) as object) as E;
  Object.assign(copy, e, fields);
  const own = { writable: true, configurable: true, enumerable: false };
  Object.defineProperty(copy, "message", { ...own, value: message });
  Object.defineProperty(copy, "cause", { ...own, value: e });
  const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  Object.defineProperty(copy, "stack", { ...own, value: [`${e.name}: ${message}`, ...frames].join("\n") });
  return copy;
}
