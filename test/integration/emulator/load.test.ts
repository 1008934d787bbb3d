import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { fastEmulator, orderXml, placeOrder, tag, waitOrder } from "./calls";

describe("emulator: load", function () {
  this.timeout(30000);
  let emu: RunningEmulator;
  before(async () => {
    emu = await fastEmulator({ rateLimits: false, orderDelayMs: 50 });
  });
  after(() => emu.close());

  it("completes 200 concurrent orders with no error and distinct numbers", async () => {
    const areas = ["910", "919", "617", "212", "415"];
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const finals = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const id = await placeOrder(
          emu,
          orderXml(
            "AreaCodeSearchAndOrderType",
            { AreaCode: areas[i % areas.length], Quantity: "2" },
            { SiteId: "461", PartialAllowed: "false", CustomerOrderId: `load-${i}` },
          ),
        );
        return waitOrder(emu, id, 20000);
      }),
    );
    const elapsedMs = performance.now() - started;
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.log(
      `      200 concurrent orders: ${elapsedMs.toFixed(0)} ms, RSS growth ${rssGrowthMb.toFixed(1)} MiB (test process incl. emulator)`,
    );
    expect(finals.map((b) => tag(b, "OrderStatus"))).to.deep.equal(Array(200).fill("COMPLETE"));
    const numbers = emu.model.numbersInService(emu.credentials.accountId);
    expect(numbers).to.have.length(400);
    expect(new Set(numbers).size).to.equal(400);
    expect(emu.requestLog().filter((r) => r.status >= 400)).to.have.length(0);
  });
});
