// Generated from provider/schema/getAvailableNumbers.ts by `npm run generate`: do not edit.

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

/** A search for available numbers: exactly one way to choose them, as for PhoneNumberOrder (`state` alone or with `rateCenter` or `city`), and `quantity`. */
export interface AvailableNumbersQuery {
  /** Numbers in this area code (NPA). */
  areaCode?: string;
  /** Numbers in this NPA-NXX (6 digits). */
  npaNxx?: string;
  /** Numbers in this NPA-NXX-X (7 digits). */
  npaNxxx?: string;
  /** Numbers in this rate center (needs `state`). */
  rateCenter?: string;
  /** Numbers in this city (needs `state`). */
  city?: string;
  /** Two-letter state: alone, numbers anywhere in the state; with `rateCenter` or `city`, it qualifies them. */
  state?: string;
  /** Numbers in this ZIP code (NNNNN or NNNNN-NNNN). */
  zip?: string;
  /** Numbers in this LATA (up to 5 digits). */
  lata?: string;
  /** Toll-free numbers spelling this vanity (4 to 7 letters or digits). */
  tollFreeVanity?: string;
  /** Toll-free numbers matching this pattern, such as `8**`. */
  tollFreeWildCardPattern?: string;
  /** Local numbers containing this vanity (4 to 7 letters or digits). */
  localVanity?: string;
  /** With `localVanity`: only numbers that end in it. */
  endsIn?: boolean;
  /** With `npaNxx`, `npaNxxx` or `rateCenter`: include numbers from the local calling area. */
  enableLCA?: boolean;
  /** How many numbers to return at most (1 to 5000). Default: `10`. */
  quantity?: number;
}
