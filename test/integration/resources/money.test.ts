import { expect } from "chai";
import { AccountMismatchError, BandwidthError, OrderFailedError, providers } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;

/**
 * The money guarantees (never buy twice, never release a number still in use, never lose a placed order from state),
 * each driven the way the engine drives a provider: check → diff → create/update/delete, a replace being create of the
 * new resource THEN delete of the old one. Every test counts orders and numbers in service in the emulator.
 */
describe("PhoneNumberOrder money guarantees", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const args = (extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: "proj/test/numbers",
    ...extra,
  });
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  const numbersClient = () =>
    new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });

  /** The engine's replace: check the new inputs against the old ones, diff, create the new resource, delete the old. */
  async function replace(old: { id: string; outs: Record<string, unknown> }, newArgs: Record<string, unknown>) {
    const checked = await order.check!(old.outs, newArgs);
    if (checked.failures && checked.failures.length > 0) {
      throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    }
    const diff = await order.diff!(old.id, old.outs, checked.inputs);
    expect(diff.replaces ?? []).to.not.deep.equal([], "the change replaces the resource");
    const created = await order.create(checked.inputs);
    await order.delete!(old.id, old.outs);
    return { id: created.id, outs: created.outs as Record<string, unknown> };
  }

  for (const [what, change] of [["enableLCA", { enableLCA: true }]] as const) {
    it(`a replacement after ${what} changes orders anew and the old resource's delete leaves its number in service`, async () => {
      const first = await engineCreate(order, args({ rateCenter: "RALEIGH", state: "NC" }));
      const next = await replace(first, args({ rateCenter: "RALEIGH", state: "NC", ...change }));
      expect(next.id).to.not.equal(first.id, "the replacement holds its own order");
      expect(ordersPlaced()).to.equal(2);
      expect(inService()).to.deep.equal([...(next.outs.telephoneNumbers as string[])].sort());
      expect(inService()).to.have.length(1);
    });
  }

  it("a replacement that keeps an explicit customerOrderId is refused by check with the fix, before anything is ordered", async () => {
    const first = await engineCreate(order, args({ rateCenter: "RALEIGH", state: "NC", customerOrderId: "crm-7" }));
    const checked = await order.check!(
      first.outs,
      args({ rateCenter: "RALEIGH", state: "NC", enableLCA: true, customerOrderId: "crm-7" }),
    );
    expect(checked.failures?.map((f) => f.property)).to.include("customerOrderId");
    expect(checked.failures?.[0].reason).to.match(/replace/i);
    expect(ordersPlaced()).to.equal(1);
    expect(inService()).to.deep.equal(first.outs.telephoneNumbers);
  });

  it("a replacement that keeps adoptOrderId is refused by check: it would adopt the order its predecessor disconnects", async () => {
    const placed = await numbersClient().createOrder({
      name: "made elsewhere",
      siteId: ctx.emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "910", quantity: 1 },
    });
    const first = await engineCreate(order, args({ adoptOrderId: placed.orderId }));
    const checked = await order.check!(first.outs, args({ adoptOrderId: placed.orderId, areaCode: "910" }));
    expect(checked.failures?.map((f) => f.property)).to.include("adoptOrderId");
    expect(ordersPlaced()).to.equal(1);
    expect(inService()).to.have.length(1);
  });

  it("adoptOrderId with criteria and no quantity keeps all the adopted order's numbers on the next unchanged up", async () => {
    const placed = await numbersClient().createOrder({
      name: "made elsewhere",
      siteId: ctx.emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "910", quantity: 4 },
    });
    const created = await engineCreate(order, args({ adoptOrderId: placed.orderId, areaCode: "910" }));
    expect(created.outs.telephoneNumbers).to.have.length(4);
    const { outs } = await engineUpdate(
      order,
      created.id,
      created.outs,
      args({ adoptOrderId: placed.orderId, areaCode: "910" }),
    );
    expect(outs.telephoneNumbers).to.have.length(4);
    expect(inService()).to.have.length(4);
    expect(ordersPlaced()).to.equal(1);
  });

  it("a re-created resource does not adopt its old order once that order's number was recycled to another stack", async () => {
    const first = await engineCreate(order, args({ areaCode: "919" }));
    const [tn] = first.outs.telephoneNumbers as string[];
    await order.delete!(first.id, first.outs);
    await waitUntil(() => ctx.emu.model.tn(tn)?.status === "Available");
    // Another stack on the account orders exactly that number.
    const other = await numbersClient().createOrder({
      name: "other stack",
      siteId: ctx.emu.credentials.siteId,
      customerOrderId: "other-stack",
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { telephoneNumbers: [tn] },
    });
    await waitUntil(() => inService().includes(tn));
    const again = await engineCreate(order, args({ areaCode: "919" }));
    expect(again.id).to.not.equal(first.id, "the recycled order is not adopted back");
    expect(again.id).to.not.equal(other.orderId);
    await order.delete!(again.id, again.outs);
    expect(inService()).to.deep.equal([tn], "the other stack's number is still in service");
    expect(ordersPlaced()).to.equal(3);
  });

  it("two resources created in one deployment with the same explicit customerOrderId never share an order", async () => {
    const a = await engineCreate(
      order,
      args({ resourceKey: "proj/test/a", areaCode: "919", customerOrderId: "shared" }),
    );
    const b = await engineCreate(
      order,
      args({ resourceKey: "proj/test/b", areaCode: "919", customerOrderId: "shared" }),
    );
    expect(a.id).to.not.equal(b.id);
    expect(ordersPlaced()).to.equal(2);
    expect(inService()).to.have.length(2);
    await order.delete!(a.id, a.outs);
    expect(inService()).to.deep.equal(b.outs.telephoneNumbers);
  });

  it("an up re-run with another area code after a killed one does not take over the order found by its explicit customerOrderId", async () => {
    // The killed up placed an order for 919 and recorded nothing; the user then asks for 910 under the same id.
    const first = await engineCreate(order, args({ areaCode: "919", customerOrderId: "kept-by-hand" }));
    const rerun = await engineCreate(order, args({ areaCode: "910", customerOrderId: "kept-by-hand" }));
    expect(rerun.id).to.not.equal(first.id);
    expect(ordersPlaced()).to.equal(2);
    expect((rerun.outs.telephoneNumbers as string[])[0]).to.match(/^910/);
    await order.delete!(rerun.id, rerun.outs);
    expect(inService()).to.deep.equal(first.outs.telephoneNumbers);
  });

  it("a read error while waiting on create hands the engine the partial state holding the order; the next up resumes it", async () => {
    ctx.emu.setDelays({ orderDelayMs: 400 });
    // The lookup by CustomerOrderId before ordering passes; every read after the order POST answers 500.
    ctx.emu.setFaults([{ method: "GET", path: "/orders", kind: "status", status: 500, after: 1 }]);
    const err = await rejection(engineCreate(order, args({ areaCode: "919", timeoutSeconds: 3 })));
    ctx.emu.setFaults([]);
    expect(err.id, err.message).to.be.a("string");
    const props = err.properties as Record<string, unknown>;
    expect(props.orderIds).to.deep.equal([err.id]);
    expect(ordersPlaced()).to.equal(1);
    const { outs } = await engineUpdate(order, err.id as string, props, args({ areaCode: "919", timeoutSeconds: 3 }));
    expect(outs.telephoneNumbers).to.have.length(1);
    expect(ordersPlaced()).to.equal(1);
    await order.delete!(err.id as string, outs);
    expect(inService()).to.deep.equal([]);
  });

  it("a read error while waiting on update 1 → 3 keeps the extra order in state; destroy releases all three numbers", async () => {
    const created = await engineCreate(order, args({ areaCode: "919", timeoutSeconds: 3 }));
    ctx.emu.setDelays({ orderDelayMs: 400 });
    ctx.emu.setFaults([{ method: "GET", path: "/orders", kind: "status", status: 500, after: 1 }]);
    const err = await rejection(
      engineUpdate(order, created.id, created.outs, args({ areaCode: "919", quantity: 3, timeoutSeconds: 3 })),
    );
    ctx.emu.setFaults([]);
    const props = err.properties as Record<string, unknown> | undefined;
    expect(props, err.message).to.be.an("object");
    expect(props!.orderIds).to.have.length(2);
    expect(ordersPlaced()).to.equal(2);
    const { outs } = await engineUpdate(
      order,
      created.id,
      props!,
      args({ areaCode: "919", quantity: 3, timeoutSeconds: 3 }),
    );
    expect(outs.telephoneNumbers).to.have.length(3);
    expect(ordersPlaced()).to.equal(2);
    await order.delete!(created.id, outs);
    expect(inService()).to.deep.equal([]);
  });

  it("vacatedSlots is cleared once a loss is accepted, so a later scale-up appends and no surviving number moves", async () => {
    const created = await engineCreate(order, args({ areaCode: "919", quantity: 3 }));
    const tns = created.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(tns[1]);
    const refreshed = await order.read!(created.id, created.outs as never);
    const seen = refreshed.props as Record<string, unknown>;
    expect(seen.vacatedSlots).to.deep.equal([1]);
    // The user accepts the loss: quantity 2.
    const accepted = await engineUpdate(order, created.id, seen, args({ areaCode: "919", quantity: 2 }));
    expect(accepted.outs.vacatedSlots).to.deep.equal([]);
    expect(accepted.outs.telephoneNumbers).to.deep.equal([tns[0], tns[2]]);
    const grown = await engineUpdate(order, created.id, accepted.outs, args({ areaCode: "919", quantity: 3 }));
    const now = grown.outs.telephoneNumbers as string[];
    expect(now.slice(0, 2)).to.deep.equal([tns[0], tns[2]], "surviving numbers keep their index");
    expect(inService()).to.have.length(3);
    expect(ordersPlaced()).to.equal(2);
  });
});

async function waitUntil(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("PhoneNumberOrder typed errors, account and preview", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const args = (extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: "proj/test/numbers",
    ...extra,
  });
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;

  it("refresh, update and destroy with another account's credentials are refused and leave every number in service", async () => {
    const created = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    expect(created.outs.accountId).to.equal(account());
    process.env.BANDWIDTH_ACCOUNT_ID = "9900777";
    try {
      for (const call of [
        () => order.read!(created.id, created.outs as never),
        () => order.update!(created.id, created.outs as never, { ...created.inputs, quantity: 3 } as never),
        () => order.delete!(created.id, created.outs as never),
      ]) {
        const err = await rejection(call());
        expect(err).to.be.instanceOf(AccountMismatchError);
        expect(err.code).to.equal("ACCOUNT_MISMATCH");
        expect(err.message).to.include(account()).and.to.include("9900777");
      }
    } finally {
      process.env.BANDWIDTH_ACCOUNT_ID = account();
    }
    expect(inService()).to.deep.equal([...(created.outs.telephoneNumbers as string[])].sort());
    expect(ordersPlaced()).to.equal(1);
  });

  it("a FAILED order is an OrderFailedError with Bandwidth's error list and a next step, its class kept through the wrapper", async () => {
    const err = await rejection(engineCreate(order, args({ areaCode: "907", quantity: 5 })));
    expect(err).to.be.instanceOf(OrderFailedError);
    expect(err.code).to.equal("ORDER_FAILED");
    expect((err as unknown as OrderFailedError).errors.map((e) => e.code)).to.not.deep.equal([]);
    expect(err.nextStep).to.match(/partialAllowed/);
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(1);
  });

  it("a Bandwidth error on refresh keeps its class and code after the next step is added", async () => {
    const created = await engineCreate(order, args({ areaCode: "919" }));
    ctx.emu.setFaults([{ method: "GET", path: "/orders/", kind: "status", status: 500 }]);
    const err = await rejection(order.read!(created.id, { ...created.outs, pendingOrderIds: [created.id] } as never));
    ctx.emu.setFaults([]);
    expect(err).to.be.instanceOf(BandwidthError);
    expect(err.nextStep).to.be.a("string");
    expect(ordersPlaced()).to.equal(1);
    expect(inService()).to.have.length(1);
  });

  it("a rename's diff declares the numbers stable, so a preview does not show dependents replaced", async () => {
    const created = await engineCreate(order, args({ areaCode: "919" }));
    const checked = await order.check!(created.inputs, args({ areaCode: "919", name: "renamed" }));
    const diff = await order.diff!(created.id, created.outs, checked.inputs);
    expect(diff.changes).to.equal(true);
    expect(diff.replaces).to.deep.equal([]);
    expect(diff.stables).to.include.members(["telephoneNumbers", "e164Numbers"]);
    const grown = await order.diff!(created.id, created.outs, { ...checked.inputs, quantity: 2 });
    expect(grown.stables ?? []).to.not.include("telephoneNumbers");
    expect(ordersPlaced()).to.equal(1);
    expect(inService()).to.have.length(1);
  });

  it("an order POST answered 504 while the backend goes on: found by CustomerOrderId, exactly one order", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "status-after", status: 504, times: 1 }]);
    const created = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    expect(ordersPlaced()).to.equal(1);
    expect(created.outs.telephoneNumbers).to.have.length(2);
    expect(ctx.emu.requestLog().filter((r) => r.method === "POST" && /\/orders$/.test(r.path))).to.have.length(1);
  });
});
