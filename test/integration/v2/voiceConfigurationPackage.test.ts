/**
 * VoiceConfigurationPackage against the emulator over real sockets: JSON at the API host's root, OAuth bearer tokens,
 * create, drift on refresh, update in place, delete, and the delete Bandwidth refuses while numbers are assigned.
 * Wire sources: Bandwidth's CLI `cmd/vcp/*.go` (rows in docs/bandwidth-wire-v2.md).
 */
import { expect } from "chai";
import { ConfigError, InUseError, providers } from "../../../provider";
import { platformClient } from "../../../provider/platform";
import { bearer, platformCall } from "../emulator/platform";
import { emulatorClientCredentials, emulatorSuite, engineCreate, engineUpdate, rejection } from "../resources/support";

const vcp = providers.voiceConfigurationPackage;
const app = providers.application;
const order = providers.phoneNumberOrder;

describe("VoiceConfigurationPackage against the emulator", function () {
  this.timeout(20_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const packages = () => `/v2/accounts/${account()}/voiceConfigurationPackages`;
  /** Package API requests since the emulator was reset, as "METHOD path-after-account". */
  const calls = () =>
    ctx.emu
      .requestLog()
      .filter((r) => r.api === "vcp")
      .map((r) => `${r.method} ${r.path.replace(`/v2/accounts/${account()}`, "")}`);

  beforeEach(() => Object.assign(process.env, emulatorClientCredentials(ctx.emu)));

  async function voiceApp(name = "voice-app"): Promise<string> {
    const created = await engineCreate(app, {
      serviceType: "Voice-V2",
      name,
      callInitiatedCallbackUrl: "https://example.com/voice/initiated",
    });
    return created.id;
  }

  it("create: one POST at the API host's root with a bearer token; the id is Bandwidth's and the outputs read back", async () => {
    const appId = await voiceApp();
    const before = calls().length;
    const created = await engineCreate(vcp, {
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: appId,
    });
    expect(calls().slice(before)).to.deep.equal(["POST /voiceConfigurationPackages"]);
    expect(created.outs).to.deep.equal({
      voiceConfigurationPackageId: created.id,
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: appId,
    });
    expect(ctx.emu.model.vcp.getPackage(account(), created.id)).to.include({
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: appId,
    });
    // Neither the client secret nor a token reaches the state.
    expect(JSON.stringify(created.outs)).not.to.contain(ctx.emu.credentials.clientSecret);
    expect(JSON.stringify(created.outs)).not.to.match(/Bearer|access_token/);
  });

  it("read: a PATCH made outside the stack shows on refresh, and the next diff puts the program's values back", async () => {
    const appId = await voiceApp();
    const created = await engineCreate(vcp, {
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: appId,
    });
    const other = await voiceApp("other-app");
    const patched = await platformCall(ctx.emu, await bearer(ctx.emu), "PATCH", `${packages()}/${created.id}`, {
      description: "changed in the Dashboard",
      httpVoiceV2ApplicationId: other,
    });
    expect(patched.status, patched.body).to.equal(200);

    const read = await vcp.read!(created.id, created.outs);
    expect(read.id).to.equal(created.id);
    expect(read.props).to.deep.equal({
      voiceConfigurationPackageId: created.id,
      name: "inbound",
      description: "changed in the Dashboard",
      httpVoiceV2ApplicationId: other,
    });
    const back = await engineUpdate(vcp, created.id, read.props!, {
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: appId,
    });
    expect(back.diff).to.include({ changes: true });
    expect(back.diff.replaces).to.deep.equal([]);
    expect(back.outs).to.include({ description: "main line", httpVoiceV2ApplicationId: appId });
  });

  it("read: a package deleted outside the stack is gone from the stack", async () => {
    const created = await engineCreate(vcp, { name: "inbound" });
    ctx.emu.model.vcp.deletePackage(account(), created.id);
    expect(await vcp.read!(created.id, created.outs)).to.deep.equal({ id: "", props: {} });
  });

  it("update: name, description and application change in place by one PATCH of the changed fields; the id stays", async () => {
    const first = await voiceApp();
    const second = await voiceApp("second-app");
    const created = await engineCreate(vcp, {
      name: "inbound",
      description: "main line",
      httpVoiceV2ApplicationId: first,
    });
    const before = ctx.emu.requestLog().filter((r) => r.api === "vcp").length;

    const renamed = await engineUpdate(vcp, created.id, created.outs, {
      name: "inbound-2",
      description: "main line",
      httpVoiceV2ApplicationId: second,
    });
    expect(renamed.diff.replaces).to.deep.equal([]);
    const sent = ctx.emu
      .requestLog()
      .filter((r) => r.api === "vcp")
      .slice(before);
    expect(sent.map((r) => r.method)).to.deep.equal(["PATCH"]);
    expect(JSON.parse(sent[0].body!)).to.deep.equal({ name: "inbound-2", httpVoiceV2ApplicationId: second });
    expect(renamed.outs).to.deep.equal({
      voiceConfigurationPackageId: created.id,
      name: "inbound-2",
      description: "main line",
      httpVoiceV2ApplicationId: second,
    });

    // Dropping the description and the application clears them on Bandwidth's side.
    const cleared = await engineUpdate(vcp, created.id, renamed.outs, { name: "inbound-2" });
    expect(cleared.outs).to.deep.equal({ voiceConfigurationPackageId: created.id, name: "inbound-2" });
    const held = ctx.emu.model.vcp.getPackage(account(), created.id);
    expect(held.description).to.equal(undefined);
    expect(held.httpVoiceV2ApplicationId).to.equal(undefined);
    expect(ctx.emu.model.vcp.listPackages(account())).to.have.length(1);
  });

  it("delete: the package is gone from Bandwidth; a package already gone counts as deleted", async () => {
    const created = await engineCreate(vcp, { name: "inbound" });
    await vcp.delete!(created.id, created.outs);
    expect(ctx.emu.model.vcp.listPackages(account())).to.deep.equal([]);
    expect(calls().slice(-2)).to.deep.equal([
      "GET /phoneNumbers/voice",
      `DELETE /voiceConfigurationPackages/${created.id}`,
    ]);
    await vcp.delete!(created.id, created.outs);
  });

  it("delete while a number is assigned: refused with a typed error naming the number, the package stays, and goes once the number is removed", async () => {
    const site = ctx.emu.credentials.siteId;
    const ordered = await engineCreate(order, { siteId: site, areaCode: "919", quantity: 2 });
    const numbers = (ordered.outs.telephoneNumbers as string[]).map((tn) => `+1${tn}`).sort();
    const created = await engineCreate(vcp, { name: "inbound" });
    const assigned = await platformCall(
      ctx.emu,
      await bearer(ctx.emu),
      "POST",
      `${packages()}/${created.id}/phoneNumbers/bulk`,
      { action: "ADD", phoneNumbers: numbers },
    );
    expect(assigned.status, assigned.body).to.equal(200);

    const err = await rejection(vcp.delete!(created.id, created.outs));
    expect(err).to.be.instanceOf(InUseError);
    expect(err.code).to.equal("IN_USE");
    expect(err.usedBy).to.deep.equal(numbers);
    for (const n of numbers) expect(err.message).to.contain(n);
    expect(err.nextStep).to.match(/remove them from the package first/);
    expect(err.message).not.to.contain(ctx.emu.credentials.clientSecret);
    expect(ctx.emu.model.vcp.getPackage(account(), created.id).name).to.equal("inbound");
    expect(ctx.emu.model.vcp.numbersOf(created.id)).to.deep.equal(numbers);

    // Bandwidth's own refusal is named the same way when the numbers arrive after the listing.
    const refused = await rejection(platformClient().deletePackage(created.id));
    expect(refused).to.include({ code: "API_ERROR", status: 409 });

    await platformClient().bulk(created.id, "REMOVE", ordered.outs.telephoneNumbers as string[]);
    expect(ctx.emu.model.vcp.numbersOf(created.id)).to.deep.equal([]);
    await vcp.delete!(created.id, created.outs);
    expect(ctx.emu.model.vcp.listPackages(account())).to.deep.equal([]);
    await order.delete!(ordered.id, ordered.outs);
  });

  it("client: bulk ADD sends E.164 numbers for 10-digit input, and the listing returns the package's numbers only", async () => {
    const ordered = await engineCreate(order, { siteId: ctx.emu.credentials.siteId, areaCode: "919", quantity: 3 });
    const tns = ordered.outs.telephoneNumbers as string[];
    const client = platformClient();
    const a = await client.createPackage({ name: "a" });
    const b = await client.createPackage({ name: "b" });
    await client.bulk(a.voiceConfigurationPackageId, "ADD", tns.slice(0, 2));
    await client.bulk(b.voiceConfigurationPackageId, "ADD", [`+1${tns[2]}`]);
    const bulkBodies = ctx.emu
      .requestLog()
      .filter((r) => r.api === "vcp" && r.path.endsWith("/phoneNumbers/bulk"))
      .map((r) => JSON.parse(r.body!));
    expect(bulkBodies).to.deep.equal([
      { action: "ADD", phoneNumbers: tns.slice(0, 2).map((tn) => `+1${tn}`) },
      { action: "ADD", phoneNumbers: [`+1${tns[2]}`] },
    ]);
    expect(await client.listPackageNumbers(a.voiceConfigurationPackageId)).to.deep.equal(
      tns
        .slice(0, 2)
        .map((tn) => `+1${tn}`)
        .sort(),
    );
    expect(await client.listPackageNumbers(b.voiceConfigurationPackageId)).to.deep.equal([`+1${tns[2]}`]);
    const notUs = await rejection(client.bulk(a.voiceConfigurationPackageId, "ADD", ["+442071234567"]));
    expect(notUs).to.include({ code: "INVALID_REQUEST" });
  });

  it("configuration: with only a legacy API User configured, the package is refused before any request, naming the client credential settings", async () => {
    delete process.env.BANDWIDTH_CLIENT_ID;
    delete process.env.BANDWIDTH_CLIENT_SECRET;
    const err = await rejection(engineCreate(vcp, { name: "inbound" }));
    expect(err).to.be.instanceOf(ConfigError);
    expect(err.message).to.contain("bandwidth:clientId (or BANDWIDTH_CLIENT_ID)");
    expect(err.message).not.to.contain(ctx.emu.credentials.password);
    expect(calls()).to.deep.equal([]);
  });
});
