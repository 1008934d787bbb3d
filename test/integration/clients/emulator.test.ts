import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import {
  ApiError,
  type BandwidthError,
  NotFoundError,
  TransportError,
  UnauthorizedError,
} from "../../../provider/http/errors";
import { closeSharedPools } from "../../../provider/http/transport";
import { NumbersClient } from "../../../provider/numbers/client";
import type { DisconnectInfo, OrderCriteria, OrderInfo } from "../../../provider/numbers/types";
import { pollUntil } from "../../../provider/poll";
import { VoiceClient } from "../../../provider/voice/client";

const FINAL_ORDER = new Set(["COMPLETE", "PARTIAL", "FAILED", "BACKORDERED"]);
const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 5_000 };

async function failure(p: Promise<unknown>): Promise<BandwidthError> {
  try {
    await p;
  } catch (err) {
    return err as BandwidthError;
  }
  throw new Error("expected the call to fail");
}

describe("clients against the project's emulator", function () {
  // The provider block of a v1 import: the emulated Dashboard account and its API User.
  const dashboard = () => ({
    accountId: emulator.credentials.accountId,
    userName: emulator.credentials.username,
    password: emulator.credentials.password,
  });
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let numbers: NumbersClient;
  let voice: VoiceClient;
  let siteId: string;
  let peerId: string;
  let orderSeq = 0;

  before(async () => {
    emulator = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 40, rateLimits: false });
    const c = emulator.credentials;
    siteId = c.siteId;
    peerId = c.peerId;
    numbers = new NumbersClient({
      dashboardUrl: emulator.dashboardUrl,
      accountId: c.accountId,
      auth: { kind: "basic", username: c.username, password: c.password },
      transport: FAST,
    });
    voice = new VoiceClient({
      voiceUrl: emulator.voiceUrl,
      userId: c.userId,
      apiToken: c.apiToken,
      apiSecret: c.apiSecret,
      transport: FAST,
    });
  });

  beforeEach(() => emulator.reset());

  after(async () => {
    await emulator.close();
    await closeSharedPools();
  });

  async function order(
    criteria: OrderCriteria,
    opts: { partialAllowed?: boolean; backOrderRequested?: boolean } = {},
  ): Promise<OrderInfo> {
    orderSeq += 1;
    const { orderId } = await numbers.createOrder({
      name: `test order ${orderSeq}`,
      siteId,
      peerId,
      customerOrderId: `cust-${orderSeq}`,
      partialAllowed: opts.partialAllowed ?? false,
      backOrderRequested: opts.backOrderRequested ?? false,
      criteria,
    });
    const { value, timedOut } = await pollUntil({
      fetch: () => numbers.getOrder(orderId),
      done: (o) => FINAL_ORDER.has(o.status),
      deadlineMs: Date.now() + 5_000,
      initialDelayMs: 10,
      maxDelayMs: 50,
    });
    expect(timedOut, `order ${orderId} still ${value.status}`).to.equal(false);
    return value;
  }

  async function disconnect(tns: string[]): Promise<DisconnectInfo> {
    const { orderId } = await numbers.createDisconnect({ name: "teardown", telephoneNumbers: tns });
    const { value } = await pollUntil({
      fetch: () => numbers.getDisconnect(orderId),
      done: (d) => d.status !== "RECEIVED",
      deadlineMs: Date.now() + 5_000,
      initialDelayMs: 10,
      maxDelayMs: 50,
    });
    return value;
  }

  describe("every order type completes through the client", () => {
    const cases: [string, OrderCriteria][] = [
      ["AreaCode", { areaCode: "910", quantity: 2 }],
      ["NPANXX", { npaNxx: "919230", quantity: 1 }],
      ["Combined npaNxxx", { npaNxxx: "9192302", quantity: 1 }],
      ["RateCenter", { rateCenter: "RALEIGH", state: "NC", quantity: 1 }],
      ["ZIP (leading zero)", { zip: "02134", quantity: 1 }],
      ["City", { city: "CARY", state: "NC", quantity: 1 }],
      ["State", { state: "VA", quantity: 1 }],
      ["LATA", { lata: "426", quantity: 1 }],
      ["TollFreeVanity", { tollFreeVanity: "FLOWERS", quantity: 1 }],
      ["TollFreeWildChar", { tollFreeWildCardPattern: "8**", quantity: 2 }],
    ];
    for (const [label, criteria] of cases) {
      it(`${label}: COMPLETE with the requested quantity in service`, async () => {
        const done = await order(criteria);
        expect(done.status, JSON.stringify(done.errors)).to.equal("COMPLETE");
        expect(done.completedNumbers).to.have.length(criteria.quantity ?? 1);
        expect(await numbers.isInService(done.completedNumbers[0])).to.equal(true);
      });
    }

    it("Existing (specific TNs from a search, E.164 accepted): COMPLETE", async () => {
      const found = await numbers.searchAvailableNumbers({ areaCode: "617", quantity: 2 });
      expect(found).to.have.length(2);
      expect(found[0].state).to.equal("MA");
      const done = await order({ telephoneNumbers: found.map((n) => `+1${n.telephoneNumber}`) });
      expect(done.status).to.equal("COMPLETE");
      expect(done.completedNumbers.sort()).to.deep.equal(found.map((n) => n.telephoneNumber).sort());
    });

    it("Combined localVanity with endsIn: COMPLETE with a number ending in it", async () => {
      const [sample] = await numbers.searchAvailableNumbers({ areaCode: "703", quantity: 1 });
      const suffix = sample.telephoneNumber.slice(-4);
      // A local vanity order names its area code beside the vanity, as Bandwidth requires.
      const done = await order({ areaCode: "703", localVanity: suffix, endsIn: true, quantity: 1 });
      expect(done.status).to.equal("COMPLETE");
      expect(done.completedNumbers[0].endsWith(suffix)).to.equal(true);
    });
  });

  describe("order outcomes", () => {
    it("PARTIAL when partial is allowed and the area runs short", async () => {
      const done = await order({ areaCode: "907", quantity: 5 }, { partialAllowed: true });
      expect(done.status).to.equal("PARTIAL");
      expect(done.completedNumbers).to.have.length(3);
      expect(done.errors.length).to.be.greaterThan(0);
    });

    it("FAILED (HTTP 200) with every error when partial is not allowed", async () => {
      const done = await order({ areaCode: "907", quantity: 5 });
      expect(done.status).to.equal("FAILED");
      expect(done.completedNumbers).to.deep.equal([]);
      expect(done.errors[0].code).to.be.a("string").and.not.equal("");
    });

    it("BACKORDERED, then closed with updateOrder", async () => {
      const done = await order({ areaCode: "907", quantity: 5 }, { backOrderRequested: true });
      expect(done.status).to.equal("BACKORDERED");
      await numbers.updateOrder(done.orderId, { closeOrder: true });
      const closed = await numbers.getOrder(done.orderId);
      expect(closed.status).to.not.equal("BACKORDERED");
    });

    it("specific TNs already taken: PARTIAL with the failed number and its error", async () => {
      const first = await order({ areaCode: "212", quantity: 1 });
      const [fresh] = await numbers.searchAvailableNumbers({ areaCode: "212", quantity: 1 });
      const taken = first.completedNumbers[0];
      const done = await order({ telephoneNumbers: [taken, fresh.telephoneNumber] }, { partialAllowed: true });
      expect(done.status).to.equal("PARTIAL");
      expect(done.completedNumbers).to.deep.equal([fresh.telephoneNumber]);
      expect(done.failedNumbers).to.deep.equal([taken]);
      expect(done.errors.map((e) => e.telephoneNumber)).to.include(taken);
    });

    it("closing a non-backordered order is an ApiError quoting 5060", async () => {
      const done = await order({ areaCode: "910", quantity: 1 });
      const err = await failure(numbers.updateOrder(done.orderId, { closeOrder: true }));
      expect(err).to.be.instanceOf(ApiError);
      expect(err.hasErrorCode("5060")).to.equal(true);
    });

    it("an invalid SiteId is an ApiError that names the code", async () => {
      const err = await failure(
        numbers.createOrder({
          name: "bad site",
          siteId: "999999",
          partialAllowed: false,
          backOrderRequested: false,
          criteria: { areaCode: "910" },
        }),
      );
      expect(err).to.be.instanceOf(ApiError);
      expect(err.hasErrorCode("5016")).to.equal(true);
      expect(err.message).to.include("5016");
    });

    it("finds an order again by CustomerOrderId", async () => {
      const done = await order({ areaCode: "910", quantity: 1 });
      const listed = await numbers.listOrders({ customerOrderId: done.customerOrderId, size: 1 });
      expect(listed.map((o) => o.orderId)).to.include(done.orderId);
      expect(listed.find((o) => o.orderId === done.orderId)?.status).to.equal("COMPLETE");
    });

    it("reads a number's record from /tns and an unknown order as NotFoundError", async () => {
      const done = await order({ areaCode: "910", quantity: 1 });
      const tn = await numbers.getTelephoneNumber(done.completedNumbers[0]);
      expect(tn.telephoneNumber).to.equal(done.completedNumbers[0]);
      expect(tn.status?.toLowerCase()).to.equal("inservice");
      expect(await failure(numbers.getOrder("no-such-order"))).to.be.instanceOf(NotFoundError);
    });
  });

  describe("disconnects", () => {
    it("COMPLETE, and the number leaves service", async () => {
      const done = await order({ areaCode: "828", quantity: 2 });
      const d = await disconnect(done.completedNumbers);
      expect(d.status).to.equal("COMPLETE");
      expect(d.disconnectedNumbers.sort()).to.deep.equal([...done.completedNumbers].sort());
      expect(d.requestedNumbers.sort()).to.deep.equal([...done.completedNumbers].sort());
      expect(await numbers.isInService(done.completedNumbers[0])).to.equal(false);
    });

    it("a number not on the account is reported with its TN", async () => {
      const [notOurs] = await numbers.searchAvailableNumbers({ areaCode: "415", quantity: 1 });
      const d = await disconnect([notOurs.telephoneNumber]);
      expect(["FAILED", "PARTIAL"]).to.include(d.status);
      expect(d.errors.map((e) => e.telephoneNumber)).to.include(notOurs.telephoneNumber);
    });
  });

  describe("Voice v1 import", () => {
    it("imports, reads by E.164 and id, lists, updates and un-imports", async () => {
      const done = await order({ areaCode: "919", quantity: 1 });
      const e164 = `+1${done.completedNumbers[0]}`;
      const { numberId } = await voice.importNumber({ number: e164, name: "main line" }, dashboard());
      expect(numberId).to.match(/^n-/);
      const byNumber = await voice.getNumber(e164);
      expect(byNumber).to.include({ id: numberId, number: e164, name: "main line" });
      expect((await voice.listNumbers({ size: 1 })).map((n) => n.id)).to.include(numberId);
      await voice.updateNumber(numberId, { name: "renamed" });
      expect((await voice.getNumber(numberId)).name).to.equal("renamed");
      const duplicate = await failure(voice.importNumber({ number: e164 }, dashboard()));
      expect(duplicate).to.be.instanceOf(ApiError);
      expect(duplicate.hasErrorCode("duplicate-number")).to.equal(true);
      await voice.deleteNumber(numberId);
      expect(await voice.findNumber(e164)).to.equal(undefined);
    });

    it("follows every page of the numbers list", async () => {
      const done = await order({ areaCode: "540", quantity: 3 });
      for (const tn of done.completedNumbers) await voice.importNumber({ number: `+1${tn}` }, dashboard());
      const all = await voice.listNumbers({ size: 2 });
      expect(all.map((n) => n.number).sort()).to.deep.equal(done.completedNumbers.map((tn) => `+1${tn}`).sort());
    });
  });

  describe("faults and credentials", () => {
    it("retries an injected 503 on a GET", async () => {
      const done = await order({ areaCode: "910", quantity: 1 });
      emulator.setFaults([{ method: "GET", path: "/orders/", kind: "status", status: 503, times: 2 }]);
      const again = await numbers.getOrder(done.orderId);
      expect(again.status).to.equal("COMPLETE");
    });

    it("does not re-send an order POST reset after it was processed; the order is found by CustomerOrderId", async () => {
      emulator.setFaults([{ method: "POST", path: "/orders$", kind: "reset-after", times: 1 }]);
      const err = await failure(
        numbers.createOrder({
          name: "lost response",
          siteId,
          customerOrderId: "lost-response-1",
          partialAllowed: false,
          backOrderRequested: false,
          criteria: { areaCode: "910", quantity: 1 },
        }),
      );
      expect(err).to.be.instanceOf(TransportError);
      expect((err as TransportError).mayHaveReachedServer).to.equal(true);
      const posts = emulator.requestLog().filter((r) => r.method === "POST" && /\/orders$/.test(r.path));
      expect(posts).to.have.length(1);
      const found = await numbers.listOrders({ customerOrderId: "lost-response-1" });
      expect(found).to.have.length(1);
    });

    it("rejects wrong Dashboard credentials with UnauthorizedError that never shows the password", async () => {
      const wrong = new NumbersClient({
        dashboardUrl: emulator.dashboardUrl,
        accountId: emulator.credentials.accountId,
        auth: { kind: "basic", username: emulator.credentials.username, password: "definitely-wrong-pw" },
        transport: FAST,
      });
      const err = await failure(wrong.getOrder("x"));
      expect(err).to.be.instanceOf(UnauthorizedError);
      expect(`${err.message} ${err.stack}`).to.not.include("definitely-wrong-pw");
    });
  });
});
