/**
 * How a request is authorized: HTTP Basic (Voice v1's apiToken:apiSecret, and the Numbers API's legacy API User until
 * Bandwidth retires it on 2026-12-02) or an OAuth 2.0 client-credentials bearer token. One token per credential per
 * process, fetched once however many requests wait for it, reused until shortly before it expires, fetched again once
 * after a 401. A token endpoint that answers 429 (or 503) is waited out until the time it names, within each
 * caller's deadline. The client secret and the tokens never reach an error, a log line or state.
 */
import { createHash } from "node:crypto";
import {
  ApiError,
  DeadlineError,
  RateLimitedError,
  restated,
  TokenRefusedError,
  TokenUnavailableError,
  TransportError,
} from "./errors";
import { sharedPool } from "./pool";
import { backoffDelay, flattenHeaders, resetTimeFromHeaders } from "./retry";

/** Supplies the Authorization header of each request. */
export interface Authorizer {
  /**
   * The Authorization header value for the next request (may fetch a token first). `deadline` (epoch ms) bounds the
   * wait: a token that cannot come before it is a RateLimitedError or a DeadlineError, never a longer wait.
   */
  header(deadline?: number): Promise<string>;
  /**
   * Called once when a request sent with the header `used` was answered 401. Resolves true when a new credential is
   * ready and the request is worth sending again; false when nothing can change (Basic auth).
   */
  renew(used: string, deadline?: number): Promise<boolean>;
  /** Every string an error text must never contain (secrets, header values, tokens issued so far). */
  secrets(): string[];
}

/** HTTP Basic auth with a fixed user and password. */
export class BasicAuthorizer implements Authorizer {
  readonly #header: string;
  readonly #secrets: string[];

  constructor(user: string, password: string) {
    const encoded = Buffer.from(`${user}:${password}`).toString("base64");
    this.#header = `Basic ${encoded}`;
    this.#secrets = [encoded, password].filter((s) => s.length >= 4);
  }

  async header(): Promise<string> {
    return this.#header;
  }

  async renew(): Promise<boolean> {
    return false;
  }

  secrets(): string[] {
    return this.#secrets;
  }
}

/** Bandwidth's OAuth 2.0 token endpoint. */
export const DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token";

/** An OAuth 2.0 client-credentials grant: who asks, and where. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The token endpoint, e.g. https://api.bandwidth.com/api/v1/oauth2/token. */
  tokenUrl: string;
}

/** Tunables of the token fetch; every field has a default. */
export interface TokenOptions {
  /** Wait for the token endpoint's headers and body at most this long (ms). */
  timeoutMs: number;
  /**
   * Attempts of one token fetch when the endpoint is unreachable or answers 5xx (a refusal is never repeated). A 429,
   * or a 503 that names when to come back, is waited out and retried until the callers' deadline instead.
   */
  maxAttempts: number;
  /** First retry of a token fetch waits this long (ms); doubles per retry. */
  baseDelayMs: number;
  /** No single wait between two token requests exceeds this (ms), unless the endpoint named a later time. */
  maxDelayMs: number;
  /** How long a caller that gives no deadline waits for a token at most (ms). */
  maxWaitMs: number;
  /** Lifetime assumed when the endpoint gives no usable `expires_in` (s). */
  defaultLifetimeSeconds: number;
  /** Sent as User-Agent. */
  userAgent: string;
}

const DEFAULT_TOKEN_OPTIONS: TokenOptions = {
  timeoutMs: 30_000,
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxWaitMs: 120_000,
  defaultLifetimeSeconds: 300,
  userAgent: "pulumi-bandwidth",
};

/** Renew this long before `expires_in` runs out: 60 s, or a tenth of a short lifetime. */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.floor(lifetimeMs / 10));
}

/** The names a user fixes client credentials with, quoted in every token error. */
const CLIENT_CREDENTIAL_SETTINGS =
  "bandwidth:clientId (BANDWIDTH_CLIENT_ID), bandwidth:clientSecret (BANDWIDTH_CLIENT_SECRET) and " +
  "bandwidth:tokenUrl (BANDWIDTH_TOKEN_URL)";

const MAX_TOKEN_BODY_BYTES = 64 * 1024;
// Tokens issued earlier stay on the scrub list for a while: an error may quote a request sent with one of them.
const REMEMBERED_TOKENS = 8;

interface Token {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  renewAt: number;
}

// A wait for a token is the work in progress: it keeps the process alive, unlike an idle timer.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Longest delay a Node timer takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Where a token error says it came from, beside the status. */
const TOKEN_CATEGORY = "OAuth token endpoint";

function safeTokenUrl(raw: string): string {
  const url = new URL(raw);
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** An OAuth 2.0 client-credentials token source for one credential. */
export class ClientCredentialsAuthorizer implements Authorizer {
  readonly #credentials: ClientCredentials;
  readonly #basic: string;
  readonly #issued: string[] = [];
  readonly #options: TokenOptions;
  readonly #where: string;
  #token: Token | undefined;
  #inflight: Promise<Token> | undefined;
  /** The latest deadline among the callers of the fetch in flight: it waits out a 429 no longer than that. */
  #fetchUntil = 0;
  /** Epoch ms before which the token endpoint asked not to be asked again, and the status that asked it. */
  #paused = { until: 0, status: 429 };
  /** Callers waiting for the fetch in flight, each told of every pause so the one it would outlast gives up. */
  readonly #pauseListeners = new Set<(until: number) => void>();
  /** Token requests sent so far (each attempt counts). */
  tokenRequests = 0;

  constructor(credentials: ClientCredentials, options: Partial<TokenOptions> = {}) {
    this.#credentials = credentials;
    this.#basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64");
    this.#options = { ...DEFAULT_TOKEN_OPTIONS, ...options };
    this.#where = safeTokenUrl(credentials.tokenUrl);
  }

  async header(deadline: number = Date.now() + this.#options.maxWaitMs): Promise<string> {
    const now = Date.now();
    const token = this.#token && now < this.#token.renewAt ? this.#token : await this.waitForToken(deadline);
    return `Bearer ${token.value}`;
  }

  async renew(used: string, deadline?: number): Promise<boolean> {
    // Only the first 401 for a token fetches another; requests that used it too wait for that same fetch.
    if (this.#token && `Bearer ${this.#token.value}` === used) this.#token = undefined;
    await this.header(deadline);
    return true;
  }

  secrets(): string[] {
    return [this.#credentials.clientSecret, this.#basic, ...this.#issued].filter((s) => s.length >= 4);
  }

  /** Drops the cached token and any pause the endpoint asked for, as a new process starts (the next request asks). */
  forget(): void {
    this.#token = undefined;
    this.#paused = { until: 0, status: 429 };
  }

  /**
   * Waits for the one fetch every caller shares, never past this caller's deadline. Each caller gets an error object
   * of its own: the resources that wrap it must not write into one another's.
   */
  private waitForToken(deadline: number): Promise<Token> {
    if (this.#paused.until > deadline) return Promise.reject(this.rateLimited(this.#paused.until));
    const shared = this.fetchOnce(deadline);
    return new Promise<Token>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.#pauseListeners.delete(onPause);
        outcome();
      };
      const onPause = (until: number) => {
        if (until > deadline) settle(() => reject(this.rateLimited(until)));
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new DeadlineError("deadline passed while waiting for an OAuth token", {
                method: "POST",
                url: this.#where,
                mayHaveReachedServer: false,
              }),
            ),
          ),
        Math.min(MAX_TIMER_MS, Math.max(0, deadline - Date.now())),
      );
      timer.unref?.();
      this.#pauseListeners.add(onPause);
      shared.then(
        (token) => settle(() => resolve(token)),
        (e: unknown) => settle(() => reject(e instanceof Error ? restated(e) : e)),
      );
    });
  }

  private fetchOnce(deadline: number): Promise<Token> {
    this.#fetchUntil = Math.max(this.#fetchUntil, deadline);
    if (!this.#inflight) {
      this.#inflight = this.fetchToken().finally(() => {
        this.#inflight = undefined;
        this.#fetchUntil = 0;
      });
    }
    return this.#inflight;
  }

  /** The error of a caller whose deadline comes before the time the token endpoint named. */
  private rateLimited(until: number): RateLimitedError {
    return new RateLimitedError({
      method: "POST",
      url: this.#where,
      status: this.#paused.status,
      category: TOKEN_CATEGORY,
      resetAt: new Date(until),
    });
  }

  /**
   * Nothing is sent to the endpoint before `until`; callers whose deadline comes first give up now, and so does the
   * fetch when no caller waits that long.
   */
  private pause(until: number, status: number): void {
    this.#paused = { until, status };
    for (const listener of [...this.#pauseListeners]) listener(until);
    if (until > this.#fetchUntil) throw this.rateLimited(until);
  }

  private scrub(text: string): string {
    return this.secrets().reduce((out, secret) => out.split(secret).join("[REDACTED]"), text);
  }

  private async fetchToken(): Promise<Token> {
    const url = new URL(this.#credentials.tokenUrl);
    const where = this.#where;
    let failures = 0;
    let unnamedPauses = 0;
    const backoff = (n: number) =>
      Math.min(this.#options.maxDelayMs, this.#options.baseDelayMs * 2 ** Math.max(0, n - 1));
    for (;;) {
      await sleep(this.#paused.until - Date.now());
      this.tokenRequests += 1;
      let status: number;
      let headers: Record<string, string>;
      let body: string;
      try {
        const res = await sharedPool(url.origin, this.#options.timeoutMs).request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: "POST",
          headers: {
            authorization: `Basic ${this.#basic}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
            "user-agent": this.#options.userAgent,
          },
          body: "grant_type=client_credentials",
          headersTimeout: this.#options.timeoutMs,
          bodyTimeout: this.#options.timeoutMs,
        });
        status = res.statusCode;
        headers = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
        body = await readCapped(res.body);
      } catch (err) {
        const code = (err as { code?: string }).code;
        failures += 1;
        const error = new TransportError(
          `the OAuth token endpoint could not be reached (${code ?? "error"}); check ${CLIENT_CREDENTIAL_SETTINGS}`,
          // Nothing was sent to the API itself: the request that waited for this token never left.
          { method: "POST", url: where, mayHaveReachedServer: false, transportCode: code },
        );
        if (failures >= this.#options.maxAttempts) throw error;
        await sleep(backoff(failures));
        continue;
      }
      if (status === 200) return this.accept(body, where);
      const reason = this.scrub(oauthReason(body));
      if (status === 400 || status === 401 || status === 403) {
        throw new TokenRefusedError(
          `Bandwidth's OAuth token endpoint refused the client credentials${reason ? ` (${reason})` : ""}. ` +
            `Check ${CLIENT_CREDENTIAL_SETTINGS}: the client id and secret come from an OAuth client of your Bandwidth account.`,
          { method: "POST", url: where, status },
        );
      }
      const named = status === 429 || status === 503 ? resetTimeFromHeaders(headers, "seconds") : undefined;
      if (named || status === 429) {
        // Come back when the answer says, with a little jitter so that many processes do not all ask at once.
        const jitter = backoffDelay(0, { baseDelayMs: Math.min(this.#options.baseDelayMs, 250), maxDelayMs: 250 });
        const until = named
          ? Math.max(named.getTime(), Date.now()) + jitter
          : Date.now() + backoff((unnamedPauses += 1));
        this.pause(until, status);
        continue;
      }
      failures += 1;
      const error = new TokenUnavailableError(
        `the OAuth token endpoint answered ${status}${reason ? ` (${reason})` : ""}; no request was sent with it`,
        { method: "POST", url: where, status },
      );
      if (status < 500 || failures >= this.#options.maxAttempts) throw error;
      await sleep(backoff(failures));
    }
  }

  private accept(body: string, where: string): Token {
    let parsed: Record<string, unknown> | undefined;
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value === "object" && value !== null) parsed = value as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    const value = parsed?.access_token;
    if (typeof value !== "string" || value === "") {
      throw new ApiError(
        { method: "POST", url: where, status: 200 },
        "the OAuth token endpoint answered 200 without an access_token",
      );
    }
    const type = parsed?.token_type;
    if (typeof type === "string" && type.toLowerCase() !== "bearer") {
      throw new ApiError(
        { method: "POST", url: where, status: 200 },
        `the OAuth token endpoint issued a ${JSON.stringify(type)} token, not a bearer token`,
      );
    }
    this.#issued.push(value);
    if (this.#issued.length > REMEMBERED_TOKENS) this.#issued.shift();
    const seconds = Number(parsed?.expires_in);
    const lifetimeMs =
      (Number.isFinite(seconds) && seconds > 0 ? seconds : this.#options.defaultLifetimeSeconds) * 1000;
    const token = { value, renewAt: Date.now() + lifetimeMs - renewalMarginMs(lifetimeMs) };
    this.#token = token;
    return token;
  }
}

async function readCapped(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_TOKEN_BODY_BYTES) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** OAuth's `error` and `error_description` (RFC 6749 §5.2), or nothing when the body has neither. */
function oauthReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const parts = [parsed.error, parsed.error_description, parsed.message].filter(
      (p): p is string => typeof p === "string" && p !== "",
    );
    return parts.join(": ").slice(0, 300);
  } catch {
    return "";
  }
}

const authorizers = new Map<string, ClientCredentialsAuthorizer>();

/** The process-wide token source of a credential: every client of the same credential shares one token. */
export function sharedClientCredentials(
  credentials: ClientCredentials,
  options: Partial<TokenOptions> = {},
): ClientCredentialsAuthorizer {
  const digest = createHash("sha256").update(credentials.clientSecret).digest("hex");
  const key = JSON.stringify([credentials.tokenUrl, credentials.clientId, digest]);
  let authorizer = authorizers.get(key);
  if (!authorizer) {
    authorizer = new ClientCredentialsAuthorizer(credentials, options);
    authorizers.set(key, authorizer);
  }
  return authorizer;
}

/** Forgets every shared token source (for tests that need a clean process state). */
export function resetSharedClientCredentials(): void {
  authorizers.clear();
}
