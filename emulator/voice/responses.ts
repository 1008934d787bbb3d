import { type EmulatorError, NotFoundError, ValidationError } from "../errors";
import type { ApiRequest, ApiResponse } from "../http-types";
import { DuplicateNumberError, VOICE_CODES } from "./errors";
import type { ImportProvider, VoiceModel, VoiceNumberInput, VoiceNumberRecord } from "./models";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

/** The v1 JSON error body: `{category, code, message, details}`. */
export function voiceError(status: number, category: string, code: string, message: string): ApiResponse {
  return { status, headers: JSON_HEADERS, body: JSON.stringify({ category, code, message, details: [] }) };
}

/** Maps a model error to its v1 status and body. */
export function voiceErrorFor(err: EmulatorError): ApiResponse {
  if (err instanceof ValidationError) {
    // v1's body has one code: a refused provider block keeps its own, every other refusal is a validation error.
    const refusedBlock = err.details.some((d) => d.code === VOICE_CODES.invalidProvider);
    const code = refusedBlock ? VOICE_CODES.invalidProvider : VOICE_CODES.validation;
    return voiceError(400, "bad-request", code, err.message);
  }
  if (err instanceof NotFoundError) return voiceError(404, "not-found", "number-not-found", err.message);
  if (err instanceof DuplicateNumberError) return voiceError(409, "conflict", "duplicate-number", err.message);
  return voiceError(500, "internal-server-error", "internal-error", err.message);
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

function numberJson(v: VoiceNumberRecord, req: ApiRequest): Record<string, unknown> {
  return {
    id: v.id,
    application: v.applicationId ? `${req.baseUrl}/v1/users/${v.userId}/applications/${v.applicationId}` : undefined,
    applicationId: v.applicationId,
    number: v.number,
    nationalNumber: v.nationalNumber,
    name: v.name,
    createdTime: v.createdTime,
    city: v.city,
    state: v.state,
    price: v.price,
    numberState: v.numberState,
    fallbackNumber: v.fallbackNumber,
  };
}

function importProvider(raw: unknown): ImportProvider | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const block = raw as { providerName?: unknown; properties?: unknown };
  const props = (block.properties && typeof block.properties === "object" ? block.properties : {}) as Record<
    string,
    unknown
  >;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    providerName: str(block.providerName),
    accountId: str(props.accountId),
    userName: str(props.userName),
    password: str(props.password),
  };
}

function body(req: ApiRequest): VoiceNumberInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body || "{}");
  } catch {
    throw new ValidationError([{ code: VOICE_CODES.validation, description: "The request body is not valid JSON" }]);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ValidationError([
      { code: VOICE_CODES.validation, description: "The request body must be a JSON object" },
    ]);
  }
  return parsed as VoiceNumberInput;
}

/** The number id or E.164 number of the path, URL-decoded (`%2B1...` → `+1...`). */
function numberParam(req: ApiRequest): string {
  return decodeURIComponent(req.params.numberId);
}

/** `POST /v1/users/{u}/phoneNumbers`: 201, empty body, Location of the new `n-...` id. */
export function importNumber(model: VoiceModel, req: ApiRequest): ApiResponse {
  const input = body(req) as VoiceNumberInput & { provider?: unknown };
  const v = model.importVoiceNumber(req.params.userId, input, importProvider(input.provider));
  return { status: 201, headers: { Location: `${req.baseUrl}/v1/users/${v.userId}/phoneNumbers/${v.id}` } };
}

/** `GET /v1/users/{u}/phoneNumbers/{id or E.164}` */
export function getNumber(model: VoiceModel, req: ApiRequest): ApiResponse {
  return json(200, numberJson(model.getVoiceNumber(req.params.userId, numberParam(req)), req));
}

const LIST_FILTERS = ["applicationId", "state", "name", "city", "numberState"] as const;

/** `GET /v1/users/{u}/phoneNumbers?page=0&size=25`: a JSON array; the next page in a `Link` header. */
export function listNumbers(model: VoiceModel, req: ApiRequest): ApiResponse {
  const filter: Partial<Record<(typeof LIST_FILTERS)[number], string>> = {};
  for (const f of LIST_FILTERS) {
    const value = req.query.get(f);
    if (value !== null) filter[f] = value;
  }
  const page = Math.max(0, Number.parseInt(req.query.get("page") ?? "0", 10) || 0);
  const size = Math.min(1000, Math.max(1, Number.parseInt(req.query.get("size") ?? "25", 10) || 25));
  const all = model.listVoiceNumbers(req.params.userId, filter);
  const slice = all.slice(page * size, (page + 1) * size);
  const base = `${req.baseUrl}/v1/users/${req.params.userId}/phoneNumbers`;
  const pageUrl = (p: number) => {
    const params = new URLSearchParams(req.query);
    params.set("page", String(p));
    params.set("size", String(size));
    return `<${base}?${params}>`;
  };
  const linkParts = [`${pageUrl(0)}; rel="first"`];
  if ((page + 1) * size < all.length) linkParts.push(`${pageUrl(page + 1)}; rel="next"`);
  return json(
    200,
    slice.map((v) => numberJson(v, req)),
    { Link: linkParts.join(", ") },
  );
}

/** `POST /v1/users/{u}/phoneNumbers/{id}`: update (applicationId "" detaches). */
export function updateNumber(model: VoiceModel, req: ApiRequest): ApiResponse {
  model.updateVoiceNumber(req.params.userId, numberParam(req), body(req));
  return { status: 200 };
}

/** `DELETE /v1/users/{u}/phoneNumbers/{id}`: un-import. */
export function deleteNumber(model: VoiceModel, req: ApiRequest): ApiResponse {
  model.deleteVoiceNumber(req.params.userId, numberParam(req));
  return { status: 200 };
}
