// The emulator page's JSON document over real HTTP: what it shows, what it hides, and who may read it.
import { networkInterfaces } from "node:os";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { PAGE_PATH, type PageSnapshot, REDACTED, redactBody, STATE_PATH } from "../../emulator/page";
import { eventually, importNumber, placeOrder } from "./calls";

describe("emulator page: its state document", () => {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ orderDelayMs: 100, disconnectDelayMs: 100, quiet: true });
  });
  after(() => emu?.close());

  async function state(): Promise<PageSnapshot> {
    const res = await fetch(`${emu.url}${STATE_PATH}`);
    expect(res.status).to.equal(200);
    return (await res.json()) as PageSnapshot;
  }

  it("shows an order placed through the API with its status, its numbers in service and the v1 import", async () => {
    const orderId = await placeOrder(emu, "919", 2);
    const order = await eventually(() => {
      const o = emu.model.getOrder(emu.credentials.accountId, orderId);
      return o.status === "COMPLETE" ? o : undefined;
    });
    await importNumber(emu, `+1${order.completedNumbers[0]}`);

    const s = await state();
    const shown = s.orders.find((o) => o.id === orderId);
    expect(shown?.status).to.equal("COMPLETE");
    expect(shown?.completed).to.deep.equal(order.completedNumbers);
    for (const tn of order.completedNumbers) {
      expect(s.numbers.find((n) => n.telephoneNumber === tn)?.status).to.equal("Inservice");
    }
    expect(s.imports.map((v) => v.number)).to.deep.equal([`+1${order.completedNumbers[0]}`]);
    expect(s.numbers.find((n) => n.telephoneNumber === order.completedNumbers[0])?.voiceNumberId).to.match(/^n-/);
    expect(s.accounts[0]).to.include({ accountId: emu.credentials.accountId });
    expect(s.accounts[0].summary).to.include({ inService: 2, imported: 1, orders: 1 });
  });

  it("never carries a credential: the import's provider password, the API secret, the account password", async () => {
    const text = JSON.stringify(await state());
    const c = emu.credentials;
    expect(text).to.include("/phoneNumbers", "the import request is in the log");
    expect(text).to.include(REDACTED);
    for (const secret of [c.password, c.apiSecret]) expect(text).to.not.include(secret);
  });

  it("its own polling stays out of the request log", async () => {
    const before = emu.requestLog().length;
    await state();
    await fetch(`${emu.url}${PAGE_PATH}`);
    expect(emu.requestLog().length).to.equal(before);
  });

  it("serves the page as self-contained HTML that loads nothing from elsewhere", async () => {
    const res = await fetch(`${emu.url}${PAGE_PATH}`);
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.match(/^text\/html/);
    expect(res.headers.get("content-security-policy")).to.include("default-src 'none'");
    const html = await res.text();
    expect(html).to.not.match(/<(script|link|img)[^>]+(src|href)=/);
  });

  it("refuses a peer that is not loopback, like the admin API", async function () {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (!address) this.skip(); // a machine with only a loopback interface cannot present another peer address
    const open = await startEmulator({ host: "0.0.0.0", quiet: true });
    try {
      const res = await fetch(`http://${address}:${open.port}${STATE_PATH}`);
      expect(res.status).to.equal(403);
      expect(await res.text()).to.not.include(open.credentials.accountId);
    } finally {
      await open.close();
    }
  });
});

describe("emulator page: redaction of request bodies", () => {
  it("hides JSON, XML and form credentials and keeps everything else", () => {
    const json = redactBody(
      '{"number":"+19195550100","provider":{"properties":{"accountId":"1","userName":"u","password":"p4ss"}}}',
    );
    expect(JSON.parse(json!)).to.deep.equal({
      number: "+19195550100",
      provider: { properties: { accountId: "1", userName: "u", password: REDACTED } },
    });
    const xml = redactBody(
      "<Application><CallbackCreds><UserId>me</UserId><Password>s3cret</Password></CallbackCreds></Application>",
    );
    expect(xml).to.equal(
      `<Application><CallbackCreds><UserId>me</UserId><Password>${REDACTED}</Password></CallbackCreds></Application>`,
    );
    expect(redactBody("grant_type=client_credentials&client_secret=abc")).to.equal(
      `grant_type=client_credentials&client_secret=${REDACTED}`,
    );
  });

  it("hides a body it cannot parse whole when it names a credential", () => {
    expect(redactBody('{"password": "unterminated')).to.equal(REDACTED);
  });
});
