/**
 * PhoneNumberOrder: its schema (args, inputs, outputs), its create, read and update, and the resource class. Its
 * check, diff, number-set bookkeeping, order placement and teardown live in provider/orders/.
 */
import * as pulumi from "@pulumi/pulumi";
import { numbersClient } from "../clients";
import { numbersSettings } from "../config";
import { MoveRefusedError, OrderFailedError } from "../errors";
import type { NumbersClient, OrderInfo } from "../numbers";
import { orderTypeFor } from "../numbers";
import { ADOPTED_ORDER_TYPE, checkPhoneNumberOrder, criteriaKind, criteriaOf } from "../orders/check";
import { diffPhoneNumberOrder } from "../orders/diff";
import {
  absorb,
  deadlineOf,
  type Holding,
  holdingOf,
  inputsOf,
  keepsOrder,
  label,
  ownOrderIds,
  recordedInputs,
  sameAccount,
  stillWaiting,
  toOutputs,
  vacate,
} from "../orders/holding";
import { acquire, claim, extraCustomerOrderId, ORDER_FAILED_NEXT, orderFailure, settle } from "../orders/placement";
import { describeLost, proveOwnership } from "../orders/ownership";
import { moveNumbers, type NumberLocation, sameLocation } from "../orders/move";
import { destroy, releaseNumbers } from "../orders/teardown";
import type { Criteria } from "../validation";
import { progress, ResourceInitError, withNextSteps, withProvider } from "./lifecycle";
import { providerShim } from "./shim";

export { checkPhoneNumberOrder } from "../orders/check";
export { diffPhoneNumberOrder } from "../orders/diff";

/** The arguments of a PhoneNumberOrder: where the numbers go, how to choose them, and how to wait and let go. */
export interface PhoneNumberOrderArgs {
  /** The site (sub-account) the numbers are ordered into. Changing it moves the numbers there in place (a move order). */
  siteId: pulumi.Input<string>;
  /** The SIP peer (location) under the site. Changing it moves the numbers there in place; none means the site's default. */
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
  /** The site (sub-account) the numbers are ordered into; changing it moves the numbers in place. */
  siteId: string;
  /** The SIP peer (location) under the site the numbers land on; changing it moves the numbers in place. */
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
  /**
   * Move orders placed to move the numbers to another site or location, oldest first. Bandwidth names a moved
   * number's move order as its order, so these count as the resource's own orders.
   */
  moveOrderIds: string[];
}

const MODULE = "pulumi-bandwidth/internal/resources/phoneNumberOrder";

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

async function read(id: string, props: PhoneNumberOrderOutputs): Promise<pulumi.dynamic.ReadResult> {
  sameAccount(props, holdingOf(props));
  const client = numbersClient();
  const h = holdingOf(props);
  h.accountId = numbersSettings().accountId;
  for (const orderId of [...h.pendingOrderIds]) absorb(h, await client.getOrder(orderId));
  // Each number is read: one that left by any road (disconnected, reconnected under another order) drops out.
  const { lost } = await proveOwnership(client, h.telephoneNumbers, {
    orderIds: ownOrderIds(h),
    accountId: h.accountId!,
    each: true,
  });
  if (lost.length > 0) {
    progress(`${label(props)}: no longer this resource's, dropped from the stack: ${describeLost(lost)}`);
    vacate(h, new Set(lost.map((l) => l.telephoneNumber)));
  }
  // An empty id tells the engine the resource is gone; the next `pulumi up` orders again.
  if (h.telephoneNumbers.length === 0 && h.pendingOrderIds.length === 0) return { id: "", props: {} };
  return { id, props: toOutputs(inputsOf(props), h) };
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
  // Where the numbers are: the state's location until a move to the new one has finished.
  const at: NumberLocation = { siteId: olds.siteId, peerId: olds.peerId };
  const stateNow = () => toOutputs({ ...recordedInputs(olds, news, h), ...at }, h);
  const fail = (message: string): never => {
    throw new ResourceInitError(message, id, withProvider(stateNow(), news));
  };
  for (const orderId of h.orderIds) claim(orderId, news);
  try {
    await updateHolding(client, olds, news, h, at, deadline, fail);
  } catch (e) {
    if (e instanceof MoveRefusedError) {
      // A refused move request changed nothing: the engine keeps the state as it was, and the error its class.
      if (e.orderId === undefined && (olds.pendingOrderIds ?? []).length === 0) throw e;
      // A move order was placed: the state records it, since Bandwidth names it as each moved number's order.
      throw Object.assign(new ResourceInitError(e.message, id, withProvider(stateNow(), news)), { cause: e });
    }
    // Whatever failed, the state keeps every order placed so far (a new order id included).
    throw keepsOrder(e, who, id, withProvider(stateNow(), news));
  }
  return { outs: stateNow() };
}

/**
 * The body of update: resume pending orders, rename, move the numbers to a new site or location (`at` follows them),
 * then order or disconnect the difference.
 */
async function updateHolding(
  client: NumbersClient,
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs,
  h: Holding,
  at: NumberLocation,
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

  const to: NumberLocation = { siteId: news.siteId, peerId: news.peerId };
  if (!sameLocation(at, to)) {
    // A location change moves the numbers the customers call; it never buys new ones or lets the old ones go.
    if (h.telephoneNumbers.length > 0) await moveNumbers(client, h, to, news.customerOrderId, deadline, who);
    Object.assign(at, { siteId: to.siteId, peerId: to.peerId });
    progress(
      `${who}: ${h.telephoneNumbers.length} number(s) now on site ${to.siteId}${to.peerId ? `, location ${to.peerId}` : ""}`,
    );
  }

  const criteria = criteriaOf(news);
  let toAdd: Criteria | undefined;
  let toRemove: string[] = [];
  if (news.telephoneNumbers !== undefined && criteria.telephoneNumbers) {
    const want = new Set(criteria.telephoneNumbers);
    const held = new Set(h.telephoneNumbers);
    const missing = criteria.telephoneNumbers.filter((tn) => !held.has(tn));
    // The reservation ids added with this change go with the added numbers; the earlier orders used up the others.
    const used = new Set(olds.reservationIds ?? []);
    const reservationIds = (criteria.reservationIds ?? []).filter((r) => !used.has(r));
    if (missing.length > 0) toAdd = { telephoneNumbers: missing, ...(reservationIds.length > 0 && { reservationIds }) };
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
    // A surplus number that is no longer this resource's is let go without a disconnect: it is someone else's now.
    const { owned, lost } = await proveOwnership(client, toRemove, {
      orderIds: ownOrderIds(h),
      accountId: h.accountId!,
      since: h.orderCreateDate,
    });
    if (lost.length > 0) {
      progress(`${who}: not disconnecting number(s) no longer this resource's: ${describeLost(lost)}`);
      const gone = new Set(lost.map((l) => l.telephoneNumber));
      h.telephoneNumbers = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    }
    toRemove = owned;
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
  /** Move orders that moved the numbers to another site or location, oldest first. */
  declare readonly moveOrderIds: pulumi.Output<string[]>;

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
      moveOrderIds: undefined,
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
