// What every example part of `npm run demo` does first: copy the example beside the demo's state and open a stack for
// it on the demo's local backend, configured for the running emulator.
import { cp, mkdir, rm } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { RunningEmulator } from "../emulator";
import { createStack, type Engine, emulatorStackConfig, type LocalStack } from "./tooling";

/** What an example part of the demo receives from the demo's main script. */
export interface ExampleDemoOptions {
  /** The running emulator the stack talks to. */
  emu: RunningEmulator;
  /** The demo's working directory (the example is copied to `<work>/<example>`, state to `<work>/state`). */
  work: string;
  /** Prints a section title. */
  say: (line: string) => void;
  /** Receives the engine's output. */
  write: (text: string) => void;
}

/** Where {@link openExampleStack} finds the example and how it configures the stack. */
export interface ExampleStackOptions {
  /** The directory name under examples/. */
  example: string;
  /** The stack's name on the demo's backend. */
  stackName: string;
  /** The program's own settings, beside the emulator's endpoints and credentials. */
  program?: Record<string, string>;
  /** The engine to run; default the one the demo found. */
  engine?: Engine;
  /** Writes the program into its directory instead of copying `examples/<example>` (e.g. a program on the SDK). */
  prepare?: (workDir: string) => Promise<void>;
}

/**
 * Copies `examples/<example>` (or lets `prepare` write the program) into the demo's working directory and opens its
 * stack on the demo's backend.
 */
export async function openExampleStack(demo: ExampleDemoOptions, opts: ExampleStackOptions): Promise<LocalStack> {
  const root = path.resolve(__dirname, "..", "..");
  // A copy beside the demo's state: the stack's config file stays out of the example, node_modules resolves from root.
  const workDir = path.join(demo.work, opts.example);
  await rm(workDir, { recursive: true, force: true });
  if (opts.prepare !== undefined) await opts.prepare(workDir);
  else await cp(path.join(root, "examples", opts.example), workDir, { recursive: true });
  await mkdir(path.join(demo.work, "state"), { recursive: true });
  return createStack({
    workDir,
    stackName: opts.stackName,
    engine: opts.engine,
    env: {
      PULUMI_BACKEND_URL: pathToFileURL(path.join(demo.work, "state")).href,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo-passphrase",
    },
    config: emulatorStackConfig(demo.emu, opts.program),
  });
}
