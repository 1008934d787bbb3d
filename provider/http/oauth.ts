/**
 * How a request is authorized: HTTP Basic (Voice v1's apiToken:apiSecret, and the Numbers API's legacy API User until
 * Bandwidth retires it on 2026-12-02) or an OAuth 2.0 client-credentials bearer token. One token per credential per
 * process, fetched once however many requests wait for it, reused until shortly before it expires, fetched again once
 * after a 401. The client secret and the tokens never reach an error, a log line or state.
 */
import { createHash } from "node:crypto";
import { ApiError, TokenRefusedError, TransportError } from "./errors";
import { sharedPool } from "./pool";

/** Supplies the Authorization header of each request. */
export interface Authorizer {
  /** The Authorization header value for the next request (may fetch a token first). */
  header(): Promise<string>;
  /**
   * Called once when a request sent with the header `used` was answered 401. Resolves true when a new credential is
   * ready and the request is worth sending again; false when nothing can change (Basic auth).
   */
  renew(used: string): Promise<boolean>;
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
  /** Attempts of one token fetch when the endpoint is unreachable, 429 or 5xx (a refusal is never repeated). */
  maxAttempts: number;
  /** First retry of a token fetch waits this long (ms); doubles per retry. */
  baseDelayMs: number;
  /** Lifetime assumed when the endpoint gives no usable `expires_in` (s). */
  defaultLifetimeSeconds: number;
  /** Sent as User-Agent. */
  userAgent: string;
}

const DEFAULT_TOKEN_OPTIONS: TokenOptions = {
  timeoutMs: 30_000,
  maxAttempts: 3,
  baseDelayMs: 250,
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

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
  #token: Token | undefined;
  #inflight: Promise<Token> | undefined;
  /** Token requests sent so far (each attempt counts). */
  tokenRequests = 0;

  constructor(credentials: ClientCredentials, options: Partial<TokenOptions> = {}) {
    this.#credentials = credentials;
    this.#basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64");
    this.#options = { ...DEFAULT_TOKEN_OPTIONS, ...options };
  }

  async header(): Promise<string> {
    const now = Date.now();
    const token = this.#token && now < this.#token.renewAt ? this.#token : await this.fetchOnce();
    return `Bearer ${token.value}`;
  }

  async renew(used: string): Promise<boolean> {
    // Only the first 401 for a token fetches another; requests that used it too wait for that same fetch.
    if (this.#token && `Bearer ${this.#token.value}` === used) this.#token = undefined;
    await this.header();
    return true;
  }

  secrets(): string[] {
    return [this.#credentials.clientSecret, this.#basic, ...this.#issued].filter((s) => s.length >= 4);
  }

  /** Drops the cached token (the next request fetches a new one). */
  forget(): void {
    this.#token = undefined;
  }

  private fetchOnce(): Promise<Token> {
    if (!this.#inflight) {
      this.#inflight = this.fetchToken().finally(() => {
        this.#inflight = undefined;
      });
    }
    return this.#inflight;
  }

  private scrub(text: string): string {
    return this.secrets().reduce((out, secret) => out.split(secret).join("[REDACTED]"), text);
  }

  private async fetchToken(): Promise<Token> {
    const url = new URL(this.#credentials.tokenUrl);
    const where = safeTokenUrl(this.#credentials.tokenUrl);
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= this.#options.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(this.#options.baseDelayMs * 2 ** (attempt - 2));
      this.tokenRequests += 1;
      let status: number;
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
        body = await readCapped(res.body);
      } catch (err) {
        const code = (err as { code?: string }).code;
        lastError = new TransportError(
          `the OAuth token endpoint could not be reached (${code ?? "error"}); check ${CLIENT_CREDENTIAL_SETTINGS}`,
          // Nothing was sent to the API itself: the request that waited for this token never left.
          { method: "POST", url: where, mayHaveReachedServer: false, transportCode: code },
        );
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
      lastError = new ApiError(
        { method: "POST", url: where, status },
        `the OAuth token endpoint answered ${status}${reason ? ` (${reason})` : ""}`,
      );
      if (status !== 429 && status < 500) break;
    }
    throw lastError ?? new ApiError({ method: "POST", url: where }, "no token");
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
