import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import * as doc from "./fixtures";
import { jsonPaths, missingPaths, xmlPaths } from "./paths";

// The emulator answers the documented calls with the documented element names, casing and nesting: every element
// path of a documented response appears in the emulator's answer to the same call.
describe("contract: the emulator answers as Bandwidth documents", function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let accountPath: string;
  let basic: string;
  let voiceAuth: string;
  let orderId: string;
  let orderedNumber: string;

  before(async () => {
    emulator = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 40, rateLimits: false });
    const c = emulator.credentials;
    accountPath = `${emulator.dashboardUrl}/accounts/${encodeURIComponent(c.accountId)}`;
    basic = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
    voiceAuth = `Basic ${Buffer.from(`${c.apiToken}:${c.apiSecret}`).toString("base64")}`;
  });
  after(() => emulator.close());

  async function call(method: string, url: string, body?: string): Promise<{ status: number; text: string }> {
    const res = await fetch(url, {
      method,
      headers: { authorization: basic, "content-type": "application/xml; charset=utf-8", accept: "application/xml" },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  async function until(url: string, done: (text: string) => boolean): Promise<string> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { status, text } = await call("GET", url);
      expect(status, text).to.equal(200);
      if (done(text) || Date.now() > deadline) return text;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function sameShape(documented: string, answer: string): void {
    expect(missingPaths(xmlPaths(documented), xmlPaths(answer)), answer).to.deep.equal([]);
  }

  // Where the reference's answer holds nothing more than its example, neither may the emulator's.
  function exactShape(documented: string, answer: string): void {
    sameShape(documented, answer);
    expect(missingPaths(xmlPaths(answer), xmlPaths(documented)), answer).to.deep.equal([]);
  }

  it("availableNumbers search result", async () => {
    const { status, text } = await call("GET", `${accountPath}/availableNumbers?areaCode=910&quantity=7`);
    expect(status, text).to.equal(200);
    sameShape(doc.AVAILABLE_NUMBERS_RESPONSE, text);
  });

  it("order create: the documented request is taken and the answer has the documented shape", async () => {
    const c = emulator.credentials;
    // The documented request, with this account's site and peer, the Name the guide marks as required, and a
    // CustomerOrderId (a documented common parameter) so that the list row can echo it.
    const body = doc.ORDER_CREATE_REQUEST.replace(
      "<SiteId>461</SiteId>",
      `<Name>contract order</Name><CustomerOrderId>123456789</CustomerOrderId>` +
        `<SiteId>${c.siteId}</SiteId><PeerId>${c.peerId}</PeerId>`,
    );
    const { status, text } = await call("POST", `${accountPath}/orders`, body);
    expect(status, text).to.equal(201);
    sameShape(doc.ORDER_CREATE_RESPONSE, text);
    orderId = /<id>([^<]+)<\/id>/.exec(text)?.[1] ?? "";
    expect(orderId).to.not.equal("");
  });

  it("order GET, COMPLETE", async () => {
    const text = await until(`${accountPath}/orders/${orderId}`, (t) => t.includes("<OrderStatus>COMPLETE<"));
    sameShape(doc.ORDER_GET_COMPLETE_RESPONSE, text);
    orderedNumber = /<FullNumber>(\d{10})<\/FullNumber>/.exec(text)?.[1] ?? "";
    expect(orderedNumber).to.match(/^\d{10}$/);
  });

  it("orders list", async () => {
    const { status, text } = await call("GET", `${accountPath}/orders?page=1&size=10`);
    expect(status, text).to.equal(200);
    sameShape(doc.ORDERS_LIST_RESPONSE, text);
  });

  it("orders list with nothing to list: a bare 404, as ListOrders documents it", async () => {
    const { status, text } = await call("GET", `${accountPath}/orders?page=1&size=10&customerOrderId=none-listed`);
    expect(status, text).to.equal(404);
    expect(text).to.equal("");
  });

  it("order PUT (UpdateOrder): the documented request is taken and the answer is the empty <OrderResponse/>", async () => {
    // CloseOrder is left out: it closes only a BACKORDERED order (5060), and this one is COMPLETE.
    const body = doc.ORDER_UPDATE_REQUEST.replace(/\s*<CloseOrder>true<\/CloseOrder>/, "");
    const { status, text } = await call("PUT", `${accountPath}/orders/${orderId}`, body);
    expect(status, text).to.equal(200);
    exactShape(doc.ORDER_UPDATE_RESPONSE, text);
    const renamed = await call("GET", `${accountPath}/orders/${orderId}`);
    expect(renamed.text).to.contain("<Name>Available Telephone Number order</Name>");
  });

  it("tns/{tn}", async () => {
    const { status, text } = await call("GET", `${emulator.dashboardUrl}/tns/${orderedNumber}`);
    expect(status, text).to.equal(200);
    sameShape(doc.TN_GET_RESPONSE, text);
  });

  let moveId = "";

  /** The documented move request, with this account's ids and the numbers given. */
  function moveRequest(siteId: string, peerId: string, numbers: string[]): string {
    return doc.MOVE_CREATE_REQUEST.replace("<SiteId>743</SiteId>", `<SiteId>${siteId}</SiteId>`)
      .replace("<SipPeerId>303716</SipPeerId>", `<SipPeerId>${peerId}</SipPeerId>`)
      .replace("12346159", emulator.credentials.accountId)
      .replace(
        /<TelephoneNumbers>[\s\S]*<\/TelephoneNumbers>/,
        `<TelephoneNumbers>${numbers.map((tn) => `<TelephoneNumber>${tn}</TelephoneNumber>`).join("")}</TelephoneNumbers>`,
      );
  }

  it("move order create: the documented request is taken and the answer has the documented shape", async () => {
    const peer = emulator.model.provisioning.createPeer(emulator.credentials.accountId, emulator.credentials.siteId, {
      peerName: "contract move",
    });
    // The ordered number moves; a number not in service (the GET example's) makes the order PARTIAL.
    const body = moveRequest(emulator.credentials.siteId, peer.peerId, [orderedNumber, "2262665583"]);
    const { status, text } = await call("POST", `${accountPath}/moveTns`, body);
    expect(status, text).to.equal(201);
    sameShape(doc.MOVE_CREATE_RESPONSE, text);
    moveId = /<OrderId>([^<]+)<\/OrderId>/.exec(text)?.[1] ?? "";
    expect(moveId).to.not.equal("");
  });

  it("move order GET, PARTIAL: the number not active fails with 7518", async () => {
    const text = await until(`${accountPath}/moveTns/${moveId}`, (t) => t.includes("<ProcessingStatus>PARTIAL<"));
    sameShape(doc.MOVE_GET_PARTIAL_RESPONSE, text);
    expect(text).to.match(/<Code>7518<\/Code>/);
    const tn = await call("GET", `${emulator.dashboardUrl}/tns/${orderedNumber}`);
    expect(tn.text).to.contain(`<OrderId>${moveId}</OrderId>`);
  });

  it("move order refused: the documented 400 for an unknown site and SIP peer (7309, 7312)", async () => {
    const { status, text } = await call(
      "POST",
      `${accountPath}/moveTns`,
      moveRequest("743", "303716", [orderedNumber]),
    );
    expect(status, text).to.equal(400);
    sameShape(doc.MOVE_CREATE_REFUSED_RESPONSE, text);
    expect(text).to.match(/<Code>7309<\/Code>[\s\S]*<Code>7312<\/Code>/);
  });

  it("v1 phone number GET", async () => {
    const c = emulator.credentials;
    const numbers = `${emulator.voiceUrl}/v1/users/${encodeURIComponent(c.userId)}/phoneNumbers`;
    const e164 = `+1${orderedNumber}`;
    const imported = await fetch(numbers, {
      method: "POST",
      headers: { authorization: voiceAuth, "content-type": "application/json" },
      body: JSON.stringify({
        number: e164,
        name: "contract",
        applicationId: "a-asdf",
        provider: {
          providerName: "bandwidth-dashboard",
          properties: { accountId: c.accountId, userName: c.username, password: c.password },
        },
      }),
    });
    expect(imported.status, await imported.text()).to.equal(201);
    const res = await fetch(`${numbers}/${encodeURIComponent(e164)}`, {
      headers: { authorization: voiceAuth, accept: "application/json" },
    });
    const text = await res.text();
    expect(res.status, text).to.equal(200);
    const documented = jsonPaths(doc.V1_PHONE_NUMBER_RESPONSE);
    expect(missingPaths(documented, jsonPaths(JSON.parse(text))), text).to.deep.equal([]);
  });

  let disconnectId = "";

  it("disconnects list with nothing to list: the 404 ReadDisconnectOrders documents, its <Links> body", async () => {
    const url = `${accountPath}/disconnects?page=1&size=10&customerOrderId=none-listed`;
    const { status, text } = await call("GET", url);
    expect(status, text).to.equal(404);
    exactShape(doc.DISCONNECTS_LIST_EMPTY_RESPONSE, text);
  });

  it("disconnect create: the documented request is taken and the answer has the documented shape", async () => {
    const body = doc.DISCONNECT_CREATE_REQUEST.replace(
      /<TelephoneNumberList>[\s\S]*<\/TelephoneNumberList>/,
      `<TelephoneNumberList><TelephoneNumber>${orderedNumber}</TelephoneNumber></TelephoneNumberList>`,
    );
    const { status, text } = await call("POST", `${accountPath}/disconnects`, body);
    expect(status, text).to.equal(201);
    sameShape(doc.DISCONNECT_CREATE_RESPONSE, text);
    disconnectId = /<id>([^<]+)<\/id>/.exec(text)?.[1] ?? "";
    expect(disconnectId).to.not.equal("");
  });

  it("disconnect GET, COMPLETE", async () => {
    const text = await until(`${accountPath}/disconnects/${disconnectId}`, (t) => t.includes("<OrderStatus>COMPLETE<"));
    sameShape(doc.DISCONNECT_GET_COMPLETE_RESPONSE, text);
  });

  it("disconnect GET, FAILED: a number not on the account fails with 5006 and the request's Name echoed", async () => {
    // The SDK fixture's orderRequest carries the disconnect's <Name>; the emulator echoes the name it was sent.
    const body = doc.DISCONNECT_CREATE_REQUEST.replace("<name>training run</name>", "<name>Disconnect</name>").replace(
      /<TelephoneNumberList>[\s\S]*<\/TelephoneNumberList>/,
      "<TelephoneNumberList><TelephoneNumber>2055551212</TelephoneNumber></TelephoneNumberList>",
    );
    const created = await call("POST", `${accountPath}/disconnects`, body);
    expect(created.status, created.text).to.equal(201);
    const id = /<id>([^<]+)<\/id>/.exec(created.text)?.[1] ?? "";
    const text = await until(`${accountPath}/disconnects/${id}`, (t) => t.includes("<OrderStatus>FAILED<"));
    sameShape(doc.DISCONNECT_GET_FAILED_RESPONSE, text);
    expect(text).to.match(/<Code>5006<\/Code>\s*<Description>[^<]*not associated with your account/);
    expect(text).to.contain("<Name>Disconnect</Name>");
  });

  describe("a location's product settings", () => {
    let location: string;

    before(async () => {
      const site = await call("POST", `${accountPath}/sites`, "<Site><Name>contract</Name></Site>");
      expect(site.status, site.text).to.equal(201);
      const siteId = /<Id>([^<]+)<\/Id>/.exec(site.text)?.[1] ?? "";
      const res = await fetch(`${accountPath}/sites/${siteId}/sippeers`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/xml" },
        body: "<SipPeer><PeerName>contract</PeerName></SipPeer>",
      });
      expect(res.status, await res.text()).to.equal(201);
      location = `${accountPath}/sites/${siteId}/sippeers/${res.headers.get("location")?.split("/").pop() ?? ""}`;
    });

    it("origination GET on a location never configured: 200 in the documented SIP shape, never a 404", async () => {
      const { status, text } = await call("GET", `${location}/products/origination/settings`);
      expect(status, text).to.equal(200);
      exactShape(doc.ORIGINATION_GET_SIP_RESPONSE, text);
      expect(text).to.contain("<VoiceProtocol>SIP</VoiceProtocol>");
    });

    it("origination PUT: both documented requests are taken and answered 200 with no body; the GET shows each", async () => {
      const app = await call(
        "POST",
        `${accountPath}/applications`,
        "<Application><ServiceType>Voice-V2</ServiceType><AppName>contract</AppName>" +
          "<CallInitiatedCallbackUrl>https://contract.example.com</CallInitiatedCallbackUrl></Application>",
      );
      expect(app.status, app.text).to.equal(201);
      const appId = /<ApplicationId>([^<]+)<\/ApplicationId>/.exec(app.text)?.[1] ?? "";
      const http = doc.ORIGINATION_PUT_HTTP_REQUEST.replace("867b923b-8a92-4579-b29b-405f165b8124", appId);
      const linked = await call("PUT", `${location}/products/origination/settings`, http);
      expect([linked.status, linked.text]).to.deep.equal([200, ""]);
      exactShape(
        doc.ORIGINATION_GET_HTTP_RESPONSE,
        (await call("GET", `${location}/products/origination/settings`)).text,
      );
      const sip = await call("PUT", `${location}/products/origination/settings`, doc.ORIGINATION_PUT_SIP_REQUEST);
      expect([sip.status, sip.text]).to.deep.equal([200, ""]);
      exactShape(
        doc.ORIGINATION_GET_SIP_RESPONSE,
        (await call("GET", `${location}/products/origination/settings`)).text,
      );
    });

    it("SMS feature GET: 200 with no feature before it is created, the documented shape after", async () => {
      const before = await call("GET", `${location}/products/messaging/features/sms`);
      expect(before.status, before.text).to.equal(200);
      expect([...xmlPaths(before.text)]).to.deep.equal(["SipPeerSmsFeatureResponse"]);
      const created = await call(
        "POST",
        `${location}/products/messaging/features/sms`,
        "<SipPeerSmsFeature><SipPeerSmsFeatureSettings><TollFree>false</TollFree><ShortCode>false</ShortCode>" +
          "<Protocol>HTTP</Protocol><Zone1>true</Zone1><Zone2>false</Zone2><Zone3>false</Zone3><Zone4>false</Zone4>" +
          "<Zone5>false</Zone5></SipPeerSmsFeatureSettings><HttpSettings/></SipPeerSmsFeature>",
      );
      expect(created.status, created.text).to.equal(201);
      const after = await call("GET", `${location}/products/messaging/features/sms`);
      expect(after.status, after.text).to.equal(200);
      // The example is an SMPP peer with A2P settings: SMPP hosts and the A2P fields appear only when set.
      const documented = [...xmlPaths(doc.SMS_FEATURE_GET_RESPONSE)].filter((p) => !/SmppHosts|\/A2p/.test(p));
      expect(missingPaths(new Set(documented), xmlPaths(after.text)), after.text).to.deep.equal([]);
    });
  });
});
