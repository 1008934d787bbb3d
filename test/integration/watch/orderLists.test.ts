import { expect } from "chai";
import { InvalidRequestError } from "../../../provider/http/errors";
import { closeSharedPools } from "../../../provider/http/transport";
import { NumbersClient, nextCursor } from "../../../provider/numbers/client";
import { type CannedServer, reply, startCannedServer, uniqueAccount } from "../clients/cannedServer";
import { type StrictOrdersServer, startStrictOrdersServer } from "./strictOrdersServer";

// Bandwidth's orders-list reference (GET /accounts/{a}/orders): page and size required, page is a cursor (1, then the
// order id in <Links><next>), size <= 1000, status only complete|partial|failed|backordered (else 400, 15518),
// startdate/enddate yyyy-mm-dd, tn; the disconnects list answers 404 when empty.
describe("orders and disconnects lists on Bandwidth's documented query", function () {
  this.timeout(10_000);
  let server: StrictOrdersServer | CannedServer | undefined;
  const client = (url: string) =>
    new NumbersClient({
      dashboardUrl: `${url}/api`,
      accountId: uniqueAccount(),
      auth: { kind: "basic", username: "user", password: "pw" },
      transport: { baseDelayMs: 5, maxDelayMs: 20 },
    });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => closeSharedPools());

  it("follows the <Links><next> cursor instead of numbering pages", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    for (const id of ["a1", "b2", "c3", "d4", "e5"]) s.orders.set(id, { id, status: "COMPLETE", date: "2026-11-20" });
    const rows = await client(s.url).listOrders({ size: 2 });
    expect(rows.map((r) => r.orderId)).to.deep.equal(["a1", "b2", "c3", "d4", "e5"]);
    expect(s.refused).to.deep.equal([]);
    const pages = s.lists().map((r) => new URL(r.url, "http://x").searchParams.get("page"));
    expect(pages).to.deep.equal(["1", "c3", "e5"]);
    expect(s.lists().every((r) => new URL(r.url, "http://x").searchParams.get("size") === "2")).to.equal(true);
  });

  it("refuses a status the list does not take, such as RECEIVED, before sending anything", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    const err = await client(s.url)
      .listOrders({ status: "RECEIVED" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).to.be.instanceOf(InvalidRequestError);
    expect(String((err as Error).message)).to.match(/complete, partial, failed or backordered/);
    expect(s.requests).to.have.length(0);
  });

  it("sends size always and the date, tn and status filters as documented", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    s.orders.set("x1", { id: "x1", status: "FAILED", date: "2026-11-21" });
    s.orders.set("x2", { id: "x2", status: "COMPLETE", date: "2026-11-21" });
    s.orders.set("x0", { id: "x0", status: "FAILED", date: "2026-10-01" });
    const rows = await client(s.url).listOrders({
      status: ["failed"],
      startDate: "2026-11-01",
      endDate: "2026-11-30",
      tn: "+19195551234",
    });
    expect(rows.map((r) => [r.orderId, r.status])).to.deep.equal([["x1", "FAILED"]]);
    const q = new URL(s.lists()[0].url, "http://x").searchParams;
    expect(Object.fromEntries(q)).to.deep.equal({
      page: "1",
      size: "1000",
      status: "failed",
      startdate: "2026-11-01",
      enddate: "2026-11-30",
      tn: "9195551234",
    });
  });

  it("reads each row's own OrderStatus, whatever it is", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    s.orders.set("p1", { id: "p1", status: "RECEIVED", date: "2026-11-22" });
    s.orders.set("p2", { id: "p2", status: "PROCESSING", date: "2026-11-22" });
    s.orders.set("p3", { id: "p3", status: "PARTIAL", date: "2026-11-22" });
    const rows = await client(s.url).listOrders({ startDate: "2026-11-21" });
    expect(rows.map((r) => r.status)).to.deep.equal(["RECEIVED", "PROCESSING", "PARTIAL"]);
  });

  it("takes a 404 answer as an empty orders list and an empty disconnects list", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    expect(await client(s.url).listOrders({ customerOrderId: "nothing-here" })).to.deep.equal([]);
    expect(await client(s.url).listDisconnects({ customerOrderId: "nothing-here" })).to.deep.equal([]);
    expect(s.lists()).to.have.length(2);
  });

  it("takes a 204 answer as an empty list", async () => {
    server = await startCannedServer((_req, res) => reply(res, 204));
    expect(await client(server.url).listOrders({ customerOrderId: "c" })).to.deep.equal([]);
  });

  it("lists disconnects with their capitalised OrderId and their own status", async () => {
    const s = await startStrictOrdersServer();
    server = s;
    s.disconnects.set("d1", { id: "d1", status: "COMPLETE", date: "2026-11-22", customerOrderId: "c-1" });
    const rows = await client(s.url).listDisconnects({ customerOrderId: "c-1" });
    expect(rows.map((r) => [r.orderId, r.status, r.customerOrderId])).to.deep.equal([["d1", "COMPLETE", "c-1"]]);
  });

  it("takes the next cursor from the link's page parameter", () => {
    expect(
      nextCursor('Link=<https://api.bandwidth.com/api/accounts/1/orders?page=7093ae&size=100>;rel="next";'),
    ).to.equal("7093ae");
    expect(nextCursor(undefined)).to.equal(undefined);
  });
});
