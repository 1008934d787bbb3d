import type { ApiDialect } from "../dialect";
import type { ApiRequest, ApiResponse } from "../http-types";
import { BulkRequestInvalid, PackageFieldInvalid, PackageInUse, PackageNotFound, VcpError } from "./errors";
import type { BulkAction, PackageInput, PackageRecord, VcpModel, VoiceNumber } from "./models";

// The Universal Platform's JSON dialect, as Bandwidth's CLI reads it (internal/output/flatten.go and its tests):
// every answer is an envelope {links, data, errors[, page]}; an error is {"errors":[{type, description, code}]}.

const JSON_HEADERS = { "Content-Type": "application/json" };

function json(status: number, body: unknown): ApiResponse {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

function envelope(req: ApiRequest, status: number, data: unknown, page?: Record<string, unknown>): ApiResponse {
  const self = `${req.baseUrl}${req.path}${req.query.size > 0 ? `?${req.query.toString()}` : ""}`;
  return json(status, { links: [{ rel: "self", href: self }], data, errors: [], ...(page ? { page } : {}) });
}

function errorBody(status: number, type: string, description: string, code?: string): ApiResponse {
  return json(status, { errors: [{ type, description, ...(code ? { code } : {}) }] });
}

// ---- JSON in -----------------------------------------------------------------------------------------------------

function readObject(body: string, invalid: (message: string) => Error): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalid("The request body is not well-formed JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid("Expected a JSON object");
  return value as Record<string, unknown>;
}

const PACKAGE_FIELDS = ["name", "description", "httpVoiceV2ApplicationId"] as const;

/** Reads a package body: each field a string, null (clears it) or absent (leaves it). */
export function parsePackage(body: string): PackageInput {
  const o = readObject(body, (m) => new PackageFieldInvalid(m));
  const input: PackageInput = {};
  for (const field of PACKAGE_FIELDS) {
    const v = o[field];
    if (v !== undefined && v !== null && typeof v !== "string")
      throw new PackageFieldInvalid(`${field} must be a string`);
    input[field] = v as string | null | undefined;
  }
  return input;
}

/** Reads `{ "action": "ADD" | "REMOVE", "phoneNumbers": [...] }`. */
export function parseBulk(body: string): { action: BulkAction; phoneNumbers: string[] } {
  const o = readObject(body, (m) => new BulkRequestInvalid(m));
  if (o.action !== "ADD" && o.action !== "REMOVE") throw new BulkRequestInvalid("action must be ADD or REMOVE");
  const numbers = o.phoneNumbers;
  if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== "string")) {
    throw new BulkRequestInvalid("phoneNumbers must be an array of strings");
  }
  return { action: o.action, phoneNumbers: numbers as string[] };
}

// ---- documents -------------------------------------------------------------------------------------------------

function packageJson(p: PackageRecord): Record<string, unknown> {
  return {
    voiceConfigurationPackageId: p.voiceConfigurationPackageId,
    name: p.name,
    description: p.description,
    httpVoiceV2ApplicationId: p.httpVoiceV2ApplicationId,
    createdDateTime: p.createdDateTime,
    modifiedDateTime: p.modifiedDateTime,
  };
}

// ---- handlers --------------------------------------------------------------------------------------------------

type Handler = (model: VcpModel, req: ApiRequest) => ApiResponse;

/** `POST /v2/accounts/{a}/voiceConfigurationPackages`: 201 with the package. */
export const createPackage: Handler = (m, req) =>
  envelope(req, 201, packageJson(m.createPackage(req.params.accountId, parsePackage(req.body))));

/** `GET /v2/accounts/{a}/voiceConfigurationPackages`: every package of the account. */
export const listPackages: Handler = (m, req) => {
  const all = m.listPackages(req.params.accountId).map(packageJson);
  return envelope(req, 200, all, { pageSize: all.length });
};

/** `GET …/voiceConfigurationPackages/{id}`. */
export const getPackage: Handler = (m, req) =>
  envelope(req, 200, packageJson(m.getPackage(req.params.accountId, req.params.vcpId)));

/** `PATCH …/voiceConfigurationPackages/{id}`: changes the fields sent (the CLI's update verb). */
export const updatePackage: Handler = (m, req) =>
  envelope(req, 200, packageJson(m.updatePackage(req.params.accountId, req.params.vcpId, parsePackage(req.body))));

/** `DELETE …/voiceConfigurationPackages/{id}`: 204, refused (409) while numbers are assigned. */
export const deletePackage: Handler = (m, req) => {
  m.deletePackage(req.params.accountId, req.params.vcpId);
  return { status: 204 };
};

/** `POST …/voiceConfigurationPackages/{id}/phoneNumbers/bulk`: 200 with a `null` body, as the CLI expects. */
export const bulkAssign: Handler = (m, req) => {
  const { action, phoneNumbers } = parseBulk(req.body);
  m.bulk(req.params.accountId, req.params.vcpId, action, phoneNumbers);
  return json(200, null);
};

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 500;

/** `GET /v2/accounts/{a}/phoneNumbers/voice?voiceConfigurationPackageId=&limit=&afterCursor=`, a page at a time. */
export const listVoiceNumbers: Handler = (m, req) => {
  const limitSent = req.query.get("limit");
  const limit = limitSent === null ? DEFAULT_LIMIT : Number(limitSent);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return errorBody(400, "validation", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const after = req.query.get("afterCursor") ?? undefined;
  const all = m.voiceNumbers(req.params.accountId, req.query.get("voiceConfigurationPackageId") ?? undefined);
  const start = after === undefined ? 0 : all.findIndex((n) => n.phoneNumber > after);
  const slice: VoiceNumber[] = start < 0 ? [] : all.slice(start, start + limit);
  const more = start >= 0 && start + limit < all.length;
  return envelope(req, 200, slice, {
    pageSize: limit,
    ...(more ? { afterCursor: slice[slice.length - 1].phoneNumber } : {}),
  });
};

// ---- dialect -----------------------------------------------------------------------------------------------------

function statusOf(err: VcpError): number {
  if (err instanceof PackageNotFound) return 404;
  if (err instanceof PackageInUse) return 409;
  // Every other refusal is a bad request.
  return 400;
}

/** How the package API says everything that is not a package: JSON `errors` entries with a `type`. */
export const VCP_DIALECT: ApiDialect = {
  refusal(err) {
    if (err instanceof VcpError) return errorBody(statusOf(err), err.type, err.message, err.vcsCode);
    return errorBody(400, "validation", err.message);
  },
  rateLimited(resetAtMs) {
    const response = errorBody(429, "too-many-requests", "Rate limit reached");
    response.headers = { ...response.headers, "X-RateLimit-Reset": String(Math.ceil(resetAtMs / 1000)) };
    return response;
  },
  unauthorized: () => errorBody(401, "unauthorized", "A valid bearer token is required"),
  forbidden: () => errorBody(403, "forbidden", "client does not have access rights to the content"),
  fault(status) {
    if (status !== 429) return errorBody(status, "server-error", `HTTP ${status}`);
    return VCP_DIALECT.rateLimited!(Date.now() + 1000);
  },
  noRoute: (status) =>
    errorBody(
      status,
      status === 404 ? "not-found" : "method-not-allowed",
      status === 404 ? "No such route" : "Method not allowed",
    ),
};
