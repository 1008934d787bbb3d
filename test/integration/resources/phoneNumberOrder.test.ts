import { expect } from "chai";
import { getAvailableNumbers, providers } from "../../../provider";
import { NumbersClient } from "../../../provider/numbers";
import { emulatorSuite, engineCreate, engineUpdate, rejection, useEmulator } from "./support";

const order = providers.phoneNumberOrder;
const voice = providers.voiceImport;

describe("PhoneNumberOrder against the emulator", function () {
  this.timeout(20_000);
  const ctx = emulatorSuite();
  const args = (extra: Record<string, unknown> = {}) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: "proj/test/numbers",
    ...extra,
  });
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account()).sort();
  const ordersPlaced = () => ctx.emu.model.listOrders(account()).length;
  const numbersClient = () =>
    new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });

  it("create orders by area code, polls to COMPLETE and outputs the numbers in both forms", async () => {
    const { id, outs } = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    expect(outs.orderStatus).to.equal("COMPLETE");
    expect(outs.orderIds).to.deep.equal([id]);
    expect(outs.orderType).to.equal("AreaCodeSearchAndOrderType");
    const tns = outs.telephoneNumbers as string[];
    expect(tns).to.have.length(2);
    expect(tns.every((tn) => /^919\d{7}$/.test(tn))).to.equal(true);
    expect(outs.e164Numbers).to.deep.equal(tns.map((tn) => `+1${tn}`));
    expect(inService()).to.deep.equal([...tns].sort());
    expect(ctx.progress.some((l) => l.includes("COMPLETE"))).to.equal(true, "progress lines report the status");
  });

  it("create orders specific numbers given in E.164 and holds exactly those", async () => {
    const available = (await getAvailableNumbers({ areaCode: "828", quantity: 2 })).map((n) => n.telephoneNumber);
    const { outs } = await engineCreate(order, args({ telephoneNumbers: available.map((tn) => `+1${tn}`) }));
    expect(outs.orderType).to.equal("ExistingTelephoneNumberOrderType");
    expect([...(outs.telephoneNumbers as string[])].sort()).to.deep.equal([...available].sort());
  });

  it("a FAILED order is an error quoting Bandwidth's code, and leaves nothing in service", async () => {
    const err = await rejection(engineCreate(order, args({ areaCode: "907", quantity: 5 })));
    expect(err.message).to.match(/FAILED/);
    expect(err.message).to.match(/\d{4}/, "the error code is quoted");
    expect(inService()).to.deep.equal([]);
  });

  it("a PARTIAL order with partialAllowed keeps what it got and lists the shortfall", async () => {
    const { outs } = await engineCreate(order, args({ areaCode: "907", quantity: 5, partialAllowed: true }));
    expect(outs.orderStatus).to.equal("PARTIAL");
    expect(outs.telephoneNumbers).to.have.length(3);
  });

  it("quantity 2 → 3 → 1 places one extra order, then one disconnect, never a replace", async () => {
    const first = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    const up = await engineUpdate(order, first.id, first.outs, args({ areaCode: "919", quantity: 3 }));
    expect(up.diff.replaces).to.deep.equal([]);
    expect(up.outs.telephoneNumbers).to.have.length(3);
    expect(up.outs.orderIds).to.have.length(2);
    expect(ordersPlaced()).to.equal(2);
    const down = await engineUpdate(order, first.id, up.outs, args({ areaCode: "919", quantity: 1 }));
    expect(down.diff.replaces).to.deep.equal([]);
    expect(down.outs.telephoneNumbers).to.deep.equal((up.outs.telephoneNumbers as string[]).slice(0, 1));
    expect(inService()).to.deep.equal(down.outs.telephoneNumbers);
    expect(ctx.emu.model.listDisconnects(account())).to.have.length(1);
    expect(ordersPlaced()).to.equal(2);
  });

  it("adding and removing specific numbers orders and disconnects just those", async () => {
    const [a, b, c] = (await getAvailableNumbers({ areaCode: "540", quantity: 3 })).map((n) => n.telephoneNumber);
    const first = await engineCreate(order, args({ telephoneNumbers: [a, b] }));
    const next = await engineUpdate(order, first.id, first.outs, args({ telephoneNumbers: [b, c] }));
    expect([...(next.outs.telephoneNumbers as string[])].sort()).to.deep.equal([b, c].sort());
    expect(inService()).to.deep.equal([b, c].sort());
  });

  it("renaming updates every order in place with no new order", async () => {
    const first = await engineCreate(order, args({ areaCode: "919", name: "before" }));
    const renamed = await engineUpdate(order, first.id, first.outs, args({ areaCode: "919", name: "after <&>" }));
    expect(renamed.outs.name).to.equal("after <&>");
    expect(ctx.emu.model.getOrder(account(), first.id).name).to.equal("after <&>");
    expect(ordersPlaced()).to.equal(1);
  });

  it("a changed wait option is an update that makes no request", async () => {
    const first = await engineCreate(order, args({ areaCode: "919" }));
    const before = ctx.emu.requestLog().length;
    const up = await engineUpdate(order, first.id, first.outs, args({ areaCode: "919", timeoutSeconds: 60 }));
    expect(up.diff.changes).to.equal(true);
    expect(up.outs.timeoutSeconds).to.equal(60);
    expect(ctx.emu.requestLog().length).to.equal(before);
  });

  it("refresh drops a number disconnected behind Pulumi's back; the next up restores the quantity", async () => {
    const first = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    const [lost, kept] = first.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(lost);
    const read = await order.read!(first.id, first.outs);
    expect(read.id).to.equal(first.id);
    expect(read.props!.telephoneNumbers).to.deep.equal([kept]);
    const up = await engineUpdate(order, first.id, read.props!, args({ areaCode: "919", quantity: 2 }));
    expect(up.outs.telephoneNumbers).to.have.length(2);
    expect(inService()).to.have.length(2);
  });

  it("a number lost in the middle is replaced in its own position, so every other number keeps its index", async () => {
    const first = await engineCreate(order, args({ areaCode: "919", quantity: 3 }));
    const [a, lost, c] = first.outs.telephoneNumbers as string[];
    ctx.emu.model.disconnectBehindTheBack(lost);
    const read = await order.read!(first.id, first.outs);
    expect(read.props!.telephoneNumbers).to.deep.equal([a, c]);
    expect(read.props!.vacatedSlots).to.deep.equal([1]);
    const up = await engineUpdate(order, first.id, read.props!, args({ areaCode: "919", quantity: 3 }));
    const after = up.outs.telephoneNumbers as string[];
    expect(after).to.have.length(3);
    expect([after[0], after[2]]).to.deep.equal([a, c]);
    // The refill may even be the lost number itself, recycled by then: what matters is that it is held again.
    expect(inService()).to.include(after[1]);
    expect(up.outs.vacatedSlots).to.deep.equal([]);
  });

  it("refresh reports the resource gone when none of its numbers is in service", async () => {
    const first = await engineCreate(order, args({ areaCode: "919" }));
    ctx.emu.model.disconnectBehindTheBack((first.outs.telephoneNumbers as string[])[0]);
    const read = await order.read!(first.id, first.outs);
    expect(read.id ?? "").to.equal("");
  });

  it("an order slower than timeoutSeconds keeps the resource with a resume hint, and the next up resumes it", async () => {
    ctx.emu.setDelays({ orderDelayMs: 1500 });
    const err = await rejection(engineCreate(order, args({ areaCode: "919", timeoutSeconds: 1 })));
    expect(err.message).to.match(/run `pulumi up` again to resume/);
    expect(err.id).to.be.a("string");
    const props = err.properties as Record<string, unknown>;
    expect(props.pendingOrderIds).to.deep.equal([err.id]);
    const resumed = await engineUpdate(order, err.id as string, props, args({ areaCode: "919", timeoutSeconds: 10 }));
    expect(resumed.outs.orderStatus).to.equal("COMPLETE");
    expect(resumed.outs.pendingOrderIds).to.deep.equal([]);
    expect(resumed.outs.telephoneNumbers).to.have.length(1);
    expect(ordersPlaced()).to.equal(1);
  });

  it("an order whose response is lost after it was processed is found by CustomerOrderId, not placed twice", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/orders$", kind: "reset-after", times: 1 }]);
    const { outs } = await engineCreate(order, args({ areaCode: "919" }));
    expect(outs.orderStatus).to.equal("COMPLETE");
    expect(ordersPlaced()).to.equal(1);
  });

  it("a create that failed after placing its order adopts it on the next up instead of ordering again", async () => {
    const checked = await order.check!({}, args({ areaCode: "919" }));
    const inputs = checked.inputs as Record<string, unknown>;
    await numbersClient().createOrder({
      name: "earlier attempt",
      siteId: ctx.emu.credentials.siteId,
      customerOrderId: inputs.customerOrderId as string,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "919", quantity: 1 },
    });
    const { outs } = await engineCreate(order, args({ areaCode: "919" }));
    expect(outs.telephoneNumbers).to.have.length(1);
    expect(ordersPlaced()).to.equal(1);
  });

  it("adoptOrderId manages an existing order's numbers and disconnects them on delete", async () => {
    const placed = await numbersClient().createOrder({
      name: "made elsewhere",
      siteId: ctx.emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "910", quantity: 2 },
    });
    const { id, outs } = await engineCreate(order, {
      siteId: ctx.emu.credentials.siteId,
      adoptOrderId: placed.orderId,
    });
    expect(id).to.equal(placed.orderId);
    expect(outs.telephoneNumbers).to.have.length(2);
    await order.delete!(id, outs);
    expect(inService()).to.deep.equal([]);
    expect(ordersPlaced()).to.equal(1);
  });

  it("delete un-imports imported numbers before the disconnect that contains them, polled to COMPLETE", async () => {
    const { id, outs } = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    for (const e164 of outs.e164Numbers as string[]) await engineCreate(voice, { number: e164 });
    await order.delete!(id, outs);
    const log = ctx.emu.requestLog();
    const disconnectAt = log.findIndex((r) => r.method === "POST" && r.path.endsWith("/disconnects"));
    expect(disconnectAt).to.be.greaterThan(-1);
    const deletes = log.map((r, i) => ({ r, i })).filter(({ r }) => r.method === "DELETE");
    expect(deletes).to.have.length(2);
    expect(deletes.every(({ i }) => i < disconnectAt)).to.equal(true);
    const polled = log.slice(disconnectAt).filter((r) => r.method === "GET" && r.path.includes("/disconnects/"));
    expect(polled.length).to.be.greaterThan(0);
    expect(inService()).to.deep.equal([]);
    expect(ctx.emu.model.listVoiceNumbers(ctx.emu.credentials.userId)).to.deep.equal([]);
  });

  it("after its VoiceImports were destroyed, the order's delete asks v1 nothing about their numbers", async () => {
    const { id, outs } = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    const imports = [];
    for (const e164 of outs.e164Numbers as string[]) imports.push(await engineCreate(voice, { number: e164 }));
    for (const imp of imports) await voice.delete!(imp.id, imp.outs);
    const start = ctx.emu.requestLog().length;
    await order.delete!(id, outs);
    expect(
      ctx.emu
        .requestLog()
        .slice(start)
        .filter((r) => r.api === "voice"),
    ).to.deep.equal([]);
    expect(inService()).to.deep.equal([]);
  });

  it("delete counts numbers already disconnected behind Pulumi's back as done", async () => {
    const { id, outs } = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    ctx.emu.model.disconnectBehindTheBack((outs.telephoneNumbers as string[])[0]);
    await order.delete!(id, outs);
    expect(inService()).to.deep.equal([]);
  });

  it("a failed disconnect keeps the resource; the next destroy retries and finishes", async () => {
    const { id, outs } = await engineCreate(order, args({ areaCode: "919", quantity: 2 }));
    ctx.emu.setFaults([{ method: "POST", path: "/disconnects$", kind: "status", status: 400, times: 1 }]);
    await rejection(order.delete!(id, outs));
    expect(inService()).to.have.length(2);
    await order.delete!(id, outs);
    expect(inService()).to.deep.equal([]);
  });

  it("delete closes a backorder so it can never fill and bill later", async () => {
    const err = await rejection(
      engineCreate(order, args({ areaCode: "907", quantity: 5, backOrderRequested: true, timeoutSeconds: 1 })),
    );
    const props = err.properties as Record<string, unknown>;
    expect(props.orderStatus).to.equal("BACKORDERED");
    await order.delete!(err.id as string, props);
    ctx.emu.model.restock("907", 10);
    await new Promise((r) => setTimeout(r, 200));
    expect(inService()).to.deep.equal([]);
  });

  it("a missing credential is a clear error naming the config key and the variable", async () => {
    delete process.env.BANDWIDTH_PASSWORD;
    const err = await rejection(engineCreate(order, args({ areaCode: "919" })));
    expect(err.message).to.match(/bandwidth:password \(or BANDWIDTH_PASSWORD\)/);
    useEmulator(ctx.emu);
  });
});
