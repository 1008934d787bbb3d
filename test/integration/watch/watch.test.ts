import { expect } from "chai";
import { closeSharedPools } from "../../../provider/http/transport";
import { NumbersClient } from "../../../provider/numbers/client";
import { CustomerOrderIdLookup, DisconnectBatcher, OrderWatcher } from "../../../provider/numbers/watch";
import { uniqueAccount } from "../clients/cannedServer";
import { type StrictOrdersServer, startStrictOrdersServer } from "./strictOrdersServer";

const today = () => new Date().toISOString().slice(0, 10);

// The watcher against a server that refuses what Bandwidth's list refuses (status=RECEIVED, numbered pages,
// missing page/size): its waits must work without one refused request.
describe("the shared order watcher on Bandwidth's documented list filters", function () {
  this.timeout(20_000);
  let s: StrictOrdersServer;
  let client: NumbersClient;

  beforeEach(async () => {
    s = await startStrictOrdersServer();
    client = new NumbersClient({
      dashboardUrl: `${s.url}/api`,
      accountId: uniqueAccount(),
      auth: { kind: "basic", username: "user", password: "pw" },
      transport: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 1 },
    });
  });
  afterEach(() => s.close());
  after(() => closeSharedPools());

  function place(ids: string[], status = "RECEIVED"): void {
    for (const id of ids) s.orders.set(id, { id, status, date: today(), completedNumbers: [] });
  }
  function complete(id: string, tn: string): void {
    s.orders.set(id, { id, status: "COMPLETE", date: today(), completedNumbers: [tn] });
  }

  it("waits for many orders with date-bounded lists and no refused query, reading each row's status", async () => {
    const ids = ["o1", "o2", "o3", "o4", "o5"];
    place(ids);
    const watcher = new OrderWatcher(client);
    const waits = ids.map((id) => watcher.wait(id, { deadlineMs: Date.now() + 10_000 }));
    setTimeout(() => ids.forEach((id, i) => complete(id, `91955500${i}0`)), 1_500);
    const results = await Promise.all(waits);
    expect(results.map((r) => [r.order.status, r.timedOut])).to.deep.equal(ids.map(() => ["COMPLETE", false]));
    expect(results.map((r) => r.order.completedNumbers[0])).to.deep.equal(ids.map((_, i) => `91955500${i}0`));
    expect(s.refused).to.deep.equal([]);
    expect(s.lists().length).to.be.greaterThan(0);
    for (const r of s.lists()) {
      const q = new URL(r.url, "http://x").searchParams;
      expect(q.get("status"), r.url).to.equal(null);
      expect(q.get("startdate"), r.url).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(q.get("page"), r.url).to.equal("1");
    }
    // While the list showed them RECEIVED, the orders were not read one by one on every look.
    expect(s.reads().length).to.be.lessThan(s.lists().length * ids.length);
  });

  it("keeps an order in a status it does not know pending until it is final", async () => {
    place(["u1"], "AWAITING_SOMETHING_NEW");
    const watcher = new OrderWatcher(client);
    let settled = false;
    const wait = watcher.wait("u1", { deadlineMs: Date.now() + 10_000 }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 800));
    expect(settled).to.equal(false);
    complete("u1", "9195550001");
    const { order, timedOut } = await wait;
    expect([order.status, timedOut]).to.deep.equal(["COMPLETE", false]);
  });

  it("falls back to reading each order when the list fails, and fails no waiter for it", async () => {
    const ids = ["f1", "f2", "f3", "f4"];
    place(ids);
    s.listFailsWith = 500;
    const watcher = new OrderWatcher(client);
    const waits = ids.map((id) => watcher.wait(id, { deadlineMs: Date.now() + 10_000 }));
    setTimeout(() => ids.forEach((id, i) => complete(id, `91955501${i}0`)), 1_200);
    const results = await Promise.all(waits);
    expect(results.map((r) => r.order.status)).to.deep.equal(ids.map(() => "COMPLETE"));
    expect(s.lists().length).to.be.greaterThan(0, "the list was tried");
  });

  it("lets no slow order read hold another waiter past its deadline", async () => {
    place(["slow", "quick"]);
    s.slowReads.set("slow", 4_000);
    const watcher = new OrderWatcher(client);
    const started = Date.now();
    const slow = watcher.wait("slow", { deadlineMs: Date.now() + 8_000 });
    const quick = watcher.wait("quick", { deadlineMs: Date.now() + 700 });
    const q = await quick;
    expect(q.timedOut).to.equal(true);
    expect(Date.now() - started).to.be.lessThan(1_500);
    complete("slow", "9195550002");
    s.slowReads.delete("slow");
    const sl = await slow;
    expect(sl.order.status).to.equal("COMPLETE");
  });

  it("disconnects several destroys in one order, and polls the next one first at the time it learned", async () => {
    s.disconnectMs = 600;
    const batcher = new DisconnectBatcher(client);
    const [a, b] = await Promise.all([
      batcher.disconnect(["9195550010"], { deadlineMs: Date.now() + 5_000 }),
      batcher.disconnect(["9195550011"], { deadlineMs: Date.now() + 5_000 }),
    ]);
    expect([a.disconnectId, b.disconnectId]).to.deep.equal(["dc1", "dc1"]);
    expect([a.status, a.disconnected, b.disconnected]).to.deep.equal(["COMPLETE", ["9195550010"], ["9195550011"]]);
    const learned = batcher.processing.typicalMs!;
    expect(learned).to.be.within(300, 900);
    const before = s.requests.length;
    const started = Date.now();
    const c = await batcher.disconnect(["9195550012"], { deadlineMs: Date.now() + 5_000 });
    expect(c.disconnected).to.deep.equal(["9195550012"]);
    const polls = s.requests.slice(before).filter((r) => r.method === "GET");
    expect(polls[0].at - started).to.be.at.least(learned * 0.9, "no poll before the learned time");
    expect(polls.length).to.be.at.most(3);
  });

  it("polls a disconnect placed behind an unlearned one only once that one has taught the processing time", async () => {
    s.disconnectMs = 1_500;
    const batcher = new DisconnectBatcher(client);
    const first = batcher.disconnect(["9195550020"], { deadlineMs: Date.now() + 10_000 });
    await new Promise((r) => setTimeout(r, 150));
    const second = batcher.disconnect(["9195550021"], { deadlineMs: Date.now() + 10_000 });
    const [a, b] = await Promise.all([first, second]);
    expect([a.disconnectId, b.disconnectId, a.disconnected, b.disconnected]).to.deep.equal([
      "dc1",
      "dc2",
      ["9195550020"],
      ["9195550021"],
    ]);
    const polls = (id: string) => s.requests.filter((r) => r.method === "GET" && r.url.endsWith(`/disconnects/${id}`));
    const firstDone = polls("dc1").at(-1)!.at;
    // The first polled on the unlearned schedule; the second not before the first was seen complete, then about once.
    expect(polls("dc1").length).to.be.greaterThan(5);
    expect(polls("dc2").every((r) => r.at >= firstDone)).to.equal(true);
    expect(polls("dc2").length).to.be.within(1, 3);
  });

  it("places at most one disconnect order per 100 ms under a stream of deletes, each carrying all asked meanwhile", async () => {
    s.disconnectMs = 100;
    const batcher = new DisconnectBatcher(client);
    const numbers = Array.from({ length: 50 }, (_, i) => `91955510${String(i).padStart(2, "0")}`);
    const started = Date.now();
    const outcomes = await Promise.all(
      numbers.map(async (tn, i) => {
        await new Promise((r) => setTimeout(r, i * 10));
        return batcher.disconnect([tn], { deadlineMs: Date.now() + 5_000 });
      }),
    );
    const elapsed = Date.now() - started;
    expect(outcomes.flatMap((o) => o.disconnected).sort()).to.deep.equal(numbers);
    const posts = s.requests.filter((r) => r.method === "POST").length;
    // 50 deletes over about 0.5 s: one order per gap, not one per delete.
    expect(posts).to.be.at.most(Math.ceil(elapsed / 100) + 1);
    expect(posts).to.be.lessThan(10);
  });

  it("lets no slow disconnect poll hold a caller past its deadline", async () => {
    s.disconnectMs = 100;
    s.slowReads.set("dc1", 4_000);
    const batcher = new DisconnectBatcher(client);
    const started = Date.now();
    const late = await batcher.disconnect(["9195550020"], { deadlineMs: Date.now() + 800 }).then(
      (r) => r,
      (e: Error) => e,
    );
    expect(Date.now() - started).to.be.lessThan(1_800);
    // No view of the disconnect came back in time: the caller learns that, not a made-up status.
    expect(late).to.be.instanceOf(Error);
    expect((late as Error).message).to.match(/dc1 was not read before the deadline/);
  });

  it("keeps an error that names no number apart from each caller's own errors", async () => {
    // A PARTIAL disconnect: one caller's number went, the other's did not, and one error names no number.
    s.disconnectMs = 100;
    s.disconnectOutcome = (numbers) => ({
      status: "PARTIAL",
      completedNumbers: numbers.filter((tn) => tn.endsWith("30")),
      errors: [
        { code: "5006", description: "could not be disconnected", telephoneNumber: "9195550031" },
        { code: "9999", description: "an error about the disconnect as a whole" },
      ],
    });
    const batcher = new DisconnectBatcher(client);
    const [done, failed] = await Promise.all([
      batcher.disconnect(["9195550030"], { deadlineMs: Date.now() + 5_000 }),
      batcher.disconnect(["9195550031"], { deadlineMs: Date.now() + 5_000 }),
    ]);
    expect([done.disconnected, done.errors.map((e) => e.code)]).to.deep.equal([["9195550030"], []]);
    expect([failed.disconnected, failed.errors.map((e) => e.code)]).to.deep.equal([[], ["5006"]]);
    for (const o of [done, failed]) expect(o.unattributed.map((e) => e.code)).to.deep.equal(["9999"]);
  });

  it("looks CustomerOrderIds up one by one when the list's rows carry none", async () => {
    s.orders.set("n1", { id: "n1", status: "COMPLETE", date: today() });
    s.orders.set("n2", { id: "n2", status: "COMPLETE", date: today() });
    const lookup = new CustomerOrderIdLookup(client);
    await Promise.all([lookup.find("cust-x"), lookup.find("cust-y")]);
    const filters = s.lists().map((r) => new URL(r.url, "http://x").searchParams.get("customerOrderId"));
    expect(filters.map(String).sort()).to.deep.equal(["cust-x", "cust-y", "null"]);
  });

  it("keeps one list as the process's view: lookups within its 10 s send nothing, then a list of the days since is merged in", async () => {
    const clock = { ms: 0 };
    s.orders.set("c1", { id: "c1", status: "COMPLETE", date: today(), customerOrderId: "cust-a" });
    const lookup = new CustomerOrderIdLookup(client, () => clock.ms);
    const firstListAt = Date.now();
    const [a, b] = await Promise.all([lookup.find("cust-a"), lookup.find("cust-b")]);
    expect([a.map((o) => o.orderId), b]).to.deep.equal([["c1"], []]);
    // This process's own order is in the view as soon as its POST is answered.
    lookup.record({ orderId: "c3", customerOrderId: "cust-c", status: "RECEIVED", countOfTNs: 0 });
    clock.ms += 9_000;
    const [again, own] = await Promise.all([lookup.find("cust-a"), lookup.find("cust-c")]);
    expect([again.map((o) => o.orderId), own.map((o) => o.orderId)]).to.deep.equal([["c1"], ["c3"]]);
    expect(s.lists()).to.have.length(1, "the view answered within its 10 s");
    // After them a lone lookup merges in the orders created since the day before the first list.
    s.orders.set("c2", { id: "c2", status: "RECEIVED", date: today(), customerOrderId: "cust-b" });
    clock.ms += 2_000;
    const [late, first, mine] = await Promise.all([
      lookup.find("cust-b"),
      lookup.find("cust-a"),
      lookup.find("cust-c"),
    ]);
    expect([late, first, mine].map((r) => r.map((o) => o.orderId))).to.deep.equal([["c2"], ["c1"], ["c3"]]);
    const queries = s.lists().map((r) => new URL(r.url, "http://x").searchParams);
    expect(queries).to.have.length(2);
    expect(queries[1].get("startdate")).to.equal(new Date(firstListAt - 86_400_000).toISOString().slice(0, 10));
    expect(queries.map((q) => q.get("customerOrderId"))).to.deep.equal([null, null]);
    expect(s.refused).to.deep.equal([]);
  });

  it("an order POST of unknown outcome drops the view: the next lookup, even a lone one, lists again", async () => {
    const lookup = new CustomerOrderIdLookup(client);
    await Promise.all([lookup.find("cust-a"), lookup.find("cust-b")]);
    // The lost answer's order reached Bandwidth after the view's list.
    s.orders.set("late", { id: "late", status: "RECEIVED", date: today(), customerOrderId: "cust-a" });
    lookup.forget();
    const found = await lookup.find("cust-a");
    expect(found.map((o) => o.orderId)).to.deep.equal(["late"]);
    const queries = s.lists().map((r) => new URL(r.url, "http://x").searchParams);
    expect(queries.map((q) => [q.get("customerOrderId"), q.get("startdate")])).to.deep.equal([
      [null, null],
      [null, null],
    ]);
  });

  it("does not take a list the page cap cut short for the whole account, however small its pages", async () => {
    // 12 orders on pages of one row: the shared list stops at its 10-page cap with a next page still named.
    for (let i = 1; i <= 12; i++) {
      s.orders.set(`p${i}`, { id: `p${i}`, status: "COMPLETE", date: today(), customerOrderId: `cust-${i}` });
    }
    s.rowsPerPage = 1;
    const lookup = new CustomerOrderIdLookup(client);
    const [first, last] = await Promise.all([lookup.find("cust-1"), lookup.find("cust-12")]);
    expect([first, last].map((r) => r.map((o) => o.orderId))).to.deep.equal([["p1"], ["p12"]]);
    const filters = s.lists().map((r) => new URL(r.url, "http://x").searchParams.get("customerOrderId"));
    expect(filters.filter((f) => f !== null).sort()).to.deep.equal(["cust-1", "cust-12"]);
    // The account's list cannot serve lookups: later ones do not pay for its ten pages again.
    const before = s.lists().length;
    await Promise.all([lookup.find("cust-2"), lookup.find("cust-3")]);
    const later = s.lists().slice(before);
    expect(later.map((r) => new URL(r.url, "http://x").searchParams.get("customerOrderId")).sort()).to.deep.equal([
      "cust-2",
      "cust-3",
    ]);
  });

  it("looks up many CustomerOrderIds with one list", async () => {
    s.orders.set("c1", { id: "c1", status: "COMPLETE", date: today(), customerOrderId: "cust-a" });
    s.orders.set("c2", { id: "c2", status: "RECEIVED", date: today(), customerOrderId: "cust-b" });
    const lookup = new CustomerOrderIdLookup(client);
    const [a, b, c] = await Promise.all([lookup.find("cust-a"), lookup.find("cust-b"), lookup.find("cust-c")]);
    expect([a.map((o) => o.orderId), b.map((o) => o.orderId), c]).to.deep.equal([["c1"], ["c2"], []]);
    expect(s.lists()).to.have.length(1);
    expect(s.refused).to.deep.equal([]);
  });
});
