/** The engine run against its target: up + destroy at most 1.2 × the no-op's plus the floor. */
function engineVerdict(e: Extract<EngineResult, { available: true }>): string {
  const noop = e.noop.upS + e.noop.destroyS;
  const target = 1.2 * noop + e.floorS;
  const ratio = (t: { upS: number; destroyS: number }) => fmt((t.upS + t.destroyS) / (noop + e.floorS));
  const native = e.native.upS + e.native.destroyS;
  return (
    `Floor of ${e.resources} orders and their disconnects at the engine's parallelism (${e.parallelism}): ` +
    `${fmt(e.floorS)} s. Target for the native stack's up + destroy: 1.2 × the no-op's + the floor = ${fmt(target)} s; ` +
    `measured ${fmt(native)} s (${native <= target ? "met" : "MISSED"}). Up + destroy against the no-op's plus the ` +
    `floor: native ${ratio(e.native)}×, dynamic ${ratio(e.numbers)}×.`
  );
}

/** The benchmark's outputs: a table on stdout, JSON and Markdown under bench/results, and an SVG chart. */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { BucketTimeline } from "../provider/http/ratelimit";
import type { EngineResult } from "./engine";
import { type Bucket, CONTENDERS, type Contender, FLOOR_DERIVATION, SETTINGS_FLOOR_DERIVATION } from "./settings";

/** Detection lag and cost of single orders at one processing time. */
export interface SingleRow {
  contender: string;
  latencyS: number;
  samples: number;
  lagP50Ms: number;
  lagP95Ms: number;
  requestsPerOrder: number;
  rateLimited: number;
  errors: string[];
}

/** What every fleet run measures: its times against its floor, its requests, its memory and its outcome. */
export interface FleetMeasures {
  n: number;
  concurrency: number;
  /** Order (and TN option order) and disconnect processing time of this run (s). */
  latencyS: number;
  wallS: number;
  upS: number;
  destroyS: number;
  floorS: number;
  floorTerms: Record<string, number>;
  requests: number;
  requestsPerNumber: number;
  rateLimited: number;
  rateLimitedPct: number;
  peakRssMb: number;
  completed: number;
  errors: string[];
  byRoute: Record<string, number>;
  /** The provider's client-side buckets over the run (the provider contender only; the JSON report only). */
  clientBuckets?: ClientBucketSeries[];
}

/** One contender's fleet run. */
export interface FleetRow extends FleetMeasures {
  contender: string;
}

/** The provider's run of the fleet with number settings: N PhoneNumberOrders of one number, one TN option each. */
export interface SettingsFleetRow extends FleetMeasures {
  /** The settings every order was created with (JSON). */
  option: string;
  /** TN option orders the emulator recorded for the account. */
  optionOrders: number;
  /** Requests to `/tnoptions` (placing and polling option orders). */
  optionRequests: number;
  optionRequestsPerNumber: number;
  /** The least option requests per number any client can spend at this N and C (`settingsFleetFloor`). */
  leastOptionRequestsPerNumber: number;
  /** Distinct numbers in COMPLETE TN option orders, by the emulator's records. */
  numbersSet: number;
  /** 429s per route shape. */
  byRoute429: Record<string, number>;
}

/** Several provider processes on one account running the same total work at once. */
export interface MultiRow {
  processes: number;
  /** Lifecycles over all processes, split evenly. */
  n: number;
  /** Concurrency of each process. */
  concurrency: number;
  latencyS: number;
  /** From the first process's start to the last one's end (s). */
  wallS: number;
  slowestProcessS: number;
  /** `wallS` against the 1-process run's. */
  vsOneProcess: number;
  requests: number;
  requestsPerNumber: number;
  rateLimited: number;
  rateLimitedPct: number;
  /** 429s per route shape. */
  byRoute429: Record<string, number>;
  completed: number;
  /** Requests answered 429 in each second from the first process's start. */
  rateLimitedPerS: number[];
  /** Each process's client-side buckets, from the first process's start (the JSON report only). */
  clientBuckets: ClientBucketSeries[][];
  errors: string[];
}

/** The emulator's category that meters the same calls as a client category (the rest share a name). */
const SERVER_CATEGORY: Record<string, string> = { PHONE_NUMBER_IMPORTS: "V1_IMPORT", PHONE_NUMBERS: "V1" };

/** One client-side bucket of the provider over one fleet run: what it admitted per second, and its 429 pauses. */
export interface ClientBucketSeries {
  /** The client's category (ORDER, HISTORY, PHONE_NUMBER_IMPORTS, ...). */
  category: string;
  /** The emulator's category metering the same calls, and its steady rate (requests a second). */
  serverCategory?: string;
  serverRatePerS?: number;
  /** Requests admitted in each second from the run's start. */
  admittedPerS: number[];
  /** Each 429 pause as [reported, reset] in seconds from the run's start. */
  pauses: Array<[number, number]>;
  admitted: number;
  /** From the first 429 to the last reset: its length (s) and the rate admitted over it (requests a second). */
  throttledSpanS?: number;
  admittedWhileThrottledPerS?: number;
  /** The lowest rate in force from the first 429 on (requests a second). */
  lowestRateInForcePerS?: number;
  /**
   * The longest time (s) from a reset to the end of the first second that admitted at least 90 % of the server's
   * rate, over the pauses followed by enough demand (3 s worth at the server's rate); undefined when none was.
   */
  slowestRecoveryS?: number;
}

/** Turns the provider's bucket timelines into per-second series and the figures that show (no) collapse. */
export function clientBucketSeries(
  records: ReadonlyArray<{ category: string; timeline: BucketTimeline }>,
  runStartMs: number,
  rateLimits: Record<string, Bucket>,
): ClientBucketSeries[] {
  const byCategory = new Map<string, Array<{ category: string; timeline: BucketTimeline }>>();
  for (const r of records) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const out: ClientBucketSeries[] = [];
  for (const [category, parts] of byCategory) {
    const admittedPerS: number[] = [];
    const pauses: Array<[number, number]> = [];
    const rates: Array<{ atS: number; rate: number }> = [];
    for (const { timeline: t } of parts) {
      t.admitted.forEach((n, i) => {
        const s = Math.floor((t.startMs + i * t.binMs - runStartMs) / 1000);
        if (s >= 0 && n > 0) admittedPerS[s] = (admittedPerS[s] ?? 0) + n;
      });
      for (const p of t.pauses) pauses.push([(p.atMs - runStartMs) / 1000, (p.untilMs - runStartMs) / 1000]);
      for (const r of t.rates) rates.push({ atS: (r.atMs - runStartMs) / 1000, rate: r.ratePerSecond });
    }
    const bins = Array.from(admittedPerS, (n) => n ?? 0);
    const admitted = bins.reduce((a, b) => a + b, 0);
    if (admitted === 0) continue;
    pauses.sort((a, b) => a[0] - b[0]);
    rates.sort((a, b) => a.atS - b.atS);
    const serverCategory = SERVER_CATEGORY[category] ?? (rateLimits[category] ? category : undefined);
    const limit = serverCategory ? rateLimits[serverCategory] : undefined;
    const serverRatePerS = limit ? limit.perMinute / 60 : undefined;
    const series: ClientBucketSeries = {
      category,
      serverCategory,
      serverRatePerS,
      admittedPerS: bins,
      pauses,
      admitted,
    };
    if (pauses.length > 0) {
      const first = pauses[0][0];
      const lastReset = Math.max(...pauses.map((p) => p[1]));
      const [from, to] = [Math.ceil(first), Math.floor(lastReset)];
      if (to - from >= 2) {
        series.throttledSpanS = to - from;
        series.admittedWhileThrottledPerS = bins.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
      }
      const inForceAtFirst = [...rates].reverse().find((r) => r.atS <= first)?.rate;
      const later = rates.filter((r) => r.atS >= first).map((r) => r.rate);
      series.lowestRateInForcePerS = Math.min(...later, ...(inForceAtFirst === undefined ? [] : [inForceAtFirst]));
      if (serverRatePerS !== undefined) {
        for (const [, reset] of pauses) {
          const after = bins.slice(Math.floor(reset));
          if (after.reduce((a, b) => a + b, 0) < 3 * serverRatePerS) continue;
          const k = after.findIndex((n) => n >= 0.9 * serverRatePerS);
          if (k < 0) continue;
          const recovery = Math.floor(reset) + k + 1 - reset;
          series.slowestRecoveryS = Math.max(series.slowestRecoveryS ?? 0, recovery);
        }
      }
    }
    out.push(series);
  }
  return out.sort((a, b) => a.category.localeCompare(b.category));
}

/** The preview run, or why it failed. */
export type PreviewResult =
  | {
      resources: number;
      requests: number;
      msPerResource: number;
      phoneNumberOrderMsPer: number;
      voiceImportMsPer: number;
      unexpectedChanges: number;
      peakRssMb: number;
    }
  | { error: string };

/** One of the issue's targets, checked against this run. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Everything one run produced (the JSON file). */
export interface BenchResults {
  startedAt: string;
  durationS?: number;
  command: string;
  machine: { cores: number; cpu: string; memoryGb: number };
  node: string;
  settings: {
    rateLimits: Record<string, Bucket>;
    fleetLatencyS: number;
    singleOrderSamples: number;
    contendersSideBySide: boolean;
    contenders: Contender[];
  };
  single: SingleRow[];
  fleet: FleetRow[];
  settingsFleet?: SettingsFleetRow[];
  multi?: MultiRow[];
  preview?: PreviewResult;
  engine?: EngineResult;
  targets: TargetCheck[];
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "-");

/** Checks the issue's targets; fleet targets use the largest N that ran. */
export function evaluateTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const provider = r.fleet.filter((f) => f.contender === "provider" && f.latencyS === r.settings.fleetLatencyS);
  const largest = Math.max(...provider.map((f) => f.n));
  const slow = r.fleet.filter((f) => f.contender === "provider" && f.latencyS !== r.settings.fleetLatencyS);
  for (const f of [...provider.filter((row) => row.n === largest), ...slow]) {
    const at = `N=${f.n} C=${f.concurrency} L=${f.latencyS}s`;
    const baseline = r.fleet.find(
      (b) => b.contender === "sdk-500ms" && b.n === f.n && b.concurrency === f.concurrency && b.latencyS === f.latencyS,
    );
    const ok = f.errors.length === 0 && f.completed === f.n;
    checks.push(
      { target: `fleet ${at}: all lifecycles succeed`, measured: `${f.completed}/${f.n}`, met: ok },
      {
        target: `fleet ${at}: wall ≤ 1.1 × floor`,
        measured: `${fmt(f.wallS)} s vs floor ${fmt(f.floorS)} s (${fmt(f.wallS / f.floorS, 2)}×)`,
        met: f.wallS <= 1.1 * f.floorS,
      },
      {
        target: `fleet ${at}: ≤ 5 requests per number`,
        measured: fmt(f.requestsPerNumber, 2),
        met: f.requestsPerNumber <= 5,
      },
      {
        target: `fleet ${at}: ≤ 1 % answered 429`,
        measured: `${fmt(f.rateLimitedPct, 2)} %`,
        met: f.rateLimitedPct <= 1,
      },
      {
        target: `fleet ${at}: ≥ 5 × fewer requests than the 500 ms baseline`,
        measured: baseline ? `${fmt(baseline.requests / Math.max(1, f.requests), 2)}×` : "no baseline",
        met: baseline !== undefined && baseline.requests >= 5 * f.requests,
      },
      { target: `fleet ${at}: peak RSS ≤ 200 MB`, measured: `${fmt(f.peakRssMb, 0)} MB`, met: f.peakRssMb <= 200 },
    );
  }
  // The floor is checked against contenders that only obey the buckets: the 2 s script's whole run and the 500 ms
  // script's up phase (its destroy is bound by one disconnect per number) must land at or just above it.
  for (const f of r.fleet.filter((row) => row.n === largest && row.latencyS === r.settings.fleetLatencyS)) {
    const at = `N=${f.n} C=${f.concurrency}`;
    const ratio =
      f.contender === "sdk-2s"
        ? f.wallS / f.floorS
        : f.contender === "sdk-500ms"
          ? f.upS / (f.floorTerms.up ?? Number.NaN)
          : undefined;
    if (ratio === undefined) continue;
    checks.push({
      target: `floor check ${at}: ${f.contender} ${f.contender === "sdk-2s" ? "wall" : "up phase"} within 1.00–1.05 × floor`,
      measured: `${fmt(ratio, 3)}×`,
      met: ratio >= 0.995 && ratio <= 1.05,
    });
  }
  // No client-side collapse: while a bucket is throttled it admits the server's rate, and each reset is followed
  // within a few seconds by a second at the server's rate.
  for (const f of provider.filter((row) => row.n === largest)) {
    for (const b of f.clientBuckets ?? []) {
      if (b.serverRatePerS === undefined || b.pauses.length === 0) continue;
      const at = `N=${f.n} C=${f.concurrency} ${b.category}`;
      if (b.admittedWhileThrottledPerS !== undefined) {
        const ratio = b.admittedWhileThrottledPerS / b.serverRatePerS;
        checks.push({
          target: `client bucket ${at}: admits ≥ 0.9 × the server's rate while throttled`,
          measured: `${fmt(b.admittedWhileThrottledPerS, 2)}/s vs ${fmt(b.serverRatePerS, 2)}/s (${fmt(ratio, 2)}×)`,
          met: ratio >= 0.9,
        });
      }
      if (b.slowestRecoveryS !== undefined) {
        checks.push({
          target: `client bucket ${at}: back at the server's rate ≤ 3 s after a 429's reset`,
          measured: `${fmt(b.slowestRecoveryS, 1)} s`,
          met: b.slowestRecoveryS <= 3,
        });
      }
    }
  }
  for (const f of r.settingsFleet ?? []) {
    const at = `settings fleet N=${f.n} C=${f.concurrency} L=${f.latencyS}s`;
    checks.push(
      {
        target: `${at}: all lifecycles succeed, every number in a COMPLETE option order`,
        measured: `${f.completed}/${f.n}, ${f.numbersSet} set`,
        met: f.errors.length === 0 && f.completed === f.n && f.numbersSet === f.n,
      },
      {
        target: `${at}: wall ≤ 1.1 × floor`,
        measured: `${fmt(f.wallS)} s vs floor ${fmt(f.floorS)} s (${fmt(f.wallS / f.floorS, 2)}×)`,
        met: f.wallS <= 1.1 * f.floorS,
      },
      {
        target: `${at}: ≤ 0.2 option requests per number`,
        measured: `${fmt(f.optionRequestsPerNumber, 3)} (least possible ${fmt(f.leastOptionRequestsPerNumber, 3)})`,
        met: f.optionRequestsPerNumber <= 0.2,
      },
    );
  }
  for (const s of r.single.filter((row) => row.contender === "provider")) {
    const bound = Math.max(100, 100 * s.latencyS);
    checks.push({
      target: `single order L=${s.latencyS} s: lag p50 ≤ ${bound} ms`,
      measured: `${fmt(s.lagP50Ms, 0)} ms`,
      met: s.lagP50Ms <= bound,
    });
    if (s.latencyS === 10) {
      checks.push({
        target: "single order L=10 s: ≤ 10 requests",
        measured: fmt(s.requestsPerOrder, 1),
        met: s.requestsPerOrder <= 10,
      });
    }
  }
  if (r.preview && "resources" in r.preview) {
    const p = r.preview;
    checks.push(
      { target: "preview: 0 requests", measured: String(p.requests), met: p.requests === 0 },
      { target: "preview: ≤ 1 ms per resource", measured: `${fmt(p.msPerResource, 3)} ms`, met: p.msPerResource <= 1 },
      {
        target: "preview: unchanged program diffs as unchanged",
        measured: `${p.unexpectedChanges} changes`,
        met: p.unexpectedChanges === 0,
      },
    );
  }
  for (const m of r.multi ?? []) {
    if (m.processes === 1) continue;
    const at = `${m.processes} processes on one account, N=${m.n}`;
    checks.push(
      { target: `${at}: all lifecycles succeed`, measured: `${m.completed}/${m.n}`, met: m.completed === m.n },
      {
        target: `${at}: ≤ 10 % answered 429`,
        measured: `${fmt(m.rateLimitedPct, 2)} %`,
        met: m.rateLimitedPct <= 10,
      },
      {
        target: `${at}: wall ≤ 1.5 × one process`,
        measured: `${fmt(m.wallS)} s (${fmt(m.vsOneProcess, 2)}×)`,
        met: m.vsOneProcess <= 1.5,
      },
    );
  }
  return checks;
}

/** The multi-process rows: the same total work split over several provider processes on one account. */
function multiTable(rows: MultiRow[]): string[] {
  if (rows.length === 0) return [];
  const first = rows[0];
  const routes = [...new Set(rows.flatMap((m) => Object.keys(m.byRoute429)))].sort();
  return [
    `### Several stacks on one account (N = ${first.n} split evenly, C = ${first.concurrency} per process, L = D = ${first.latencyS} s)`,
    "",
    "Separate provider processes started together on one emulated account, each with its own limiter and nothing",
    "shared but the server's answers. Wall time runs from the first start to the last end.",
    "",
    table(
      [
        "processes",
        "wall (s)",
        "vs 1 process",
        "slowest process (s)",
        "requests",
        "req/number",
        "429s",
        "429 %",
        ...routes.map((r) => `429s \`${r}\``),
        "ok",
      ],
      rows.map((m) => [
        String(m.processes),
        fmt(m.wallS),
        `${fmt(m.vsOneProcess, 2)}×`,
        fmt(m.slowestProcessS),
        String(m.requests),
        fmt(m.requestsPerNumber, 2),
        String(m.rateLimited),
        fmt(m.rateLimitedPct, 2),
        ...routes.map((r) => String(m.byRoute429[r] ?? 0)),
        `${m.completed}/${m.n}`,
      ]),
    ),
    "",
  ];
}

/**
 * The provider's requests per number by route at the largest fleets: where the requests go. A list is named by its
 * filters: `?customerOrderId` is a per-id lookup before ordering, `?page=` an unfiltered list (the lookups' shared
 * view of the account's orders, or v1's list of numbers), `?startdate` the order watcher's date-bounded list.
 */
function routeTable(
  rows: ReadonlyArray<Pick<FleetRow, "n" | "concurrency" | "latencyS" | "byRoute">>,
  title = "Requests per number by route (provider, largest fleets):",
): string[] {
  if (rows.length === 0) return [];
  const routes = [...new Set(rows.flatMap((f) => Object.keys(f.byRoute ?? {})))].sort();
  return [
    title,
    "",
    table(
      ["route", ...rows.map((f) => `N=${f.n} C=${f.concurrency} L=${f.latencyS}s`)],
      routes.map((route) => [`\`${route}\``, ...rows.map((f) => fmt((f.byRoute?.[route] ?? 0) / f.n, 2))]),
    ),
    "",
  ];
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The whole report as Markdown (also what stdout shows). */
export function markdown(r: BenchResults): string {
  const out: string[] = [];
  const limits = Object.entries(r.settings.rateLimits)
    .map(([k, v]) => `${k} ${v.perMinute}/min burst ${v.burst}`)
    .join(", ");
  out.push(
    `Run ${r.startedAt} on ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.node}, ${fmt(r.durationS ?? 0, 0)} s: \`${r.command}\``,
    "",
    `Emulator limits per account: ${limits}. Contenders ${r.settings.contendersSideBySide ? "ran side by side, each on its own account" : "ran one after another"}.`,
    "",
  );
  if (r.single.length > 0) {
    out.push(
      `### Single order (${r.settings.singleOrderSamples} orders at once per contender)`,
      "",
      table(
        ["contender", "L (s)", "lag p50 (ms)", "lag p95 (ms)", "requests/order", "429s"],
        r.single.map((s) => [
          s.contender,
          String(s.latencyS),
          fmt(s.lagP50Ms, 0),
          fmt(s.lagP95Ms, 0),
          fmt(s.requestsPerOrder, 1),
          String(s.rateLimited),
        ]),
      ),
      "",
    );
  }
  if (r.fleet.length > 0) {
    out.push(
      `### Fleet: order, import, destroy (L = D = ${r.settings.fleetLatencyS} s)`,
      "",
      table(
        [
          "contender",
          "N",
          "C",
          "L (s)",
          "wall (s)",
          "floor (s)",
          "wall/floor",
          "requests",
          "req/number",
          "429s",
          "429 %",
          "peak RSS (MB)",
          "ok",
        ],
        r.fleet.map((f) => [
          f.contender,
          String(f.n),
          String(f.concurrency),
          String(f.latencyS),
          fmt(f.wallS),
          fmt(f.floorS),
          fmt(f.wallS / f.floorS, 2),
          String(f.requests),
          fmt(f.requestsPerNumber, 2),
          String(f.rateLimited),
          fmt(f.rateLimitedPct, 2),
          fmt(f.peakRssMb, 0),
          `${f.completed}/${f.n}`,
        ]),
      ),
      "",
      FLOOR_DERIVATION,
      "",
    );
    const largest = Math.max(...r.fleet.map((f) => f.n));
    out.push(...routeTable(r.fleet.filter((f) => f.contender === "provider" && f.n === largest)));
  }
  const settingsRows = r.settingsFleet ?? [];
  if (settingsRows.length > 0) {
    out.push(
      `### Fleet with number settings: order 1 number with ${settingsRows[0].option}, destroy (provider)`,
      "",
      table(
        [
          "N",
          "C",
          "L (s)",
          "wall (s)",
          "up (s)",
          "destroy (s)",
          "floor (s)",
          "wall/floor",
          "req/number",
          "option orders",
          "option req/number",
          "least option req/number",
          "429s",
          "429 %",
          "peak RSS (MB)",
          "ok",
          "set",
        ],
        settingsRows.map((f) => [
          String(f.n),
          String(f.concurrency),
          String(f.latencyS),
          fmt(f.wallS),
          fmt(f.upS),
          fmt(f.destroyS),
          fmt(f.floorS),
          fmt(f.wallS / f.floorS, 2),
          fmt(f.requestsPerNumber, 2),
          String(f.optionOrders),
          fmt(f.optionRequestsPerNumber, 3),
          fmt(f.leastOptionRequestsPerNumber, 3),
          String(f.rateLimited),
          fmt(f.rateLimitedPct, 2),
          fmt(f.peakRssMb, 0),
          `${f.completed}/${f.n}`,
          String(f.numbersSet),
        ]),
      ),
      "",
      SETTINGS_FLOOR_DERIVATION,
      "",
      ...routeTable(settingsRows, "Requests per number by route (settings fleet):"),
    );
    for (const f of settingsRows.filter((row) => row.rateLimited > 0)) {
      const where = Object.entries(f.byRoute429).map(([route, n]) => `${n} on \`${route}\``);
      out.push(`429s at N = ${f.n}, C = ${f.concurrency}: ${where.join(", ")}.`, "");
    }
    for (const f of settingsRows.filter((row) => row.errors.length > 0)) {
      out.push(`Errors at N = ${f.n}, C = ${f.concurrency}: ${f.errors.join(" / ")}`, "");
    }
  }
  const limiterRows = r.fleet.flatMap((f) => (f.clientBuckets ?? []).map((b) => ({ f, b })));
  if (limiterRows.length > 0) {
    out.push(
      "### The provider's client limiter (fleet runs)",
      "",
      "Requests each client-side bucket admitted, from 1 s bins (chart: limiter.svg). A client-side collapse would",
      "show as an admitted rate well below the server's while throttled, a low rate in force, or a slow recovery",
      "(from a 429's reset to the first second admitting ≥ 90 % of the server's rate).",
      "",
      table(
        [
          "N",
          "C",
          "L (s)",
          "category",
          "server",
          "server rate/s",
          "admitted",
          "peak/s",
          "429 pauses",
          "throttled (s)",
          "admitted/s throttled",
          "vs server",
          "lowest rate in force/s",
          "slowest recovery (s)",
        ],
        limiterRows.map(({ f, b }) => [
          String(f.n),
          String(f.concurrency),
          String(f.latencyS),
          b.category,
          b.serverCategory ?? "-",
          b.serverRatePerS === undefined ? "-" : fmt(b.serverRatePerS, 2),
          String(b.admitted),
          String(Math.max(...b.admittedPerS)),
          String(b.pauses.length),
          b.throttledSpanS === undefined ? "-" : String(b.throttledSpanS),
          b.admittedWhileThrottledPerS === undefined ? "-" : fmt(b.admittedWhileThrottledPerS, 2),
          b.admittedWhileThrottledPerS === undefined || b.serverRatePerS === undefined
            ? "-"
            : `${fmt(b.admittedWhileThrottledPerS / b.serverRatePerS, 2)}×`,
          b.lowestRateInForcePerS === undefined ? "-" : fmt(b.lowestRateInForcePerS, 2),
          b.slowestRecoveryS === undefined ? "-" : fmt(b.slowestRecoveryS, 1),
        ]),
      ),
      "",
    );
  }
  if (r.preview) {
    const p = r.preview;
    out.push("### Preview (check + diff, unchanged program)", "");
    if ("error" in p) out.push(`failed: ${p.error}`, "");
    else {
      out.push(
        table(
          ["resources", "requests", "ms/resource", "PhoneNumberOrder ms", "VoiceImport ms", "changes", "peak RSS (MB)"],
          [
            [
              String(p.resources),
              String(p.requests),
              fmt(p.msPerResource, 3),
              fmt(p.phoneNumberOrderMsPer, 3),
              fmt(p.voiceImportMsPer, 3),
              String(p.unexpectedChanges),
              fmt(p.peakRssMb, 0),
            ],
          ],
        ),
        "",
      );
    }
  }
  if (r.engine) {
    const e = r.engine;
    out.push("### Through the Pulumi engine", "");
    if (!e.available) out.push(`not run: ${e.reason}`, "");
    else {
      out.push(
        table(
          ["stack", "up (s)", "destroy (s)", "created", "deleted", "requests", "429s", "state per resource (bytes)"],
          [
            ...(
              [
                [`${e.resources} PhoneNumberOrders, dynamic`, e.numbers],
                [`${e.resources} PhoneNumberOrders, native`, e.native],
              ] as const
            ).map(([label, t]) => [
              label,
              fmt(t.upS),
              fmt(t.destroyS),
              String(t.created),
              String(t.deleted),
              String(t.requests),
              String(t.rateLimited),
              String(t.stateBytesPerResource),
            ]),
            [
              `${e.resources} no-op (dynamic)`,
              fmt(e.noop.upS),
              fmt(e.noop.destroyS),
              String(e.noop.created),
              String(e.noop.deleted),
              "0",
              "0",
              String(e.noop.stateBytesPerResource),
            ],
          ],
        ),
        "",
        engineVerdict(e),
        "",
      );
    }
  }
  out.push(...multiTable(r.multi ?? []));
  if (r.targets.length > 0) {
    out.push(
      "### Targets",
      "",
      table(
        ["target", "measured", "met"],
        r.targets.map((t) => [t.target, t.measured, t.met ? "yes" : "NO"]),
      ),
      "",
    );
  }
  const errors = [
    ...r.single.flatMap((s) => s.errors),
    ...r.fleet.flatMap((f) => f.errors),
    ...(r.multi ?? []).flatMap((m) => m.errors),
  ];
  if (errors.length > 0) out.push("### Errors", "", ...[...new Set(errors)].map((e) => `- ${e.split("\n")[0]}`), "");
  return out.join("\n");
}

const COLORS: Record<string, string> = { provider: "#1f77b4", "sdk-500ms": "#d62728", "sdk-2s": "#ff7f0e" };

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Log-scale axis: value → pixel within [from, to]. */
function logScale(min: number, max: number, from: number, to: number) {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (v: number) => from + ((Math.log10(Math.max(v, min)) - lo) / (hi - lo || 1)) * (to - from);
}

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

/** Wall time and requests against N, one line per contender and concurrency (dashed: the higher one). */
export function fleetSvg(results: BenchResults): string {
  const r = { ...results, fleet: results.fleet.filter((f) => f.latencyS === results.settings.fleetLatencyS) };
  const width = 980;
  const height = 430;
  const panelW = 400;
  const top = 40;
  const bottom = 340;
  const sizes = [...new Set(r.fleet.map((f) => f.n))].sort((a, b) => a - b);
  const concurrencies = [...new Set(r.fleet.map((f) => f.concurrency))].sort((a, b) => a - b);
  if (sizes.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no fleet data</text></svg>`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  const panels: Array<{ title: string; value: (f: FleetRow) => number; floor: boolean }> = [
    { title: `wall time (s) against N, L = ${r.settings.fleetLatencyS} s`, value: (f) => f.wallS, floor: true },
    { title: "requests against N", value: (f) => f.requests, floor: false },
  ];
  panels.forEach((panel, pi) => {
    const left = 70 + pi * (panelW + 90);
    const values = r.fleet.map(panel.value).filter((v) => Number.isFinite(v) && v > 0);
    if (panel.floor) values.push(...r.fleet.map((f) => f.floorS));
    const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
    const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    const x = logScale(sizes[0], sizes[sizes.length - 1], left, left + panelW);
    const y = logScale(yMin, yMax, bottom, top);
    parts.push(`<text x="${left}" y="${top - 15}" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`);
    parts.push(`<rect x="${left}" y="${top}" width="${panelW}" height="${bottom - top}" fill="none" stroke="#999"/>`);
    for (const d of decades(yMin, yMax)) {
      if (d < yMin || d > yMax) continue;
      parts.push(`<line x1="${left}" x2="${left + panelW}" y1="${y(d)}" y2="${y(d)}" stroke="#eee"/>`);
      parts.push(`<text x="${left - 6}" y="${y(d) + 4}" text-anchor="end">${d}</text>`);
    }
    for (const n of sizes) {
      parts.push(`<text x="${x(n)}" y="${bottom + 16}" text-anchor="middle">${n}</text>`);
    }
    parts.push(`<text x="${left + panelW / 2}" y="${bottom + 34}" text-anchor="middle">N (numbers)</text>`);
    const line = (points: Array<[number, number]>, color: string, dash: string, width = 2) =>
      `<polyline fill="none" stroke="${color}" stroke-width="${width}" stroke-dasharray="${dash}" points="${points
        .map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`)
        .join(" ")}"/>`;
    concurrencies.forEach((c, ci) => {
      const dash = ci === 0 ? "" : "6 4";
      if (panel.floor) {
        const floors = sizes.map((n) => r.fleet.find((f) => f.n === n && f.concurrency === c)?.floorS ?? Number.NaN);
        parts.push(
          line(
            sizes.map((n, i) => [x(n), y(floors[i])]),
            "#888",
            ci === 0 ? "2 3" : "1 5",
            1.5,
          ),
        );
      }
      for (const contender of CONTENDERS) {
        const rows = sizes
          .map((n) => r.fleet.find((f) => f.contender === contender.id && f.n === n && f.concurrency === c))
          .filter((f): f is FleetRow => f !== undefined && Number.isFinite(panel.value(f)));
        const color = COLORS[contender.id] ?? "#333";
        parts.push(
          line(
            rows.map((f) => [x(f.n), y(panel.value(f))]),
            color,
            dash,
          ),
        );
        for (const f of rows) parts.push(`<circle cx="${x(f.n)}" cy="${y(panel.value(f))}" r="3" fill="${color}"/>`);
      }
    });
  });
  let ly = bottom + 58;
  let lx = 70;
  const legend = (label: string, color: string, dash: string) => {
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2" stroke-dasharray="${dash}"/>`,
    );
    parts.push(`<text x="${lx + 34}" y="${ly}">${escapeXml(label)}</text>`);
    lx += 34 + label.length * 6.5 + 20;
    if (lx > width - 200) {
      lx = 70;
      ly += 18;
    }
  };
  for (const contender of CONTENDERS) legend(contender.label, COLORS[contender.id] ?? "#333", "");
  for (const [ci, c] of concurrencies.entries()) {
    legend(`C = ${c}${ci === 0 ? " (solid)" : " (dashed)"}`, "#333", ci === 0 ? "" : "6 4");
  }
  legend("floor", "#888", "2 3");
  parts.push("</svg>");
  return parts.join("\n");
}

const CATEGORY_COLORS = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"];

/**
 * The provider's client buckets over time: requests admitted per second by category (solid), the server's rate of
 * the same category (dotted) and the 429 pauses (red ticks), one panel per provider fleet run of the largest N at the
 * fleet processing time.
 */
export function limiterSvg(results: BenchResults): string {
  const provider = results.fleet.filter(
    (f) => f.contender === "provider" && f.latencyS === results.settings.fleetLatencyS && f.clientBuckets?.length,
  );
  const largest = Math.max(...provider.map((f) => f.n));
  const runs = provider.filter((f) => f.n === largest);
  if (runs.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no limiter data</text></svg>`;
  const width = 980;
  const panelH = 220;
  const left = 70;
  const panelW = 560; // the legend takes the rest
  const height = runs.length * (panelH + 70) + 20;
  const categories = [...new Set(runs.flatMap((f) => f.clientBuckets!.map((b) => b.category)))].sort();
  const color = (c: string) => CATEGORY_COLORS[categories.indexOf(c) % CATEGORY_COLORS.length];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  runs.forEach((f, ri) => {
    const top = 40 + ri * (panelH + 70);
    const bottom = top + panelH;
    const buckets = f.clientBuckets!;
    const seconds = Math.max(1, Math.ceil(f.wallS), ...buckets.map((b) => b.admittedPerS.length));
    const yMax = Math.max(1, ...buckets.flatMap((b) => [...b.admittedPerS, b.serverRatePerS ?? 0])) * 1.1;
    const x = (s: number) => left + (s / seconds) * panelW;
    const y = (v: number) => bottom - (Math.min(v, yMax) / yMax) * panelH;
    const title = `client buckets, provider N = ${f.n}, C = ${f.concurrency}: requests admitted per second`;
    parts.push(`<text x="${left}" y="${top - 12}" font-size="14" font-weight="bold">${escapeXml(title)}</text>`);
    parts.push(`<rect x="${left}" y="${top}" width="${panelW}" height="${panelH}" fill="none" stroke="#999"/>`);
    for (const v of [0, yMax / 2, yMax]) {
      parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v, 0)}</text>`);
    }
    for (let s = 0; s <= seconds; s += Math.max(1, Math.ceil(seconds / 10))) {
      parts.push(`<text x="${x(s)}" y="${bottom + 16}" text-anchor="middle">${s}</text>`);
    }
    parts.push(
      `<text x="${left + panelW / 2}" y="${bottom + 32}" text-anchor="middle">seconds from the run's start</text>`,
    );
    for (const b of buckets) {
      const c = color(b.category);
      if (b.serverRatePerS !== undefined) {
        parts.push(
          `<line x1="${left}" x2="${left + panelW}" y1="${y(b.serverRatePerS)}" y2="${y(b.serverRatePerS)}" stroke="${c}" stroke-dasharray="2 3"/>`,
        );
      }
      const points = b.admittedPerS.map((n, s) => `${x(s + 0.5).toFixed(1)},${y(n).toFixed(1)}`).join(" ");
      parts.push(`<polyline fill="none" stroke="${c}" stroke-width="1.5" points="${points}"/>`);
      for (const [at] of b.pauses) {
        parts.push(`<line x1="${x(at)}" x2="${x(at)}" y1="${bottom}" y2="${bottom - 8}" stroke="#d00"/>`);
      }
    }
    let ly = top + 14;
    for (const c of categories.filter((cat) => buckets.some((b) => b.category === cat))) {
      const b = buckets.find((bk) => bk.category === c)!;
      const label = `${c}${b.serverRatePerS === undefined ? "" : ` (server ${fmt(b.serverRatePerS, 2)}/s, dotted)`}, ${b.pauses.length} 429s`;
      parts.push(
        `<line x1="${left + panelW + 12}" x2="${left + panelW + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color(c)}" stroke-width="2"/>`,
      );
      parts.push(`<text x="${left + panelW + 34}" y="${ly}" font-size="10">${escapeXml(label)}</text>`);
      ly += 16;
    }
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** Prints the report and writes latest.json, latest.md, fleet.svg and limiter.svg into `dir`. */
export function writeReports(r: BenchResults, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const md = markdown(r);
  process.stdout.write(`${md}\n`);
  writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(path.join(dir, "latest.md"), `${md}\n`);
  writeFileSync(path.join(dir, "fleet.svg"), `${fleetSvg(r)}\n`);
  writeFileSync(path.join(dir, "limiter.svg"), `${limiterSvg(r)}\n`);
  process.stderr.write(
    `bench: wrote ${["latest.json", "latest.md", "fleet.svg", "limiter.svg"].join(", ")} in ${path.relative(process.cwd(), dir) || "."}\n`,
  );
}
