/**
 * One contender's run in a process of its own, as the engine gives a deployment one provider process: module state
 * (clients, limiters, watchers) starts fresh and the peak RSS is the contender's alone. The parent sends one job over
 * IPC and gets one result back.
 */
import { readFileSync } from "node:fs";
import type * as baselines from "./baselines/sdkScript";
import {
  type FleetOutcome,
  type NumberLifecycle,
  runFleet,
  runSingleOrders,
  type SingleOrderOutcome,
} from "./lifecycle";
import type * as driver from "./providerDriver";
import type { BucketTimeline } from "../provider/http/ratelimit";
import type { Contender } from "./settings";

// Loaded on demand, so a baseline's process never loads the provider (nor @pulumi/pulumi) and its RSS is its own.
const loadDriver = (): typeof driver => require("./providerDriver");
const loadBaselines = (): typeof baselines => require("./baselines/sdkScript");

/** What the parent asks a worker to do. */
export type WorkerJob =
  | { kind: "single"; contender: Contender; count: number; tag: string }
  | {
      kind: "fleet";
      contender: Contender;
      n: number;
      concurrency: number;
      tag: string;
      /** Number settings every order is created with (the provider contender only): orders and releases, no imports. */
      settings?: Record<string, unknown>;
      /** Load everything, say "ready", and start only on the parent's "go" (processes that must start together). */
      barrier?: boolean;
    }
  | { kind: "preview"; count: number; tag: string };

/** What a preview run measured; requests are counted by the parent over [startedAtMs, endedAtMs]. */
export interface PreviewOutcome {
  startedAtMs: number;
  endedAtMs: number;
  orderMs: number;
  importMs: number;
  resources: number;
  /** Checks that failed or diffs that reported a change; an unchanged program must have none. */
  unexpectedChanges: number;
}

/** One client-side bucket of the provider's process over a fleet run. */
export interface ClientBucketRecord {
  /** The client's rate-limit category (ORDER, HISTORY, PHONE_NUMBER_IMPORTS, ...). */
  category: string;
  timeline: BucketTimeline;
}

/** What a worker sends back. */
export interface WorkerResult {
  ok: boolean;
  error?: string;
  maxRssMb: number;
  single?: SingleOrderOutcome;
  fleet?: FleetOutcome;
  /** Epoch ms at which the fleet run started, the origin of the client buckets' bins. */
  fleetStartedAtMs?: number;
  /** The provider's client buckets over a fleet run (the provider contender only). */
  clientBuckets?: ClientBucketRecord[];
  preview?: PreviewOutcome;
}

function lifecycleOf(contender: Contender, tag: string, settings?: Record<string, unknown>): NumberLifecycle<unknown> {
  if (contender.kind === "provider") {
    const d = loadDriver();
    const life = settings ? d.providerSettingsLifecycle(tag, settings) : d.providerLifecycle(tag);
    return life as NumberLifecycle<unknown>;
  }
  if (settings) throw new Error(`${contender.id} sets no number settings`);
  const { sdkLifecycle, sdkSettingsFromEnv } = loadBaselines();
  return sdkLifecycle(sdkSettingsFromEnv(), contender.pollMs ?? 500, tag) as NumberLifecycle<unknown>;
}

/** check + diff of `count` unchanged PhoneNumberOrders and as many VoiceImports, as `pulumi preview` does. */
async function preview(count: number, tag: string): Promise<PreviewOutcome> {
  const { orderArgs, providerLifecycle } = loadDriver();
  const { phoneNumberOrder, voiceImport } = (require("../provider") as typeof import("../provider")).providers;
  // One real order and import give outputs of the true shape; every resource's state is cut from them.
  const life = providerLifecycle(`${tag}-seed`);
  const seeded = await life.importNumber((await life.order(0)).state);
  const orderStates = [];
  const importStates = [];
  for (let i = 0; i < count; i++) {
    const args = orderArgs(tag, i);
    const inputs = (await phoneNumberOrder.check!({}, args)).inputs;
    const tn = `919${2000000 + i}`; // valid NANP numbers, so check passes them
    const olds = { ...seeded.order.outs, ...inputs, telephoneNumbers: [tn], e164Numbers: [`+1${tn}`] };
    orderStates.push({ args, olds, id: `order-${i}` });
    const voiceArgs = { number: `+1${tn}` };
    importStates.push({ args: voiceArgs, olds: { ...seeded.voice!.outs, ...voiceArgs }, id: `n-${i}` });
  }
  let unexpectedChanges = 0;
  const startedAtMs = Date.now();
  const t0 = performance.now();
  for (const r of orderStates) {
    const checked = await phoneNumberOrder.check!(r.olds, r.args);
    if (checked.failures?.length) unexpectedChanges += 1;
    else if ((await phoneNumberOrder.diff!(r.id, r.olds, checked.inputs)).changes) unexpectedChanges += 1;
  }
  const t1 = performance.now();
  for (const r of importStates) {
    const checked = await voiceImport.check!(r.olds, r.args);
    if (checked.failures?.length) unexpectedChanges += 1;
    else if ((await voiceImport.diff!(r.id, r.olds, checked.inputs)).changes) unexpectedChanges += 1;
  }
  const t2 = performance.now();
  return {
    startedAtMs,
    endedAtMs: Date.now(),
    orderMs: t1 - t0,
    importMs: t2 - t1,
    resources: 2 * count,
    unexpectedChanges,
  };
}

async function run(job: WorkerJob): Promise<WorkerResult> {
  const base = { ok: true, maxRssMb: 0 };
  switch (job.kind) {
    case "single":
      return { ...base, single: await runSingleOrders(lifecycleOf(job.contender, job.tag), job.count) };
    case "fleet": {
      const life = lifecycleOf(job.contender, job.tag, job.settings);
      if (job.barrier) await readyThenGo();
      const fleetStartedAtMs = Date.now();
      const fleet = await runFleet(life, job.n, job.concurrency);
      if (job.contender.kind !== "provider") return { ...base, fleet };
      const { sharedBucketTimelines } =
        require("../provider/http/ratelimit") as typeof import("../provider/http/ratelimit");
      const clientBuckets = sharedBucketTimelines().map(({ category, timeline }) => ({ category, timeline }));
      return { ...base, fleet, fleetStartedAtMs, clientBuckets };
    }
    case "preview":
      return { ...base, preview: await preview(job.count, job.tag) };
  }
}

/** Tells the parent this process is loaded and waits for its word to start. */
function readyThenGo(): Promise<void> {
  return new Promise((resolve) => {
    process.once("message", () => resolve());
    process.send!({ ready: true });
  });
}

/**
 * Peak resident memory of this process since it started. Linux's VmHWM, because getrusage's maxRSS carries over the
 * parent's size from before the fork; elsewhere the largest of the samples taken while running.
 */
function peakRssMb(sampledMaxBytes: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: fall back to sampling
  }
  return Math.max(sampledMaxBytes, process.memoryUsage.rss()) / 2 ** 20;
}

process.once("message", (job: WorkerJob) => {
  let sampledMax = 0;
  // Also keeps the process alive, as the engine's gRPC server does for a provider whose timers are all unref'd.
  const sampler = setInterval(() => {
    sampledMax = Math.max(sampledMax, process.memoryUsage.rss());
  }, 100);
  run(job)
    .catch((e): WorkerResult => ({ ok: false, maxRssMb: 0, error: String((e as Error)?.stack ?? e) }))
    .then((result) => {
      clearInterval(sampler);
      result.maxRssMb = peakRssMb(sampledMax);
      // Pools and timers of the contender would keep the process alive: exit once the parent has the result.
      process.send!(result, () => process.exit(0));
    });
});
