import { expect } from "chai";
import { ApiError, NotFoundError } from "../../../provider/http/errors";
import { closeSharedPools } from "../../../provider/http/transport";
import { NumbersClient } from "../../../provider/numbers/client";
import { child, readXml, text, texts } from "../../../provider/numbers/xml";
import { type CannedServer, reply, startCannedServer, uniqueAccount } from "./cannedServer";

// Bodies as the seeds and the API reference show them.
const ORDER_CREATED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderResponse>
    <Order>
        <OrderCreateDate>2018-01-23T19:56:29.678Z</OrderCreateDate>
        <BackOrderRequested>false</BackOrderRequested>
        <id>47955555-67aa-4adb-8c0f-b6894e60c0dc</id>
        <AreaCodeSearchAndOrderType><AreaCode>910</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>
        <PartialAllowed>true</PartialAllowed>
        <SiteId>461</SiteId>
    </Order>
    <OrderStatus>RECEIVED</OrderStatus>
</OrderResponse>`;

const ORDER_COMPLETE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<OrderResponse>
    <CompletedQuantity>1</CompletedQuantity>
    <CreatedByUser>jbm</CreatedByUser>
    <LastModifiedDate>2018-01-23T19:56:29.782Z</LastModifiedDate>
    <OrderCompleteDate>2018-01-23T19:56:29.782Z</OrderCompleteDate>
    <Order>
        <OrderCreateDate>2018-01-23T19:56:29.678Z</OrderCreateDate>
        <PeerId>651681</PeerId>
        <BackOrderRequested>false</BackOrderRequested>
        <AreaCodeSearchAndOrderType><AreaCode>910</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType>
        <PartialAllowed>true</PartialAllowed>
        <SiteId>24717</SiteId>
    </Order>
    <OrderStatus>COMPLETE</OrderStatus>
    <CompletedNumbers><TelephoneNumber><FullNumber>9102414365</FullNumber></TelephoneNumber></CompletedNumbers>
    <Summary>1 number ordered in (910)</Summary>
    <FailedQuantity>0</FailedQuantity>
</OrderResponse>`;

const ORDER_FAILED = `<OrderResponse>
    <CompletedQuantity>0</CompletedQuantity>
    <ErrorList>
        <Error><Code>5005</Code><Description>The telephone number is unavailable for ordering</Description><TelephoneNumber>9195550001</TelephoneNumber></Error>
        <Error><Code>5218</Code><Description>Telephone number is already on another order</Description><TelephoneNumber>9195550002</TelephoneNumber></Error>
    </ErrorList>
    <FailedNumbers><FullNumber>9195550001</FullNumber><FullNumber>9195550002</FullNumber></FailedNumbers>
    <Order><Name>two</Name><CustomerOrderId>cust-1</CustomerOrderId><SiteId>461</SiteId></Order>
    <OrderStatus>FAILED</OrderStatus>
    <FailedQuantity>2</FailedQuantity>
</OrderResponse>`;

const DISCONNECT_CREATED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<DisconnectTelephoneNumberOrderResponse>
    <orderRequest>
        <OrderCreateDate>2018-05-29T16:01:13.014Z</OrderCreateDate>
        <id>62ba44f0-f2fb-4509-9132-bd0507d8671a</id>
        <DisconnectTelephoneNumberOrderType>
            <TelephoneNumberList><TelephoneNumber>8283334444</TelephoneNumber></TelephoneNumberList>
            <DisconnectMode>normal</DisconnectMode>
        </DisconnectTelephoneNumberOrderType>
    </orderRequest>
    <OrderStatus>RECEIVED</OrderStatus>
</DisconnectTelephoneNumberOrderResponse>`;

const DISCONNECT_COMPLETE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<DisconnectTelephoneNumberOrderResponse>
    <DisconnectedTelephoneNumberList>
        <TelephoneNumber>5405514342</TelephoneNumber>
        <TelephoneNumber>7034343704</TelephoneNumber>
    </DisconnectedTelephoneNumberList>
    <ErrorList/>
    <orderRequest>
        <OrderCreateDate>2015-01-20T21:05:58.026Z</OrderCreateDate>
        <id>df2gc2e2-653d-466c-945d-8f292f09ce55</id>
        <DisconnectTelephoneNumberOrderType>
            <TelephoneNumberList>
                <TelephoneNumber>7034343704</TelephoneNumber>
                <TelephoneNumber>5405514342</TelephoneNumber>
            </TelephoneNumberList>
            <DisconnectMode>normal</DisconnectMode>
        </DisconnectTelephoneNumberOrderType>
    </orderRequest>
    <OrderStatus>COMPLETE</OrderStatus>
</DisconnectTelephoneNumberOrderResponse>`;

function ordersPage(total: number, rows: { id: string; status: string }[], next?: string): string {
  const items = rows
    .map(
      (r) =>
        `<OrderIdUserIdDate><CountOfTNs>1</CountOfTNs><CustomerOrderId>cust-1</CustomerOrderId>` +
        `<lastModifiedDate>2018-01-23T19:56:29.782Z</lastModifiedDate><OrderDate>2018-01-23T19:56:29.678Z</OrderDate>` +
        `<OrderType>new_number</OrderType><orderId>${r.id}</orderId><OrderStatus>${r.status}</OrderStatus></OrderIdUserIdDate>`,
    )
    .join("");
  const links = next
    ? `<Links><next>Link=&lt;https://x/orders?page=${next}&amp;size=2&gt;;rel="next";</next></Links>`
    : "";
  return `<ResponseSelectWrapper><ListOrderIdUserIdDate><TotalCount>${total}</TotalCount>${links}${items}</ListOrderIdUserIdDate></ResponseSelectWrapper>`;
}

describe("NumbersClient against canned Numbers API answers", function () {
  this.timeout(10_000);
  let server: CannedServer | undefined;
  let accountId: string;

  function client(): NumbersClient {
    return new NumbersClient({
      dashboardUrl: `${(server as CannedServer).url}/api`,
      accountId,
      auth: { kind: "basic", username: "user", password: "pw-secret" },
      transport: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  }

  beforeEach(() => {
    accountId = uniqueAccount("9900");
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  after(async () => {
    await closeSharedPools();
  });

  it("searches with TN details, reading LATA in either spelling and keeping zeros", async () => {
    server = await startCannedServer((_req, res) =>
      reply(
        res,
        200,
        "<SearchResult><ResultCount>2</ResultCount><TelephoneNumberDetailList>" +
          "<TelephoneNumberDetail><City>CARY</City><LATA>426</LATA><RateCenter>CARY</RateCenter><State>NC</State><FullNumber>9192301234</FullNumber></TelephoneNumberDetail>" +
          "<TelephoneNumberDetail><City>BOSTON</City><Lata>01280</Lata><RateCenter>BOSTON</RateCenter><State>MA</State><TelephoneNumber>6175550100</TelephoneNumber></TelephoneNumberDetail>" +
          "</TelephoneNumberDetailList></SearchResult>",
      ),
    );
    const found = await client().searchAvailableNumbers({ zip: "02134", quantity: 2 });
    expect(found).to.deep.equal([
      { telephoneNumber: "9192301234", city: "CARY", lata: "426", rateCenter: "CARY", state: "NC" },
      { telephoneNumber: "6175550100", city: "BOSTON", lata: "01280", rateCenter: "BOSTON", state: "MA" },
    ]);
    const url = new URL(server.requests[0].url, "http://x");
    expect(url.pathname).to.equal(`/api/accounts/${accountId}/availableNumbers`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ zip: "02134", quantity: "2", enableTNDetail: "true" });
  });

  it("searches returning a plain TelephoneNumberList (seed example) and an empty result", async () => {
    server = await startCannedServer((_req, res, n) =>
      reply(
        res,
        200,
        n === 0
          ? "<SearchResult><ResultCount>1</ResultCount><TelephoneNumberList><TelephoneNumber>5405514342</TelephoneNumber></TelephoneNumberList></SearchResult>"
          : "<SearchResult><ResultCount>0</ResultCount></SearchResult>",
      ),
    );
    expect(await client().searchAvailableNumbers({ npaNxx: "540551" })).to.deep.equal([
      { telephoneNumber: "5405514342" },
    ]);
    expect(await client().searchAvailableNumbers({ npaNxx: "540552" })).to.deep.equal([]);
  });

  it("raises a bad search (400 with a bare Error) as ApiError", async () => {
    server = await startCannedServer((_req, res) =>
      reply(
        res,
        400,
        "<SearchResult><Error><Code>4010</Code><Description>One of the query parameters is invalid</Description></Error></SearchResult>",
      ),
    );
    let caught: unknown;
    try {
      await client().searchAvailableNumbers({ areaCode: "123" });
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(ApiError);
    expect((caught as ApiError).errors).to.deep.equal([
      { code: "4010", description: "One of the query parameters is invalid" },
    ]);
  });

  it("creates an order with explicit Quantity, PartialAllowed and BackOrderRequested", async () => {
    server = await startCannedServer((_req, res) =>
      reply(res, 201, ORDER_CREATED, {
        location: `https://dashboard.bandwidth.com/api/accounts/${accountId}/orders/47955555-67aa-4adb-8c0f-b6894e60c0dc`,
      }),
    );
    const created = await client().createOrder({
      name: "area <910> & co",
      siteId: "461",
      peerId: "651681",
      customerOrderId: "cust-1",
      partialAllowed: false,
      backOrderRequested: false,
      tnAttributes: ["Protected"],
      criteria: { areaCode: "910" },
    });
    expect(created).to.include({ orderId: "47955555-67aa-4adb-8c0f-b6894e60c0dc", status: "RECEIVED" });
    const seen = server.requests[0];
    expect(seen.method).to.equal("POST");
    expect(seen.headers["content-type"]).to.match(/application\/xml/);
    const order = child(readXml(seen.body), "Order");
    expect(text(order, "Name")).to.equal("area <910> & co");
    expect(text(order, "SiteId")).to.equal("461");
    expect(text(order, "PeerId")).to.equal("651681");
    expect(text(order, "CustomerOrderId")).to.equal("cust-1");
    expect(text(order, "PartialAllowed")).to.equal("false");
    expect(text(order, "BackOrderRequested")).to.equal("false");
    expect(texts(child(order, "TnAttributes"), "TnAttribute")).to.deep.equal(["Protected"]);
    const type = child(order, "AreaCodeSearchAndOrderType");
    expect(text(type, "AreaCode")).to.equal("910");
    expect(text(type, "Quantity")).to.equal("1");
  });

  it("takes the order id from Location when the body has none", async () => {
    server = await startCannedServer((_req, res) =>
      reply(res, 201, "<OrderResponse><OrderStatus>RECEIVED</OrderStatus></OrderResponse>", {
        location: `/api/accounts/${accountId}/orders/abc-123`,
      }),
    );
    const created = await client().createOrder({
      name: "x",
      siteId: "1",
      partialAllowed: true,
      backOrderRequested: false,
      criteria: { telephoneNumbers: ["+19195550001"] },
    });
    expect(created.orderId).to.equal("abc-123");
    expect(server.requests[0].body).to.include("<TelephoneNumber>9195550001</TelephoneNumber>");
  });

  it("reads a COMPLETE order (seed body), taking the id from the argument", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, ORDER_COMPLETE));
    const order = await client().getOrder("d30eda5a-ce10-456e-8cb9-eb13b9f14cfd");
    expect(order).to.deep.include({
      orderId: "d30eda5a-ce10-456e-8cb9-eb13b9f14cfd",
      status: "COMPLETE",
      siteId: "24717",
      peerId: "651681",
      orderCreateDate: "2018-01-23T19:56:29.678Z",
      lastModifiedDate: "2018-01-23T19:56:29.782Z",
      orderCompleteDate: "2018-01-23T19:56:29.782Z",
      completedNumbers: ["9102414365"],
      failedNumbers: [],
      completedQuantity: 1,
      failedQuantity: 0,
      errors: [],
      summary: "1 number ordered in (910)",
    });
  });

  it("reads a FAILED order (HTTP 200) with every error and failed number", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, ORDER_FAILED));
    const order = await client().getOrder("o-1");
    expect(order.status).to.equal("FAILED");
    expect(order.failedNumbers).to.deep.equal(["9195550001", "9195550002"]);
    expect(order.errors.map((e) => [e.code, e.telephoneNumber])).to.deep.equal([
      ["5005", "9195550001"],
      ["5218", "9195550002"],
    ]);
    expect(order).to.include({ name: "two", customerOrderId: "cust-1", failedQuantity: 2 });
  });

  it("updates an order with PUT", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, ""));
    await client().updateOrder("o-1", { name: "renamed", closeOrder: true });
    const seen = server.requests[0];
    expect(seen.method).to.equal("PUT");
    expect(seen.url).to.equal(`/api/accounts/${accountId}/orders/o-1`);
    const order = child(readXml(seen.body), "Order");
    expect(text(order, "Name")).to.equal("renamed");
    expect(text(order, "CloseOrder")).to.equal("true");
    expect(text(order, "CustomerOrderId")).to.equal(undefined);
  });

  it("lists orders by CustomerOrderId across every page, following the cursor Bandwidth names in <Links><next>", async () => {
    server = await startCannedServer((req, res) => {
      const page = new URL(req.url, "http://x").searchParams.get("page");
      const rows =
        page === "1"
          ? [
              { id: "o-1", status: "COMPLETE" },
              { id: "o-2", status: "FAILED" },
            ]
          : [{ id: "o-3", status: "RECEIVED" }];
      reply(res, 200, ordersPage(3, rows, page === "1" ? "o-3" : undefined)); // page is a cursor: o-3 starts page 2
    });
    const orders = await client().listOrders({ customerOrderId: "cust-1", size: 2 });
    expect(orders.map((o) => o.orderId)).to.deep.equal(["o-1", "o-2", "o-3"]);
    expect(orders[0]).to.deep.equal({
      orderId: "o-1",
      customerOrderId: "cust-1",
      status: "COMPLETE",
      orderDate: "2018-01-23T19:56:29.678Z",
      lastModifiedDate: "2018-01-23T19:56:29.782Z",
      countOfTNs: 1,
      orderType: "new_number",
    });
    expect(server.requests).to.have.length(2);
    const first = new URL(server.requests[0].url, "http://x").searchParams;
    expect(first.get("customerOrderId")).to.equal("cust-1");
    expect(first.get("size")).to.equal("2");
    expect(new URL(server.requests[1].url, "http://x").searchParams.get("page")).to.equal("o-3");
  });

  it("reads an empty orders list answered 404 or 204 as no orders", async () => {
    for (const status of [404, 204]) {
      server = await startCannedServer((_req, res) => reply(res, status, ""));
      expect(await client().listOrders({ customerOrderId: "nobody" }), String(status)).to.deep.equal([]);
      await server.close();
      server = undefined;
    }
  });

  it("refuses a status filter Bandwidth refuses (RECEIVED) before sending anything", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, ordersPage(0, [])));
    let caught: unknown;
    try {
      await client().listOrders({ status: "RECEIVED" });
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).to.match(/complete, partial, failed or backordered/);
    expect(server.requests).to.have.length(0);
  });

  it("creates a disconnect with the seed's element names and 10-digit numbers", async () => {
    server = await startCannedServer((_req, res) =>
      reply(res, 201, DISCONNECT_CREATED, {
        location: `https://dashboard.bandwidth.com/api/accounts/${accountId}/disconnects/df2gc2e2-653d-466c-945d-8f292f09ce55`,
      }),
    );
    const created = await client().createDisconnect({
      name: "Delete Number",
      telephoneNumbers: ["+18283334444"],
      disconnectMode: "normal",
      protected: "UNCHANGED",
    });
    expect(created).to.deep.equal({ orderId: "62ba44f0-f2fb-4509-9132-bd0507d8671a", status: "RECEIVED" });
    const body = server.requests[0].body;
    expect(body).to.include("<name>Delete Number</name>");
    const type = child(child(readXml(body), "DisconnectTelephoneNumberOrder"), "DisconnectTelephoneNumberOrderType");
    expect(texts(child(type, "TelephoneNumberList"), "TelephoneNumber")).to.deep.equal(["8283334444"]);
    expect(text(type, "DisconnectMode")).to.equal("normal");
    expect(text(type, "Protected")).to.equal("UNCHANGED");
  });

  it("reads a COMPLETE disconnect (seed body)", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, DISCONNECT_COMPLETE));
    const d = await client().getDisconnect("df2gc2e2-653d-466c-945d-8f292f09ce55");
    expect(d).to.deep.equal({
      orderId: "df2gc2e2-653d-466c-945d-8f292f09ce55",
      status: "COMPLETE",
      disconnectedNumbers: ["5405514342", "7034343704"],
      requestedNumbers: ["7034343704", "5405514342"],
      errors: [],
      orderCreateDate: "2015-01-20T21:05:58.026Z",
    });
  });

  it("reads a number from /tns/{tn}, which is not account scoped", async () => {
    server = await startCannedServer((_req, res) =>
      reply(
        res,
        200,
        "<TelephoneNumberResponse><TelephoneNumber>9195550001</TelephoneNumber><Status>Inservice</Status>" +
          "<LastModifiedDate>2018-01-23T19:56:29.782Z</LastModifiedDate><OrderCreateDate>2018-01-23T19:56:29.678Z</OrderCreateDate>" +
          "<OrderId>o-1</OrderId><OrderType>NEW_NUMBER_ORDER</OrderType><SiteId>461</SiteId><AccountId>9900</AccountId></TelephoneNumberResponse>",
      ),
    );
    const tn = await client().getTelephoneNumber("+19195550001");
    expect(server.requests[0].url).to.equal("/api/tns/9195550001");
    expect(tn).to.deep.equal({
      telephoneNumber: "9195550001",
      status: "Inservice",
      lastModifiedDate: "2018-01-23T19:56:29.782Z",
      orderCreateDate: "2018-01-23T19:56:29.678Z",
      orderId: "o-1",
      orderType: "NEW_NUMBER_ORDER",
      siteId: "461",
      accountId: "9900",
    });
  });

  it("answers isInService from 200 and 404, and raises NotFoundError for an unknown order", async () => {
    server = await startCannedServer((req, res) => reply(res, req.url.endsWith("9195550001") ? 200 : 404, ""));
    expect(await client().isInService("9195550001")).to.equal(true);
    expect(await client().isInService("9195550002")).to.equal(false);
    expect(server.requests[0].url).to.equal(`/api/accounts/${accountId}/inserviceNumbers/9195550001`);
    let caught: unknown;
    try {
      await client().getOrder("missing");
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(NotFoundError);
  });
});
