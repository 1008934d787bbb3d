import { expect } from "chai";
import { providers, SettingsIncompleteError } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import { emulatorClientCredentials, emulatorSuite, engineCreate, engineUpdate, rejection } from "../resources/support";
import { inStackProcess } from "./stacks";

const existing = providers.existingNumbers;
const vcp = providers.voiceConfigurationPackage;
const PASSCODE = "Qx7Secret4";

/**
 * ExistingNumbers next to other stacks: a number is this resource's only while Bandwidth says it belongs to the order
 * it had when taken, and never while that order is another stack's PhoneNumberOrder. Driven the engine's way (old
 * outputs to delete), the other stacks in processes of their own; orders, disconnects and numbers in service counted.
 */
describe("ExistingNumbers never releases what another stack manages", function () {
  this.timeout(60_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const disconnects = () => ctx.emu.model.listDisconnects(account());
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  const posts = (path: RegExp) => ctx.emu.requestLog().filter((r) => r.method === "POST" && path.test(r.path));
  const client = () =>
    new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });
  const kept = (stack: string, telephoneNumbers: string[], extra: Record<string, unknown> = {}) => ({
    telephoneNumbers,
    resourceKey: `proj/${stack}/kept`,
    ...extra,
  });

  beforeEach(() => {
    // Long enough a holding period that a disconnected number can be reconnected by another order of the account.
    ctx.emu.setDelays({ agingMs: 60_000 });
  });

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

  /** Another stack's PhoneNumberOrder, created in a process of its own. */
  async function otherStackOrder(stack: string, args: Record<string, unknown>) {
    const r = await inStackProcess(ctx.emu, {
      op: "create",
      args: { siteId: ctx.emu.credentials.siteId, resourceKey: `proj/${stack}/line`, ...args },
    });
    expect(r.ok, JSON.stringify(r.error)).to.equal(true);
    return { id: r.result!.id!, outs: r.result!.outs! };
  }

  it("two stacks taking one number: destroying the one with releaseOnDelete disconnects it, and the other's refresh drops it", async () => {
    const [tn] = await orderedByHand(1);
    const a = await inStackProcess(ctx.emu, {
      op: "create",
      resource: "existingNumbers",
      args: kept("a", [tn], { releaseOnDelete: true }),
    });
    const b = await inStackProcess(ctx.emu, { op: "create", resource: "existingNumbers", args: kept("b", [tn]) });
    expect(a.ok && b.ok).to.equal(true);
    const destroyed = await inStackProcess(ctx.emu, {
      op: "delete",
      resource: "existingNumbers",
      id: a.result!.id,
      outs: a.result!.outs,
    });
    expect(destroyed.ok).to.equal(true);
    // Documented: nothing on Bandwidth records that stack b declared the number too, so stack a's release stands.
    expect(disconnects()).to.have.length(1);
    expect(inService()).to.deep.equal([]);
    const refreshed = await inStackProcess(ctx.emu, {
      op: "read",
      resource: "existingNumbers",
      id: b.result!.id,
      outs: b.result!.outs,
    });
    expect(refreshed.result?.id).to.equal("", "stack b holds nothing any more");
    expect(ordersPlaced()).to.equal(1, "only the order by hand");
  });

  it("a number disconnected outside and reconnected by another stack's PhoneNumberOrder is left in service by a destroy with releaseOnDelete", async () => {
    const tns = await orderedByHand(2);
    const taken = await engineCreate(existing, kept("a", tns, { releaseOnDelete: true }));
    ctx.emu.model.disconnectBehindTheBack(tns[0]);
    const other = await otherStackOrder("b", { telephoneNumbers: [tns[0]] });
    expect(other.outs.telephoneNumbers).to.deep.equal([tns[0]]);
    const before = disconnects().length;
    await existing.delete!(taken.id, taken.outs as never); // the outputs from before the number moved
    expect(disconnects()).to.have.length(before + 1, "one disconnect, for the number still stack a's");
    expect(disconnects().at(-1)!.numbers).to.deep.equal([tns[1]]);
    expect(inService()).to.deep.equal([tns[0]], "stack b's number stays in service");
    expect(ordersPlaced()).to.equal(2);
  });

  it("a number under another stack's PhoneNumberOrder is never disconnected by an ExistingNumbers with releaseOnDelete, on destroy or removal", async () => {
    const other = await otherStackOrder("b", { areaCode: "919", quantity: 3 });
    const theirs = [...(other.outs.telephoneNumbers as string[])].sort();
    const mine = await orderedByHand(1);
    const taken = await engineCreate(existing, kept("a", [theirs[0], theirs[1], ...mine], { releaseOnDelete: true }));
    expect(taken.outs.telephoneNumbers).to.have.length(3);

    const { outs } = await engineUpdate(
      existing,
      taken.id,
      taken.outs,
      kept("a", [theirs[1], ...mine], { releaseOnDelete: true }),
    );
    expect(disconnects()).to.have.length(0, "the removed number is stack b's: no disconnect");
    expect(outs.telephoneNumbers).to.deep.equal([theirs[1], ...mine]);
    expect(ctx.progress.join("\n")).to.include(`${theirs[0]} (under PhoneNumberOrder order ${other.id}`);

    const logBefore = ctx.emu.requestLog().length;
    await existing.delete!(taken.id, outs as never);
    const reads = ctx.emu
      .requestLog()
      .slice(logBefore)
      .filter((r) => r.method === "GET" && /\/tns\/\d{10}$/.test(r.path));
    expect(reads.map((r) => r.path.slice(-10)).sort()).to.deep.equal(
      [theirs[1], ...mine].sort(),
      "each held number is read once: the ownership proof's read also names its order",
    );
    expect(disconnects()).to.have.length(1, "one disconnect, for the number ordered by hand");
    expect(disconnects()[0].numbers).to.deep.equal(mine);
    expect(inService()).to.deep.equal(theirs, "stack b keeps every number it ordered");
    expect(ordersPlaced()).to.equal(2);
  });

  it("a number removed from the list with releaseOnDelete leaves the package before it is disconnected; the package can then be deleted", async () => {
    Object.assign(process.env, emulatorClientCredentials(ctx.emu));
    const tns = await orderedByHand(2);
    const pkg = (await engineCreate(vcp, { name: "inbound" })).id;
    const args = (list: string[]) => kept("a", list, { releaseOnDelete: true, voiceConfigurationPackageId: pkg });
    const taken = await engineCreate(existing, args(tns));
    const { outs } = await engineUpdate(existing, taken.id, taken.outs, args([tns[1]]));
    const log = ctx.emu.requestLog();
    const removeAt = log.findIndex((r) => /\/phoneNumbers\/bulk$/.test(r.path) && (r.body ?? "").includes("REMOVE"));
    const disconnectAt = log.findIndex((r) => r.method === "POST" && /\/disconnects$/.test(r.path));
    expect(removeAt).to.be.greaterThan(-1);
    expect(removeAt).to.be.lessThan(disconnectAt);
    expect(ctx.emu.model.vcp.numbersOf(pkg)).to.deep.equal([`+1${tns[1]}`]);
    expect(inService()).to.deep.equal([tns[1]]);
    await existing.delete!(taken.id, outs as never);
    expect(ctx.emu.model.vcp.numbersOf(pkg)).to.deep.equal([]);
    expect(inService()).to.deep.equal([]);
    expect(disconnects()).to.have.length(2);
    await vcp.delete!(pkg, { voiceConfigurationPackageId: pkg, name: "inbound" });
  });

  it("a TN option order answered 504 after the backend took it is sent once, the error says it may have been placed, and the passcode appears nowhere in clear", async () => {
    const tns = await orderedByHand(2);
    const args = kept("a", tns, { callingNameDisplay: true, portOutPasscode: PASSCODE });
    ctx.emu.setFaults([{ method: "POST", path: "/tnoptions$", kind: "status-after", status: 504, times: 1 }]);
    const err = await rejection(engineCreate(existing, args));
    expect(err).to.be.instanceOf(SettingsIncompleteError);
    expect(posts(/\/tnoptions$/)).to.have.length(1, "the transport does not send the option order again");
    expect(err.message).to.contain("TN option order may have been placed").and.not.contain("refused");
    ctx.emu.setFaults([]);
    const kept1 = (err as unknown as SettingsIncompleteError).properties as Record<string, unknown>;
    expect(kept1.telephoneNumbers).to.deep.equal(tns);
    const again = await engineUpdate(existing, tns.join(","), kept1, args);
    expect(again.diff.changes).to.equal(true);
    // Setting an option twice buys nothing and changes nothing: the next up sends the settings again.
    expect(posts(/\/tnoptions$/)).to.have.length(2);
    for (const tn of tns) expect(ctx.emu.model.tnOptions.settingsOf(tn)?.callingNameDisplay).to.equal("on");
    expect(ordersPlaced()).to.equal(1);
    expect(disconnects()).to.have.length(0);
    // The partial state the engine records (`properties`) holds the passcode as a secret output, like any state.
    const { properties: _state, ...rest } = err;
    const seen = [err.message, String(err.stack), JSON.stringify(rest), ctx.progress.join("\n")];
    seen.push(JSON.stringify(ctx.emu.requestLog()));
    for (const text of seen) expect(text).not.to.contain(PASSCODE);
  });
});
