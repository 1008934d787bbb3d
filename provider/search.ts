import { numbersClient } from "./clients";
import type { AvailableNumbersQuery as NumbersSearch } from "./numbers/types";
import { Checker, type Criteria, checkCriteria, SEARCH_KEYS, toE164, ValidationError } from "./validation";

/**
 * A search for available numbers: exactly one way to choose them, as for PhoneNumberOrder (`state` alone or with
 * rateCenter or city), and `quantity` (1 to 5000, default 10).
 */
export type AvailableNumbersQuery = Omit<NumbersSearch, "protected" | "orderBy">;

/** One number Bandwidth offers, with the details its search returns. */
export interface AvailableNumber {
  /** 10-digit form, as the Numbers API speaks it. */
  telephoneNumber: string;
  /** +1 E.164 form. */
  e164: string;
  /** The number's city, as Bandwidth reports it. */
  city?: string;
  /** The number's rate center, as Bandwidth reports it. */
  rateCenter?: string;
  /** The number's two-letter state. */
  state?: string;
  /** The number's LATA. */
  lata?: string;
}

/** Checks a query without calling anything; throws ValidationError naming each bad field and its rule. */
export function checkAvailableNumbersQuery(query: AvailableNumbersQuery): Criteria {
  const raw = (query ?? {}) as Record<string, unknown>;
  const c = new Checker(raw);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) c.fail(key, `is not a search criterion (known: ${[...KNOWN_KEYS].join(", ")})`);
    else if (c.unknown(key)) c.fail(key, "is not known yet (preview): a search needs known values");
  }
  const { criteria } = checkCriteria(c, { required: true, allowTelephoneNumbers: false });
  criteria.quantity = c.integer("quantity", 1, 5000) ?? 10;
  if (c.failures.length > 0) throw new ValidationError(c.failures);
  return criteria;
}

const KNOWN_KEYS: ReadonlySet<string> = new Set([...SEARCH_KEYS, "quantity"]);

/**
 * Searches Bandwidth's inventory for available numbers, for use in a program (say, to pick specific numbers before
 * ordering them). Credentials come from the stack configuration or the environment, as for the resources.
 */
export async function getAvailableNumbers(query: AvailableNumbersQuery): Promise<AvailableNumber[]> {
  const criteria = checkAvailableNumbersQuery(query);
  const found = await numbersClient().searchAvailableNumbers(criteria);
  return found.map((n) => ({ ...n, e164: toE164(n.telephoneNumber) }));
}
