/** The engine that runs programs served by the native provider plugin: Pulumi YAML, and the plugin on PATH. */
import * as path from "node:path";
import { type Engine, ensureEngine, repoRoot } from "./engine";

/** Arguments of scripts/ensure-pulumi.sh for a CLI with the YAML language host beside it. */
export const YAML_ENGINE_ARGS: readonly string[] = ["--yaml", "v3.276.0"];

/**
 * The YAML-capable engine, its environment with this checkout's plugin launcher (node_modules/.bin, written by
 * scripts/link-self.js) first on PATH, so the engine starts the plugin built from this checkout.
 */
export async function ensureNativeEngine(progress?: (line: string) => void): Promise<Engine> {
  const engine = await ensureEngine({ args: YAML_ENGINE_ARGS, progress });
  const bin = path.join(repoRoot, "node_modules", ".bin");
  return { ...engine, env: { ...engine.env, PATH: `${bin}${path.delimiter}${engine.env.PATH ?? ""}` } };
}
