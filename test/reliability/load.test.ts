import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { providers } from "../../provider";
import { setStackConfig } from "../../provider/config";
import { setProgressSink } from "../../provider/resources/lifecycle";
import { engineCreate } from "../integration/resources/support";
import { inLane, laneAccounts, laneEnv } from "./lanes";

const LIFECYCLES = 500;
const AREAS = ["919", "910", "828", "703", "617", "415", "212"];

describe("load: 500 concurrent create/delete lifecycles through the providers", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  const seeds = laneAccounts(LIFECYCLES, "load");

  before(async () => {
    setStackConfig(undefined);
    setProgressSink(() => {});
    emu = await startEmulator({ orderDelayMs: 50, disconnectDelayMs: 50, agingMs: 100, accounts: seeds });
  });
  after(async () => {
    setProgressSink(undefined);
    await emu.close();
  });

  it("completes every lifecycle with no error, one order each, nothing left in service, bounded memory", async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 25);
    const started = performance.now();
    const errors: string[] = [];
    await Promise.all(
      seeds.map((seed, i) =>
        inLane(laneEnv(emu, seed), async () => {
          try {
            const args = { siteId: "461", resourceKey: `load/${i}/numbers`, areaCode: AREAS[i % AREAS.length] };
            const { id, outs } = await engineCreate(providers.phoneNumberOrder, args);
            if ((outs.telephoneNumbers as string[]).length !== 1) errors.push(`${i}: ${JSON.stringify(outs)}`);
            await providers.phoneNumberOrder.delete!(id, outs);
          } catch (e) {
            errors.push(`${i}: ${(e as Error).message}`);
          }
        }),
      ),
    );
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const peakMb = peakRss / 1024 / 1024;
    const growthMb = (peakRss - rssBefore) / 1024 / 1024;
    console.log(
      `      ${LIFECYCLES} concurrent lifecycles: ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MiB ` +
        `(+${growthMb.toFixed(0)} MiB; test process incl. emulator)`,
    );
    expect(errors, errors.slice(0, 5).join("\n")).to.deep.equal([]);
    for (const seed of seeds) {
      expect(emu.model.numbersInService(seed.accountId), seed.accountId).to.deep.equal([]);
      expect(emu.model.listOrders(seed.accountId), seed.accountId).to.have.length(1);
      expect(emu.model.listDisconnects(seed.accountId), seed.accountId).to.have.length(1);
    }
    expect(growthMb, "RSS growth during the run").to.be.below(400);
  });
});
