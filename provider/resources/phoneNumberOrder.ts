import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { numbersClient, optionalVoiceClient, sharedWaits, voiceLookups } from "../clients";
import { BandwidthError } from "../http";
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
  siteId: string;
  peerId?: string;
  name: string;
  quantity?: number;
  tnAttributes?: string[];
  partialAllowed: boolean;
  backOrderRequested: boolean;
  customerOrderId: string;
  disconnectMode?: string;
  disconnectProtected?: string;
  timeoutSeconds: number;
  adoptOrderId?: string;
  /** `project/stack/resource-name`, set by the resource class: names the resource in progress lines and ids. */
  resourceKey?: string;
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

// ---------------------------------------------------------------------------------------------------------------
// check

function deriveCustomerOrderId(parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `pulumi-${digest.slice(0, 24)}`;
}

/** Validates and normalises inputs. Pure: no network. Unknown values (preview) pass through unchecked. */
export function checkPhoneNumberOrder(news: Record<string, unknown>): {
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
    // Never let the API's default of 5000 apply; an adopted order's numbers stay as they are unless quantity is set.
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

  const coid = c.string("customerOrderId", RULES.customerOrderId.pattern, RULES.customerOrderId.rule, 40);
  if (coid !== undefined) out.customerOrderId = coid;
  else if (!c.given("customerOrderId")) {
    const parts = [resourceKey ?? null, out.siteId ?? null, out.peerId ?? null, kind ?? null, adoptOrderId ?? null];
    // Every input whose change replaces the resource is part of the id, so a replacement never carries its
    // predecessor's CustomerOrderId (and cannot be mistaken for it).
    for (const key of SEARCH_KEYS) parts.push((criteria as Record<string, unknown>)[key] ?? null);
    const anyUnknown = ["siteId", "peerId", ...SEARCH_KEYS].some((k) => c.unknown(k));
    // The number set and quantity are left out: they change in place, the order's identity does not.
    out.customerOrderId = anyUnknown
      ? UNKNOWN
      : deriveCustomerOrderId(kind === "telephoneNumbers" ? parts.filter((_, i) => i < 5) : parts);
  }
  return { inputs: out, failures: c.failures };
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
  // A loss accepted by lowering quantity: an update (no API call) forgets the vacated positions.
  const acceptedLoss =
    (olds.vacatedSlots ?? []).length > 0 &&
    typeof news.quantity === "number" &&
    (olds.telephoneNumbers ?? []).length >= news.quantity;
  return {
    changes: replaces.length > 0 || numbersChange || settingsChange || renamed || pending || acceptedLoss,
    replaces,
    deleteBeforeReplace: false,
  };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = new Set(a ?? []);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}

// ---------------------------------------------------------------------------------------------------------------
// create, read, update, delete

/** What the resource holds, apart from its inputs. */
interface Holding {
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
  const hint =
    order.status === "FAILED"
      ? ". Nothing is held. Lower quantity, choose other criteria, or set partialAllowed (keep what is available) " +
        "or backOrderRequested (wait for stock), then run `pulumi up` again"
      : "";
  return `order ${order.orderId} ${order.status}${errors ? `: ${errors}` : ""}${failed}${hint}`;
}

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
 * An order this resource may take over instead of placing one. Adopting exists for two cases only, an answer lost in
 * transit and a `pulumi up` killed mid-order, so an order is adopted only when it provably is this resource's own:
 * its CustomerOrderId is this resource's (derived from organization, project, stack, name and every replace-triggering
 * input), it is not one of `exclude`, no other resource of this deployment holds it, its echoed order type, site and
 * peer are this resource's, and each number it assigned is still assigned to that very order (`GET /tns/{tn}` names
 * it), so a number released and since recycled is never adopted back.
 */
async function findReusableOrder(
  client: NumbersClient,
  customerOrderId: string,
  exclude: ReadonlySet<string>,
  want: { orderType: string; siteId: string; peerId?: string },
): Promise<{ reusable?: string; known: Set<string> }> {
  const summaries = await client.listOrders({ customerOrderId });
  const known = new Set(summaries.map((s) => s.orderId));
  const candidates = summaries
    .filter((s) => !exclude.has(s.orderId) && !heldOrders.has(s.orderId) && s.status.toUpperCase() !== "FAILED")
    .sort((a, b) => String(b.orderDate ?? "").localeCompare(String(a.orderDate ?? "")));
  for (const s of candidates) {
    const order = await client.getOrder(s.orderId);
    const sameOrder =
      (order.orderType === undefined || order.orderType === want.orderType) &&
      (order.siteId === undefined || order.siteId === want.siteId) &&
      (order.peerId ?? undefined) === (want.peerId ?? order.peerId ?? undefined);
    if (!sameOrder) continue;
    if (isPending(order.status)) return { reusable: s.orderId, known };
    if (order.completedNumbers.length === 0) continue;
    let stillItsOwn = true;
    for (const tn of order.completedNumbers) {
      const number = await client.getTelephoneNumber(tn).catch(() => undefined);
      if (number?.orderId !== s.orderId || !/^in\s*service$/i.test(number.status ?? "")) {
        stillItsOwn = false;
        break;
      }
    }
    if (stillItsOwn) return { reusable: s.orderId, known };
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
  const findPlaced = async () => (await client.listOrders({ customerOrderId })).find((s) => !known.has(s.orderId));
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
    const answerLost = (e as { mayHaveReachedServer?: unknown }).mayHaveReachedServer === true;
    const serverError = e instanceof BandwidthError && e.status !== undefined && e.status >= 500;
    if (!answerLost && !serverError) throw e;
    for (const waitMs of PLACEMENT_GRACE_MS) {
      await new Promise((r) => setTimeout(r, waitMs));
      const created = await findPlaced().catch(() => undefined);
      if (created) {
        progress(`${who}: the order reached Bandwidth though its answer was lost: order ${created.orderId}`);
        return created.orderId;
      }
    }
    const what = serverError ? `Bandwidth answered ${(e as BandwidthError).status}` : "the answer was lost";
    throw new Error(
      `${who}: the order request may have reached Bandwidth (${what}: ${(e as Error).message}), and no order with ` +
        `CustomerOrderId ${customerOrderId} has shown up yet. It was not sent again. Run \`pulumi up\` again: an ` +
        "order Bandwidth placed meanwhile is found by that CustomerOrderId and resumed, not placed twice",
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
  const { reusable, known } = await findReusableOrder(client, customerOrderId, new Set(h.orderIds), {
    orderType: orderTypeFor(criteria).element,
    siteId: inputs.siteId,
    peerId: inputs.peerId,
  });
  let orderId: string;
  if (reusable) {
    progress(`${who}: resuming order ${reusable} found by CustomerOrderId ${customerOrderId}`);
    orderId = reusable;
  } else {
    orderId = await placeOrder(client, inputs, criteria, customerOrderId, known, who);
  }
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
    orderType: criteriaKind(inputs) ? orderTypeFor(criteria).element : ADOPTED_ORDER_TYPE,
    orderIds: [],
    pendingOrderIds: [],
    orderStatus: "",
    telephoneNumbers: [],
    failedNumbers: [],
    vacatedSlots: [],
  };
  let result: { order: OrderInfo; timedOut: boolean };
  if (inputs.adoptOrderId) {
    progress(`${who}: adopting order ${inputs.adoptOrderId}`);
    h.orderIds.push(inputs.adoptOrderId);
    h.pendingOrderIds.push(inputs.adoptOrderId);
    result = await settle(client, h, inputs.adoptOrderId, deadline, who);
  } else {
    result = await acquire(client, inputs, h, criteria, inputs.customerOrderId, deadline);
  }
  const id = h.orderIds[0];
  if (result.order.status === "FAILED") throw new Error(`${who}: ${orderFailure(result.order)}`);
  const outs = toOutputs(inputs, h);
  if (result.timedOut) throw new ResourceInitError(stillWaiting(inputs, h), id, withProvider(outs, inputs));
  progress(`${who}: ${result.order.status}, holding ${h.telephoneNumbers.length} number(s)`);
  return { id, outs };
}

async function read(id: string, props: PhoneNumberOrderOutputs): Promise<pulumi.dynamic.ReadResult> {
  const client = numbersClient();
  const h = holdingOf(props);
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
  const fail = (message: string): never => {
    throw new ResourceInitError(message, id, withProvider(toOutputs(news, h), news));
  };

  for (const orderId of [...h.pendingOrderIds]) {
    progress(`${who}: resuming order ${orderId}`);
    const { order } = await settle(client, h, orderId, deadline, who);
    if (order.status === "FAILED") fail(`${who}: ${orderFailure(order)}`);
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
    if (order.status === "FAILED") fail(`${who}: ${orderFailure(order)}`);
    if (timedOut) fail(stillWaiting(news, h));
  }
  if (toRemove.length > 0) {
    progress(`${who}: disconnecting ${toRemove.length} surplus number(s): ${toRemove.join(", ")}`);
    const { gone, problems } = await releaseNumbers(client, news, toRemove, deadline);
    h.telephoneNumbers = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    if (problems.length > 0) fail(`${who}: disconnect incomplete: ${problems.join("; ")}`);
  }
  // Vacated positions are kept only until the loss is refilled or accepted (quantity lowered to what is held): a
  // later scale-up appends, so no surviving number moves to another index.
  if (news.quantity === undefined || h.telephoneNumbers.length >= news.quantity) h.vacatedSlots = [];
  return { outs: toOutputs(news, h) };
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
  const client = numbersClient();
  const who = label(props);
  const deadline = deadlineOf(props);
  const h = holdingOf(props);
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
    throw new Error(
      `${who}: could not disconnect ${left.length} number(s) (${left.join(", ")}): ${problems.join("; ")}. ` +
        "The resource stays in the stack; run `pulumi destroy` again to retry what is left.",
    );
  }
  progress(`${who}: disconnected ${h.telephoneNumbers.length} number(s)`);
}

/**
 * Orders that resources of this deployment already hold, by order id. Every resource of a deployment runs in this
 * one provider process, and the engine diffs (or reads) an existing resource before it creates its replacement, so a
 * create never adopts an order its predecessor or a sibling still holds.
 */
const heldOrders = new Map<string, string>();

function noteHeld(id: string, state: Partial<PhoneNumberOrderOutputs> | undefined): void {
  for (const orderId of state?.orderIds ?? []) heldOrders.set(orderId, id);
}

/** The PhoneNumberOrder implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkPhoneNumberOrder(news);
  },
  async diff(
    id: string,
    olds: PhoneNumberOrderOutputs,
    news: PhoneNumberOrderInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    noteHeld(id, olds);
    return diffPhoneNumberOrder(olds, news);
  },
  ...withNextSteps(label, {
    create,
    read: (id: string, props: PhoneNumberOrderOutputs) => (noteHeld(id, props), read(id, props)),
    update: (id: string, olds: PhoneNumberOrderOutputs, news: PhoneNumberOrderInputs & Record<string, unknown>) => (
      noteHeld(id, olds),
      update(id, olds, news)
    ),
    delete: destroy,
  }),
};

/** The dynamic provider of PhoneNumberOrder, as serialized into state. */
export const phoneNumberOrderProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** The stack's organization; a backend without organizations (a local one) has none. */
function organization(): string {
  try {
    return pulumi.getOrganization() || "organization";
  } catch {
    return "organization";
  }
}

/**
 * Telephone numbers owned by a stack: ordered on create (polled to completion), scaled by extra orders and
 * disconnects, and un-imported and disconnected on destroy.
 */
export class PhoneNumberOrder extends pulumi.dynamic.Resource {
  declare readonly siteId: pulumi.Output<string>;
  declare readonly peerId: pulumi.Output<string | undefined>;
  declare readonly name: pulumi.Output<string>;
  declare readonly quantity: pulumi.Output<number | undefined>;
  declare readonly customerOrderId: pulumi.Output<string>;
  declare readonly orderType: pulumi.Output<string>;
  declare readonly orderIds: pulumi.Output<string[]>;
  declare readonly pendingOrderIds: pulumi.Output<string[]>;
  declare readonly orderStatus: pulumi.Output<string>;
  declare readonly telephoneNumbers: pulumi.Output<string[]>;
  declare readonly e164Numbers: pulumi.Output<string[]>;
  declare readonly failedNumbers: pulumi.Output<string[]>;
  declare readonly orderCreateDate: pulumi.Output<string | undefined>;
  declare readonly vacatedSlots: pulumi.Output<number[]>;

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
    };
    const resourceKey = `${organization()}/${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    super(
      phoneNumberOrderProvider,
      name,
      { ...outputs, ...args, telephoneNumbers: args.telephoneNumbers, resourceKey },
      opts,
      "bandwidth",
      "PhoneNumberOrder",
    );
  }
}
