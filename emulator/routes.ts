import type { ApiDialect } from "./dialect";
import type { ApiRequest, ApiResponse } from "./http-types";
import type { EmulatorModel } from "./models";
import type { RateCategory } from "./ratelimit";
import { PROVISIONING_ROUTES } from "./provisioning/responses";
import type { NumbersModel } from "./numbers/models";
import * as numbers from "./numbers/responses";
import type { VoiceModel } from "./voice/models";
import * as voice from "./voice/responses";
import * as tnoptions from "./tnoptions/responses";
import type { TnOptionsModel } from "./tnoptions/models";
import * as vcp from "./vcp/responses";
import type { VcpModel } from "./vcp/models";

/** Which API a request belongs to (also the `api` of a logged request). */
export type ApiName = "numbers" | "voice" | "vcp" | "admin";

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
  /** How this route's API refuses, rate-limits and fails; absent: the Numbers API's ways, known to the server. */
  dialect?: ApiDialect;
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

/** A TN option order route (Numbers API, XML; the TN option model; its refusals in its own dialect). */
function tnOptionRoute(
  method: string,
  path: string,
  category: RateCategory,
  errorRoot: string,
  handle: (model: TnOptionsModel, req: ApiRequest) => ApiResponse,
  scope: RouteScope = "account",
): Route {
  return {
    ...numbersRoute(method, path, category, errorRoot, (m, req) => handle(m.tnOptions, req), scope),
    dialect: tnoptions.TNOPTIONS_DIALECT,
  };
}

/** A Voice Configuration Package route (JSON at the host's root, bearer tokens only). */
function vcpRoute(method: string, path: string, handle: (model: VcpModel, req: ApiRequest) => ApiResponse): Route {
  return {
    method,
    api: "vcp",
    pattern: compilePath(path),
    scope: "account",
    category: "PLATFORM",
    dialect: vcp.VCP_DIALECT,
    handle: (m, req) => handle(m.vcp, req),
  };
}

const ORDERS = "/accounts/:accountId/orders";
const TNOPTIONS = "/accounts/:accountId/tnoptions";
const PACKAGES = "/v2/accounts/:accountId/voiceConfigurationPackages";
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
  // TN option orders share the ORDER category with number orders; their reads are HISTORY, like orders/{id}.
  tnOptionRoute("POST", TNOPTIONS, "ORDER", "TnOptionOrderResponse", tnoptions.createTnOptionOrder),
  tnOptionRoute("GET", TNOPTIONS, "HISTORY", "TnOptionOrderReportResponse", tnoptions.listTnOptionOrders),
  tnOptionRoute("GET", `${TNOPTIONS}/:orderId`, "HISTORY", "TnOptionOrderReportResponse", tnoptions.getTnOptionOrder),
  tnOptionRoute(
    "GET",
    `${TNOPTIONS}/:orderId/history`,
    "HISTORY",
    "TnOptionOrderReportResponse",
    tnoptions.tnOptionOrderHistory,
  ),
  tnOptionRoute("GET", "/tns/:tn/tndetails", "HISTORY", "TelephoneNumberResponse", tnoptions.tnDetails, "any-account"),
];

/** Universal Platform routes (full path, at the API host's root). */
export const VCP_ROUTES: readonly Route[] = [
  vcpRoute("POST", PACKAGES, vcp.createPackage),
  vcpRoute("GET", PACKAGES, vcp.listPackages),
  vcpRoute("GET", `${PACKAGES}/:vcpId`, vcp.getPackage),
  vcpRoute("PATCH", `${PACKAGES}/:vcpId`, vcp.updatePackage),
  vcpRoute("DELETE", `${PACKAGES}/:vcpId`, vcp.deletePackage),
  vcpRoute("POST", `${PACKAGES}/:vcpId/phoneNumbers/bulk`, vcp.bulkAssign),
  vcpRoute("GET", "/v2/accounts/:accountId/phoneNumbers/voice", vcp.listVoiceNumbers),
];

/** The dialect of each API that has one of its own (for answers given before a route is known). */
export const API_DIALECTS: Partial<Record<ApiName, ApiDialect>> = { vcp: vcp.VCP_DIALECT };

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
  const isPlatform = fullPath.startsWith("/v2/");
  const prefix = isVoice || isPlatform ? "" : (NUMBERS_PREFIX.exec(fullPath)?.[0] ?? "");
  if (!isVoice && !isPlatform && !prefix) return { kind: "not-found", api: "numbers" };
  const path = fullPath.slice(prefix.length);
  const api: ApiName = isVoice ? "voice" : isPlatform ? "vcp" : "numbers";
  let pathKnown = false;
  for (const route of isVoice ? VOICE_ROUTES : isPlatform ? VCP_ROUTES : NUMBERS_ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    return { kind: "route", route, params: { ...(m.groups ?? {}) }, prefix, path };
  }
  return pathKnown ? { kind: "method-not-allowed", api } : { kind: "not-found", api };
}
