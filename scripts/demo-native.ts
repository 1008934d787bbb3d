// The native part of `npm run demo`: the Pulumi YAML example (examples/yaml) and the TypeScript program on the
// generated SDK (examples/sdk-nodejs), served by the native provider plugin pulumi-resource-bandwidth, up → preview →
// destroy against the emulator already running, then proof that nothing of them is left. The demo's main script calls
// runNativeDemo after the TypeScript stacks.
import { type ExampleDemoOptions, openExampleStack } from "./demo-example";
import { type Engine, ensureNativeEngine, prepareSdkProgram } from "./tooling";

/** A program the native plugin serves in the demo. */
interface NativeProgram {
  /** How the demo names it. */
  label: string;
  /** Its directory under examples/ (and under the demo's working directory), and its stack's name after `demo-`. */
  example: string;
  /** What its `up` shows. */
  upNote: string;
  /** Writes the program into its directory, when it is not a plain copy of the example. */
  prepare?: (workDir: string) => Promise<void>;
}

const PROGRAMS: readonly NativeProgram[] = [
  {
    label: "YAML example",
    example: "yaml",
    upNote: "numbers, a voice configuration package, a search; progress on each resource's row",
  },
  {
    label: "TypeScript SDK example",
    example: "sdk-nodejs",
    upNote: "examples/sdk-nodejs on the generated SDK: a site and two numbers",
    prepare: (workDir) => prepareSdkProgram(workDir),
  },
];

/**
 * Runs the YAML example, then the TypeScript program on the generated SDK, each up → preview → destroy; true when no
 * number of them is left and each preview was empty.
 */
export async function runNativeDemo(opts: ExampleDemoOptions): Promise<boolean> {
  const { say, write } = opts;
  say("Native plugin: the Pulumi CLI with the YAML language host (built once and cached), the plugin on PATH");
  const engine = await ensureNativeEngine((line) => write(`${line}\n`));
  let clean = true;
  for (const program of PROGRAMS) clean = (await runProgram(program, engine, opts)) && clean;
  return clean;
}

async function runProgram(program: NativeProgram, engine: Engine, opts: ExampleDemoOptions): Promise<boolean> {
  const { emu, say, write } = opts;
  const { label } = program;
  const accountId = emu.credentials.accountId;
  const inServiceBefore = emu.model.numbersInService(accountId).length;
  const stack = await openExampleStack(opts, {
    example: program.example,
    stackName: `demo-${program.example}`,
    engine,
    prepare: program.prepare,
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
