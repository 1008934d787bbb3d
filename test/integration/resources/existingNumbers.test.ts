/**
 * ExistingNumbers against the emulator over real sockets, driven the engine's way (check → diff → create/update/delete
 * with the old outputs): numbers already on the account are taken with no order, let go with no disconnect unless
 * `releaseOnDelete`, and a number not on the account is refused before anything changes. Orders, disconnects and
 * numbers in service are counted in the emulator.
 */
import { expect } from "chai";
import { importExistingNumbers, NotOnAccountError, providers } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const existing = providers.existingNumbers;

describe("ExistingNumbers against the emulator", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  const disconnectsPlaced = () => ctx.emu.model.listDisconnects(account()).length;
  const client = () =>
    new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });
  const args = (telephoneNumbers: string[], extra: Record<string, unknown> = {}) => ({
    telephoneNumbers,
    resourceKey: "proj/test/kept",
    ...extra,
  });

  /** Numbers ordered by hand outside any stack (as a team did years ago): one order, waited to COMPLETE. */
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

  it("create takes numbers already in service and places no order; the id is the sorted numbers", async () => {
    const tns = await orderedByHand(3);
    const orders = ordersPlaced();
    const created = await engineCreate(existing, args([`+1${tns[2]}`, tns[0], tns[1]]));
    expect(ordersPlaced()).to.equal(orders, "no number order");
    expect(disconnectsPlaced()).to.equal(0);
    expect(created.id).to.equal(tns.join(","));
    expect(created.outs.telephoneNumbers).to.deep.equal([tns[2], tns[0], tns[1]], "the program's order, 10-digit");
    expect(created.outs.e164Numbers).to.deep.equal([tns[2], tns[0], tns[1]].map((tn) => `+1${tn}`));
    expect(created.outs.accountId).to.equal(account());
    expect(created.outs.orderIds).to.have.length(1);
    expect(inService()).to.deep.equal(tns);
  });

  it("create refuses a number not in service on the account with NotOnAccountError naming it, before any change", async () => {
    const [tn] = await orderedByHand(1);
    const before = ctx.emu.requestLog().length;
    const err = await rejection(engineCreate(existing, args([tn, "9195550199"])));
    expect(err).to.be.instanceOf(NotOnAccountError);
    expect(err.code).to.equal("NOT_ON_ACCOUNT");
    expect((err as unknown as NotOnAccountError).numbers.map((n) => n.telephoneNumber)).to.deep.equal(["9195550199"]);
    expect(err.message).to.contain("9195550199");
    const writes = ctx.emu
      .requestLog()
      .slice(before)
      .filter((r) => r.method !== "GET");
    expect(writes, "only reads").to.deep.equal([]);
    expect(inService()).to.deep.equal([tn]);
  });

  it("adding and removing numbers is in place: no order, no disconnect, and the removed number stays in service", async () => {
    const tns = await orderedByHand(3);
    const created = await engineCreate(existing, args([tns[0], tns[1]]));
    const orders = ordersPlaced();
    const { diff, outs } = await engineUpdate(existing, created.id, created.outs, args([tns[1], tns[2]]));
    expect(diff.replaces ?? []).to.deep.equal([]);
    expect(outs.telephoneNumbers).to.deep.equal([tns[1], tns[2]]);
    expect(ordersPlaced()).to.equal(orders);
    expect(disconnectsPlaced()).to.equal(0);
    expect(inService()).to.deep.equal(tns, "the removed number is still in service");
  });

  it("an added number not on the account fails the update before anything changes; the state keeps what it held", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args([tns[0], tns[1]], { releaseOnDelete: true }));
    const err = await rejection(
      engineUpdate(existing, created.id, created.outs, args([tns[0], "9195550188"], { releaseOnDelete: true })),
    );
    expect(err).to.be.instanceOf(NotOnAccountError);
    expect(disconnectsPlaced()).to.equal(0, "the removal did not run");
    expect(inService()).to.deep.equal(tns);
  });

  it("with releaseOnDelete, a removed number is disconnected and only that one", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args(tns, { releaseOnDelete: true }));
    const { outs } = await engineUpdate(existing, created.id, created.outs, args([tns[0]], { releaseOnDelete: true }));
    expect(outs.telephoneNumbers).to.deep.equal([tns[0]]);
    expect(disconnectsPlaced()).to.equal(1);
    expect(inService()).to.deep.equal([tns[0]]);
  });

  it("delete leaves every number in service by default; with releaseOnDelete it disconnects them in one order", async () => {
    const tns = await orderedByHand(4);
    const kept = await engineCreate(existing, args(tns.slice(0, 2)));
    await existing.delete!(kept.id, kept.outs);
    expect(disconnectsPlaced()).to.equal(0);
    expect(inService()).to.deep.equal(tns);

    const released = await engineCreate(existing, args(tns.slice(2), { releaseOnDelete: true }));
    await existing.delete!(released.id, released.outs);
    expect(disconnectsPlaced()).to.equal(1);
    expect(inService()).to.deep.equal(tns.slice(0, 2));
  });

  it("a destroy with releaseOnDelete never disconnects a number reconnected under another order since", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args(tns, { releaseOnDelete: true }));
    // Behind the stack's back: disconnected, then ordered again by someone else (another order now holds it).
    const c = client();
    await c.createDisconnect({ name: "by hand", telephoneNumbers: [tns[0]] });
    for (let i = 0; i < 200 && inService().includes(tns[0]); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 150)); // past the aging period: the number is available again
    const { orderId } = await c.createOrder({
      name: "again",
      siteId: ctx.emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { telephoneNumbers: [tns[0]] },
    });
    for (let i = 0; i < 200 && (await c.getOrder(orderId)).status !== "COMPLETE"; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(inService()).to.include(tns[0]);
    const disconnects = disconnectsPlaced();
    await existing.delete!(created.id, created.outs);
    expect(disconnectsPlaced()).to.equal(disconnects + 1);
    expect(inService()).to.deep.equal([tns[0]], "the reconnected number is someone else's now");
  });

  it("refresh drops a number disconnected behind the stack's back; none left and the resource is gone", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args(tns));
    const c = client();
    await c.createDisconnect({ name: "by hand", telephoneNumbers: [tns[1]] });
    for (let i = 0; i < 200 && inService().includes(tns[1]); i++) await new Promise((r) => setTimeout(r, 20));
    const read = await existing.read!(created.id, created.outs);
    expect(read.id).to.equal(created.id);
    expect(read.props.telephoneNumbers).to.deep.equal([tns[0]]);
    expect(read.props.e164Numbers).to.deep.equal([`+1${tns[0]}`]);

    await c.createDisconnect({ name: "by hand", telephoneNumbers: [tns[0]] });
    for (let i = 0; i < 200 && inService().includes(tns[0]); i++) await new Promise((r) => setTimeout(r, 20));
    expect((await existing.read!(created.id, read.props)).id).to.equal("");
  });

  it("a refused disconnect on destroy releases nothing and keeps the resource; the next destroy releases every number", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args(tns, { releaseOnDelete: true }));
    ctx.emu.setFaults([{ method: "POST", path: "/disconnects$", kind: "status", status: 400, times: 1 }]);
    const err = await rejection(existing.delete!(created.id, created.outs));
    expect(err.message).to.contain("ExistingNumbers kept");
    expect(inService()).to.deep.equal(tns, "nothing was released");
    ctx.emu.setFaults([]);
    await existing.delete!(created.id, created.outs);
    expect(inService()).to.deep.equal([]);
  });

  it("importExistingNumbers builds from the numbers alone the state a create would have made", async () => {
    const tns = await orderedByHand(2);
    const created = await engineCreate(existing, args([tns[1], tns[0]]));
    const imported = await importExistingNumbers(`${tns[1]}, +1${tns[0]}`);
    expect(imported.id).to.equal(created.id);
    const { resourceKey: _key, numberSettings: _none, ...createdState } = created.outs;
    const { numberSettings, ...importedState } = imported.props;
    expect(importedState).to.deep.equal(createdState);
    // An import knows no inputs: it reads back every setting each number has.
    expect(Object.keys(numberSettings ?? {}).sort()).to.deep.equal(tns);
    expect(imported.inputs).to.deep.equal({ telephoneNumbers: [tns[1], tns[0]] });
    const err = await rejection(importExistingNumbers(`${tns[0]},9195550177`));
    expect(err).to.be.instanceOf(NotOnAccountError);
  });
});
