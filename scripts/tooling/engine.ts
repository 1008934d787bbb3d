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
}

let enginePromise: Promise<Engine> | undefined;

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
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  enginePromise ??= new Promise<Engine>((resolve, reject) => {
    const started = Date.now();
    const child = spawn("bash", [path.join(repoRoot, "scripts", "ensure-pulumi.sh")], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    createInterface({ input: child.stderr }).on("line", (line) =>
      progress(`  [pulumi engine ${minutesAndSeconds(Date.now() - started)}] ${line}`),
    );
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const binDir = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !binDir) {
        reject(
          new Error(
            `scripts/ensure-pulumi.sh ${code !== 0 ? `exited with ${signal ?? code}` : "printed no bin directory"}; ` +
              "see its output above",
          ),
        );
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
  enginePromise.catch(() => {
    // A failed build is not cached: the next caller retries instead of inheriting a stale rejection.
    enginePromise = undefined;
  });
  return enginePromise;
}
