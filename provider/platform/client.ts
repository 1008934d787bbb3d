/**
 * The Universal Platform's JSON API at the API host's root (`/v2/accounts/{a}/...`, not under the Numbers API's
 * `/api`): voice configuration packages and the numbers assigned to them. Same transport, OAuth bearer tokens, rate
 * limiter and typed errors as the XML clients; JSON in and out.
 *
 * Wire sources: Bandwidth's Go CLI (Bandwidth/cli) `cmd/vcp/*.go` for paths, verbs and bodies,
 * `internal/cmdutil/helpers.go` `PlatformClient` (JSON at `https://api.bandwidth.com` + `/v2/...` with a bearer
 * token), `internal/output/flatten.go` for the `{links, data, errors, page}` envelope. Bandwidth publishes no
 * reference for this API; one row per call in docs/bandwidth-wire-v2.md, with the choices made where it is silent.
 */
import type { PlatformSettings } from "../config";
import { type ApiErrorDetail, InvalidRequestError, MalformedResponseError, NotFoundError } from "../http/errors";
import { sharedClientCredentials } from "../http/oauth";
import { Transport, type TransportOptions } from "../http/transport";
import { toE164, toTenDigits } from "../validation";

/** The rate-limit category of every package call (the emulator meters it apart; Bandwidth documents no limit). */
export const PLATFORM_CATEGORY = "PLATFORM";

/** Where and as whom the platform client talks. */
export interface PlatformClientOptions extends PlatformSettings {
  /** Transport tunables (timeouts, retries, limits) over the defaults. */
  transport?: Partial<TransportOptions>;
}

/** A voice configuration package as Bandwidth returns it. */
export interface VoiceConfigurationPackageInfo {
  /** Bandwidth's id of the package. */
  voiceConfigurationPackageId: string;
  /** Its name. */
  name: string;
  /** Its description, if any. */
  description?: string;
  /** The Voice-V2 application that receives the calls of its numbers, if any. */
  httpVoiceV2ApplicationId?: string;
}

/** The fields a create sends. */
export interface VoiceConfigurationPackageFields {
  /** The package's name (required by Bandwidth). */
  name: string;
  /** A description. */
  description?: string;
  /** The Voice-V2 application the package's calls go to. */
  httpVoiceV2ApplicationId?: string;
}

/** The fields a PATCH sends: absent leaves a field as it is, `null` clears an optional one. */
export interface VoiceConfigurationPackageChanges {
  /** A new name (a name is never cleared). */
  name?: string;
  /** A new description, or `null` to clear it. */
  description?: string | null;
  /** Another Voice-V2 application, or `null` to clear it. */
  httpVoiceV2ApplicationId?: string | null;
}

/** What a bulk request does to its numbers. */
export type BulkAction = "ADD" | "REMOVE";

const JSON_TYPE = "application/json";
/** The CLI's listing reads pages of numbers; 1000 is the largest page the emulator serves (_ours_). */
const NUMBERS_PAGE_SIZE = 1000;
// A safety stop for a listing that never ends (a misbehaving server), far above any package's number count.
const MAX_PAGES = 1000;

/** Every entry of a platform error body `{"errors":[{type, description, code}]}`; `code` falls back to `type`. */
export function describePlatformErrors(body: string): ApiErrorDetail[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
    .map((e) => ({
      code: typeof e.code === "string" && e.code !== "" ? e.code : typeof e.type === "string" ? e.type : "",
      description: typeof e.description === "string" ? e.description : "",
    }));
}

function optional(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Reads one package; the CLI's own tests show both `voiceConfigurationPackageId` and `id` as the id's name. */
export function readPackage(raw: unknown): VoiceConfigurationPackageInfo | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  const id = optional(o.voiceConfigurationPackageId) ?? optional(o.id);
  if (id === undefined) return undefined;
  return {
    voiceConfigurationPackageId: id,
    name: typeof o.name === "string" ? o.name : "",
    description: optional(o.description),
    httpVoiceV2ApplicationId: optional(o.httpVoiceV2ApplicationId),
  };
}

/** A telephone number in the E.164 form this API speaks; 10-digit and +1 forms are taken. */
export function e164(number: string): string {
  const checked = toTenDigits(number);
  if ("error" in checked) throw new InvalidRequestError(`a voice configuration package's number ${checked.error}`);
  return toE164(checked.tn);
}

/** The platform client. */
export class PlatformClient {
  private readonly transport: Transport;
  private readonly accountId: string;

  constructor(opts: PlatformClientOptions) {
    this.accountId = opts.accountId;
    this.transport = new Transport({
      baseUrl: opts.apiUrl,
      authorizer: sharedClientCredentials(opts.auth),
      account: opts.accountId,
      options: { rateLimitResetUnit: "seconds", describeErrors: describePlatformErrors, ...opts.transport },
    });
  }

  private path(...segments: string[]): string {
    return ["v2", "accounts", this.accountId, ...segments].map(encodeURIComponent).join("/");
  }

  private packagePath(id?: string, ...rest: string[]): string {
    return id === undefined
      ? this.path("voiceConfigurationPackages")
      : this.path("voiceConfigurationPackages", id, ...rest);
  }

  /** One call; the envelope's `data` of a 2xx answer (`undefined` for an empty or `null` body). */
  private async call(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    opts: { body?: unknown; query?: Record<string, string | undefined>; idempotent?: boolean } = {},
  ): Promise<unknown> {
    const res = await this.transport.request({
      method,
      path,
      query: opts.query,
      category: PLATFORM_CATEGORY,
      accept: JSON_TYPE,
      contentType: opts.body === undefined ? undefined : JSON_TYPE,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      idempotent: opts.idempotent,
    });
    if (res.body.trim() === "") return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      throw new MalformedResponseError("unreadable JSON in a voice configuration package answer", {
        method,
        url: path,
      });
    }
    return (parsed as { data?: unknown } | null)?.data;
  }

  /** `POST /v2/accounts/{a}/voiceConfigurationPackages` → the package created (read again if the answer is partial). */
  async createPackage(fields: VoiceConfigurationPackageFields): Promise<VoiceConfigurationPackageInfo> {
    const body: Record<string, string> = { name: fields.name };
    if (fields.description !== undefined) body.description = fields.description;
    if (fields.httpVoiceV2ApplicationId !== undefined) body.httpVoiceV2ApplicationId = fields.httpVoiceV2ApplicationId;
    const created = readPackage(await this.call("POST", this.packagePath(), { body }));
    if (!created) {
      throw new MalformedResponseError("voice configuration package created but the answer carries no id", {
        method: "POST",
      });
    }
    return created.name === "" ? this.getPackage(created.voiceConfigurationPackageId) : created;
  }

  /** `GET …/voiceConfigurationPackages/{id}`; NotFoundError when Bandwidth does not know it. */
  async getPackage(id: string): Promise<VoiceConfigurationPackageInfo> {
    const data = await this.call("GET", this.packagePath(id));
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      throw new NotFoundError({ method: "GET", url: this.packagePath(id) });
    }
    // The path names the package; a body that spells its id otherwise (or not at all) changes nothing.
    return readPackage({ ...data, voiceConfigurationPackageId: id })!;
  }

  /** `GET …/voiceConfigurationPackages`: every package of the account. */
  async listPackages(): Promise<VoiceConfigurationPackageInfo[]> {
    const data = await this.call("GET", this.packagePath());
    if (!Array.isArray(data)) return [];
    return data.map(readPackage).filter((p): p is VoiceConfigurationPackageInfo => p !== undefined);
  }

  /** `PATCH …/voiceConfigurationPackages/{id}` with only the fields to change (the CLI's update verb). */
  async updatePackage(id: string, changes: VoiceConfigurationPackageChanges): Promise<VoiceConfigurationPackageInfo> {
    const body = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const updated = readPackage(await this.call("PATCH", this.packagePath(id), { body, idempotent: true }));
    return updated && updated.name !== "" ? updated : this.getPackage(id);
  }

  /** `DELETE …/voiceConfigurationPackages/{id}`; Bandwidth refuses while numbers are assigned to it. */
  async deletePackage(id: string): Promise<void> {
    await this.call("DELETE", this.packagePath(id));
  }

  /**
   * `GET /v2/accounts/{a}/phoneNumbers/voice?voiceConfigurationPackageId={id}`, page after page (`afterCursor`): the
   * numbers assigned to the package, E.164, sorted. Rows naming another package are left out.
   */
  async listPackageNumbers(id: string): Promise<string[]> {
    const numbers: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.transport.request({
        method: "GET",
        path: this.path("phoneNumbers", "voice"),
        query: { voiceConfigurationPackageId: id, limit: String(NUMBERS_PAGE_SIZE), afterCursor: after },
        category: PLATFORM_CATEGORY,
        accept: JSON_TYPE,
      });
      let parsed: { data?: unknown; page?: { afterCursor?: unknown } };
      try {
        parsed = JSON.parse(res.body) as typeof parsed;
      } catch {
        throw new MalformedResponseError("unreadable JSON in a voice numbers listing", { method: "GET" });
      }
      for (const row of Array.isArray(parsed?.data) ? parsed.data : []) {
        const r = row as { phoneNumber?: unknown; voiceConfigurationPackageId?: unknown };
        if (typeof r.phoneNumber !== "string") continue;
        if (r.voiceConfigurationPackageId !== undefined && r.voiceConfigurationPackageId !== id) continue;
        numbers.push(r.phoneNumber);
      }
      const next = optional(parsed?.page?.afterCursor);
      if (next === undefined || next === after) break;
      after = next;
    }
    return [...new Set(numbers)].sort();
  }

  /**
   * `POST …/voiceConfigurationPackages/{id}/phoneNumbers/bulk` `{action, phoneNumbers}` with E.164 numbers. ADD is
   * an upsert (the CLI's AGENTS.md), so it may be repeated; a REMOVE is never sent twice.
   */
  async bulk(id: string, action: BulkAction, numbers: readonly string[]): Promise<void> {
    if (numbers.length === 0) return;
    const phoneNumbers = numbers.map(e164);
    await this.call("POST", this.packagePath(id, "phoneNumbers", "bulk"), {
      body: { action, phoneNumbers },
      idempotent: action === "ADD",
    });
  }
}
