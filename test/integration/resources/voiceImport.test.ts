import { expect } from "chai";
import { getAvailableNumbers, providers } from "../../../provider";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

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

  it("a duplicate import is a clear error unless adoptExisting, which adopts and aligns it", async () => {
    const e164 = await ownedNumber();
    const first = await engineCreate(voice, { number: e164 });
    const err = await rejection(engineCreate(voice, { number: e164 }));
    expect(err.message).to.match(/already imported.*adoptExisting/);
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
});
