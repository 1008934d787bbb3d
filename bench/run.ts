/**
 * `npm run bench`: the provider against a user's script on Bandwidth's official SDK, all against one in-process
 * emulator with the same limits and processing times. Flags:
 *   --quick        fleets of 10 and 100 only (a few minutes instead of ~15)
 *   --serial       run contenders one after another instead of side by side (cleaner timings, much longer)
 *   --skip-engine  leave out the `pulumi up`/`destroy` comparison
 *   --only=a,b     run only some parts: single, fleet, settings, preview, engine, multi; the reports go into
 *                  bench/results/<parts>/ (with --quick, <parts>-quick), so a partial run keeps the full run's reports
 *   --out=DIR      write the reports into DIR instead
 */
import { fork } from "node:child_process";
import { availableParallelism, cpus, totalmem } from "node:os";
import * as path from "node:path";
import { type AccountSeed, type RunningEmulator, startEmulator } from "../emulator";
import { type EngineResult, runEngineComparison } from "./engine";
import { countRequests, optionOrderRequests, quantile, type RequestCounts, rateLimitedByRoute } from "./measure";
import {
  type BenchResults,
  clientBucketSeries,
  evaluateTargets,
  type FleetMeasures,
  type FleetRow,
  type MultiRow,
  type SettingsFleetRow,
  type SingleRow,
  writeReports,
} from "./report";
import {
  AREA_CODE,
  accountFor,
  CONTENDERS,
  type Contender,
  engineResources,
  FLEET_LATENCY_S,
  fleetConcurrencies,
  type Floor,
  fleetFloor,
  fleetSizes,
  leastOptionRequestsPerNumber,
  MULTI_PROCESS,
  PREVIEW_RESOURCES,
  RATE_LIMITS,
  SINGLE_ORDER_LATENCIES_S,
  SETTINGS_OPTION,
  SINGLE_ORDER_SAMPLES,
  SLOW_FLEETS,
  settingsFleetFloor,
  settingsFleetSize,
} from "./settings";
import type { WorkerJob, WorkerResult } from "./worker";

interface Flags {
  quick: boolean;
  serial: boolean;
  skipEngine: boolean;
  parts: Set<string>;
  outDir: string;
}

/** The parts `--only` can name. */
const PARTS = ["single", "fleet", "settings", "multi", "preview", "engine"];

function parseFlags(argv: string[]): Flags {
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const out = argv.find((a) => a.startsWith("--out="))?.slice("--out=".length);
  const known = new Set(["--quick", "--serial", "--skip-engine"]);
  for (const a of argv) {
    if (!known.has(a) && !a.startsWith("--only=") && !a.startsWith("--out=")) throw new Error(`unknown flag ${a}`);
  }
  const quick = argv.includes("--quick");
  const parts = only ? only.split(",") : ["single", "fleet", "settings", "multi", "preview", "engine"];
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(", ")}: choose among ${PARTS.join(", ")}`);
  const results = path.resolve(__dirname, "..", "..", "bench", "results");
  const partial = only ? `${parts.join("-")}${quick ? "-quick" : ""}` : undefined;
  return {
    quick,
    serial: argv.includes("--serial"),
    skipEngine: argv.includes("--skip-engine"),
    parts: new Set(parts),
    outDir: out ? path.resolve(out) : partial ? path.join(results, partial) : results,
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
  return inWorkers([job], env)[0];
}

/**
 * Runs jobs in fresh worker processes at once. Jobs with a barrier start their work together, once every one of them
 * has loaded (loading takes seconds, longer with several processes on few cores).
 */
function inWorkers(jobs: WorkerJob[], env: Record<string, string>): Array<Promise<WorkerResult>> {
  const waiting = jobs.filter((j) => j.kind === "fleet" && j.barrier).length;
  const ready: Array<() => void> = [];
  return jobs.map(
    (job) =>
      new Promise((resolve) => {
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
        child.on("message", (m) => {
          if ((m as { ready?: boolean }).ready) {
            ready.push(() => child.send("go"));
            if (ready.length === waiting) for (const go of ready) go();
            return;
          }
          result = m as WorkerResult;
        });
        child.once("exit", (code) => {
          resolve(result ?? { ok: false, maxRssMb: 0, error: `worker exited with ${code} and no result:\n${tail}` });
        });
        child.send(job);
      }),
  );
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

/** What a fleet run measured, from its worker's result, its requests at the emulator and its floor. */
function fleetMeasures(
  run: { n: number; concurrency: number; latencyS: number },
  r: WorkerResult,
  counts: RequestCounts,
  floor: Floor,
): FleetMeasures {
  const f = r.fleet;
  return {
    ...run,
    wallS: f ? f.wallMs / 1000 : Number.NaN,
    upS: f ? f.upMs / 1000 : Number.NaN,
    destroyS: f ? f.destroyMs / 1000 : Number.NaN,
    floorS: floor.totalS,
    floorTerms: floor.terms,
    requests: counts.total,
    requestsPerNumber: counts.total / run.n,
    rateLimited: counts.rateLimited,
    rateLimitedPct: counts.total > 0 ? (100 * counts.rateLimited) / counts.total : 0,
    peakRssMb: r.maxRssMb,
    completed: f?.completed ?? 0,
    errors: [...(f?.errors ?? []), ...(r.error ? [r.error] : [])],
    byRoute: counts.byRoute,
    clientBuckets: r.clientBuckets
      ? clientBucketSeries(r.clientBuckets, r.fleetStartedAtMs ?? 0, RATE_LIMITS)
      : undefined,
  };
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
      rows.push({ contender: CONTENDERS[i].id, ...fleetMeasures({ n, concurrency, latencyS }, r, counts, floor) });
    });
  }
  return rows;
}

/**
 * The fleet with number settings: N PhoneNumberOrders of one number, each created with one TN option, then deleted,
 * at each fleet concurrency (the provider only: the SDK scripts set no options). Option orders are counted by route
 * and checked at the emulator: every number must be in a COMPLETE TN option order.
 */
async function settingsFleets(emu: RunningEmulator, account: AccountSeed, flags: Flags): Promise<SettingsFleetRow[]> {
  const rows: SettingsFleetRow[] = [];
  const n = settingsFleetSize(flags.quick);
  const latencyS = FLEET_LATENCY_S;
  for (const concurrency of fleetConcurrencies()) {
    note(
      `settings fleet N = ${n} at concurrency ${concurrency}, L = L_opt = D = ${latencyS} s, ${JSON.stringify(SETTINGS_OPTION)}`,
    );
    freshEmulator(emu, latencyS, n);
    const tag = `settings-${n}-${concurrency}`;
    const floor = settingsFleetFloor(n, concurrency, latencyS);
    const r = await inWorker(
      { kind: "fleet", contender: CONTENDERS[0], n, concurrency, tag, settings: { ...SETTINGS_OPTION } },
      accountEnv(emu, account),
    );
    const counts = countRequests(emu.requestLog(), ownersOf(account));
    const optionOrders = emu.model.tnOptions.listOrders(account.accountId);
    const complete = optionOrders.filter((o) => o.status === "COMPLETE");
    const numbersSet = new Set(complete.flatMap((o) => o.groups.flatMap((g) => g.telephoneNumbers)));
    const optionRequests = optionOrderRequests(counts.byRoute);
    rows.push({
      ...fleetMeasures({ n, concurrency, latencyS }, r, counts, floor),
      option: JSON.stringify(SETTINGS_OPTION),
      optionOrders: optionOrders.length,
      optionRequests,
      optionRequestsPerNumber: optionRequests / n,
      leastOptionRequestsPerNumber: leastOptionRequestsPerNumber(n, concurrency),
      numbersSet: numbersSet.size,
      byRoute429: rateLimitedByRoute(emu.requestLog(), ownersOf(account)),
    });
  }
  return rows;
}

/** How many of `entries` fell in each second from `startMs`. */
function perSecond(entries: ReadonlyArray<{ atMs: number }>, startMs: number): number[] {
  const bins: number[] = [];
  for (const e of entries) {
    const s = Math.max(0, Math.floor((e.atMs - startMs) / 1000));
    while (bins.length <= s) bins.push(0);
    bins[s] += 1;
  }
  return bins;
}

/**
 * The same total work split over 1, 2 and 4 provider processes on one account, started together: the share of
 * requests answered 429 and the wall time (first start to last end) against the 1-process run.
 */
async function multiProcess(emu: RunningEmulator, account: AccountSeed): Promise<MultiRow[]> {
  const { n, concurrency, processes } = MULTI_PROCESS;
  const rows: MultiRow[] = [];
  for (const p of processes) {
    note(`several stacks: N = ${n} split over ${p} process(es) on one account, concurrency ${concurrency} each`);
    freshEmulator(emu, FLEET_LATENCY_S, n);
    const shares = Array.from({ length: p }, (_, i) => Math.floor(n / p) + (i < n % p ? 1 : 0));
    const results = await Promise.all(
      inWorkers(
        shares.map((share, i) => ({
          kind: "fleet" as const,
          contender: CONTENDERS[0],
          n: share,
          concurrency,
          tag: `multi-${p}-${i}`,
          barrier: true,
        })),
        accountEnv(emu, account),
      ),
    );
    const counts = countRequests(emu.requestLog(), ownersOf(account));
    const starts = results.map((r) => r.fleetStartedAtMs ?? Number.NaN);
    const ends = results.map((r, i) => starts[i] + (r.fleet?.wallMs ?? Number.NaN));
    const wallS = (Math.max(...ends) - Math.min(...starts)) / 1000;
    const one = rows.find((r) => r.processes === 1);
    rows.push({
      processes: p,
      n,
      concurrency,
      latencyS: FLEET_LATENCY_S,
      wallS,
      slowestProcessS: Math.max(...results.map((r) => (r.fleet?.wallMs ?? Number.NaN) / 1000)),
      vsOneProcess: one ? wallS / one.wallS : 1,
      requests: counts.total,
      requestsPerNumber: counts.total / n,
      rateLimited: counts.rateLimited,
      rateLimitedPct: counts.total > 0 ? (100 * counts.rateLimited) / counts.total : 0,
      byRoute429: rateLimitedByRoute(emu.requestLog(), ownersOf(account)),
      completed: results.reduce((sum, r) => sum + (r.fleet?.completed ?? 0), 0),
      rateLimitedPerS: perSecond(
        emu.requestLog().filter((e) => e.status === 429),
        Math.min(...starts),
      ),
      clientBuckets: results.map((r) =>
        r.clientBuckets ? clientBucketSeries(r.clientBuckets, Math.min(...starts), RATE_LIMITS) : [],
      ),
      errors: results.flatMap((r) => [...(r.fleet?.errors ?? []), ...(r.error ? [r.error] : [])]),
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
    if (flags.parts.has("settings")) results.settingsFleet = await settingsFleets(emu, accounts[0], flags);
    if (flags.parts.has("multi")) results.multi = await multiProcess(emu, accounts[0]);
    if (flags.parts.has("preview")) results.preview = await previewRun(emu, accounts);
    if (flags.parts.has("engine")) {
      let engine: EngineResult;
      if (flags.skipEngine) engine = { available: false, reason: "skipped (--skip-engine)" };
      else {
        const count = engineResources(flags.quick);
        note(`engine: pulumi up/destroy of ${count} numbers (dynamic, native) vs ${count} no-op resources`);
        freshEmulator(emu, FLEET_LATENCY_S, 2 * count);
        engine = await runEngineComparison(emu, accountEnv(emu, accounts[0]), ownersOf(accounts[0]), count);
      }
      results.engine = engine;
    }
  } finally {
    await emu.close();
  }
  results.durationS = (Date.now() - started) / 1000;
  results.targets = evaluateTargets(results);
  writeReports(results, flags.outDir);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
