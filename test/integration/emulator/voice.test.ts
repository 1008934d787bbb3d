import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { fastEmulator, orderNumbers, providerBlock, voiceCall } from "./calls";

describe("emulator: Voice & Messaging v1 phoneNumbers", () => {
  let emu: RunningEmulator;
  let numbersPath: string;
  before(async () => {
    emu = await fastEmulator();
    numbersPath = `/v1/users/${emu.credentials.userId}/phoneNumbers`;
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  async function importNumber(tn: string, extra: Record<string, string> = {}): Promise<string> {
    const res = await voiceCall(emu, "POST", numbersPath, {
      number: `+1${tn}`,
      provider: providerBlock(emu.credentials),
      ...extra,
    });
    expect(res.status, res.body).to.equal(201);
    return res.headers.get("location")!.split("/").pop()!;
  }

  it("imports a number in service with 201, an empty body and a Location of an n- id", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const res = await voiceCall(emu, "POST", numbersPath, {
      number: `+1${tn}`,
      applicationId: "a-1",
      provider: providerBlock(emu.credentials),
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.equal("");
    expect(res.headers.get("location")).to.match(new RegExp(`^${emu.voiceUrl}${numbersPath}/n-[0-9a-f]+$`));
    expect(emu.model.listVoiceNumbers(emu.credentials.userId).map((v) => v.number)).to.deep.equal([`+1${tn}`]);
  });

  it("answers 409 duplicate-number for a second import", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    await importNumber(tn);
    const res = await voiceCall(emu, "POST", numbersPath, {
      number: `+1${tn}`,
      provider: providerBlock(emu.credentials),
    });
    expect(res.status).to.equal(409);
    expect(JSON.parse(res.body)).to.include({ category: "conflict", code: "duplicate-number" });
  });

  it("refuses a number not in service on the linked account (404) and a malformed one (400)", async () => {
    const notMine = await voiceCall(emu, "POST", numbersPath, {
      number: "+19195550000",
      provider: providerBlock(emu.credentials),
    });
    expect(notMine.status).to.equal(404);
    const body = JSON.parse(notMine.body);
    expect(Object.keys(body).sort()).to.deep.equal(["category", "code", "details", "message"]);
    const malformed = await voiceCall(emu, "POST", numbersPath, {
      number: "9195550000",
      provider: providerBlock(emu.credentials),
    });
    expect(malformed.status).to.equal(400);
    expect(JSON.parse(malformed.body).code).to.equal("validation-error");
  });

  it("reads a number by id and by URL-encoded E.164 with the documented fields", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const id = await importNumber(tn, { name: "main line", applicationId: "a-7" });
    const byId = JSON.parse((await voiceCall(emu, "GET", `${numbersPath}/${id}`)).body);
    const byNumber = JSON.parse((await voiceCall(emu, "GET", `${numbersPath}/${encodeURIComponent(`+1${tn}`)}`)).body);
    expect(byNumber).to.deep.equal(byId);
    expect(byId).to.include({ id, number: `+1${tn}`, name: "main line", applicationId: "a-7", numberState: "enabled" });
    expect(byId.nationalNumber).to.equal(`(${tn.slice(0, 3)}) ${tn.slice(3, 6)}-${tn.slice(6)}`);
    expect(byId.city).to.equal("RALEIGH");
    expect(byId.application).to.match(/\/applications\/a-7$/);
    expect(byId.createdTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('updates with POST and detaches the application with applicationId ""', async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const id = await importNumber(tn, { applicationId: "a-1" });
    const res = await voiceCall(emu, "POST", `${numbersPath}/${id}`, {
      name: "renamed",
      fallbackNumber: "+19195551111",
    });
    expect(res.status).to.equal(200);
    await voiceCall(emu, "POST", `${numbersPath}/${id}`, { applicationId: "" });
    const after = JSON.parse((await voiceCall(emu, "GET", `${numbersPath}/${id}`)).body);
    expect(after.name).to.equal("renamed");
    expect(after.fallbackNumber).to.equal("+19195551111");
    expect(after).not.to.have.property("applicationId");
  });

  it("deletes (un-imports) with 200 and answers 404 number-not-found afterwards", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const id = await importNumber(tn);
    expect((await voiceCall(emu, "DELETE", `${numbersPath}/${id}`)).status).to.equal(200);
    const res = await voiceCall(emu, "GET", `${numbersPath}/${id}`);
    expect(res.status).to.equal(404);
    expect(JSON.parse(res.body).code).to.equal("number-not-found");
    expect(emu.model.isInService(emu.credentials.accountId, tn)).to.equal(true);
  });

  it("pages the list and announces the next page in a Link header", async () => {
    const tns = await orderNumbers(emu, "910", 5);
    for (const tn of tns) await importNumber(tn);
    const first = await voiceCall(emu, "GET", `${numbersPath}?page=0&size=2`);
    expect(JSON.parse(first.body)).to.have.length(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).to.be.a("string");
    const seen: string[] = [];
    let url: string | undefined = `${emu.voiceUrl}${numbersPath}?page=0&size=2`;
    while (url) {
      const res = await voiceCall(emu, "GET", url.slice(emu.voiceUrl.length));
      seen.push(...JSON.parse(res.body).map((v: { number: string }) => v.number));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
    }
    expect(seen.sort()).to.deep.equal(tns.map((tn) => `+1${tn}`).sort());
  });
});
