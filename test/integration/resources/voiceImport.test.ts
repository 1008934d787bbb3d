import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "chai";
import { AlreadyExistsError, getAvailableNumbers, LegacyImportRefusedError, providers } from "../../../provider";
import { optionalVoiceClient } from "../../../provider/clients";
import { dashboardApiUser } from "../../../provider/config";
import { resetSharedBuckets } from "../../../provider/http";
import { emulatorClientCredentials, emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;
const voice = providers.voiceImport;

describe("VoiceImport against the emulator", function () {
  this.timeout(20_000);
  const ctx = emulatorSuite();
  const userId = () => ctx.emu.credentials.userId;
  async function ownedNumber(): Promise<string> {
    const { outs } = await engineCreate(order, { siteId: ctx.emu.credentials.siteId, areaCode: "919" });
    return (outs.e164Numbers as string[])[0];
  }

  it("create imports a number given in 10 digits and outputs v1's id and details", async () => {
    const e164 = await ownedNumber();
    const { id, outs } = await engineCreate(voice, { number: e164.slice(2), applicationId: "a-app1", name: "support" });
    expect(id).to.match(/^n-/);
    expect(outs).to.include({ numberId: id, number: e164, applicationId: "a-app1", name: "support" });
    expect(ctx.emu.model.listVoiceNumbers(userId()).map((n) => n.number)).to.deep.equal([e164]);
  });

  it("imports created together take their v1 details from one list, with no GET per number", async () => {
    // v1's import answers 201 with only Location (Bandwidth's v1 import reference): city, state, createdTime and
    // numberState are v1's own, so one shared list answers for the whole group.
    const { outs: ordered } = await engineCreate(order, {
      siteId: ctx.emu.credentials.siteId,
      areaCode: "919",
      quantity: 8,
    });
    const numbers = ordered.e164Numbers as string[];
    // The first import answers at once, the others 200 ms later: the first lookup waits for them instead of going alone.
    ctx.emu.setFaults([{ method: "POST", path: "/phoneNumbers$", kind: "latency", latencyMs: 200, after: 1 }]);
    const before = ctx.emu.requestLog().length;
    const created = await Promise.all(
      numbers.map((n, i) => engineCreate(voice, { number: n, name: `line ${i}`, fallbackNumber: "+19195550199" })),
    );
    const v1 = ctx.emu
      .requestLog()
      .slice(before)
      .filter((r) => r.api === "voice")
      .map((r) => `${r.method} ${r.path.replace(/phoneNumbers\/[^/]+$/, "phoneNumbers/:id")}`);
    expect(v1.filter((r) => r === `GET /v1/users/${userId()}/phoneNumbers`)).to.have.length(1);
    expect(v1.filter((r) => r.startsWith("GET") && r.endsWith(":id"))).to.deep.equal([]);
    for (const [i, { id, outs }] of created.entries()) {
      const record = ctx.emu.model.getVoiceNumber(userId(), id);
      expect(outs).to.deep.include({
        numberId: id,
        number: numbers[i],
        name: `line ${i}`,
        fallbackNumber: "+19195550199",
        nationalNumber: record.nationalNumber,
        city: record.city,
        state: record.state,
        createdTime: record.createdTime,
      });
      expect(outs.numberState).to.be.a("string").and.not.equal("");
    }
  });

  it("a duplicate import is a clear error unless adoptExisting, which adopts and aligns it", async () => {
    const e164 = await ownedNumber();
    const first = await engineCreate(voice, { number: e164 });
    const err = await rejection(engineCreate(voice, { number: e164 }));
    expect(err.message).to.match(/already imported.*adoptExisting/);
    expect(err).to.be.instanceOf(AlreadyExistsError);
    expect(err).to.include({ code: "ALREADY_EXISTS", existingId: first.id });
    const adopted = await engineCreate(voice, { number: e164, adoptExisting: true, applicationId: "a-2" });
    expect(adopted.id).to.equal(first.id);
    expect(adopted.outs.applicationId).to.equal("a-2");
  });

  it("an import answered 504 after v1 carried it out is taken over, not sent again", async () => {
    const e164 = await ownedNumber();
    ctx.emu.setFaults([{ method: "POST", path: "/phoneNumbers$", kind: "status-after", status: 504, times: 1 }]);
    const { id, outs } = await engineCreate(voice, { number: e164, name: "late" });
    expect(outs).to.include({ numberId: id, number: e164, name: "late" });
    const imports = ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/phoneNumbers$/.test(r.path));
    expect(imports.map((r) => r.fault)).to.deep.equal(["status-after:504"]);
    expect(ctx.emu.model.listVoiceNumbers(userId()).map((n) => n.id)).to.deep.equal([id]);
  });

  it("an import answered 503 that v1 never saw is not sent again and says what to do next", async function () {
    this.timeout(30_000);
    const e164 = await ownedNumber();
    ctx.emu.setFaults([{ method: "POST", path: "/phoneNumbers$", kind: "status", status: 503, times: 1 }]);
    const err = await rejection(engineCreate(voice, { number: e164 }));
    expect(err.message).to.match(/may have reached Bandwidth.*not sent again/s);
    expect(err.message).to.match(/adoptExisting/);
    const imports = ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/phoneNumbers$/.test(r.path));
    expect(imports.map((r) => r.fault)).to.deep.equal(["status:503"]);
    expect(ctx.emu.model.listVoiceNumbers(userId())).to.deep.equal([]);
  });

  it("applicationId changes in place and removing it detaches", async () => {
    const e164 = await ownedNumber();
    const { id, outs } = await engineCreate(voice, { number: e164, applicationId: "a-1" });
    const changed = await engineUpdate(voice, id, outs, { number: e164, applicationId: "a-2" });
    expect(changed.diff.replaces).to.deep.equal([]);
    expect(ctx.emu.model.getVoiceNumber(userId(), id).applicationId).to.equal("a-2");
    await engineUpdate(voice, id, changed.outs, { number: e164 });
    expect(ctx.emu.model.getVoiceNumber(userId(), id).applicationId ?? "").to.equal("");
  });

  it("refresh shows drift of applicationId, and reports the import gone after a 404", async () => {
    const e164 = await ownedNumber();
    const { id, outs } = await engineCreate(voice, { number: e164, applicationId: "a-1" });
    ctx.emu.model.updateVoiceNumber(userId(), id, { applicationId: "a-drift" });
    const read = await voice.read!(id, outs);
    expect(read.props!.applicationId).to.equal("a-drift");
    const diff = await voice.diff!(
      id,
      read.props!,
      (await voice.check!({}, { number: e164, applicationId: "a-1" })).inputs,
    );
    expect(diff.changes).to.equal(true);
    ctx.emu.model.deleteVoiceNumber(userId(), id);
    expect((await voice.read!(id, outs)).id ?? "").to.equal("");
  });

  it("delete un-imports, and a number already gone counts as done", async () => {
    const e164 = await ownedNumber();
    const { id, outs } = await engineCreate(voice, { number: e164 });
    await voice.delete!(id, outs);
    expect(ctx.emu.model.listVoiceNumbers(userId())).to.deep.equal([]);
    await voice.delete!(id, outs);
  });

  it("importing a number not on the account fails with v1's error", async () => {
    const err = await rejection(engineCreate(voice, { number: "+19195550000" }));
    expect(err.message).to.match(/4\d\d/);
  });

  it("getAvailableNumbers searches the emulator's inventory with the resource's validation", async () => {
    const found = await getAvailableNumbers({ areaCode: "919", quantity: 3 });
    expect(found).to.have.length(3);
    expect(found[0].e164).to.equal(`+1${found[0].telephoneNumber}`);
    const before = ctx.emu.requestLog().length;
    await rejection(getAvailableNumbers({ areaCode: "19" }));
    expect(ctx.emu.requestLog().length).to.equal(before, "a bad query makes no request");
  });

  describe("v1 rate limits: imports are metered apart from the other /phoneNumbers calls", () => {
    // Bandwidth meters v1 imports apart (wire ledger, v1 rates row); the emulator's V1_IMPORT and V1 buckets do too.
    const tight = { perMinute: 20, burst: 1 }; // one request, then a 429 whose reset is 3 s away
    const importsOf = () => ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/phoneNumbers$/.test(r.path));
    const othersOf = () => ctx.emu.requestLog().filter((r) => r.api === "voice" && !importsOf().includes(r));
    async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
      const t0 = Date.now();
      const value = await p;
      return { value, ms: Date.now() - t0 };
    }
    async function until(cond: () => boolean): Promise<void> {
      for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(cond()).to.equal(true, "timed out waiting for the emulator's 429");
    }
    afterEach(() => resetSharedBuckets());
    async function ownedNumbers(quantity: number): Promise<string[]> {
      const args = { siteId: ctx.emu.credentials.siteId, areaCode: "919", quantity };
      return (await engineCreate(order, args)).outs.e164Numbers as string[];
    }

    it("a 429 on imports pauses later imports but not the lookups and un-imports", async function () {
      this.timeout(20_000);
      const voiceClient = optionalVoiceClient()!;
      const api = dashboardApiUser();
      const dashboard = { accountId: api.accountId, userName: api.username, password: api.password };
      const [a, b, c] = await ownedNumbers(3);
      const { numberId: idA } = await voiceClient.importNumber({ number: a }, dashboard);
      ctx.emu.setRateLimits({ V1_IMPORT: tight });
      const { numberId: idB } = await voiceClient.importNumber({ number: b }, dashboard);
      const third = timed(voiceClient.importNumber({ number: c }, dashboard));
      await until(() => importsOf().some((r) => r.status === 429));
      const lookup = await timed(voiceClient.getNumber(idA));
      const unimport = await timed(voiceClient.deleteNumber(idB));
      expect(lookup.value.number).to.equal(a);
      expect(lookup.ms, "the lookup waited on the import bucket").to.be.below(1_000);
      expect(unimport.ms, "the un-import waited on the import bucket").to.be.below(1_000);
      expect(othersOf().map((r) => r.status)).to.not.include(429);
      const { ms } = await third;
      expect(ms, "the import after the 429 waited for the reset").to.be.at.least(2_000);
      expect(importsOf().map((r) => r.status)).to.deep.equal([201, 201, 429, 201]);
    });

    it("a 429 on lookups and un-imports does not pause imports", async function () {
      this.timeout(20_000);
      const voiceClient = optionalVoiceClient()!;
      const api = dashboardApiUser();
      const dashboard = { accountId: api.accountId, userName: api.username, password: api.password };
      const [a, b] = await ownedNumbers(2);
      const { numberId: idA } = await voiceClient.importNumber({ number: a }, dashboard);
      ctx.emu.setRateLimits({ V1: tight });
      await voiceClient.getNumber(idA);
      const second = timed(voiceClient.getNumber(idA));
      await until(() => othersOf().some((r) => r.status === 429));
      const imported = await timed(voiceClient.importNumber({ number: b }, dashboard));
      expect(imported.value.numberId).to.match(/^n-/);
      expect(imported.ms, "the import waited on the lookups' bucket").to.be.below(1_000);
      expect(importsOf().map((r) => r.status)).to.deep.equal([201, 201]);
      expect((await second).ms, "the lookup after the 429 waited for the reset").to.be.at.least(2_000);
    });
  });
});

describe("VoiceImport after Bandwidth decommissioned API Users (legacy Basic auth off)", function () {
  this.timeout(20_000);
  const ctx = emulatorSuite({ legacyBasicAuth: false });
  const userId = () => ctx.emu.credentials.userId;
  // OAuth client credentials for the Numbers API; the API User stays configured for the import's provider block.
  beforeEach(() => Object.assign(process.env, emulatorClientCredentials(ctx.emu)));

  it("an import refused for its provider block is a LegacyImportRefusedError naming the way out; nothing is imported", async () => {
    const { outs } = await engineCreate(order, { siteId: ctx.emu.credentials.siteId, areaCode: "919" });
    const e164 = (outs.e164Numbers as string[])[0];
    const e = await rejection(engineCreate(voice, { number: e164, applicationId: "a-app1" }));
    expect(e).to.be.instanceOf(LegacyImportRefusedError);
    expect(e.code).to.equal("LEGACY_IMPORT_REFUSED");
    expect(e.message).to.include("2026-12-02").and.to.include("Leaving the v1 import");
    expect(ctx.emu.model.listVoiceNumbers(userId())).to.deep.equal([]);
    // The refused block's password is in no error and no line of the emulator's request log.
    const password = dashboardApiUser().password;
    expect(e.message).to.not.include(password);
    expect(JSON.stringify(ctx.emu.requestLog())).to.not.include(password);
  });

  it("a provider process says once, at its first VoiceImport, that the v1 import is deprecated", async () => {
    // A fresh process, as the engine starts one per deployment: two VoiceImports checked, the lines it printed counted.
    const script = `
      const lines = [];
      require(${JSON.stringify(require.resolve("../../../provider/resources/lifecycle"))}).setProgressSink((l) => lines.push(l));
      const { implementation } = require(${JSON.stringify(require.resolve("../../../provider/resources/voiceImport"))});
      (async () => {
        for (const number of ["+19195550101", "+19195550102"]) await implementation.check({}, { number });
        process.stdout.write(JSON.stringify(lines));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script]);
    const said = (JSON.parse(stdout) as string[]).filter((l) => l.includes("VoiceImport is deprecated"));
    expect(said).to.have.length(1);
    expect(said[0]).to.include("2026-12-02").and.to.include("VoiceConfigurationPackage");
  });
});
