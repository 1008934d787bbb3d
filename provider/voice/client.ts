/**
 * The Voice & Messaging v1 phoneNumbers client (JSON): import, look up, update and un-import numbers over the
 * shared transport, authenticated with the API token and secret.
 */
import { ApiError, type ApiErrorDetail, MalformedResponseError, NotFoundError } from "../http/errors";
import type { RateLimit } from "../http/ratelimit";
import { Transport, type TransportOptions } from "../http/transport";
import type { DashboardProvider, VoiceNumber, VoiceNumberFilter, VoiceNumberImport, VoiceNumberUpdate } from "./types";

/** Where and as whom the Voice client talks. */
export interface VoiceClientOptions {
  /** Prefix before `/v1/users/...`, e.g. `https://api.catapult.inetwork.com`. */
  voiceUrl: string;
  /** The `u-...` user id. */
  userId: string;
  apiToken: string;
  apiSecret: string;
  transport?: Partial<TransportOptions>;
}

const JSON_TYPE = "application/json";

/**
 * The client's rate-limit buckets for v1: Bandwidth meters number imports apart from every other `/phoneNumbers`
 * call, so a 429 on imports never pauses un-imports or lookups, and the reverse.
 */
export const VoiceCategory = {
  /** `POST .../phoneNumbers` (import). */
  PHONE_NUMBER_IMPORTS: "PHONE_NUMBER_IMPORTS",
  /** Every other `/phoneNumbers` call: lookups, lists, updates, un-imports. */
  PHONE_NUMBERS: "PHONE_NUMBERS",
} as const;

/**
 * v1's import limit as the wire ledger records it: 100 a minute with a burst of 800. The client's bucket starts at
 * it, so a fleet of imports waits on its own side instead of drawing 429s; a 429 still pauses the bucket until the
 * reset it names. The other v1 calls keep the transport's default bucket (their limit is not published).
 */
export const V1_IMPORT_RATE_LIMIT: RateLimit = { ratePerSecond: 100 / 60, burst: 800 };
const DEFAULT_PAGE_SIZE = 100;
// A safety stop for a Link chain that never ends.
const MAX_PAGES = 1000;

/** Every error in a v1 JSON error body (`{category, code, message, details}`), tolerant of anything else. */
export function describeJsonErrors(body: string): ApiErrorDetail[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items
    .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
    .filter((e) => e.code !== undefined || e.message !== undefined)
    .map((e) => {
      const details = Array.isArray(e.details) && e.details.length > 0 ? e.details : undefined;
      const rendered = details?.map((d) => (typeof d === "string" ? d : JSON.stringify(d))).join(", ");
      return {
        code: String(e.code ?? e.category ?? ""),
        description: [e.message, rendered].filter((s) => s !== undefined && s !== "").join(": "),
      };
    });
}

/** The URL of `rel="next"` in a Link header, if any. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?next"?/i.test(match[2])) return match[1];
  }
  return undefined;
}

function optionalString(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function toVoiceNumber(raw: Record<string, unknown>): VoiceNumber {
  return {
    id: String(raw.id ?? ""),
    number: String(raw.number ?? ""),
    nationalNumber: optionalString(raw.nationalNumber),
    name: optionalString(raw.name),
    applicationId: optionalString(raw.applicationId),
    city: optionalString(raw.city),
    state: optionalString(raw.state),
    numberState: optionalString(raw.numberState),
    createdTime: optionalString(raw.createdTime),
    fallbackNumber: optionalString(raw.fallbackNumber),
    price: optionalString(raw.price),
  };
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new MalformedResponseError(`unreadable JSON in ${what}`);
  }
}

/** The Voice v1 phoneNumbers client. */
export class VoiceClient {
  private readonly transport: Transport;
  private readonly userId: string;

  constructor(opts: VoiceClientOptions) {
    this.userId = opts.userId;
    this.transport = new Transport({
      baseUrl: opts.voiceUrl,
      username: opts.apiToken,
      password: opts.apiSecret,
      account: opts.userId,
      options: {
        rateLimitResetUnit: "milliseconds",
        describeErrors: describeJsonErrors,
        ...opts.transport,
        rateLimits: { [VoiceCategory.PHONE_NUMBER_IMPORTS]: V1_IMPORT_RATE_LIMIT, ...opts.transport?.rateLimits },
      },
    });
  }

  private numbersPath(id?: string): string {
    const base = `v1/users/${encodeURIComponent(this.userId)}/phoneNumbers`;
    return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
  }

  /**
   * Imports a number (`POST .../phoneNumbers`) and returns the `n-...` id from Location. A number already imported
   * is an ApiError whose errors include code "duplicate-number".
   */
  async importNumber(n: VoiceNumberImport, dashboard: DashboardProvider): Promise<{ numberId: string }> {
    let location: string | undefined;
    const body = {
      number: n.number,
      name: n.name,
      applicationId: n.applicationId,
      provider: {
        providerName: "bandwidth-dashboard",
        properties: { accountId: dashboard.accountId, userName: dashboard.userName, password: dashboard.password },
      },
    };
    try {
      const res = await this.transport.request({
        method: "POST",
        path: this.numbersPath(),
        body: JSON.stringify(body),
        secrets: [dashboard.password],
        contentType: JSON_TYPE,
        accept: JSON_TYPE,
        category: VoiceCategory.PHONE_NUMBER_IMPORTS,
      });
      location = res.headers.location;
    } catch (err) {
      // A bare 409 still means "already imported": give it the documented code so callers can branch on it.
      if (err instanceof ApiError && err.status === 409 && !err.hasErrorCode("duplicate-number")) {
        throw new ApiError({
          method: err.method,
          url: err.url,
          status: 409,
          errors: [...err.errors, { code: "duplicate-number", description: `${n.number} is already imported` }],
        });
      }
      throw err;
    }
    const numberId = location?.split(/[?#]/)[0].replace(/\/+$/, "").split("/").pop();
    if (!numberId)
      throw new MalformedResponseError("number imported but the response has no Location", { method: "POST" });
    return { numberId: decodeURIComponent(numberId) };
  }

  /** Reads a number by `n-...` id or E.164 (URL-encoded as %2B1...); NotFoundError on 404. */
  async getNumber(idOrE164: string): Promise<VoiceNumber> {
    const res = await this.transport.request({
      method: "GET",
      path: this.numbersPath(idOrE164),
      accept: JSON_TYPE,
      category: VoiceCategory.PHONE_NUMBERS,
    });
    const parsed = parseJson(res.body, "a phone number");
    if (typeof parsed !== "object" || parsed === null)
      throw new MalformedResponseError("phone number is not an object");
    return toVoiceNumber(parsed as Record<string, unknown>);
  }

  /** Reads a number by E.164, or undefined when it is not imported. */
  async findNumber(e164: string): Promise<VoiceNumber | undefined> {
    try {
      return await this.getNumber(e164);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** Lists imported numbers, following `Link: <...>; rel="next"` through every page. */
  async listNumbers(f: VoiceNumberFilter = {}): Promise<VoiceNumber[]> {
    const { size, ...filters } = f;
    const all: VoiceNumber[] = [];
    let path: string | undefined = this.numbersPath();
    let query: Record<string, string | undefined> | undefined = {
      page: "0",
      size: String(size ?? DEFAULT_PAGE_SIZE),
      ...filters,
    };
    for (let pages = 0; path !== undefined && pages < MAX_PAGES; pages++) {
      const res = await this.transport.request({
        method: "GET",
        path,
        query,
        accept: JSON_TYPE,
        category: VoiceCategory.PHONE_NUMBERS,
      });
      const parsed = res.body.trim() === "" ? [] : parseJson(res.body, "the numbers list");
      if (!Array.isArray(parsed)) throw new MalformedResponseError("numbers list is not an array");
      for (const raw of parsed) if (typeof raw === "object" && raw !== null) all.push(toVoiceNumber(raw));
      const next = nextLink(res.headers.link);
      path = next && parsed.length > 0 ? next : undefined;
      query = undefined;
    }
    return all;
  }

  /** Changes applicationId, name or fallbackNumber in place (`POST .../phoneNumbers/{id}`: v1 has no PATCH). */
  async updateNumber(id: string, u: VoiceNumberUpdate): Promise<void> {
    await this.transport.request({
      method: "POST",
      path: this.numbersPath(id),
      body: JSON.stringify(u),
      contentType: JSON_TYPE,
      accept: JSON_TYPE,
      category: VoiceCategory.PHONE_NUMBERS,
      // Setting the same fields twice has the same effect as once.
      idempotent: true,
    });
  }

  /** Un-imports a number (`DELETE .../phoneNumbers/{id}`); the number stays billed until disconnected. */
  async deleteNumber(id: string): Promise<void> {
    await this.transport.request({
      method: "DELETE",
      path: this.numbersPath(id),
      accept: JSON_TYPE,
      category: VoiceCategory.PHONE_NUMBERS,
    });
  }
}
