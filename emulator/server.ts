import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type AdminContext, handleAdmin, type LoggedRequest } from "./admin";
import { handlePage } from "./page";
import { EmulatorError, NotFoundError, ValidationError } from "./errors";
import { type FaultRule, FaultSet, type FiredFault } from "./faults";
import type { ApiRequest, ApiResponse } from "./http-types";
import type { AccountSeed, EmulatorModel, ModelDelays } from "./models";
import { RateLimiter, type RateLimitOptions } from "./ratelimit";
import { type AuthPolicy, DEFAULT_AUTH_POLICY, redactBody, TOKEN_PATH, TokenIssuer } from "./oauth";
import { errorDocument } from "./numbers/responses";
import { voiceError, voiceErrorFor } from "./voice/responses";
import { API_DIALECTS, type ApiName, matchRoute, type Route } from "./routes";

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const LOGGED_BODY_CHARS = 64 * 1024;
const MAX_LOG_ENTRIES = 100_000;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const V1_CATEGORIES: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  429: "too-many-requests",
  503: "service-unavailable",
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function basicCredentials(header: string | undefined): { user: string; secret: string } | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ValidationError([{ code: "413", description: "Request body too large" }]));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The HTTP side of the emulator: routing, auth, faults, rate limits and the request log. */
export class EmulatorHttpServer {
  readonly faults: FaultSet;
  readonly limiter: RateLimiter;
  readonly tokens = new TokenIssuer();
  authPolicy: AuthPolicy;
  private log: LoggedRequest[] = [];
  private seq = 0;
  private server: Server;
  private admin: AdminContext;

  constructor(
    readonly model: EmulatorModel,
    options: { faults?: FaultRule[]; rateLimits?: RateLimitOptions; auth?: Partial<AuthPolicy>; reset: () => void },
  ) {
    this.authPolicy = { ...DEFAULT_AUTH_POLICY, ...options.auth };
    this.faults = new FaultSet(options.faults ?? []);
    this.limiter = new RateLimiter(options.rateLimits);
    this.admin = {
      model,
      faults: this.faults,
      limiter: this.limiter,
      requestLog: () => this.requestLog(),
      reset: options.reset,
      setDelays: (d: Partial<ModelDelays>) => model.setDelays(d),
      authPolicy: () => this.authPolicy,
      setAuthPolicy: (p: Partial<AuthPolicy>) => this.setAuthPolicy(p),
    };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { "Content-Type": "text/plain" });
          res.end(String((err as Error)?.message ?? err));
        }
      });
    });
    this.server.keepAliveTimeout = 5000;
  }

  /** Listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Closes the listener and every open connection. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Changes how the Numbers API authenticates (tokens already issued keep their expiry). */
  setAuthPolicy(policy: Partial<AuthPolicy>): AuthPolicy {
    const next = { ...this.authPolicy, ...policy };
    if (!Number.isFinite(next.tokenLifetimeSeconds) || next.tokenLifetimeSeconds <= 0) {
      throw new ValidationError([{ code: "auth", description: "tokenLifetimeSeconds must be a positive number" }]);
    }
    this.authPolicy = {
      tokenLifetimeSeconds: next.tokenLifetimeSeconds,
      legacyBasicAuth: next.legacyBasicAuth !== false,
    };
    // A v1 import's provider block carries an API User: it authenticates only while legacy Basic auth does.
    this.model.voice.acceptApiUsers(this.authPolicy.legacyBasicAuth);
    return this.authPolicy;
  }

  /** A copy of the request log, oldest first. */
  requestLog(): LoggedRequest[] {
    return this.log.slice();
  }

  /** Clears the request log (sequence numbers keep growing). */
  clearLog(): void {
    this.log = [];
  }

  private record(entry: Omit<LoggedRequest, "seq">): void {
    this.seq += 1;
    this.log.push({ seq: this.seq, ...entry });
    if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const atMs = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    let body = "";
    let api: ApiName = path.startsWith("/_emulator/")
      ? "admin"
      : path.startsWith("/v1/")
        ? "voice"
        : path.startsWith("/v2/")
          ? "vcp"
          : "numbers";
    let fault: string | undefined;
    let status = 0;
    const log = () =>
      this.record({
        at: new Date(atMs).toISOString(),
        atMs,
        method,
        path,
        query: url.search.replace(/^\?/, ""),
        status,
        api,
        body: body ? redactBody(body).slice(0, LOGGED_BODY_CHARS) : undefined,
        fault,
      });
    const send = (response: ApiResponse) => {
      status = response.status;
      log();
      res.writeHead(response.status, response.headers ?? {});
      res.end(response.body ?? "");
    };
    try {
      body = await readBody(req);
    } catch {
      status = 413;
      return send({ status: 413 });
    }

    if (api === "admin") {
      if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
        return send({
          status: 403,
          headers: { "Content-Type": "application/json" },
          body: '{"error":"loopback only"}',
        });
      }
      const page = handlePage(this.admin, method, path, url.searchParams);
      // Unlogged: the page's own polling would crowd the requests it shows out of the log.
      if (page) return void res.writeHead(page.status, page.headers).end(page.body);
      return send(handleAdmin(this.admin, method, path, url.searchParams, body));
    }

    // The token endpoint is no route of the API, but faults reach it as they reach any route.
    const match = path === TOKEN_PATH ? undefined : matchRoute(method, path);
    if (match && match.kind !== "route") {
      api = match.api;
      const code = match.kind === "not-found" ? 404 : 405;
      if (api === "voice")
        return send(voiceError(code, V1_CATEGORIES[code] ?? "not-found", "not-found", "No such route"));
      const noRoute = API_DIALECTS[api]?.noRoute;
      return send(noRoute ? noRoute(code) : { status: code });
    }
    const route = match?.route;

    const rule = this.faults.match(method, path);
    if (rule) {
      fault = rule.kind === "status" || rule.kind === "status-after" ? `${rule.kind}:${rule.status}` : rule.kind;
      if (rule.kind === "latency") {
        fault = `latency:${rule.latencyMs}`;
        await sleep(rule.latencyMs ?? 0);
      } else if (rule.kind === "reset-before") {
        log();
        req.socket.destroy();
        return;
      } else if (rule.kind === "status") {
        return send(this.faultResponse(route, rule));
      }
    }

    const response =
      route && match
        ? this.process(route, match.params, match.prefix, match.path, method, url, body, req)
        : this.issueToken(method, req, body);
    if (rule?.kind === "status-after") return send(response.status < 400 ? this.faultResponse(route, rule) : response);
    if (rule?.kind === "reset-after") {
      status = response.status;
      log();
      req.socket.destroy();
      return;
    }
    send(response);
  }

  // A 429 names the end of the rule's time when it has one, else a second from now; the token endpoint (no route)
  // answers as the Numbers API beside it does: an empty body and epoch seconds.
  private faultResponse(route: Route | undefined, rule: FiredFault): ApiResponse {
    const code = rule.status!;
    if (route?.dialect?.fault) return route.dialect.fault(code);
    const resetAtMs = rule.resetAtMs ?? Date.now() + 1000;
    if (route?.api === "voice") {
      const response = voiceError(code, V1_CATEGORIES[code] ?? "server-error", "injected-fault", `HTTP ${code}`);
      if (code === 429) response.headers = { ...response.headers, "X-RateLimit-Reset": String(resetAtMs) };
      return response;
    }
    return { status: code, headers: code === 429 ? { "X-RateLimit-Reset": String(Math.ceil(resetAtMs / 1000)) } : {} };
  }

  // The OAuth 2.0 client-credentials grant (RFC 6749 4.4): client authentication by HTTP Basic, a form body.
  private issueToken(method: string, req: IncomingMessage, body: string): ApiResponse {
    const oauthError = (status: number, error: string, description: string): ApiResponse => ({
      status,
      headers: {
        "Content-Type": "application/json",
        ...(status === 401 ? { "WWW-Authenticate": 'Basic realm="oauth2"' } : {}),
      },
      body: JSON.stringify({ error, error_description: description }),
    });
    if (method !== "POST") return { status: 405, headers: { Allow: "POST" } };
    const creds = basicCredentials(req.headers.authorization);
    const account = creds && this.model.accountByClientId(creds.user);
    if (!account || account.clientSecret !== creds?.secret) {
      return oauthError(401, "invalid_client", "Client authentication failed");
    }
    const contentType = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      .trim()
      .toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") {
      return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    const grant = new URLSearchParams(body).get("grant_type");
    if (grant !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
    }
    const token = this.tokens.issue(account.accountId, this.authPolicy.tokenLifetimeSeconds);
    return {
      status: 200,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      body: JSON.stringify({ access_token: token.accessToken, token_type: "bearer", expires_in: token.expiresIn }),
    };
  }

  private authenticate(
    route: Route,
    params: Record<string, string>,
    req: IncomingMessage,
  ): { error?: ApiResponse; account?: Required<AccountSeed> } {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const unauthorized = { error: route.dialect?.unauthorized?.() ?? { status: 401 } };
    if (route.api !== "voice" && bearer) {
      const accountId = this.tokens.accountOf(bearer[1]);
      const account = accountId === undefined ? undefined : this.model.accountById(accountId);
      if (!account) return unauthorized;
      if (route.scope === "account" && account.accountId !== params.accountId) {
        return { error: route.dialect?.forbidden?.() ?? ({ status: 403 } as ApiResponse) };
      }
      return { account };
    }
    // The package API takes OAuth bearer tokens only (Bandwidth's CLI never sends it anything else).
    if (route.api === "vcp") return unauthorized;
    if (route.api !== "voice" && !this.authPolicy.legacyBasicAuth) return unauthorized;
    const creds = basicCredentials(req.headers.authorization);
    if (route.api === "voice") {
      const account = creds && this.model.accountByApiToken(creds.user);
      if (!account || account.apiSecret !== creds?.secret) {
        return { error: voiceError(401, "unauthorized", "unauthorized", "Invalid API token or secret") };
      }
      if (account.userId !== params.userId) {
        return { error: voiceError(403, "forbidden", "forbidden", "Access to this user is denied") };
      }
      return { account };
    }
    const account = creds && this.model.accountByUsername(creds.user);
    if (!account || account.password !== creds?.secret) return unauthorized;
    if (route.scope === "account" && account.accountId !== params.accountId) {
      return { error: { status: 403 } as ApiResponse };
    }
    return { account };
  }

  private process(
    route: Route,
    params: Record<string, string>,
    prefix: string,
    path: string,
    method: string,
    url: URL,
    body: string,
    req: IncomingMessage,
  ): ApiResponse {
    const auth = this.authenticate(route, params, req);
    if (auth.error) return auth.error;
    const account = auth.account as Required<AccountSeed>;
    const taken = this.limiter.take(account.accountId, route.category);
    if (!taken.allowed) {
      if (route.dialect?.rateLimited) return route.dialect.rateLimited(taken.resetAtMs);
      if (route.api === "voice") {
        const response = voiceError(429, "too-many-requests", "rate-limit-reached", "Rate limit reached");
        response.headers = { ...response.headers, "X-RateLimit-Reset": String(taken.resetAtMs) };
        return response;
      }
      return { status: 429, headers: { "X-RateLimit-Reset": String(Math.ceil(taken.resetAtMs / 1000)) } };
    }
    const apiRequest: ApiRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      params,
      baseUrl: `http://${req.headers.host ?? "127.0.0.1"}${prefix}`,
      account,
    };
    try {
      return route.handle(this.model, apiRequest);
    } catch (err) {
      if (!(err instanceof EmulatorError)) throw err;
      if (route.dialect) return route.dialect.refusal(err, route.errorRoot);
      if (route.api === "voice") return voiceErrorFor(err);
      const code = err instanceof NotFoundError ? 404 : 400;
      const details = err.details.length > 0 ? err.details : [{ code: String(code), description: err.message }];
      return errorDocument(code, route.errorRoot ?? "ErrorResponse", details);
    }
  }
}
