/**
 * Through the real engine: `pulumi up` and `pulumi destroy` of N numbers against the same N no-op dynamic resources,
 * so the engine's own per-resource cost is separated from the provider's.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import * as path from "node:path";
import type { RunningEmulator } from "../emulator";
import { createStack, ensureEngine } from "../scripts/tooling";
import { countRequests } from "./measure";
import { ENGINE_RESOURCES } from "./settings";

/** Timings of one stack's up and destroy. */
export interface StackTimings {
  upS: number;
  destroyS: number;
  created: number;
  deleted: number;
}

/** The engine comparison, or why it could not run. */
export type EngineResult =
  | { available: false; reason: string }
  | {
      available: true;
      resources: number;
      numbers: StackTimings & { requests: number; rateLimited: number };
      noop: StackTimings;
    };

/** The repository root: this file compiles to dist/bench/engine.js. */
const repoRoot = path.resolve(__dirname, "..", "..");

/** Copies a fixture next to itself (so `pulumi-bandwidth` resolves through the repo's node_modules) and runs it. */
async function timeStack(fixture: string, env: Record<string, string>): Promise<StackTimings> {
  const workDir = await mkdtemp(path.join(path.dirname(fixture), `.${path.basename(fixture)}-bench-`));
  try {
    await cp(fixture, workDir, { recursive: true });
    const stack = await createStack({
      workDir,
      stackName: "bench",
      config: { count: { value: String(ENGINE_RESOURCES) } },
      env,
    });
    try {
      const t0 = performance.now();
      const up = await stack.up();
      const t1 = performance.now();
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
      };
    } finally {
      await stack.remove();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Runs both stacks against the emulator; an engine that cannot be found or built is reported, not thrown. */
export async function runEngineComparison(
  emu: RunningEmulator,
  env: Record<string, string>,
  owners: ReadonlySet<string>,
): Promise<EngineResult> {
  try {
    await ensureEngine();
  } catch (e) {
    return { available: false, reason: `no Pulumi engine: ${String((e as Error)?.message ?? e).split("\n")[0]}` };
  }
  try {
    const from = Date.now();
    const numbers = await timeStack(path.join(repoRoot, "bench", "fixtures", "numbers"), env);
    const counts = countRequests(emu.requestLog(), owners, from);
    const noop = await timeStack(path.join(repoRoot, "test", "e2e", "fixtures", "noop"), {});
    return {
      available: true,
      resources: ENGINE_RESOURCES,
      numbers: { ...numbers, requests: counts.total, rateLimited: counts.rateLimited },
      noop,
    };
  } catch (e) {
    return { available: false, reason: `engine run failed: ${String((e as Error)?.message ?? e).slice(0, 500)}` };
  }
}
