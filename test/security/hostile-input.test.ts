import { expect } from "chai";
import { getAvailableNumbers, providers } from "../../provider";
import { UNKNOWN, type ValidationError } from "../../provider/validation";
import { emulatorSuite, engineCreate, engineUpdate } from "../integration/resources/support";

/** One hostile input: rejected with a failure on `field` whose reason matches `rule`, or accepted as `accept`. */
interface Row {
  label: string;
  input: Record<string, unknown>;
  field?: string;
  rule?: RegExp;
  accept?: Record<string, unknown>;
}

const LONG = "x".repeat(100_000);
const order = (extra: Record<string, unknown>) => ({ siteId: "461", areaCode: "919", ...extra });
const withoutCriteria = (extra: Record<string, unknown>) => ({ siteId: "461", ...extra });

const ORDER_ROWS: Row[] = [
  { label: "no siteId", input: { areaCode: "919" }, field: "siteId", rule: /required/ },
  { label: "empty siteId", input: order({ siteId: "" }), field: "siteId", rule: /required/ },
  { label: "letters in siteId", input: order({ siteId: "abc" }), field: "siteId", rule: /numeric id/ },
  { label: "siteId as an array", input: order({ siteId: ["461"] }), field: "siteId", rule: /string|numeric/ },
  { label: "siteId as an object", input: order({ siteId: { id: 461 } }), field: "siteId", rule: /string|numeric/ },
  { label: "siteId 1.5", input: order({ siteId: 1.5 }), field: "siteId", rule: /numeric id/ },
  { label: "siteId as a number is normalised", input: order({ siteId: 461 }), accept: { siteId: "461" } },
  { label: "peerId with letters", input: order({ peerId: "peer-1" }), field: "peerId", rule: /numeric id/ },
  { label: "name of 51 characters", input: order({ name: "n".repeat(51) }), field: "name", rule: /at most 50/ },
  { label: "name of 100 000 characters", input: order({ name: LONG }), field: "name", rule: /at most 50.*got 100000/ },
  { label: "name with a NUL", input: order({ name: "a\u0000b" }), field: "name", rule: /control characters/ },
  { label: "name with a newline", input: order({ name: "a\nb" }), field: "name", rule: /control characters/ },
  { label: "name as a number", input: order({ name: 42 }), field: "name", rule: /must be a string/ },
  {
    label: "name with XML specials is kept as is (escaped on the wire)",
    input: order({ name: `<Order> & "x" 'y' ]]>` }),
    accept: { name: `<Order> & "x" 'y' ]]>` },
  },
  { label: "quantity 0", input: order({ quantity: 0 }), field: "quantity", rule: /whole number from 1 to 5000/ },
  { label: "quantity 5001", input: order({ quantity: 5001 }), field: "quantity", rule: /1 to 5000.*5001/ },
  { label: "quantity 1.5", input: order({ quantity: 1.5 }), field: "quantity", rule: /whole number/ },
  { label: "quantity -1", input: order({ quantity: -1 }), field: "quantity", rule: /whole number/ },
  { label: "quantity NaN", input: order({ quantity: Number.NaN }), field: "quantity", rule: /whole number/ },
  { label: "quantity Infinity", input: order({ quantity: Infinity }), field: "quantity", rule: /whole number/ },
  { label: "quantity as an array", input: order({ quantity: [3] }), field: "quantity", rule: /whole number/ },
  { label: 'quantity "3.0"', input: order({ quantity: "3.0" }), field: "quantity", rule: /whole number/ },
  { label: "quantity true", input: order({ quantity: true }), field: "quantity", rule: /whole number/ },
  { label: 'quantity "3" is normalised to 3', input: order({ quantity: "3" }), accept: { quantity: 3 } },
  { label: "no quantity defaults to 1, never the API's 5000", input: order({}), accept: { quantity: 1 } },
  { label: "no way to choose numbers", input: withoutCriteria({}), field: "areaCode", rule: /one way to choose/ },
  { label: "two criteria", input: order({ zip: "27601" }), field: "zip", rule: /one way only/ },
  {
    label: "telephoneNumbers and areaCode",
    input: order({ telephoneNumbers: ["9195551234"] }),
    field: "areaCode",
    rule: /one way only/,
  },
  { label: "area code starting with 1", input: order({ areaCode: "119" }), field: "areaCode", rule: /first 2-9/ },
  { label: "area code of 4 digits", input: order({ areaCode: "9190" }), field: "areaCode", rule: /3 digits/ },
  { label: "area code as a number", input: order({ areaCode: 919 }), field: "areaCode", rule: /must be a string/ },
  {
    label: "XML injection in an area code",
    input: order({ areaCode: "919</AreaCode><Quantity>5000" }),
    field: "areaCode",
    rule: /3 digits/,
  },
  {
    label: "non-US E.164 number",
    input: withoutCriteria({ telephoneNumbers: ["+442071234567"] }),
    field: "telephoneNumbers[0]",
    rule: /North American \(\+1\)/,
  },
  {
    label: "11 digits without +",
    input: withoutCriteria({ telephoneNumbers: ["19195551234"] }),
    field: "telephoneNumbers[0]",
    rule: /10 digits/,
  },
  {
    label: "E.164 with spaces",
    input: withoutCriteria({ telephoneNumbers: ["+1 919 555 1234"] }),
    field: "telephoneNumbers[0]",
    rule: /10 digits/,
  },
  {
    label: "NPA starting with 0",
    input: withoutCriteria({ telephoneNumbers: ["0195551234"] }),
    field: "telephoneNumbers[0]",
    rule: /start with 2-9/,
  },
  {
    label: "a number listed twice (10-digit and E.164)",
    input: withoutCriteria({ telephoneNumbers: ["9195551234", "+19195551234"] }),
    field: "telephoneNumbers[1]",
    rule: /listed twice/,
  },
  {
    label: "telephoneNumbers as a string",
    input: withoutCriteria({ telephoneNumbers: "9195551234" }),
    field: "telephoneNumbers",
    rule: /must be a list/,
  },
  {
    label: "telephoneNumbers empty",
    input: withoutCriteria({ telephoneNumbers: [] }),
    field: "telephoneNumbers",
    rule: /at least one/,
  },
  {
    label: "a number as a JSON number",
    input: withoutCriteria({ telephoneNumbers: [9195551234] }),
    field: "telephoneNumbers[0]",
    rule: /must be a string/,
  },
  {
    label: "E.164 numbers are normalised to 10 digits",
    input: withoutCriteria({ telephoneNumbers: ["+19195551234", " 9195551235 "] }),
    accept: { telephoneNumbers: ["9195551234", "9195551235"], quantity: 2 },
  },
  {
    label: "quantity differing from the listed numbers",
    input: withoutCriteria({ telephoneNumbers: ["9195551234"], quantity: 2 }),
    field: "quantity",
    rule: /must equal the number of telephoneNumbers/,
  },
  { label: "state with an area code", input: order({ state: "NC" }), field: "state", rule: /goes only with/ },
  {
    label: "rateCenter without state",
    input: withoutCriteria({ rateCenter: "RALEIGH" }),
    field: "state",
    rule: /required with rateCenter/,
  },
  { label: "state of 3 letters", input: withoutCriteria({ state: "NCX" }), field: "state", rule: /two-letter/ },
  { label: "zip of 4 digits", input: withoutCriteria({ zip: "2760" }), field: "zip", rule: /NNNNN/ },
  { label: "lata of 6 digits", input: withoutCriteria({ lata: "123456" }), field: "lata", rule: /at most 5 digits/ },
  {
    label: "toll-free pattern not starting with 8",
    input: withoutCriteria({ tollFreeWildCardPattern: "9**" }),
    field: "tollFreeWildCardPattern",
    rule: /8 followed by/,
  },
  {
    label: "vanity of 3 letters",
    input: withoutCriteria({ localVanity: "abc" }),
    field: "localVanity",
    rule: /4 to 7/,
  },
  {
    label: "endsIn without localVanity",
    input: order({ endsIn: true }),
    field: "endsIn",
    rule: /only with localVanity/,
  },
  { label: "enableLCA with an area code", input: order({ enableLCA: true }), field: "enableLCA", rule: /goes only/ },
  {
    label: "backorder of an NPA-NXX",
    input: withoutCriteria({ npaNxx: "919555", backOrderRequested: true }),
    field: "backOrderRequested",
    rule: /5522/,
  },
  {
    label: 'partialAllowed "yes"',
    input: order({ partialAllowed: "yes" }),
    field: "partialAllowed",
    rule: /true or false/,
  },
  {
    label: "unknown TN attribute",
    input: order({ tnAttributes: ["Billing"] }),
    field: "tnAttributes[0]",
    rule: /Protected/,
  },
  {
    label: 'disconnectProtected "maybe"',
    input: order({ disconnectProtected: "maybe" }),
    field: "disconnectProtected",
    rule: /TRUE, FALSE or UNCHANGED/,
  },
  { label: "timeoutSeconds 0", input: order({ timeoutSeconds: 0 }), field: "timeoutSeconds", rule: /whole number/ },
  {
    label: "customerOrderId with an underscore",
    input: order({ customerOrderId: "a_b" }),
    field: "customerOrderId",
    rule: /letters, digits, dashes or spaces/,
  },
  {
    label: "customerOrderId of 41 characters",
    input: order({ customerOrderId: "c".repeat(41) }),
    field: "customerOrderId",
    rule: /at most 40/,
  },
  {
    label: "adoptOrderId with a path",
    input: order({ adoptOrderId: "../orders" }),
    field: "adoptOrderId",
    rule: /order id/,
  },
  {
    label: "reservationIds without telephoneNumbers",
    input: order({ reservationIds: ["r-1"] }),
    field: "reservationIds",
    rule: /only with telephoneNumbers/,
  },
  {
    label: "unknown area code during preview passes through unchecked",
    input: order({ areaCode: UNKNOWN }),
    accept: { areaCode: UNKNOWN, customerOrderId: UNKNOWN },
  },
  {
    label: "unknown quantity during preview passes through",
    input: order({ quantity: UNKNOWN }),
    accept: { quantity: UNKNOWN },
  },
];

const VOICE_ROWS: Row[] = [
  { label: "no number", input: {}, field: "number", rule: /required/ },
  { label: "null number", input: { number: null }, field: "number", rule: /required/ },
  { label: "empty number", input: { number: "" }, field: "number", rule: /10 digits/ },
  { label: "non-US E.164", input: { number: "+442071234567" }, field: "number", rule: /North American \(\+1\)/ },
  { label: "French number", input: { number: "+33123456789" }, field: "number", rule: /North American/ },
  { label: "11 digits", input: { number: "19195551234" }, field: "number", rule: /10 digits/ },
  { label: "9 digits", input: { number: "919555123" }, field: "number", rule: /10 digits/ },
  { label: "dashes", input: { number: "919-555-1234" }, field: "number", rule: /10 digits/ },
  { label: "parentheses", input: { number: "(919) 555-1234" }, field: "number", rule: /10 digits/ },
  { label: "+1 with spaces", input: { number: "+1 919 555 1234" }, field: "number", rule: /10 digits/ },
  { label: "++1", input: { number: "++19195551234" }, field: "number", rule: /10 digits/ },
  { label: "letters", input: { number: "+1919FLOWERS" }, field: "number", rule: /10 digits/ },
  { label: "NPA starting with 1", input: { number: "+11195551234" }, field: "number", rule: /start with 2-9/ },
  { label: "NXX starting with 0", input: { number: "+19190551234" }, field: "number", rule: /start with 2-9/ },
  { label: "number as a JSON number", input: { number: 9195551234 }, field: "number", rule: /must be a string/ },
  { label: "number as an array", input: { number: ["+19195551234"] }, field: "number", rule: /must be a string/ },
  { label: "number as an object", input: { number: { e164: "+19195551234" } }, field: "number", rule: /string/ },
  { label: "number true", input: { number: true }, field: "number", rule: /must be a string/ },
  { label: "number with a newline", input: { number: "+1919555\n1234" }, field: "number", rule: /10 digits/ },
  {
    label: "path traversal in the number",
    input: { number: "../../users/u-other/phoneNumbers" },
    field: "number",
    rule: /10 digits/,
  },
  { label: "very long number", input: { number: "9".repeat(100_000) }, field: "number", rule: /10 digits/ },
  { label: "unicode digits", input: { number: "+١٩١٩٥٥٥١٢٣٤" }, field: "number", rule: /10 digits/ },
  {
    label: "applicationId with a slash",
    input: { number: "+19195551234", applicationId: "a-1/../x" },
    field: "applicationId",
    rule: /application id/,
  },
  {
    label: "applicationId of 65 characters",
    input: { number: "+19195551234", applicationId: "a".repeat(65) },
    field: "applicationId",
    rule: /application id/,
  },
  {
    label: "applicationId with markup",
    input: { number: "+19195551234", applicationId: "<script>" },
    field: "applicationId",
    rule: /application id/,
  },
  {
    label: "applicationId as a number",
    input: { number: "+19195551234", applicationId: 12 },
    field: "applicationId",
    rule: /must be a string/,
  },
  {
    label: "name of 101 characters",
    input: { number: "+19195551234", name: "n".repeat(101) },
    field: "name",
    rule: /at most 100/,
  },
  {
    label: "name of 100 000 characters",
    input: { number: "+19195551234", name: LONG },
    field: "name",
    rule: /at most 100/,
  },
  { label: "name with a NUL", input: { number: "+19195551234", name: "a\u0000" }, field: "name", rule: /control/ },
  {
    label: "name with an escape",
    input: { number: "+19195551234", name: "a\u001b[31m" },
    field: "name",
    rule: /control/,
  },
  {
    label: "name as an array",
    input: { number: "+19195551234", name: ["a"] },
    field: "name",
    rule: /must be a string/,
  },
  {
    label: "fallbackNumber non-US",
    input: { number: "+19195551234", fallbackNumber: "+442071234567" },
    field: "fallbackNumber",
    rule: /North American/,
  },
  {
    label: "fallbackNumber with letters",
    input: { number: "+19195551234", fallbackNumber: "call-me" },
    field: "fallbackNumber",
    rule: /10 digits/,
  },
  {
    label: "fallbackNumber as a number",
    input: { number: "+19195551234", fallbackNumber: 9195551235 },
    field: "fallbackNumber",
    rule: /must be a string/,
  },
  {
    label: 'adoptExisting "yes"',
    input: { number: "+19195551234", adoptExisting: "yes" },
    field: "adoptExisting",
    rule: /true or false/,
  },
  {
    label: "adoptExisting 1",
    input: { number: "+19195551234", adoptExisting: 1 },
    field: "adoptExisting",
    rule: /true or false/,
  },
  { label: "10 digits are normalised to E.164", input: { number: "9195551234" }, accept: { number: "+19195551234" } },
  {
    label: "surrounding spaces are trimmed",
    input: { number: " +19195551234 " },
    accept: { number: "+19195551234" },
  },
  {
    label: "fallbackNumber normalised to E.164",
    input: { number: "+19195551234", fallbackNumber: "9195551235" },
    accept: { fallbackNumber: "+19195551235" },
  },
  {
    label: "name with XML and JSON specials kept as is",
    input: { number: "+19195551234", name: `<a> & "b" \\ 'c'` },
    accept: { name: `<a> & "b" \\ 'c'` },
  },
  {
    label: 'adoptExisting "true" from stack config',
    input: { number: "+19195551234", adoptExisting: "true" },
    accept: { adoptExisting: true },
  },
  { label: "unknown number during preview passes through", input: { number: UNKNOWN }, accept: { number: UNKNOWN } },
];

const SEARCH_ROWS: Row[] = [
  { label: "no criteria", input: {}, field: "areaCode", rule: /one way to choose/ },
  { label: "two criteria", input: { areaCode: "919", zip: "27601" }, field: "zip", rule: /one way only/ },
  {
    label: "three criteria",
    input: { areaCode: "919", zip: "27601", lata: "426" },
    field: "zip",
    rule: /one way only/,
  },
  { label: "unknown key", input: { areaCode: "919", foo: "bar" }, field: "foo", rule: /not a search criterion/ },
  {
    label: "telephoneNumbers is not a search",
    input: { telephoneNumbers: ["9195551234"] },
    field: "telephoneNumbers",
    rule: /not a search criterion/,
  },
  {
    label: "__proto__ key",
    input: JSON.parse('{"areaCode":"919","__proto__":{"polluted":true}}'),
    field: "__proto__",
    rule: /not a search criterion/,
  },
  {
    label: "constructor key",
    input: { areaCode: "919", constructor: "x" },
    field: "constructor",
    rule: /not a search/,
  },
  { label: "quantity 0", input: { areaCode: "919", quantity: 0 }, field: "quantity", rule: /1 to 5000/ },
  { label: "quantity 5001", input: { areaCode: "919", quantity: 5001 }, field: "quantity", rule: /1 to 5000/ },
  { label: "quantity 1.5", input: { areaCode: "919", quantity: 1.5 }, field: "quantity", rule: /whole number/ },
  { label: "quantity NaN", input: { areaCode: "919", quantity: Number.NaN }, field: "quantity", rule: /whole number/ },
  { label: "quantity -5", input: { areaCode: "919", quantity: -5 }, field: "quantity", rule: /whole number/ },
  { label: 'quantity "ten"', input: { areaCode: "919", quantity: "ten" }, field: "quantity", rule: /whole number/ },
  { label: "quantity [3]", input: { areaCode: "919", quantity: [3] }, field: "quantity", rule: /whole number/ },
  { label: "quantity 1e9", input: { areaCode: "919", quantity: 1e9 }, field: "quantity", rule: /1 to 5000/ },
  { label: 'area code "1"', input: { areaCode: "1" }, field: "areaCode", rule: /3 digits/ },
  { label: 'area code "011"', input: { areaCode: "011" }, field: "areaCode", rule: /first 2-9/ },
  { label: 'area code "+1919"', input: { areaCode: "+1919" }, field: "areaCode", rule: /3 digits/ },
  { label: "area code 919 as a number", input: { areaCode: 919 }, field: "areaCode", rule: /must be a string/ },
  { label: "area code as an array", input: { areaCode: ["919"] }, field: "areaCode", rule: /must be a string/ },
  { label: "area code of 100 000 chars", input: { areaCode: LONG }, field: "areaCode", rule: /at most 200/ },
  {
    label: "query injection in an area code",
    input: { areaCode: "919&quantity=5000" },
    field: "areaCode",
    rule: /3 digits/,
  },
  { label: "npaNxx of 5 digits", input: { npaNxx: "91955" }, field: "npaNxx", rule: /6 digits/ },
  { label: "npaNxx with NXX 0..", input: { npaNxx: "919055" }, field: "npaNxx", rule: /start with 2-9/ },
  { label: "npaNxxx of 6 digits", input: { npaNxxx: "919555" }, field: "npaNxxx", rule: /7 digits/ },
  { label: "zip with letters", input: { zip: "2760A" }, field: "zip", rule: /NNNNN/ },
  { label: "zip as a number", input: { zip: 27601 }, field: "zip", rule: /must be a string/ },
  { label: "lata of 6 digits", input: { lata: "123456" }, field: "lata", rule: /at most 5 digits/ },
  { label: 'state "North Carolina"', input: { state: "North Carolina" }, field: "state", rule: /two-letter/ },
  { label: "city without state", input: { city: "RALEIGH" }, field: "state", rule: /required with city/ },
  { label: "city with digits", input: { city: "R4LEIGH", state: "NC" }, field: "city", rule: /letters/ },
  {
    label: "rateCenter with markup",
    input: { rateCenter: "<x>", state: "NC" },
    field: "rateCenter",
    rule: /rate center/,
  },
  { label: "state with a zip", input: { zip: "27601", state: "NC" }, field: "state", rule: /goes only with/ },
  {
    label: "tollFreeVanity of 8 chars",
    input: { tollFreeVanity: "FLOWERSS" },
    field: "tollFreeVanity",
    rule: /4 to 7/,
  },
  { label: "tollFreeVanity with a dash", input: { tollFreeVanity: "GO-NOW" }, field: "tollFreeVanity", rule: /4 to 7/ },
  {
    label: 'wildcard "8***"',
    input: { tollFreeWildCardPattern: "8***" },
    field: "tollFreeWildCardPattern",
    rule: /8 followed/,
  },
  { label: "localVanity of 2", input: { localVanity: "HI" }, field: "localVanity", rule: /4 to 7/ },
  {
    label: "endsIn without vanity",
    input: { areaCode: "919", endsIn: true },
    field: "endsIn",
    rule: /only with localVanity/,
  },
  { label: 'endsIn "yes"', input: { localVanity: "CALL", endsIn: "yes" }, field: "endsIn", rule: /true or false/ },
  { label: "enableLCA with zip", input: { zip: "27601", enableLCA: true }, field: "enableLCA", rule: /goes only/ },
  { label: 'enableLCA "1"', input: { npaNxx: "919555", enableLCA: "1" }, field: "enableLCA", rule: /true or false/ },
];

describe("hostile input: rejected before any request, naming the field and the rule", () => {
  const ctx = emulatorSuite();

  const check = async (provider: typeof providers.phoneNumberOrder, row: Row) => {
    const result = await provider.check!({}, row.input);
    return { inputs: result.inputs as Record<string, unknown>, failures: result.failures ?? [] };
  };

  const expectOutcome = (row: Row, failures: Array<{ property: string; reason: string }>, inputs?: object) => {
    if (row.accept) {
      expect(failures, `${row.label}: ${JSON.stringify(failures)}`).to.deep.equal([]);
      expect(inputs, row.label).to.deep.include(row.accept);
      return;
    }
    const hit = failures.find((f) => f.property === row.field);
    expect(hit, `${row.label}: expected a failure on ${row.field}, got ${JSON.stringify(failures)}`).to.not.equal(
      undefined,
    );
    expect(hit!.reason, row.label).to.match(row.rule!);
    for (const f of failures) expect(f.reason.length, `${row.label}: reasons stay short`).to.be.below(400);
  };

  it(`PhoneNumberOrder check: ${ORDER_ROWS.length} hostile inputs, each rejected or normalised, no request`, async () => {
    expect(ORDER_ROWS.length).to.be.at.least(40);
    for (const row of ORDER_ROWS) {
      const { inputs, failures } = await check(providers.phoneNumberOrder, {
        ...row,
        input: { resourceKey: "proj/stack/hostile", ...row.input },
      });
      expectOutcome(row, failures, inputs);
    }
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  it(`VoiceImport check: ${VOICE_ROWS.length} hostile inputs, each rejected or normalised, no request`, async () => {
    expect(VOICE_ROWS.length).to.be.at.least(40);
    for (const row of VOICE_ROWS) {
      const { inputs, failures } = await check(providers.voiceImport, row);
      expectOutcome(row, failures, inputs);
    }
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  it(`getAvailableNumbers: ${SEARCH_ROWS.length} hostile queries, each a ValidationError, no request`, async () => {
    expect(SEARCH_ROWS.length).to.be.at.least(40);
    for (const row of SEARCH_ROWS) {
      let failures: Array<{ property: string; reason: string }> = [];
      try {
        await getAvailableNumbers(row.input as never);
        expect.fail(`${row.label}: the search was accepted`);
      } catch (e) {
        expect((e as ValidationError).code, `${row.label}: ${(e as Error).message}`).to.equal("VALIDATION");
        expect((e as Error).message).to.include(row.field!);
        failures = (e as ValidationError).failures;
      }
      expectOutcome(row, failures);
    }
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  it("a null, string or array query is a ValidationError too, with no request", async () => {
    for (const query of [null, undefined, "919", ["919"], 919]) {
      const err = await getAvailableNumbers(query as never).catch((e: Error) => e);
      expect((err as ValidationError).code, String(query)).to.equal("VALIDATION");
    }
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  it("an unknown (preview) value given to getAvailableNumbers is refused before any request", async () => {
    const err = await getAvailableNumbers({ areaCode: UNKNOWN }).catch((e: Error & { code?: string }) => e);
    expect(["VALIDATION", "INVALID_REQUEST"]).to.include((err as { code?: string }).code);
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  // Known bug (provider/resources/phoneNumberOrder.ts, check): the criteria overwrite the passed-through list, so the
  // unknown element is dropped and the preview's diff shows a removal that the real update will not make.
  it("BUG: an unknown element in telephoneNumbers during preview is passed through by check, not dropped", async () => {
    const result = await providers.phoneNumberOrder.check!(
      {},
      { siteId: "461", resourceKey: "proj/stack/hostile", telephoneNumbers: ["9195551234", UNKNOWN] },
    );
    expect(result.failures ?? []).to.deep.equal([]);
    expect((result.inputs as Record<string, unknown>).telephoneNumbers).to.deep.equal(["9195551234", UNKNOWN]);
    expect(ctx.emu.requestLog()).to.deep.equal([]);
  });

  it("names with XML specials are escaped on the wire and round-trip through the emulator unchanged", async () => {
    const tricky = `<Order>&amp; "q" 'a' ]]> <![CDATA[x]]>`.slice(0, 50);
    const renamed = `</Name><Quantity>5000</Quantity> & more`;
    const created = await engineCreate(providers.phoneNumberOrder, {
      siteId: ctx.emu.credentials.siteId,
      resourceKey: "proj/stack/xml",
      areaCode: "919",
      name: tricky,
    });
    const account = ctx.emu.credentials.accountId;
    expect(ctx.emu.model.getOrder(account, created.id).name).to.equal(tricky);
    expect(ctx.emu.model.getOrder(account, created.id).quantity).to.equal(1);
    const up = await engineUpdate(providers.phoneNumberOrder, created.id, created.outs, {
      siteId: ctx.emu.credentials.siteId,
      resourceKey: "proj/stack/xml",
      areaCode: "919",
      name: renamed,
    });
    expect(up.outs.name).to.equal(renamed);
    expect(ctx.emu.model.getOrder(account, created.id).name).to.equal(renamed);
    expect(ctx.emu.model.listOrders(account)).to.have.length(1);
    const voice = await engineCreate(providers.voiceImport, {
      number: (created.outs.e164Numbers as string[])[0],
      name: `<v> & "w" \\ 'x'`,
    });
    expect(ctx.emu.model.listVoiceNumbers(ctx.emu.credentials.userId)[0].name).to.equal(`<v> & "w" \\ 'x'`);
    await providers.voiceImport.delete!(voice.id, voice.outs);
    await providers.phoneNumberOrder.delete!(created.id, up.outs);
    expect(ctx.emu.model.numbersInService(account)).to.deep.equal([]);
  });
});
