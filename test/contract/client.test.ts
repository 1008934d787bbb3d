import { expect } from "chai";
import { ApiError } from "../../provider/http/errors";
import { closeSharedPools } from "../../provider/http/transport";
import { NumbersClient } from "../../provider/numbers/client";
import { ProvisioningClient } from "../../provider/provisioning/client";
import { VoiceClient } from "../../provider/voice/client";
import { type CannedServer, reply, startCannedServer, uniqueAccount } from "../integration/clients/cannedServer";
import * as doc from "./fixtures";
import { missingPaths, xmlPaths } from "./paths";

// Our clients read each documented response to the values the document shows.
describe("contract: clients parse Bandwidth's documented responses", function () {
  this.timeout(10_000);
  const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 2_000 };
  let server: CannedServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => closeSharedPools());

  async function numbersAnswering(status: number, body: string, headers: Record<string, string> = {}) {
    server = await startCannedServer((_req, res) => reply(res, status, body, headers));
    const accountId = uniqueAccount("contract");
    const client = new NumbersClient({
      dashboardUrl: `${server.url}/api`,
      accountId,
      auth: { kind: "basic", username: "user", password: "pass" },
      transport: FAST,
    });
    return { client, accountId, server };
  }

  it("availableNumbers search result: the seven 10-digit numbers", async () => {
    const { client } = await numbersAnswering(200, doc.AVAILABLE_NUMBERS_RESPONSE);
    const found = await client.searchAvailableNumbers({ npaNxx: "540551", quantity: 10 });
    expect(found.map((n) => n.telephoneNumber)).to.deep.equal([
      "5405514342",
      "5405515330",
      "5405515329",
      "5402278098",
      "5402270905",
      "5402278089",
      "5402278090",
    ]);
  });

  it("order create response: the order id and RECEIVED", async () => {
    const { client, server: s } = await numbersAnswering(201, doc.ORDER_CREATE_RESPONSE, {
      location: "https://dashboard.bandwidth.com/api/accounts/9900012/orders/47955555-ce10-456e-8cb9-eb13b9f14cfd",
    });
    const created = await client.createOrder({
      name: "area code 910",
      siteId: "461",
      partialAllowed: true,
      backOrderRequested: false,
      criteria: { areaCode: "910", quantity: 1 },
    });
    expect(created.orderId).to.equal("47955555-67aa-4adb-8c0f-b6894e60c0dc");
    expect(created.status).to.equal("RECEIVED");
    // What we send carries every element of the documented request, with the same names and nesting.
    expect(missingPaths(xmlPaths(doc.ORDER_CREATE_REQUEST), xmlPaths(s.requests[0].body))).to.deep.equal([]);
  });

  it("order GET, COMPLETE: status, numbers, quantities, dates, site and peer", async () => {
    const { client } = await numbersAnswering(200, doc.ORDER_GET_COMPLETE_RESPONSE);
    const order = await client.getOrder("d30eda5a-ce10-456e-8cb9-eb13b9f14cfd");
    expect(order).to.include({
      orderId: "d30eda5a-ce10-456e-8cb9-eb13b9f14cfd",
      status: "COMPLETE",
      siteId: "24717",
      peerId: "651681",
      orderType: "AreaCodeSearchAndOrderType",
      completedQuantity: 1,
      failedQuantity: 0,
      summary: "1 number ordered in (910)",
    });
    expect(order.completedNumbers).to.deep.equal(["9102414365"]);
    expect(order.failedNumbers).to.deep.equal([]);
    expect(order.errors).to.deep.equal([]);
    expect(order.orderCreateDate).to.equal("2018-01-23T19:56:29.678Z");
    expect(order.orderCompleteDate).to.equal("2018-01-23T19:56:29.782Z");
    expect(order.lastModifiedDate).to.equal("2018-01-23T19:56:29.782Z");
  });

  it("orders list: each row's id, CustomerOrderId, own OrderStatus, dates and type", async () => {
    const { client } = await numbersAnswering(200, doc.ORDERS_LIST_RESPONSE);
    const rows = await client.listOrders({ customerOrderId: "123456789" });
    expect(rows).to.have.length(2);
    expect(rows[0]).to.include({
      orderId: "016c1aef-a873-4a90-8374-60771cba9452",
      customerOrderId: "123456789",
      status: "FAILED",
      countOfTNs: 0,
      orderType: "new_number",
      orderDate: "2015-06-13T16:14:45.956Z",
      lastModifiedDate: "2015-06-13T16:14:46.017Z",
    });
    expect(rows[1]).to.include({ orderId: "77659f47-d527-42ad-bf72-34b6841016ac", status: "COMPLETE", countOfTNs: 1 });
  });

  it("order update (UpdateOrder): sends the documented request's elements and takes the empty <OrderResponse/>", async () => {
    const { client, server: s } = await numbersAnswering(200, doc.ORDER_UPDATE_RESPONSE);
    await client.updateOrder("d30eda5a-ce10-456e-8cb9-eb13b9f14cfd", {
      name: "Available Telephone Number order",
      customerOrderId: "123456789",
      closeOrder: true,
    });
    expect(s.requests[0].method).to.equal("PUT");
    expect(missingPaths(xmlPaths(doc.ORDER_UPDATE_REQUEST), xmlPaths(s.requests[0].body))).to.deep.equal([]);
  });

  it("orders list answered 404 with no body (ListOrders' documented 404): no rows, nothing thrown", async () => {
    const { client } = await numbersAnswering(404, "");
    expect(await client.listOrderPages({ customerOrderId: "123456789" })).to.deep.equal({ orders: [], complete: true });
  });

  it("disconnects list answered with ReadDisconnectOrders' documented 404 and its <Links> body: no rows", async () => {
    const { client } = await numbersAnswering(404, doc.DISCONNECTS_LIST_EMPTY_RESPONSE);
    expect(await client.listDisconnects({ customerOrderId: "123456789" })).to.deep.equal([]);
  });

  it("disconnect create: sends the documented request shape and reads the id and RECEIVED", async () => {
    const { client, server: s } = await numbersAnswering(201, doc.DISCONNECT_CREATE_RESPONSE);
    const created = await client.createDisconnect({
      name: "training run",
      telephoneNumbers: ["5405514342", "7034343704"],
    });
    expect(created).to.deep.equal({ orderId: "df2gc2e2-653d-466c-945d-8f292f09ce55", status: "RECEIVED" });
    const sent = s.requests[0];
    expect(sent.method).to.equal("POST");
    expect(missingPaths(xmlPaths(doc.DISCONNECT_CREATE_REQUEST), xmlPaths(sent.body))).to.deep.equal([]);
    expect(sent.body).to.contain("<name>training run</name>");
    expect(sent.body).to.contain("<TelephoneNumber>7034343704</TelephoneNumber>");
  });

  it("disconnect GET, COMPLETE: disconnected and requested numbers, no errors", async () => {
    const { client } = await numbersAnswering(200, doc.DISCONNECT_GET_COMPLETE_RESPONSE);
    const d = await client.getDisconnect("df2gc2e2-653d-466c-945d-8f292f09ce55");
    expect(d.orderId).to.equal("df2gc2e2-653d-466c-945d-8f292f09ce55");
    expect(d.status).to.equal("COMPLETE");
    expect(d.disconnectedNumbers).to.have.members(["5405514342", "7034343704"]);
    expect(d.requestedNumbers).to.have.members(["5405514342", "7034343704"]);
    expect(d.errors).to.deep.equal([]);
    expect(d.orderCreateDate).to.equal("2015-01-20T21:05:58.026Z");
  });

  it("disconnect GET, FAILED: the ErrorList's code, description and number", async () => {
    const { client } = await numbersAnswering(200, doc.DISCONNECT_GET_FAILED_RESPONSE);
    const d = await client.getDisconnect("disconnectId");
    expect(d.status).to.equal("FAILED");
    expect(d.disconnectedNumbers).to.deep.equal([]);
    expect(d.requestedNumbers).to.deep.equal(["2055551212"]);
    expect(d.errors).to.deep.equal([
      {
        code: "5006",
        description:
          "The telephone number 2055551212 could not be disconnected since it is not associated with your account",
        telephoneNumber: "2055551212",
      },
    ]);
  });

  it("move order create: sends only documented elements and reads the id and RECEIVED", async () => {
    const { client, server: s } = await numbersAnswering(201, doc.MOVE_CREATE_RESPONSE);
    const placed = await client.createMoveOrder({
      customerOrderId: "ICPA123ABC",
      siteId: "743",
      sipPeerId: "303716",
      telephoneNumbers: ["9199918388", "+14158714245"],
    });
    expect(placed).to.deep.equal({ orderId: "093a9f9b-1a78-4e47-b6e2-776a484596f4", status: "RECEIVED" });
    expect(s.requests[0].url).to.match(/\/accounts\/[^/]+\/moveTns$/);
    // Every element we send is one the documented request has, with the same names and nesting.
    expect(missingPaths(xmlPaths(s.requests[0].body), xmlPaths(doc.MOVE_CREATE_REQUEST))).to.deep.equal([]);
    expect(s.requests[0].body).to.contain("<TelephoneNumber>4158714245</TelephoneNumber>");
  });

  it("move order refused (400): every documented code, 7309 and 7312", async () => {
    const { client } = await numbersAnswering(400, doc.MOVE_CREATE_REFUSED_RESPONSE);
    const err = await client
      .createMoveOrder({ siteId: "743", sipPeerId: "303716", telephoneNumbers: ["9199918388"] })
      .then(
        () => undefined,
        (e: unknown) => e as ApiError,
      );
    expect(err).to.be.instanceOf(ApiError);
    expect(err?.errors.map((e) => e.code)).to.deep.equal(["7309", "7312"]);
  });

  it("move order GET, PARTIAL: status, destination, numbers and each error with the number it names", async () => {
    const { client } = await numbersAnswering(200, doc.MOVE_GET_PARTIAL_RESPONSE);
    const move = await client.getMoveOrder("bf1305b8-8998-1111-2222-51ba3ce52d4e");
    expect(move).to.deep.include({ status: "PARTIAL", siteId: "65487", sipPeerId: "885544" });
    expect(move.telephoneNumbers).to.have.length(5);
    expect(move.errors).to.deep.equal([
      { code: "7518", description: "Telephone Number Not Active.", telephoneNumber: "2262665583" },
    ]);
  });

  it("move orders list: each row's OrderId and OrderStatus, filtered by tn and customerOrderId", async () => {
    const { client, server: s } = await numbersAnswering(200, doc.MOVE_LIST_RESPONSE);
    const rows = await client.findMoveOrders("CustomerOrderId", "+19199918388");
    expect(rows).to.deep.equal([
      { orderId: "211a103c-5f9c-4117-8833-c574bdc390fd", status: "COMPLETE" },
      { orderId: "8dc32f09-2329-4c73-b702-526f46b02712", status: "PARTIAL" },
    ]);
    expect(s.requests[0].url)
      .to.match(/\/moveTns\?/)
      .and.to.contain("tn=9199918388")
      .and.to.contain("customerOrderId=CustomerOrderId");
  });

  it("tns/{tn}: status and the last order", async () => {
    const { client } = await numbersAnswering(200, doc.TN_GET_RESPONSE);
    const tn = await client.getTelephoneNumber("7576768750");
    expect(tn).to.deep.equal({
      telephoneNumber: "7576768750",
      status: "PortInPendingFoc",
      lastModifiedDate: "2015-06-03T15:10:13.000Z",
      orderCreateDate: "2015-06-03T15:10:12.808Z",
      orderId: "98939562-90b0-40e9-8335-5526432d9741",
      orderType: "PORT_NUMBER_ORDER",
      siteId: "2297",
      accountId: "9500249",
    });
  });

  async function provisioningAnswering(answers: Array<{ status: number; body: string }>) {
    let i = 0;
    server = await startCannedServer((_req, res) => {
      const a = answers[Math.min(i++, answers.length - 1)];
      reply(res, a.status, a.body);
    });
    const client = new ProvisioningClient({
      dashboardUrl: `${server.url}/api`,
      accountId: uniqueAccount("contract"),
      auth: { kind: "basic", username: "user", password: "pass" },
      transport: FAST,
    });
    return { client, server };
  }

  it("origination settings GET: both documented examples read; a 404 is read as none", async () => {
    const { client } = await provisioningAnswering([
      { status: 200, body: doc.ORIGINATION_GET_HTTP_RESPONSE },
      { status: 200, body: doc.ORIGINATION_GET_SIP_RESPONSE },
      { status: 404, body: "" },
    ]);
    expect(await client.getOriginationSettings("743", "500017")).to.deep.equal({
      voiceProtocol: "HTTP",
      httpVoiceV2AppId: "469ebbac-4459-4d98-bc19-a038960e787f",
    });
    expect(await client.getOriginationSettings("743", "500017")).to.deep.equal({
      voiceProtocol: "SIP",
      httpVoiceV2AppId: undefined,
    });
    expect(await client.getOriginationSettings("743", "500017")).to.equal(undefined);
  });

  it("origination settings PUT: sends each documented request's elements and takes a 200 with no body", async () => {
    const { client, server: s } = await provisioningAnswering([{ status: 200, body: "" }]);
    await client.setOriginationSettings("743", "500017", "867b923b-8a92-4579-b29b-405f165b8124", true);
    await client.setOriginationSettings("743", "500017", undefined, true);
    expect(s.requests.map((r) => r.method)).to.deep.equal(["PUT", "PUT"]);
    expect(missingPaths(xmlPaths(doc.ORIGINATION_PUT_HTTP_REQUEST), xmlPaths(s.requests[0].body))).to.deep.equal([]);
    expect(s.requests[0].body).to.contain("<HttpVoiceV2AppId>867b923b-8a92-4579-b29b-405f165b8124</HttpVoiceV2AppId>");
    expect(missingPaths(xmlPaths(doc.ORIGINATION_PUT_SIP_REQUEST), xmlPaths(s.requests[1].body))).to.deep.equal([]);
  });

  it("SMS feature GET: the documented example is on; a 200 without <SipPeerSmsFeature> and a 404 are off", async () => {
    const { client } = await provisioningAnswering([
      { status: 200, body: doc.SMS_FEATURE_GET_RESPONSE },
      // Not an example of the reference: the documented root with no feature, the emulator's answer for none.
      { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><SipPeerSmsFeatureResponse/>' },
      { status: 404, body: "" },
    ]);
    expect(await client.hasSmsFeature("743", "500017")).to.equal(true);
    expect(await client.hasSmsFeature("743", "500017")).to.equal(false);
    expect(await client.hasSmsFeature("743", "500017")).to.equal(false);
  });

  it("v1 phone number GET: every documented field", async () => {
    server = await startCannedServer((_req, res) =>
      reply(res, 200, JSON.stringify(doc.V1_PHONE_NUMBER_RESPONSE), {
        "content-type": "application/json; charset=utf-8",
      }),
    );
    const voice = new VoiceClient({
      voiceUrl: server.url,
      userId: uniqueAccount("u-contract"),
      apiToken: "t-token",
      apiSecret: "secret",
      transport: FAST,
    });
    const n = await voice.getNumber("+19192302749");
    expect(n).to.include({
      id: "n-alghk4678lkghsdf",
      number: "+19192302749",
      nationalNumber: "(919) 230-2749",
      name: "+19197258959",
      applicationId: "a-asdf",
      city: "CARY",
      state: "NC",
      numberState: "enabled",
      createdTime: "2018-04-23T18:22:38Z",
      price: "0.35",
    });
    expect(server.requests[0].url).to.match(/\/phoneNumbers\/%2B19192302749$/);
  });
});
