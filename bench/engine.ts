/**
 * Through the real engine: `pulumi up` and `pulumi destroy` of N numbers, as dynamic resources and as the native
 * provider's, against the same N no-op dynamic resources, so the engine's own per-resource cost is separated from the
 * provider's. All three stacks run on one engine (the CLI the native provider's programs need).
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import * as path from "node:path";
import type { RunningEmulator } from "../emulator";
import { createStack, type Engine, ensureNativeEngine } from "../scripts/tooling";
import { countRequests } from "./measure";
import { ENGINE_PARALLELISM, FLEET_LATENCY_S, fleetFloor } from "./settings";

/** Timings of one stack's up and destroy. */
export interface StackTimings {
  upS: number;
  destroyS: number;
  created: number;
  deleted: number;
  /** Bytes of state per resource after `up` (the resource's entry in `pulumi stack export`, as JSON). */
  stateBytesPerResource: number;
}

/** The engine comparison, or why it could not run. */
export type EngineResult =
  | { available: false; reason: string }
  | {
      available: true;
      resources: number;
      numbers: StackTimings & { requests: number; rateLimited: number };
      native: StackTimings & { requests: number; rateLimited: number };
      noop: StackTimings;
      /** The least time N orders and their disconnects take at the engine's parallelism (no import in these stacks). */
      floorS: number;
      parallelism: number;
    };

/** The repository root: this file compiles to dist/bench/engine.js. */
const repoRoot = path.resolve(__dirname, "..", "..");

/** Copies a fixture next to itself (so `pulumi-bandwidth` resolves through the repo's node_modules) and runs it. */
async function timeStack(
  fixture: string,
  engine: Engine,
  count: number,
  env: Record<string, string>,
): Promise<StackTimings> {
  const workDir = await mkdtemp(path.join(path.dirname(fixture), `.${path.basename(fixture)}-bench-`));
  try {
    await cp(fixture, workDir, { recursive: true });
    const stack = await createStack({
      workDir,
      stackName: "bench",
      config: { count: { value: String(count) } },
      env,
      engine,
    });
    try {
      const t0 = performance.now();
      const up = await stack.up();
      const t1 = performance.now();
      const ours = ((await stack.exportState()).deployment.resources ?? []).filter((r) => r.custom && r.id);
      const stateBytes = ours.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
      const destroy = await stack.destroy();
      const t2 = performance.now();
      if (up.summary.result !== "succeeded" || destroy.summary.result !== "succeeded") {
        throw new Error(`up ${up.summary.result}, destroy ${destroy.summary.result}`);
      }
      return {
        upS: (t1 - t0) / 1000,
        destroyS: (t2 - t1) / 1000,
        created: up.summary.resourceChanges?.create ?? 0,
        deleted: destroy.summary.resourceChanges?.delete ?? 0,
        stateBytesPerResource: Math.round(stateBytes / Math.max(1, ours.length)),
      };
    } finally {
      await stack.remove();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Runs the three stacks against the emulator; an engine that cannot be found or built is reported, not thrown. */
export async function runEngineComparison(
  emu: RunningEmulator,
  env: Record<string, string>,
  owners: ReadonlySet<string>,
  count: number,
): Promise<EngineResult> {
  let engine: Engine;
  try {
    engine = await ensureNativeEngine();
  } catch (e) {
    return { available: false, reason: `no Pulumi engine: ${String((e as Error)?.message ?? e).split("\n")[0]}` };
  }
  try {
    const counted = async (fixture: string) => {
      const from = Date.now();
      const timings = await timeStack(path.join(repoRoot, "bench", "fixtures", fixture), engine, count, env);
      const c = countRequests(emu.requestLog(), owners, from);
      return { ...timings, requests: c.total, rateLimited: c.rateLimited };
    };
    const numbers = await counted("numbers");
    const native = await counted("numbers-native");
    const noop = await timeStack(path.join(repoRoot, "test", "e2e", "fixtures", "noop"), engine, count, {});
    const parallelism = ENGINE_PARALLELISM;
    const f = fleetFloor(count, parallelism, FLEET_LATENCY_S).terms;
    // No VoiceImport in these stacks: the floor is the orders' and the disconnects' terms only.
    const floorS = Math.max(f.orderSlots, f.orderBucket) + Math.max(f.disconnectRounds, f.disconnectBucket);
    return { available: true, resources: count, numbers, native, noop, floorS, parallelism };
  } catch (e) {
    return { available: false, reason: `engine run failed: ${String((e as Error)?.message ?? e).slice(0, 500)}` };
  }
}
