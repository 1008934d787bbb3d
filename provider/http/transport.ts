/**
 * The one HTTP transport every Bandwidth client uses: a shared keep-alive undici Pool per origin, an authorizer
 * (Basic or an OAuth bearer token), timeouts, the shared rate limiter, retries that can never buy a second number,
 * and typed errors.
 */
import {
  ApiError,
  type ApiErrorDetail,
  type BandwidthError,
  DeadlineError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TransportError,
  UnauthorizedError,
} from "./errors";
import { type Authorizer, BasicAuthorizer } from "./oauth";
import { closeSharedPools, sharedPool } from "./pool";
import { DEFAULT_RATE_LIMIT, type RateLimit, RateLimitWaitTooLong, sharedBucket } from "./ratelimit";
import {
  type AttemptOutcome,
  backoffDelay,
  flattenHeaders,
  isIdempotentMethod,
  isRetryable,
  provablyNotSent,
  type RateLimitResetUnit,
  resetTimeFromHeaders,
} from "./retry";

/** Something worth logging about a call; never carries credentials. */
export type TransportEvent =
  | {
      type: "retry";
      method: string;
      url: string;
      attempt: number;
      delayMs: number;
      reason: string;
      status?: number;
    }
  | { type: "rate-limited"; method: string; url: string; category: string; resetAt: Date };

/** Tunables of the transport; every field has a default. */
export interface TransportOptions {
  /** TCP/TLS connect timeout (ms). */
  connectTimeoutMs: number;
  /** Wait for the response headers at most this long (ms). */
  headersTimeoutMs: number;
  /** Wait at most this long between two chunks of the response body (ms). */
  bodyTimeoutMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Total time budget of one call, retries and waits included (ms). */
  deadlineMs: number;
  /** First retry waits up to this long (ms); doubles per retry, with full jitter. */
  baseDelayMs: number;
  /** No single backoff wait exceeds this (ms). */
  maxDelayMs: number;
  /** Responses larger than this are refused (bytes). */
  maxResponseBytes: number;
  /** Token bucket for every category without its own entry in `rateLimits`. */
  rateLimit: RateLimit;
  /** Per-category token buckets (e.g. ORDER, SEARCH). */
  rateLimits: Partial<Record<string, RateLimit>>;
  /** Unit of `X-RateLimit-Reset` on this API (either is tolerated). */
  rateLimitResetUnit: RateLimitResetUnit;
  /** Extracts every error from an error body; the API client supplies the one for its wire format. */
  describeErrors: (body: string, contentType: string | undefined) => ApiErrorDetail[];
  /** Called on retries and rate-limit pauses. */
  onEvent?: (event: TransportEvent) => void;
  /** Sent as User-Agent. */
  userAgent: string;
}

/** Where and as whom a transport talks. */
export interface TransportConfig {
  /** Prefix of every path; may carry a path itself, e.g. `https://dashboard.bandwidth.com/api`. */
  baseUrl: string;
  /** How each request is authorized; when absent, Basic auth with `username` and `password`. */
  authorizer?: Authorizer;
  /** Basic-auth user (legacy Dashboard API User, or the v1 API token), used when no `authorizer` is given. */
  username?: string;
  /** Basic-auth password (legacy Dashboard password, or the v1 API secret). */
  password?: string;
  /** The account the rate limits apply to (Dashboard account id, or v1 user id). */
  account: string;
  options?: Partial<TransportOptions>;
}

/** Query values; arrays repeat the parameter, undefined values are left out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One call. */
export interface TransportRequest {
  method: string;
  /** Path below the base URL, or an absolute URL on the same origin (e.g. a `Link: rel="next"`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: string;
  contentType?: string;
  /** Whether repeating the call is harmless; defaults from the method (GET, PUT, DELETE yes; POST no). */
  idempotent?: boolean;
  /** Rate-limit category (ORDER, SEARCH, DISCONNECT, HISTORY, ...). */
  category?: string;
  /** Overrides the transport's total deadline for this call (ms). */
  deadlineMs?: number;
  /** Accept header; defaults to XML or JSON. */
  accept?: string;
  /** Values the body carries that must never reach an error (e.g. the password of a v1 import's provider block). */
  secrets?: readonly string[];
}

/** A successful (2xx/3xx) response. */
export interface TransportResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Defaults: 10 s connect, 30 s headers, 30 s body, 5 attempts within 2 minutes. */
export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxAttempts: 5,
  deadlineMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxResponseBytes: 10 * 1024 * 1024,
  rateLimit: DEFAULT_RATE_LIMIT,
  rateLimits: {},
  rateLimitResetUnit: "seconds",
  describeErrors: () => [],
  userAgent: "pulumi-bandwidth",
};

/** Environment variable that lowers (or raises) the headers and body timeouts of every transport, in milliseconds. */
export const HTTP_TIMEOUT_ENV = "BANDWIDTH_HTTP_TIMEOUT_MS";

/** The headers/body timeouts set by BANDWIDTH_HTTP_TIMEOUT_MS, if any; the resources have no other way to get them. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<TransportOptions> {
  const raw = env[HTTP_TIMEOUT_ENV];
  if (raw === undefined || raw.trim() === "") return {};
  const ms = Number(raw.trim());
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new InvalidRequestError(
      `${HTTP_TIMEOUT_ENV} must be a positive whole number of milliseconds; got ${JSON.stringify(raw)}`,
    );
  }
  return { headersTimeoutMs: ms, bodyTimeoutMs: ms };
}

export { closeSharedPools, sharedPool };

class BodyTooLarge extends Error {}

async function readCapped(body: AsyncIterable<Buffer>, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge(`response body exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; errors?: unknown[] };
  if (typeof e.code === "string") return e.code;
  // Happy-eyeballs connects fail with an AggregateError of per-address errors.
  if (Array.isArray(e.errors) && e.errors.length > 0) return errorCode(e.errors[0]);
  return undefined;
}

// The low-level error is kept as a plain copy so that no request object can ride along into logs.
function sanitizedCause(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const copy = new Error(message);
  copy.name = err instanceof Error ? err.name : "Error";
  const code = errorCode(err);
  if (code) (copy as Error & { code?: string }).code = code;
  copy.stack = `${copy.name}: ${message}`;
  return copy;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

type Attempt =
  | { ok: true; response: TransportResponse }
  | { ok: false; outcome: AttemptOutcome; error: BandwidthError; resetAt?: Date };

/** The transport: one per client, sharing pools and rate-limit buckets with every other transport in the process. */
export class Transport {
  readonly options: TransportOptions;
  private readonly base: URL;
  private readonly account: string;
  readonly #authorizer: Authorizer;

  constructor(config: TransportConfig) {
    this.options = { ...DEFAULT_TRANSPORT_OPTIONS, ...timeoutsFromEnv(), ...config.options };
    const base = new URL(config.baseUrl);
    // Credentials belong in the Authorization header only, never in a URL that may be logged.
    base.username = "";
    base.password = "";
    base.search = "";
    base.hash = "";
    base.pathname = base.pathname.replace(/\/+$/, "");
    this.base = base;
    this.account = config.account;
    if (config.authorizer) this.#authorizer = config.authorizer;
    else if (config.username !== undefined && config.password !== undefined) {
      this.#authorizer = new BasicAuthorizer(config.username, config.password);
    } else throw new InvalidRequestError("a transport needs an authorizer or a username and password");
  }

  /** The origin (scheme, host, port) requests go to. */
  get origin(): string {
    return this.base.origin;
  }

  /** The full, credential-free URL of a path. */
  url(path: string, query?: Record<string, QueryValue>): URL {
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
      if (url.origin !== this.base.origin) {
        throw new InvalidRequestError(`refusing to send credentials to another origin (${url.origin})`);
      }
      url.username = "";
      url.password = "";
    } else {
      url = new URL(this.base.href);
      url.pathname = `${this.base.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
    }
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      const values = Array.isArray(value) ? value : [String(value)];
      for (const v of values) url.searchParams.append(name, v);
    }
    return url;
  }

  /**
   * Sends one call, retrying where a repeat is harmless, and returns a 2xx/3xx response or throws a typed
   * BandwidthError. A POST is re-sent only after a 429 or when the connection was refused before connecting.
   */
  async request(req: TransportRequest): Promise<TransportResponse> {
    const method = req.method.toUpperCase();
    const idempotent = req.idempotent ?? isIdempotentMethod(method);
    const url = this.url(req.path, req.query);
    const safeUrl = url.toString();
    const category = req.category ?? "DEFAULT";
    const deadline = Date.now() + (req.deadlineMs ?? this.options.deadlineMs);
    const bucket = sharedBucket(
      { origin: this.base.origin, account: this.account, category },
      this.options.rateLimits[category] ?? this.options.rateLimit,
    );

    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        await bucket.acquire(deadline);
      } catch (err) {
        if (!(err instanceof RateLimitWaitTooLong)) throw err;
        const paused = bucket.pausedUntilMs > Date.now();
        if (paused) {
          throw new RateLimitedError({ method, url: safeUrl, category, resetAt: new Date(bucket.pausedUntilMs) });
        }
        throw new DeadlineError("deadline passed while waiting for the rate limiter", {
          method,
          url: safeUrl,
          mayHaveReachedServer: false,
        });
      }

      const authorization = await this.#authorizer.header(deadline);
      const result = await this.attempt(method, url, safeUrl, req, deadline, category, authorization);
      // Any answer but a 429 is the server taking a request: a new bucket grows its burst on it.
      if (result.ok || (result.outcome.kind === "status" && result.outcome.status !== 429)) bucket.accepted();
      if (result.ok) return result.response;

      // An expired or revoked token: one new token, then the same request once more (a 401 acted on nothing).
      if (result.outcome.kind === "status" && result.outcome.status === 401 && !renewed) {
        renewed = true;
        if (await this.#authorizer.renew(authorization, deadline)) {
          attempt -= 1;
          continue;
        }
      }

      if (result.outcome.kind === "status" && result.outcome.status === 429) {
        const resetAt = result.resetAt ?? new Date(Date.now() + backoffDelay(attempt - 1, this.options));
        bucket.pause(resetAt);
        this.options.onEvent?.({ type: "rate-limited", method, url: safeUrl, category, resetAt });
      }
      if (result.error instanceof DeadlineError) throw result.error;
      if (!isRetryable(result.outcome, idempotent) || attempt >= this.options.maxAttempts) throw result.error;

      const delayMs = this.retryDelay(attempt, result.resetAt);
      if (Date.now() + delayMs >= deadline) {
        if (result.error instanceof RateLimitedError) throw result.error;
        throw new DeadlineError(`gave up after ${attempt} attempt(s): ${result.error.message}`, {
          method,
          url: safeUrl,
          status: result.error.status,
          errors: result.error.errors,
          cause: result.error,
          mayHaveReachedServer: !(result.error instanceof TransportError) || result.error.mayHaveReachedServer,
        });
      }
      this.options.onEvent?.({
        type: "retry",
        method,
        url: safeUrl,
        attempt,
        delayMs,
        reason: result.error.code,
        status: result.error.status,
      });
      await sleep(delayMs);
    }
  }

  // A server that echoes the request (a proxy, a debugging endpoint) must not smuggle credentials into an error.
  private redacted(detail: ApiErrorDetail, extra: readonly string[] = []): ApiErrorDetail {
    const secrets = [...this.#authorizer.secrets(), ...extra.filter((s) => s.length >= 4)];
    const scrub = (s: string) => secrets.reduce((out, secret) => out.split(secret).join("[REDACTED]"), s);
    const copy: ApiErrorDetail = { code: scrub(detail.code), description: scrub(detail.description) };
    if (detail.telephoneNumber !== undefined) copy.telephoneNumber = detail.telephoneNumber;
    return copy;
  }

  // A reset time (429, Retry-After) is honoured with a little jitter so paused callers do not stampede.
  private retryDelay(attempt: number, resetAt: Date | undefined): number {
    const backoff = backoffDelay(attempt - 1, this.options);
    if (!resetAt) return backoff;
    const untilReset = Math.max(0, resetAt.getTime() - Date.now());
    return untilReset + Math.floor(Math.random() * Math.min(this.options.baseDelayMs, 250));
  }

  private async attempt(
    method: string,
    url: URL,
    safeUrl: string,
    req: TransportRequest,
    deadline: number,
    category: string,
    authorization: string,
  ): Promise<Attempt> {
    const headers: Record<string, string> = {
      authorization,
      accept: req.accept ?? "application/xml, application/json",
      "user-agent": this.options.userAgent,
    };
    if (req.body !== undefined) headers["content-type"] = req.contentType ?? "application/xml; charset=utf-8";

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(1, deadline - Date.now()));
    timer.unref?.();
    let responded = false;
    try {
      const pool = sharedPool(this.base.origin, this.options.connectTimeoutMs);
      const res = await pool.request({
        origin: this.base.origin,
        path: url.pathname + url.search,
        method: method as "GET",
        headers,
        body: req.body,
        headersTimeout: this.options.headersTimeoutMs,
        bodyTimeout: this.options.bodyTimeoutMs,
        signal: controller.signal,
      });
      responded = true;
      const responseHeaders = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
      const body = await readCapped(res.body, this.options.maxResponseBytes);
      const status = res.statusCode;
      if (status < 400) return { ok: true, response: { status, headers: responseHeaders, body } };

      const contentType = responseHeaders["content-type"];
      let errors: ApiErrorDetail[] = [];
      try {
        errors = this.options.describeErrors(body, contentType).map((e) => this.redacted(e, req.secrets));
      } catch {
        errors = [];
      }
      const fields = { method, url: safeUrl, status, errors };
      const resetAt =
        status === 429 || status === 503
          ? resetTimeFromHeaders(responseHeaders, this.options.rateLimitResetUnit)
          : undefined;
      return { ok: false, outcome: { kind: "status", status }, error: statusError(fields, category, resetAt), resetAt };
    } catch (err) {
      const transportCode = errorCode(err);
      const mayHaveReachedServer = responded || !provablyNotSent(transportCode);
      if (controller.signal.aborted) {
        return {
          ok: false,
          outcome: { kind: "network", transportCode },
          error: new DeadlineError("deadline passed during the request", {
            method,
            url: safeUrl,
            mayHaveReachedServer,
            cause: sanitizedCause(err),
          }),
        };
      }
      const summary =
        err instanceof BodyTooLarge
          ? err.message
          : `request failed (${transportCode ?? (err instanceof Error ? err.name : "error")}${
              err instanceof Error && err.message ? `: ${err.message}` : ""
            })`;
      return {
        ok: false,
        // An oversized body will be oversized again: never worth a retry.
        outcome: err instanceof BodyTooLarge ? { kind: "status", status: 0 } : { kind: "network", transportCode },
        error: new TransportError(summary, {
          method,
          url: safeUrl,
          mayHaveReachedServer,
          transportCode,
          cause: sanitizedCause(err),
        }),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

function statusError(
  fields: { method: string; url: string; status: number; errors: ApiErrorDetail[] },
  category: string,
  resetAt: Date | undefined,
): BandwidthError {
  switch (fields.status) {
    case 401:
    case 403:
      return new UnauthorizedError(fields);
    case 404:
      return new NotFoundError(fields);
    case 429:
      return new RateLimitedError({ ...fields, category, resetAt });
    default:
      return new ApiError(fields);
  }
}
