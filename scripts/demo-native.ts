// The native part of `npm run demo`: the Pulumi YAML example (examples/yaml), served by the native provider plugin
// pulumi-resource-bandwidth, up → preview → destroy against the emulator already running, then proof that nothing of
// it is left. The demo's main script calls runNativeDemo after the TypeScript stacks.
import { cp, mkdir, rm } from "node:fs/promises";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { RunningEmulator } from "../emulator";
import { createStack, emulatorStackConfig, ensureNativeEngine } from "./tooling";

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

/** Runs the YAML example up → preview → destroy; true when no number of it is left and the preview was empty. */
export async function runNativeDemo(opts: NativeDemoOptions): Promise<boolean> {
  const { emu, work, say, write } = opts;
  const root = path.resolve(__dirname, "..", "..");
  say("YAML example: the Pulumi CLI with the YAML language host (built once and cached), the plugin on PATH");
  const engine = await ensureNativeEngine((line) => write(`${line}\n`));
  const workDir = path.join(work, "yaml");
  await rm(workDir, { recursive: true, force: true });
  await cp(path.join(root, "examples", "yaml"), workDir, { recursive: true });
  await mkdir(path.join(work, "state"), { recursive: true });
  const accountId = emu.credentials.accountId;
  const inServiceBefore = emu.model.numbersInService(accountId).length;
  const stack = await createStack({
    workDir,
    stackName: "demo-yaml",
    engine,
    env: {
      PULUMI_BACKEND_URL: pathToFileURL(path.join(work, "state")).href,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo-passphrase",
    },
    config: emulatorStackConfig(emu),
  });
  const out = { onOutput: write };

  say("YAML example: pulumi up (numbers, a voice configuration package, a search; progress on each resource's row)");
  const up = await stack.stack.up(out);
  say("YAML example: outputs");
  for (const [name, o] of Object.entries(up.outputs)) write(`${name}: ${JSON.stringify(o.value)}\n`);

  say("YAML example: pulumi preview (expect no changes)");
  const preview = await stack.stack.preview(out);
  const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
  write(`changes: ${changes.length === 0 ? "none" : JSON.stringify(changes)}\n`);

  say("YAML example: pulumi destroy");
  await stack.stack.destroy(out);
  const inService = emu.model.numbersInService(accountId).length;
  const packages = emu.model.vcp.listPackages(accountId).length;
  write(`numbers in service: ${inService} (before the example: ${inServiceBefore})\nvoice packages: ${packages}\n`);
  await stack.stack.workspace.removeStack(stack.stack.name, { force: true }).catch(() => undefined);
  return inService === inServiceBefore && packages === 0 && changes.length === 0;
}
