import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { numbersClient, optionalVoiceClient, sharedWaits, voiceLookups } from "../clients";
import { numbersSettings } from "../config";
import { AccountMismatchError, DisconnectPartialError, MayHaveReachedServerError, OrderFailedError } from "../errors";
import { BandwidthError, mayHaveReachedServer } from "../http";
import type { ApiErrorDetail, NumbersClient, OrderInfo } from "../numbers";
import { orderTypeFor } from "../numbers";
import { isPending } from "../numbers/watch";
import {
  Checker,
  CRITERIA_KEYS,
  type Criteria,
  checkCriteria,
  type Failure,
  isUnknown,
  NO_BACKORDER,
  quote,
  RULES,
  SEARCH_KEYS,
  toE164,
  UNKNOWN,
} from "../validation";
import { mapLimit, progress, ResourceInitError, sameValue, withNextSteps, withProvider } from "./lifecycle";
import { providerShim } from "./shim";

/** The arguments of a PhoneNumberOrder: where the numbers go, how to choose them, and how to wait and let go. */
export interface PhoneNumberOrderArgs {
  /** The site (sub-account) the numbers are ordered into. Changing it replaces the resource. */
  siteId: pulumi.Input<string>;
  /** The SIP peer (location) under the site. Changing it replaces the resource. */
  peerId?: pulumi.Input<string>;
  /** The order's name in Bandwidth (at most 50 characters; default: the resource name). Renamed in place. */
  name?: pulumi.Input<string>;
  /** How many numbers to hold (1 to 5000, default 1). Raising it places an extra order; lowering it disconnects the surplus. */
  quantity?: pulumi.Input<number>;
  /** Specific numbers to order (10-digit or +1 E.164). Adding or removing numbers orders or disconnects just those. */
  telephoneNumbers?: pulumi.Input<pulumi.Input<string>[]>;
  /** Choose numbers in this area code (NPA). */
  areaCode?: pulumi.Input<string>;
  /** Choose numbers in this NPA-NXX (6 digits). */
  npaNxx?: pulumi.Input<string>;
  /** Choose numbers in this NPA-NXX-X (7 digits). */
  npaNxxx?: pulumi.Input<string>;
  /** Choose numbers in this rate center (needs `state`). */
  rateCenter?: pulumi.Input<string>;
  /** Choose numbers in this city (needs `state`). */
  city?: pulumi.Input<string>;
  /** Two-letter state: alone it chooses numbers anywhere in the state; with `rateCenter` or `city` it qualifies them. */
  state?: pulumi.Input<string>;
  /** Choose numbers in this ZIP code (NNNNN or NNNNN-NNNN). */
  zip?: pulumi.Input<string>;
  /** Choose numbers in this LATA (up to 5 digits). */
  lata?: pulumi.Input<string>;
  /** Choose a toll-free number spelling this vanity (4 to 7 letters or digits). */
  tollFreeVanity?: pulumi.Input<string>;
  /** Choose toll-free numbers matching this pattern, such as `8**` or `87*`. */
  tollFreeWildCardPattern?: pulumi.Input<string>;
  /** Choose local numbers containing this vanity (4 to 7 letters or digits). */
  localVanity?: pulumi.Input<string>;
  /** With `localVanity`: only numbers that end in it. */
  endsIn?: pulumi.Input<boolean>;
  /** With npaNxx, npaNxxx or rateCenter: accept numbers from the local calling area when the exact area is short. */
  enableLCA?: pulumi.Input<boolean>;
  /** Reservation ids of reserved `telephoneNumbers`. */
  reservationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Attributes for the new numbers; Bandwidth knows `Protected`. */
  tnAttributes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Accept fewer numbers than asked for (Bandwidth then answers PARTIAL). Default false: a shortage fails the order. */
  partialAllowed?: pulumi.Input<boolean>;
  /** Let a shortage wait as a backorder (BACKORDERED can last days). Default false. */
  backOrderRequested?: pulumi.Input<boolean>;
  /** Bandwidth's CustomerOrderId (up to 40 letters, digits, dashes, spaces). Default: derived from project, stack, name and criteria. */
  customerOrderId?: pulumi.Input<string>;
  /** DisconnectMode sent when numbers are disconnected: `normal` (Bandwidth's default), `soft-remove` or `purge`. */
  disconnectMode?: pulumi.Input<string>;
  /** `Protected` sent with a disconnect: TRUE, FALSE or UNCHANGED. */
  disconnectProtected?: pulumi.Input<string>;
  /** How long one `pulumi up` or `destroy` waits for an order or disconnect (default 900 s). Pulumi's customTimeouts do not reach dynamic resources. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Manage this existing order's numbers instead of placing an order (dynamic resources cannot be `pulumi import`ed). */
  adoptOrderId?: pulumi.Input<string>;
}

/** The checked, normalised inputs as the provider sees them. */
export interface PhoneNumberOrderInputs extends Criteria {
  /** The site (sub-account) the numbers are ordered into; changing it replaces the resource. */
  siteId: string;
  /** The SIP peer (location) under the site the numbers land on; changing it replaces the resource. */
  peerId?: string;
  /** The order's name in Bandwidth (the resource name unless given); a change renames the orders in place. */
  name: string;
  /** How many numbers to hold; raising it places an extra order and lowering it disconnects the surplus. */
  quantity?: number;
  /** Attributes sent for the new numbers, such as `Protected`. */
  tnAttributes?: string[];
  /** Whether Bandwidth may fill the order with fewer numbers than asked for (PARTIAL) instead of failing it. */
  partialAllowed: boolean;
  /** Whether a shortage waits as a backorder (BACKORDERED) instead of failing the order. */
  backOrderRequested: boolean;
  /** The CustomerOrderId sent with every order, given or derived from project, stack, name and criteria; it lets a retried create find its own order. */
  customerOrderId: string;
  /** The DisconnectMode sent when numbers are disconnected: `normal`, `soft-remove` or `purge`. */
  disconnectMode?: string;
  /** The `Protected` value sent with a disconnect: TRUE, FALSE or UNCHANGED. */
  disconnectProtected?: string;
  /** How long one `pulumi up` or `destroy` waits for an order or disconnect before leaving it pending. */
  timeoutSeconds: number;
  /** An existing order whose numbers this resource manages instead of placing an order of its own. */
  adoptOrderId?: string;
  /** `project/stack/resource-name`, set by the resource class: names the resource in progress lines and ids. */
  resourceKey?: string;
  /** The Pulumi organization, set by the resource class: part of the derived CustomerOrderId. */
  organization?: string;
}

/** What a PhoneNumberOrder holds after create, update or refresh. */
export interface PhoneNumberOrderOutputs extends PhoneNumberOrderInputs {
  /** Bandwidth's order-type element for this resource's orders, e.g. AreaCodeSearchAndOrderType. */
  orderType: string;
  /** Every order placed or adopted for this resource, oldest first. */
  orderIds: string[];
  /** Orders not final yet (still RECEIVED or BACKORDERED when a wait ran out): the next `pulumi up` resumes them. */
  pendingOrderIds: string[];
  /** The status of the most recent order: COMPLETE, PARTIAL, BACKORDERED, ... */
  orderStatus: string;
  /** The numbers held, 10-digit, in the order they were acquired. */
  telephoneNumbers: string[];
  /** The same numbers in E.164 (+1...). */
  e164Numbers: string[];
  /** Numbers Bandwidth reported as failed in this resource's orders. */
  failedNumbers: string[];
  /** When the first order was created. */
  orderCreateDate?: string;
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  accountId?: string;
  /**
   * Positions in `telephoneNumbers` whose numbers were lost since the last update (seen by refresh). The next
   * `pulumi up` puts replacements there, so every surviving number keeps its index (and whatever uses `e164Numbers[i]`).
   */
  vacatedSlots: number[];
}

const MODULE = "pulumi-bandwidth/internal/resources/phoneNumberOrder";
/** The order type of specific-number orders; the state's orderType says which mode a resource is in. */
const EXISTING_ORDER_TYPE = "ExistingTelephoneNumberOrderType";
/** orderType of a resource that adopted an order without giving criteria. */
const ADOPTED_ORDER_TYPE = "AdoptedOrder";
const DEFAULT_TIMEOUT_SECONDS = 900;
/** Waits between lookups by CustomerOrderId after an order POST whose outcome is unknown (about 10 s in all). */
const PLACEMENT_GRACE_MS = [0, 1_000, 2_000, 3_000, 4_000];
/** Disconnect errors that mean the number is already off the account, so there is nothing left to bill. */
const ALREADY_GONE_CODES = new Set(["5006", "5076", "12738"]);
/** Inputs whose change means other numbers: the resource is replaced. */
const REPLACE_KEYS = ["siteId", "peerId", "adoptOrderId", ...SEARCH_KEYS] as const;
/** Inputs that only change how later calls are made: an update that calls nothing. */
const SETTING_KEYS = [
  "partialAllowed",
  "backOrderRequested",
  "customerOrderId",
  "disconnectMode",
  "disconnectProtected",
  "timeoutSeconds",
  "tnAttributes",
  "reservationIds",
] as const;

/** Outputs an update that neither orders nor disconnects leaves as they are. */
const STABLE_WHEN_NUMBERS_KEPT = [
  "orderType",
  "orderIds",
  "pendingOrderIds",
  "orderStatus",
  "telephoneNumbers",
  "e164Numbers",
  "failedNumbers",
  "orderCreateDate",
  "siteId",
  "peerId",
  "accountId",
] as const;

// ---------------------------------------------------------------------------------------------------------------
// check

function deriveCustomerOrderId(parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `pulumi-${digest.slice(0, 24)}`;
}

/** Validates and normalises inputs. Pure: no network. Unknown values (preview) pass through unchecked. */
export function checkPhoneNumberOrder(
  news: Record<string, unknown>,
  olds: Record<string, unknown> = {},
): {
  inputs: Record<string, unknown>;
  failures: Failure[];
} {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  const keepUnknown = (key: string) => {
    if (c.unknown(key)) out[key] = news[key];
  };
  for (const key of Object.keys(news)) keepUnknown(key);

  const siteInput = typeof news.siteId === "number" ? String(news.siteId) : news.siteId;
  if (siteInput === undefined || siteInput === null || siteInput === "")
    c.fail("siteId", "is required (Bandwidth error 5022)");
  else if (siteInput !== UNKNOWN) {
    const site = new Checker({ siteId: siteInput }).string("siteId", RULES.siteId.pattern, RULES.siteId.rule);
    if (site === undefined) c.fail("siteId", `${RULES.siteId.rule}; got ${quote(siteInput)}`);
    else out.siteId = site;
  }
  const peerInput = typeof news.peerId === "number" ? String(news.peerId) : news.peerId;
  if (peerInput !== undefined && peerInput !== null && peerInput !== UNKNOWN) {
    const peer = new Checker({ peerId: peerInput }).string("peerId", RULES.peerId.pattern, RULES.peerId.rule);
    if (peer === undefined) c.fail("peerId", `${RULES.peerId.rule}; got ${quote(peerInput)}`);
    else out.peerId = peer;
  }

  const resourceKey = c.string("resourceKey", /^.+$/s, "resourceKey is project/stack/name", 1000);
  if (resourceKey !== undefined) out.resourceKey = resourceKey;
  const name = c.string("name", RULES.name.pattern, RULES.name.rule, RULES.name.max);
  if (name !== undefined) out.name = name;
  else if (!c.given("name")) out.name = (resourceKey?.split("/").pop() ?? "pulumi order").slice(0, 50);

  const adoptOrderId = c.string("adoptOrderId", /^[A-Za-z0-9-]{1,64}$/, "adoptOrderId is a Bandwidth order id");
  if (adoptOrderId !== undefined) out.adoptOrderId = adoptOrderId;
  const { kind, criteria } = checkCriteria(c, { required: !c.given("adoptOrderId"), allowTelephoneNumbers: true });
  Object.assign(out, criteria);
  // A list with a value not known yet (preview) stays as given: dropping the entry would preview a removal.
  if (isUnknown(news.telephoneNumbers)) out.telephoneNumbers = news.telephoneNumbers;

  const quantity = c.integer("quantity", 1, 5000);
  if (kind === "telephoneNumbers") {
    const count = criteria.telephoneNumbers?.length;
    if (quantity !== undefined && count !== undefined && quantity !== count && !c.unknown("telephoneNumbers")) {
      c.fail("quantity", `must equal the number of telephoneNumbers (${count}) or be left out`);
    }
    if (count !== undefined && !c.unknown("telephoneNumbers")) out.quantity = count;
  } else if (kind !== undefined) {
    if (quantity !== undefined) out.quantity = quantity;
    // Never let the API's default of 5000 apply; an adopted order keeps every number it holds.
    else if (!c.given("quantity") && !c.given("adoptOrderId")) out.quantity = 1;
  } else if (c.given("quantity") && !c.unknown("quantity")) {
    c.fail(
      "quantity",
      "needs a way to choose numbers (with adoptOrderId alone the order's numbers are kept as they are)",
    );
  }

  const tnAttributes = c.list("tnAttributes", 10, (v, at) => {
    if (v === "Protected") return v;
    c.fail(at, `the only TN attribute Bandwidth knows is "Protected"; got ${quote(v)}`);
    return undefined;
  });
  if (tnAttributes !== undefined) out.tnAttributes = tnAttributes;

  out.partialAllowed = c.boolean("partialAllowed") ?? false;
  const backOrder = c.boolean("backOrderRequested") ?? false;
  if (backOrder && kind !== undefined && NO_BACKORDER.has(kind)) {
    c.fail("backOrderRequested", `Bandwidth refuses backorders for ${kind} orders (error 5522)`);
  }
  out.backOrderRequested = backOrder;
  keepUnknown("partialAllowed");
  keepUnknown("backOrderRequested");

  // Bandwidth's disconnect reference: DisconnectMode is normal, soft-remove or purge (anything else: 5084).
  const disconnectMode = c.string(
    "disconnectMode",
    /^(normal|soft-remove|purge)$/i,
    "disconnectMode must be normal, soft-remove or purge",
  );
  if (disconnectMode !== undefined) out.disconnectMode = disconnectMode.toLowerCase();
  if (c.has("disconnectProtected")) {
    const raw = news.disconnectProtected;
    const value =
      typeof raw === "boolean" ? String(raw).toUpperCase() : typeof raw === "string" ? raw.toUpperCase() : raw;
    if (value === "TRUE" || value === "FALSE" || value === "UNCHANGED") out.disconnectProtected = value;
    else c.fail("disconnectProtected", `must be TRUE, FALSE or UNCHANGED; got ${quote(raw)}`);
  }
  out.timeoutSeconds = c.integer("timeoutSeconds", 1, 7 * 24 * 3600) ?? DEFAULT_TIMEOUT_SECONDS;
  keepUnknown("timeoutSeconds");

  const organization = c.string("organization", /^.+$/s, "organization is the Pulumi organization", 1000);
  if (organization !== undefined) out.organization = organization;
  const coid = c.string("customerOrderId", RULES.customerOrderId.pattern, RULES.customerOrderId.rule, 40);
  if (coid !== undefined) out.customerOrderId = coid;
  else if (!c.given("customerOrderId")) {
    // Every replace-triggering input is in the id, so a replacement never carries the id of what it replaces. The
    // number set and quantity are left out: they change in place, the order's identity does not.
    const parts: unknown[] = [organization ?? null, resourceKey ?? null, kind ?? null];
    for (const key of REPLACE_KEYS) parts.push(out[key] ?? (criteria as Record<string, unknown>)[key] ?? null);
    const anyUnknown = ["organization", ...REPLACE_KEYS].some((k) => c.unknown(k));
    out.customerOrderId = anyUnknown ? UNKNOWN : deriveCustomerOrderId(parts);
  }
  refuseSelfAdoption(c, olds, out);
  return { inputs: out, failures: c.failures };
}

/**
 * A replacement is created before its predecessor is deleted. If it carried the same explicit CustomerOrderId or
 * adoptOrderId it would take over the old order, whose numbers the predecessor's delete then disconnects.
 */
function refuseSelfAdoption(c: Checker, olds: Record<string, unknown>, out: Record<string, unknown>): void {
  if (Object.keys(olds).length === 0) return;
  const changed: string[] = REPLACE_KEYS.filter((k) => !isUnknown(out[k]) && !sameValue(olds[k], out[k]));
  // The engine hands check the old inputs; a state (outputs) says its mode by orderType.
  const modeOf = (p: Record<string, unknown>) =>
    p.orderType !== undefined
      ? p.orderType === EXISTING_ORDER_TYPE
      : criteriaKind(p) === undefined
        ? undefined
        : criteriaKind(p) === "telephoneNumbers";
  const oldMode = modeOf(olds);
  const newMode = isUnknown(out.telephoneNumbers) ? undefined : modeOf(out);
  if (oldMode !== undefined && newMode !== undefined && oldMode !== newMode) changed.push("telephoneNumbers");
  const why = `changes ${changed.join(", ")}, which replaces the resource; the replacement is created before the old resource is deleted`;
  if (changed.length === 0) return;
  if (changed.includes("adoptOrderId")) return; // a different order is adopted: nothing shared
  if (typeof olds.adoptOrderId === "string" && olds.adoptOrderId === out.adoptOrderId) {
    c.fail(
      "adoptOrderId",
      `${why}, so it would adopt order ${olds.adoptOrderId} whose numbers the old resource's delete disconnects. ` +
        "Change only in-place inputs (name, quantity, settings) of an adopted order, or remove adoptOrderId to order new numbers",
    );
  }
  if (typeof olds.customerOrderId === "string" && olds.customerOrderId === out.customerOrderId) {
    c.fail(
      "customerOrderId",
      `${why}, and it keeps customerOrderId ${JSON.stringify(olds.customerOrderId)}, so it could take over the old ` +
        "order whose numbers the old resource's delete disconnects. Give the replacement a new customerOrderId " +
        "(or leave it out to have one derived)",
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// diff

function criteriaKind(p: Record<string, unknown>): string | undefined {
  return (
    CRITERIA_KEYS.find((k) => p[k] !== undefined && p[k] !== null) ?? (p.state !== undefined ? "state" : undefined)
  );
}

/** The declarative diff. No network: it compares the state with the checked inputs. */
export function diffPhoneNumberOrder(
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs,
): pulumi.dynamic.DiffResult {
  const replaces: string[] = REPLACE_KEYS.filter((k) => !sameValue(olds[k], news[k]));
  const oldMode = olds.orderType === EXISTING_ORDER_TYPE ? "telephoneNumbers" : "search";
  const newKind = criteriaKind(news as unknown as Record<string, unknown>);
  const newMode = newKind === "telephoneNumbers" ? "telephoneNumbers" : newKind === undefined ? oldMode : "search";
  if (oldMode !== newMode && !replaces.includes("telephoneNumbers")) replaces.push("telephoneNumbers");

  let numbersChange = false;
  if (newMode === "telephoneNumbers" && oldMode === "telephoneNumbers") {
    numbersChange = isUnknown(news.telephoneNumbers) || !sameSet(olds.telephoneNumbers, news.telephoneNumbers ?? []);
  } else if (news.quantity !== undefined) {
    numbersChange = isUnknown(news.quantity) || news.quantity !== (olds.telephoneNumbers ?? []).length;
  }
  const settingsChange = SETTING_KEYS.some((k) => !sameValue(olds[k], news[k]));
  const renamed = !sameValue(olds.name, news.name);
  const pending = (olds.pendingOrderIds ?? []).length > 0;
  // Slots vacated by a refreshed loss are either refilled or, with a lowered quantity, accepted and forgotten.
  const vacated = (olds.vacatedSlots ?? []).length > 0;
  const changes = replaces.length > 0 || numbersChange || settingsChange || renamed || pending || vacated;
  // What an in-place update keeps: without this a rename previews every number (and each dependent) as unknown.
  const stables = replaces.length === 0 && !numbersChange && !pending ? [...STABLE_WHEN_NUMBERS_KEPT] : undefined;
  return { changes, replaces, stables, deleteBeforeReplace: false };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = new Set(a ?? []);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}

// ---------------------------------------------------------------------------------------------------------------
// create, read, update, delete

/** What the resource holds, apart from its inputs. */
interface Holding {
  /** The account the orders are on (absent in states written before it was recorded). */
  accountId?: string;
  orderType: string;
  orderIds: string[];
  pendingOrderIds: string[];
  orderStatus: string;
  telephoneNumbers: string[];
  failedNumbers: string[];
  orderCreateDate?: string;
  vacatedSlots: number[];
}

function label(inputs: PhoneNumberOrderInputs): string {
  return `PhoneNumberOrder ${inputs.resourceKey?.split("/").pop() ?? inputs.name}`;
}

function deadlineOf(inputs: PhoneNumberOrderInputs): number {
  return Date.now() + (inputs.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}

function criteriaOf(inputs: PhoneNumberOrderInputs): Criteria {
  const criteria: Criteria = {};
  for (const key of [...CRITERIA_KEYS, "state", "endsIn", "enableLCA", "reservationIds", "quantity"] as const) {
    const value = (inputs as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) (criteria as Record<string, unknown>)[key] = value;
  }
  return criteria;
}

function toOutputs(inputs: PhoneNumberOrderInputs, h: Holding): PhoneNumberOrderOutputs {
  let held = h.telephoneNumbers;
  if (h.orderType === EXISTING_ORDER_TYPE && Array.isArray(inputs.telephoneNumbers)) {
    // Specific numbers are listed in the order the program gives them.
    const rank = new Map(inputs.telephoneNumbers.map((tn, i) => [tn, i]));
    held = [...held].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  }
  const out: Record<string, unknown> = {
    ...inputs,
    ...h,
    telephoneNumbers: held,
    e164Numbers: held.map(toE164),
  };
  if (out.telephoneNumbers === undefined) out.telephoneNumbers = [];
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as PhoneNumberOrderOutputs;
}

function holdingOf(state: PhoneNumberOrderOutputs): Holding {
  return {
    accountId: state.accountId,
    orderType: state.orderType,
    orderIds: [...(state.orderIds ?? [])],
    pendingOrderIds: [...(state.pendingOrderIds ?? [])],
    orderStatus: state.orderStatus,
    telephoneNumbers: [...(state.telephoneNumbers ?? [])],
    failedNumbers: [...(state.failedNumbers ?? [])],
    orderCreateDate: state.orderCreateDate,
    vacatedSlots: [...(state.vacatedSlots ?? [])],
  };
}

/** Folds an order's latest view into the holding: its numbers join, its status becomes the resource's. */
function absorb(h: Holding, order: OrderInfo): void {
  if (!h.orderIds.includes(order.orderId)) h.orderIds.push(order.orderId);
  const held = new Set(h.telephoneNumbers);
  for (const tn of order.completedNumbers) {
    if (held.has(tn)) continue;
    const slot = h.vacatedSlots.shift();
    if (slot === undefined) h.telephoneNumbers.push(tn);
    else h.telephoneNumbers.splice(slot, 0, tn);
  }
  const failed = new Set(h.failedNumbers);
  for (const tn of order.failedNumbers) if (!failed.has(tn)) h.failedNumbers.push(tn);
  h.pendingOrderIds = h.pendingOrderIds.filter((id) => id !== order.orderId);
  if (isPending(order.status)) h.pendingOrderIds.push(order.orderId);
  h.orderStatus = order.status;
  h.orderCreateDate ??= order.orderCreateDate;
}

function orderFailure(order: OrderInfo): string {
  const errors = order.errors.map(describe).join("; ");
  const failed = order.failedNumbers.length > 0 ? `; failed numbers: ${order.failedNumbers.join(", ")}` : "";
  const hint = order.status === "FAILED" ? ". Nothing is held" : "";
  return `order ${order.orderId} ${order.status}${errors ? `: ${errors}` : ""}${failed}${hint}`;
}

const ORDER_FAILED_NEXT =
  "Lower quantity, choose other criteria, or set partialAllowed (keep what is available) or backOrderRequested " +
  "(wait for stock), then run `pulumi up` again";

function describe(e: ApiErrorDetail): string {
  return `${e.code} ${e.description}${e.telephoneNumber ? ` (TN ${e.telephoneNumber})` : ""}`;
}

/** Waits for one order (through the account's shared watcher) until final or the deadline, with progress lines. */
async function awaitOrder(
  client: NumbersClient,
  orderId: string,
  deadlineMs: number,
  who: string,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  let lastReport = Date.now();
  const heartbeat = setInterval(() => {
    progress(
      `${who}: still waiting for order ${orderId} (${Math.round((Date.now() - lastReport) / 1000)}s since last change)`,
    );
  }, 30_000);
  try {
    return await sharedWaits(client).orders.wait(orderId, {
      deadlineMs,
      onStatus: (o, elapsedMs) => {
        lastReport = Date.now();
        progress(`${who}: order ${orderId} is ${o.status} (${Math.round(elapsedMs / 1000)}s)`);
      },
    });
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Orders held by resources of this deployment (this provider process), by resource: no resource adopts an order
 * another one holds, even when both were given the same explicit customerOrderId.
 */
const claims = new Map<string, string>();

function claim(orderId: string, inputs: PhoneNumberOrderInputs): void {
  claims.set(orderId, inputs.resourceKey ?? inputs.name);
}

function claimedByAnother(orderId: string, inputs: PhoneNumberOrderInputs): boolean {
  const holder = claims.get(orderId);
  return holder !== undefined && holder !== (inputs.resourceKey ?? inputs.name);
}

/**
 * Whether an order found by this resource's CustomerOrderId is provably this resource's own: no other resource of the
 * deployment holds it, it echoes this resource's CustomerOrderId, name, site and peer, and each of its numbers is
 * still assigned to that very order (`GET /tns/{tn}` names the order a number last belonged to), so a number since
 * disconnected and recycled to someone else is never adopted back.
 */
async function isOwnOrder(
  client: NumbersClient,
  orderId: string,
  inputs: PhoneNumberOrderInputs,
  customerOrderId: string,
): Promise<boolean> {
  if (claimedByAnother(orderId, inputs)) return false;
  const order = await client.getOrder(orderId);
  if (order.status === "FAILED") return false;
  if (order.customerOrderId !== undefined && order.customerOrderId !== customerOrderId) return false;
  if (order.name !== undefined && order.name !== inputs.name) return false;
  if (order.siteId !== undefined && order.siteId !== inputs.siteId) return false;
  // The echoed order-type element must be the one this resource orders with (criteria of another kind: not ours).
  const kind = criteriaKind(inputs as unknown as Record<string, unknown>);
  if (kind && order.orderType !== undefined && order.orderType !== orderTypeFor(criteriaOf(inputs)).element)
    return false;
  if (inputs.peerId !== undefined && order.peerId !== undefined && order.peerId !== inputs.peerId) return false;
  if (isPending(order.status)) return true;
  if (order.completedNumbers.length === 0) return false;
  for (const tn of order.completedNumbers) {
    const info = await client.getTelephoneNumber(tn).catch((e) => {
      if (e instanceof BandwidthError && e.code === "NOT_FOUND") return undefined;
      throw e;
    });
    if (info?.orderId !== orderId || !(await client.isInService(tn))) return false;
  }
  return true;
}

/** An order this resource may take over instead of placing one: same CustomerOrderId, not one of `exclude`, its own. */
async function findReusableOrder(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  customerOrderId: string,
  exclude: ReadonlySet<string>,
): Promise<{ reusable?: string; known: Set<string> }> {
  const summaries = await client.listOrders({ customerOrderId });
  const known = new Set(summaries.map((s) => s.orderId));
  const candidates = summaries
    .filter((s) => !exclude.has(s.orderId) && s.status !== "FAILED")
    .sort((a, b) => String(b.orderDate ?? "").localeCompare(String(a.orderDate ?? "")));
  for (const s of candidates) {
    if (await isOwnOrder(client, s.orderId, inputs, customerOrderId)) return { reusable: s.orderId, known };
  }
  return { known };
}

/**
 * Places an order at most once. A POST that may have reached Bandwidth is never re-sent: a lost answer (reset,
 * timeout) and any 5xx (a gateway's 502/503/504 does not mean the backend stopped) are followed by lookups by the
 * CustomerOrderId over a grace period, and then by an error that says to run `pulumi up` again, whose create looks
 * for a late order by the same CustomerOrderId before it orders.
 */
async function placeOrder(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  criteria: Criteria,
  customerOrderId: string,
  known: Set<string>,
  who: string,
): Promise<string> {
  const findPlaced = async () => {
    for (const s of await client.listOrders({ customerOrderId })) {
      if (known.has(s.orderId) || claimedByAnother(s.orderId, inputs)) continue;
      if (await isOwnOrder(client, s.orderId, inputs, customerOrderId)) return s;
    }
    return undefined;
  };
  try {
    const placed = await client.createOrder({
      name: inputs.name,
      siteId: inputs.siteId,
      peerId: inputs.peerId,
      customerOrderId,
      partialAllowed: inputs.partialAllowed,
      backOrderRequested: inputs.backOrderRequested,
      tnAttributes: inputs.tnAttributes,
      criteria,
    });
    progress(`${who}: placed order ${placed.orderId} (CustomerOrderId ${customerOrderId})`);
    return placed.orderId;
  } catch (e) {
    if (!mayHaveReachedServer(e)) throw e;
    const serverError = e instanceof BandwidthError && e.status !== undefined && e.status >= 500;
    for (const waitMs of PLACEMENT_GRACE_MS) {
      await new Promise((r) => setTimeout(r, waitMs));
      const created = await findPlaced().catch(() => undefined);
      if (created) {
        progress(`${who}: the order reached Bandwidth though its answer was lost: order ${created.orderId}`);
        return created.orderId;
      }
    }
    const what = serverError ? `Bandwidth answered ${(e as BandwidthError).status}` : "the answer was lost";
    throw new MayHaveReachedServerError(
      `${who}: the order request may have reached Bandwidth (${what}: ${(e as Error).message}), and no order with ` +
        `CustomerOrderId ${customerOrderId} has shown up yet. It was not sent again`,
      "Run `pulumi up` again: an order Bandwidth placed meanwhile is found by that CustomerOrderId and resumed, " +
        "not placed twice",
      customerOrderId,
      { cause: e },
    );
  }
}

/** Adopts or places one order for `criteria` and waits for it; the holding absorbs whatever it got. */
async function acquire(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  h: Holding,
  criteria: Criteria,
  customerOrderId: string,
  deadlineMs: number,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  const who = label(inputs);
  const { reusable, known } = await findReusableOrder(client, inputs, customerOrderId, new Set(h.orderIds));
  let orderId: string;
  if (reusable) {
    progress(`${who}: resuming order ${reusable} found by CustomerOrderId ${customerOrderId}`);
    orderId = reusable;
  } else {
    orderId = await placeOrder(client, inputs, criteria, customerOrderId, known, who);
  }
  claim(orderId, inputs);
  h.orderIds.push(orderId);
  h.pendingOrderIds.push(orderId);
  return settle(client, h, orderId, deadlineMs, who);
}

/** Waits for one order and folds the result in; a FAILED order is an error quoting every code, description and TN. */
async function settle(
  client: NumbersClient,
  h: Holding,
  orderId: string,
  deadlineMs: number,
  who: string,
): Promise<{ order: OrderInfo; timedOut: boolean }> {
  const result = await awaitOrder(client, orderId, deadlineMs, who);
  absorb(h, result.order);
  if (result.order.status === "FAILED") {
    h.pendingOrderIds = h.pendingOrderIds.filter((id) => id !== orderId);
  }
  return result;
}

/** The partial-state error for a failure after an order id exists: the engine records `properties` as the state. */
function keepsOrder(e: unknown, who: string, id: string, properties: object): ResourceInitError {
  if (e instanceof ResourceInitError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const err = new ResourceInitError(
    `${message.startsWith(who) ? "" : `${who}: `}${message}. The order is kept in the stack: run \`pulumi up\` ` +
      "again to resume it (no second order is placed)",
    id,
    properties,
  );
  Object.assign(err, { cause: e });
  return err;
}

function stillWaiting(inputs: PhoneNumberOrderInputs, h: Holding): string {
  return (
    `${label(inputs)}: order ${h.pendingOrderIds.join(", ")} still ${h.orderStatus} after ${inputs.timeoutSeconds}s. ` +
    "The order is kept in the stack: run `pulumi up` again to resume waiting (no second order is placed), " +
    "or raise timeoutSeconds."
  );
}

async function create(inputs: PhoneNumberOrderInputs & Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  const client = numbersClient();
  const who = label(inputs);
  const deadline = deadlineOf(inputs);
  const criteria = criteriaOf(inputs);
  const h: Holding = {
    accountId: numbersSettings().accountId,
    orderType: criteriaKind(inputs) ? orderTypeFor(criteria).element : ADOPTED_ORDER_TYPE,
    orderIds: [],
    pendingOrderIds: [],
    orderStatus: "",
    telephoneNumbers: [],
    failedNumbers: [],
    vacatedSlots: [],
  };
  let result: { order: OrderInfo; timedOut: boolean };
  try {
    if (inputs.adoptOrderId) {
      progress(`${who}: adopting order ${inputs.adoptOrderId}`);
      claim(inputs.adoptOrderId, inputs);
      h.orderIds.push(inputs.adoptOrderId);
      h.pendingOrderIds.push(inputs.adoptOrderId);
      result = await settle(client, h, inputs.adoptOrderId, deadline, who);
    } else {
      result = await acquire(client, inputs, h, criteria, inputs.customerOrderId, deadline);
    }
  } catch (e) {
    // Once an order id exists the engine must keep it, whatever failed after (a read error, a long rate-limit pause).
    if (h.orderIds.length === 0) throw e;
    throw keepsOrder(e, who, h.orderIds[0], withProvider(toOutputs(inputs, h), inputs));
  }
  const id = h.orderIds[0];
  if (result.order.status === "FAILED") {
    const o = result.order;
    throw new OrderFailedError(`${who}: ${orderFailure(o)}`, ORDER_FAILED_NEXT, o.orderId, o.errors, o.failedNumbers);
  }
  const outs = toOutputs(inputs, h);
  if (result.timedOut) throw new ResourceInitError(stillWaiting(inputs, h), id, withProvider(outs, inputs));
  progress(`${who}: ${result.order.status}, holding ${h.telephoneNumbers.length} number(s)`);
  return { id, outs };
}

/** Refuses to touch a resource recorded on another account than the configured credentials'. */
function sameAccount(props: PhoneNumberOrderOutputs, h: Holding): void {
  const configured = numbersSettings().accountId;
  if (props.accountId !== undefined && props.accountId !== configured) {
    throw new AccountMismatchError(label(props), props.accountId, configured);
  }
  h.accountId = configured;
}

async function read(id: string, props: PhoneNumberOrderOutputs): Promise<pulumi.dynamic.ReadResult> {
  sameAccount(props, holdingOf(props));
  const client = numbersClient();
  const h = holdingOf(props);
  h.accountId = numbersSettings().accountId;
  for (const orderId of [...h.pendingOrderIds]) absorb(h, await client.getOrder(orderId));
  const inService = await mapLimit(h.telephoneNumbers, 8, (tn) => client.isInService(tn));
  const dropped = h.telephoneNumbers.filter((_, i) => !inService[i]);
  if (dropped.length > 0) {
    progress(`${label(props)}: no longer in service on the account: ${dropped.join(", ")}`);
    vacate(h, new Set(dropped));
  }
  // An empty id tells the engine the resource is gone; the next `pulumi up` orders again.
  if (h.telephoneNumbers.length === 0 && h.pendingOrderIds.length === 0) return { id: "", props: {} };
  return { id, props: toOutputs(inputsOf(props), h) };
}

/** Drops `lost` numbers from the holding, remembering their positions in vacatedSlots. */
function vacate(h: Holding, lost: ReadonlySet<string>): void {
  const slots: (string | undefined)[] = [...h.telephoneNumbers];
  for (const i of [...h.vacatedSlots].sort((a, b) => a - b)) slots.splice(i, 0, undefined);
  const expanded = slots.map((tn) => (tn !== undefined && lost.has(tn) ? undefined : tn));
  h.vacatedSlots = expanded.flatMap((tn, i) => (tn === undefined ? [i] : []));
  h.telephoneNumbers = expanded.filter((tn): tn is string => tn !== undefined);
}

function inputsOf(state: PhoneNumberOrderOutputs): PhoneNumberOrderInputs {
  const inputs: Record<string, unknown> = { ...state };
  for (const key of [
    "orderType",
    "orderIds",
    "pendingOrderIds",
    "orderStatus",
    "e164Numbers",
    "failedNumbers",
    "orderCreateDate",
    "vacatedSlots",
    "accountId",
  ]) {
    delete inputs[key];
  }
  if (state.orderType !== EXISTING_ORDER_TYPE) delete inputs.telephoneNumbers;
  return inputs as unknown as PhoneNumberOrderInputs;
}

/** The extra order's CustomerOrderId: the base one plus the order's sequence in this resource, within 40 characters. */
function extraCustomerOrderId(base: string, sequence: number): string {
  const suffix = `-${sequence}`;
  return `${base.slice(0, 40 - suffix.length)}${suffix}`;
}

async function update(
  id: string,
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs & Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
  const client = numbersClient();
  const who = label(news);
  const deadline = deadlineOf(news);
  const h = holdingOf(olds);
  sameAccount(olds, h);
  const fail = (message: string): never => {
    throw new ResourceInitError(message, id, withProvider(toOutputs(news, h), news));
  };
  for (const orderId of h.orderIds) claim(orderId, news);
  try {
    await updateHolding(client, olds, news, h, deadline, fail);
  } catch (e) {
    // Whatever failed, the state keeps every order placed so far (a new order id included).
    throw keepsOrder(e, who, id, withProvider(toOutputs(news, h), news));
  }
  return { outs: toOutputs(news, h) };
}

/** The body of update: resume pending orders, rename, then order or disconnect the difference. */
async function updateHolding(
  client: NumbersClient,
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs,
  h: Holding,
  deadline: number,
  fail: (message: string) => never,
): Promise<void> {
  const who = label(news);

  for (const orderId of [...h.pendingOrderIds]) {
    progress(`${who}: resuming order ${orderId}`);
    const { order } = await settle(client, h, orderId, deadline, who);
    if (order.status === "FAILED") fail(`${who}: ${orderFailure(order)}. ${ORDER_FAILED_NEXT}`);
  }
  if (h.pendingOrderIds.length > 0) fail(stillWaiting(news, h));

  if (news.name !== olds.name) {
    for (const orderId of h.orderIds) await client.updateOrder(orderId, { name: news.name });
    progress(`${who}: renamed ${h.orderIds.length} order(s) to ${JSON.stringify(news.name)}`);
  }

  const criteria = criteriaOf(news);
  let toAdd: Criteria | undefined;
  let toRemove: string[] = [];
  if (news.telephoneNumbers !== undefined && criteria.telephoneNumbers) {
    const want = new Set(criteria.telephoneNumbers);
    const held = new Set(h.telephoneNumbers);
    const missing = criteria.telephoneNumbers.filter((tn) => !held.has(tn));
    if (missing.length > 0) toAdd = { telephoneNumbers: missing };
    toRemove = h.telephoneNumbers.filter((tn) => !want.has(tn));
  } else if (news.quantity !== undefined) {
    const delta = news.quantity - h.telephoneNumbers.length;
    if (delta > 0) toAdd = { ...criteria, quantity: delta };
    if (delta < 0) toRemove = h.telephoneNumbers.slice(delta);
  }

  if (toAdd) {
    const coid = extraCustomerOrderId(news.customerOrderId, h.orderIds.length + 1);
    progress(`${who}: ordering ${toAdd.telephoneNumbers?.length ?? toAdd.quantity} more number(s)`);
    const { order, timedOut } = await acquire(client, news, h, toAdd, coid, deadline);
    if (order.status === "FAILED") fail(`${who}: ${orderFailure(order)}. ${ORDER_FAILED_NEXT}`);
    if (timedOut) fail(stillWaiting(news, h));
  }
  if (toRemove.length > 0) {
    progress(`${who}: disconnecting ${toRemove.length} surplus number(s): ${toRemove.join(", ")}`);
    const { gone, problems } = await releaseNumbers(client, news, toRemove, deadline);
    h.telephoneNumbers = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    if (problems.length > 0) fail(`${who}: disconnect incomplete: ${problems.join("; ")}`);
  }
  // The wanted count is held: slots vacated by a refreshed loss were refilled or, with a lowered quantity, accepted.
  const wanted = criteria.telephoneNumbers?.length ?? news.quantity;
  if (wanted === undefined || h.telephoneNumbers.length >= wanted) h.vacatedSlots = [];
}

/**
 * The hybrid teardown for some numbers: un-import each from Voice v1 (when v1 credentials are configured), then one
 * disconnect order polled to a final status. Returns the numbers now off the account and what went wrong for others.
 */
async function releaseNumbers(
  client: NumbersClient,
  inputs: PhoneNumberOrderInputs,
  tns: string[],
  deadlineMs: number,
): Promise<{ gone: Set<string>; problems: string[] }> {
  const who = label(inputs);
  const voice = optionalVoiceClient();
  if (voice) {
    const unimported = await mapLimit(tns, 8, async (tn) => {
      const found = await voiceLookups(voice).byNumber(toE164(tn));
      if (!found) return 0;
      try {
        await voice.deleteNumber(found.id);
      } catch (e) {
        if (!(e instanceof BandwidthError && e.code === "NOT_FOUND")) throw e;
      }
      return 1;
    });
    const count = unimported.reduce((a: number, b: number) => a + b, 0);
    if (count > 0) progress(`${who}: un-imported ${count} number(s) from Voice v1`);
  }
  let lastStatus = "";
  const outcome = await sharedWaits(client).disconnects.disconnect(tns, {
    deadlineMs,
    disconnectMode: inputs.disconnectMode,
    protected: inputs.disconnectProtected as "TRUE" | "FALSE" | "UNCHANGED" | undefined,
    onStatus: (d, elapsedMs) => {
      if (d.status === lastStatus) return;
      lastStatus = d.status;
      progress(`${who}: disconnect ${d.disconnectId} is ${d.status} (${Math.round(elapsedMs / 1000)}s)`);
    },
  });
  const id = outcome.disconnectId;
  if (outcome.timedOut)
    return { gone: new Set(), problems: [`disconnect ${id} still ${outcome.status} at the deadline`] };
  if (outcome.status === "COMPLETE") return { gone: new Set(tns), problems: [] };
  const gone = new Set(outcome.disconnected);
  const problems: string[] = [];
  for (const e of outcome.errors) {
    // "Already gone" only when the error says so and the account confirms the number is not in service: 5006 is
    // documented generically as a disconnect error, and only its "not associated with your account" form means gone.
    const saysGone =
      ALREADY_GONE_CODES.has(e.code) &&
      e.telephoneNumber !== undefined &&
      (e.code !== "5006" || /not associated with your account/i.test(e.description));
    if (saysGone && !(await client.isInService(e.telephoneNumber!))) gone.add(e.telephoneNumber!);
    else problems.push(`disconnect ${id} ${outcome.status}: ${describe(e)}`);
  }
  const unexplained = tns.filter((tn) => !gone.has(tn));
  if (problems.length === 0 && unexplained.length > 0) {
    problems.push(`disconnect ${id} ended ${outcome.status} without disconnecting ${unexplained.join(", ")}`);
  }
  return { gone, problems };
}

async function destroy(_id: string, props: PhoneNumberOrderOutputs): Promise<void> {
  const h = holdingOf(props);
  sameAccount(props, h);
  const client = numbersClient();
  const who = label(props);
  const deadline = deadlineOf(props);
  for (const orderId of [...h.pendingOrderIds]) {
    const order = await client.getOrder(orderId);
    if (order.status === "BACKORDERED") {
      // A backorder left open would fill later and bill numbers nobody manages.
      await client.updateOrder(orderId, { closeOrder: true });
      progress(`${who}: closed backorder ${orderId}`);
      absorb(h, await client.getOrder(orderId));
      h.pendingOrderIds = h.pendingOrderIds.filter((p) => p !== orderId);
    } else if (isPending(order.status)) {
      const { timedOut } = await settle(client, h, orderId, deadline, who);
      if (timedOut)
        throw new Error(`${who}: order ${orderId} is still ${h.orderStatus}; run destroy again once it has finished`);
    } else {
      absorb(h, order);
    }
  }
  if (h.telephoneNumbers.length === 0) return;
  const { gone, problems } = await releaseNumbers(client, props, h.telephoneNumbers, deadline);
  if (problems.length > 0) {
    const left = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    throw new DisconnectPartialError(
      `${who}: could not disconnect ${left.length} number(s) (${left.join(", ")}): ${problems.join("; ")}`,
      "The resource stays in the stack; run `pulumi destroy` again to retry what is left.",
      left,
      problems,
    );
  }
  progress(`${who}: disconnected ${h.telephoneNumbers.length} number(s)`);
}

/** The PhoneNumberOrder implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkPhoneNumberOrder(news, (_olds ?? {}) as Record<string, unknown>);
  },
  async diff(
    _id: string,
    olds: PhoneNumberOrderOutputs,
    news: PhoneNumberOrderInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffPhoneNumberOrder(olds, news);
  },
  ...withNextSteps(label, { create, read, update, delete: destroy }),
};

/** The dynamic provider of PhoneNumberOrder, as serialized into state. */
export const phoneNumberOrderProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** The Pulumi organization of the deployment; older engines and mocks may not say, which leaves it out of the id. */
function currentOrganization(): string | undefined {
  try {
    return pulumi.getOrganization();
  } catch {
    return undefined;
  }
}

/**
 * Telephone numbers owned by a stack: ordered on create (polled to completion), scaled by extra orders and
 * disconnects, and un-imported and disconnected on destroy.
 */
export class PhoneNumberOrder extends pulumi.dynamic.Resource {
  /** The site (sub-account) the numbers were ordered into. */
  declare readonly siteId: pulumi.Output<string>;
  /** The SIP peer (location) the numbers are on, if one was given. */
  declare readonly peerId: pulumi.Output<string | undefined>;
  /** The order's name in Bandwidth. */
  declare readonly name: pulumi.Output<string>;
  /** How many numbers the resource holds when ordered by criteria. */
  declare readonly quantity: pulumi.Output<number | undefined>;
  /** The CustomerOrderId sent with this resource's orders; a retried create uses it to find its own order. */
  declare readonly customerOrderId: pulumi.Output<string>;
  /** Bandwidth's order type for this resource's orders, e.g. AreaCodeSearchAndOrderType. */
  declare readonly orderType: pulumi.Output<string>;
  /** Every order placed or adopted for this resource, oldest first. */
  declare readonly orderIds: pulumi.Output<string[]>;
  /** Orders not final when the wait ran out; the next `pulumi up` resumes them. */
  declare readonly pendingOrderIds: pulumi.Output<string[]>;
  /** The status of the most recent order: COMPLETE, PARTIAL, BACKORDERED, ... */
  declare readonly orderStatus: pulumi.Output<string>;
  /** The numbers held, 10-digit, in the order they were acquired. */
  declare readonly telephoneNumbers: pulumi.Output<string[]>;
  /** The same numbers in E.164 (+1...), index for index. */
  declare readonly e164Numbers: pulumi.Output<string[]>;
  /** Numbers Bandwidth reported as failed in this resource's orders. */
  declare readonly failedNumbers: pulumi.Output<string[]>;
  /** When the first order was created. */
  declare readonly orderCreateDate: pulumi.Output<string | undefined>;
  /** Positions in `telephoneNumbers` whose numbers were lost since the last update; the next `pulumi up` refills them in place. */
  declare readonly vacatedSlots: pulumi.Output<number[]>;
  /** The Bandwidth account holding the numbers; another account's credentials are refused. */
  declare readonly accountId: pulumi.Output<string | undefined>;

  constructor(name: string, args: PhoneNumberOrderArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      orderType: undefined,
      orderIds: undefined,
      pendingOrderIds: undefined,
      orderStatus: undefined,
      e164Numbers: undefined,
      failedNumbers: undefined,
      orderCreateDate: undefined,
      vacatedSlots: undefined,
      accountId: undefined,
    };
    const resourceKey = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    const organization = currentOrganization();
    super(
      phoneNumberOrderProvider,
      name,
      { ...outputs, ...args, telephoneNumbers: args.telephoneNumbers, resourceKey, organization },
      opts,
      "bandwidth",
      "PhoneNumberOrder",
    );
  }
}
