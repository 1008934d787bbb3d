import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { basic, fastEmulator, numbersCall, orderNumbers, orderXml, tag, voiceCall } from "./calls";

describe("emulator: rate limits", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await fastEmulator({ rateLimits: { SEARCH: { perMinute: 60, burst: 2 }, V1: { perMinute: 60, burst: 1 } } });
  });
  after(() => emu.close());

  it("answers the Numbers API's 429 with an empty body and X-RateLimit-Reset in epoch seconds", async () => {
    const path = `/accounts/${emu.credentials.accountId}/availableNumbers?areaCode=910&quantity=1`;
    expect((await numbersCall(emu, "GET", path)).status).to.equal(200);
    expect((await numbersCall(emu, "GET", path)).status).to.equal(200);
    const limited = await numbersCall(emu, "GET", path);
    expect(limited.status).to.equal(429);
    expect(limited.body).to.equal("");
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    const nowSeconds = Date.now() / 1000;
    expect(reset).to.be.within(nowSeconds - 1, nowSeconds + 5);
  });

  it("answers v1's 429 with the JSON rate-limit-reached body and X-RateLimit-Reset in epoch ms", async () => {
    const path = `/v1/users/${emu.credentials.userId}/phoneNumbers`;
    expect((await voiceCall(emu, "GET", path)).status).to.equal(200);
    const limited = await voiceCall(emu, "GET", path);
    expect(limited.status).to.equal(429);
    expect(JSON.parse(limited.body)).to.include({ category: "too-many-requests", code: "rate-limit-reached" });
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset).to.be.within(Date.now() - 1000, Date.now() + 5000);
  });

  it("keeps other categories unaffected and lifts every limit with setRateLimits(false)", async () => {
    const list = await numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/orders?page=1&size=10`);
    expect(list.status).to.not.equal(429);
    emu.setRateLimits(false);
    for (let i = 0; i < 5; i++) {
      const res = await numbersCall(
        emu,
        "GET",
        `/accounts/${emu.credentials.accountId}/availableNumbers?areaCode=910&quantity=1`,
      );
      expect(res.status).to.equal(200);
    }
  });
});

describe("emulator: fault injection", () => {
  let emu: RunningEmulator;
  let ordersPath: string;
  before(async () => {
    emu = await fastEmulator();
    ordersPath = `/accounts/${emu.credentials.accountId}/orders`;
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  const body = orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" });

  it("answers a status fault without processing, for `times` requests after `after`", async () => {
    emu.setFaults([{ method: "POST", path: "/orders$", kind: "status", status: 503, after: 1, times: 1 }]);
    expect((await numbersCall(emu, "POST", ordersPath, body)).status).to.equal(201);
    expect((await numbersCall(emu, "POST", ordersPath, body)).status).to.equal(503);
    expect((await numbersCall(emu, "POST", ordersPath, body)).status).to.equal(201);
    expect(emu.model.listOrders(emu.credentials.accountId)).to.have.length(2);
    const faulted = emu.requestLog().filter((r) => r.fault);
    expect(faulted.map((r) => r.fault)).to.deep.equal(["status:503"]);
  });

  it("resets the socket before processing: the client errors and no order exists", async () => {
    emu.setFaults([{ path: "/orders$", kind: "reset-before", times: 1 }]);
    let failed = false;
    await numbersCall(emu, "POST", ordersPath, body).catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);
    expect(emu.model.listOrders(emu.credentials.accountId)).to.have.length(0);
    expect(emu.requestLog().at(-1)?.fault).to.equal("reset-before");
  });

  it("resets the socket after processing: the client errors but the order exists", async () => {
    emu.setFaults([{ path: "/orders$", kind: "reset-after", times: 1 }]);
    let failed = false;
    await numbersCall(emu, "POST", ordersPath, body).catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);
    expect(emu.model.listOrders(emu.credentials.accountId)).to.have.length(1);
    expect(emu.requestLog().at(-1)).to.include({ fault: "reset-after", status: 201 });
  });

  it("adds latency before processing", async () => {
    emu.setFaults([{ method: "GET", path: "/orders$", kind: "latency", latencyMs: 120 }]);
    const started = Date.now();
    const res = await numbersCall(emu, "GET", `${ordersPath}?page=1&size=10`);
    expect(res.status).to.equal(404); // the account has no order yet: an empty list
    expect(Date.now() - started).to.be.at.least(110);
    expect(emu.requestLog().at(-1)?.fault).to.equal("latency:120");
  });
});

describe("emulator: admin API", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await fastEmulator();
  });
  after(() => emu.close());

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/_emulator${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin replies are free-form JSON read by the assertions
    return { status: res.status, json: (await res.json()) as any };
  };

  it("reports per-account state and the request log since a sequence number", async () => {
    await orderNumbers(emu, "910", 2);
    const state = await admin("GET", "/state");
    expect(state.json.accounts[0]).to.include({ accountId: "9900001", inService: 2, orders: 1 });
    const all = (await admin("GET", "/requests")).json as Array<{ seq: number; api: string }>;
    const since = (await admin("GET", `/requests?since=${all[0].seq}`)).json as Array<{ seq: number }>;
    expect(since[0].seq).to.equal(all[1].seq);
    expect(since.every((r) => r.seq > all[0].seq)).to.equal(true);
    expect(all[0].api).to.equal("numbers");
  });

  it("sets faults, delays and rate limits, and clears faults", async () => {
    expect((await admin("PUT", "/faults", [{ path: "/orders$", kind: "status", status: 500 }])).status).to.equal(200);
    const list = `/accounts/${emu.credentials.accountId}/orders?page=1&size=10`;
    expect((await numbersCall(emu, "GET", list)).status).to.equal(500);
    expect((await admin("DELETE", "/faults")).json).to.deep.equal([]);
    expect((await numbersCall(emu, "GET", list)).status).to.be.oneOf([200, 404]); // no longer the fault
    expect((await admin("PUT", "/delays", { orderDelayMs: 33 })).json.orderDelayMs).to.equal(33);
    expect((await admin("PUT", "/ratelimits", { ORDER: { perMinute: 1, burst: 1 } })).json.ORDER.burst).to.equal(1);
    expect((await admin("PUT", "/ratelimits", false)).json).to.equal(false);
    expect((await admin("PUT", "/faults", [{ path: "(", kind: "status", status: 500 }])).status).to.equal(400);
  });

  it("disconnects a number behind the provider's back and restocks inventory", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const res = await admin("POST", `/tns/${tn}/disconnect`);
    expect(res.json.status).to.equal("Disconnected");
    expect(emu.model.isInService(emu.credentials.accountId, tn)).to.equal(false);
    const restocked = await admin("POST", "/restock", { areaCode: "907", quantity: 2 });
    expect(restocked.json.added).to.have.length(2);
    const search = await numbersCall(
      emu,
      "GET",
      `/accounts/${emu.credentials.accountId}/availableNumbers?areaCode=907`,
    );
    expect(tag(search.body, "ResultCount")).to.equal("5");
  });

  it("resets to the seeded state and clears the log", async () => {
    await orderNumbers(emu, "910", 1);
    const reset = await admin("POST", "/reset");
    expect(reset.json.accounts[0]).to.include({ inService: 0, orders: 0, imported: 0, disconnects: 0 });
    expect(emu.requestLog().length).to.be.at.most(1);
  });

  it("answers a non-loopback peer with 403", async () => {
    // only reachable through a non-loopback address; skip when the host has none
    const { networkInterfaces } = await import("node:os");
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (!external) return;
    const other = await fastEmulator({ host: "0.0.0.0" });
    try {
      const res = await fetch(`http://${external.address}:${other.port}/_emulator/state`);
      expect(res.status).to.equal(403);
      const local = await fetch(`http://127.0.0.1:${other.port}/_emulator/state`);
      expect(local.status).to.equal(200);
    } finally {
      await other.close();
    }
  });

  it("serves the Numbers API under /api/v1 too, with Locations under the same prefix", async () => {
    const res = await fetch(`${emu.url}/api/v1/accounts/${emu.credentials.accountId}/orders`, {
      method: "POST",
      headers: { Authorization: basic("demo", "demo-password") },
      body: orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "1" }),
    });
    expect(res.status).to.equal(201);
    expect(res.headers.get("location")).to.match(new RegExp(`^${emu.url}/api/v1/accounts/9900001/orders/`));
  });
});
