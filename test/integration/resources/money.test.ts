// The money guarantees, driven the way the engine drives the provider (check → diff → create/update/delete; a
// replace creates the new resource before it deletes the old one), counting orders and numbers in the emulator.
import { expect } from "chai";
import { getAvailableNumbers, providers } from "../../../provider";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;

describe("money guarantees: never buy twice, never release a number still in use, never lose an order", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite({ agingMs: 60 });
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const orders = () => ctx.emu.model.listOrders(account());
  const args = (extra: Record<string, unknown> = {}, key = "org/proj/stack/numbers") => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: key,
    ...extra,
  });

  /** The engine's replace: check + diff say replace, create the new resource, then delete the old one. */
  async function engineReplace(id: string, olds: Record<string, unknown>, newArgs: Record<string, unknown>) {
    const checked = await order.check!(olds, newArgs);
    const diff = await order.diff!(id, olds, checked.inputs);
    expect(diff.replaces ?? [], "the diff asks for a replace").to.have.length.greaterThan(0);
    const created = await order.create(checked.inputs);
    await order.delete!(id, olds);
    return { id: created.id, outs: created.outs as Record<string, unknown> };
  }

  it("a replace (enableLCA changes) orders new numbers; the old resource's delete leaves them in service", async () => {
    const first = await engineCreate(order, args({ rateCenter: "RALEIGH", state: "NC" }));
    const replaced = await engineReplace(
      first.id,
      first.outs,
      args({ rateCenter: "RALEIGH", state: "NC", enableLCA: true }),
    );
    expect(replaced.id).to.not.equal(first.id);
    expect(orders()).to.have.length(2);
    const held = replaced.outs.telephoneNumbers as string[];
    expect(held).to.have.length(1);
    expect(inService()).to.deep.equal(held, "the replacement's number is in service, the old one released");
    expect(held).to.not.deep.equal(first.outs.telephoneNumbers);
  });

  it("a replace with an explicit customerOrderId kept never adopts the order it replaces", async () => {
    const first = await engineCreate(order, args({ areaCode: "919", customerOrderId: "crm-42" }));
    const replaced = await engineReplace(first.id, first.outs, args({ areaCode: "910", customerOrderId: "crm-42" }));
    expect(replaced.outs.orderIds).to.not.include(first.id);
    expect(inService()).to.deep.equal(replaced.outs.telephoneNumbers);
    expect(inService()).to.have.length(1);
  });

  it("adoptOrderId with criteria but no quantity keeps every adopted number on the next unchanged up", async () => {
    const placed = await engineCreate(order, args({ areaCode: "919", quantity: 4 }, "org/proj/stack/old"));
    const adopted = await engineCreate(
      order,
      args({ areaCode: "919", adoptOrderId: placed.id }, "org/proj/stack/adopter"),
    );
    expect(adopted.outs.telephoneNumbers).to.have.length(4);
    const again = await engineUpdate(
      order,
      adopted.id,
      adopted.outs,
      args({ areaCode: "919", adoptOrderId: placed.id }, "org/proj/stack/adopter"),
    );
    expect(again.diff.changes).to.equal(false);
    expect(inService()).to.have.length(4);
    expect(orders()).to.have.length(1);
  });

  it("two resources sharing an explicit customerOrderId never take each other's numbers", async () => {
    const a = await engineCreate(order, args({ areaCode: "919", customerOrderId: "shared-id" }, "org/p/s/a"));
    // The engine has seen `a` (a diff or read) before it creates `b` in the same deployment.
    await order.diff!(a.id, a.outs, a.inputs);
    const b = await engineCreate(order, args({ areaCode: "919", customerOrderId: "shared-id" }, "org/p/s/b"));
    expect(b.id).to.not.equal(a.id);
    expect(orders()).to.have.length(2);
    expect(inService()).to.have.length(2);
  });

  it("a resource re-created after its number was recycled to another stack does not adopt its old order", async () => {
    const [tn] = (await getAvailableNumbers({ areaCode: "919", quantity: 1 })).map((n) => n.telephoneNumber);
    const first = await engineCreate(order, args({ telephoneNumbers: [tn] }));
    await order.delete!(first.id, first.outs);
    await new Promise((r) => setTimeout(r, 200)); // disconnected, aged, available again
    const other = await engineCreate(order, args({ telephoneNumbers: [tn] }, "org/other/stack/theirs"));
    expect(inService()).to.deep.equal([tn]);
    // The old order still carries this resource's CustomerOrderId and its number is in service, but on another
    // order: adopting it would make this stack's next destroy disconnect the other stack's number.
    const err = await rejection(engineCreate(order, args({ telephoneNumbers: [tn] })));
    expect(err.message).to.match(/5005/);
    expect(err.message).to.not.include(first.id);
    expect(inService()).to.deep.equal([tn]);
    expect(ctx.emu.model.tn(tn)?.orderId).to.equal(other.id);
  });

  it("an order POST answered 504 while the backend goes on: found by CustomerOrderId, exactly one order", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "status-after", status: 504, times: 1 }]);
    const created = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    expect(orders()).to.have.length(1);
    expect(created.outs.telephoneNumbers).to.have.length(2);
    expect(ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/orders$/.test(r.path))).to.have.length(1);
  });

  it("a 503 on the order POST is not sent again: the error names the next step and no second order exists", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "status", status: 503, times: 1 }]);
    const err = await rejection(engineCreate(order, args({ areaCode: "919" })));
    expect(err.message)
      .to.match(/not sent again/)
      .and.match(/pulumi up/);
    expect(ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/orders$/.test(r.path))).to.have.length(1);
    expect(orders()).to.have.length(0);
  });

  it("read errors while waiting do not drop the placed order: the create finishes with it", async () => {
    ctx.emu.setDelays({ orderDelayMs: 600 });
    ctx.emu.setFaults([{ method: "GET", path: "/orders/[^/]+$", kind: "status", status: 500, times: 6 }]);
    const created = await engineCreate(order, args({ areaCode: "919" }));
    expect(created.outs.orderStatus).to.equal("COMPLETE");
    expect(orders()).to.have.length(1);
  });

  it("after a refreshed loss is accepted (quantity lowered), a later scale-up keeps every survivor at its index", async () => {
    const c = await engineCreate(order, args({ areaCode: "919", quantity: 3 }));
    const tns = c.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(tns[1]);
    const refreshed = (await order.read!(c.id, c.outs)).props as Record<string, unknown>;
    expect(refreshed.vacatedSlots).to.deep.equal([1]);
    const lowered = await engineUpdate(order, c.id, refreshed, args({ areaCode: "919", quantity: 2 }));
    expect(lowered.outs.vacatedSlots ?? []).to.deep.equal([]);
    const grown = await engineUpdate(order, c.id, lowered.outs, args({ areaCode: "919", quantity: 3 }));
    const after = grown.outs.telephoneNumbers as string[];
    expect(after.slice(0, 2)).to.deep.equal([tns[0], tns[2]]);
  });
});
