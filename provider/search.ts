import { numbersClient } from "./clients";
import type { AvailableNumber, AvailableNumbersQuery } from "./schema/generated/getAvailableNumbers";
import { getAvailableNumbersSchema } from "./schema/getAvailableNumbers";
import { Checker, type Criteria, checkCriteria, toE164, ValidationError } from "./validation";

// The schema: the query and the result, declared once (provider/schema/getAvailableNumbers.ts) and generated from it.
export type { AvailableNumber, AvailableNumbersQuery } from "./schema/generated/getAvailableNumbers";

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

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(getAvailableNumbersSchema.inputs));

/**
 * Searches Bandwidth's inventory for available numbers, for use in a program (say, to pick specific numbers before
 * ordering them). Credentials come from the stack configuration or the environment, as for the resources.
 */
export async function getAvailableNumbers(query: AvailableNumbersQuery): Promise<AvailableNumber[]> {
  const criteria = checkAvailableNumbersQuery(query);
  const found = await numbersClient().searchAvailableNumbers(criteria);
  return found.map((n) => ({ ...n, e164: toE164(n.telephoneNumber) }));
}
