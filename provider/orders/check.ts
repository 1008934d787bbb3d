/**
 * Checking a PhoneNumberOrder's inputs: validation, defaults and the derived CustomerOrderId. Pure: no network, so
 * `pulumi preview` calls nothing.
 */
import { createHash } from "node:crypto";
import type { PhoneNumberOrderInputs } from "../resources/phoneNumberOrder";
import { sameValue } from "../resources/lifecycle";
import { phoneNumberOrderSchema } from "../schema/phoneNumberOrder";
import { replaceKeys } from "../schema/types";
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
  UNKNOWN,
} from "../validation";
import { checkSettings } from "./settings";

/** The order type of specific-number orders; the state's orderType says which mode a resource is in. */
export const EXISTING_ORDER_TYPE = "ExistingTelephoneNumberOrderType";
/** orderType of a resource that adopted an order without giving criteria. */
export const ADOPTED_ORDER_TYPE = "AdoptedOrder";
/** How long one `pulumi up` or `destroy` waits for an order or disconnect unless timeoutSeconds says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 900;
/** Inputs whose change means other numbers: the resource is replaced (the schema's `change: "replace"`). */
export const REPLACE_KEYS: readonly string[] = replaceKeys(phoneNumberOrderSchema);
/** Where the numbers are: a change moves them in place (Bandwidth's move order), never replaces them. */
export const LOCATION_KEYS = ["siteId", "peerId"] as const;
/**
 * The inputs a derived CustomerOrderId covers: the location and every replace-triggering input. Frozen in the order
 * they have always been hashed, so existing ids stay; a unit test holds it to the schema's replace keys.
 */
export const DERIVED_ID_KEYS = [...LOCATION_KEYS, "adoptOrderId", ...SEARCH_KEYS] as const;

function deriveCustomerOrderId(parts: unknown[]): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `pulumi-${digest.slice(0, 24)}`;
}

/**
 * Whether a CustomerOrderId has the derived shape. A derived id names one resource of one stack, so an order carrying
 * it may be resumed; an explicit id may be shared by mistake across stacks, so an order carrying it never is.
 */
export function isDerivedCustomerOrderId(customerOrderId: string): boolean {
  return /^pulumi-[0-9a-f]{24}$/.test(customerOrderId);
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
  checkSettings(c, news, out);

  const organization = c.string("organization", /^.+$/s, "organization is the Pulumi organization", 1000);
  if (organization !== undefined) out.organization = organization;
  const coid = c.string("customerOrderId", RULES.customerOrderId.pattern, RULES.customerOrderId.rule, 40);
  if (coid !== undefined) out.customerOrderId = coid;
  else if (!c.given("customerOrderId")) {
    // Every replace-triggering input is in the id, so a replacement never carries the id of what it replaces. The
    // number set and quantity are left out: they change in place, the order's identity does not. Site and peer stay
    // in it (they replaced the resource once), so the ids of existing stacks do not change.
    const parts: unknown[] = [organization ?? null, resourceKey ?? null, kind ?? null];
    for (const key of DERIVED_ID_KEYS) parts.push(out[key] ?? (criteria as Record<string, unknown>)[key] ?? null);
    const anyUnknown = ["organization", ...DERIVED_ID_KEYS].some((k) => c.unknown(k));
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
        "order whose numbers the old resource's delete disconnects. Set a new customerOrderId for the replacement " +
        "(or remove it to have one derived)",
    );
  }
}

/** Which way of choosing numbers the inputs (or a state) use, e.g. `areaCode`; undefined when none is given. */
export function criteriaKind(p: Record<string, unknown>): string | undefined {
  return (
    CRITERIA_KEYS.find((k) => p[k] !== undefined && p[k] !== null) ?? (p.state !== undefined ? "state" : undefined)
  );
}

/** The criteria an order for these inputs is placed with (the way of choosing numbers plus its qualifiers and quantity). */
export function criteriaOf(inputs: PhoneNumberOrderInputs): Criteria {
  const criteria: Criteria = {};
  for (const key of [...CRITERIA_KEYS, "state", "endsIn", "enableLCA", "reservationIds", "quantity"] as const) {
    const value = (inputs as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) (criteria as Record<string, unknown>)[key] = value;
  }
  return criteria;
}
