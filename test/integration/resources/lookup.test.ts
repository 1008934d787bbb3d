import { expect } from "chai";
import { providers } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import { emulatorSuite, engineCreate, rejection } from "./support";

const order = providers.phoneNumberOrder;

/**
 * The lookup by CustomerOrderId every create makes before it orders (to find its own order after a lost answer or a
 * `pulumi up` killed mid-order) is shared by the creates of a deployment that ask at the same moment: one orders list
 * read by each row's CustomerOrderId instead of one filtered list per resource. Bandwidth's ListOrders answer
 * (`TnOrderHistoryResponse`, rows of `OrderSummary`) carries each row's CustomerOrderId; docs/bandwidth-wire.md cites it.
 */
describe("PhoneNumberOrder lookup by CustomerOrderId", function () {
  this.timeout(60_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const args = (name: string, extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: `proj/test/${name}`,
    areaCode: "919",
    quantity: 1,
    ...extra,
  });
  /** The orders lists that are lookups (the shared watcher's lists carry a date range). */
  const lookupLists = () =>
    ctx.emu.requestLog().filter((r) => r.method === "GET" && /\/orders$/.test(r.path) && !/startdate=/i.test(r.query));

  it("N concurrent creates of a deployment list the account's orders fewer than N times, and each gets its own order", async () => {
    const n = 8;
    const created = await Promise.all(Array.from({ length: n }, (_, i) => engineCreate(order, args(`numbers-${i}`))));
    const lookups = lookupLists();
    expect(lookups.length).to.be.greaterThan(0, "every create looks before it orders");
    expect(lookups.length).to.be.lessThan(n, JSON.stringify(lookups.map((r) => r.query)));
    // The shared list is unfiltered: each create reads its own rows by CustomerOrderId.
    expect(lookups.some((r) => !/customerOrderId=/i.test(r.query))).to.equal(true);
    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).to.equal(n, "one order per resource");
    expect(ctx.emu.model.listOrders(account())).to.have.length(n);
    const numbers = created.flatMap((c) => c.outs.telephoneNumbers as string[]);
    expect(new Set(numbers).size).to.equal(n);
    expect(ctx.emu.model.numbersInService(account()).sort()).to.deep.equal([...numbers].sort());
  });

  it("a create killed after its order was placed, re-run together with other creates, resumes its own order from the shared list", async () => {
    // The first run's order reached Bandwidth but the state never recorded it (a `pulumi up` killed mid-order).
    const first = await engineCreate(order, args("kept"));
    const before = ctx.emu.model.listOrders(account()).length;
    const again = await Promise.all([
      engineCreate(order, args("kept")),
      ...Array.from({ length: 3 }, (_, i) => engineCreate(order, args(`other-${i}`))),
    ]);
    expect(again[0].id).to.equal(first.id, "the re-run adopts its own order instead of buying again");
    expect(again[0].outs.telephoneNumbers).to.deep.equal(first.outs.telephoneNumbers);
    expect(ctx.emu.model.listOrders(account())).to.have.length(before + 3, "only the three new resources order");
    expect(lookupLists().some((r) => !/customerOrderId=/i.test(r.query))).to.equal(true, "the shared list was used");
  });

  it("an order POST answered 504 once the deployment's view of the orders is in place: the re-run lists again and orders once", async () => {
    // Two creates looking together: one list, kept as the deployment's view of the account's orders.
    await Promise.all([engineCreate(order, args("a")), engineCreate(order, args("b"))]);
    expect(lookupLists()).to.have.length(1);
    // Bandwidth places the order but the gateway answers 504, and the order does not show up in any lookup during the
    // grace period (the lookups fail), so the create ends with an error that says to run again.
    ctx.emu.setFaults([
      { method: "POST", path: "/orders$", kind: "status-after", status: 504, times: 1 },
      { method: "GET", path: "/orders$", kind: "status", status: 503 },
    ]);
    const failed = await rejection(engineCreate(order, args("late")));
    expect(failed.name).to.equal("MayHaveReachedServerError");
    expect(ctx.emu.model.listOrders(account())).to.have.length(3, "the lost answer's order was placed");
    ctx.emu.setFaults([]);
    // The run again in the same process: the view predates that order, so it must not answer; a new list does.
    const again = await engineCreate(order, args("late"));
    expect(ctx.emu.model.listOrders(account())).to.have.length(3, "no second order for the re-run");
    expect(ctx.emu.model.listOrders(account()).map((o) => o.id)).to.include(again.id);
    expect(ctx.emu.model.numbersInService(account())).to.have.length(3);
  });

  // The money paths again, with the deployment's view of the orders in place (two creates looking together list the
  // account once; every later lookup of the test is answered from that view or its refresh).
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  async function withView() {
    const primed = await Promise.all([engineCreate(order, args("p1")), engineCreate(order, args("p2"))]);
    expect(lookupLists()).to.have.length(1);
    return primed.flatMap((c) => c.outs.telephoneNumbers as string[]);
  }

  it("with the view in place, a replace orders anew and the old resource's delete releases only its own number", async () => {
    const primed = await withView();
    const old = await engineCreate(order, args("x"));
    const checked = await order.check!(old.outs, args("x", { areaCode: "910" }));
    const diff = await order.diff!(old.id, old.outs, checked.inputs);
    expect(diff.replaces ?? []).to.not.deep.equal([]);
    const created = await order.create(checked.inputs);
    await order.delete!(old.id, old.outs);
    expect(created.id).to.not.equal(old.id, "the replacement does not adopt its predecessor's order");
    expect(ordersPlaced()).to.equal(4);
    expect(inService()).to.deep.equal([...primed, ...(created.outs.telephoneNumbers as string[])].sort());
    expect(lookupLists()).to.have.length(1, "the view answered every later lookup");
  });

  it("with the view in place, a 504 whose order goes on is found by the grace lookup and ordered once", async () => {
    const primed = await withView();
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "status-after", status: 504, times: 1 }]);
    const created = await engineCreate(order, args("x"));
    expect(ordersPlaced()).to.equal(3);
    expect(inService()).to.deep.equal([...primed, ...(created.outs.telephoneNumbers as string[])].sort());
    // The order found after the 504 is in the next view: a later create of another resource orders only its own.
    await engineCreate(order, args("y"));
    expect(ordersPlaced()).to.equal(4);
  });

  it("with the view in place, a re-created resource does not adopt its old order once its number went to another stack", async () => {
    await withView();
    const first = await engineCreate(order, args("x"));
    const [tn] = first.outs.telephoneNumbers as string[];
    await order.delete!(first.id, first.outs);
    const until = Date.now() + 5_000;
    while (ctx.emu.model.tn(tn)?.status !== "Available") {
      if (Date.now() > until) throw new Error(`${tn} never became available`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const other = new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });
    await other.createOrder({
      name: "other stack",
      siteId: ctx.emu.credentials.siteId,
      customerOrderId: "other-stack",
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { telephoneNumbers: [tn] },
    });
    while (!inService().includes(tn)) await new Promise((r) => setTimeout(r, 20));
    // The view still holds the first order's row under this CustomerOrderId; its number now belongs to another order.
    const again = await engineCreate(order, args("x"));
    expect(again.id).to.not.equal(first.id, "the recycled order is not adopted back");
    expect(lookupLists()).to.have.length(1, "the re-create's lookup was answered from the view");
    await order.delete!(again.id, again.outs);
    expect(inService()).to.include(tn, "the other stack's number stays in service");
    expect(ordersPlaced()).to.equal(5);
    expect(inService()).to.have.length(3);
  });

  it("an order of the same CustomerOrderId held by another resource of the deployment is not adopted through the shared list", async () => {
    const a = await engineCreate(order, args("a", { customerOrderId: "crm-shared" }));
    const [b] = await Promise.all([
      engineCreate(order, args("b", { customerOrderId: "crm-shared" })),
      engineCreate(order, args("c")),
    ]);
    expect(b.id).to.not.equal(a.id, "a claimed order stays with the resource holding it");
    expect(b.outs.telephoneNumbers).to.not.deep.equal(a.outs.telephoneNumbers);
    expect(ctx.emu.model.numbersInService(account())).to.have.length(3);
  });
});
