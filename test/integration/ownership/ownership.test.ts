import { expect } from "chai";
import {
  CustomerOrderIdClashError,
  DisconnectPartialError,
  OrderStillPendingError,
  providers,
  ResourceInitError,
} from "../../../provider";
import { forgetOrderViews } from "../../../provider/numbers/watch";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "../resources/support";
import { inStackProcess } from "./stacks";

const order = providers.phoneNumberOrder;

/**
 * A number is a resource's only while Bandwidth says it is in service under one of the resource's own orders. Each
 * test drives the providers the engine's way (old outputs to delete and refresh) and counts orders, disconnects and
 * numbers in service in the emulator; the stacks that could share state run in processes of their own.
 */
describe("PhoneNumberOrder ownership: never release what is no longer this resource's", function () {
  this.timeout(60_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const args = (stack: string, extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: `proj/${stack}/line`,
    ...extra,
  });
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const disconnects = () => ctx.emu.model.listDisconnects(account());
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;

  beforeEach(() => {
    // Long enough a holding period that a disconnected number can be reconnected by another order of the account.
    ctx.emu.setDelays({ agingMs: 60_000 });
  });

  it("a number reconnected under another stack's order drops out of refresh, saying where, and the old outputs' destroy leaves it in service", async () => {
    const dev = await engineCreate(order, args("dev", { areaCode: "919" }));
    const [tn] = dev.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(tn);
    const prod = await engineCreate(order, args("prod", { telephoneNumbers: [tn] }));
    expect(prod.outs.telephoneNumbers).to.deep.equal([tn], "prod reconnected the number in its holding period");

    const refreshed = (await order.read!(dev.id, dev.outs as never)) as { id: string };
    expect(refreshed.id).to.equal("", "dev holds nothing any more: the resource is gone");
    expect(ctx.progress.join("\n")).to.include(`${tn} (in service under order ${prod.id}`);

    await order.delete!(dev.id, dev.outs as never); // a destroy on the outputs from before the refresh
    expect(disconnects()).to.have.length(1, "only the operator's disconnect: dev's destroy sent none");
    expect(inService()).to.deep.equal([tn], "prod's customers keep their line");
    expect(ctx.progress.join("\n")).to.include("not disconnecting 1 number(s) no longer this resource's");

    await order.delete!(prod.id, prod.outs as never);
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(2);
  });

  it("a destroy retried after a PARTIAL disconnect sends only the number left, from a new process", async () => {
    const { id, outs } = await engineCreate(order, args("dev", { areaCode: "919", quantity: 2 }));
    const [a, b] = outs.telephoneNumbers as string[];
    ctx.emu.model.holdDisconnects(b);
    const err = await rejection(order.delete!(id, outs as never));
    expect(err).to.be.instanceOf(DisconnectPartialError);
    expect(inService()).to.deep.equal([b]);

    ctx.emu.model.holdDisconnects(b, false);
    forgetOrderViews(); // the retry is another `pulumi destroy`: a new provider process knows no disconnect of its own
    await order.delete!(id, outs as never); // the engine kept the resource with its old outputs: both numbers
    const sent = disconnects().map((d) => [...d.numbers].sort());
    expect(sent).to.deep.equal([[a, b].sort(), [b]], "the retry disconnects only the number left");
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(1);
  });

  it("a scale-down never disconnects a surplus number now under another order, and keeps the rest", async () => {
    const dev = await engineCreate(order, args("dev", { areaCode: "919", quantity: 2 }));
    const [a, b] = dev.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(b);
    await engineCreate(order, args("prod", { telephoneNumbers: [b] }));
    const before = disconnects().length;

    const { outs } = await engineUpdate(order, dev.id, dev.outs, args("dev", { areaCode: "919", quantity: 1 }));
    expect(disconnects()).to.have.length(before, "the scale-down sent no disconnect");
    expect(outs.telephoneNumbers).to.deep.equal([a]);
    expect(inService()).to.deep.equal([a, b].sort());
  });

  it("a destroy proves many numbers with the account's disconnect list, not a read per number", async () => {
    const { id, outs } = await engineCreate(order, args("dev", { areaCode: "919", quantity: 20 }));
    const logged = ctx.emu.requestLog().length;
    await order.delete!(id, outs as never);
    const during = ctx.emu.requestLog().slice(logged);
    const reads = during.filter((r) => r.method === "GET" && /\/tns\/\d+$/.test(r.path));
    const lists = during.filter((r) => r.method === "GET" && /\/disconnects$/.test(r.path));
    expect(reads).to.have.length(0, "no number was read one by one");
    expect(lists).to.have.length(1);
    expect(inService()).to.deep.equal([]);
  });

  it("deletes after another process's disconnects read each of those once, together, and no number one by one", async () => {
    const mine = await Promise.all(["a", "b", "c"].map((n) => engineCreate(order, args(n, { areaCode: "919" }))));
    for (const n of ["x", "y"]) {
      const other = await engineCreate(order, args(n, { areaCode: "919" }));
      ctx.emu.model.disconnectBehindTheBack((other.outs.telephoneNumbers as string[])[0]);
    }
    forgetOrderViews(); // a `pulumi destroy` in a new process: every disconnect on the account is someone else's
    const logged = ctx.emu.requestLog().length;
    await Promise.all(mine.map((r) => order.delete!(r.id, r.outs as never)));
    const during = ctx.emu
      .requestLog()
      .slice(logged)
      .filter((r) => r.method === "GET");
    const reads = (re: RegExp) => during.filter((r) => re.test(r.path)).map((r) => r.path);
    const foreign = disconnects()
      .filter((d) => d.createdByUser === "operator")
      .map((d) => d.id);
    const foreignReads = reads(/\/disconnects\/[^/]+$/).filter((p) => foreign.some((id) => p.endsWith(id)));
    expect(foreignReads).to.have.length(2, "each foreign disconnect read once");
    expect(reads(/\/tns\/\d+$/)).to.deep.equal([], "no number read one by one");
    expect(inService()).to.deep.equal([]);
  });

  it("a destroy whose order is still processing at its deadline lets no number go, and the next destroy releases them", async () => {
    ctx.emu.setDelays({ orderDelayMs: 3_000 });
    const failed = await rejection(engineCreate(order, args("dev", { areaCode: "919", timeoutSeconds: 1 })));
    expect(failed).to.be.instanceOf(ResourceInitError);
    const kept = failed.properties as Record<string, unknown>;
    const err = await rejection(order.delete!(failed.id as string, kept as never));
    expect(err).to.be.instanceOf(OrderStillPendingError);
    expect((err as unknown as OrderStillPendingError).nextStep).to.include("pulumi destroy");
    expect(disconnects()).to.have.length(0);
    await new Promise((r) => setTimeout(r, 2_500));
    await order.delete!(failed.id as string, kept as never);
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(1);
  });

  it("two stacks in separate processes with one explicit customerOrderId never share an order: the second is refused before ordering", async () => {
    const same = { areaCode: "919", customerOrderId: "main-line" };
    const dev = await inStackProcess(ctx.emu, { op: "create", args: args("dev", same) });
    expect(dev.ok, JSON.stringify(dev.error)).to.equal(true);
    const prod = await inStackProcess(ctx.emu, { op: "create", args: args("prod", same) });
    expect(prod.ok).to.equal(false);
    expect(prod.error?.code).to.equal(new CustomerOrderIdClashError("x", "y", "z").code);
    expect(prod.error?.message).to.include(dev.result!.id!).and.include("adoptOrderId");
    expect(ordersPlaced()).to.equal(1, "nothing was ordered for prod");

    const gone = await inStackProcess(ctx.emu, { op: "delete", id: dev.result!.id, outs: dev.result!.outs });
    expect(gone.ok, JSON.stringify(gone.error)).to.equal(true);
    expect(inService()).to.deep.equal([]);
  });

  it("two stacks creating at once with one explicit customerOrderId hold no number in common, and each destroy leaves the other's in service", async () => {
    const same = { areaCode: "919", customerOrderId: "main-line" };
    const [dev, prod] = await Promise.all(
      ["dev", "prod"].map((stack) => inStackProcess(ctx.emu, { op: "create", args: args(stack, same) })),
    );
    const held = [dev, prod].filter((s) => s.ok);
    expect(held.length).to.be.greaterThan(0);
    for (const s of [dev, prod].filter((x) => !x.ok)) expect(s.error?.code).to.equal("CUSTOMER_ORDER_ID_CLASH");
    const numbersOf = (s: typeof dev) => (s.result?.outs?.telephoneNumbers as string[] | undefined) ?? [];
    expect(numbersOf(dev).filter((tn) => numbersOf(prod).includes(tn))).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(held.length, "one order per stack that holds numbers");

    for (const [i, s] of held.entries()) {
      const gone = await inStackProcess(ctx.emu, { op: "delete", id: s.result!.id, outs: s.result!.outs });
      expect(gone.ok, JSON.stringify(gone.error)).to.equal(true);
      const rest = held
        .slice(i + 1)
        .flatMap(numbersOf)
        .sort();
      expect(inService()).to.deep.equal(rest, "the other stack's numbers stay in service");
    }
  });
});
