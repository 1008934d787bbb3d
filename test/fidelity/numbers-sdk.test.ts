import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";

/** The slice of Bandwidth's official SDK (`@bandwidth/numbers`, untyped JavaScript) this test drives. */
interface NumbersSdk {
  Client: new (
    accountId: string,
    userName: string,
    password: string,
    clientId: string | undefined,
    clientSecret: string | undefined,
    options: { apiEndPoint: string },
  ) => unknown;
  AvailableNumbers: { listAsync(client: unknown, query: Record<string, unknown>): Promise<SdkValue> };
  Order: {
    createAsync(client: unknown, order: Record<string, unknown>): Promise<SdkValue>;
    getAsync(client: unknown, id: string): Promise<SdkValue>;
  };
  Disconnect: {
    createAsync(client: unknown, name: string, numbers: string[]): Promise<SdkValue>;
    getAsync(client: unknown, id: string, query: Record<string, unknown>): Promise<SdkValue>;
  };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK returns xml2js objects whose shape is what this test checks
type SdkValue = any;

// the SDK ships no type declarations, so it is loaded untyped and described by the interface above
const sdk = require("@bandwidth/numbers") as NumbersSdk;

/** The SDK turns a one-element list into a scalar; normalise to an array. */
function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

async function poll(read: () => Promise<SdkValue>): Promise<SdkValue> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (value.orderStatus !== "RECEIVED") return value;
    if (Date.now() > deadline) throw new Error("still RECEIVED");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("fidelity: Bandwidth's official @bandwidth/numbers SDK against the emulator", () => {
  let emu: RunningEmulator;
  let client: unknown;
  before(async () => {
    // Numbers stay Disconnected (not yet Aging) until the test has read them, however slow the machine.
    emu = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 60_000 });
    const c = emu.credentials;
    client = new sdk.Client(c.accountId, c.username, c.password, undefined, undefined, {
      apiEndPoint: emu.dashboardUrl,
    });
  });
  after(() => emu.close());

  it("searches, orders, reads the order, disconnects and reads the disconnect, agreeing with the model", async () => {
    const accountId = emu.credentials.accountId;

    const search = await sdk.AvailableNumbers.listAsync(client, { areaCode: "910", quantity: 2 });
    const found = list<string>(search.telephoneNumberList.telephoneNumber);
    expect(search.resultCount).to.equal(2);
    expect(found).to.have.length(2);
    for (const tn of found) expect(emu.model.tn(tn)?.status).to.equal("Available");

    const created = await sdk.Order.createAsync(client, {
      name: "fidelity order",
      siteId: emu.credentials.siteId,
      peerId: emu.credentials.peerId,
      partialAllowed: false,
      existingTelephoneNumberOrderType: { telephoneNumberList: { telephoneNumber: found } },
    });
    const orderId: string = created.order.id;
    expect(created.orderStatus).to.equal("RECEIVED");
    expect(emu.model.getOrder(accountId, orderId).name).to.equal("fidelity order");

    const order = await poll(() => sdk.Order.getAsync(client, orderId));
    const modelOrder = emu.model.getOrder(accountId, orderId);
    expect(order.orderStatus).to.equal(modelOrder.status).and.to.equal("COMPLETE");
    expect(order.completedQuantity).to.equal(modelOrder.completedNumbers.length);
    const completed = list<{ fullNumber: string }>(order.completedNumbers.telephoneNumber).map((t) => t.fullNumber);
    expect(completed.sort()).to.deep.equal([...modelOrder.completedNumbers].sort());
    expect(completed.sort()).to.deep.equal([...found].sort());
    expect(order.createdByUser).to.equal(modelOrder.createdByUser);
    expect(String(order.order.siteId)).to.equal(modelOrder.siteId);
    expect(order.order).not.to.have.property("id");
    expect(emu.model.numbersInService(accountId)).to.deep.equal([...found].sort());

    const disconnect = await sdk.Disconnect.createAsync(client, "fidelity teardown", found);
    const disconnectId: string = disconnect.orderRequest.id;
    expect(disconnect.orderStatus).to.equal("RECEIVED");
    expect(emu.model.getDisconnect(accountId, disconnectId).name).to.equal("fidelity teardown");

    const done = await poll(() => sdk.Disconnect.getAsync(client, disconnectId, {}));
    const modelDisconnect = emu.model.getDisconnect(accountId, disconnectId);
    expect(done.orderStatus).to.equal(modelDisconnect.status).and.to.equal("COMPLETE");
    const disconnected = list<string>(done.disconnectedTelephoneNumberList.telephoneNumber);
    expect(disconnected.sort()).to.deep.equal([...modelDisconnect.disconnected].sort());
    expect(
      list<string>(done.orderRequest.disconnectTelephoneNumberOrderType.telephoneNumberList.telephoneNumber).sort(),
    ).to.deep.equal([...found].sort());
    expect(emu.model.numbersInService(accountId)).to.deep.equal([]);
    for (const tn of found) expect(emu.model.tn(tn)?.status).to.equal("Disconnected");
  });
});
