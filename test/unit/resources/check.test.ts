import { expect } from "chai";
import {
  checkPhoneNumberOrder,
  diffPhoneNumberOrder,
  type PhoneNumberOrderInputs,
  type PhoneNumberOrderOutputs,
} from "../../../provider/resources/phoneNumberOrder";
import { checkVoiceImport, diffVoiceImport, type VoiceImportOutputs } from "../../../provider/resources/voiceImport";
import { checkAvailableNumbersQuery } from "../../../provider/search";
import { toTenDigits, UNKNOWN, ValidationError } from "../../../provider/validation";

const base = { siteId: "461", resourceKey: "proj/dev/numbers" };

function failuresOf(news: Record<string, unknown>) {
  return checkPhoneNumberOrder(news).failures;
}

function expectFailure(news: Record<string, unknown>, property: string, pattern: RegExp) {
  const failures = failuresOf(news);
  const hit = failures.find((f) => f.property === property);
  expect(hit, `expected a failure on ${property}, got ${JSON.stringify(failures)}`).to.not.equal(undefined);
  expect(hit!.reason).to.match(pattern);
}

describe("PhoneNumberOrder check", () => {
  it("orders local vanity numbers by area code and vanity together, as Bandwidth requires", () => {
    const { inputs, failures } = checkPhoneNumberOrder({ ...base, areaCode: "919", localVanity: "call", endsIn: true });
    expect(failures).to.deep.equal([]);
    expect(inputs).to.include({ areaCode: "919", localVanity: "CALL", endsIn: true });
  });

  it("takes each DisconnectMode Bandwidth documents: normal, soft-remove, purge", () => {
    for (const mode of ["normal", "soft-remove", "purge"]) {
      expect(failuresOf({ ...base, areaCode: "919", disconnectMode: mode }), mode).to.deep.equal([]);
    }
  });

  it("defaults quantity to 1 so the API's default of 5000 never applies", () => {
    const { inputs, failures } = checkPhoneNumberOrder({ ...base, areaCode: "919" });
    expect(failures).to.deep.equal([]);
    expect(inputs.quantity).to.equal(1);
    expect(inputs.partialAllowed).to.equal(false);
    expect(inputs.backOrderRequested).to.equal(false);
    expect(inputs.name).to.equal("numbers");
  });

  it("normalises specific numbers from +1 E.164 to 10 digits and sets quantity to their count", () => {
    const { inputs, failures } = checkPhoneNumberOrder({ ...base, telephoneNumbers: ["+19195551234", "9195551235"] });
    expect(failures).to.deep.equal([]);
    expect(inputs.telephoneNumbers).to.deep.equal(["9195551234", "9195551235"]);
    expect(inputs.quantity).to.equal(2);
  });

  it("derives a CustomerOrderId within Bandwidth's 40-character charset, stable across runs", () => {
    const a = checkPhoneNumberOrder({ ...base, areaCode: "919" }).inputs.customerOrderId as string;
    const b = checkPhoneNumberOrder({ ...base, areaCode: "919", quantity: 3 }).inputs.customerOrderId as string;
    expect(a).to.match(/^[A-Za-z0-9 -]{1,40}$/);
    expect(a).to.equal(b, "quantity changes in place, so it must not change the order's identity");
  });

  it("derives a different CustomerOrderId when criteria, site or resource name change (a replacement never adopts its predecessor)", () => {
    const id = (news: Record<string, unknown>) => checkPhoneNumberOrder(news).inputs.customerOrderId;
    const original = id({ ...base, areaCode: "919" });
    expect(id({ ...base, areaCode: "910" })).to.not.equal(original);
    expect(id({ ...base, siteId: "462", areaCode: "919" })).to.not.equal(original);
    expect(id({ ...base, resourceKey: "proj/dev/other", areaCode: "919" })).to.not.equal(original);
  });

  it("keeps a user-given CustomerOrderId as is", () => {
    const { inputs } = checkPhoneNumberOrder({ ...base, areaCode: "919", customerOrderId: "crm 42-a" });
    expect(inputs.customerOrderId).to.equal("crm 42-a");
  });

  it("tolerates unknown values during preview and leaves them unknown", () => {
    const { inputs, failures } = checkPhoneNumberOrder({
      ...base,
      siteId: UNKNOWN,
      areaCode: UNKNOWN,
      quantity: UNKNOWN,
    });
    expect(failures).to.deep.equal([]);
    expect(inputs.siteId).to.equal(UNKNOWN);
    expect(inputs.areaCode).to.equal(UNKNOWN);
    expect(inputs.quantity).to.equal(UNKNOWN);
    expect(inputs.customerOrderId).to.equal(UNKNOWN);
  });

  const rejections: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing siteId", { areaCode: "919" }, "siteId", /required/],
    ["a non-numeric siteId", { siteId: "abc", areaCode: "919" }, "siteId", /numeric/],
    ["no way to choose numbers", { ...base }, "areaCode", /one way to choose numbers is required/],
    ["two ways at once", { ...base, areaCode: "919", zip: "27511" }, "zip", /one way only/],
    ["quantity 0", { ...base, areaCode: "919", quantity: 0 }, "quantity", /1 to 5000/],
    ["quantity 5001", { ...base, areaCode: "919", quantity: 5001 }, "quantity", /1 to 5000/],
    ["quantity 1.5", { ...base, areaCode: "919", quantity: 1.5 }, "quantity", /whole number/],
    ["an area code starting with 1", { ...base, areaCode: "119" }, "areaCode", /first 2-9/],
    ["a 5-digit npaNxx", { ...base, npaNxx: "91955" }, "npaNxx", /6 digits/],
    ["a malformed zip", { ...base, zip: "2751" }, "zip", /NNNNN/],
    ["a 6-digit LATA", { ...base, lata: "123456" }, "lata", /5 digits/],
    ["a three-letter state", { ...base, state: "NCA" }, "state", /two-letter/],
    ["rateCenter without state", { ...base, rateCenter: "CARY" }, "state", /required with rateCenter/],
    ["city without state", { ...base, city: "Cary" }, "state", /required with city/],
    ["a vanity of 3 letters", { ...base, tollFreeVanity: "CAT" }, "tollFreeVanity", /4 to 7/],
    ["a bad wildcard", { ...base, tollFreeWildCardPattern: "9**" }, "tollFreeWildCardPattern", /8\*\*/],
    ["a name over 50 characters", { ...base, areaCode: "919", name: "x".repeat(51) }, "name", /at most 50/],
    [
      "a CustomerOrderId with '<'",
      { ...base, areaCode: "919", customerOrderId: "a<b" },
      "customerOrderId",
      /40 letters/,
    ],
    [
      "a CustomerOrderId over 40",
      { ...base, areaCode: "919", customerOrderId: "a".repeat(41) },
      "customerOrderId",
      /at most 40/,
    ],
    ["a non-US number", { ...base, telephoneNumbers: ["+442071234567"] }, "telephoneNumbers[0]", /North American/],
    ["a 9-digit number", { ...base, telephoneNumbers: ["919555123"] }, "telephoneNumbers[0]", /10 digits/],
    [
      "a duplicated number",
      { ...base, telephoneNumbers: ["9195551234", "+19195551234"] },
      "telephoneNumbers[1]",
      /twice/,
    ],
    [
      "quantity unequal to the numbers",
      { ...base, telephoneNumbers: ["9195551234"], quantity: 2 },
      "quantity",
      /must equal/,
    ],
    [
      "a backorder of specific numbers",
      { ...base, telephoneNumbers: ["9195551234"], backOrderRequested: true },
      "backOrderRequested",
      /5522/,
    ],
    ["endsIn without localVanity", { ...base, areaCode: "919", endsIn: true }, "endsIn", /localVanity/],
    ["a local vanity order without its area code", { ...base, localVanity: "CALL" }, "areaCode", /localVanity/],
    [
      "a DisconnectMode Bandwidth refuses",
      { ...base, areaCode: "919", disconnectMode: "full" },
      "disconnectMode",
      /purge/,
    ],
    ["enableLCA with an area code", { ...base, areaCode: "919", enableLCA: true }, "enableLCA", /npaNxx/],
    ["an unknown TN attribute", { ...base, areaCode: "919", tnAttributes: ["Gold"] }, "tnAttributes[0]", /Protected/],
    [
      "a bad disconnectProtected",
      { ...base, areaCode: "919", disconnectProtected: "MAYBE" },
      "disconnectProtected",
      /TRUE, FALSE or UNCHANGED/,
    ],
    ["timeoutSeconds 0", { ...base, areaCode: "919", timeoutSeconds: 0 }, "timeoutSeconds", /whole number/],
    [
      "reservationIds without numbers",
      { ...base, areaCode: "919", reservationIds: ["r-1"] },
      "reservationIds",
      /telephoneNumbers/,
    ],
    ["state with an area code", { ...base, areaCode: "919", state: "NC" }, "state", /only with rateCenter or city/],
  ];
  for (const [what, news, property, pattern] of rejections) {
    it(`rejects ${what}, naming ${property} and the rule`, () => expectFailure(news, property, pattern));
  }

  it("never echoes a hostile value at full length in a message", () => {
    const failures = failuresOf({ ...base, areaCode: "9".repeat(10_000) });
    expect(failures[0].reason.length).to.be.lessThan(200);
  });
});

describe("PhoneNumberOrder diff", () => {
  const inputs = checkPhoneNumberOrder({ ...base, areaCode: "919", quantity: 2 })
    .inputs as unknown as PhoneNumberOrderInputs;
  const state: PhoneNumberOrderOutputs = {
    ...inputs,
    orderType: "AreaCodeSearchAndOrderType",
    orderIds: ["o-1"],
    pendingOrderIds: [],
    orderStatus: "COMPLETE",
    telephoneNumbers: ["9195550001", "9195550002"],
    e164Numbers: ["+19195550001", "+19195550002"],
    failedNumbers: [],
    vacatedSlots: [],
    moveOrderIds: [],
  };

  it("reports no change when nothing changed", () => {
    expect(diffPhoneNumberOrder(state, inputs)).to.deep.include({ changes: false, replaces: [] });
  });
  it("updates in place on a new name", () => {
    expect(diffPhoneNumberOrder(state, { ...inputs, name: "renamed" })).to.deep.include({
      changes: true,
      replaces: [],
    });
  });
  it("updates in place on a new quantity (extra order or disconnect, never a replace)", () => {
    expect(diffPhoneNumberOrder(state, { ...inputs, quantity: 3 })).to.deep.include({ changes: true, replaces: [] });
    expect(diffPhoneNumberOrder(state, { ...inputs, quantity: 1 })).to.deep.include({ changes: true, replaces: [] });
  });
  it("updates when refresh dropped a number, so the next up restores it", () => {
    const drifted = { ...state, telephoneNumbers: ["9195550001"] };
    expect(diffPhoneNumberOrder(drifted, inputs)).to.deep.include({ changes: true, replaces: [] });
  });
  it("replaces on new criteria", () => {
    expect(diffPhoneNumberOrder(state, { ...inputs, areaCode: "910" }).replaces).to.deep.equal(["areaCode"]);
  });
  it("moves in place on a new site or peer: an update that previews the same numbers at the same indexes", () => {
    for (const change of [{ siteId: "462" }, { peerId: "1" }, { siteId: "462", peerId: "1" }]) {
      const diff = diffPhoneNumberOrder(state, { ...inputs, ...change });
      expect(diff, JSON.stringify(change)).to.deep.include({ changes: true, replaces: [] });
      expect(diff.stables).to.include.members(["telephoneNumbers", "e164Numbers", "orderIds"]);
      expect(diff.stables).to.not.include.members(["siteId"]);
      expect(diff.stables).to.not.include("moveOrderIds");
    }
  });
  it("check lets a site or peer change keep an explicit customerOrderId: nothing is replaced", () => {
    const olds = checkPhoneNumberOrder({ ...base, areaCode: "919", customerOrderId: "crm-7" }).inputs;
    const moved = checkPhoneNumberOrder({ ...base, areaCode: "919", customerOrderId: "crm-7", peerId: "1" }, olds);
    expect(moved.failures).to.deep.equal([]);
  });
  it("updates with no replace for wait and disconnect options", () => {
    expect(diffPhoneNumberOrder(state, { ...inputs, timeoutSeconds: 30 })).to.deep.include({
      changes: true,
      replaces: [],
    });
    expect(diffPhoneNumberOrder(state, { ...inputs, disconnectMode: "normal" })).to.deep.include({
      changes: true,
      replaces: [],
    });
  });
  it("updates (to resume) while an order is pending", () => {
    expect(diffPhoneNumberOrder({ ...state, pendingOrderIds: ["o-1"] }, inputs).changes).to.equal(true);
  });
  it("treats specific numbers as a set: added or removed numbers update, the same set does not", () => {
    const tnState = { ...state, orderType: "ExistingTelephoneNumberOrderType", areaCode: undefined };
    const tnInputs = { ...inputs, areaCode: undefined, telephoneNumbers: ["9195550002", "9195550001"] };
    expect(diffPhoneNumberOrder(tnState, tnInputs)).to.deep.include({ changes: false, replaces: [] });
    expect(diffPhoneNumberOrder(tnState, { ...tnInputs, telephoneNumbers: ["9195550001"] })).to.deep.include({
      changes: true,
      replaces: [],
    });
  });
});

describe("VoiceImport check and diff", () => {
  it("normalises a 10-digit number to E.164", () => {
    const { inputs, failures } = checkVoiceImport({ number: "9195551234" });
    expect(failures).to.deep.equal([]);
    expect(inputs.number).to.equal("+19195551234");
    expect(inputs.adoptExisting).to.equal(false);
  });
  it("rejects a missing number and a non-US number, naming the field", () => {
    expect(checkVoiceImport({}).failures[0]).to.deep.include({ property: "number" });
    expect(checkVoiceImport({ number: "+33123456789" }).failures[0].reason).to.match(/North American/);
    expect(checkVoiceImport({ number: "9195551234", fallbackNumber: "12" }).failures[0].property).to.equal(
      "fallbackNumber",
    );
  });
  const olds: VoiceImportOutputs = {
    number: "+19195551234",
    applicationId: "a-1",
    adoptExisting: false,
    numberId: "n-1",
  };
  it("replaces (deleting first) when the number changes", () => {
    expect(diffVoiceImport(olds, { ...olds, number: "+19195551235" })).to.deep.equal({
      changes: true,
      replaces: ["number"],
      deleteBeforeReplace: true,
    });
  });
  it("leaves a name v1 chose alone when the program gives none, but detaches an application left out", () => {
    const withName = { ...olds, name: "+19195551234" };
    expect(
      diffVoiceImport(withName, { number: olds.number, adoptExisting: false, applicationId: "a-1" }).changes,
    ).to.equal(false);
    expect(diffVoiceImport(withName, { number: olds.number, adoptExisting: false }).changes).to.equal(true);
  });
  it("updates in place when the application changes, and shows drift", () => {
    expect(diffVoiceImport(olds, { ...olds, applicationId: "a-2" })).to.deep.include({ changes: true, replaces: [] });
    expect(diffVoiceImport(olds, { ...olds })).to.deep.include({ changes: false });
  });
});

describe("getAvailableNumbers query check", () => {
  it("accepts one criterion and defaults the quantity", () => {
    expect(checkAvailableNumbersQuery({ areaCode: "919" })).to.deep.include({ areaCode: "919", quantity: 10 });
  });
  it("rejects no criterion, two criteria and unknown keys with ValidationError", () => {
    expect(() => checkAvailableNumbersQuery({})).to.throw(ValidationError, /one way to choose numbers/);
    expect(() => checkAvailableNumbersQuery({ areaCode: "919", zip: "27511" })).to.throw(
      ValidationError,
      /one way only/,
    );
    expect(() => checkAvailableNumbersQuery({ areaCode: "919", colour: "red" } as never)).to.throw(
      ValidationError,
      /colour: is not a search criterion/,
    );
  });
});

describe("telephone number normalisation", () => {
  it("accepts 10 digits and +1 E.164 and refuses the rest", () => {
    expect(toTenDigits("+19195551234")).to.deep.equal({ tn: "9195551234" });
    expect(toTenDigits(" 9195551234 ")).to.deep.equal({ tn: "9195551234" });
    expect(toTenDigits("19195551234")).to.have.property("error");
    expect(toTenDigits("1195551234")).to.have.property("error");
    expect(toTenDigits(9195551234)).to.have.property("error");
  });
});
