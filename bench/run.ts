/**
 * `npm run bench`: the provider against a user's script on Bandwidth's official SDK, all against one in-process
 * emulator with the same limits and processing times. Flags:
 *   --quick        fleets of 10 and 100 only (a few minutes instead of ~15)
 *   --serial       run contenders one after another instead of side by side (cleaner timings, much longer)
 *   --skip-engine  leave out the `pulumi up`/`destroy` comparison
 *   --only=a,b     run only some parts: single, fleet, preview, engine
 */
import { fork } from "node:child_process";
import { availableParallelism, cpus, totalmem } from "node:os";
import * as path from "node:path";
import { type AccountSeed, type RunningEmulator, startEmulator } from "../emulator";
import { type EngineResult, runEngineComparison } from "./engine";
import { countRequests, quantile, type RequestCounts } from "./measure";
import {
  type BenchResults,
  clientBucketSeries,
  evaluateTargets,
  type FleetRow,
  type SingleRow,
  writeReports,
} from "./report";
import {
  AREA_CODE,
  accountFor,
  CONTENDERS,
  type Contender,
  ENGINE_RESOURCES,
  FLEET_LATENCY_S,
  fleetConcurrencies,
  fleetFloor,
  fleetSizes,
  PREVIEW_RESOURCES,
  RATE_LIMITS,
  SINGLE_ORDER_LATENCIES_S,
  SINGLE_ORDER_SAMPLES,
  SLOW_FLEETS,
} from "./settings";
import type { WorkerJob, WorkerResult } from "./worker";

interface Flags {
  quick: boolean;
  serial: boolean;
  skipEngine: boolean;
  parts: Set<string>;
}

function parseFlags(argv: string[]): Flags {
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const known = new Set(["--quick", "--serial", "--skip-engine"]);
  for (const a of argv) {
    if (!known.has(a) && !a.startsWith("--only=")) throw new Error(`unknown flag ${a}`);
  }
  return {
    quick: argv.includes("--quick"),
    serial: argv.includes("--serial"),
    skipEngine: argv.includes("--skip-engine"),
    parts: new Set(only ? only.split(",") : ["single", "fleet", "preview", "engine"]),
  };
}

/** The BANDWIDTH_* environment of one emulated account; the provider and the SDK script both read it. */
export function accountEnv(emu: RunningEmulator, a: AccountSeed): Record<string, string> {
  return {
    BANDWIDTH_DASHBOARD_URL: emu.dashboardUrl,
    BANDWIDTH_ACCOUNT_ID: a.accountId,
    BANDWIDTH_USERNAME: a.username,
    BANDWIDTH_PASSWORD: a.password,
    BANDWIDTH_VOICE_URL: emu.voiceUrl,
    BANDWIDTH_API_URL: emu.apiUrl,
    BANDWIDTH_USER_ID: a.userId,
    BANDWIDTH_API_TOKEN: a.apiToken,
    BANDWIDTH_API_SECRET: a.apiSecret,
  };
}

/** Runs one job in a fresh worker process with one account's credentials. */
function inWorker(job: WorkerJob, env: Record<string, string>): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, "worker.js"), [], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    // Progress lines are read, as the engine reads a provider's output, and only the tail is kept for errors.
    let tail = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-4000);
    });
    let result: WorkerResult | undefined;
    child.once("message", (m) => {
      result = m as WorkerResult;
    });
    child.once("exit", (code) => {
      resolve(result ?? { ok: false, maxRssMb: 0, error: `worker exited with ${code} and no result:\n${tail}` });
    });
    child.send(job);
  });
}

/** Runs one job per contender, side by side (each on its own account) or one after another. */
async function forEachContender<R>(serial: boolean, run: (c: Contender, index: number) => Promise<R>): Promise<R[]> {
  if (!serial) return Promise.all(CONTENDERS.map(run));
  const out: R[] = [];
  for (const [i, c] of CONTENDERS.entries()) out.push(await run(c, i));
  return out;
}

function ownersOf(a: AccountSeed): Set<string> {
  return new Set([a.accountId, a.userId]);
}

/** Back to a fresh emulator with enough numbers for `perContender` orders by every contender. */
function freshEmulator(emu: RunningEmulator, latencyS: number, perContender: number): void {
  emu.reset();
  emu.setDelays({ orderDelayMs: latencyS * 1000, disconnectDelayMs: latencyS * 1000, agingMs: 60_000 });
  emu.model.restock(AREA_CODE, perContender * CONTENDERS.length + 100);
}

function note(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function singleOrders(emu: RunningEmulator, accounts: AccountSeed[], flags: Flags): Promise<SingleRow[]> {
  const rows: SingleRow[] = [];
  for (const latencyS of SINGLE_ORDER_LATENCIES_S) {
    note(`single orders at L = ${latencyS} s (${SINGLE_ORDER_SAMPLES} at once per contender)`);
    freshEmulator(emu, latencyS, SINGLE_ORDER_SAMPLES);
    const tag = `single-${latencyS * 1000}ms`;
    const results = await forEachContender(flags.serial, (contender, i) =>
      inWorker({ kind: "single", contender, count: SINGLE_ORDER_SAMPLES, tag }, accountEnv(emu, accounts[i])),
    );
    const log = emu.requestLog();
    results.forEach((r, i) => {
      const account = accounts[i];
      const lags = (r.single?.returns ?? []).map((ret) => {
        const done = emu.model.getOrder(account.accountId, ret.orderId).orderCompleteDate;
        return done ? ret.returnedAtMs - Date.parse(done) : Number.NaN;
      });
      const counts = countRequests(log, ownersOf(account));
      rows.push({
        contender: CONTENDERS[i].id,
        latencyS,
        samples: lags.length,
        lagP50Ms: quantile(lags, 0.5),
        lagP95Ms: quantile(lags, 0.95),
        requestsPerOrder: lags.length > 0 ? counts.total / lags.length : Number.NaN,
        rateLimited: counts.rateLimited,
        errors: [...(r.single?.errors ?? []), ...(r.error ? [r.error] : [])],
      });
    });
  }
  return rows;
}

/** The fleet conditions of this run: every size at every concurrency at the fleet L, then the slow fleets. */
function fleetConditions(quick: boolean): Array<{ n: number; concurrency: number; latencyS: number }> {
  const grid = fleetSizes(quick).flatMap((n) =>
    fleetConcurrencies().map((concurrency) => ({ n, concurrency, latencyS: FLEET_LATENCY_S })),
  );
  return [...grid, ...SLOW_FLEETS];
}

async function fleets(emu: RunningEmulator, accounts: AccountSeed[], flags: Flags): Promise<FleetRow[]> {
  const rows: FleetRow[] = [];
  for (const { n, concurrency, latencyS } of fleetConditions(flags.quick)) {
    note(`fleet N = ${n} at concurrency ${concurrency}, L = D = ${latencyS} s`);
    freshEmulator(emu, latencyS, n);
    const tag = `fleet-${n}-${concurrency}-${latencyS * 1000}ms`; // CustomerOrderIds allow no dots
    const floor = fleetFloor(n, concurrency, latencyS);
    const results = await forEachContender(flags.serial, (contender, i) =>
      inWorker({ kind: "fleet", contender, n, concurrency, tag }, accountEnv(emu, accounts[i])),
    );
    const log = emu.requestLog();
    results.forEach((r, i) => {
      const counts: RequestCounts = countRequests(log, ownersOf(accounts[i]));
      const f = r.fleet;
      rows.push({
        contender: CONTENDERS[i].id,
        n,
        concurrency,
        latencyS,
        wallS: f ? f.wallMs / 1000 : Number.NaN,
        upS: f ? f.upMs / 1000 : Number.NaN,
        destroyS: f ? f.destroyMs / 1000 : Number.NaN,
        floorS: floor.totalS,
        floorTerms: floor.terms,
        requests: counts.total,
        requestsPerNumber: counts.total / n,
        rateLimited: counts.rateLimited,
        rateLimitedPct: counts.total > 0 ? (100 * counts.rateLimited) / counts.total : 0,
        peakRssMb: r.maxRssMb,
        completed: f?.completed ?? 0,
        errors: [...(f?.errors ?? []), ...(r.error ? [r.error] : [])],
        byRoute: counts.byRoute,
        clientBuckets: r.clientBuckets
          ? clientBucketSeries(r.clientBuckets, r.fleetStartedAtMs ?? 0, RATE_LIMITS)
          : undefined,
      });
    });
  }
  return rows;
}

async function previewRun(emu: RunningEmulator, accounts: AccountSeed[]) {
  note(`preview: check + diff of ${PREVIEW_RESOURCES} PhoneNumberOrders and ${PREVIEW_RESOURCES} VoiceImports`);
  freshEmulator(emu, FLEET_LATENCY_S, 1);
  const r = await inWorker({ kind: "preview", count: PREVIEW_RESOURCES, tag: "preview" }, accountEnv(emu, accounts[0]));
  const p = r.preview;
  if (!p) return { error: r.error ?? "no result" };
  const counts = countRequests(emu.requestLog(), ownersOf(accounts[0]), p.startedAtMs, p.endedAtMs);
  return {
    resources: p.resources,
    requests: counts.total,
    msPerResource: (p.orderMs + p.importMs) / p.resources,
    phoneNumberOrderMsPer: p.orderMs / (p.resources / 2),
    voiceImportMsPer: p.importMs / (p.resources / 2),
    unexpectedChanges: p.unexpectedChanges,
    peakRssMb: r.maxRssMb,
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const started = Date.now();
  const accounts = CONTENDERS.map((_, i) => accountFor(i));
  const emu = await startEmulator({ accounts, rateLimits: RATE_LIMITS, quiet: true });
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", memoryGb: totalmem() / 2 ** 30 },
    node: process.version,
    settings: {
      rateLimits: RATE_LIMITS,
      fleetLatencyS: FLEET_LATENCY_S,
      singleOrderSamples: SINGLE_ORDER_SAMPLES,
      contendersSideBySide: !flags.serial,
      contenders: [...CONTENDERS],
    },
    single: [],
    fleet: [],
    targets: [],
  };
  try {
    if (flags.parts.has("single")) results.single = await singleOrders(emu, accounts, flags);
    if (flags.parts.has("fleet")) results.fleet = await fleets(emu, accounts, flags);
    if (flags.parts.has("preview")) results.preview = await previewRun(emu, accounts);
    if (flags.parts.has("engine")) {
      let engine: EngineResult;
      if (flags.skipEngine) engine = { available: false, reason: "skipped (--skip-engine)" };
      else {
        note(`engine: pulumi up/destroy of ${ENGINE_RESOURCES} numbers vs ${ENGINE_RESOURCES} no-op resources`);
        freshEmulator(emu, FLEET_LATENCY_S, ENGINE_RESOURCES);
        engine = await runEngineComparison(emu, accountEnv(emu, accounts[0]), ownersOf(accounts[0]));
      }
      results.engine = engine;
    }
  } finally {
    await emu.close();
  }
  results.durationS = (Date.now() - started) / 1000;
  results.targets = evaluateTargets(results);
  writeReports(results, path.resolve(__dirname, "..", "..", "bench", "results"));
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
