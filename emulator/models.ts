import { type AccountSeed, Accounts } from "./accounts";
import {
  type DisconnectRecord,
  type DisconnectRequest,
  type ListFilter,
  type ModelDelays,
  NumbersModel,
  type NumbersSnapshot,
  type OrderRecord,
  type OrderRequest,
  type SearchQuery,
  type TnRecord,
} from "./numbers/models";
import type { InventoryNumber } from "./inventory";
import { ProvisioningModel, type ProvisioningSnapshot } from "./provisioning/models";
import { type ImportProvider, type VoiceNumberInput, type VoiceNumberRecord, VoiceModel } from "./voice/models";
import { TnOptionsModel, type TnOptionsSnapshot } from "./tnoptions/models";
import { VcpModel, type VcpSnapshot } from "./vcp/models";

export { type AccountSeed, DEMO_ACCOUNT, type SiteSeed } from "./accounts";
export { CODES } from "./numbers/errors";
export {
  type DisconnectRecord,
  type DisconnectRequest,
  type DisconnectStatus,
  type ListFilter,
  matchesCriteria,
  type ModelDelays,
  ORDER_TYPES,
  type OrderRecord,
  type OrderRequest,
  type OrderStatus,
  type OrderTypeInput,
  parseSearchQuery,
  type SearchCriteria,
  type SearchQuery,
  type TnRecord,
  type TnStatus,
  validateCriteria,
} from "./numbers/models";
export { type ImportProvider, type VoiceNumberInput, type VoiceNumberRecord } from "./voice/models";

/** Per-account counts for tests and the admin API. */
export interface AccountSummary {
  /** Numbers in service on the account. */
  inService: number;
  /** Numbers imported into Voice v1 by the account's v1 user. */
  imported: number;
  /** Number orders placed on the account. */
  orders: number;
  /** Disconnect orders placed on the account. */
  disconnects: number;
}

/** Everything persisted to the state file. */
export interface ModelSnapshot extends NumbersSnapshot {
  /** The state file's format version; the emulator refuses any other. */
  version: 1;
  /** Every number imported into Voice v1. */
  voiceNumbers: VoiceNumberRecord[];
  /** Applications, sites and locations (absent in state files written before they existed). */
  provisioning?: ProvisioningSnapshot;
  /** TN option orders and the options on each number (absent in older state files). */
  tnOptions?: TnOptionsSnapshot;
  /** Voice configuration packages and their numbers (absent in older state files). */
  vcp?: VcpSnapshot;
}

/**
 * The emulator's state as one object: the Numbers API, Voice v1 and provisioning models side by side, each owning
 * its own state, and cross-API effects passed between them through hooks. Its methods delegate to the model of the
 * API concerned, so tests and the admin API keep one entry point.
 */
export class EmulatorModel {
  private readonly accounts: Accounts;
  /** Numbers API: inventory, orders, disconnects, TN states. */
  readonly numbers: NumbersModel;
  /** Voice & Messaging v1: imported numbers. */
  readonly voice: VoiceModel;
  /** Applications, sites and locations (Bandwidth's v2 model); orders name their sites and locations. */
  readonly provisioning: ProvisioningModel;
  /** TN option orders and the options they set on each number. */
  readonly tnOptions: TnOptionsModel;
  /** Voice configuration packages (Universal Platform) and the numbers assigned to them. */
  readonly vcp: VcpModel;
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(accounts: AccountSeed[], delays: ModelDelays, now: () => number = Date.now) {
    this.accounts = new Accounts(accounts);
    this.numbers = new NumbersModel(
      this.accounts,
      delays,
      {
        hasSite: (accountId, siteId, peerId) => this.provisioning.hasSite(accountId, siteId, peerId),
        numberReleased: (tn) => {
          this.voice.numberReleased(tn);
          this.tnOptions.numberReleased(tn);
          this.vcp.numberReleased(tn);
        },
        locate: (accountId, siteId, peerId) => this.provisioning.locate(accountId, siteId, peerId),
      },
      now,
    );
    this.voice = new VoiceModel(
      this.accounts,
      {
        isInService: (accountId, tn) => this.numbers.isInService(accountId, tn),
        inventoryNumber: (tn) => this.numbers.inventoryNumber(tn),
      },
      now,
    );
    this.provisioning = new ProvisioningModel(
      this.accountSeeds().map((a) => ({ accountId: a.accountId, sites: a.sites })),
      {
        numbersOnPeer: (accountId, siteId, peerId, isDefault) =>
          this.numbers.numbersOnPeer(accountId, siteId, peerId, isDefault),
      },
    );
    this.tnOptions = new TnOptionsModel(
      {
        isInService: (accountId, tn) => this.numbers.isInService(accountId, tn),
        placement: (tn) => {
          const rec = this.numbers.tn(tn);
          return rec && { siteId: rec.siteId, peerId: this.peerOf(tn)?.peerId, lastModified: rec.lastModifiedDate };
        },
        smsOnLocation: (accountId, tn) => this.smsOnLocation(accountId, tn),
        delayMs: () => this.numbers.getDelays().orderDelayMs,
      },
      now,
    );
    this.vcp = new VcpModel(
      {
        isInService: (accountId, tn) => this.numbers.isInService(accountId, tn),
        numbersInService: (accountId) => this.numbers.numbersInService(accountId),
        isVoiceApplication: (accountId, applicationId) =>
          this.provisioning
            .listApplications(accountId)
            .some((a) => a.applicationId === applicationId && a.serviceType === "Voice-V2"),
      },
      now,
    );
    const changed = () => this.onChange?.();
    this.tnOptions.onChange = changed;
    this.vcp.onChange = changed;
    this.numbers.onChange = changed;
    this.voice.onChange = changed;
    this.provisioning.onChange = changed;
  }

  /** A number's location: the peer it was ordered onto, or its site's default peer. */
  private peerOf(tn: string) {
    const rec = this.numbers.tn(tn);
    if (!rec?.siteId || !rec.accountId) return undefined;
    const peers = this.provisioning.listPeers(rec.accountId, rec.siteId);
    return peers.find((p) => (rec.peerId ? p.peerId === rec.peerId : p.isDefaultPeer));
  }

  /** Whether a number's location has the SMS feature on. */
  private smsOnLocation(accountId: string, tn: string): boolean {
    const peer = this.peerOf(tn);
    return peer?.accountId === accountId && peer.smsFeature !== undefined;
  }

  // ---- accounts -------------------------------------------------------------------------------------------

  /** All account seeds, in the order given. */
  accountSeeds(): Required<AccountSeed>[] {
    return this.accounts.all();
  }

  /** The account with this id, or undefined. */
  account(accountId: string): Required<AccountSeed> | undefined {
    return this.accounts.byId(accountId);
  }

  /** The account whose Dashboard API User this is, or undefined. */
  accountByUsername(username: string): Required<AccountSeed> | undefined {
    return this.accounts.byUsername(username);
  }

  /** The account of an OAuth 2.0 client, or undefined. */
  accountByClientId(clientId: string): Required<AccountSeed> | undefined {
    return this.accounts.byClientId(clientId);
  }

  /** The account with this id, or undefined. */
  accountById(accountId: string): Required<AccountSeed> | undefined {
    return this.accounts.byId(accountId);
  }

  /** The account whose v1 API token this is, or undefined. */
  accountByApiToken(apiToken: string): Required<AccountSeed> | undefined {
    return this.accounts.byApiToken(apiToken);
  }

  /** The account linked to a v1 user, or undefined. */
  accountByUserId(userId: string): Required<AccountSeed> | undefined {
    return this.accounts.byUserId(userId);
  }

  // ---- timing (the Numbers API's state machine) ----------------------------------------------------------

  /** Changes processing delays; work already RECEIVED keeps its due time. */
  setDelays(d: Partial<ModelDelays>): void {
    this.numbers.setDelays(d);
  }

  /** The current processing delays. */
  getDelays(): Required<ModelDelays> {
    return this.numbers.getDelays();
  }

  /** Starts the state-machine timer (processes anything already due). */
  start(): void {
    this.numbers.start();
    this.tnOptions.start();
  }

  /** Stops the timer; pending work stays pending (and keeps its due time in a snapshot). */
  stop(): void {
    this.numbers.stop();
    this.tnOptions.stop();
  }

  /** Processes every order, disconnect and TN transition that is due now. */
  runDue(): void {
    this.numbers.runDue();
    this.tnOptions.runDue();
  }

  // ---- Numbers API -------------------------------------------------------------------------------------------

  /** Available numbers matching a validated query, at most `quantity`. */
  search(query: SearchQuery): InventoryNumber[] {
    return this.numbers.search(query);
  }

  /** Inventory facts of one number (city, state, LATA...), if the emulator knows it. */
  inventoryNumber(tn: string): InventoryNumber | undefined {
    return this.numbers.inventoryNumber(tn);
  }

  /** Adds `quantity` new available numbers in an area code and lets backorders fill. Returns the new numbers. */
  restock(areaCode: string, quantity: number): string[] {
    return this.numbers.restock(areaCode, quantity);
  }

  /** Makes specific numbers available (new ones join the inventory); backorders may fill. */
  restockNumbers(numbers: string[]): string[] {
    return this.numbers.restockNumbers(numbers);
  }

  /** Validates and records a new order (RECEIVED). */
  placeOrder(accountId: string, request: OrderRequest): OrderRecord {
    return this.numbers.placeOrder(accountId, request);
  }

  /** An order of this account, or NotFoundError. */
  getOrder(accountId: string, orderId: string): OrderRecord {
    return this.numbers.getOrder(accountId, orderId);
  }

  /** Orders of an account, oldest first. */
  listOrders(accountId: string, filter: ListFilter = {}): OrderRecord[] {
    return this.numbers.listOrders(accountId, filter);
  }

  /** Renames or closes an order. */
  updateOrder(...args: Parameters<NumbersModel["updateOrder"]>): OrderRecord {
    return this.numbers.updateOrder(...args);
  }

  /** Validates and records a disconnect (RECEIVED). */
  placeDisconnect(accountId: string, request: DisconnectRequest): DisconnectRecord {
    return this.numbers.placeDisconnect(accountId, request);
  }

  /** A disconnect of this account, or NotFoundError. */
  getDisconnect(accountId: string, id: string): DisconnectRecord {
    return this.numbers.getDisconnect(accountId, id);
  }

  /** Disconnects of an account, oldest first. */
  listDisconnects(accountId: string, filter: ListFilter = {}): DisconnectRecord[] {
    return this.numbers.listDisconnects(accountId, filter);
  }

  /** Disconnects a number behind the provider's back (as if done in the Dashboard UI). */
  disconnectBehindTheBack(tn: string): void {
    this.numbers.disconnectBehindTheBack(tn);
  }

  /** Refuses every disconnect of a number (5006, the number stays in service) until called with `held` false. */
  holdDisconnects(tn: string, held = true): void {
    this.numbers.holdDisconnects(tn, held);
  }

  /** The record of any known number (any account), or undefined. */
  tn(tn: string): TnRecord | undefined {
    return this.numbers.tn(tn);
  }

  /** Whether the number is in service on this account. */
  isInService(accountId: string, tn: string): boolean {
    return this.numbers.isInService(accountId, tn);
  }

  /** Numbers in service on a location; numbers ordered without a PeerId are on their site's default location. */
  numbersOnPeer(accountId: string, siteId: string, peerId: string, isDefaultPeer: boolean): string[] {
    return this.numbers.numbersOnPeer(accountId, siteId, peerId, isDefaultPeer);
  }

  /** Numbers in service on an account, sorted. */
  numbersInService(accountId: string): string[] {
    return this.numbers.numbersInService(accountId);
  }

  // ---- Voice & Messaging v1 -----------------------------------------------------------------------------------

  /** Imports a number in service on the user's linked account. */
  importVoiceNumber(userId: string, input: VoiceNumberInput, provider?: ImportProvider): VoiceNumberRecord {
    return this.voice.importVoiceNumber(userId, input, provider);
  }

  /** A v1 number by id or by E.164 number, or NotFoundError. */
  getVoiceNumber(userId: string, idOrNumber: string): VoiceNumberRecord {
    return this.voice.getVoiceNumber(userId, idOrNumber);
  }

  /** The user's v1 numbers in import order, filtered by exact field values. */
  listVoiceNumbers(userId: string, filter: Partial<Record<keyof VoiceNumberRecord, string>> = {}): VoiceNumberRecord[] {
    return this.voice.listVoiceNumbers(userId, filter);
  }

  /** v1 update: `applicationId: ""` detaches the application; absent fields stay unchanged. */
  updateVoiceNumber(userId: string, idOrNumber: string, input: VoiceNumberInput): VoiceNumberRecord {
    return this.voice.updateVoiceNumber(userId, idOrNumber, input);
  }

  /** v1 un-import. */
  deleteVoiceNumber(userId: string, idOrNumber: string): void {
    this.voice.deleteVoiceNumber(userId, idOrNumber);
  }

  // ---- inspection (tests, admin API) --------------------------------------------------------------------------

  /** Counts for one account. */
  accountSummary(accountId: string): AccountSummary {
    const account = this.numbers.mustAccount(accountId);
    return {
      inService: this.numbers.numbersInService(accountId).length,
      imported: this.voice.countFor(account.userId),
      orders: this.numbers.listOrders(accountId).length,
      disconnects: this.numbers.listDisconnects(accountId).length,
    };
  }

  /** Back to the seeded state: fresh inventory, no orders, disconnects, imports or provisioning changes. */
  reset(): void {
    this.numbers.reset();
    this.voice.reset();
    this.provisioning.reset();
    this.tnOptions.reset();
    this.vcp.reset();
    this.onChange?.();
  }

  /** Everything needed to resume, pending due times included. */
  snapshot(): ModelSnapshot {
    return {
      version: 1,
      ...this.numbers.snapshot(),
      voiceNumbers: this.voice.snapshot(),
      provisioning: this.provisioning.snapshot(),
      tnOptions: this.tnOptions.snapshot(),
      vcp: this.vcp.snapshot(),
    };
  }

  /** Replaces the state with a snapshot; pending work keeps its due time (overdue work runs at start). */
  restore(s: ModelSnapshot): void {
    this.reset();
    this.voice.restore(s.voiceNumbers);
    this.provisioning.restore(s.provisioning);
    this.numbers.restore(s);
    this.tnOptions.restore(s.tnOptions);
    this.vcp.restore(s.vcp);
  }
}
