// The native part of `npm run demo`: the Pulumi YAML example (examples/yaml), served by the native provider plugin
// pulumi-resource-bandwidth, up → preview → destroy against the emulator already running, then proof that nothing of
// it is left. The demo's main script calls runNativeDemo after the TypeScript stacks.
import { type ExampleDemoOptions, openExampleStack } from "./demo-example";
import { ensureNativeEngine } from "./tooling";

/** Runs the YAML example up → preview → destroy; true when no number of it is left and the preview was empty. */
export async function runNativeDemo(opts: ExampleDemoOptions): Promise<boolean> {
  const { emu, say, write } = opts;
  say("YAML example: the Pulumi CLI with the YAML language host (built once and cached), the plugin on PATH");
  const engine = await ensureNativeEngine((line) => write(`${line}\n`));
  const accountId = emu.credentials.accountId;
  const inServiceBefore = emu.model.numbersInService(accountId).length;
  const stack = await openExampleStack(opts, { example: "yaml", stackName: "demo-yaml", engine });
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
