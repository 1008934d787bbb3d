import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { type AccountSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { setStackConfig } from "../../provider/config";
import { setProgressSink } from "../../provider/resources/lifecycle";
import { inLane, inParallel, laneAccounts, laneEnv } from "./lanes";
import {
  BASELINE,
  TOKEN_RATE_LIMITED,
  faultScenarios,
  fullLifecycle,
  type Lane,
  outcomeScenarios,
  replaceScenarios,
  RATE_LIMIT_STORMS,
  RESTART_STEPS,
  rateLimitScenarios,
  type Scenario,
} from "./scenarios";
import { type Tally, UserStack } from "./user";

/** What one scenario left behind. */
interface Result {
  name: string;
  mustSucceed: boolean;
  category: string;
  succeeded: boolean;
  finalError?: string;
  finalErrorClear: boolean;
  leakedNumbers: string[];
  leakedImports: string[];
  orders: number;
  expectedOrders: number;
  seconds: number;
}

const FAST = { orderDelayMs: 30, disconnectDelayMs: 30, agingMs: 60 };
const PARALLEL = 24;
const BUSY_AREAS = ["919", "910", "828", "703", "617", "415", "212"];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("fault matrix: the lifecycle under every fault ends in success or a clear error, leaking nothing", function () {
  this.timeout(300_000);
  const tally: Tally = { operations: 0, errors: [] };
  const results: Result[] = [];
  const seeds = laneAccounts(160);
  const restartSeeds = laneAccounts(RESTART_STEPS.length + 1, "restart");
  let nextSeed = 0;
  let emu: RunningEmulator;
  let stateDir: string;

  async function runScenario(
    scenario: Scenario,
    category: string,
    current: () => RunningEmulator,
    seed: AccountSeed,
    areaCode: string,
    hooks: { beforeStep?: (step: string) => void } = {},
  ): Promise<Result> {
    const started = Date.now();
    const user = new UserStack(scenario.name, tally);
    const slug = scenario.name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 60);
    const lane: Lane = {
      user,
      emu: current,
      seed,
      areaCode,
      sleep,
      orderArgs: (extra = {}) => ({
        siteId: "461",
        resourceKey: `matrix/${seed.accountId}/${slug}`,
        areaCode,
        ...extra,
      }),
    };
    const run = hooks.beforeStep ? () => fullLifecycle(lane, hooks).then((ok) => ok) : () => scenario.run(lane);
    let succeeded = false;
    try {
      const env = typeof scenario.env === "function" ? scenario.env(seed, current()) : scenario.env;
      succeeded = await inLane(laneEnv(current(), seed, env), run);
    } catch (e) {
      user.lastError = e as Error;
    }
    const model = current().model;
    const finalError = succeeded ? undefined : user.lastError?.message;
    return {
      name: scenario.name,
      category,
      succeeded,
      finalError,
      finalErrorClear:
        succeeded || (finalError !== undefined && tally.errors.some((e) => e.message === finalError && e.clear)),
      leakedNumbers: model.numbersInService(seed.accountId),
      leakedImports: model.listVoiceNumbers(seed.userId).map((v) => v.number),
      orders: model.listOrders(seed.accountId).length,
      expectedOrders: scenario.expectedOrders,
      mustSucceed: scenario.mustSucceed === true,
      seconds: (Date.now() - started) / 1000,
    };
  }

  before(async function () {
    this.timeout(300_000);
    setStackConfig(undefined);
    setProgressSink(() => {});
    emu = await startEmulator({ ...FAST, accounts: seeds });
    stateDir = mkdtempSync(join(tmpdir(), "bw-matrix-"));
    const started = Date.now();

    // 1. Faults on every route, scoped to each lane's account, all lanes at once.
    const faulted = [BASELINE, TOKEN_RATE_LIMITED, ...faultScenarios()].map((s, i) => ({
      s,
      seed: seeds[nextSeed++],
      area: BUSY_AREAS[i % 7],
    }));
    emu.setFaults(faulted.flatMap(({ s, seed }) => s.faults?.(seed) ?? []));
    results.push(
      ...(await inParallel(faulted, PARALLEL, ({ s, seed, area }) =>
        runScenario(s, "route fault", () => emu, seed, area),
      )),
    );
    emu.setFaults([]);

    // 2. Rate-limit storms: the emulator's own token buckets, tightened one category at a time.
    for (const storm of RATE_LIMIT_STORMS) {
      emu.setRateLimits(storm.limits);
      const lanes = rateLimitScenarios(storm).map((s, i) => ({ s, seed: seeds[nextSeed++], area: BUSY_AREAS[i] }));
      results.push(
        ...(await Promise.all(
          lanes.map(({ s, seed, area }) => runScenario(s, "rate-limit storm", () => emu, seed, area)),
        )),
      );
    }
    emu.setRateLimits(undefined);

    // 3. Order and disconnect outcomes, each lane on its own restocked area code (301, 302, ...).
    const outcomes = outcomeScenarios().map((s, i) => ({ s, seed: seeds[nextSeed++], area: String(301 + i) }));
    results.push(
      ...(await inParallel(outcomes, PARALLEL, ({ s, seed, area }) =>
        runScenario(s, "order outcome", () => emu, seed, area),
      )),
    );

    // 3b. Replace of each kind, the engine's way, with and without gateway timeouts on the order POSTs.
    const replaces = replaceScenarios().map((s, i) => ({ s, seed: seeds[nextSeed++], area: BUSY_AREAS[i % 2] }));
    emu.setFaults(replaces.flatMap(({ s, seed }) => s.faults?.(seed) ?? []));
    results.push(
      ...(await inParallel(replaces, PARALLEL, ({ s, seed, area }) =>
        runScenario(s, "replace", () => emu, seed, area),
      )),
    );
    emu.setFaults([]);

    // 4. An emulator restart (state file) in the middle of each wait, one at a time.
    let restartable = await startEmulator({
      orderDelayMs: 700,
      disconnectDelayMs: 700,
      agingMs: 100,
      accounts: restartSeeds,
      stateFile: join(stateDir, "state.json"),
    });
    const port = restartable.port;
    const restart = async () => {
      await restartable.close();
      restartable = await startEmulator({
        port,
        orderDelayMs: 700,
        disconnectDelayMs: 700,
        agingMs: 100,
        accounts: restartSeeds,
        stateFile: join(stateDir, "state.json"),
      });
    };
    for (const [i, step] of RESTART_STEPS.entries()) {
      const scenario: Scenario = {
        name: `emulator restart (state file) in the middle of the ${step} wait`,
        expectedOrders: 2,
        run: async () => false,
      };
      let restarted: Promise<void> | undefined;
      const result = await runScenario(scenario, "emulator restart", () => restartable, restartSeeds[i], "919", {
        beforeStep: (s) => {
          if (s === step) restarted = sleep(300).then(restart);
        },
      });
      await restarted;
      results.push(result);
    }
    // A wait longer than timeoutSeconds, resumed by the next up across a restart.
    restartable.setDelays({ orderDelayMs: 1800 });
    const slowSeed = restartSeeds[RESTART_STEPS.length];
    results.push(
      await runScenario(
        {
          name: "order slower than timeoutSeconds, emulator restarted, the next up resumes it",
          expectedOrders: 1,
          run: async (lane) => {
            const waited = await lane.user.upOrder(lane.orderArgs({ quantity: 1, timeoutSeconds: 1 }), 0);
            await restart();
            restartable.setDelays({ orderDelayMs: 30 });
            const resumed = await lane.user.upOrder(lane.orderArgs({ quantity: 1, timeoutSeconds: 10 }));
            return (await lane.user.destroy()) && resumed && !waited;
          },
        },
        "emulator restart",
        () => restartable,
        slowSeed,
        "910",
      ),
    );
    await restartable.close();

    const leaked = results.reduce((n, r) => n + r.leakedNumbers.length, 0);
    const duplicates = results.reduce((n, r) => n + Math.max(0, r.orders - r.expectedOrders), 0);
    const unclear = tally.errors.filter((e) => !e.clear).length;
    const perCategory = new Map<string, number>();
    for (const r of results) perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + 1);
    console.log(
      `      fault matrix: ${results.length} scenarios, ${tally.operations} operations, ${leaked} leaked numbers, ` +
        `${duplicates} duplicate orders, ${unclear} unclear errors`,
    );
    console.log(
      `      (${[...perCategory].map(([c, n]) => `${n} ${c}`).join(", ")}; ` +
        `${results.filter((r) => r.succeeded).length} succeeded, ${tally.errors.length} errors seen, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (process.env.MATRIX_VERBOSE) {
      for (const r of results) console.log(JSON.stringify(r));
      for (const e of tally.errors) console.log(JSON.stringify(e));
    }
  });

  after(async () => {
    setProgressSink(undefined);
    await emu?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  const describeBad = (rows: Result[]) =>
    rows.map((r) => `${r.name}: ${JSON.stringify({ ...r, name: undefined })}`).join("\n");

  it("runs at least 100 scenarios over routes, faults, outcomes, replaces, storms and restarts", () => {
    expect(results.length).to.be.at.least(100);
    expect(new Set(results.map((r) => r.category)).size).to.equal(5);
  });

  it("leaves no number in service and no v1 import on any account after the final destroy", () => {
    const leaking = results.filter((r) => r.leakedNumbers.length > 0 || r.leakedImports.length > 0);
    expect(leaking, describeBad(leaking)).to.deep.equal([]);
  });

  it("places exactly as many orders as the user intended (no duplicate order after any fault)", () => {
    // An order POST whose outcome is unknown is never re-sent, so a fault that outlasts the user's retries may end
    // in a clear error with fewer orders; more than intended is a duplicate, and a success must match exactly.
    const wrong = results.filter((r) => r.orders > r.expectedOrders || (r.succeeded && r.orders !== r.expectedOrders));
    expect(wrong, describeBad(wrong)).to.deep.equal([]);
  });

  it("ends every scenario in success or a clear error", () => {
    const unclearEnd = results.filter((r) => !r.finalErrorClear);
    expect(unclearEnd, describeBad(unclearEnd)).to.deep.equal([]);
  });

  it("the fault-free baseline, every transient-fault row and every money-guarantee row finish their lifecycle", () => {
    const baseline = results.find((r) => r.name === BASELINE.name);
    expect(baseline?.succeeded, baseline?.finalError).to.equal(true);
    const token = results.find((r) => r.name === TOKEN_RATE_LIMITED.name);
    expect(token?.succeeded, token?.finalError).to.equal(true);
    const shown = tally.errors.filter((e) => e.scenario === TOKEN_RATE_LIMITED.name).map((e) => e.message);
    expect(shown, "a token endpoint's 429s are waited out, never shown to the user").to.deep.equal([]);
    const failed = results.filter((r) => (r.category === "rate-limit storm" || r.mustSucceed) && !r.succeeded);
    expect(failed, describeBad(failed)).to.deep.equal([]);
  });

  it("every location change moves the same numbers in place, with or without a lost answer or a failing poll", () => {
    const moves = results.filter((r) => r.name.startsWith("location change"));
    expect(moves).to.have.length.at.least(6);
    const failed = moves.filter((r) => !r.succeeded);
    expect(failed, describeBad(failed)).to.deep.equal([]);
  });

  it("every error a user sees along the way says what happened and what to do (unclear errors: 0)", () => {
    const unclear = tally.errors.filter((e) => !e.clear);
    const distinct = [
      ...new Set(unclear.map((e) => `${e.operation}: ${e.message.replace(/\d{4,}|[0-9a-f-]{36}/g, "#")}`)),
    ];
    expect(distinct, distinct.join("\n")).to.deep.equal([]);
  });
});
