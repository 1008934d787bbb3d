import { expect } from "chai";
import { providers } from "../../../provider";
import { emulatorSuite, engineCreate, rejection } from "./support";

const order = providers.phoneNumberOrder;

describe("resources of one deployment share waits and disconnects", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite({ orderDelayMs: 400, disconnectDelayMs: 300 });
  const args = (i: number) => ({ siteId: ctx.emu.credentials.siteId, areaCode: "919", resourceKey: `p/s/n${i}` });
  const count = (pred: (r: { method: string; path: string; query: string }) => boolean) =>
    ctx.emu.requestLog().filter(pred).length;

  it("20 concurrent creates poll through shared order lists, about one direct read per order", async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => engineCreate(order, args(i))));
    expect(created.every((c) => c.outs.orderStatus === "COMPLETE")).to.equal(true);
    const directReads = count((r) => r.method === "GET" && /\/orders\/[^/]+$/.test(r.path));
    const lists = count((r) => r.method === "GET" && /\/orders$/.test(r.path) && !r.query.includes("customerOrderId"));
    // Bandwidth's list refuses status=RECEIVED: pending orders are listed by date and each row's status read.
    expect(count((r) => r.query.includes("status=RECEIVED"))).to.equal(0);
    expect(lists).to.be.at.most(10, "orders placed a moment apart share their ticks");
    // A first look at the learned processing time reads an order directly; one that just missed is read again.
    expect(directReads).to.be.at.most(26, "each order is read about once, when the list shows it finished");
    console.log(`      20 orders: ${directReads} direct reads, ${lists} shared list reads`);
  });

  it("concurrent deletes share one disconnect order, and each resource gets only its own result", async () => {
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => engineCreate(order, args(i))));
    await Promise.all(created.map((c) => order.delete!(c.id, c.outs)));
    expect(ctx.emu.model.listDisconnects(ctx.emu.credentials.accountId)).to.have.length(1);
    expect(ctx.emu.model.numbersInService(ctx.emu.credentials.accountId)).to.deep.equal([]);
  });

  it("deletes sharing a disconnect leave out a number already gone, and it fails no resource", async () => {
    const [a, b] = await Promise.all([engineCreate(order, args(1)), engineCreate(order, args(2))]);
    ctx.emu.model.disconnectBehindTheBack((a.outs.telephoneNumbers as string[])[0]);
    await Promise.all([order.delete!(a.id, a.outs), order.delete!(b.id, b.outs)]);
    const sent = ctx.emu.model.listDisconnects(ctx.emu.credentials.accountId).map((d) => d.numbers);
    expect(sent).to.deep.equal([a.outs.telephoneNumbers, b.outs.telephoneNumbers], "the operator's, then b's alone");
    expect(ctx.emu.model.numbersInService(ctx.emu.credentials.accountId)).to.deep.equal([]);
  });

  it("a disconnect that cannot be placed fails every resource that shared it, and a retry finishes", async () => {
    const created = await Promise.all([engineCreate(order, args(1)), engineCreate(order, args(2))]);
    ctx.emu.setFaults([{ method: "POST", path: "/disconnects$", kind: "status", status: 400, times: 1 }]);
    const errors = await Promise.all(created.map((c) => rejection(order.delete!(c.id, c.outs))));
    expect(errors.every((e) => e instanceof Error)).to.equal(true);
    await Promise.all(created.map((c) => order.delete!(c.id, c.outs)));
    expect(ctx.emu.model.numbersInService(ctx.emu.credentials.accountId)).to.deep.equal([]);
  });
});
