/**
 * One table drives both the availableNumbers query and the order-type element of a new-number order: each criterion
 * knows its element and query parameter, and each order type lists the criteria it accepts and requires.
 */
import { InvalidRequestError } from "../http/errors";
import type { AvailableNumbersQuery, OrderCriteria } from "./types";
import type { XmlInput } from "./xml";

/** A criterion that selects numbers (quantity is common to all and handled apart). */
export type CriterionKey = Exclude<keyof OrderCriteria, "quantity">;

interface CriterionWire {
  /** Element name inside the order-type element. */
  element: string;
  /** availableNumbers query parameter; absent when the criterion cannot be searched. */
  query?: string;
  /** For lists: the repeated item element inside `element`. */
  item?: string;
}

/** How each criterion is spelled on the wire. */
export const CRITERIA: Readonly<Record<CriterionKey, CriterionWire>> = {
  telephoneNumbers: { element: "TelephoneNumberList", item: "TelephoneNumber" },
  reservationIds: { element: "ReservationIdList", item: "ReservationId" },
  areaCode: { element: "AreaCode", query: "areaCode" },
  npaNxx: { element: "NpaNxx", query: "npaNxx" },
  npaNxxx: { element: "NpaNxxX", query: "npaNxxx" },
  rateCenter: { element: "RateCenter", query: "rateCenter" },
  state: { element: "State", query: "state" },
  city: { element: "City", query: "city" },
  zip: { element: "Zip", query: "zip" },
  lata: { element: "Lata", query: "lata" },
  tollFreeVanity: { element: "TollFreeVanity", query: "tollFreeVanity" },
  tollFreeWildCardPattern: { element: "TollFreeWildCardPattern", query: "tollFreeWildCardPattern" },
  localVanity: { element: "LocalVanity", query: "localVanity" },
  endsIn: { element: "EndsIn", query: "endsIn" },
  enableLCA: { element: "EnableLCA", query: "LCA" },
};

/** One order type: its element, the criteria it accepts (in wire order) and those it needs. */
export interface OrderTypeSpec {
  element: string;
  accepts: readonly CriterionKey[];
  /** All of these must be present... */
  requires: readonly CriterionKey[];
  /** ...and at least one of these, when given. */
  requiresOneOf?: readonly CriterionKey[];
  /** Whether the type carries a Quantity (every search-and-order type does). */
  quantity: boolean;
}

/**
 * The order types, most specific first: the first whose required criteria are present and which accepts every
 * criterion given is chosen. CombinedSearchAndOrderType comes last and takes npaNxxx, localVanity/endsIn and any mix.
 */
export const ORDER_TYPES: readonly OrderTypeSpec[] = [
  {
    element: "ExistingTelephoneNumberOrderType",
    accepts: ["telephoneNumbers", "reservationIds"],
    requires: [],
    requiresOneOf: ["telephoneNumbers", "reservationIds"],
    quantity: false,
  },
  { element: "AreaCodeSearchAndOrderType", accepts: ["areaCode"], requires: ["areaCode"], quantity: true },
  {
    element: "NPANXXSearchAndOrderType",
    accepts: ["npaNxx", "enableLCA"],
    requires: ["npaNxx"],
    quantity: true,
  },
  {
    element: "RateCenterSearchAndOrderType",
    accepts: ["rateCenter", "state", "enableLCA"],
    requires: ["rateCenter", "state"],
    quantity: true,
  },
  { element: "ZIPSearchAndOrderType", accepts: ["zip"], requires: ["zip"], quantity: true },
  { element: "CitySearchAndOrderType", accepts: ["city", "state"], requires: ["city", "state"], quantity: true },
  { element: "StateSearchAndOrderType", accepts: ["state"], requires: ["state"], quantity: true },
  { element: "LATASearchAndOrderType", accepts: ["lata"], requires: ["lata"], quantity: true },
  {
    element: "TollFreeVanitySearchAndOrderType",
    accepts: ["tollFreeVanity"],
    requires: ["tollFreeVanity"],
    quantity: true,
  },
  {
    element: "TollFreeWildCharSearchAndOrderType",
    accepts: ["tollFreeWildCardPattern"],
    requires: ["tollFreeWildCardPattern"],
    quantity: true,
  },
  {
    element: "CombinedSearchAndOrderType",
    accepts: [
      "areaCode",
      "npaNxx",
      "npaNxxx",
      "rateCenter",
      "state",
      "lata",
      "city",
      "zip",
      "enableLCA",
      "localVanity",
      "endsIn",
    ],
    requires: [],
    requiresOneOf: ["areaCode", "npaNxx", "npaNxxx", "rateCenter", "lata", "city", "zip", "localVanity", "state"],
    quantity: true,
  },
];

/** The criteria actually given (non-empty strings, non-empty lists, booleans). */
export function presentCriteria(criteria: OrderCriteria): CriterionKey[] {
  return (Object.keys(CRITERIA) as CriterionKey[]).filter((key) => {
    const value = criteria[key];
    if (value === undefined || value === null) return false;
    if (Array.isArray(value)) return value.length > 0;
    return typeof value === "boolean" || String(value) !== "";
  });
}

/** The order type for these criteria; throws InvalidRequestError when no type accepts the combination. */
export function orderTypeFor(criteria: OrderCriteria): OrderTypeSpec {
  const present = presentCriteria(criteria);
  const spec = ORDER_TYPES.find(
    (t) =>
      t.requires.every((k) => present.includes(k)) &&
      (t.requiresOneOf === undefined || t.requiresOneOf.some((k) => present.includes(k))) &&
      present.every((k) => t.accepts.includes(k)),
  );
  if (!spec) {
    throw new InvalidRequestError(
      `no order type accepts the criteria [${present.join(", ") || "none"}]: give telephoneNumbers, areaCode, npaNxx, ` +
        "npaNxxx, rateCenter+state, city+state, state, zip, lata, tollFreeVanity, tollFreeWildCardPattern or localVanity",
    );
  }
  return spec;
}

function wireValue(value: unknown): string {
  return typeof value === "boolean" ? (value ? "true" : "false") : String(value);
}

/** Strips a +1 / 1 prefix and punctuation so a number reads as the 10 digits the Numbers API wants. */
export function tenDigitNumber(tn: string): string {
  const digits = tn.replace(/\D/g, "");
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
}

/**
 * The order-type element of a new-number order: `{ [element]: children }`. Quantity is always included for
 * search-and-order types (default 1) so the API's default of 5000 never applies.
 */
export function orderTypeElement(criteria: OrderCriteria): { [element: string]: XmlInput } {
  const spec = orderTypeFor(criteria);
  const present = presentCriteria(criteria);
  const children: { [name: string]: XmlInput } = {};
  for (const key of spec.accepts) {
    if (!present.includes(key)) continue;
    const wire = CRITERIA[key];
    const value = criteria[key];
    if (wire.item && Array.isArray(value)) {
      const items = key === "telephoneNumbers" ? value.map(tenDigitNumber) : value;
      children[wire.element] = { [wire.item]: items };
    } else {
      children[wire.element] = wireValue(value);
    }
  }
  if (spec.quantity) children.Quantity = String(criteria.quantity ?? 1);
  return { [spec.element]: children };
}

/**
 * Whether an order's echoed order-type fields agree with these criteria: every single-valued criterion the order
 * would be placed with and the echo carries has the same value (names and values compared without case; Quantity is
 * left out, as a resumed order may have been placed for another count). A field the echo leaves out is not a
 * difference.
 */
export function echoMatchesCriteria(criteria: OrderCriteria, echoed: Record<string, string> | undefined): boolean {
  if (!echoed) return true;
  const sent = Object.values(orderTypeElement(criteria))[0] as Record<string, XmlInput>;
  const byName = new Map(Object.entries(echoed).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  return Object.entries(sent).every(([name, value]) => {
    if (name === "Quantity" || typeof value !== "string") return true;
    const echo = byName.get(name.toLowerCase());
    return echo === undefined || echo === value.toLowerCase();
  });
}

/** Default result count of a search when the query gives none (the API's own default is 5000). */
export const DEFAULT_SEARCH_QUANTITY = 10;

/** The availableNumbers query parameters for a search; asks for TN details so city, LATA and rate center come back. */
export function searchQuery(q: AvailableNumbersQuery): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of presentCriteria(q)) {
    const wire = CRITERIA[key];
    if (!wire.query) throw new InvalidRequestError(`${key} cannot be used to search available numbers`);
    query[wire.query] = wireValue((q as OrderCriteria)[key]);
  }
  if (Object.keys(query).length === 0) {
    throw new InvalidRequestError("a search needs at least one criterion (areaCode, npaNxx, state, zip, ...)");
  }
  query.quantity = String(q.quantity ?? DEFAULT_SEARCH_QUANTITY);
  query.enableTNDetail = "true";
  if (q.protected) query.protected = q.protected;
  if (q.orderBy) query.orderBy = q.orderBy;
  return query;
}
