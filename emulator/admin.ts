import { EmulatorError } from "./errors";
import { type FaultRule, FaultRuleError, type FaultSet } from "./faults";
import type { ApiResponse } from "./http-types";
import type { EmulatorModel, ModelDelays } from "./models";
import type { AuthPolicy } from "./oauth";
import type { RateLimiter, RateLimitOptions } from "./ratelimit";
import { compilePath } from "./routes";

/** One request as recorded by the emulator. */
export interface LoggedRequest {
  /** The request's position in the log, from 1. */
  seq: number;
  /** ISO time of arrival. */
  at: string;
  /** Arrival time in epoch milliseconds. */
  atMs: number;
  /** The HTTP method. */
  method: string;
  /** The path, without the query. */
  path: string;
  /** The query string, without the leading `?`. */
  query: string;
  /** Status the emulator produced (0 when the socket was reset before any processing). */
  status: number;
  /** Which API the request went to: the Numbers (Dashboard) API, Voice v1, the package API or the admin API. */
  api: "numbers" | "voice" | "vcp" | "admin";
  /** The request body, first 64 KiB. */
  body?: string;
  /** The fault that hit this request, e.g. "status:503", "reset-after", "latency:50". */
  fault?: string;
}

/** What the admin API may act on. */
export interface AdminContext {
  model: EmulatorModel;
  faults: FaultSet;
  limiter: RateLimiter;
  requestLog(): LoggedRequest[];
  reset(): void;
  setDelays(d: Partial<ModelDelays>): void;
  authPolicy(): AuthPolicy;
  setAuthPolicy(p: Partial<AuthPolicy>): AuthPolicy;
}

interface AdminRoute {
  method: string;
  pattern: RegExp;
  handle: (ctx: AdminContext, params: Record<string, string>, query: URLSearchParams, body: unknown) => unknown;
}

function adminRoute(method: string, path: string, handle: AdminRoute["handle"]): AdminRoute {
  return { method, pattern: compilePath(`/_emulator${path}`), handle };
}

function faultList(body: unknown): FaultRule[] {
  const rules = Array.isArray(body) ? body : (body as { faults?: unknown })?.faults;
  if (!Array.isArray(rules)) throw new FaultRuleError("expected an array of fault rules (or {faults: [...]})");
  return rules as FaultRule[];
}

function state(ctx: AdminContext) {
  return {
    accounts: ctx.model.accountSeeds().map((a) => ({
      accountId: a.accountId,
      username: a.username,
      userId: a.userId,
      ...ctx.model.accountSummary(a.accountId),
      ...ctx.model.provisioning.summary(a.accountId),
    })),
    delays: ctx.model.getDelays(),
    auth: ctx.authPolicy(),
    rateLimits: ctx.limiter.current(),
    faults: ctx.faults.list(),
  };
}

/** The admin API under `/_emulator/`, JSON in and out, loopback peers only. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  adminRoute("GET", "/state", (ctx) => state(ctx)),
  adminRoute("GET", "/requests", (ctx, _p, query) => {
    const since = Number(query.get("since") ?? "0") || 0;
    return ctx.requestLog().filter((r) => r.seq > since);
  }),
  adminRoute("POST", "/reset", (ctx) => {
    ctx.reset();
    return state(ctx);
  }),
  adminRoute("GET", "/faults", (ctx) => ctx.faults.list()),
  adminRoute("PUT", "/faults", (ctx, _p, _q, body) => {
    ctx.faults.set(faultList(body));
    return ctx.faults.list();
  }),
  adminRoute("POST", "/faults", (ctx, _p, _q, body) => {
    ctx.faults.add(faultList(body));
    return ctx.faults.list();
  }),
  adminRoute("DELETE", "/faults", (ctx) => {
    ctx.faults.set([]);
    return [];
  }),
  adminRoute("PUT", "/ratelimits", (ctx, _p, _q, body) => {
    ctx.limiter.configure(body as RateLimitOptions);
    return ctx.limiter.current();
  }),
  adminRoute("PUT", "/auth", (ctx, _p, _q, body) => ctx.setAuthPolicy((body ?? {}) as Partial<AuthPolicy>)),
  adminRoute("PUT", "/delays", (ctx, _p, _q, body) => {
    ctx.setDelays((body ?? {}) as Partial<ModelDelays>);
    return ctx.model.getDelays();
  }),
  adminRoute("POST", "/tns/:tn/disconnect", (ctx, params) => {
    ctx.model.disconnectBehindTheBack(params.tn);
    return ctx.model.tn(params.tn);
  }),
  adminRoute("POST", "/restock", (ctx, _p, _q, body) => {
    const b = (body ?? {}) as { areaCode?: string; quantity?: number; numbers?: string[] };
    if (Array.isArray(b.numbers)) return { added: ctx.model.restockNumbers(b.numbers.map(String)) };
    if (typeof b.areaCode !== "string") throw new FaultRuleError("restock needs {areaCode, quantity} or {numbers}");
    return { added: ctx.model.restock(b.areaCode, Number(b.quantity ?? 1)) };
  }),
];

function json(status: number, value: unknown): ApiResponse {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: value === undefined ? "" : JSON.stringify(value),
  };
}

/** Runs one admin request: 404/405 for unknown routes, 400 for bad input. */
export function handleAdmin(
  ctx: AdminContext,
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: string,
): ApiResponse {
  let known = false;
  for (const route of ADMIN_ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    known = true;
    if (route.method !== method) continue;
    try {
      const body = rawBody.trim() === "" ? undefined : JSON.parse(rawBody);
      return json(200, route.handle(ctx, { ...(m.groups ?? {}) }, query, body));
    } catch (err) {
      if (err instanceof SyntaxError || err instanceof FaultRuleError) return json(400, { error: err.message });
      if (err instanceof EmulatorError) {
        return json(err.code === "NOT_FOUND" ? 404 : 400, { error: err.message, code: err.code });
      }
      throw err;
    }
  }
  return json(known ? 405 : 404, { error: `no admin route ${method} ${path}` });
}
