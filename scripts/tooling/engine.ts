/**
 * The Pulumi engine the demo, the benchmark and the end-to-end tests drive: an installed `pulumi` when it is recent
 * enough, otherwise a build cached outside the checkout (scripts/ensure-pulumi.sh).
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { createInterface } from "node:readline";

/** The repository root: this file compiles to dist/scripts/tooling/engine.js, three levels below it. */
export const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** The Pulumi engine, and the environment every engine process must see. */
export interface Engine {
  /** Directory holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`. */
  binDir: string;
  /** Process environment with `binDir` first on PATH, update checks off and a passphrase for local state. */
  env: NodeJS.ProcessEnv;
}

/** Options for {@link ensureEngine}. */
export interface EnsureEngineOptions {
  /** Receives each progress line of the find-or-build step as it is printed; default: the process's stderr. */
  progress?: (line: string) => void;
  /** The find-or-build script; default scripts/ensure-pulumi.sh. Another script is run every time, never cached. */
  script?: string;
  /**
   * Arguments of scripts/ensure-pulumi.sh, e.g. `["--yaml", "v3.276.0"]` for the CLI that runs Pulumi YAML programs;
   * default none (the default engine).
   */
  args?: readonly string[];
}

/** One find-or-build per set of arguments and process. */
const engines = new Map<string, Promise<Engine>>();

function minutesAndSeconds(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Finds or builds the Pulumi engine via scripts/ensure-pulumi.sh, once per process. The script's progress (stderr)
 * is streamed line by line as it arrives, each line prefixed with the elapsed time, so a cold build that takes
 * minutes is never silent; stdout carries only the bin directory.
 */
export function ensureEngine(options: EnsureEngineOptions = {}): Promise<Engine> {
  const args = options.args ?? [];
  if (options.script !== undefined) return runEngineScript(options.script, args, options.progress);
  const key = args.join(" ");
  let engine = engines.get(key);
  if (!engine) {
    engine = runEngineScript(path.join(repoRoot, "scripts", "ensure-pulumi.sh"), args, options.progress);
    engines.set(key, engine);
    // A failed build is not cached: the next caller retries instead of inheriting a stale rejection.
    engine.catch(() => engines.delete(key));
  }
  return engine;
}

function runEngineScript(script: string, args: readonly string[], progress?: (line: string) => void): Promise<Engine> {
  const report = progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  return new Promise<Engine>((resolve, reject) => {
    const started = Date.now();
    const child = spawn("bash", [script, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    createInterface({ input: child.stderr }).on("line", (line) =>
      report(`  [pulumi engine ${minutesAndSeconds(Date.now() - started)}] ${line}`),
    );
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const binDir = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !binDir) {
        const why = code !== 0 ? `exited with ${signal ?? code}` : "printed no bin directory";
        reject(new Error(`${path.relative(repoRoot, script) || script} ${why}; see its output above`));
        return;
      }
      resolve({
        binDir,
        env: {
          ...process.env,
          PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
        },
      });
    });
  });
}
