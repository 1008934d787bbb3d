import { expect } from "chai";
import type { NumbersClient, OrderListFilter } from "../../../provider/numbers/client";
import type { OrderSummary } from "../../../provider/numbers/types";
import { CustomerOrderIdLookup, forgetOrderViews } from "../../../provider/numbers/watch";

/** A client whose orders list answers only when the test opens the gate, so a test can act while it is in flight. */
function gatedClient(rows: () => OrderSummary[]) {
  const calls: OrderListFilter[] = [];
  let open: (() => void) | undefined;
  const listOrders = async (f: OrderListFilter = {}) => {
    calls.push(f);
    const snapshot = rows();
    await new Promise<void>((r) => (open = r));
    return f.customerOrderId ? snapshot.filter((o) => o.customerOrderId === f.customerOrderId) : snapshot;
  };
  const client = {
    listOrders,
    listOrderPages: async (f: OrderListFilter = {}) => ({ orders: await listOrders(f), complete: true }),
  } as unknown as NumbersClient;
  const release = async () => {
    while (!open) await new Promise((r) => setTimeout(r, 1));
    const o = open;
    open = undefined;
    o();
  };
  return { client, calls, release };
}

const row = (orderId: string, customerOrderId: string): OrderSummary => ({
  orderId,
  customerOrderId,
  status: "RECEIVED",
  countOfTNs: 0,
});

describe("the process's view of the account's orders (CustomerOrderId lookups)", () => {
  it("a list requested before an order POST of unknown outcome never becomes the view", async () => {
    const account: OrderSummary[] = [row("o1", "cust-a")];
    const { client, calls, release } = gatedClient(() => [...account]);
    const lookup = new CustomerOrderIdLookup(client);
    const first = Promise.all([lookup.find("cust-a"), lookup.find("cust-b")]);
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 1));
    // While the list is in flight another create's POST loses its answer; its order lands after the list was taken.
    lookup.forget();
    account.push(row("o2", "cust-b"));
    await release();
    const [a, b] = await first;
    expect([a.map((o) => o.orderId), b]).to.deep.equal([["o1"], []]);
    // Had the in-flight list become the view, this lookup would be answered from it without o2.
    const next = lookup.find("cust-b");
    await release();
    expect((await next).map((o) => o.orderId)).to.deep.equal(["o2"]);
    expect(calls).to.have.length(2);
  });

  it("an order this process places while the view's list is in flight is in the view", async () => {
    const { client, release } = gatedClient(() => [row("o1", "cust-a")]);
    const lookup = new CustomerOrderIdLookup(client);
    const first = Promise.all([lookup.find("cust-a"), lookup.find("cust-b")]);
    await new Promise((r) => setTimeout(r, 30));
    lookup.record(row("mine", "cust-c"));
    await release();
    await first;
    expect((await lookup.find("cust-c")).map((o) => o.orderId)).to.deep.equal(["mine"]);
  });

  it("forgetOrderViews starts every lookup afresh, as a new provider process does", async () => {
    const { client, calls, release } = gatedClient(() => [row("o1", "cust-a")]);
    const lookup = new CustomerOrderIdLookup(client);
    const first = Promise.all([lookup.find("cust-a"), lookup.find("cust-b")]);
    await release();
    await first;
    lookup.record(row("mine", "cust-c"));
    forgetOrderViews();
    // A lone first lookup of the new epoch uses the per-id filter, and nothing of the old epoch answers it.
    const next = lookup.find("cust-c");
    await release();
    expect(await next).to.deep.equal([]);
    expect(calls.map((f) => f.customerOrderId)).to.deep.equal([undefined, "cust-c"]);
  });
});
