import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import {
  block,
  disconnectXml,
  fastEmulator,
  numbersCall,
  orderNumbers,
  orderXml,
  placeOrder,
  sleep,
  tag,
  tags,
  providerBlock,
  voiceCall,
  waitDisconnect,
  waitOrder,
} from "./calls";

describe("emulator: disconnects and telephone-number states", () => {
  let emu: RunningEmulator;
  let disconnectsPath: string;
  before(async () => {
    emu = await fastEmulator();
    disconnectsPath = `/accounts/${emu.credentials.accountId}/disconnects`;
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  async function disconnect(body: string): Promise<string> {
    const res = await numbersCall(emu, "POST", disconnectsPath, body);
    expect(res.status, res.body).to.equal(201);
    return tag(res.body, "id")!;
  }

  it("answers 201 with Location and orderRequest/id, then COMPLETE with the disconnected list", async () => {
    const tns = await orderNumbers(emu, "919", 2);
    const res = await numbersCall(emu, "POST", disconnectsPath, disconnectXml(tns));
    expect(res.status).to.equal(201);
    const id = tag(block(res.body, "orderRequest")!, "id")!;
    expect(res.headers.get("location")).to.equal(`${emu.dashboardUrl}${disconnectsPath}/${id}`);
    expect(tag(res.body, "OrderStatus")).to.equal("RECEIVED");
    expect(tag(res.body, "DisconnectMode")).to.equal("normal");
    const body = await waitDisconnect(emu, id);
    expect(tag(body, "OrderStatus")).to.equal("COMPLETE");
    expect(tags(block(body, "DisconnectedTelephoneNumberList")!, "TelephoneNumber").sort()).to.deep.equal(tns.sort());
    expect(body).to.contain("<ErrorList/>");
    expect(emu.model.numbersInService(emu.credentials.accountId)).to.have.length(0);
  });

  it("accepts <Name> as well as <name>", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const xml = disconnectXml([tn]).replace("<name>teardown</name>", "<Name>Teardown</Name>");
    expect(tag(await waitDisconnect(emu, await disconnect(xml)), "OrderStatus")).to.equal("COMPLETE");
  });

  it("ends PARTIAL with 5006 for the number not on the account", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const stranger = tags(
      (await numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/availableNumbers?areaCode=212&quantity=1`))
        .body,
      "TelephoneNumber",
    )[0];
    const body = await waitDisconnect(emu, await disconnect(disconnectXml([tn, stranger])));
    expect(tag(body, "OrderStatus")).to.equal("PARTIAL");
    expect(tags(block(body, "ErrorList")!, "Code")).to.deep.equal(["5006"]);
    expect(tag(block(body, "ErrorList")!, "TelephoneNumber")).to.equal(stranger);
    expect(tags(block(body, "DisconnectedTelephoneNumberList")!, "TelephoneNumber")).to.deep.equal([tn]);
  });

  it("ends FAILED when no number could be disconnected", async () => {
    const body = await waitDisconnect(emu, await disconnect(disconnectXml(["9105550000", "9105550001"])));
    expect(tag(body, "OrderStatus")).to.equal("FAILED");
    expect(tags(body, "Code")).to.deep.equal(["5006", "5006"]);
  });

  it("refuses a bad DisconnectMode with 5084", async () => {
    const res = await numbersCall(
      emu,
      "POST",
      disconnectsPath,
      disconnectXml(["9105550000"], "x", "<DisconnectMode>violent</DisconnectMode>"),
    );
    expect(res.status).to.equal(400);
    expect(tags(res.body, "Code")).to.include("5084");
  });

  it("answers an empty disconnects list with 404, as Bandwidth documents", async () => {
    expect((await numbersCall(emu, "GET", `${disconnectsPath}?page=1&size=10`)).status).to.equal(404);
  });

  it("refuses a disconnects list with startdate and no enddate (15508): the reference documents them as a pair", async () => {
    const alone = await numbersCall(emu, "GET", `${disconnectsPath}?page=1&size=10&startdate=2026-12-01`);
    expect(alone.status).to.equal(400);
    expect(tag(alone.body, "Code")).to.equal("15508");
    const paired = await numbersCall(
      emu,
      "GET",
      `${disconnectsPath}?page=1&size=10&startdate=2026-12-01&enddate=2026-12-31`,
    );
    expect(paired.status).to.be.oneOf([200, 404]);
  });

  it("records a number disconnected behind the stack's back as a disconnect order, and the account may reconnect it while it is held", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    emu.setDelays({ agingMs: 60_000 });
    emu.model.disconnectBehindTheBack(tn);
    const listed = emu.model.listDisconnects(emu.credentials.accountId);
    expect(listed.map((d) => d.numbers)).to.deep.equal([[tn]]);
    expect(emu.model.numbers.tn(tn)?.orderId).to.equal(listed[0].id);
    const id = await placeOrder(
      emu,
      orderXml("ExistingTelephoneNumberOrderType", { TelephoneNumberList: `<TelephoneNumber>${tn}</TelephoneNumber>` }),
    );
    const body = await waitOrder(emu, id);
    expect(tag(body, "OrderStatus"), body).to.equal("COMPLETE");
    expect(emu.model.numbers.tn(tn)).to.deep.include({ status: "Inservice", orderId: id });
  });

  it("accepts the documented DisconnectModes normal, soft-remove and purge", async () => {
    for (const mode of ["normal", "soft-remove", "purge"]) {
      const [tn] = await orderNumbers(emu, "910", 1);
      const res = await numbersCall(
        emu,
        "POST",
        disconnectsPath,
        disconnectXml([tn], "teardown", `<DisconnectMode>${mode}</DisconnectMode>`),
      );
      expect(res.status, mode).to.equal(201);
    }
  });

  it("lists disconnects with the capitalised <OrderId> quirk", async () => {
    const id = await disconnect(disconnectXml(["9105550000"]));
    await waitDisconnect(emu, id);
    const res = await numbersCall(emu, "GET", `${disconnectsPath}?page=1&size=10`);
    expect(tag(res.body, "TotalCount")).to.equal("1");
    expect(tags(res.body, "OrderId")).to.deep.equal([id]);
    expect(res.body).not.to.contain("<orderId>");
  });

  it("moves a number Inservice → Disconnected → Aging → Available, visible on /tns", async () => {
    const [tn] = await orderNumbers(emu, "910", 1);
    const state = async () => tag((await numbersCall(emu, "GET", `/tns/${tn}`)).body, "Status");
    expect(await state()).to.equal("Inservice");
    emu.setDelays({ disconnectDelayMs: 10, agingMs: 400 });
    await waitDisconnect(emu, await disconnect(disconnectXml([tn])));
    // Every state /tns shows until the number is available again, in order (read often, so none is missed however
    // slow the machine: each lasts about 200 ms).
    const seen: Array<string | undefined> = [];
    const deadline = Date.now() + 5000;
    while (seen.at(-1) !== "Available" && Date.now() < deadline) {
      const now = await state();
      if (now !== seen.at(-1)) seen.push(now);
      await sleep(10);
    }
    expect(seen).to.deep.equal(["Disconnected", "Aging", "Available"]);
    const search = await numbersCall(
      emu,
      "GET",
      `/accounts/${emu.credentials.accountId}/availableNumbers?npaNxx=${tn.slice(0, 6)}&quantity=5000`,
    );
    expect(tags(search.body, "TelephoneNumber")).to.include(tn);
  });

  it("answers /tns with the TelephoneNumberResponse fields and 404 for an unknown number", async () => {
    const [tn] = await orderNumbers(emu, "910", 1);
    const res = await numbersCall(emu, "GET", `/tns/${tn}`);
    expect(tag(res.body, "TelephoneNumber")).to.equal(tn);
    expect(tag(res.body, "SiteId")).to.equal("461");
    expect(tag(res.body, "AccountId")).to.equal(emu.credentials.accountId);
    expect(tag(res.body, "OrderId")).to.match(/^[0-9a-f-]{36}$/);
    expect((await numbersCall(emu, "GET", "/tns/2015550000")).status).to.equal(404);
  });

  it("drops the v1 import of a number disconnected while still imported", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const imported = await voiceCall(emu, "POST", `/v1/users/${emu.credentials.userId}/phoneNumbers`, {
      number: `+1${tn}`,
      provider: providerBlock(emu.credentials),
    });
    expect(imported.status).to.equal(201);
    await waitDisconnect(emu, await disconnect(disconnectXml([tn])));
    expect(emu.model.listVoiceNumbers(emu.credentials.userId)).to.have.length(0);
  });

  it("lets a number be disconnected behind the provider's back", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    emu.model.disconnectBehindTheBack(tn);
    const res = await numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/inserviceNumbers/${tn}`);
    expect(res.status).to.equal(404);
  });
});
