import { cp, mkdtemp, rm } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createStack, emulatorStackConfig, type TestStack } from "./harness";

const example = path.resolve(__dirname, "..", "..", "..", "examples", "universal-platform");
const CAMPAIGN = "CE2E7UP";

/**
 * The Universal Platform example (a site, a location linked to a messaging application, a voice application in a
 * voice configuration package, numbers ordered into the location with a campaign, SMS and calling name on) on the real
 * engine against the emulator, with number orders, TN option orders, disconnects and numbers counted at each step.
 */
describe("the Universal Platform example on the real engine (voice package, campaign, number settings)", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;
  let workDir: string;
  const account = () => emu.credentials.accountId;
  const counts = () => {
    const s = emu.model.accountSummary(account());
    return {
      orders: s.orders,
      optionOrders: emu.model.tnOptions.listOrders(account()).length,
      disconnects: s.disconnects,
      inService: s.inService,
    };
  };
  /** What the emulator holds for a number: its package and the options its TN option orders set. */
  const held = (tn: string) => {
    const s = emu.model.tnOptions.settingsOf(tn);
    return {
      packageId: emu.model.vcp.packageOf(tn),
      sms: s?.sms,
      campaignId: s?.a2p?.campaignId,
      callingNameDisplay: s?.callingNameDisplay,
    };
  };
  const tenDigits = (e164: unknown) => (e164 as string[]).map((n) => n.slice(2));

  before(async () => {
    workDir = await mkdtemp(path.join(path.dirname(example), ".universal-run-"));
    await cp(example, workDir, { recursive: true });
    emu = await startEmulator({ orderDelayMs: 100, disconnectDelayMs: 100 });
    const config = emulatorStackConfig(emu, { areaCode: "919", quantity: "2", campaignId: CAMPAIGN });
    stack = await createStack({ workDir, stackName: `universal-${process.pid}`, config });
  });

  after(async () => {
    await stack?.remove().catch(() => undefined);
    await emu?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up orders the numbers once and gives each the package, SMS, the campaign and calling name", async () => {
    const before = counts();
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 7 });
    const packageId = up.outputs.voiceConfigurationPackageId.value as string;
    const numbers = tenDigits(up.outputs.telephoneNumbers.value);
    expect(numbers).to.have.length(2);
    expect(counts()).to.deep.equal({
      orders: before.orders + 1,
      optionOrders: before.optionOrders + 1,
      disconnects: before.disconnects,
      inService: before.inService + 2,
    });
    const settings = up.outputs.numberSettings.value as Record<string, Record<string, unknown>>;
    expect(Object.keys(settings).sort()).to.deep.equal([...numbers].sort());
    for (const tn of numbers) {
      expect(held(tn)).to.deep.equal({ packageId, sms: "on", campaignId: CAMPAIGN, callingNameDisplay: "on" });
      expect(settings[tn]).to.deep.include({
        voiceConfigurationPackageId: packageId,
        sms: true,
        campaignId: CAMPAIGN,
        callingNameDisplay: true,
      });
    }
    const location = emu.model.provisioning.getPeer(account(), up.outputs.siteId.value, up.outputs.locationId.value);
    expect(location.messagingAppId).to.equal(up.outputs.messagingApplicationId.value);
    expect(emu.model.vcp.getPackage(account(), packageId).httpVoiceV2ApplicationId).to.equal(
      up.outputs.voiceApplicationId.value,
    );
  });

  it("a preview of the unchanged program shows no change and sends no request", async () => {
    const logged = emu.requestLog().length;
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 7 });
    expect(emu.requestLog().slice(logged)).to.deep.equal([]);
  });

  it("turning calling name off is an in-place update: one option order, no number order, no disconnect", async () => {
    const numbers = tenDigits((await stack.stack.outputs()).telephoneNumbers.value);
    const before = counts();
    await stack.stack.setConfig("callingNameDisplay", { value: "false" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ update: 1, same: 6 });
    expect(tenDigits(up.outputs.telephoneNumbers.value)).to.deep.equal(numbers);
    expect(counts()).to.deep.equal({ ...before, optionOrders: before.optionOrders + 1 });
    const packageId = up.outputs.voiceConfigurationPackageId.value as string;
    for (const tn of numbers) {
      expect(held(tn)).to.deep.equal({ packageId, sms: "on", campaignId: CAMPAIGN, callingNameDisplay: "off" });
    }
  });

  it("a scale-up orders one number and gives that number, and only it, the settings", async () => {
    const numbers = tenDigits((await stack.stack.outputs()).telephoneNumbers.value);
    const before = counts();
    await stack.stack.setConfig("quantity", { value: "3" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ update: 1, same: 6 });
    const now = tenDigits(up.outputs.telephoneNumbers.value);
    expect(now.slice(0, 2)).to.deep.equal(numbers);
    const added = now[2];
    expect(counts()).to.deep.equal({
      orders: before.orders + 1,
      optionOrders: before.optionOrders + 1,
      disconnects: before.disconnects,
      inService: before.inService + 1,
    });
    const last = emu.model.tnOptions.listOrders(account()).at(-1)!;
    expect(last.groups.flatMap((g) => g.telephoneNumbers)).to.deep.equal([added]);
    const packageId = up.outputs.voiceConfigurationPackageId.value as string;
    expect(held(added)).to.deep.equal({ packageId, sms: "on", campaignId: CAMPAIGN, callingNameDisplay: "off" });
    const settings = up.outputs.numberSettings.value as Record<string, Record<string, unknown>>;
    expect(settings[added]).to.deep.include({ voiceConfigurationPackageId: packageId, campaignId: CAMPAIGN });
  });

  it("destroy takes the numbers out of the package, disconnects them, and leaves nothing in service or in a package", async () => {
    const outs = await stack.stack.outputs();
    const packageId = outs.voiceConfigurationPackageId.value as string;
    const numbers = (outs.telephoneNumbers.value as string[]).slice().sort();
    const before = counts();
    const logged = emu.requestLog().length;
    const destroyed = await stack.destroy();
    expect(destroyed.summary.resourceChanges).to.deep.equal({ delete: 7 });
    expect(counts()).to.deep.equal({ ...before, disconnects: before.disconnects + 1, inService: 0 });
    expect(emu.model.vcp.listPackages(account())).to.deep.equal([]);
    expect(emu.model.vcp.voiceNumbers(account()).filter((n) => n.voiceConfigurationPackageId)).to.deep.equal([]);
    expect(emu.model.provisioning.listApplications(account())).to.deep.equal([]);
    // Bandwidth's order, not the emulator's shortcut (a disconnect also drops a number from its package here).
    const log = emu.requestLog().slice(logged);
    const removal = log.findIndex(
      (r) => r.method === "POST" && r.path.endsWith(`/${packageId}/phoneNumbers/bulk`) && /"REMOVE"/.test(r.body ?? ""),
    );
    const disconnect = log.findIndex((r) => r.method === "POST" && /\/disconnects$/.test(r.path));
    const deletePackage = log.findIndex((r) => r.method === "DELETE" && r.path.endsWith(`/${packageId}`));
    expect(removal, "the package's numbers are removed").to.be.greaterThan(-1);
    expect(JSON.parse(log[removal].body!).phoneNumbers.slice().sort()).to.deep.equal(numbers);
    expect(disconnect).to.be.greaterThan(removal);
    expect(deletePackage).to.be.greaterThan(disconnect);
  });
});
