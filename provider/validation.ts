import type { OrderCriteria } from "./numbers/types";

/**
 * Input rules shared by the resources' `check` and by `getAvailableNumbers`. Pure: no I/O, no Pulumi runtime.
 * Bandwidth's limits come from its API reference (see README): a bad value is reported with the field and the rule.
 */

/** The placeholder the engine puts in inputs whose value is not known yet during a preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** One rejected input: the property and the rule it broke. Same shape as Pulumi's CheckFailure. */
export interface Failure {
  /** The input property that broke a rule, as `pulumi preview` names it. */
  property: string;
  /** What is wrong with it, in a sentence shown next to the property. */
  reason: string;
}

/** Thrown by programmatic entry points (such as getAvailableNumbers) when inputs break a rule. */
export class ValidationError extends Error {
  /** Stable code of a rejected input, for callers that branch on the kind of error. */
  readonly code = "VALIDATION";
  constructor(
    /** Every rule the inputs broke, one entry per property and reason. */
    readonly failures: Failure[],
  ) {
    super(`invalid input: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    this.name = "ValidationError";
  }
}

/** True when a value (or, for arrays, any element) is the preview's unknown placeholder. */
export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  return Array.isArray(value) && value.some((v) => v === UNKNOWN);
}

/** Collects failures while normalising a bag of inputs. */
export class Checker {
  readonly failures: Failure[] = [];
  constructor(private readonly inputs: Record<string, unknown>) {}

  fail(property: string, reason: string): void {
    this.failures.push({ property, reason });
  }

  /** True when the input is present and known (undefined and null count as absent). */
  has(property: string): boolean {
    const v = this.inputs[property];
    return v !== undefined && v !== null && !isUnknown(v);
  }

  /** True when the input is present but not known yet (preview). */
  unknown(property: string): boolean {
    return isUnknown(this.inputs[property]);
  }

  /** True when the input is given at all, known or not. */
  given(property: string): boolean {
    const v = this.inputs[property];
    return v !== undefined && v !== null;
  }

  /** A string matching `pattern`, trimmed; `undefined` when absent, unknown or invalid (invalid also records a failure). */
  string(property: string, pattern: RegExp, rule: string, maxLength = 200): string | undefined {
    if (!this.has(property)) return undefined;
    const raw = this.inputs[property];
    if (typeof raw !== "string") {
      this.fail(property, `must be a string (${rule})`);
      return undefined;
    }
    const value = raw.trim();
    if (value.length > maxLength) {
      this.fail(property, `must be at most ${maxLength} characters (${rule}); got ${value.length}`);
      return undefined;
    }
    if (!pattern.test(value)) {
      this.fail(property, `${rule}; got ${quote(value)}`);
      return undefined;
    }
    return value;
  }

  /** An integer in [min, max]. */
  integer(property: string, min: number, max: number): number | undefined {
    if (!this.has(property)) return undefined;
    const raw = this.inputs[property];
    const value = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(property, `must be a whole number from ${min} to ${max}; got ${quote(raw)}`);
      return undefined;
    }
    return value;
  }

  /** A boolean (the strings "true"/"false" are accepted, as stack config yields strings). */
  boolean(property: string): boolean | undefined {
    if (!this.has(property)) return undefined;
    const raw = this.inputs[property];
    if (typeof raw === "boolean") return raw;
    if (raw === "true" || raw === "false") return raw === "true";
    this.fail(property, `must be true or false; got ${quote(raw)}`);
    return undefined;
  }

  /** A list of strings, each passed through `item` (which returns undefined after recording its own failure). */
  list<T>(property: string, maxItems: number, item: (value: unknown, at: string) => T | undefined): T[] | undefined {
    if (!this.given(property)) return undefined;
    const raw = this.inputs[property];
    if (raw === UNKNOWN) return undefined;
    if (!Array.isArray(raw)) {
      this.fail(property, "must be a list");
      return undefined;
    }
    if (raw.length > maxItems) {
      this.fail(property, `must have at most ${maxItems} entries; got ${raw.length}`);
      return undefined;
    }
    const out: T[] = [];
    raw.forEach((v, i) => {
      if (v === UNKNOWN) return;
      const parsed = item(v, `${property}[${i}]`);
      if (parsed !== undefined) out.push(parsed);
    });
    return out;
  }
}

/** Shows a bad value in a message, shortened so a hostile input cannot flood the output. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// Bandwidth's documented formats.
export const RULES = {
  areaCode: { pattern: /^[2-9]\d{2}$/, rule: "an area code is 3 digits, the first 2-9" },
  npaNxx: { pattern: /^[2-9]\d{2}[2-9]\d{2}$/, rule: "npaNxx is 6 digits: NPA and NXX each start with 2-9" },
  npaNxxx: { pattern: /^[2-9]\d{2}[2-9]\d{3}$/, rule: "npaNxxx is 7 digits: NPA and NXX each start with 2-9" },
  state: { pattern: /^[A-Za-z]{2}$/, rule: "state is a two-letter abbreviation such as NC" },
  zip: { pattern: /^\d{5}(-\d{4})?$/, rule: "zip is NNNNN or NNNNN-NNNN" },
  lata: { pattern: /^\d{1,5}$/, rule: "lata is at most 5 digits" },
  rateCenter: { pattern: /^[A-Za-z0-9][A-Za-z0-9 .'-]{0,49}$/, rule: "rateCenter is a rate center abbreviation" },
  city: { pattern: /^[A-Za-z][A-Za-z .'-]{0,49}$/, rule: "city is a city name of letters, spaces, dots and dashes" },
  vanity: { pattern: /^[A-Za-z0-9]{4,7}$/, rule: "a vanity is 4 to 7 letters or digits" },
  tollFreeWildCardPattern: {
    pattern: /^8(\*\*|\d\*|\d\d)$/,
    rule: "a toll-free wildcard pattern is 8 followed by ** , a digit and * , or two digits (8**, 80*, 87*)",
  },
  siteId: { pattern: /^\d{1,12}$/, rule: "siteId is the numeric id of a site (sub-account)" },
  peerId: { pattern: /^\d{1,12}$/, rule: "peerId is the numeric id of a SIP peer (location)" },
  name: { pattern: /^\P{Cc}*$/u, rule: "name has no control characters", max: 50 },
  customerOrderId: {
    pattern: /^[A-Za-z0-9 -]{1,40}$/,
    rule: "customerOrderId is up to 40 letters, digits, dashes or spaces",
    max: 40,
  },
  reservationId: { pattern: /^[A-Za-z0-9-]{1,64}$/, rule: "a reservation id is letters, digits and dashes" },
} as const;

/**
 * Normalises a North American number to Bandwidth's 10-digit form. Accepts `NPANXXXXXX` and `+1NPANXXXXXX`
 * (E.164); the NPA and NXX must start with 2-9. Returns an error message instead when it is not such a number.
 */
export function toTenDigits(raw: unknown): { tn: string } | { error: string } {
  if (typeof raw !== "string") return { error: `must be a string; got ${quote(raw)}` };
  const value = raw.trim();
  const match = /^(?:\+1)?(\d{10})$/.exec(value);
  if (!match) {
    if (/^\+(?!1)\d/.test(value)) {
      return { error: `only North American (+1) numbers can be ordered from Bandwidth; got ${quote(value)}` };
    }
    return { error: `must be 10 digits (NPANXXXXXX) or +1 E.164 (+1NPANXXXXXX); got ${quote(value)}` };
  }
  const tn = match[1];
  if (!/^[2-9]\d{2}[2-9]/.test(tn)) {
    return { error: `is not a valid North American number (NPA and NXX start with 2-9); got ${quote(value)}` };
  }
  return { tn };
}

/** `+1` and the 10 digits. */
export function toE164(tenDigits: string): string {
  return `+1${tenDigits}`;
}

/** The ways to choose numbers: exactly one must be given. `state` alone is a way too (see criteriaKind). */
export const CRITERIA_KEYS = [
  "telephoneNumbers",
  "areaCode",
  "npaNxx",
  "npaNxxx",
  "rateCenter",
  "city",
  "zip",
  "lata",
  "tollFreeVanity",
  "tollFreeWildCardPattern",
  "localVanity",
] as const;

export type CriteriaKey = (typeof CRITERIA_KEYS)[number] | "state";

/** The normalised criteria, in the flat shape the Numbers client takes for both search and order. */
export type Criteria = OrderCriteria;

/** Every input that selects which numbers, apart from specific telephoneNumbers: a search's keys. */
export const SEARCH_KEYS = [
  ...CRITERIA_KEYS.filter((k) => k !== "telephoneNumbers"),
  "state",
  "endsIn",
  "enableLCA",
] as const;

/** Criteria with which Bandwidth refuses a backorder (error 5522). */
export const NO_BACKORDER: ReadonlySet<CriteriaKey> = new Set([
  "telephoneNumbers",
  "npaNxx",
  "npaNxxx",
  "localVanity",
  "tollFreeVanity",
]);

/** Criteria that take EnableLCA. */
const TAKES_LCA: ReadonlySet<CriteriaKey> = new Set(["npaNxx", "npaNxxx", "rateCenter"]);

/**
 * Validates and normalises the number-selection criteria. `required` false lets a caller (adoptOrderId) give none.
 * Unknown values (preview) are tolerated: the kind is still decided from which keys are given.
 */
export function checkCriteria(
  c: Checker,
  opts: { required: boolean; allowTelephoneNumbers: boolean },
): { kind?: CriteriaKey; criteria: Criteria } {
  let given: CriteriaKey[] = CRITERIA_KEYS.filter((k) => c.given(k));
  // A local-vanity order names its area code beside the vanity (Bandwidth refuses LocalVanity alone on an order).
  const vanityArea = given.includes("localVanity") && given.includes("areaCode");
  if (vanityArea) given = given.filter((k) => k !== "areaCode");
  let kind: CriteriaKey | undefined;
  if (given.length > 1) {
    c.fail(given[1], `choose numbers one way only: ${given.join(" and ")} were both given`);
  } else if (given.length === 1) {
    kind = given[0];
  } else if (c.given("state")) {
    kind = "state";
  } else if (opts.required) {
    c.fail(
      "areaCode",
      `one way to choose numbers is required: ${[...CRITERIA_KEYS].filter((k) => opts.allowTelephoneNumbers || k !== "telephoneNumbers").join(", ")} or state`,
    );
  }
  if (kind === "telephoneNumbers" && !opts.allowTelephoneNumbers) {
    c.fail("telephoneNumbers", "is not a search criterion");
  }
  if (kind === "localVanity" && opts.allowTelephoneNumbers && !vanityArea) {
    c.fail("areaCode", "is required with localVanity on an order (Bandwidth orders local vanity numbers by area code)");
  }

  const criteria: Criteria = {};
  const str = (key: keyof typeof RULES & keyof Criteria) => {
    const r = RULES[key];
    const v = c.string(key, r.pattern, r.rule);
    if (v !== undefined) (criteria as Record<string, unknown>)[key] = v;
  };
  str("areaCode");
  str("npaNxx");
  str("npaNxxx");
  str("zip");
  str("lata");
  str("rateCenter");
  str("city");
  str("tollFreeWildCardPattern");
  for (const key of ["tollFreeVanity", "localVanity"] as const) {
    const v = c.string(key, RULES.vanity.pattern, RULES.vanity.rule);
    if (v !== undefined) criteria[key] = v.toUpperCase();
  }
  const state = c.string("state", RULES.state.pattern, RULES.state.rule);
  if (state !== undefined) criteria.state = state.toUpperCase();
  if (criteria.rateCenter !== undefined) criteria.rateCenter = criteria.rateCenter.toUpperCase();

  if ((kind === "rateCenter" || kind === "city") && !c.given("state")) {
    c.fail("state", `is required with ${kind}`);
  }
  if (c.given("state") && kind !== undefined && kind !== "state" && kind !== "rateCenter" && kind !== "city") {
    c.fail("state", `goes only with rateCenter or city, or alone; not with ${kind}`);
  }

  const endsIn = c.boolean("endsIn");
  if (endsIn !== undefined) {
    if (kind !== "localVanity") c.fail("endsIn", "goes only with localVanity");
    else criteria.endsIn = endsIn;
  }
  const lca = c.boolean("enableLCA");
  if (lca !== undefined) {
    if (kind === undefined || !TAKES_LCA.has(kind)) c.fail("enableLCA", "goes only with npaNxx, npaNxxx or rateCenter");
    else criteria.enableLCA = lca;
  }

  if (opts.allowTelephoneNumbers) {
    const seen = new Set<string>();
    const tns = c.list("telephoneNumbers", 5000, (v, at) => {
      const r = toTenDigits(v);
      if ("error" in r) {
        c.fail(at, r.error);
        return undefined;
      }
      if (seen.has(r.tn)) {
        c.fail(at, `${r.tn} is listed twice`);
        return undefined;
      }
      seen.add(r.tn);
      return r.tn;
    });
    if (tns !== undefined) {
      if (tns.length === 0 && !c.unknown("telephoneNumbers"))
        c.fail("telephoneNumbers", "must list at least one number");
      criteria.telephoneNumbers = tns;
    }
    const reservations = c.list("reservationIds", 5000, (v, at) => {
      if (typeof v === "string" && RULES.reservationId.pattern.test(v)) return v;
      c.fail(at, `${RULES.reservationId.rule}; got ${quote(v)}`);
      return undefined;
    });
    if (reservations !== undefined) {
      if (kind !== "telephoneNumbers") c.fail("reservationIds", "go only with telephoneNumbers");
      else criteria.reservationIds = reservations;
    }
  }
  return { kind, criteria };
}
