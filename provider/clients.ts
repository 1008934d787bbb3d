import { createHash } from "node:crypto";
import { type NumbersAuth, numbersSettings, voiceSettings } from "./config";
import { NumbersClient } from "./numbers";
import { DisconnectHistory } from "./numbers/history";
import { TnOptionBatcher } from "./numbers/optionOrders";
import { DisconnectBatcher, OrderWatcher } from "./numbers/watch";
import { VoiceClient } from "./voice";
import { VoiceLookups } from "./voice/lookups";

/**
 * Clients built from the settings in force at call time. One client per distinct settings, so every resource of a
 * deployment shares the same connection pool and rate limiter.
 */
function digest(auth: NumbersAuth): string {
  return createHash("sha256").update(JSON.stringify(auth)).digest("hex");
}

const numbersClients = new Map<string, NumbersClient>();
const voiceClients = new Map<string, VoiceClient>();

/** The Numbers API client for the configured account (a ConfigError when credentials are missing). */
export function numbersClient(): NumbersClient {
  const s = numbersSettings();
  // Secrets stay out of the key: a digest tells credentials apart without keeping them in a second place.
  const key = JSON.stringify([s.dashboardUrl, s.accountId, digest(s.auth)]);
  let client = numbersClients.get(key);
  if (!client) {
    client = new NumbersClient(s);
    numbersClients.set(key, client);
  }
  return client;
}

/** The Voice v1 client, or `undefined` when no v1 credential is configured. */
export function optionalVoiceClient(): VoiceClient | undefined {
  const s = voiceSettings();
  if (s === undefined) return undefined;
  const key = JSON.stringify([s.voiceUrl, s.userId, s.apiToken, s.apiSecret]);
  let client = voiceClients.get(key);
  if (!client) {
    client = new VoiceClient(s);
    voiceClients.set(key, client);
  }
  return client;
}

/** What the resources of one account share in a provider process. */
export interface SharedWaits {
  orders: OrderWatcher;
  disconnects: DisconnectBatcher;
  /** The account's disconnects, which prove which numbers are still under the orders that brought them. */
  history: DisconnectHistory;
  /** TN option orders shared by the resources of a deployment. */
  options: TnOptionBatcher;
}

const watchers = new WeakMap<NumbersClient, SharedWaits>();

/** The account's shared order watcher, disconnect batcher, disconnect history and TN option orders (one of each per client). */
export function sharedWaits(client: NumbersClient): SharedWaits {
  let w = watchers.get(client);
  if (!w) {
    const history = new DisconnectHistory(client);
    const disconnects = new DisconnectBatcher(client, 0, (id, numbers) => history.recordPlaced(id, numbers));
    w = { orders: new OrderWatcher(client), disconnects, history, options: new TnOptionBatcher(client) };
    watchers.set(client, w);
  }
  return w;
}

const lookups = new WeakMap<VoiceClient, VoiceLookups>();

/** The v1 user's shared, coalesced number lookups. */
export function voiceLookups(client: VoiceClient): VoiceLookups {
  let l = lookups.get(client);
  if (!l) {
    l = new VoiceLookups(client);
    lookups.set(client, l);
  }
  return l;
}
