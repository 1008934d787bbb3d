/** getAvailableNumbers' schema: the query it takes and what it returns. The search itself is in provider/search.ts. */
import type { FunctionSchema, ObjectProperty, ObjectType } from "./types";

const criterion = (description: string, type: ObjectProperty["type"] = "string"): ObjectProperty => ({
  type,
  description,
});

/** One number Bandwidth offers, with the details its search returns. */
export const availableNumberType: ObjectType = {
  name: "AvailableNumber",
  argsName: "AvailableNumberArgs",
  valueName: "AvailableNumber",
  description: "One number Bandwidth offers, with the details its search returns.",
  properties: {
    telephoneNumber: { type: "string", description: "10-digit form, as the Numbers API speaks it.", required: true },
    e164: { type: "string", description: "+1 E.164 form.", required: true },
    city: { type: "string", description: "The number's city, as Bandwidth reports it." },
    rateCenter: { type: "string", description: "The number's rate center, as Bandwidth reports it." },
    state: { type: "string", description: "The number's two-letter state." },
    lata: { type: "string", description: "The number's LATA." },
  },
};

export const getAvailableNumbersSchema: FunctionSchema = {
  name: "getAvailableNumbers",
  source: "provider/schema/getAvailableNumbers.ts",
  description:
    "Searches Bandwidth's inventory for available numbers: exactly one way to choose them, as for PhoneNumberOrder " +
    "(`state` alone or with `rateCenter` or `city`). Nothing is reserved or ordered.",
  inputsDescription:
    "A search for available numbers: exactly one way to choose them, as for PhoneNumberOrder (`state` alone or with " +
    "`rateCenter` or `city`), and `quantity`.",
  inputs: {
    areaCode: criterion("Numbers in this area code (NPA)."),
    npaNxx: criterion("Numbers in this NPA-NXX (6 digits)."),
    npaNxxx: criterion("Numbers in this NPA-NXX-X (7 digits)."),
    rateCenter: criterion("Numbers in this rate center (needs `state`)."),
    city: criterion("Numbers in this city (needs `state`)."),
    state: criterion(
      "Two-letter state: alone, numbers anywhere in the state; with `rateCenter` or `city`, it qualifies them.",
    ),
    zip: criterion("Numbers in this ZIP code (NNNNN or NNNNN-NNNN)."),
    lata: criterion("Numbers in this LATA (up to 5 digits)."),
    tollFreeVanity: criterion("Toll-free numbers spelling this vanity (4 to 7 letters or digits)."),
    tollFreeWildCardPattern: criterion("Toll-free numbers matching this pattern, such as `8**`."),
    localVanity: criterion("Local numbers containing this vanity (4 to 7 letters or digits)."),
    endsIn: criterion("With `localVanity`: only numbers that end in it.", "boolean"),
    enableLCA: criterion(
      "With `npaNxx`, `npaNxxx` or `rateCenter`: include numbers from the local calling area.",
      "boolean",
    ),
    quantity: { type: "integer", description: "How many numbers to return at most (1 to 5000).", default: 10 },
  },
  outputs: {
    numbers: {
      type: { array: { object: availableNumberType } },
      description: "The numbers found, as Bandwidth lists them.",
      required: true,
    },
  },
};
