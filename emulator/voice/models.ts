import { randomBytes } from "node:crypto";
import type { AccountSeed, Accounts } from "../accounts";
import { NotFoundError, ValidationError } from "../errors";
import type { InventoryNumber } from "../inventory";
import { DuplicateNumberError, VOICE_CODES } from "./errors";

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A number imported into Voice & Messaging v1, as GET /v1/users/{userId}/phoneNumbers/{id} reports it. */
export interface VoiceNumberRecord {
  /** v1's id of the number (`n-...`). */
  id: string;
  /** The v1 user the number is imported under. */
  userId: string;
  /** The number in E.164 (+1...). */
  number: string;
  /** The number formatted nationally, e.g. (919) 555-1234. */
  nationalNumber: string;
  /** The number's label. */
  name?: string;
  /** The application (`a-...`) the number's calls and messages go to. */
  applicationId?: string;
  /** Where calls go when the application cannot be reached. */
  fallbackNumber?: string;
  /** When the number was imported (ISO 8601). */
  createdTime: string;
  /** The number's city, from the inventory. */
  city: string;
  /** The number's state, from the inventory. */
  state: string;
  /** The monthly price v1 reports for the number. */
  price: string;
  /** v1's numberState, e.g. enabled. */
  numberState: string;
}

/** The fields a v1 import or update may carry. */
export interface VoiceNumberInput {
  /** The number to import, unchecked as it came in the JSON body. */
  number?: unknown;
  /** The label to set, unchecked. */
  name?: unknown;
  /** The application to attach, unchecked. */
  applicationId?: unknown;
  /** The fallback number to set, unchecked. */
  fallbackNumber?: unknown;
}

/**
 * The `provider` block of a v1 import: the Dashboard account the number lives on and an API User of it. Bandwidth's
 * v1 import reference marks providerName and all three properties mandatory.
 */
export interface ImportProvider {
  /** The provider's name; Bandwidth's reference requires it. */
  providerName?: string;
  /** The Dashboard account the number lives on. */
  accountId?: string;
  /** A Dashboard API User of that account. */
  userName?: string;
  /** That API User's password; the emulator checks it against the account. */
  password?: string;
}

/** What the Voice v1 model asks of the Numbers API's model. */
export interface VoiceHooks {
  /** Whether a 10-digit number is in service on the Dashboard account. */
  isInService(accountId: string, tn: string): boolean;
  /** Inventory facts (city, state) of a 10-digit number, if known. */
  inventoryNumber(tn: string): InventoryNumber | undefined;
}

/** Voice & Messaging v1's state and rules: the numbers imported per v1 user. Never touches HTTP or JSON. */
export class VoiceModel {
  private voiceNumbers = new Map<string, VoiceNumberRecord>();
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly accounts: Accounts,
    private readonly hooks: VoiceHooks,
    private readonly now: () => number = Date.now,
  ) {}

  private mustUser(userId: string): Required<AccountSeed> {
    const account = this.accounts.byUserId(userId);
    if (!account) throw new NotFoundError(`User ${userId} not found`);
    return account;
  }

  private static text(value: unknown, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") {
      throw new ValidationError([{ code: VOICE_CODES.validation, description: `${field} must be a string` }]);
    }
    return value;
  }

  /** Whether a provider block's API User can still authenticate (false once legacy Basic auth is switched off). */
  private apiUsersAccepted = true;

  /**
   * Accepts or refuses the API User of every import's provider block: Bandwidth decommissioned API Users on
   * 2026-12-02, and the emulator follows its legacy Basic auth switch.
   */
  acceptApiUsers(accepted: boolean): void {
    this.apiUsersAccepted = accepted;
  }

  /** Imports a number in service on the user's linked account. */
  importVoiceNumber(userId: string, input: VoiceNumberInput, provider?: ImportProvider): VoiceNumberRecord {
    const account = this.mustUser(userId);
    const missing = !provider
      ? ["provider"]
      : (["providerName", "accountId", "userName", "password"] as const)
          .filter((k) => !provider[k])
          .map((k) => (k === "providerName" ? "provider.providerName" : `provider.properties.${k}`));
    if (missing.length > 0) {
      throw new ValidationError([
        { code: VOICE_CODES.validation, description: `Mandatory field(s) missing: ${missing.join(", ")}` },
      ]);
    }
    if (provider!.providerName !== "bandwidth-dashboard") {
      throw new ValidationError([
        { code: VOICE_CODES.validation, description: "provider.providerName must be bandwidth-dashboard" },
      ]);
    }
    // Undocumented: no document says how v1 answers a block whose API User was decommissioned. Our stricter choice:
    // the same refusal as for a block that does not authenticate, whatever it holds.
    if (!this.apiUsersAccepted) {
      throw new ValidationError([
        {
          code: VOICE_CODES.invalidProvider,
          description:
            "The provider block's API User cannot authenticate: Bandwidth decommissioned API Users (username and " +
            "password) on 2026-12-02",
        },
      ]);
    }
    // Undocumented: our stricter choice refuses a block that does not name this user's own account and API User.
    if (
      provider!.accountId !== account.accountId ||
      provider!.userName !== account.username ||
      provider!.password !== account.password
    ) {
      throw new ValidationError([
        {
          code: VOICE_CODES.invalidProvider,
          description:
            "The provider block does not name the Dashboard account linked to this user and a valid API User of it",
        },
      ]);
    }
    const number = VoiceModel.text(input.number, "number");
    if (!number || !/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(number)) {
      throw new ValidationError([
        { code: VOICE_CODES.validation, description: "number must be an E.164 number +1NXXNXXXXXX" },
      ]);
    }
    const national = number.slice(2);
    if (!this.hooks.isInService(account.accountId, national)) {
      throw new NotFoundError(`Number ${number} is not in service on the account linked to this user`);
    }
    if ([...this.voiceNumbers.values()].some((v) => v.userId === userId && v.number === number)) {
      throw new DuplicateNumberError(`Number ${number} is already imported`);
    }
    const inv = this.hooks.inventoryNumber(national);
    const record: VoiceNumberRecord = {
      id: `n-${randomBytes(12).toString("hex")}`,
      userId,
      number,
      nationalNumber: `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`,
      name: VoiceModel.text(input.name, "name") ?? number,
      applicationId: VoiceModel.text(input.applicationId, "applicationId") || undefined,
      // fallbackNumber is not an import field in Bandwidth's v1 reference: only an update sets it.
      fallbackNumber: undefined,
      createdTime: iso(this.now()).replace(/\.\d{3}Z$/, "Z"),
      city: inv?.city ?? "",
      state: inv?.state ?? "",
      price: "0.35",
      numberState: "enabled",
    };
    this.voiceNumbers.set(record.id, record);
    this.onChange?.();
    return record;
  }

  /** A v1 number by id or by E.164 number, or NotFoundError. */
  getVoiceNumber(userId: string, idOrNumber: string): VoiceNumberRecord {
    this.mustUser(userId);
    const byId = this.voiceNumbers.get(idOrNumber);
    const found =
      byId?.userId === userId
        ? byId
        : [...this.voiceNumbers.values()].find((v) => v.userId === userId && v.number === idOrNumber);
    if (!found) throw new NotFoundError(`Number ${idOrNumber} not found`);
    return found;
  }

  /** The user's v1 numbers in import order, filtered by exact field values. */
  listVoiceNumbers(userId: string, filter: Partial<Record<keyof VoiceNumberRecord, string>> = {}): VoiceNumberRecord[] {
    this.mustUser(userId);
    return [...this.voiceNumbers.values()].filter(
      (v) =>
        v.userId === userId &&
        Object.entries(filter).every(([k, want]) => want === undefined || v[k as keyof VoiceNumberRecord] === want),
    );
  }

  /** v1 update: `applicationId: ""` detaches the application; absent fields stay unchanged. */
  updateVoiceNumber(userId: string, idOrNumber: string, input: VoiceNumberInput): VoiceNumberRecord {
    const record = this.getVoiceNumber(userId, idOrNumber);
    const applicationId = VoiceModel.text(input.applicationId, "applicationId");
    const name = VoiceModel.text(input.name, "name");
    const fallbackNumber = VoiceModel.text(input.fallbackNumber, "fallbackNumber");
    if (applicationId !== undefined) record.applicationId = applicationId === "" ? undefined : applicationId;
    if (name !== undefined) record.name = name;
    if (fallbackNumber !== undefined) record.fallbackNumber = fallbackNumber === "" ? undefined : fallbackNumber;
    this.onChange?.();
    return record;
  }

  /** v1 un-import. */
  deleteVoiceNumber(userId: string, idOrNumber: string): void {
    const record = this.getVoiceNumber(userId, idOrNumber);
    this.voiceNumbers.delete(record.id);
    this.onChange?.();
  }

  /** A disconnected number leaves v1 too: its import, if any, is dropped (the Numbers model tells us). */
  numberReleased(tn: string): void {
    const e164 = `+1${tn}`;
    let dropped = false;
    for (const [id, v] of this.voiceNumbers) {
      if (v.number === e164) dropped = this.voiceNumbers.delete(id);
    }
    if (dropped) this.onChange?.();
  }

  /** How many numbers a v1 user has imported. */
  countFor(userId: string): number {
    return [...this.voiceNumbers.values()].filter((v) => v.userId === userId).length;
  }

  /** Forgets every import. */
  reset(): void {
    this.voiceNumbers.clear();
  }

  /** Every import, for the state file. */
  snapshot(): VoiceNumberRecord[] {
    return [...this.voiceNumbers.values()];
  }

  /** Replaces the imports with a snapshot's. */
  restore(records: VoiceNumberRecord[]): void {
    this.voiceNumbers = new Map(records.map((v) => [v.id, v]));
  }
}
