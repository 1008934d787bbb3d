import type { ApiRequest, ApiResponse } from "./http-types";
import type { EmulatorModel } from "./models";
import type { RateCategory } from "./ratelimit";
import { PROVISIONING_ROUTES } from "./provisioning/responses";
import type { NumbersModel } from "./numbers/models";
import * as numbers from "./numbers/responses";
import type { VoiceModel } from "./voice/models";
import * as voice from "./voice/responses";

/** Which API a request belongs to (also the `api` of a logged request). */
export type ApiName = "numbers" | "voice" | "admin";

/** Who may call a route: the account in the path, any valid Dashboard user, or the v1 user in the path. */
export type RouteScope = "account" | "any-account" | "user";

/** One Numbers or v1 route. */
export interface Route {
  method: string;
  api: Exclude<ApiName, "admin">;
  pattern: RegExp;
  scope: RouteScope;
  category: RateCategory;
  /** Root element of this route's XML error documents (Numbers API only). */
  errorRoot?: string;
  handle: (model: EmulatorModel, req: ApiRequest) => ApiResponse;
}

/** Compiles "/accounts/:accountId/orders" into an anchored regular expression with named groups. */
export function compilePath(path: string): RegExp {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:([A-Za-z]+)/g, "(?<$1>[^/]+)");
  return new RegExp(`^${source}/?$`);
}

function numbersRoute(
  method: string,
  path: string,
  category: RateCategory,
  errorRoot: string,
  handle: Route["handle"],
  scope: RouteScope = "account",
): Route {
  return { method, api: "numbers", pattern: compilePath(path), scope, category, errorRoot, handle };
}

function voiceRoute(
  method: string,
  path: string,
  category: RateCategory,
  handle: (model: VoiceModel, req: ApiRequest) => ApiResponse,
): Route {
  return {
    method,
    api: "voice",
    pattern: compilePath(path),
    scope: "user",
    category,
    handle: (m, req) => handle(m.voice, req),
  };
}

/** A Numbers API handler, given the Numbers API's own model. */
function onNumbers(handle: (model: NumbersModel, req: ApiRequest) => ApiResponse): Route["handle"] {
  return (model, req) => handle(model.numbers, req);
}

const ORDERS = "/accounts/:accountId/orders";
const DISCONNECTS = "/accounts/:accountId/disconnects";
const MOVES = "/accounts/:accountId/moveTns";
const V1_NUMBERS = "/v1/users/:userId/phoneNumbers";

/** Numbers API routes, matched against the path after its prefix (`/api`, `/api/v1` or `/v1.0`). */
export const NUMBERS_ROUTES: readonly Route[] = [
  numbersRoute(
    "GET",
    "/accounts/:accountId/availableNumbers",
    "SEARCH",
    "SearchResult",
    onNumbers(numbers.searchAvailableNumbers),
  ),
  numbersRoute("POST", ORDERS, "ORDER", "OrderResponse", onNumbers(numbers.createOrder)),
  numbersRoute("GET", ORDERS, "HISTORY", "ResponseSelectWrapper", onNumbers(numbers.listOrders)),
  numbersRoute("GET", `${ORDERS}/:orderId`, "HISTORY", "OrderResponse", onNumbers(numbers.getOrder)),
  numbersRoute("PUT", `${ORDERS}/:orderId`, "ORDER", "OrderResponse", onNumbers(numbers.updateOrder)),
  numbersRoute(
    "POST",
    DISCONNECTS,
    "DISCONNECT",
    "DisconnectTelephoneNumberOrderResponse",
    onNumbers(numbers.createDisconnect),
  ),
  numbersRoute("GET", DISCONNECTS, "HISTORY", "ResponseSelectWrapper", onNumbers(numbers.listDisconnects)),
  numbersRoute(
    "GET",
    `${DISCONNECTS}/:disconnectId`,
    "HISTORY",
    "DisconnectTelephoneNumberOrderResponse",
    onNumbers(numbers.getDisconnect),
  ),
  numbersRoute("POST", MOVES, "ORDER", "MoveTnsOrderResponse", onNumbers(numbers.createMove)),
  numbersRoute("GET", MOVES, "HISTORY", "MoveTnsOrders", onNumbers(numbers.listMoves)),
  numbersRoute("GET", `${MOVES}/:orderId`, "HISTORY", "MoveTnsOrder", onNumbers(numbers.getMove)),
  numbersRoute(
    "GET",
    "/accounts/:accountId/inserviceNumbers",
    "INSERVICE_NPANXX",
    "TNs",
    onNumbers(numbers.listInServiceNumbers),
  ),
  numbersRoute(
    "GET",
    "/accounts/:accountId/inserviceNumbers/:tn",
    "INSERVICE_NPANXX",
    "TNs",
    onNumbers(numbers.getInServiceNumber),
  ),
  numbersRoute("GET", "/tns/:tn", "HISTORY", "TelephoneNumberResponse", onNumbers(numbers.getTn), "any-account"),
  ...PROVISIONING_ROUTES.map((r) =>
    numbersRoute(r.method, r.path, "PROVISIONING", r.errorRoot, (model, req) => r.handle(model.provisioning, req)),
  ),
];

/** Voice & Messaging v1 routes (full path). */
export const VOICE_ROUTES: readonly Route[] = [
  voiceRoute("POST", V1_NUMBERS, "V1_IMPORT", voice.importNumber),
  voiceRoute("GET", V1_NUMBERS, "V1", voice.listNumbers),
  voiceRoute("GET", `${V1_NUMBERS}/:numberId`, "V1", voice.getNumber),
  voiceRoute("POST", `${V1_NUMBERS}/:numberId`, "V1", voice.updateNumber),
  voiceRoute("DELETE", `${V1_NUMBERS}/:numberId`, "V1", voice.deleteNumber),
];

const NUMBERS_PREFIX = /^\/(?:api\/v1|api|v1\.0)(?=\/)/;

/** The outcome of routing a path: a route, a known path with another method (405), or nothing (404). */
export type RouteMatch =
  | { kind: "route"; route: Route; params: Record<string, string>; prefix: string; path: string }
  | { kind: "method-not-allowed"; api: ApiName }
  | { kind: "not-found"; api: ApiName };

/** Finds the route of a request path (no query). */
export function matchRoute(method: string, fullPath: string): RouteMatch {
  const isVoice = fullPath.startsWith("/v1/");
  const prefix = isVoice ? "" : (NUMBERS_PREFIX.exec(fullPath)?.[0] ?? "");
  if (!isVoice && !prefix) return { kind: "not-found", api: "numbers" };
  const path = fullPath.slice(prefix.length);
  const api: ApiName = isVoice ? "voice" : "numbers";
  let pathKnown = false;
  for (const route of isVoice ? VOICE_ROUTES : NUMBERS_ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    return { kind: "route", route, params: { ...(m.groups ?? {}) }, prefix, path };
  }
  return pathKnown ? { kind: "method-not-allowed", api } : { kind: "not-found", api };
}
