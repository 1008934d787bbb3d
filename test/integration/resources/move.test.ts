import { expect } from "chai";
import { MoveRefusedError, providers, ResourceInitError } from "../../../provider";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;

/**
 * A number is an identity: a new site or location moves the numbers customers call, in place, with Bandwidth's move
 * order. Driven the engine's way (check → diff → update with the old outputs), counting orders, disconnects and the
 * numbers each location holds in the emulator.
 */
describe("PhoneNumberOrder moves its numbers on a site or peer change", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const site = () => ctx.emu.credentials.siteId;
  const args = (extra: Record<string, unknown> = {}) => ({
    siteId: site(),
    peerId: ctx.emu.credentials.peerId,
    resourceKey: "proj/test/numbers",
    areaCode: "919",
    quantity: 3,
    ...extra,
  });
  const numbers = () => ctx.emu.model.numbers;
  const provisioning = () => ctx.emu.model.provisioning;
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  const disconnects = () => numbers().listDisconnects(account()).length;
  const inService = () => numbers().numbersInService(account());
  const onPeer = (siteId: string, peerId: string) => provisioning().peerNumbers(account(), siteId, peerId);

  it("a peerId change is an update that moves every number: 1 order, 0 disconnects, the same numbers at the same indexes", async () => {
    const created = await engineCreate(order, args());
    const held = created.outs.telephoneNumbers as string[];
    expect(held).to.have.length(3);
    const peer = provisioning().createPeer(account(), site(), { peerName: "moved" });

    const { diff, outs } = await engineUpdate(order, created.id, created.outs, args({ peerId: peer.peerId }));

    expect(diff.replaces ?? []).to.deep.equal([], "a location change never replaces the numbers");
    expect(outs.telephoneNumbers).to.deep.equal(held, "each number keeps its index");
    expect(outs.e164Numbers).to.deep.equal(held.map((tn) => `+1${tn}`));
    expect(outs.peerId).to.equal(peer.peerId);
    expect(ordersPlaced()).to.equal(1);
    expect(disconnects()).to.equal(0);
    expect(inService()).to.have.members(held);
    expect(onPeer(site(), peer.peerId)).to.have.members(held);
    expect(onPeer(site(), ctx.emu.credentials.peerId)).to.deep.equal([]);
    const moveOrderIds = outs.moveOrderIds as string[];
    expect(moveOrderIds).to.have.length(1);
    expect(outs.orderIds).to.deep.equal(created.outs.orderIds);
    // Bandwidth names the move order as each number's order now: the resource records it as one of its own.
    for (const tn of held) expect(numbers().tn(tn)?.orderId).to.equal(moveOrderIds[0]);
    expect(ctx.progress.some((l) => l.includes(`move order ${moveOrderIds[0]} is COMPLETE`))).to.equal(true);

    // The next unchanged `pulumi up` does nothing.
    const again = await engineUpdate(order, created.id, outs, args({ peerId: peer.peerId }));
    expect(again.diff.changes).to.equal(false);
  });

  it("moved numbers stay the resource's own: refresh keeps them under the move order, and a destroy after a PARTIAL disconnect releases them", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const peer = provisioning().createPeer(account(), site(), { peerName: "owned" });
    const { outs } = await engineUpdate(order, created.id, created.outs, args({ quantity: 2, peerId: peer.peerId }));
    const [a, b] = outs.telephoneNumbers as string[];
    expect(numbers().tn(a)?.orderId).to.equal((outs.moveOrderIds as string[])[0], "Bandwidth names the move order");

    const read = (await order.read!(created.id, outs as never)) as { id: string; props: Record<string, unknown> };
    expect(read.id).to.equal(created.id);
    expect(read.props.telephoneNumbers).to.deep.equal([a, b], "refresh keeps numbers under the resource's move order");

    numbers().holdDisconnects(b);
    await rejection(order.delete!(created.id, read.props as never));
    numbers().holdDisconnects(b, false);
    await order.delete!(created.id, read.props as never); // the retry reads b: in service under the move order
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(1);
  });

  it("a move order whose answer was lost is found by its CustomerOrderId and recorded, never placed twice", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const held = created.outs.telephoneNumbers as string[];
    const peer = provisioning().createPeer(account(), site(), { peerName: "lostanswer" });
    ctx.emu.setFaults([{ kind: "reset-after", times: 1, method: "POST", path: `/accounts/${account()}/moveTns$` }]);

    const { outs } = await engineUpdate(order, created.id, created.outs, args({ quantity: 2, peerId: peer.peerId }));

    ctx.emu.setFaults([]);
    const placed = numbers().listMoves(account());
    expect(placed).to.have.length(1);
    expect(outs.moveOrderIds).to.deep.equal([placed[0].id]);
    expect(outs.telephoneNumbers).to.deep.equal(held);
    for (const tn of held) expect(numbers().tn(tn)?.orderId).to.equal(placed[0].id);
  });

  it("a siteId change moves the numbers across sites, onto the new site's location", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const held = created.outs.telephoneNumbers as string[];
    const otherSite = "462";
    const peer = provisioning().createPeer(account(), otherSite, { peerName: "elsewhere" });

    const { diff, outs } = await engineUpdate(
      order,
      created.id,
      created.outs,
      args({ quantity: 2, siteId: otherSite, peerId: peer.peerId }),
    );

    expect(diff.replaces ?? []).to.deep.equal([]);
    expect(outs).to.deep.include({ siteId: otherSite, peerId: peer.peerId });
    expect(outs.telephoneNumbers).to.deep.equal(held);
    expect(onPeer(otherSite, peer.peerId)).to.have.members(held);
    for (const tn of held) expect(numbers().tn(tn)?.siteId).to.equal(otherSite);
    expect([ordersPlaced(), disconnects()]).to.deep.equal([1, 0]);
  });

  it("a move and a larger quantity: the numbers move, and only the difference is ordered, into the new location", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const held = created.outs.telephoneNumbers as string[];
    const peer = provisioning().createPeer(account(), site(), { peerName: "grown" });

    const { outs } = await engineUpdate(order, created.id, created.outs, args({ quantity: 3, peerId: peer.peerId }));

    const now = outs.telephoneNumbers as string[];
    expect(now.slice(0, 2)).to.deep.equal(held);
    expect(now).to.have.length(3);
    expect(onPeer(site(), peer.peerId)).to.have.members(now);
    expect([ordersPlaced(), disconnects()]).to.deep.equal([2, 0]);
  });

  it("a refused move (unknown peer) is a typed error quoting Bandwidth's code; nothing is disconnected and the state keeps the old location", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const held = created.outs.telephoneNumbers as string[];

    const err = await rejection(engineUpdate(order, created.id, created.outs, args({ quantity: 2, peerId: "999999" })));

    expect(err).to.be.instanceOf(MoveRefusedError);
    expect(err.code).to.equal("MOVE_REFUSED");
    expect((err as unknown as MoveRefusedError).errors.map((e) => e.code)).to.include("7312");
    expect(err.message).to.contain("7312");
    expect(err.message).to.match(/Nothing was disconnected/);
    expect(disconnects()).to.equal(0);
    expect(inService()).to.have.members(held);
    expect(onPeer(site(), ctx.emu.credentials.peerId)).to.have.members(held);
    expect(ordersPlaced()).to.equal(1);

    // The engine kept the old state: the next `pulumi up` with a real location moves the same numbers.
    const peer = provisioning().createPeer(account(), site(), { peerName: "fixed" });
    const { outs } = await engineUpdate(order, created.id, created.outs, args({ quantity: 2, peerId: peer.peerId }));
    expect(outs.telephoneNumbers).to.deep.equal(held);
    expect(onPeer(site(), peer.peerId)).to.have.members(held);
  });

  it("a move order that ends PARTIAL records its id and keeps the old location in state; after a refresh the next up moves nothing twice", async () => {
    const created = await engineCreate(order, args({ quantity: 2 }));
    const held = created.outs.telephoneNumbers as string[];
    const peer = provisioning().createPeer(account(), site(), { peerName: "partway" });
    // One number is disconnected behind the stack's back while the move order waits to be processed.
    ctx.emu.setDelays({ orderDelayMs: 300 });
    const update = engineUpdate(order, created.id, created.outs, args({ quantity: 2, peerId: peer.peerId }));
    await new Promise((r) => setTimeout(r, 100));
    numbers().disconnectBehindTheBack(held[1]);

    const err = await rejection(update);

    expect(err).to.be.instanceOf(ResourceInitError);
    expect((err.cause as MoveRefusedError).code).to.equal("MOVE_REFUSED");
    expect(err.message).to.contain("7518");
    const kept = err.properties as Record<string, unknown>;
    expect(kept.peerId).to.equal(ctx.emu.credentials.peerId, "the state keeps where the numbers were");
    expect(kept.moveOrderIds as string[]).to.have.length(1);
    expect(numbers().tn(held[0])?.orderId).to.equal((kept.moveOrderIds as string[])[0]);
    expect(disconnects()).to.equal(1, "the operator's disconnect alone");

    // The engine's refresh, then `pulumi up`: the moved number is not sent again, the lost one's slot is refilled there.
    ctx.emu.setDelays({ orderDelayMs: 30 });
    const refreshed = (await order.read!(created.id, kept)).props as Record<string, unknown>;
    const { outs } = await engineUpdate(order, created.id, refreshed, args({ quantity: 2, peerId: peer.peerId }));
    expect(numbers().listMoves(account())).to.have.length(1);
    expect((outs.telephoneNumbers as string[])[0]).to.equal(held[0]);
    expect(onPeer(site(), peer.peerId)).to.have.members(outs.telephoneNumbers as string[]);
    expect(outs.peerId).to.equal(peer.peerId);
    expect([ordersPlaced(), disconnects()]).to.deep.equal([2, 1], "one more order, no disconnect of the stack's");
  });
});
