import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import * as doc from "./platform-fixtures";
import { jsonPaths, missingPaths, xmlPaths } from "./paths";

const DOCUMENTED_NUMBERS = ["2018551020", "2018551025", "2018551026", "2018551027"];
const ROUTE_PLAN = /<OriginationRoutePlan>[\s\S]*<\/OriginationRoutePlan>/;

// The documented TN option order and package calls, answered with the documented element names and nesting.
describe("contract: the emulator answers TN option orders and voice configuration packages as documented", function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let bearer: string;
  let accountPath: string;
  let numbers: string[];
  let firstOrderId: string;

  async function call(method: string, url: string, body?: string, type = "application/xml") {
    const res = await fetch(url, { method, headers: { authorization: bearer, "content-type": type }, body });
    return { status: res.status, text: await res.text() };
  }

  function sameShape(documented: string, answer: string): void {
    expect(missingPaths(xmlPaths(documented), xmlPaths(answer)), answer).to.deep.equal([]);
  }

  function sameJsonShape(documented: unknown, answer: string, except: string[] = []): void {
    const missing = missingPaths(jsonPaths(documented), jsonPaths(JSON.parse(answer))).filter(
      (p) => !except.includes(p),
    );
    expect(missing, answer).to.deep.equal([]);
  }

  /** The documented request on this account's numbers; without its route plan unless asked. */
  function documentedRequest(keepRoutePlan = false): string {
    let body = keepRoutePlan
      ? doc.TNOPTION_ORDER_CREATE_REQUEST
      : doc.TNOPTION_ORDER_CREATE_REQUEST.replace(ROUTE_PLAN, "");
    DOCUMENTED_NUMBERS.forEach((tn, i) => (body = body.replace(tn, numbers[i])));
    return body;
  }

  async function untilFinal(url: string): Promise<string> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { status, text } = await call("GET", url);
      expect(status, text).to.equal(200);
      if (!/<ProcessingStatus>(RECEIVED|PROCESSING)</.test(text) || Date.now() > deadline) return text;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  before(async () => {
    emulator = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 40, rateLimits: false });
    const c = emulator.credentials;
    const token = await fetch(emulator.tokenUrl, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    bearer = `Bearer ${((await token.json()) as { access_token: string }).access_token}`;
    accountPath = `${emulator.dashboardUrl}/accounts/${c.accountId}`;
    const order = await call(
      "POST",
      `${accountPath}/orders`,
      `<Order><Name>contract</Name><SiteId>${c.siteId}</SiteId><AreaCodeSearchAndOrderType><AreaCode>910</AreaCode>` +
        "<Quantity>4</Quantity></AreaCodeSearchAndOrderType></Order>",
    );
    const orderId = /<id>([^<]+)<\/id>/.exec(order.text)![1];
    for (let i = 0; i < 100; i += 1) {
      const got = await call("GET", `${accountPath}/orders/${orderId}`);
      numbers = [...got.text.matchAll(/<FullNumber>(\d{10})<\/FullNumber>/g)].map((m) => m[1]);
      if (numbers.length === 4) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(numbers).to.have.length(4);
  });
  after(() => emulator.close());

  it("TN option order create, documented request with a route plan: 409 in the documented shape (no account has it)", async () => {
    const { status, text } = await call("POST", `${accountPath}/tnoptions`, documentedRequest(true));
    expect(status, text).to.equal(409);
    sameShape(doc.TNOPTION_ORDER_409_RESPONSE, text);
    expect(text).to.contain("<ErrorCode>5200</ErrorCode>");
  });

  it("TN option order create: the documented request is taken (route plan left out) and answered as documented", async () => {
    const { status, text } = await call("POST", `${accountPath}/tnoptions`, documentedRequest());
    expect(status, text).to.equal(201);
    sameShape(doc.TNOPTION_ORDER_CREATE_RESPONSE, text);
    expect(text).to.not.contain("a1b2c3");
    firstOrderId = /<OrderId>([^<]+)<\/OrderId>/.exec(text)![1];
  });

  it("TN option order GET, COMPLETE with a warning, as documented", async () => {
    await untilFinal(`${accountPath}/tnoptions/${firstOrderId}`);
    // The same order again: SMS is already on for the first group's number, which the documented GET warns about.
    const again = await call("POST", `${accountPath}/tnoptions`, documentedRequest());
    const id = /<OrderId>([^<]+)<\/OrderId>/.exec(again.text)![1];
    const text = await untilFinal(`${accountPath}/tnoptions/${id}`);
    expect(text).to.contain("<ProcessingStatus>COMPLETE</ProcessingStatus>");
    sameShape(doc.TNOPTION_ORDER_GET_RESPONSE, text);
    expect(text).to.contain("SMS is already Enabled or number is in processing.");
  });

  it("TN option order create, 400: the documented refusal of a NumberFormat of 'wrong'", async () => {
    const body = documentedRequest().replace(
      "<NumberFormat>10digit</NumberFormat>",
      "<NumberFormat>wrong</NumberFormat>",
    );
    const { status, text } = await call("POST", `${accountPath}/tnoptions`, body);
    expect(status, text).to.equal(400);
    sameShape(doc.TNOPTION_ORDER_400_RESPONSE, text);
    expect(text).to.contain("<Description>Number Format 'wrong' is invalid.</Description>");
  });

  it("TN option order GET, 404 as documented", async () => {
    const { status, text } = await call("GET", `${accountPath}/tnoptions/ddbdc72e-dc27-490c-904e-d0c11291b095`);
    expect(status, text).to.equal(404);
    sameShape(doc.TNOPTION_ORDER_404_RESPONSE, text);
  });

  it("TN option orders list, summary and detailed forms, as documented", async () => {
    // A FAILED order, so that the detailed form has an ErrorList entry as the documented one does.
    const failed = documentedRequest().replace(new RegExp(numbers.join("|"), "g"), "2055551212");
    const placed = await call(
      "POST",
      `${accountPath}/tnoptions`,
      failed.replace(/(<TnOptionGroup>[\s\S]*?<\/TnOptionGroup>)[\s\S]*(<\/TnOptionGroups>)/, "$1$2"),
    );
    expect(placed.status, placed.text).to.equal(201);
    await untilFinal(`${accountPath}/tnoptions/${/<OrderId>([^<]+)<\/OrderId>/.exec(placed.text)![1]}`);
    const summary = await call("GET", `${accountPath}/tnoptions`);
    expect(summary.status, summary.text).to.equal(200);
    sameShape(doc.TNOPTION_ORDERS_LIST_SUMMARY_RESPONSE, summary.text);
    const detailed = await call("GET", `${accountPath}/tnoptions?orderDetails=true`);
    sameShape(doc.TNOPTION_ORDERS_LIST_DETAILED_RESPONSE, detailed.text);
  });

  it("TN option order history, as documented", async () => {
    const { status, text } = await call("GET", `${accountPath}/tnoptions/${firstOrderId}/history`);
    expect(status, text).to.equal(200);
    sameShape(doc.TNOPTION_ORDER_HISTORY_RESPONSE, text);
  });

  it("tndetails: the elements the emulator serves sit where the documented example puts them", async () => {
    const { status, text } = await call("GET", `${emulator.dashboardUrl}/tns/${numbers[0]}/tndetails`);
    expect(status, text).to.equal(200);
    const served = [
      "FullNumber",
      "Status",
      "AccountId",
      "Site/Id",
      "SipPeer/PeerId",
      "ServiceTypes/ServiceType",
      "LastModified",
      "MessagingSettings/SmsEnabled",
    ].map((p) => `TelephoneNumberResponse/TelephoneNumberDetails/${p}`);
    const documented = xmlPaths(doc.TN_DETAILS_RESPONSE);
    expect(served.filter((p) => !documented.has(p))).to.deep.equal([]);
    expect(missingPaths(new Set(served), xmlPaths(text)), text).to.deep.equal([]);
  });

  describe("voice configuration packages", () => {
    let packages: string;
    let packageId: string;

    before(async () => {
      packages = `${emulator.url}/v2/accounts/${emulator.credentials.accountId}/voiceConfigurationPackages`;
    });

    it("create: the CLI's body is taken and the id sits where the CLI reads it", async () => {
      const app = await call(
        "POST",
        `${accountPath}/applications`,
        "<Application><ServiceType>Voice-V2</ServiceType><AppName>contract</AppName>" +
          "<CallInitiatedCallbackUrl>https://example.com/voice</CallInitiatedCallbackUrl></Application>",
      );
      const appId = /<ApplicationId>([^<]+)<\/ApplicationId>/.exec(app.text)![1];
      const body = JSON.stringify({ ...doc.VCP_CREATE_REQUEST, httpVoiceV2ApplicationId: appId });
      const { status, text } = await call("POST", packages, body, "application/json");
      expect(status, text).to.equal(201);
      sameJsonShape(doc.VCP_CREATE_RESPONSE, text);
      packageId = (JSON.parse(text) as { data: { voiceConfigurationPackageId: string } }).data
        .voiceConfigurationPackageId;
    });

    // The CLI's envelope tests use a generic `id`; the id of a package is `voiceConfigurationPackageId` (checked above).
    it("GET and list: the CLI's envelope", async () => {
      const one = await call("GET", `${packages}/${packageId}`);
      sameJsonShape(doc.VCP_GET_RESPONSE, one.text, ["data/id"]);
      const all = await call("GET", packages);
      sameJsonShape(doc.VCP_LIST_RESPONSE, all.text, ["data/id"]);
    });

    it("PATCH: the CLI's update body is taken", async () => {
      const appless = { ...doc.VCP_UPDATE_REQUEST, httpVoiceV2ApplicationId: null };
      const { status, text } = await call(
        "PATCH",
        `${packages}/${packageId}`,
        JSON.stringify(appless),
        "application/json",
      );
      expect(status, text).to.equal(200);
      expect(JSON.parse(text)).to.nested.include({ "data.name": "Updated", "data.description": "New description" });
    });

    it("bulk assign: the CLI's body is taken with a null answer; a number not yet assignable is VCS-0044", async () => {
      const body = JSON.stringify({
        ...doc.VCP_BULK_ASSIGN_REQUEST,
        phoneNumbers: numbers.slice(0, 2).map((n) => `+1${n}`),
      });
      const ok = await call("POST", `${packages}/${packageId}/phoneNumbers/bulk`, body, "application/json");
      expect(ok.status, ok.text).to.equal(200);
      expect(JSON.parse(ok.text)).to.equal(null);
      const refused = await call(
        "POST",
        `${packages}/${packageId}/phoneNumbers/bulk`,
        JSON.stringify(doc.VCP_BULK_ASSIGN_REQUEST),
        "application/json",
      );
      expect(refused.status).to.equal(400);
      sameJsonShape(doc.VCP_NOT_ASSIGNABLE_RESPONSE, refused.text);
      expect(JSON.parse(refused.text)).to.nested.include({ "errors[0].code": "VCS-0044" });
    });

    it("the voice numbers listing, paged as the CLI reads it", async () => {
      const url = `${emulator.url}/v2/accounts/${emulator.credentials.accountId}/phoneNumbers/voice?voiceConfigurationPackageId=${packageId}&limit=1`;
      const { status, text } = await call("GET", url);
      expect(status, text).to.equal(200);
      sameJsonShape(doc.VOICE_NUMBERS_RESPONSE, text);
    });

    it("403 for a token of another account, in the platform's error shape", async () => {
      const other = `${emulator.url}/v2/accounts/1/voiceConfigurationPackages`;
      const { status, text } = await call("GET", other);
      expect(status).to.equal(403);
      sameJsonShape(doc.PLATFORM_FORBIDDEN_RESPONSE, text);
    });
  });
});
