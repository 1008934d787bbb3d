import { expect } from "chai";
import { InvalidRequestError } from "../../../provider/http/errors";
import {
  DEFAULT_SEARCH_QUANTITY,
  ORDER_TYPES,
  orderTypeElement,
  orderTypeFor,
  searchQuery,
  tenDigitNumber,
} from "../../../provider/numbers/orderTypes";
import type { OrderCriteria } from "../../../provider/numbers/types";
import { child, readXml, text, writeXml } from "../../../provider/numbers/xml";

const CASES: { criteria: OrderCriteria; element: string; children: Record<string, unknown> }[] = [
  {
    criteria: { telephoneNumbers: ["+19195550001", "9195550002"] },
    element: "ExistingTelephoneNumberOrderType",
    children: { TelephoneNumberList: { TelephoneNumber: ["9195550001", "9195550002"] } },
  },
  {
    criteria: { reservationIds: ["r-1"] },
    element: "ExistingTelephoneNumberOrderType",
    children: { ReservationIdList: { ReservationId: ["r-1"] } },
  },
  {
    criteria: { areaCode: "910", quantity: 3 },
    element: "AreaCodeSearchAndOrderType",
    children: { AreaCode: "910", Quantity: "3" },
  },
  {
    criteria: { npaNxx: "540551", enableLCA: false },
    element: "NPANXXSearchAndOrderType",
    children: { NpaNxx: "540551", EnableLCA: "false", Quantity: "1" },
  },
  {
    criteria: { npaNxxx: "5405514" },
    element: "CombinedSearchAndOrderType",
    children: { NpaNxxX: "5405514", Quantity: "1" },
  },
  {
    criteria: { rateCenter: "RALEIGH", state: "NC" },
    element: "RateCenterSearchAndOrderType",
    children: { RateCenter: "RALEIGH", State: "NC", Quantity: "1" },
  },
  { criteria: { zip: "02134" }, element: "ZIPSearchAndOrderType", children: { Zip: "02134", Quantity: "1" } },
  {
    criteria: { city: "CARY", state: "NC" },
    element: "CitySearchAndOrderType",
    children: { City: "CARY", State: "NC", Quantity: "1" },
  },
  { criteria: { state: "NC" }, element: "StateSearchAndOrderType", children: { State: "NC", Quantity: "1" } },
  { criteria: { lata: "426" }, element: "LATASearchAndOrderType", children: { Lata: "426", Quantity: "1" } },
  {
    criteria: { tollFreeVanity: "NEWCARS" },
    element: "TollFreeVanitySearchAndOrderType",
    children: { TollFreeVanity: "NEWCARS", Quantity: "1" },
  },
  {
    criteria: { tollFreeWildCardPattern: "8**" },
    element: "TollFreeWildCharSearchAndOrderType",
    children: { TollFreeWildCardPattern: "8**", Quantity: "1" },
  },
  {
    criteria: { localVanity: "PIZZA", endsIn: true, quantity: 2 },
    element: "CombinedSearchAndOrderType",
    children: { LocalVanity: "PIZZA", EndsIn: "true", Quantity: "2" },
  },
  {
    criteria: { areaCode: "919", enableLCA: true },
    element: "CombinedSearchAndOrderType",
    children: { AreaCode: "919", EnableLCA: "true", Quantity: "1" },
  },
];

describe("order-type table", () => {
  for (const c of CASES) {
    it(`turns ${JSON.stringify(c.criteria)} into ${c.element} with its documented children`, () => {
      expect(orderTypeElement(c.criteria)).to.deep.equal({ [c.element]: c.children });
    });
  }

  it("covers every order type of the API reference", () => {
    const produced = new Set(CASES.map((c) => c.element));
    for (const t of ORDER_TYPES) expect(produced.has(t.element), t.element).to.equal(true);
    expect(ORDER_TYPES.map((t) => t.element)).to.include.members([
      "ExistingTelephoneNumberOrderType",
      "AreaCodeSearchAndOrderType",
      "NPANXXSearchAndOrderType",
      "RateCenterSearchAndOrderType",
      "ZIPSearchAndOrderType",
      "StateSearchAndOrderType",
      "CitySearchAndOrderType",
      "LATASearchAndOrderType",
      "TollFreeVanitySearchAndOrderType",
      "TollFreeWildCharSearchAndOrderType",
      "CombinedSearchAndOrderType",
    ]);
  });

  it("always sends Quantity for search-and-order types, defaulting to 1 (never the API's 5000)", () => {
    for (const c of CASES.filter((x) => x.element !== "ExistingTelephoneNumberOrderType")) {
      const children = orderTypeElement(c.criteria)[c.element] as Record<string, unknown>;
      expect(children.Quantity, c.element).to.equal(String(c.criteria.quantity ?? 1));
    }
  });

  it("survives a round trip through the XML writer and reader", () => {
    const xml = writeXml("Order", { SiteId: "1", ...orderTypeElement({ zip: "02134", quantity: 5 }) });
    const type = child(child(readXml(xml), "Order"), "ZIPSearchAndOrderType");
    expect(text(type, "Zip")).to.equal("02134");
    expect(text(type, "Quantity")).to.equal("5");
  });

  it("refuses criteria no order type accepts", () => {
    expect(() => orderTypeFor({})).to.throw(InvalidRequestError);
    expect(() => orderTypeFor({ telephoneNumbers: ["9195550001"], areaCode: "919" })).to.throw(InvalidRequestError);
    expect(() => orderTypeFor({ endsIn: true })).to.throw(InvalidRequestError);
    expect(() => orderTypeFor({ tollFreeVanity: "CARS", zip: "02134" })).to.throw(/no order type accepts/);
  });

  it("normalises E.164 and punctuated numbers to 10 digits", () => {
    expect(tenDigitNumber("+19195550001")).to.equal("9195550001");
    expect(tenDigitNumber("(919) 555-0001")).to.equal("9195550001");
    expect(tenDigitNumber("9195550001")).to.equal("9195550001");
  });
});

describe("availableNumbers query", () => {
  it("maps criteria to the documented query parameters with TN details and a bounded quantity", () => {
    expect(searchQuery({ rateCenter: "RALEIGH", state: "NC", enableLCA: false })).to.deep.equal({
      rateCenter: "RALEIGH",
      state: "NC",
      LCA: "false",
      quantity: String(DEFAULT_SEARCH_QUANTITY),
      enableTNDetail: "true",
    });
    expect(searchQuery({ localVanity: "PIZZA", endsIn: true, quantity: 3 })).to.include({
      localVanity: "PIZZA",
      endsIn: "true",
      quantity: "3",
    });
  });

  it("refuses a search with no criterion", () => {
    expect(() => searchQuery({ quantity: 2 })).to.throw(InvalidRequestError);
  });
});
