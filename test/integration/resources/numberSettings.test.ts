/**
 * Number settings (voice configuration package, SMS and campaign, calling name display, port-out passcode) on
 * PhoneNumberOrder and ExistingNumbers, against the emulator over real sockets and driven the engine's way. Number
 * orders, disconnects, TN option orders and package assignments are counted in the emulator's request log.
 */
import { expect } from "chai";
import { providers, SettingsIncompleteError } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import type { TnOptionGroup } from "../../../provider/numbers";
import { emulatorClientCredentials, emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;
const existing = providers.existingNumbers;
const vcp = providers.voiceConfigurationPackage;
const PASSCODE = "Pz9Secret7";

describe("number settings on PhoneNumberOrder and ExistingNumbers", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const posts = (path: RegExp) => ctx.emu.requestLog().filter((r) => r.method === "POST" && path.test(r.path));
  const numberOrders = () => posts(/\/orders$/).length;
  const optionOrders = () => posts(/\/tnoptions$/);
  const bulks = () => posts(/\/phoneNumbers\/bulk$/);
  const disconnects = () => posts(/\/disconnects$/).length;
  const settingsOf = (tn: string) => ctx.emu.model.tnOptions.settingsOf(tn);
  const packageOf = (tn: string) => ctx.emu.model.vcp.packageOf(tn);
  const client = () =>
    new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });

  beforeEach(() => Object.assign(process.env, emulatorClientCredentials(ctx.emu)));

  async function voicePackage(name = "inbound"): Promise<string> {
    return (await engineCreate(vcp, { name })).id;
  }

  /** Sets options by hand, outside any stack, and waits for the order to finish. */
  async function optionsByHand(groups: TnOptionGroup[]): Promise<void> {
    const c = client();
    const { orderId } = await c.createTnOptionOrder({ groups });
    for (let i = 0; i < 200; i++) {
      if (!["RECEIVED", "PROCESSING"].includes((await c.getTnOptionOrder(orderId)).status)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Numbers ordered by hand outside any stack, waited to COMPLETE. */
  async function orderedByHand(quantity: number): Promise<string[]> {
    const c = client();
    const { orderId } = await c.createOrder({
      name: "by hand",
      siteId: ctx.emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "919", quantity },
    });
    for (;;) {
      const o = await c.getOrder(orderId);
      if (o.status === "COMPLETE") return [...o.completedNumbers].sort();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const orderArgs = (extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    areaCode: "919",
    resourceKey: "proj/test/lines",
    ...extra,
  });

  it("create applies every setting with one TN option order and one package assignment for the whole resource", async () => {
    const pkg = await voicePackage();
    const created = await engineCreate(
      order,
      orderArgs({
        quantity: 3,
        voiceConfigurationPackageId: pkg,
        messaging: { sms: true, campaignId: "CAMP01", messageClass: "A" },
        callingNameDisplay: true,
        portOutPasscode: PASSCODE,
      }),
    );
    const tns = created.outs.telephoneNumbers as string[];
    expect(tns).to.have.length(3);
    expect(numberOrders()).to.equal(1);
    expect(optionOrders()).to.have.length(1);
    expect(bulks()).to.have.length(1);
    for (const tn of tns) {
      expect(settingsOf(tn), tn).to.deep.include({ sms: "on", callingNameDisplay: "on", portOutPasscode: PASSCODE });
      expect(settingsOf(tn)?.a2p).to.deep.include({ campaignId: "CAMP01", messageClass: "A" });
      expect(packageOf(tn)).to.equal(pkg);
      expect((created.outs.numberSettings as Record<string, unknown>)[tn]).to.deep.equal({
        voiceConfigurationPackageId: pkg,
        sms: true,
        campaignId: "CAMP01",
        messageClass: "A",
        callingNameDisplay: true,
        portOutPasscodeSet: true,
      });
    }
    // A refresh reads back what the create recorded: no drift, so the next preview is clean.
    const read = await order.read!(created.id, created.outs);
    expect(read.props.numberSettings).to.deep.equal(created.outs.numberSettings);
    const again = await engineUpdate(order, created.id, read.props as Record<string, unknown>, {
      ...orderArgs({
        quantity: 3,
        voiceConfigurationPackageId: pkg,
        messaging: { sms: true, campaignId: "CAMP01", messageClass: "A" },
        callingNameDisplay: true,
        portOutPasscode: PASSCODE,
      }),
    });
    expect(again.diff.changes).to.equal(false);
  });

  it("a settings change is an in-place update: no number order, no disconnect, one option order, the numbers kept", async () => {
    const pkg = await voicePackage();
    const other = await voicePackage("other");
    const created = await engineCreate(
      order,
      orderArgs({ quantity: 2, voiceConfigurationPackageId: pkg, messaging: { sms: true, campaignId: "CAMP01" } }),
    );
    const tns = created.outs.telephoneNumbers as string[];
    const [orders, options] = [numberOrders(), optionOrders().length];
    const { diff, outs } = await engineUpdate(
      order,
      created.id,
      created.outs,
      orderArgs({
        quantity: 2,
        voiceConfigurationPackageId: other,
        messaging: { sms: true, campaignId: "CAMP02" },
        callingNameDisplay: false,
      }),
    );
    expect(diff.replaces ?? []).to.deep.equal([]);
    expect(diff.stables).to.include("telephoneNumbers");
    expect(outs.telephoneNumbers).to.deep.equal(tns);
    expect(numberOrders()).to.equal(orders, "no number order");
    expect(disconnects()).to.equal(0, "no disconnect");
    expect(optionOrders().length).to.equal(options + 1);
    expect(inService()).to.deep.equal([...tns].sort());
    for (const tn of tns) {
      expect(settingsOf(tn)?.a2p?.campaignId).to.equal("CAMP02");
      expect(settingsOf(tn)?.callingNameDisplay).to.equal("off");
      expect(packageOf(tn)).to.equal(other, "moved to the new package");
    }
    // The option order carried only what changed: the campaign and calling name, not SMS again.
    const body = optionOrders().at(-1)!.body ?? "";
    expect(body).to.contain("CAMP02").and.not.contain("<Sms>");
  });

  it("a scale-up's new numbers carry the settings; the option order and assignment name only them", async () => {
    const pkg = await voicePackage();
    const settings = { voiceConfigurationPackageId: pkg, messaging: { sms: true }, callingNameDisplay: true };
    const created = await engineCreate(order, orderArgs({ quantity: 2, ...settings }));
    const before = created.outs.telephoneNumbers as string[];
    const [options, assignments] = [optionOrders().length, bulks().length];
    const { outs } = await engineUpdate(order, created.id, created.outs, orderArgs({ quantity: 3, ...settings }));
    const after = outs.telephoneNumbers as string[];
    const added = after.filter((tn) => !before.includes(tn));
    expect(added).to.have.length(1);
    expect(numberOrders()).to.equal(2);
    expect(optionOrders().length).to.equal(options + 1);
    expect(bulks().length).to.equal(assignments + 1);
    const optionBody = optionOrders().at(-1)!.body ?? "";
    expect(optionBody).to.contain(added[0]);
    for (const tn of before) expect(optionBody).not.to.contain(tn);
    expect(bulks().at(-1)!.body).to.contain(added[0]).and.not.contain(before[0]);
    expect(settingsOf(added[0])).to.deep.include({ sms: "on", callingNameDisplay: "on" });
    expect(packageOf(added[0])).to.equal(pkg);
    expect(Object.keys(outs.numberSettings as object).sort()).to.deep.equal([...after].sort());
  });

  it("a PARTIAL option order is a typed error quoting Bandwidth's code and number; the state keeps what took and the next update sends only the rest", async () => {
    const [a, b] = await orderedByHand(2);
    await optionsByHand([
      { telephoneNumbers: [a], sms: "on" },
      { telephoneNumbers: [b], sms: "off" },
    ]);
    const args = { telephoneNumbers: [a, b], resourceKey: "proj/test/kept", messaging: { campaignId: "CAMP09" } };
    const err = await rejection(engineCreate(existing, args));
    expect(err).to.be.instanceOf(SettingsIncompleteError);
    expect(err.code).to.equal("SETTINGS_INCOMPLETE");
    const typed = err as unknown as SettingsIncompleteError;
    expect(typed.failedNumbers).to.deep.equal([b]);
    expect(typed.errors.map((e) => [e.code, e.telephoneNumber])).to.deep.equal([["5132", b]]);
    expect(err.message).to.contain("5132").and.contain(b).and.contain("PARTIAL");
    // The engine keeps this state (an error with an id is a resource initialization failure).
    expect(typed.id).to.equal([a, b].sort().join(","));
    const kept = typed.properties as Record<string, unknown>;
    expect(kept.telephoneNumbers).to.deep.equal([a, b]);
    expect(kept.numberSettings).to.deep.equal({ [a]: { campaignId: "CAMP09" } });

    // Fixed outside the stack: SMS on for b. The next `pulumi up` sends b alone.
    await optionsByHand([{ telephoneNumbers: [b], sms: "on" }]);
    const options = optionOrders().length;
    const { diff, outs } = await engineUpdate(existing, typed.id, kept, args);
    expect(diff.changes).to.equal(true);
    expect(optionOrders().length).to.equal(options + 1);
    const body = optionOrders().at(-1)!.body ?? "";
    expect(body).to.contain(b).and.not.contain(a);
    expect(outs.numberSettings).to.deep.equal({ [a]: { campaignId: "CAMP09" }, [b]: { campaignId: "CAMP09" } });
    expect(numberOrders()).to.equal(1, "only the order placed by hand");
    expect(disconnects()).to.equal(0);
  });

  it("an option order refused whole keeps the ordered numbers in state, and the next update sets them with no new number order", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/tnoptions$", kind: "status", status: 400, times: 1 }]);
    const err = await rejection(engineCreate(order, orderArgs({ quantity: 2, callingNameDisplay: true })));
    expect(err).to.be.instanceOf(SettingsIncompleteError);
    const typed = err as unknown as SettingsIncompleteError;
    const kept = typed.properties as Record<string, unknown>;
    const tns = kept.telephoneNumbers as string[];
    expect(tns).to.have.length(2);
    expect(typed.id).to.equal((kept.orderIds as string[])[0], "the engine keeps the order");
    expect(typed.failedNumbers).to.deep.equal(tns);
    expect(kept.numberSettings).to.deep.equal({});
    ctx.emu.setFaults([]);
    const { diff, outs } = await engineUpdate(
      order,
      typed.id,
      kept,
      orderArgs({ quantity: 2, callingNameDisplay: true }),
    );
    expect(diff.replaces ?? []).to.deep.equal([]);
    expect(outs.telephoneNumbers).to.deep.equal(tns);
    expect(numberOrders()).to.equal(1, "no second number order");
    for (const tn of tns) expect(settingsOf(tn)?.callingNameDisplay).to.equal("on");
  });

  it("resources of one deployment applying settings at once share one TN option order, a group per set of options", async () => {
    const tns = await orderedByHand(4);
    const before = optionOrders().length;
    const [first, second] = await Promise.all([
      engineCreate(existing, { telephoneNumbers: tns.slice(0, 2), resourceKey: "p/s/one", callingNameDisplay: true }),
      engineCreate(existing, { telephoneNumbers: tns.slice(2), resourceKey: "p/s/two", messaging: { sms: true } }),
    ]);
    expect(optionOrders().length).to.equal(before + 1);
    expect((optionOrders().at(-1)!.body ?? "").match(/<TnOptionGroup>/g)).to.have.length(2);
    expect(Object.keys(first.outs.numberSettings as object)).to.deep.equal(tns.slice(0, 2));
    expect(Object.keys(second.outs.numberSettings as object)).to.deep.equal(tns.slice(2));
    for (const tn of tns.slice(0, 2)) expect(settingsOf(tn)?.callingNameDisplay).to.equal("on");
    for (const tn of tns.slice(2)) expect(settingsOf(tn)?.sms).to.equal("on");
  });

  it("creates of one deployment whose number orders end 2.5 s apart share one TN option order, and nothing is ordered twice", async () => {
    // The second create's number order answers 2.5 s late, as under an ORDER rate that paces a deployment's orders.
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "latency", latencyMs: 2_500, after: 1, times: 1 }]);
    const started = Date.now();
    const [first, second] = await Promise.all([
      engineCreate(order, orderArgs({ quantity: 1, resourceKey: "p/s/early", callingNameDisplay: true })),
      engineCreate(order, orderArgs({ quantity: 1, resourceKey: "p/s/late", callingNameDisplay: true })),
    ]);
    expect(Date.now() - started).to.be.at.least(2_500);
    expect(numberOrders()).to.equal(2);
    expect(disconnects()).to.equal(0);
    expect(optionOrders()).to.have.length(1);
    const tns = [first, second].flatMap((r) => r.outs.telephoneNumbers as string[]);
    expect(tns).to.have.length(2);
    for (const tn of tns) expect(settingsOf(tn)?.callingNameDisplay, tn).to.equal("on");
    expect(inService()).to.include.members(tns);
  });

  it("refresh shows a campaign changed outside the stack, and the next update sets it back on that number only", async () => {
    const [a, b] = await orderedByHand(2);
    const args = {
      telephoneNumbers: [a, b],
      resourceKey: "proj/test/kept",
      messaging: { sms: true, campaignId: "C1" },
    };
    const created = await engineCreate(existing, args);
    await optionsByHand([{ telephoneNumbers: [b], a2p: { action: "asSpecified", campaignId: "OTHER" } }]);
    const read = await existing.read!(created.id, created.outs);
    const seen = read.props.numberSettings as Record<string, { campaignId?: string }>;
    expect(seen[a].campaignId).to.equal("C1");
    expect(seen[b].campaignId).to.equal("OTHER");
    const options = optionOrders().length;
    const { diff } = await engineUpdate(existing, created.id, read.props as Record<string, unknown>, args);
    expect(diff.changes).to.equal(true);
    expect(optionOrders().length).to.equal(options + 1);
    expect(optionOrders().at(-1)!.body).to.contain(b).and.not.contain(a);
    expect(settingsOf(b)?.a2p?.campaignId).to.equal("C1");
  });

  it("delete takes the numbers out of the package first, then disconnects them; the package can then be deleted", async () => {
    const pkg = await voicePackage();
    const created = await engineCreate(order, orderArgs({ quantity: 2, voiceConfigurationPackageId: pkg }));
    await order.delete!(created.id, created.outs);
    const log = ctx.emu.requestLog();
    const removeAt = log.findIndex((r) => /\/phoneNumbers\/bulk$/.test(r.path) && (r.body ?? "").includes("REMOVE"));
    const disconnectAt = log.findIndex((r) => r.method === "POST" && /\/disconnects$/.test(r.path));
    expect(removeAt).to.be.greaterThan(-1);
    expect(removeAt).to.be.lessThan(disconnectAt);
    expect(ctx.emu.model.vcp.numbersOf(pkg)).to.deep.equal([]);
    expect(inService()).to.deep.equal([]);
    await vcp.delete!(pkg, { voiceConfigurationPackageId: pkg, name: "inbound" });
  });

  it("ExistingNumbers without releaseOnDelete leaves the numbers in service but takes them out of its package on destroy", async () => {
    const tns = await orderedByHand(2);
    const pkg = await voicePackage();
    const created = await engineCreate(existing, {
      telephoneNumbers: tns,
      resourceKey: "proj/test/kept",
      voiceConfigurationPackageId: pkg,
    });
    expect(tns.map(packageOf)).to.deep.equal([pkg, pkg]);
    await existing.delete!(created.id, created.outs);
    expect(inService()).to.deep.equal(tns);
    expect(tns.map(packageOf)).to.deep.equal([undefined, undefined]);
    expect(disconnects()).to.equal(0);
    // So the package goes with the stack: the engine deletes it after the resource that named it.
    await vcp.delete!(pkg, { voiceConfigurationPackageId: pkg, name: "inbound" });
    expect(ctx.emu.model.vcp.listPackages(ctx.emu.credentials.accountId)).to.deep.equal([]);
  });

  it("the port-out passcode never reaches progress lines, errors or the emulator's request log in clear", async () => {
    const [a, b] = await orderedByHand(2);
    await optionsByHand([
      { telephoneNumbers: [a], sms: "on" },
      { telephoneNumbers: [b], sms: "off" },
    ]);
    const err = await rejection(
      engineCreate(existing, {
        telephoneNumbers: [a, b],
        resourceKey: "proj/test/kept",
        portOutPasscode: PASSCODE,
        messaging: { campaignId: "CAMP01" },
      }),
    );
    expect(err).to.be.instanceOf(SettingsIncompleteError);
    expect(settingsOf(a)?.portOutPasscode).to.equal(PASSCODE, "the passcode was sent");
    expect(
      err.message + String(err.stack) + JSON.stringify((err as unknown as { reasons: string[] }).reasons),
    ).not.to.contain(PASSCODE);
    expect(ctx.progress.join("\n")).not.to.contain(PASSCODE);
    expect(JSON.stringify(ctx.emu.requestLog())).not.to.contain(PASSCODE);
    expect(optionOrders().at(-1)!.body).to.contain("<PortOutPasscode>[REDACTED]</PortOutPasscode>");
    // A bad passcode is refused by check without quoting it.
    const checked = await existing.check!({}, { telephoneNumbers: [a], portOutPasscode: "bad passcode!" });
    expect(checked.failures).to.have.length(1);
    expect(JSON.stringify(checked.failures)).not.to.contain("bad passcode!");
  });
});
