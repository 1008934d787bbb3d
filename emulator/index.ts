import type { LoggedRequest } from "./admin";
import type { FaultRule } from "./faults";
import { type AccountSeed, DEMO_ACCOUNT, EmulatorModel } from "./models";
import { type AuthPolicy, clientCredentialsOf, DEFAULT_AUTH_POLICY, TOKEN_PATH } from "./oauth";
import { StateFile } from "./persistence";
import type { RateCategory, RateLimitOptions } from "./ratelimit";
import { EmulatorHttpServer } from "./server";

export type { LoggedRequest } from "./admin";
export { EmulatorError, type ErrorDetail, NotFoundError, ValidationError } from "./errors";
export { DuplicateNumberError } from "./voice/errors";
export type { FaultRule } from "./faults";
export type { InventoryNumber } from "./inventory";
export {
  type AccountSeed,
  type AccountSummary,
  DEMO_ACCOUNT,
  type DisconnectRecord,
  EmulatorModel,
  type OrderRecord,
  type TnRecord,
  type VoiceNumberRecord,
  type SiteSeed,
  type DisconnectStatus,
  type SearchCriteria,
  type OrderTypeInput,
  type OrderStatus,
  type TnStatus,
  type ModelSnapshot,
  type VoiceNumberInput,
  type ImportProvider,
  type ListFilter,
  type DisconnectRequest,
  type OrderRequest,
  type SearchQuery,
} from "./models";
export {
  type ModelDelays,
  type MoveDestination,
  type MoveRecord,
  type MoveRequest,
  type MoveStatus,
  type NumbersHooks,
  NumbersModel,
  type NumbersSnapshot,
} from "./numbers/models";
export type { MoveTarget } from "./provisioning/models";
export {
  type A2pAction,
  type A2pInput,
  type A2pState,
  type NumberDetails,
  type NumberSettings,
  type TnOptionGroupInput,
  type TnOptionGroupRecord,
  type TnOptionHistoryEntry,
  type TnOptionHooks,
  type TnOptionListFilter,
  type TnOptionOrderInput,
  type TnOptionOrderRecord,
  TnOptionsModel,
  type TnOptionsSnapshot,
  type TnOptionStatus,
  type TnOptionValues,
  type TnOptionWarning,
} from "./tnoptions/models";
export {
  type BulkAction,
  type PackageInput,
  type PackageRecord,
  type VcpHooks,
  VcpModel,
  type VcpSnapshot,
  type VoiceNumber as PackageVoiceNumber,
} from "./vcp/models";
export { type VoiceHooks, VoiceModel } from "./voice/models";
export { Accounts } from "./accounts";
export {
  type ApplicationInput,
  type ApplicationRecord,
  type CallbackCredsRecord,
  type CredsInput,
  type LocationSummary,
  type OriginationInput,
  type OriginationRecord,
  type PeerInput,
  type PeerRecord,
  ProvisioningModel,
  type ProvisioningHooks,
  type ProvisioningSnapshot,
  type SeededSites,
  type SiteAndPeer,
  type SiteInput,
  type SiteKnown,
  type SiteRecord,
  type SiteSummary,
  type ProvisioningSummary,
} from "./provisioning/models";
export { type AuthPolicy, DEFAULT_AUTH_POLICY } from "./oauth";
export { DEFAULT_RATE_LIMITS, type RateCategory, type RateLimit } from "./ratelimit";

/** How to start the emulator. Every field is optional. */
export interface EmulatorOptions {
  /** 0 = ephemeral (default 0). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Time from RECEIVED to the order's final status, default 500. */
  orderDelayMs?: number;
  /** Time from RECEIVED to the disconnect's final status, default 500. */
  disconnectDelayMs?: number;
  /** Time a disconnected number spends Disconnected then Aging before it is available again (default 2 × disconnectDelayMs). */
  agingMs?: number;
  /** Persist every order, number and import here; a restarted emulator resumes pending work. */
  stateFile?: string;
  /** Token buckets per account and category; `false` = unlimited; absent categories keep the generous defaults. */
  rateLimits?:
    | Partial<
        Record<
          RateCategory,
          {
            /** Requests per minute the bucket refills at; beyond it the emulator answers 429. */
            perMinute: number;
            /** Requests that may arrive at once before the refill rate applies. */
            burst: number;
          }
        >
      >
    | false;
  /** Faults injected from the start. */
  faults?: FaultRule[];
  /** Accounts to seed; default: the demo account only. */
  accounts?: AccountSeed[];
  /** Lifetime of the OAuth bearer tokens the emulator issues, in seconds (default 3600, as Bandwidth's fixtures show). */
  tokenLifetimeSeconds?: number;
  /**
   * Whether the Numbers API still takes a legacy API User's HTTP Basic auth (default true). False answers it with 401,
   * as Bandwidth does from 2026-12-02; bearer tokens from the token endpoint keep working.
   */
  legacyBasicAuth?: boolean;
  /** No start-up banner (the library never prints one; the CLI does unless quiet). */
  quiet?: boolean;
}

/**
 * Credentials of an emulated account, for both APIs, plus a site and peer to order on. `clientId`/`clientSecret` are
 * the account's OAuth 2.0 client credentials for the emulator's token endpoint.
 */
export type DemoCredentials = Omit<AccountSeed, "sites" | "clientId" | "clientSecret"> & {
  /** The account's OAuth 2.0 client id for the emulator's token endpoint. */
  clientId: string;
  /** The OAuth 2.0 client secret paired with `clientId`. */
  clientSecret: string;
  /** A site of the account to order numbers into. */
  siteId: string;
  /** A SIP peer (location) under that site. */
  peerId: string;
};

/** A started emulator. */
export interface RunningEmulator {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** url + "/api": the Numbers API prefix, before /accounts/... */
  dashboardUrl: string;
  /** url: the v1 prefix, before /v1/users/... */
  voiceUrl: string;
  /** url + "/api/v1/oauth2/token": the OAuth 2.0 token endpoint (client credentials grant). */
  tokenUrl: string;
  /** url: the API host's root, before /v2/accounts/... (voice configuration packages). */
  apiUrl: string;
  /** The TCP port the emulator listens on (the one chosen when `port` was 0). */
  port: number;
  /** Credentials of the first account. */
  credentials: DemoCredentials;
  /**
   * In-process access to the state. Useful methods: `numbersInService(accountId)`, `listVoiceNumbers(userId)`,
   * `listOrders(accountId)`, `listDisconnects(accountId)`, `getOrder(accountId, id)`, `tn(tn)`,
   * `disconnectBehindTheBack(tn)`, `holdDisconnects(tn, held?)`, `restock(areaCode, quantity)`, `restockNumbers(tns)`, `accountSummary(accountId)`.
   */
  model: EmulatorModel;
  /** Every request so far, oldest first. */
  requestLog(): LoggedRequest[];
  /** Replaces the fault rules. */
  setFaults(rules: FaultRule[]): void;
  /** Replaces the rate limits (buckets start full). */
  setRateLimits(limits: EmulatorOptions["rateLimits"]): void;
  /** Changes how the Numbers API authenticates: token lifetime, and whether legacy Basic auth is still taken. */
  setAuthPolicy(policy: Partial<AuthPolicy>): AuthPolicy;
  /** Changes processing delays for work created from now on. */
  setDelays(d: { orderDelayMs?: number; disconnectDelayMs?: number; agingMs?: number }): void;
  /** Back to the seeded state with the start-up faults, limits and delays; log cleared. */
  reset(): void;
  /** Stops timers, flushes the state file, closes sockets. */
  close(): Promise<void>;
}

/** Credentials of an account seed, with its first site and that site's first peer. */
export function credentialsOf(seed: AccountSeed): DemoCredentials {
  const sites = seed.sites ?? DEMO_ACCOUNT.sites;
  const site = sites.find((s) => s.peerIds.length > 0) ?? sites[0];
  return {
    accountId: seed.accountId,
    username: seed.username,
    password: seed.password,
    userId: seed.userId,
    apiToken: seed.apiToken,
    apiSecret: seed.apiSecret,
    ...clientCredentialsOf(seed),
    siteId: site?.siteId ?? "",
    peerId: site?.peerIds[0] ?? "",
  };
}

/** Starts a local Bandwidth emulator: the Numbers API (XML) and Voice v1 phoneNumbers (JSON) on one port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accounts = options.accounts && options.accounts.length > 0 ? options.accounts : [DEMO_ACCOUNT];
  const initialDelays = {
    orderDelayMs: options.orderDelayMs ?? 500,
    disconnectDelayMs: options.disconnectDelayMs ?? 500,
    agingMs: options.agingMs ?? 2 * (options.disconnectDelayMs ?? 500),
  };
  const model = new EmulatorModel(accounts, initialDelays);
  const stateFile = options.stateFile ? new StateFile(options.stateFile, () => model.snapshot()) : undefined;
  const saved = stateFile?.load();
  if (saved) model.restore(saved);
  if (stateFile) model.onChange = () => stateFile.scheduleSave();

  const initialAuth: AuthPolicy = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_AUTH_POLICY.tokenLifetimeSeconds,
    legacyBasicAuth: options.legacyBasicAuth ?? DEFAULT_AUTH_POLICY.legacyBasicAuth,
  };
  const http: EmulatorHttpServer = new EmulatorHttpServer(model, {
    faults: options.faults,
    rateLimits: options.rateLimits as RateLimitOptions | undefined,
    auth: initialAuth,
    reset: () => reset(),
  });
  const reset = () => {
    model.reset();
    model.setDelays(initialDelays);
    http.faults.set(options.faults ?? []);
    http.limiter.configure(options.rateLimits as RateLimitOptions | undefined);
    http.clearLog();
    http.tokens.clear();
    http.setAuthPolicy(initialAuth);
  };
  const host = options.host ?? "127.0.0.1";
  const port = await http.listen(options.port ?? 0, host);
  model.start();
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  let closed = false;
  return {
    url,
    dashboardUrl: `${url}/api`,
    voiceUrl: url,
    tokenUrl: `${url}${TOKEN_PATH}`,
    apiUrl: url,
    port,
    credentials: credentialsOf(accounts[0]),
    model,
    requestLog: () => http.requestLog(),
    setFaults: (rules) => http.faults.set(rules),
    setRateLimits: (limits) => http.limiter.configure(limits as RateLimitOptions | undefined),
    setDelays: (d) => model.setDelays(d),
    setAuthPolicy: (p) => http.setAuthPolicy(p),
    reset,
    close: async () => {
      if (closed) return;
      closed = true;
      model.stop();
      stateFile?.flush();
      await http.close();
    },
  };
}
