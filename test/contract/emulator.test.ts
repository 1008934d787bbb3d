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
});
