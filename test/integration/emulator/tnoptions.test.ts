import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import {
  block,
  disconnectXml,
  fastEmulator,
  numbersCall,
  orderNumbers,
  orderXml,
  sleep,
  tag,
  tags,
  waitDisconnect,
} from "./calls";
import { bearer, numbersBearerCall } from "./platform";

const PASSCODE = "Zq7Kp2Xw";

/** A `<TnOptionOrder>` with one group per entry: its options' elements and its numbers. */
function optionOrder(groups: Array<{ options: string; numbers: string[] }>, customerOrderId = "settings-1"): string {
  const body = groups
    .map(
      (g) =>
        `<TnOptionGroup>${g.options}<TelephoneNumbers>${g.numbers
          .map((n) => `<TelephoneNumber>${n}</TelephoneNumber>`)
          .join("")}</TelephoneNumbers></TnOptionGroup>`,
    )
    .join("");
  return `<?xml version="1.0"?><TnOptionOrder><CustomerOrderId>${customerOrderId}</CustomerOrderId><TnOptionGroups>${body}</TnOptionGroups></TnOptionOrder>`;
}

const MESSAGING =
  "<Sms>on</Sms><CallingNameDisplay>on</CallingNameDisplay>" +
  `<PortOutPasscode>${PASSCODE}</PortOutPasscode>` +
  "<A2pSettings><Action>asSpecified</Action><CampaignId>CA3XKE1</CampaignId><MessageClass>M</MessageClass></A2pSettings>";

describe("emulator: TN option orders and the per-number settings they leave", function () {
  this.timeout(10_000);
  let emu: RunningEmulator;
  let auth: string;
  let tnoptions: string;

  before(async () => {
    emu = await fastEmulator();
  });
  beforeEach(async () => {
    emu.reset();
    emu.setDelays({ orderDelayMs: 20 });
    auth = await bearer(emu);
    tnoptions = `/accounts/${emu.credentials.accountId}/tnoptions`;
  });
  after(() => emu.close());

  async function place(body: string): Promise<string> {
    const res = await numbersBearerCall(emu, auth, "POST", tnoptions, body);
    expect(res.status, res.body).to.equal(201);
    return tag(res.body, "OrderId")!;
  }

  async function settle(id: string): Promise<string> {
    const deadline = Date.now() + 3000;
    for (;;) {
      const res = await numbersBearerCall(emu, auth, "GET", `${tnoptions}/${id}`);
      expect(res.status, res.body).to.equal(200);
      const status = tag(res.body, "ProcessingStatus");
      if (status !== "RECEIVED" && status !== "PROCESSING") return res.body;
      if (Date.now() > deadline) throw new Error(`TN option order ${id} still ${status}`);
      await sleep(10);
    }
  }

  async function details(tn: string): Promise<{ status: number; body: string }> {
    return numbersBearerCall(emu, auth, "GET", `/tns/${tn}/tndetails`);
  }

  it("answers 201 RECEIVED with its Location, moves through PROCESSING to COMPLETE, and echoes no passcode", async () => {
    emu.setDelays({ orderDelayMs: 300 });
    const [a, b] = await orderNumbers(emu, "910", 2);
    const res = await numbersBearerCall(
      emu,
      auth,
      "POST",
      tnoptions,
      optionOrder([{ options: MESSAGING, numbers: [a, b] }]),
    );
    expect(res.status, res.body).to.equal(201);
    expect(tag(res.body, "ProcessingStatus")).to.equal("RECEIVED");
    const id = tag(res.body, "OrderId")!;
    expect(res.headers.get("location")).to.equal(`${emu.dashboardUrl}${tnoptions}/${id}`);
    expect(tag(res.body, "CampaignId")).to.equal("CA3XKE1");
    expect(res.body).to.not.contain(PASSCODE);
    expect(res.body).to.not.contain("PortOutPasscode");

    const seen = new Set<string>();
    const deadline = Date.now() + 3000;
    let final = "";
    while (Date.now() < deadline) {
      final = (await numbersBearerCall(emu, auth, "GET", `${tnoptions}/${id}`)).body;
      seen.add(tag(final, "ProcessingStatus")!);
      if (tag(final, "ProcessingStatus") === "COMPLETE") break;
      await sleep(20);
    }
    expect([...seen]).to.include.members(["RECEIVED", "PROCESSING", "COMPLETE"]);
    expect(block(final, "ErrorList") ?? "").to.not.contain("<Error>");
    const history = await numbersBearerCall(emu, auth, "GET", `${tnoptions}/${id}/history`);
    expect(tags(history.body, "Status")).to.deep.equal(["received", "processing", "complete"]);
  });

  it("reads each number's settings back from tndetails: SMS, campaign, message class, calling name; never the passcode", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const before = await details(a);
    expect(before.status, before.body).to.equal(200);
    expect(tag(before.body, "A2pState")).to.equal("system_default");
    expect(tag(before.body, "CampaignId")).to.equal(undefined);

    await settle(await place(optionOrder([{ options: MESSAGING, numbers: [a] }])));
    const after = await details(a);
    const messaging = block(after.body, "MessagingSettings")!;
    expect(tag(messaging, "SmsEnabled")).to.equal("true");
    expect(tag(messaging, "CampaignId")).to.equal("CA3XKE1");
    expect(tag(messaging, "MessageClass")).to.equal("M");
    expect(tag(messaging, "A2pState")).to.equal("overridden");
    expect(tag(block(after.body, "TnOptions")!, "CallingNameDisplay")).to.equal("on");
    expect(after.body).to.not.contain(PASSCODE);

    await settle(
      await place(
        optionOrder([
          {
            options:
              "<CallingNameDisplay>systemDefault</CallingNameDisplay><A2pSettings><Action>systemDefault</Action></A2pSettings>",
            numbers: [a],
          },
        ]),
      ),
    );
    const reverted = await details(a);
    expect(tag(reverted.body, "CallingNameDisplay")).to.equal(undefined);
    expect(tag(reverted.body, "CampaignId")).to.equal(undefined);
    expect(tag(reverted.body, "A2pState")).to.equal("system_default");
    expect(tag(reverted.body, "SmsEnabled")).to.equal("true");
  });

  it("a restored state file keeps the orders, the settings and a pending order's due time", async () => {
    const [a, b] = await orderNumbers(emu, "910", 2);
    const done = await place(optionOrder([{ options: MESSAGING, numbers: [a] }]));
    await settle(done);
    emu.setDelays({ orderDelayMs: 200 });
    const pending = await place(
      optionOrder([{ options: "<CallingNameDisplay>on</CallingNameDisplay>", numbers: [b] }]),
    );
    const snapshot = JSON.parse(JSON.stringify(emu.model.snapshot()));
    emu.model.restore(snapshot);
    expect(tag((await details(a)).body, "CampaignId")).to.equal("CA3XKE1");
    expect(tag(await settle(pending), "ProcessingStatus")).to.equal("COMPLETE");
    expect(tag((await details(b)).body, "CallingNameDisplay")).to.equal("on");
  });

  it("takes E.164 numbers as Bandwidth's CLI sends them, and reports them in 10 digits", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const body = await settle(await place(optionOrder([{ options: MESSAGING, numbers: [`+1${a}`] }])));
    expect(tag(body, "ProcessingStatus")).to.equal("COMPLETE");
    expect(tags(body, "TelephoneNumber")).to.deep.equal([a]);
  });

  it("fails a number not in service on the account with 5076 and applies the rest (PARTIAL); all such numbers: FAILED", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const foreign = "9195550100";
    const partial = await settle(await place(optionOrder([{ options: MESSAGING, numbers: [a, foreign] }])));
    expect(tag(partial, "ProcessingStatus")).to.equal("PARTIAL");
    const errors = block(partial, "ErrorList")!;
    expect(tags(errors, "Code")).to.deep.equal(["5076"]);
    expect(tags(errors, "TelephoneNumber")).to.deep.equal([foreign]);
    expect(tag((await details(a)).body, "CampaignId")).to.equal("CA3XKE1");

    const failed = await settle(await place(optionOrder([{ options: "<Sms>on</Sms>", numbers: [foreign] }])));
    expect(tag(failed, "ProcessingStatus")).to.equal("FAILED");
    expect(tags(block(failed, "ErrorList")!, "Code")).to.deep.equal(["5076"]);
  });

  it("fails a campaign on a number whose SMS is off (5132) and leaves that number unchanged", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const smsBefore = tag((await details(a)).body, "SmsEnabled");
    const body = await settle(
      await place(
        optionOrder([
          {
            options:
              "<Sms>off</Sms><A2pSettings><CampaignId>CA3XKE1</CampaignId><MessageClass>M</MessageClass></A2pSettings>",
            numbers: [a],
          },
        ]),
      ),
    );
    expect(tag(body, "ProcessingStatus")).to.equal("FAILED");
    expect(tags(body, "Code")).to.deep.equal(["5132"]);
    const after = await details(a);
    expect(tag(after.body, "CampaignId")).to.equal(undefined);
    expect(tag(after.body, "SmsEnabled")).to.equal(smsBefore);
  });

  it("refuses a broken order whole with 400 and Bandwidth's code, recording nothing", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const cases: Array<[string, string]> = [
      [optionOrder([{ options: "<NumberFormat>wrong</NumberFormat>", numbers: [a] }]), "5081"],
      [optionOrder([{ options: "<CallingNameDisplay>maybe</CallingNameDisplay>", numbers: [a] }]), "5079"],
      [optionOrder([{ options: "<PortOutPasscode>no!</PortOutPasscode>", numbers: [a] }]), "5193"],
      [optionOrder([{ options: "<A2pSettings><Action>sometimes</Action></A2pSettings>", numbers: [a] }]), "5138"],
      [
        optionOrder([
          { options: "<A2pSettings><Action>off</Action><CampaignId>C</CampaignId></A2pSettings>", numbers: [a] },
        ]),
        "5134",
      ],
      [optionOrder([{ options: "", numbers: [a] }]), "5115"],
      [optionOrder([{ options: "<Sms>on</Sms>", numbers: ["12345"] }]), "5070"],
      [optionOrder([{ options: "<Sms>on</Sms>", numbers: [a, a] }]), "5072"],
    ];
    for (const [body, code] of cases) {
      const res = await numbersBearerCall(emu, auth, "POST", tnoptions, body);
      expect(res.status, res.body).to.equal(400);
      expect(tag(block(res.body, "ResponseStatus")!, "ErrorCode"), res.body).to.equal(code);
      expect(res.body).to.not.contain("no!");
    }
    const listed = await numbersBearerCall(emu, auth, "GET", tnoptions);
    expect(tag(listed.body, "TotalCount")).to.equal("0");
  });

  it("refuses an origination route plan with 409 and 5200 (no emulated account has the feature)", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const plan =
      "<OriginationRoutePlan><Route><Endpoint>6105552502</Endpoint></Route><Action>asSpecified</Action></OriginationRoutePlan>";
    const res = await numbersBearerCall(emu, auth, "POST", tnoptions, optionOrder([{ options: plan, numbers: [a] }]));
    expect(res.status, res.body).to.equal(409);
    expect(tag(res.body, "ErrorCode")).to.equal("5200");
  });

  it("lists orders by number and status, and answers 404 for an order of another id", async () => {
    const [a, b] = await orderNumbers(emu, "910", 2);
    const first = await place(optionOrder([{ options: "<Sms>on</Sms>", numbers: [a] }], "one"));
    await settle(first);
    await settle(await place(optionOrder([{ options: "<Sms>on</Sms>", numbers: [b] }], "two")));
    const byTn = await numbersBearerCall(emu, auth, "GET", `${tnoptions}?tn=${a}`);
    expect(tags(byTn.body, "OrderId")).to.deep.equal([first]);
    const complete = await numbersBearerCall(emu, auth, "GET", `${tnoptions}?status=COMPLETE`);
    expect(tag(complete.body, "TotalCount")).to.equal("2");
    const missing = await numbersBearerCall(emu, auth, "GET", `${tnoptions}/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).to.equal(404);
    expect(tag(block(missing.body, "ResponseStatus")!, "Description")).to.equal("The resource does not exist");
  });

  it("shares the ORDER rate-limit category with number orders", async () => {
    emu.setRateLimits({ ORDER: { perMinute: 1, burst: 1 } });
    try {
      const [a] = await orderNumbers(emu, "910", 1).catch(() => [""]);
      const c = emu.credentials;
      const second = await numbersCall(
        emu,
        "POST",
        `/accounts/${c.accountId}/orders`,
        orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }),
      );
      expect(second.status).to.equal(429);
      const res = await numbersBearerCall(
        emu,
        auth,
        "POST",
        tnoptions,
        optionOrder([{ options: "<Sms>on</Sms>", numbers: [a || "9105550100"] }]),
      );
      expect(res.status).to.equal(429);
      expect(res.headers.get("x-ratelimit-reset")).to.match(/^\d+$/);
    } finally {
      emu.setRateLimits(undefined);
    }
  });

  it("a disconnected number loses its settings: tndetails answers 404 once it has left the account", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    await settle(await place(optionOrder([{ options: MESSAGING, numbers: [a] }])));
    const res = await numbersCall(
      emu,
      "POST",
      `/accounts/${emu.credentials.accountId}/disconnects`,
      disconnectXml([a]),
    );
    await waitDisconnect(emu, tag(res.body, "id")!);
    const gone = await details(a);
    expect(gone.status).to.equal(404);
    expect(tag(gone.body, "ErrorCode")).to.equal("12738");
    expect(emu.model.tnOptions.settingsOf(a)).to.equal(undefined);
  });

  it("keeps the port-out passcode out of the request log and the emulator page", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    await settle(await place(optionOrder([{ options: MESSAGING, numbers: [a] }])));
    const logged = emu.requestLog().filter((r) => r.path.endsWith(tnoptions) && r.method === "POST");
    expect(logged).to.have.length(1);
    expect(logged[0].body).to.contain("<PortOutPasscode>[REDACTED]</PortOutPasscode>");
    expect(JSON.stringify(emu.requestLog())).to.not.contain(PASSCODE);
    const page = await (await fetch(`${emu.url}/_emulator/page/state`)).text();
    expect(page).to.not.contain(PASSCODE);
    const shown = (
      JSON.parse(page) as { numbers: Array<{ telephoneNumber: string; settings?: Record<string, string> }> }
    ).numbers.find((n) => n.telephoneNumber === a);
    expect(shown?.settings).to.include({ sms: "on", campaignId: "CA3XKE1", portOutPasscode: "[redacted]" });
  });
});
