import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import {
  block,
  existingNumbersXml,
  fastEmulator,
  numbersCall,
  orderXml,
  placeOrder,
  sleep,
  tag,
  tags,
  waitOrder,
} from "./calls";

describe("emulator: orders", () => {
  let emu: RunningEmulator;
  let ordersPath: string;
  before(async () => {
    emu = await fastEmulator();
    ordersPath = `/accounts/${emu.credentials.accountId}/orders`;
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  const orderTypes: Array<[string, Record<string, string>, (tn: string) => boolean]> = [
    ["AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "2" }, (tn) => tn.startsWith("910")],
    ["NPANXXSearchAndOrderType", { NpaNxx: "919230", Quantity: "2" }, (tn) => tn.startsWith("919230")],
    [
      "RateCenterSearchAndOrderType",
      { RateCenter: "CARY", State: "NC", Quantity: "2" },
      (tn) => /^919(367|380)/.test(tn),
    ],
    ["ZIPSearchAndOrderType", { Zip: "02134", Quantity: "2" }, (tn) => tn.startsWith("617")],
    ["StateSearchAndOrderType", { State: "CA", Quantity: "2" }, (tn) => tn.startsWith("415")],
    ["CitySearchAndOrderType", { City: "BOSTON", State: "MA", Quantity: "2" }, (tn) => tn.startsWith("617")],
    ["LATASearchAndOrderType", { Lata: "722", Quantity: "2" }, (tn) => tn.startsWith("415")],
    ["LATASearchAndOrderType", { LATA: "132", Quantity: "2" }, (tn) => tn.startsWith("212")],
    ["TollFreeVanitySearchAndOrderType", { TollFreeVanity: "FLOWERS", Quantity: "1" }, (tn) => tn === "8003569377"],
    [
      "TollFreeWildCharSearchAndOrderType",
      { TollFreeWildCardPattern: "87*", Quantity: "2" },
      (tn) => tn.startsWith("877"),
    ],
    [
      "CombinedSearchAndOrderType",
      { Quantity: "2", AreaCode: "919", RateCenter: "RALEIGH", State: "NC" },
      (tn) => /^919(230|238|460|555)/.test(tn),
    ],
  ];
  for (const [type, fields, matches] of orderTypes) {
    it(`completes a ${type} order (${Object.keys(fields).join(", ")}) with matching numbers`, async () => {
      const id = await placeOrder(emu, orderXml(type, fields));
      const body = await waitOrder(emu, id);
      expect(tag(body, "OrderStatus")).to.equal("COMPLETE");
      const numbers = tags(body, "FullNumber");
      expect(numbers).to.have.length(Number(fields.Quantity));
      for (const tn of numbers) expect(matches(tn), tn).to.equal(true);
      expect(emu.model.numbersInService(emu.credentials.accountId)).to.include.members(numbers);
    });
  }

  it("completes an ExistingTelephoneNumberOrderType order for searched numbers", async () => {
    const search = await numbersCall(
      emu,
      "GET",
      `/accounts/${emu.credentials.accountId}/availableNumbers?npaNxx=540551&quantity=2`,
    );
    const wanted = tags(search.body, "TelephoneNumber");
    const body = await waitOrder(emu, await placeOrder(emu, existingNumbersXml(wanted)));
    expect(tag(body, "OrderStatus")).to.equal("COMPLETE");
    expect(tags(body, "FullNumber").sort()).to.deep.equal([...wanted].sort());
    expect(tag(body, "Summary")).to.equal("2 numbers ordered in (540)");
  });

  it("answers 201 with an absolute Location, a lower-case <id> and RECEIVED", async () => {
    const res = await numbersCall(
      emu,
      "POST",
      ordersPath,
      orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }),
    );
    expect(res.status).to.equal(201);
    const id = tag(res.body, "id")!;
    expect(res.headers.get("location")).to.equal(`${emu.dashboardUrl}${ordersPath}/${id}`);
    expect(tag(res.body, "OrderStatus")).to.equal("RECEIVED");
    expect(block(res.body, "Order")).to.contain(`<id>${id}</id>`);
  });

  it("echoes the order WITHOUT <id> on GET and reports the full OrderResponse", async () => {
    const id = await placeOrder(
      emu,
      orderXml(
        "AreaCodeSearchAndOrderType",
        { AreaCode: "910", Quantity: "1" },
        { SiteId: "461", PeerId: "651681", Name: "n1", CustomerOrderId: "c-1" },
      ),
    );
    const body = await waitOrder(emu, id);
    expect(block(body, "Order")).not.to.contain("<id>");
    for (const element of [
      "CompletedQuantity",
      "CreatedByUser",
      "LastModifiedDate",
      "OrderCompleteDate",
      "Summary",
      "FailedQuantity",
    ]) {
      expect(tag(body, element), element).to.be.a("string");
    }
    expect(tag(body, "CreatedByUser")).to.equal("demo");
    expect(tag(body, "PeerId")).to.equal("651681");
    expect(tag(body, "Name")).to.equal("n1");
    expect(tag(body, "CustomerOrderId")).to.equal("c-1");
    expect(block(body, "CompletedNumbers")).to.match(/<TelephoneNumber>\s*<FullNumber>910\d{7}<\/FullNumber>/);
  });

  it("defaults Quantity to 5000 when it is absent (the API default)", async () => {
    const id = await placeOrder(
      emu,
      orderXml("StateSearchAndOrderType", { State: "AK" }, { SiteId: "461", PartialAllowed: "true" }),
    );
    const body = await waitOrder(emu, id);
    expect(emu.model.getOrder(emu.credentials.accountId, id).quantity).to.equal(5000);
    expect(tag(body, "OrderStatus")).to.equal("PARTIAL");
  });

  describe("shortage outcomes by (BackOrderRequested, PartialAllowed) on the scarce 907 area (3 numbers)", () => {
    const scarce = (backOrder: string, partial: string) =>
      orderXml(
        "AreaCodeSearchAndOrderType",
        { AreaCode: "907", Quantity: "5" },
        { SiteId: "461", BackOrderRequested: backOrder, PartialAllowed: partial },
      );

    it("(false, false) → FAILED with an ErrorList on HTTP 200 and nothing assigned", async () => {
      const id = await placeOrder(emu, scarce("false", "false"));
      await waitOrder(emu, id);
      const res = await numbersCall(emu, "GET", `${ordersPath}/${id}`);
      expect(res.status).to.equal(200);
      expect(tag(res.body, "OrderStatus")).to.equal("FAILED");
      expect(block(res.body, "ErrorList")).to.match(/<Code>\d+<\/Code>/);
      expect(tag(res.body, "CompletedQuantity")).to.equal("0");
      expect(emu.model.numbersInService(emu.credentials.accountId)).to.have.length(0);
    });

    it("(false, true) → PARTIAL with the 3 existing numbers and a shortage error", async () => {
      const body = await waitOrder(emu, await placeOrder(emu, scarce("false", "true")));
      expect(tag(body, "OrderStatus")).to.equal("PARTIAL");
      expect(tags(body, "FullNumber")).to.have.length(3);
      expect(block(body, "ErrorList")).to.contain("<Code>");
    });

    it("(true, false) → BACKORDERED with nothing assigned, then COMPLETE once restocked", async () => {
      const id = await placeOrder(emu, scarce("true", "false"));
      expect(tag(await waitOrder(emu, id), "OrderStatus")).to.equal("BACKORDERED");
      expect(emu.model.numbersInService(emu.credentials.accountId)).to.have.length(0);
      emu.model.restock("907", 2);
      const body = (await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body;
      expect(tag(body, "OrderStatus")).to.equal("COMPLETE");
      expect(tags(body, "FullNumber")).to.have.length(5);
    });

    it("(true, true) → assigns what exists, BACKORDERED, then fills on restock", async () => {
      const id = await placeOrder(emu, scarce("true", "true"));
      const first = await waitOrder(emu, id);
      expect(tag(first, "OrderStatus")).to.equal("BACKORDERED");
      expect(tags(first, "FullNumber")).to.have.length(3);
      emu.model.restock("907", 1);
      expect(tag((await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body, "OrderStatus")).to.equal("BACKORDERED");
      emu.model.restock("907", 1);
      const last = (await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body;
      expect(tag(last, "OrderStatus")).to.equal("COMPLETE");
      expect(tags(last, "FullNumber")).to.have.length(5);
    });

    it("closes a BACKORDERED order with CloseOrder and refuses to close any other with 5060", async () => {
      const id = await placeOrder(emu, scarce("true", "true"));
      await waitOrder(emu, id);
      const closed = await numbersCall(
        emu,
        "PUT",
        `${ordersPath}/${id}`,
        "<Order><CloseOrder>true</CloseOrder></Order>",
      );
      expect(closed.status).to.equal(200);
      const read = await numbersCall(emu, "GET", `${ordersPath}/${id}`);
      expect(tag(read.body, "OrderStatus")).to.equal("PARTIAL");
      const again = await numbersCall(
        emu,
        "PUT",
        `${ordersPath}/${id}`,
        "<Order><CloseOrder>true</CloseOrder></Order>",
      );
      expect(again.status).to.equal(400);
      expect(tags(again.body, "Code")).to.include("5060");
    });
  });

  describe("specific-number failures", () => {
    it("fails an unavailable number with 5005 and keeps the rest when PartialAllowed", async () => {
      const [taken] = (
        await waitOrder(
          emu,
          await placeOrder(emu, orderXml("NPANXXSearchAndOrderType", { NpaNxx: "540551", Quantity: "1" })),
        )
      ).match(/540551\d{4}/g)!;
      const free = tags(
        (
          await numbersCall(
            emu,
            "GET",
            `/accounts/${emu.credentials.accountId}/availableNumbers?npaNxx=540551&quantity=1`,
          )
        ).body,
        "TelephoneNumber",
      )[0];
      const body = await waitOrder(
        emu,
        await placeOrder(emu, existingNumbersXml([taken, free], { SiteId: "461", PartialAllowed: "true" })),
      );
      expect(tag(body, "OrderStatus")).to.equal("PARTIAL");
      expect(tags(body, "Code")).to.deep.equal(["5005"]);
      expect(tag(body, "TelephoneNumber")).to.equal(taken);
      expect(tags(block(body, "FailedNumbers")!, "FullNumber")).to.deep.equal([taken]);
      expect(tags(block(body, "CompletedNumbers")!, "FullNumber")).to.deep.equal([free]);
    });

    it("fails every number when PartialAllowed is false", async () => {
      const free = tags(
        (
          await numbersCall(
            emu,
            "GET",
            `/accounts/${emu.credentials.accountId}/availableNumbers?npaNxx=540551&quantity=1`,
          )
        ).body,
        "TelephoneNumber",
      )[0];
      const body = await waitOrder(
        emu,
        await placeOrder(emu, existingNumbersXml([free, "9999999999"], { SiteId: "461", PartialAllowed: "false" })),
      );
      expect(tag(body, "OrderStatus")).to.equal("FAILED");
      expect(tags(body, "Code")).to.include("5005");
      expect(emu.model.tn(free)?.status).to.equal("Available");
    });

    it("fails with 5218 a number already on another order in flight", async () => {
      emu.setDelays({ orderDelayMs: 100 });
      try {
        const free = tags(
          (
            await numbersCall(
              emu,
              "GET",
              `/accounts/${emu.credentials.accountId}/availableNumbers?npaNxx=540551&quantity=1`,
            )
          ).body,
          "TelephoneNumber",
        )[0];
        const first = await placeOrder(emu, existingNumbersXml([free]));
        const second = await placeOrder(emu, existingNumbersXml([free]));
        expect(tag(await waitOrder(emu, first), "OrderStatus")).to.equal("COMPLETE");
        const body = await waitOrder(emu, second);
        expect(tag(body, "OrderStatus")).to.equal("FAILED");
        expect(tags(body, "Code")).to.deep.equal(["5218"]);
      } finally {
        emu.setDelays({ orderDelayMs: 20 });
      }
    });

    it("fails with 5070 a ten-digit number that is not a valid NANP number", async () => {
      const body = await waitOrder(emu, await placeOrder(emu, existingNumbersXml(["1234567890"])));
      expect(tags(body, "Code")).to.deep.equal(["5070"]);
    });

    it("refuses with 400 and 12512 a number that is not ten digits", async () => {
      const res = await numbersCall(emu, "POST", ordersPath, existingNumbersXml(["+19195551234"]));
      expect(res.status).to.equal(400);
      expect(tags(res.body, "Code")).to.include("12512");
    });
  });

  describe("validation (400 with OrderResponse/ErrorList)", () => {
    const cases: Array<[string, string, string]> = [
      [
        "5022 when SiteId is missing",
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }, {}),
        "5022",
      ],
      [
        "5016 for an unknown SiteId",
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }, { SiteId: "999" }),
        "5016",
      ],
      [
        "5023 for a peer not under the site",
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }, { SiteId: "462", PeerId: "651681" }),
        "5023",
      ],
      [
        "1003 when a required field is missing",
        orderXml("RateCenterSearchAndOrderType", { RateCenter: "CARY", Quantity: "1" }),
        "1003",
      ],
      [
        "5215 (quantity not valid) for Quantity 0",
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "0" }),
        "5215",
      ],
      [
        "5215 (exceeds the maximum value of 5000) for Quantity 5001",
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "5001" }),
        "5215",
      ],
      [
        "5002 (validation error) for a 51-character Name",
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "910", Quantity: "1" },
          { SiteId: "461", Name: "x".repeat(51) },
        ),
        "5002",
      ],
      [
        "a CustomerOrderId error beyond 40 characters",
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "910", Quantity: "1" },
          { SiteId: "461", CustomerOrderId: "c".repeat(41) },
        ),
        "5052",
      ],
      [
        "5522 for a backordered NPA-NXX order",
        orderXml(
          "NPANXXSearchAndOrderType",
          { NpaNxx: "919230", Quantity: "1" },
          { SiteId: "461", BackOrderRequested: "true" },
        ),
        "5522",
      ],
      [
        "5522 for a backordered specific-number order",
        existingNumbersXml(["9192301234"], { SiteId: "461", BackOrderRequested: "true" }),
        "5522",
      ],
      [
        "5522 for a backordered vanity order",
        orderXml(
          "TollFreeVanitySearchAndOrderType",
          { TollFreeVanity: "FLOWERS", Quantity: "1" },
          { SiteId: "461", BackOrderRequested: "true" },
        ),
        "5522",
      ],
      [
        "5087 (order type not a valid entry) when two order types are sent",
        "<Order><SiteId>461</SiteId><AreaCodeSearchAndOrderType><AreaCode>910</AreaCode></AreaCodeSearchAndOrderType><StateSearchAndOrderType><State>NC</State></StateSearchAndOrderType></Order>",
        "5087",
      ],
      ["1003 when no order type is sent", "<Order><SiteId>461</SiteId></Order>", "1003"],
      [
        "1008 (not a valid value) for a PartialAllowed that is not a boolean",
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "910", Quantity: "1" },
          { SiteId: "461", PartialAllowed: "maybe" },
        ),
        "1008",
      ],
    ];
    for (const [what, body, code] of cases) {
      it(`answers ${what}`, async () => {
        const res = await numbersCall(emu, "POST", ordersPath, body);
        expect(res.status).to.equal(400);
        expect(res.body).to.match(/<OrderResponse>\s*<ErrorList>\s*<Error>\s*<Code>/);
        expect(tags(res.body, "Code")).to.include(code);
        expect(emu.model.listOrders(emu.credentials.accountId)).to.have.length(0);
      });
    }
  });

  describe("listing and renaming", () => {
    it("lists by customerOrderId (not unique) and by status with lower-case orderId", async () => {
      const a = await placeOrder(
        emu,
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "910", Quantity: "1" },
          { SiteId: "461", CustomerOrderId: "dup" },
        ),
      );
      const b = await placeOrder(
        emu,
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "907", Quantity: "9" },
          { SiteId: "461", CustomerOrderId: "dup", PartialAllowed: "false" },
        ),
      );
      await placeOrder(
        emu,
        orderXml(
          "AreaCodeSearchAndOrderType",
          { AreaCode: "910", Quantity: "1" },
          { SiteId: "461", CustomerOrderId: "other" },
        ),
      );
      await waitOrder(emu, a);
      await waitOrder(emu, b);
      const byId = await numbersCall(emu, "GET", `${ordersPath}?customerOrderId=dup&page=1&size=10`);
      expect(tag(byId.body, "TotalCount")).to.equal("2");
      expect(tags(byId.body, "orderId").sort()).to.deep.equal([a, b].sort());
      expect(tags(byId.body, "lastModifiedDate")).to.have.length(2);
      expect(tags(byId.body, "OrderType")).to.deep.equal(["new_number", "new_number"]);
      const failed = await numbersCall(emu, "GET", `${ordersPath}?status=failed&page=1&size=10`);
      expect(tags(failed.body, "orderId")).to.deep.equal([b]);
    });

    it("pages the list by cursor: page=1, then the order id its <Links><next> names", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(await placeOrder(emu, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" })));
      const first = await numbersCall(emu, "GET", `${ordersPath}?page=1&size=2`);
      expect(tag(first.body, "TotalCount")).to.equal("3");
      expect(tags(first.body, "orderId")).to.deep.equal(ids.slice(0, 2));
      const next = /page=([^&>]+)/.exec(tag(first.body, "next") ?? "")?.[1];
      expect(next).to.equal(ids[2]);
      const second = await numbersCall(emu, "GET", `${ordersPath}?page=${next}&size=2`);
      expect(tags(second.body, "orderId")).to.deep.equal([ids[2]]);
      expect(tag(second.body, "next")).to.equal(undefined);
    });

    it("refuses what Bandwidth refuses: a status other than complete/partial/failed/backordered (15518), a numbered page, no page or size", async () => {
      await placeOrder(emu, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }));
      const received = await numbersCall(emu, "GET", `${ordersPath}?status=RECEIVED&page=1&size=10`);
      expect(received.status).to.equal(400);
      expect(tag(received.body, "Code")).to.equal("15518");
      const numbered = await numbersCall(emu, "GET", `${ordersPath}?page=2&size=10`);
      expect(numbered.status).to.equal(400);
      for (const query of ["", "?page=1", "?size=10", "?page=1&size=1001"]) {
        expect((await numbersCall(emu, "GET", `${ordersPath}${query}`)).status, query).to.equal(400);
      }
    });

    it("refuses a bad list query with the code errors.mdx gives that rule: 1006 size, 15503 date, 5061 cursor", async () => {
      await placeOrder(emu, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }));
      const refusals: Array<[string, string]> = [
        ["?page=1&size=1001", "1006"],
        ["?page=1&size=10&startdate=yesterday", "15503"],
        ["?page=2&size=10", "5061"],
      ];
      for (const [query, code] of refusals) {
        const res = await numbersCall(emu, "GET", `${ordersPath}${query}`);
        expect([res.status, tags(res.body, "Code")], query).to.deep.equal([400, [code]]);
      }
    });

    it("answers an empty list with 404, and filters by date range and number", async () => {
      const empty = await numbersCall(emu, "GET", `${ordersPath}?customerOrderId=nobody&page=1&size=10`);
      expect(empty.status).to.equal(404);
      const id = await placeOrder(emu, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }));
      const tn = tags(await waitOrder(emu, id), "FullNumber")[0];
      const today = new Date().toISOString().slice(0, 10);
      const inRange = await numbersCall(emu, "GET", `${ordersPath}?startdate=${today}&page=1&size=10`);
      expect(tags(inRange.body, "orderId")).to.include(id);
      const before = await numbersCall(emu, "GET", `${ordersPath}?enddate=2020-01-01&page=1&size=10`);
      expect(before.status).to.equal(404);
      const byTn = await numbersCall(emu, "GET", `${ordersPath}?tn=${tn}&page=1&size=10`);
      expect(tags(byTn.body, "orderId")).to.deep.equal([id]);
    });

    it("renames an order with PUT (Name, CustomerOrderId)", async () => {
      const id = await placeOrder(
        emu,
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }, { SiteId: "461", Name: "before" }),
      );
      await waitOrder(emu, id);
      const res = await numbersCall(
        emu,
        "PUT",
        `${ordersPath}/${id}`,
        "<Order><Name>after</Name><CustomerOrderId>c-9</CustomerOrderId></Order>",
      );
      expect(res.status).to.equal(200);
      const body = (await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body;
      expect(tag(body, "Name")).to.equal("after");
      expect(tag(body, "CustomerOrderId")).to.equal("c-9");
    });

    it("answers 404 for an unknown order id", async () => {
      const res = await numbersCall(emu, "GET", `${ordersPath}/no-such-order`);
      expect(res.status).to.equal(404);
    });
  });

  it("keeps an order RECEIVED until orderDelayMs has passed", async () => {
    emu.setDelays({ orderDelayMs: 150 });
    try {
      const id = await placeOrder(emu, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }));
      await sleep(50);
      expect(tag((await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body, "OrderStatus")).to.equal("RECEIVED");
      await sleep(150);
      expect(tag((await numbersCall(emu, "GET", `${ordersPath}/${id}`)).body, "OrderStatus")).to.equal("COMPLETE");
    } finally {
      emu.setDelays({ orderDelayMs: 20 });
    }
  });
});
