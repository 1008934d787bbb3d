import { randomUUID } from "node:crypto";
import type { AccountSeed, Accounts } from "../accounts";
import { type ErrorDetail, NotFoundError, ValidationError } from "../errors";
import { generateInventory, type InventoryNumber, LOCAL_AREAS, vanityToDigits } from "../inventory";
import type { SiteKnown } from "../provisioning/models";
import { CODES } from "./errors";

/** Where a number is in its life on the emulator: Available to order, Inservice on an account, Disconnected, then Aging before it is Available again. */
export type TnStatus = "Available" | "Inservice" | "Disconnected" | "Aging";
/** The status the emulator reports for a number order; RECEIVED and BACKORDERED move on by themselves after the order delay. */
export type OrderStatus = "RECEIVED" | "BACKORDERED" | "COMPLETE" | "PARTIAL" | "FAILED";
/** The status the emulator reports for a disconnect order; RECEIVED moves on by itself after the disconnect delay. */
export type DisconnectStatus = "RECEIVED" | "COMPLETE" | "PARTIAL" | "FAILED";

/** The life of one telephone number. */
export interface TnRecord {
  /** The 10-digit number. */
  fullNumber: string;
  /** Where the number is in its life: Available, Inservice, Disconnected or Aging. */
  status: TnStatus;
  /** The account holding the number, while it is held. */
  accountId?: string;
  /** The site the number was ordered into. */
  siteId?: string;
  /** The SIP peer (location) the number was ordered onto. */
  peerId?: string;
  /** The order that acquired the number. */
  orderId?: string;
  /** The order-type element of that order. */
  orderType?: string;
  /** When that order was created (ISO 8601). */
  orderCreateDate?: string;
  /** When the number last changed status (ISO 8601). */
  lastModifiedDate: string;
  /** When Disconnected turns into Aging, or Aging into Available. */
  statusUntilMs?: number;
}

/** An order-type element as sent: its name and its children in order (lists as arrays). */
export interface OrderTypeInput {
  /** The order-type element's name, e.g. AreaCodeSearchAndOrderType. */
  element: string;
  /** The element's children in order, as name and value (a list for repeated children). */
  fields: Array<[string, string | string[]]>;
}

/** What the wire layer extracts from a `<Order>` body; all values are raw strings. */
export interface OrderRequest {
  /** The order's Name, as sent. */
  name?: string;
  /** The CustomerOrderId, as sent. */
  customerOrderId?: string;
  /** The SiteId, as sent. */
  siteId?: string;
  /** The PeerId, as sent. */
  peerId?: string;
  /** PartialAllowed, as sent (`true` or `false`). */
  partialAllowed?: string;
  /** BackOrderRequested, as sent (`true` or `false`). */
  backOrderRequested?: string;
  /** The TnAttributes, as sent. */
  tnAttributes?: string[];
  /** Every order-type element in the body; the emulator requires exactly one. */
  orderTypes: OrderTypeInput[];
}

/** A number order and everything Bandwidth reports about it. */
export interface OrderRecord {
  /** The order id the emulator assigned (a UUID). */
  id: string;
  /** The account the order was placed on. */
  accountId: string;
  /** The user (or OAuth client) that placed the order. */
  createdByUser: string;
  /** The order's Name. */
  name?: string;
  /** The CustomerOrderId the client sent. */
  customerOrderId?: string;
  /** The site the numbers go into. */
  siteId: string;
  /** The SIP peer (location) the numbers go onto. */
  peerId?: string;
  /** Whether a shortage completes the order as PARTIAL instead of FAILED. */
  partialAllowed: boolean;
  /** Whether a shortage leaves the order BACKORDERED. */
  backOrderRequested: boolean;
  /** The TnAttributes sent with the order. */
  tnAttributes?: string[];
  /** The order-type element as sent. */
  orderType: OrderTypeInput;
  /** The search criteria the order chooses numbers by. */
  criteria: SearchCriteria;
  /** The numbers asked for by an order of specific numbers. */
  specificNumbers?: string[];
  /** How many numbers the order asks for. */
  quantity: number;
  /** When the order was received (ISO 8601). */
  orderCreateDate: string;
  /** When the order last changed (ISO 8601). */
  lastModifiedDate: string;
  /** When the order reached its final status (ISO 8601). */
  orderCompleteDate?: string;
  /** The order's status, as GET orders/{id} reports it. */
  status: OrderStatus;
  /** The numbers the order acquired. */
  completedNumbers: string[];
  /** The numbers the order could not acquire. */
  failedNumbers: string[];
  /** The error codes reported with the order. */
  errors: ErrorDetail[];
  /** Epoch ms at which a RECEIVED order is processed. */
  dueAtMs?: number;
  /** Specific TNs already on another order in flight when this one arrived (→ 5218). */
  conflicts: string[];
  /** The one-line summary of a finished order, as GET orders/{id} reports it. */
  summary?: string;
}

/** What the wire layer extracts from a `<DisconnectTelephoneNumberOrder>` body. */
export interface DisconnectRequest {
  /** The disconnect's Name, as sent. */
  name?: string;
  /** The CustomerOrderId, as sent. */
  customerOrderId?: string;
  /** The numbers to disconnect, as sent. */
  numbers: string[];
  /** The DisconnectMode, as sent. */
  disconnectMode?: string;
  /** The Protected value, as sent. */
  protected?: string;
}

/** A disconnect order. */
export interface DisconnectRecord {
  /** The disconnect order id the emulator assigned. */
  id: string;
  /** The account the disconnect was placed on. */
  accountId: string;
  /** The user (or OAuth client) that placed it. */
  createdByUser: string;
  /** The disconnect's Name. */
  name: string;
  /** The CustomerOrderId the client sent. */
  customerOrderId?: string;
  /** The numbers asked to be disconnected. */
  numbers: string[];
  /** The DisconnectMode in force (`normal` unless sent). */
  disconnectMode: string;
  /** The Protected value sent, if any. */
  protected?: string;
  /** When the disconnect was received (ISO 8601). */
  orderCreateDate: string;
  /** When it last changed (ISO 8601). */
  lastModifiedDate: string;
  /** The disconnect's status, as GET disconnects/{id} reports it. */
  status: DisconnectStatus;
  /** The numbers actually disconnected. */
  disconnected: string[];
  /** The error codes reported with the disconnect. */
  errors: ErrorDetail[];
  /** Epoch ms at which a RECEIVED disconnect is processed. */
  dueAtMs?: number;
}

/** The status the emulator reports for a move order (`ProcessingStatus`); RECEIVED moves on after the order delay. */
export type MoveStatus = "RECEIVED" | "COMPLETE" | "PARTIAL" | "FAILED";

/** What the wire layer extracts from a `<MoveTnsOrder>` body; all values are raw strings. */
export interface MoveRequest {
  /** The CustomerOrderId, as sent. */
  customerOrderId?: string;
  /** SourceAccountId, as sent (only the account itself is accepted: the emulator knows no account family). */
  sourceAccountId?: string;
  /** E911ServiceAction, as sent. */
  e911ServiceAction?: string;
  /** The destination site, as sent. */
  siteId?: string;
  /** The destination SIP peer, as sent (the site's default location when absent). */
  sipPeerId?: string;
  /** The numbers to move, as sent. */
  numbers: string[];
}

/** A move order (`POST /accounts/{a}/moveTns`) and what Bandwidth reports about it. */
export interface MoveRecord {
  /** The order id the emulator assigned (a UUID). */
  id: string;
  /** The account the order was placed on. */
  accountId: string;
  /** The user (or OAuth client) that placed it. */
  createdByUser: string;
  /** The CustomerOrderId the client sent. */
  customerOrderId?: string;
  /** SourceAccountId as sent, echoed. */
  sourceAccountId?: string;
  /** The destination site. */
  siteId: string;
  /** The destination location (the site's default when none was sent). */
  sipPeerId: string;
  /** The numbers asked to be moved. */
  numbers: string[];
  /** The numbers moved, once processed. */
  moved: string[];
  /** When the order was received (ISO 8601). */
  orderCreateDate: string;
  /** When it last changed (ISO 8601). */
  lastModifiedDate: string;
  /** The order's ProcessingStatus. */
  status: MoveStatus;
  /** Per-number errors reported once processed. */
  errors: ErrorDetail[];
  /** Epoch ms at which a RECEIVED move is processed. */
  dueAtMs?: number;
}

/** The ways to choose numbers, shared by searches and orders; the emulator matches them against its inventory. */
export interface SearchCriteria {
  /** Area code (NPA). */
  areaCode?: string;
  /** NPA-NXX (6 digits). */
  npaNxx?: string;
  /** NPA-NXX-X (7 digits). */
  npaNxxx?: string;
  /** Rate center (with `state`). */
  rateCenter?: string;
  /** Two-letter state. */
  state?: string;
  /** City (with `state`). */
  city?: string;
  /** ZIP code. */
  zip?: string;
  /** LATA. */
  lata?: string;
  /** Letters or digits a local number must contain. */
  localVanity?: string;
  /** With `localVanity`: `true` when the number must end in it. */
  endsIn?: string;
  /** Letters or digits a toll-free number must spell. */
  tollFreeVanity?: string;
  /** Toll-free pattern such as `8**`. */
  tollFreeWildCardPattern?: string;
}

/** Timing knobs of the asynchronous state machine. */
export interface ModelDelays {
  /** How long an order stays RECEIVED before the emulator processes it. */
  orderDelayMs: number;
  /** How long a disconnect stays RECEIVED before the emulator processes it. */
  disconnectDelayMs: number;
  /** Time from disconnect to the number being back in the pool (half Disconnected, half Aging). */
  agingMs?: number;
}

const MAX_QUANTITY = 5000;
const NANP_TN = /^[2-9]\d{2}[2-9]\d{6}$/;

/** The filters of Bandwidth's orders and disconnects lists (statuses upper-case; dates yyyy-mm-dd, inclusive). */
export interface ListFilter {
  /** Only entries with this CustomerOrderId. */
  customerOrderId?: string;
  /** Only entries in one of these statuses. */
  status?: string[];
  /** Only entries created on or after this date. */
  startDate?: string;
  /** Only entries created on or before this date. */
  endDate?: string;
  /** Only entries that include this number. */
  tn?: string;
}

function listed(
  f: ListFilter,
  customerOrderId: string | undefined,
  status: string,
  created: string,
  numbers: readonly string[],
): boolean {
  const day = created.slice(0, 10);
  return (
    (f.customerOrderId === undefined || customerOrderId === f.customerOrderId) &&
    (f.status === undefined || f.status.includes(status)) &&
    (f.startDate === undefined || day >= f.startDate) &&
    (f.endDate === undefined || day <= f.endDate) &&
    (f.tn === undefined || numbers.includes(f.tn.replace(/^\+?1(?=\d{10}$)/, "")))
  );
}

const SEARCH_FORMATS: Array<[keyof SearchCriteria, RegExp, string, string]> = [
  ["areaCode", /^[2-9]\d{2}$/, "area code must be 3 digits, the first 2-9", CODES.searchAreaCode],
  ["npaNxx", /^[2-9]\d{2}[2-9]\d{2}$/, "npaNxx must be 6 digits (NPA and NXX, each starting 2-9)", CODES.searchNpaNxx],
  ["npaNxxx", /^[2-9]\d{2}[2-9]\d{3}$/, "npaNxxx must be 7 digits (NPA, NXX and one more digit)", CODES.searchNpaNxx],
  ["state", /^[A-Za-z]{2}$/, "state must be a two-letter abbreviation", CODES.searchState],
  ["zip", /^\d{5}(-\d{4})?$/, "zip must be NNNNN or NNNNN-NNNN", CODES.searchZip],
  ["lata", /^\d{1,5}$/, "lata must be at most 5 digits", CODES.searchLata],
  ["localVanity", /^[A-Za-z0-9]{4,7}$/, "localVanity must be 4 to 7 alphanumeric characters", CODES.searchInvalid],
  [
    "tollFreeVanity",
    /^[A-Za-z0-9]{4,7}$/,
    "tollFreeVanity must be 4 to 7 alphanumeric characters",
    CODES.searchTollFreeVanity,
  ],
  [
    "tollFreeWildCardPattern",
    /^8(\*\*|\d\*|\d\d)$/,
    "tollFreeWildCardPattern must look like 8**, 80* or 877",
    CODES.searchTollFreeWildCard,
  ],
  ["endsIn", /^(true|false)$/i, "endsIn must be true or false", CODES.searchInvalid],
];
const LOCAL_KEYS: Array<keyof SearchCriteria> = [
  "areaCode",
  "npaNxx",
  "npaNxxx",
  "rateCenter",
  "city",
  "zip",
  "lata",
  "localVanity",
];
const TOLL_FREE_KEYS: Array<keyof SearchCriteria> = ["tollFreeVanity", "tollFreeWildCardPattern"];

interface OrderTypeRule {
  /** Each inner list is one required field, with its accepted spellings. */
  required: string[][];
  /** Whether BackOrderRequested is acceptable (false → 5522). */
  backorderAllowed: (criteria: SearchCriteria) => boolean;
  specific?: boolean;
}

const always = () => true;
const never = () => false;

/** The order types of the Numbers API; adding one is one line here. */
export const ORDER_TYPES: Readonly<Record<string, OrderTypeRule>> = {
  ExistingTelephoneNumberOrderType: { required: [["TelephoneNumberList"]], backorderAllowed: never, specific: true },
  AreaCodeSearchAndOrderType: { required: [["AreaCode"]], backorderAllowed: always },
  NPANXXSearchAndOrderType: { required: [["NpaNxx"]], backorderAllowed: never },
  RateCenterSearchAndOrderType: { required: [["RateCenter"], ["State"]], backorderAllowed: always },
  ZIPSearchAndOrderType: { required: [["Zip"]], backorderAllowed: always },
  StateSearchAndOrderType: { required: [["State"]], backorderAllowed: always },
  CitySearchAndOrderType: { required: [["City"], ["State"]], backorderAllowed: always },
  LATASearchAndOrderType: { required: [["Lata", "LATA"]], backorderAllowed: always },
  TollFreeVanitySearchAndOrderType: { required: [["TollFreeVanity"]], backorderAllowed: never },
  TollFreeWildCharSearchAndOrderType: { required: [["TollFreeWildCardPattern"]], backorderAllowed: always },
  CombinedSearchAndOrderType: {
    required: [],
    backorderAllowed: (c) => !c.npaNxx && !c.npaNxxx && !c.localVanity,
  },
};

/** Order-type child element → search criterion (both LATA spellings are accepted). */
const CRITERIA_ELEMENTS: Readonly<Record<string, keyof SearchCriteria>> = {
  AreaCode: "areaCode",
  NpaNxx: "npaNxx",
  NpaNxxX: "npaNxxx",
  NpaNxxx: "npaNxxx",
  RateCenter: "rateCenter",
  State: "state",
  City: "city",
  Zip: "zip",
  Lata: "lata",
  LATA: "lata",
  LocalVanity: "localVanity",
  EndsIn: "endsIn",
  TollFreeVanity: "tollFreeVanity",
  TollFreeWildCardPattern: "tollFreeWildCardPattern",
};

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function parseBoolean(value: string | undefined, field: string, fallback: boolean, errors: ErrorDetail[]): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  errors.push({ code: CODES.badBoolean, description: `${field} must be true or false` });
  return fallback;
}

function parseQuantity(value: string | undefined, errors: ErrorDetail[]): number {
  if (value === undefined || value === "") return MAX_QUANTITY;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_QUANTITY) {
    errors.push({ code: CODES.quantity, description: `Quantity must be between 1 and ${MAX_QUANTITY}` });
    return MAX_QUANTITY;
  }
  return n;
}

/** Checks criterion formats and combinations; returns Bandwidth-style errors (without criteria: 4010 if required). */
export function validateCriteria(c: SearchCriteria, criteriaRequired = true): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  for (const [key, format, message, code] of SEARCH_FORMATS) {
    const value = c[key];
    if (value !== undefined && !format.test(value)) errors.push({ code, description: `Invalid ${key}: ${message}` });
  }
  if (c.rateCenter !== undefined && !c.state) {
    errors.push({ code: CODES.searchRateCenter, description: "rateCenter requires state" });
  }
  if (c.city !== undefined && !c.state) errors.push({ code: CODES.searchCity, description: "city requires state" });
  const code = CODES.searchInvalid;
  if (c.endsIn !== undefined && !c.localVanity) errors.push({ code, description: "endsIn requires localVanity" });
  const local = LOCAL_KEYS.some((k) => c[k] !== undefined) || c.state !== undefined;
  const tollFree = TOLL_FREE_KEYS.some((k) => c[k] !== undefined);
  if (local && tollFree) errors.push({ code, description: "Toll-free and local criteria cannot be combined" });
  if (!local && !tollFree && criteriaRequired) {
    errors.push({ code, description: "At least one search criterion is required" });
  }
  return errors;
}

/** Whether an inventory number satisfies every given criterion. */
export function matchesCriteria(n: InventoryNumber, c: SearchCriteria): boolean {
  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  const wantsTollFree = c.tollFreeVanity !== undefined || c.tollFreeWildCardPattern !== undefined;
  if (n.tollFree !== wantsTollFree) return false;
  if (c.areaCode && n.npa !== c.areaCode) return false;
  if (c.npaNxx && !n.fullNumber.startsWith(c.npaNxx)) return false;
  if (c.npaNxxx && !n.fullNumber.startsWith(c.npaNxxx)) return false;
  if (c.rateCenter && !same(n.rateCenter, c.rateCenter)) return false;
  if (c.state && !same(n.state, c.state)) return false;
  if (c.city && !same(n.city, c.city)) return false;
  if (c.zip && !(c.zip.includes("-") ? n.zip === c.zip : n.zip.slice(0, 5) === c.zip)) return false;
  if (c.lata && n.lata !== c.lata) return false;
  const last7 = n.fullNumber.slice(3);
  if (c.localVanity) {
    const digits = vanityToDigits(c.localVanity);
    if (/^true$/i.test(c.endsIn ?? "") ? !last7.endsWith(digits) : !last7.includes(digits)) return false;
  }
  if (c.tollFreeVanity && !last7.includes(vanityToDigits(c.tollFreeVanity))) return false;
  if (c.tollFreeWildCardPattern) {
    const pattern = new RegExp(`^${c.tollFreeWildCardPattern.replace(/\*/g, "\\d")}`);
    if (!pattern.test(n.npa)) return false;
  }
  return true;
}

/** The query of `GET availableNumbers` once validated. */
export interface SearchQuery {
  /** The criteria numbers must match. */
  criteria: SearchCriteria;
  /** How many numbers to return at most. */
  quantity: number;
  /** Whether each number comes with its city, rate center, state and LATA. */
  enableTNDetail: boolean;
  /** The sort order asked for, if any. */
  orderBy?: string;
  /** Whether protected numbers are left out (NONE), the only ones (ONLY) or mixed in (MIXED). */
  protectedFilter: "NONE" | "ONLY" | "MIXED";
}

const SEARCH_PARAMS: Readonly<Record<string, keyof SearchCriteria>> = {
  areaCode: "areaCode",
  npaNxx: "npaNxx",
  npaNxxx: "npaNxxx",
  rateCenter: "rateCenter",
  state: "state",
  city: "city",
  zip: "zip",
  lata: "lata",
  localVanity: "localVanity",
  endsIn: "endsIn",
  tollFreeVanity: "tollFreeVanity",
  tollFreeWildCardPattern: "tollFreeWildCardPattern",
};

/** Validates an availableNumbers query (raw strings) and returns it typed, or throws ValidationError. */
export function parseSearchQuery(query: Readonly<Record<string, string>>): SearchQuery {
  const criteria: SearchCriteria = {};
  for (const [param, key] of Object.entries(SEARCH_PARAMS)) {
    if (query[param] !== undefined) criteria[key] = query[param];
  }
  const errors = validateCriteria(criteria);
  let quantity = MAX_QUANTITY;
  if (query.quantity !== undefined) {
    const n = Number(query.quantity);
    if (!/^\d+$/.test(query.quantity) || n < 1 || n > MAX_QUANTITY) {
      errors.push({ code: CODES.searchInvalid, description: `quantity must be between 1 and ${MAX_QUANTITY}` });
    } else quantity = n;
  }
  const flags: ErrorDetail[] = [];
  const enableTNDetail = parseBoolean(query.enableTNDetail, "enableTNDetail", false, flags);
  parseBoolean(query.LCA, "LCA", true, flags);
  errors.push(...flags.map((e) => ({ ...e, code: CODES.searchInvalid })));
  const orderBy = query.orderBy;
  if (orderBy !== undefined && !["fullNumber", "npaNxxx", "npaNxx", "areaCode"].includes(orderBy)) {
    errors.push({ code: CODES.searchInvalid, description: "orderBy must be fullNumber, npaNxxx, npaNxx or areaCode" });
  }
  const protectedFilter = (query.protected ?? "MIXED").toUpperCase();
  if (!["NONE", "ONLY", "MIXED"].includes(protectedFilter)) {
    errors.push({ code: CODES.searchInvalid, description: "protected must be NONE, ONLY or MIXED" });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    criteria,
    quantity,
    enableTNDetail,
    orderBy,
    protectedFilter: protectedFilter as SearchQuery["protectedFilter"],
  };
}

/** What the Numbers API model asks of the other APIs' models. */
export interface NumbersHooks {
  /** Whether a site (and a location under it) exists on the account: the provisioning model knows. */
  hasSite(accountId: string, siteId: string, peerId?: string): SiteKnown;
  /** A number left its account (disconnected): a Voice v1 import of it has nothing left to route. */
  numberReleased(tn: string): void;
  /** Where a move may go: whether the site exists, the site a location is under, and the site's default location. */
  locate(accountId: string, siteId: string, peerId?: string): MoveDestination;
}

/** What a move's destination names, as the provisioning model knows it. */
export interface MoveDestination {
  /** The site exists on the account. */
  site: boolean;
  /** The site the named location is under; undefined when no such location is on the account. */
  peerSiteId?: string;
  /** The site's default location, if it has one. */
  defaultPeerId?: string;
}

/** The Numbers API's part of a state file. */
export interface NumbersSnapshot {
  /** Every number the emulator has seen change, with its status. */
  tns: TnRecord[];
  /** Numbers added to the inventory through the admin API. */
  extraInventory: InventoryNumber[];
  /** Every number order. */
  orders: OrderRecord[];
  /** Every disconnect order. */
  disconnects: DisconnectRecord[];
  /** Every move order (absent in state files written before moves existed). */
  moves?: MoveRecord[];
}

/**
 * The Numbers API's state and rules: inventory, orders, disconnects and TN states, plus the timer-driven state
 * machine that moves RECEIVED work to its final status. Never touches HTTP or XML.
 */
export class NumbersModel {
  private inventory = new Map<string, InventoryNumber>();
  private extraInventory: InventoryNumber[] = [];
  private tns = new Map<string, TnRecord>();
  private orders = new Map<string, OrderRecord>();
  private disconnects = new Map<string, DisconnectRecord>();
  private moves = new Map<string, MoveRecord>();
  private pendingMoves = new Set<string>();
  private pendingOrders = new Set<string>();
  private pendingDisconnects = new Set<string>();
  private agingTns = new Set<string>();
  /** Numbers whose disconnect is refused for now (a fault: the number stays in service). */
  private readonly disconnectHolds = new Set<string>();
  /** Specific TNs claimed by RECEIVED orders: TN → order id. */
  private claimed = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private timerDueMs = Number.POSITIVE_INFINITY;
  private running = false;
  private delays: Required<ModelDelays>;
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly accounts: Accounts,
    delays: ModelDelays,
    private readonly hooks: NumbersHooks,
    private readonly now: () => number = Date.now,
  ) {
    this.delays = { agingMs: delays.agingMs ?? delays.disconnectDelayMs * 2, ...delays } as Required<ModelDelays>;
    this.seedInventory();
  }

  // ---- timing -----------------------------------------------------------------------------------------------

  /** Changes processing delays; work already RECEIVED keeps its due time. */
  setDelays(d: Partial<ModelDelays>): void {
    if (d.orderDelayMs !== undefined) this.delays.orderDelayMs = d.orderDelayMs;
    if (d.disconnectDelayMs !== undefined) this.delays.disconnectDelayMs = d.disconnectDelayMs;
    if (d.agingMs !== undefined) this.delays.agingMs = d.agingMs;
  }

  /** The processing delays in force, defaults filled in. */
  getDelays(): Required<ModelDelays> {
    return { ...this.delays };
  }

  /** Starts the state-machine timer (processes anything already due). */
  start(): void {
    this.running = true;
    this.reschedule();
  }

  /** Stops the timer; pending work stays pending (and keeps its due time in a snapshot). */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueMs = Number.POSITIVE_INFINITY;
  }

  private nextDueMs(): number {
    let due = Number.POSITIVE_INFINITY;
    for (const id of this.pendingOrders) due = Math.min(due, this.orders.get(id)?.dueAtMs ?? due);
    for (const id of this.pendingDisconnects) due = Math.min(due, this.disconnects.get(id)?.dueAtMs ?? due);
    for (const id of this.pendingMoves) due = Math.min(due, this.moves.get(id)?.dueAtMs ?? due);
    for (const tn of this.agingTns) due = Math.min(due, this.tns.get(tn)?.statusUntilMs ?? due);
    return due;
  }

  private reschedule(): void {
    if (!this.running) return;
    const due = this.nextDueMs();
    if (due === Number.POSITIVE_INFINITY || due >= this.timerDueMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDueMs = due;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerDueMs = Number.POSITIVE_INFINITY;
        this.runDue();
      },
      Math.max(0, due - this.now()),
    );
    this.timer.unref();
  }

  /** Processes every order, disconnect and TN transition that is due now. */
  runDue(): void {
    const now = this.now();
    let changed = false;
    const dueOrders = [...this.pendingOrders]
      .map((id) => this.orders.get(id)!)
      .filter((o) => (o.dueAtMs ?? 0) <= now)
      .sort((a, b) => (a.dueAtMs ?? 0) - (b.dueAtMs ?? 0));
    for (const order of dueOrders) {
      this.processOrder(order);
      changed = true;
    }
    for (const id of [...this.pendingDisconnects]) {
      const d = this.disconnects.get(id)!;
      if ((d.dueAtMs ?? 0) <= now) {
        this.processDisconnect(d);
        changed = true;
      }
    }
    for (const id of [...this.pendingMoves]) {
      const m = this.moves.get(id)!;
      if ((m.dueAtMs ?? 0) <= now) {
        this.processMove(m);
        changed = true;
      }
    }
    let released = false;
    for (const tn of [...this.agingTns]) {
      const rec = this.tns.get(tn)!;
      if ((rec.statusUntilMs ?? 0) > now) continue;
      changed = true;
      if (rec.status === "Disconnected") {
        rec.status = "Aging";
        rec.statusUntilMs = now + Math.ceil(this.delays.agingMs / 2);
      } else {
        rec.status = "Available";
        rec.accountId = rec.siteId = rec.peerId = undefined;
        rec.statusUntilMs = undefined;
        this.agingTns.delete(tn);
        released = true;
      }
      rec.lastModifiedDate = iso(now);
    }
    if (released) this.fillBackorders();
    if (changed) this.changed();
    else this.reschedule();
  }

  private changed(): void {
    this.reschedule();
    this.onChange?.();
  }

  // ---- inventory and search ---------------------------------------------------------------------------------

  private seedInventory(): void {
    this.inventory = new Map();
    this.tns = new Map();
    const start = iso(this.now());
    for (const n of generateInventory()) {
      this.inventory.set(n.fullNumber, n);
      this.tns.set(n.fullNumber, { fullNumber: n.fullNumber, status: "Available", lastModifiedDate: start });
    }
  }

  private available(): InventoryNumber[] {
    const result: InventoryNumber[] = [];
    for (const n of this.inventory.values()) if (this.tns.get(n.fullNumber)?.status === "Available") result.push(n);
    return result;
  }

  /** Available numbers matching a validated query, at most `quantity`. */
  search(query: SearchQuery): InventoryNumber[] {
    if (query.protectedFilter === "ONLY") return [];
    const found = this.available().filter((n) => matchesCriteria(n, query.criteria));
    const sortKey: Record<string, (n: InventoryNumber) => string> = {
      fullNumber: (n) => n.fullNumber,
      npaNxxx: (n) => n.fullNumber.slice(0, 7),
      npaNxx: (n) => n.fullNumber.slice(0, 6),
      areaCode: (n) => n.npa,
    };
    const key = query.orderBy ? sortKey[query.orderBy] : undefined;
    if (key) found.sort((a, b) => key(a).localeCompare(key(b)));
    return found.slice(0, query.quantity);
  }

  /** Inventory facts of one number (city, state, LATA...), if the emulator knows it. */
  inventoryNumber(tn: string): InventoryNumber | undefined {
    return this.inventory.get(tn);
  }

  /**
   * Adds `quantity` new available numbers in an area code (geography taken from the known area, if any)
   * and lets backorders fill. Returns the new numbers.
   */
  restock(areaCode: string, quantity: number): string[] {
    const area = LOCAL_AREAS.find((a) => a.npa === areaCode);
    const tollFree = ["800", "833", "844", "855", "866", "877", "888"].includes(areaCode);
    const nxx = area?.nxxs[0] ?? "555";
    const added: string[] = [];
    for (let line = 0; line < 10000 && added.length < quantity; line++) {
      const tn = `${areaCode}${nxx}${String(line).padStart(4, "0")}`;
      if (this.inventory.has(tn)) continue;
      this.addInventory({
        fullNumber: tn,
        npa: areaCode,
        nxx,
        rateCenter: tollFree ? "TOLLFREE" : (area?.rateCenter ?? "RESTOCK"),
        city: area?.city ?? "",
        state: area?.state ?? "",
        lata: area?.lata ?? "",
        zip: area?.zips[0] ?? "",
        tollFree,
      });
      added.push(tn);
    }
    this.fillBackorders();
    this.changed();
    return added;
  }

  /** Makes specific numbers available (new ones join the inventory); backorders may fill. */
  restockNumbers(numbers: string[]): string[] {
    const added: string[] = [];
    for (const tn of numbers) {
      if (!NANP_TN.test(tn)) throw new ValidationError([{ code: CODES.tnNotValid, description: `${tn} is not valid` }]);
      const rec = this.tns.get(tn);
      if (rec) {
        if (rec.status === "Inservice") continue;
        rec.status = "Available";
        rec.accountId = rec.siteId = rec.peerId = rec.statusUntilMs = undefined;
        this.agingTns.delete(tn);
      } else {
        const area = LOCAL_AREAS.find((a) => a.npa === tn.slice(0, 3));
        this.addInventory({
          fullNumber: tn,
          npa: tn.slice(0, 3),
          nxx: tn.slice(3, 6),
          rateCenter: area?.rateCenter ?? "RESTOCK",
          city: area?.city ?? "",
          state: area?.state ?? "",
          lata: area?.lata ?? "",
          zip: area?.zips[0] ?? "",
          tollFree: tn.startsWith("8") && ["800", "833", "844", "855", "866", "877", "888"].includes(tn.slice(0, 3)),
        });
      }
      added.push(tn);
    }
    this.fillBackorders();
    this.changed();
    return added;
  }

  private addInventory(n: InventoryNumber): void {
    this.inventory.set(n.fullNumber, n);
    this.extraInventory.push(n);
    this.tns.set(n.fullNumber, { fullNumber: n.fullNumber, status: "Available", lastModifiedDate: iso(this.now()) });
  }

  // ---- orders ------------------------------------------------------------------------------------------------

  private requireSite(account: Required<AccountSeed>, siteId: string | undefined, peerId: string | undefined) {
    const errors: ErrorDetail[] = [];
    if (!siteId) {
      errors.push({ code: CODES.siteRequired, description: "SiteId is required" });
      return errors;
    }
    const known = this.hooks.hasSite(account.accountId, siteId, peerId || undefined);
    if (!known.site)
      errors.push({ code: CODES.invalidSite, description: `SiteId ${siteId} is not valid for this account` });
    else if (peerId && !known.peer) {
      errors.push({ code: CODES.invalidPeer, description: `SIP peer ${peerId} does not exist under site ${siteId}` });
    }
    return errors;
  }

  private checkNameAndCustomerOrderId(name?: string, customerOrderId?: string): ErrorDetail[] {
    const errors: ErrorDetail[] = [];
    if (name !== undefined && name.length > 50) {
      errors.push({ code: CODES.nameTooLong, description: "Name must be at most 50 characters" });
    }
    if (customerOrderId !== undefined && (customerOrderId.length > 40 || !/^[A-Za-z0-9 -]*$/.test(customerOrderId))) {
      errors.push({
        code: CODES.customerOrderId,
        description: "CustomerOrderId must be at most 40 letters, digits, dashes or spaces",
      });
    }
    return errors;
  }

  /**
   * Validates and records a new order (RECEIVED); it is processed `orderDelayMs` later.
   * Throws ValidationError with every rule it breaks. Name is optional: the seed guide's own example omits it.
   */
  placeOrder(accountId: string, request: OrderRequest): OrderRecord {
    const account = this.mustAccount(accountId);
    const errors: ErrorDetail[] = [];
    if (request.orderTypes.length === 0) {
      errors.push({ code: CODES.required, description: "An order type (e.g. AreaCodeSearchAndOrderType) is required" });
    } else if (request.orderTypes.length > 1) {
      errors.push({ code: CODES.oneOrderType, description: "Exactly one order type is allowed per order" });
    }
    errors.push(...this.requireSite(account, request.siteId, request.peerId));
    errors.push(...this.checkNameAndCustomerOrderId(request.name, request.customerOrderId));
    const partialAllowed = parseBoolean(request.partialAllowed, "PartialAllowed", true, errors);
    const backOrderRequested = parseBoolean(request.backOrderRequested, "BackOrderRequested", false, errors);
    const orderType = request.orderTypes[0];
    const rule = orderType ? ORDER_TYPES[orderType.element] : undefined;
    if (orderType && !rule) {
      errors.push({ code: CODES.oneOrderType, description: `${orderType.element} is not a supported order type` });
    }
    const criteria: SearchCriteria = {};
    let quantity = MAX_QUANTITY;
    let specificNumbers: string[] | undefined;
    if (orderType && rule) {
      const fields = new Map(orderType.fields);
      for (const alternatives of rule.required) {
        if (!alternatives.some((f) => fields.get(f) !== undefined && fields.get(f) !== "")) {
          errors.push({ code: CODES.required, description: `${alternatives[0]} is required` });
        }
      }
      for (const [field, value] of orderType.fields) {
        const key = CRITERIA_ELEMENTS[field];
        if (key && typeof value === "string") criteria[key] = value;
      }
      if (rule.specific) {
        const list = fields.get("TelephoneNumberList");
        specificNumbers = Array.isArray(list) ? list : list ? [list] : [];
        if (specificNumbers.length === 0 && !errors.some((e) => e.code === CODES.required)) {
          errors.push({ code: CODES.required, description: "TelephoneNumber is required" });
        }
        for (const tn of specificNumbers) {
          if (!/^\d{10}$/.test(tn)) {
            errors.push({ code: CODES.tnNotValid, description: `Telephone number ${tn} is not valid` });
          }
        }
        quantity = specificNumbers.length;
      } else {
        const q = fields.get("Quantity");
        quantity = parseQuantity(typeof q === "string" ? q : undefined, errors);
        errors.push(...validateCriteria(criteria, rule.required.length === 0));
      }
      // Bandwidth's order reference: a local vanity order needs AreaCode beside LocalVanity (a search does not).
      if (criteria.localVanity && !criteria.areaCode) {
        errors.push({ code: CODES.required, description: "AreaCode is required with LocalVanity" });
      }
      if (backOrderRequested && !rule.backorderAllowed(criteria)) {
        errors.push({
          code: CODES.backorderNotAllowed,
          description: "Backorder is not allowed for specific-number, NPA-NXX(X) or vanity orders",
        });
      }
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.now();
    const id = randomUUID();
    const conflicts = (specificNumbers ?? []).filter((tn) => this.claimed.has(tn));
    for (const tn of specificNumbers ?? []) if (!this.claimed.has(tn)) this.claimed.set(tn, id);
    const order: OrderRecord = {
      id,
      accountId,
      createdByUser: account.username,
      name: request.name,
      customerOrderId: request.customerOrderId,
      siteId: request.siteId!,
      peerId: request.peerId,
      partialAllowed,
      backOrderRequested,
      tnAttributes: request.tnAttributes,
      orderType: orderType!,
      criteria,
      specificNumbers,
      quantity,
      orderCreateDate: iso(now),
      lastModifiedDate: iso(now),
      status: "RECEIVED",
      completedNumbers: [],
      failedNumbers: [],
      errors: [],
      dueAtMs: now + this.delays.orderDelayMs,
      conflicts,
    };
    this.orders.set(id, order);
    this.pendingOrders.add(id);
    this.changed();
    return order;
  }

  private assign(order: OrderRecord, numbers: string[]): void {
    const now = iso(this.now());
    for (const tn of numbers) {
      const rec = this.tns.get(tn)!;
      Object.assign(rec, {
        status: "Inservice",
        accountId: order.accountId,
        siteId: order.siteId,
        peerId: order.peerId,
        orderId: order.id,
        orderType: "NEW_NUMBER_ORDER",
        orderCreateDate: order.orderCreateDate,
        lastModifiedDate: now,
        statusUntilMs: undefined,
      });
      this.agingTns.delete(tn);
      order.completedNumbers.push(tn);
    }
  }

  private finish(order: OrderRecord, status: OrderStatus): void {
    const now = iso(this.now());
    order.status = status;
    order.lastModifiedDate = now;
    if (status !== "BACKORDERED") order.orderCompleteDate = now;
    const count = order.completedNumbers.length;
    const npas = [...new Set(order.completedNumbers.map((tn) => tn.slice(0, 3)))].map((n) => `(${n})`).join(", ");
    order.summary = count === 0 ? "0 numbers ordered" : `${count} number${count === 1 ? "" : "s"} ordered in ${npas}`;
  }

  private processOrder(order: OrderRecord): void {
    this.pendingOrders.delete(order.id);
    order.dueAtMs = undefined;
    for (const [tn, id] of this.claimed) if (id === order.id) this.claimed.delete(tn);
    if (order.specificNumbers) this.processSpecificOrder(order, order.specificNumbers);
    else this.processSearchOrder(order);
  }

  /**
   * Whether an order of `accountId` may take this specific number: one in the pool, or one this account disconnected
   * that is still in its holding period ("it will remain available for you to reconnect to for a short period").
   */
  private orderable(tn: string, accountId: string): boolean {
    const rec = this.tns.get(tn);
    if (rec?.status === "Available") return true;
    return (rec?.status === "Disconnected" || rec?.status === "Aging") && rec.accountId === accountId;
  }

  private processSpecificOrder(order: OrderRecord, numbers: string[]): void {
    const ok: string[] = [];
    const errors: ErrorDetail[] = [];
    for (const tn of numbers) {
      if (!NANP_TN.test(tn)) {
        errors.push({ code: CODES.invalidTn, description: `Telephone number ${tn} is invalid`, telephoneNumber: tn });
      } else if (order.conflicts.includes(tn)) {
        errors.push({
          code: CODES.alreadyOnOrder,
          description: `Telephone number ${tn} is already on another order`,
          telephoneNumber: tn,
        });
      } else if (!this.orderable(tn, order.accountId) || ok.includes(tn)) {
        errors.push({
          code: CODES.numberUnavailable,
          description: `Telephone number ${tn} is not available`,
          telephoneNumber: tn,
        });
      } else ok.push(tn);
    }
    order.errors = errors;
    if (errors.length === 0) {
      this.assign(order, ok);
      this.finish(order, "COMPLETE");
    } else if (order.partialAllowed && ok.length > 0) {
      this.assign(order, ok);
      order.failedNumbers = errors.map((e) => e.telephoneNumber!);
      this.finish(order, "PARTIAL");
    } else {
      // PartialAllowed=false: any error fails every number of the order
      order.failedNumbers = [...numbers];
      this.finish(order, "FAILED");
    }
  }

  private shortageError(order: OrderRecord, found: number): ErrorDetail {
    const wanted = order.quantity - order.completedNumbers.length;
    return {
      code: found > 0 ? CODES.partialShortage : CODES.noNumbers,
      description: `Only ${found} of the ${wanted} requested numbers are available for ${order.orderType.element}`,
    };
  }

  private processSearchOrder(order: OrderRecord): void {
    const found = this.search({
      criteria: order.criteria,
      quantity: order.quantity,
      enableTNDetail: false,
      protectedFilter: "MIXED",
    }).map((n) => n.fullNumber);
    if (found.length >= order.quantity) {
      this.assign(order, found);
      this.finish(order, "COMPLETE");
      return;
    }
    // the shortage table of bandwidth-api.md, keyed by (BackOrderRequested, PartialAllowed)
    if (order.backOrderRequested) {
      if (order.partialAllowed) this.assign(order, found);
      this.finish(order, "BACKORDERED");
    } else if (order.partialAllowed && found.length > 0) {
      order.errors = [this.shortageError(order, found.length)];
      this.assign(order, found);
      this.finish(order, "PARTIAL");
    } else {
      order.errors = [this.shortageError(order, found.length)];
      this.finish(order, "FAILED");
    }
  }

  /** Tries every BACKORDERED order, oldest first, against the current pool. */
  private fillBackorders(): void {
    const backorders = [...this.orders.values()]
      .filter((o) => o.status === "BACKORDERED")
      .sort((a, b) => a.orderCreateDate.localeCompare(b.orderCreateDate));
    for (const order of backorders) {
      const missing = order.quantity - order.completedNumbers.length;
      const found = this.search({
        criteria: order.criteria,
        quantity: missing,
        enableTNDetail: false,
        protectedFilter: "MIXED",
      }).map((n) => n.fullNumber);
      if (found.length === 0 || (!order.partialAllowed && found.length < missing)) continue;
      this.assign(order, found);
      this.finish(order, found.length >= missing ? "COMPLETE" : "BACKORDERED");
    }
  }

  /** An order of this account, or NotFoundError. */
  getOrder(accountId: string, orderId: string): OrderRecord {
    const order = this.orders.get(orderId);
    if (!order || order.accountId !== accountId) throw new NotFoundError(`Order ${orderId} not found`);
    return order;
  }

  /** Orders of an account, oldest first, filtered like `GET /orders`. */
  listOrders(accountId: string, filter: ListFilter = {}): OrderRecord[] {
    return [...this.orders.values()].filter(
      (o) =>
        o.accountId === accountId && listed(filter, o.customerOrderId, o.status, o.orderCreateDate, o.completedNumbers),
    );
  }

  /**
   * `PUT /orders/{id}`: renames (Name, CustomerOrderId) and, with CloseOrder=true, closes a BACKORDERED order:
   * it ends PARTIAL when some numbers were assigned, FAILED otherwise. Closing any other order → 5060.
   */
  updateOrder(
    accountId: string,
    orderId: string,
    update: { name?: string; customerOrderId?: string; closeOrder?: string },
  ): OrderRecord {
    const order = this.getOrder(accountId, orderId);
    const errors = this.checkNameAndCustomerOrderId(update.name, update.customerOrderId);
    const close = parseBoolean(update.closeOrder, "CloseOrder", false, errors);
    if (close && order.status !== "BACKORDERED") {
      errors.push({ code: CODES.closeNotBackordered, description: "Only a backordered order can be closed" });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    if (update.name !== undefined) order.name = update.name;
    if (update.customerOrderId !== undefined) order.customerOrderId = update.customerOrderId;
    order.lastModifiedDate = iso(this.now());
    if (close) {
      const missing = order.quantity - order.completedNumbers.length;
      order.errors = [
        {
          code: order.completedNumbers.length > 0 ? CODES.partialShortage : CODES.noNumbers,
          description: `Backorder closed with ${missing} numbers not assigned`,
        },
      ];
      this.finish(order, order.completedNumbers.length > 0 ? "PARTIAL" : "FAILED");
    }
    this.changed();
    return order;
  }

  // ---- disconnects -------------------------------------------------------------------------------------------

  /** Validates and records a disconnect (RECEIVED); processed `disconnectDelayMs` later. */
  placeDisconnect(accountId: string, request: DisconnectRequest): DisconnectRecord {
    const account = this.mustAccount(accountId);
    const errors: ErrorDetail[] = [];
    if (!request.name) errors.push({ code: CODES.required, description: "Name is required" });
    errors.push(...this.checkNameAndCustomerOrderId(request.name, request.customerOrderId));
    if (request.numbers.length === 0) errors.push({ code: CODES.required, description: "TelephoneNumber is required" });
    for (const tn of request.numbers) {
      if (!/^\d{10}$/.test(tn))
        errors.push({ code: CODES.tnNotValid, description: `Telephone number ${tn} is not valid` });
    }
    const mode = request.disconnectMode ?? "normal";
    // Bandwidth's disconnect reference: normal, soft-remove or purge.
    if (!/^(normal|soft-remove|purge)$/.test(mode)) {
      errors.push({ code: CODES.badDisconnectMode, description: `DisconnectMode ${mode} is not valid` });
    }
    if (request.protected !== undefined && !/^(TRUE|FALSE|UNCHANGED)$/i.test(request.protected)) {
      errors.push({ code: CODES.badProtected, description: "Protected must be TRUE, FALSE or UNCHANGED" });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.now();
    const d: DisconnectRecord = {
      id: randomUUID(),
      accountId,
      createdByUser: account.username,
      name: request.name!,
      customerOrderId: request.customerOrderId,
      numbers: request.numbers,
      disconnectMode: mode.toLowerCase(),
      protected: request.protected,
      orderCreateDate: iso(now),
      lastModifiedDate: iso(now),
      status: "RECEIVED",
      disconnected: [],
      errors: [],
      dueAtMs: now + this.delays.disconnectDelayMs,
    };
    this.disconnects.set(d.id, d);
    this.pendingDisconnects.add(d.id);
    this.changed();
    return d;
  }

  private processDisconnect(d: DisconnectRecord): void {
    this.pendingDisconnects.delete(d.id);
    d.dueAtMs = undefined;
    for (const tn of d.numbers) {
      const rec = this.tns.get(tn);
      if (this.disconnectHolds.has(tn)) {
        // Bandwidth's generic disconnect error: the number stays in service, the disconnect ends PARTIAL or FAILED.
        d.errors.push({
          code: CODES.disconnectError,
          description: "TelephoneNumber Disconnect Error",
          telephoneNumber: tn,
        });
      } else if (rec?.status === "Inservice" && rec.accountId === d.accountId) {
        this.releaseNumber(rec, d.id);
        d.disconnected.push(tn);
      } else {
        d.errors.push({
          code: CODES.notOnAccount,
          description: `Telephone number ${tn} could not be disconnected since it is not associated with your account`,
          telephoneNumber: tn,
        });
      }
    }
    d.status = d.errors.length === 0 ? "COMPLETE" : d.disconnected.length > 0 ? "PARTIAL" : "FAILED";
    d.lastModifiedDate = iso(this.now());
  }

  /**
   * Starts the Disconnected → Aging → Available life of a number.
   * A number still imported in v1 loses its import: on Bandwidth a disconnected number leaves the
   * Voice & Messaging account as well (the import has nothing left to route), so the emulator allows the
   * disconnect and drops the import rather than refusing.
   */
  private releaseNumber(rec: TnRecord, disconnectId: string | undefined): void {
    const now = this.now();
    rec.status = "Disconnected";
    rec.statusUntilMs = now + Math.ceil(this.delays.agingMs / 2);
    rec.lastModifiedDate = iso(now);
    if (disconnectId) {
      rec.orderId = disconnectId;
      rec.orderType = "DISCONNECT";
    }
    this.agingTns.add(rec.fullNumber);
    this.hooks.numberReleased(rec.fullNumber);
  }

  /** A disconnect of this account, or NotFoundError. */
  getDisconnect(accountId: string, id: string): DisconnectRecord {
    const d = this.disconnects.get(id);
    if (!d || d.accountId !== accountId) throw new NotFoundError(`Disconnect ${id} not found`);
    return d;
  }

  /** Disconnects of an account, oldest first. */
  listDisconnects(accountId: string, filter: ListFilter = {}): DisconnectRecord[] {
    return [...this.disconnects.values()].filter(
      (d) => d.accountId === accountId && listed(filter, d.customerOrderId, d.status, d.orderCreateDate, d.numbers),
    );
  }

  /** Refuses (or, with `held` false, allows again) every disconnect of a number, as Bandwidth may for a pending change. */
  holdDisconnects(tn: string, held = true): void {
    if (held) this.disconnectHolds.add(tn);
    else this.disconnectHolds.delete(tn);
  }

  /**
   * Disconnects a number as someone outside the stack would (another tool, an operator in Bandwidth's portal): as
   * every disconnect on Bandwidth, it is a disconnect order of the account, listed with the others, complete at once.
   */
  disconnectBehindTheBack(tn: string): void {
    const rec = this.tns.get(tn);
    if (rec?.status !== "Inservice" || rec.accountId === undefined) throw new NotFoundError(`${tn} is not in service`);
    const now = iso(this.now());
    const d: DisconnectRecord = {
      id: randomUUID(),
      accountId: rec.accountId,
      createdByUser: "operator",
      name: "disconnect by an operator",
      numbers: [tn],
      disconnectMode: "normal",
      orderCreateDate: now,
      lastModifiedDate: now,
      status: "COMPLETE",
      disconnected: [tn],
      errors: [],
    };
    this.disconnects.set(d.id, d);
    this.releaseNumber(rec, d.id);
    this.changed();
  }

  // ---- moves -------------------------------------------------------------------------------------------------

  /**
   * Validates and records a move order (RECEIVED); processed `orderDelayMs` later. The refusals and their codes are
   * Bandwidth's (api-docs `numbers.yml` CreateMoveTnsOrder's 400 example: 7309, 7312; errors.mdx: 7310, 7311, 7314,
   * 7316, 7318, 7325, 7360).
   */
  placeMove(accountId: string, request: MoveRequest): MoveRecord {
    const account = this.mustAccount(accountId);
    const errors: ErrorDetail[] = [];
    const siteId = request.siteId?.trim() ?? "";
    const where = /^\d+$/.test(siteId) ? this.hooks.locate(accountId, siteId, request.sipPeerId?.trim()) : undefined;
    if (!where?.site) {
      errors.push({ code: CODES.moveSite, description: "The site id was not supplied or is invalid." });
    }
    let sipPeerId = request.sipPeerId?.trim();
    if (sipPeerId !== undefined) {
      if (where !== undefined && where.peerSiteId === undefined) {
        errors.push({ code: CODES.movePeer, description: "The sippeer id is invalid." });
      } else if (where?.site && where.peerSiteId !== siteId) {
        errors.push({ code: CODES.movePeerOtherSite, description: "The sippeer id is invalid for this site." });
      }
    } else if (where?.site) {
      sipPeerId = where.defaultPeerId;
      if (sipPeerId === undefined) {
        errors.push({
          code: CODES.moveNoDefaultPeer,
          description: "The site id submitted does not have a default SIP peer associated to it.",
        });
      }
    }
    if (request.sourceAccountId !== undefined && request.sourceAccountId.trim() !== accountId) {
      errors.push({
        code: CODES.moveNotAuthorized,
        description: `Not authorized to perform operation on the account '${request.sourceAccountId}'`,
      });
    }
    if (request.customerOrderId !== undefined && !/^[A-Za-z0-9 -]{1,40}$/.test(request.customerOrderId)) {
      errors.push({
        code: CODES.moveCustomerOrderId,
        description:
          "Customer order ID is invalid. Only alphanumeric values, dashes and spaces are allowed. Max length is 40 characters.",
      });
    }
    if (request.numbers.length === 0) {
      errors.push({ code: CODES.moveNoNumbers, description: "At least one telephone number must be provided." });
    } else if (request.numbers.length > MAX_QUANTITY) {
      errors.push({
        code: CODES.moveTooMany,
        description: `The number of telephone numbers provided exceeds the maximum ${MAX_QUANTITY}`,
      });
    }
    if (new Set(request.numbers).size !== request.numbers.length) {
      errors.push({ code: CODES.moveDuplicates, description: "Telephone number list can't contain duplicates." });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.now();
    const move: MoveRecord = {
      id: randomUUID(),
      accountId,
      createdByUser: account.username,
      customerOrderId: request.customerOrderId,
      sourceAccountId: request.sourceAccountId?.trim(),
      siteId,
      sipPeerId: sipPeerId!,
      numbers: [...request.numbers],
      moved: [],
      orderCreateDate: iso(now),
      lastModifiedDate: iso(now),
      status: "RECEIVED",
      errors: [],
      dueAtMs: now + this.delays.orderDelayMs,
    };
    this.moves.set(move.id, move);
    this.pendingMoves.add(move.id);
    this.changed();
    return move;
  }

  /**
   * Moves each number in service on the account to the order's site and location; the move order becomes the
   * number's order in `GET /tns/{tn}` (undocumented: the stricter reading, so an owner must know its move orders).
   * A number already there counts as moved (undocumented: what a retried move needs).
   */
  private processMove(m: MoveRecord): void {
    this.pendingMoves.delete(m.id);
    m.dueAtMs = undefined;
    const now = iso(this.now());
    for (const tn of m.numbers) {
      const rec = this.tns.get(tn);
      if (rec?.status === "Inservice" && rec.accountId === m.accountId) {
        Object.assign(rec, {
          siteId: m.siteId,
          peerId: m.sipPeerId,
          orderId: m.id,
          orderType: "MOVE_TNS_ORDER",
          orderCreateDate: m.orderCreateDate,
          lastModifiedDate: now,
        });
        m.moved.push(tn);
      } else if (rec?.status === "Inservice") {
        m.errors.push({
          code: CODES.notThisAccount,
          description: "Number does not belong to this account.",
          telephoneNumber: tn,
        });
      } else {
        m.errors.push({ code: CODES.tnNotActive, description: "Telephone Number Not Active.", telephoneNumber: tn });
      }
    }
    m.status = m.errors.length === 0 ? "COMPLETE" : m.moved.length > 0 ? "PARTIAL" : "FAILED";
    m.lastModifiedDate = now;
  }

  /** A move order of this account, or NotFoundError. */
  getMove(accountId: string, id: string): MoveRecord {
    const m = this.moves.get(id);
    if (!m || m.accountId !== accountId) throw new NotFoundError(`Move order ${id} not found`);
    return m;
  }

  /** Move orders of an account, oldest first. */
  listMoves(accountId: string): MoveRecord[] {
    return [...this.moves.values()].filter((m) => m.accountId === accountId);
  }

  // ---- telephone numbers -------------------------------------------------------------------------------------

  /** The record of any known number (any account), or undefined. */
  tn(tn: string): TnRecord | undefined {
    return this.tns.get(tn);
  }

  /** Whether the number is in service on this account. */
  isInService(accountId: string, tn: string): boolean {
    const rec = this.tns.get(tn);
    return rec?.status === "Inservice" && rec.accountId === accountId;
  }

  /** Numbers in service on a location; numbers ordered without a PeerId are on their site's default location. */
  numbersOnPeer(accountId: string, siteId: string, peerId: string, isDefaultPeer: boolean): string[] {
    const result: string[] = [];
    for (const rec of this.tns.values()) {
      if (rec.status !== "Inservice" || rec.accountId !== accountId || rec.siteId !== siteId) continue;
      if (rec.peerId === peerId || (rec.peerId === undefined && isDefaultPeer)) result.push(rec.fullNumber);
    }
    return result.sort();
  }

  /** Numbers in service on an account, sorted. */
  numbersInService(accountId: string): string[] {
    const result: string[] = [];
    for (const rec of this.tns.values()) {
      if (rec.status === "Inservice" && rec.accountId === accountId) result.push(rec.fullNumber);
    }
    return result.sort();
  }

  /** The account, or NotFoundError. */
  mustAccount(accountId: string): Required<AccountSeed> {
    const account = this.accounts.byId(accountId);
    if (!account) throw new NotFoundError(`Account ${accountId} not found`);
    return account;
  }

  /** Back to the seeded state: fresh inventory, no orders or disconnects. */
  reset(): void {
    this.orders.clear();
    this.disconnects.clear();
    this.moves.clear();
    this.pendingMoves.clear();
    this.pendingOrders.clear();
    this.pendingDisconnects.clear();
    this.agingTns.clear();
    this.disconnectHolds.clear();
    this.claimed.clear();
    this.extraInventory = [];
    this.seedInventory();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueMs = Number.POSITIVE_INFINITY;
  }

  /** Everything needed to resume, pending due times included. */
  snapshot(): NumbersSnapshot {
    return {
      tns: [...this.tns.values()].filter((t) => t.status !== "Available" || t.orderId !== undefined),
      extraInventory: this.extraInventory,
      orders: [...this.orders.values()],
      disconnects: [...this.disconnects.values()],
      moves: [...this.moves.values()],
    };
  }

  /** Replaces the state with a snapshot (after reset); pending work keeps its due time. */
  restore(s: NumbersSnapshot): void {
    this.reset();
    for (const n of s.extraInventory) this.addInventory(n);
    for (const t of s.tns) {
      this.tns.set(t.fullNumber, t);
      if (t.status === "Disconnected" || t.status === "Aging") this.agingTns.add(t.fullNumber);
    }
    for (const o of s.orders) {
      this.orders.set(o.id, o);
      if (o.status === "RECEIVED") {
        this.pendingOrders.add(o.id);
        for (const tn of o.specificNumbers ?? []) if (!this.claimed.has(tn)) this.claimed.set(tn, o.id);
      }
    }
    for (const d of s.disconnects) {
      this.disconnects.set(d.id, d);
      if (d.status === "RECEIVED") this.pendingDisconnects.add(d.id);
    }
    for (const m of s.moves ?? []) {
      this.moves.set(m.id, m);
      if (m.status === "RECEIVED") this.pendingMoves.add(m.id);
    }
    this.reschedule();
  }
}
