// The native part of `npm run demo`: the Pulumi YAML example (examples/yaml) and the TypeScript program on the
// generated SDK (examples/sdk-nodejs), served by the native provider plugin pulumi-resource-bandwidth, up → preview →
// destroy against the emulator already running, then proof that nothing of them is left. The demo's main script calls runNativeDemo after the TypeScript stacks.
import { cp, mkdir, rm } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { RunningEmulator } from "../emulator";
import { createStack, emulatorStackConfig, type Engine, ensureNativeEngine, prepareSdkProgram } from "./tooling";

/** What runNativeDemo needs from the demo's main script. */
export interface NativeDemoOptions {
  /** The running emulator the stack talks to. */
  emu: RunningEmulator;
  /** The demo's working directory (the example is copied to `<work>/yaml`, state to `<work>/state`). */
  work: string;
  /** Prints a section title. */
  say: (line: string) => void;
  /** Receives the engine's output. */
  write: (text: string) => void;
}

/** A program the native plugin serves in the demo. */
interface NativeProgram {
  /** How the demo names it. */
  label: string;
  /** Its directory under the demo's working directory, and its stack's name after `demo-`. */
  dir: string;
  /** What its `up` shows. */
  upNote: string;
  /** Writes the program into its directory. */
  prepare(workDir: string): Promise<void>;
}

const root = path.resolve(__dirname, "..", "..");

const PROGRAMS: readonly NativeProgram[] = [
  {
    label: "YAML example",
    dir: "yaml",
    upNote: "numbers, a voice configuration package, a search; progress on each resource's row",
    prepare: (workDir) => cp(path.join(root, "examples", "yaml"), workDir, { recursive: true }),
  },
  {
    label: "TypeScript SDK example",
    dir: "sdk-nodejs",
    upNote: "examples/sdk-nodejs on the generated SDK: a site and two numbers",
    prepare: (workDir) => prepareSdkProgram(workDir),
  },
];

/**
 * Runs the YAML example, then the TypeScript program on the generated SDK, each up → preview → destroy; true when no
 * number of them is left and each preview was empty.
 */
export async function runNativeDemo(opts: NativeDemoOptions): Promise<boolean> {
  const { work, say, write } = opts;
  say("Native plugin: the Pulumi CLI with the YAML language host (built once and cached), the plugin on PATH");
  const engine = await ensureNativeEngine((line) => write(`${line}\n`));
  await mkdir(path.join(work, "state"), { recursive: true });
  let clean = true;
  for (const program of PROGRAMS) clean = (await runProgram(program, engine, opts)) && clean;
  return clean;
}

async function runProgram(program: NativeProgram, engine: Engine, opts: NativeDemoOptions): Promise<boolean> {
  const { emu, work, say, write } = opts;
  const { label } = program;
  const workDir = path.join(work, program.dir);
  await rm(workDir, { recursive: true, force: true });
  await program.prepare(workDir);
  const accountId = emu.credentials.accountId;
  const inServiceBefore = emu.model.numbersInService(accountId).length;
  const stack = await createStack({
    workDir,
    stackName: `demo-${program.dir}`,
    engine,
    env: {
      PULUMI_BACKEND_URL: pathToFileURL(path.join(work, "state")).href,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo-passphrase",
    },
    config: emulatorStackConfig(emu),
  });
  const out = { onOutput: write };

  say(`${label}: pulumi up (${program.upNote})`);
  const up = await stack.stack.up(out);
  say(`${label}: outputs`);
  for (const [name, o] of Object.entries(up.outputs)) write(`${name}: ${JSON.stringify(o.value)}\n`);

  say(`${label}: pulumi preview (expect no changes)`);
  const preview = await stack.stack.preview(out);
  const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
  write(`changes: ${changes.length === 0 ? "none" : JSON.stringify(changes)}\n`);

  say(`${label}: pulumi destroy`);
  await stack.stack.destroy(out);
  const inService = emu.model.numbersInService(accountId).length;
  const packages = emu.model.vcp.listPackages(accountId).length;
  write(`numbers in service: ${inService} (before the example: ${inServiceBefore})\nvoice packages: ${packages}\n`);
  await stack.stack.workspace.removeStack(stack.stack.name, { force: true }).catch(() => undefined);
  return inService === inServiceBefore && packages === 0 && changes.length === 0;
}
