/**
 * PhoneNumberOrder: its schema (declared in provider/schema/phoneNumberOrder.ts), its create, read and update, and the
 * resource class. Its check, diff, number-set bookkeeping, order placement and teardown live in provider/orders/.
 */
import * as pulumi from "@pulumi/pulumi";
import { numbersClient } from "../clients";
import { numbersSettings } from "../config";
import { MoveRefusedError, OrderFailedError, SettingsIncompleteError } from "../errors";
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
import { applySettings, managesSettings, onTheWayToSettings, readBackSettings, settingsOf } from "../orders/settings";
import { destroy, releaseNumbers } from "../orders/teardown";
import type { Criteria } from "../validation";
import { mapLimit, progress, ResourceInitError, withNextSteps, withProvider } from "./lifecycle";
import { secretOutputs, secretSettings } from "./secrets";
import { providerShim } from "./shim";
import type {
  PhoneNumberOrderArgs,
  PhoneNumberOrderInputs,
  PhoneNumberOrderOutputs,
  PhoneNumberOrderResourceOutputs,
} from "../schema/generated/phoneNumberOrder";
import { outputOnlyKeys } from "../schema/types";
import { phoneNumberOrderSchema } from "../schema/phoneNumberOrder";

export { checkPhoneNumberOrder } from "../orders/check";
export { diffPhoneNumberOrder } from "../orders/diff";

// The schema: every field once (provider/schema/phoneNumberOrder.ts); the types below are generated from it.
export type {
  PhoneNumberOrderArgs,
  PhoneNumberOrderInputs,
  PhoneNumberOrderOutputs,
} from "../schema/generated/phoneNumberOrder";

const MODULE = "pulumi-bandwidth/internal/resources/phoneNumberOrder";

async function create(inputs: PhoneNumberOrderInputs & Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  return onTheWayToSettings(inputs, (arrived) => createOrder(inputs, arrived));
}

async function createOrder(
  inputs: PhoneNumberOrderInputs & Record<string, unknown>,
  arrived: () => void,
): Promise<pulumi.dynamic.CreateResult> {
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
  if (result.timedOut) {
    throw new ResourceInitError(stillWaiting(inputs, h), id, withProvider(toOutputs(inputs, h), inputs));
  }
  progress(`${who}: ${result.order.status}, holding ${h.telephoneNumbers.length} number(s)`);
  await settleSettings(h, undefined, inputs, id, deadline, arrived);
  return { id, outs: toOutputs(inputs, h) };
}

/**
 * Gives every number held what the settings ask and it lacks, recording what took in `h.numberSettings`; a failure
 * hands the engine the state with the numbers and the settings that took.
 */
async function settleSettings(
  h: Holding,
  olds: PhoneNumberOrderOutputs | undefined,
  news: PhoneNumberOrderInputs,
  id: string,
  deadline: number,
  arrived: () => void,
): Promise<void> {
  arrived();
  if (!managesSettings(news) && (olds === undefined || !managesSettings(settingsOf(olds)))) return;
  const who = label(news);
  const outcome = await applySettings({
    who,
    held: h.telephoneNumbers,
    current: h.numberSettings ?? {},
    olds: olds && settingsOf(olds),
    news,
    deadlineMs: deadline,
  });
  h.numberSettings = outcome.numberSettings;
  if (outcome.problems.length > 0) {
    const state = withProvider(toOutputs(news, h), news);
    throw new SettingsIncompleteError(who, outcome.problems, outcome.errors, outcome.failedNumbers, id, state);
  }
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
  h.numberSettings = await readBackSettings(client, h.telephoneNumbers, props, props.numberSettings ?? {});
  return { id, props: toOutputs(inputsOf(props), h) };
}

/**
 * The state of existing orders, built from Bandwidth alone (a native `pulumi import`): `importId` is an order id, or
 * the comma-separated ids of one resource's orders (the first is the resource id). The state holds every number of
 * those orders still in service on this account under one of them; nothing is waited for or ordered. `inputsFor`
 * gives the checked inputs the import records for the first order (which adopts it by `adoptOrderId`).
 */
export async function readOrderById(
  importId: string,
  inputsFor: (order: OrderInfo) => Promise<PhoneNumberOrderInputs>,
): Promise<{ id: string; props: PhoneNumberOrderOutputs; inputs: PhoneNumberOrderInputs }> {
  const orderIds = importId.split(",").map((s) => s.trim());
  if (orderIds.some((o) => !/^[A-Za-z0-9-]{1,64}$/.test(o))) {
    throw new Error(
      `a PhoneNumberOrder is imported by its order id, or its order ids joined by commas; got ${JSON.stringify(importId)}`,
    );
  }
  const client = numbersClient();
  const orders = await mapLimit(orderIds, 4, (o) => client.getOrder(o));
  const inputs = await inputsFor(orders[0]);
  const who = label(inputs);
  for (const order of orders) {
    if (order.status === "FAILED") {
      const o = order;
      throw new OrderFailedError(`${who}: ${orderFailure(o)}`, ORDER_FAILED_NEXT, o.orderId, o.errors, o.failedNumbers);
    }
  }
  const h: Holding = {
    accountId: numbersSettings().accountId,
    orderType: ADOPTED_ORDER_TYPE,
    orderIds: [],
    pendingOrderIds: [],
    orderStatus: "",
    telephoneNumbers: [],
    failedNumbers: [],
    vacatedSlots: [],
  };
  for (const order of orders) absorb(h, order);
  const { lost } = await proveOwnership(client, h.telephoneNumbers, { orderIds, accountId: h.accountId!, each: true });
  if (lost.length > 0) {
    progress(`${who}: not taking number(s) no longer under its orders: ${describeLost(lost)}`);
    vacate(h, new Set(lost.map((l) => l.telephoneNumber)));
    h.vacatedSlots = [];
  }
  progress(`${who}: imported ${orderIds.length} order(s), holding ${h.telephoneNumbers.length} number(s)`);
  return { id: orderIds[0], props: toOutputs(inputs, h), inputs };
}

async function update(
  id: string,
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs & Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
  return onTheWayToSettings(news, (arrived) => updateOrder(id, olds, news, arrived));
}

async function updateOrder(
  id: string,
  olds: PhoneNumberOrderOutputs,
  news: PhoneNumberOrderInputs & Record<string, unknown>,
  arrived: () => void,
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
  // Settings last: numbers a scale-up added get them with the others, in the same option order.
  await settleSettings(h, olds, { ...recordedInputs(olds, news, h), ...at }, id, deadline, arrived);
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
    // The surplus leaves the package the state has them on, before the new settings apply to the rest.
    const leaving = { ...news, voiceConfigurationPackageId: olds.voiceConfigurationPackageId };
    const { gone, problems } = await releaseNumbers(client, leaving, toRemove, deadline);
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

/** The outputs only the provider sets: unknown until create, so the engine records them. */
const OUTPUT_ONLY = outputOnlyKeys(phoneNumberOrderSchema);

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface PhoneNumberOrder extends PhoneNumberOrderResourceOutputs {}

/**
 * Telephone numbers owned by a stack: ordered on create (polled to completion), scaled by extra orders and
 * disconnects, and un-imported and disconnected on destroy.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PhoneNumberOrder extends pulumi.dynamic.Resource {
  constructor(name: string, args: PhoneNumberOrderArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUT_ONLY.map((k) => [k, undefined]));
    const resourceKey = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    const organization = currentOrganization();
    super(
      phoneNumberOrderProvider,
      name,
      { ...outputs, ...secretSettings(args), telephoneNumbers: args.telephoneNumbers, resourceKey, organization },
      secretOutputs(opts),
      "bandwidth",
      "PhoneNumberOrder",
    );
  }
}
