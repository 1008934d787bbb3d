/**
 * One stack's provider in a process of its own, as each `pulumi up` or `destroy` runs it: reads a step from its
 * argument (JSON: `{ op: "create" | "delete" | "read", resource?, args?, id?, outs? }`), takes its credentials from
 * the environment, drives the PhoneNumberOrder provider (or the `resource` named) the engine's way and prints one JSON
 * line with the result or the error's class, code and message.
 */
import { providers } from "../../../provider";
import { setProgressSink } from "../../../provider/resources/lifecycle";

interface Step {
  op: "create" | "delete" | "read";
  /** The provider to drive: `phoneNumberOrder` unless given. */
  resource?: "phoneNumberOrder" | "existingNumbers";
  args?: Record<string, unknown>;
  id?: string;
  outs?: Record<string, unknown>;
}

async function run(step: Step): Promise<unknown> {
  const order = providers[step.resource ?? "phoneNumberOrder"];
  if (step.op === "create") {
    const checked = await order.check!({}, step.args ?? {});
    if (checked.failures && checked.failures.length > 0) throw new Error(`check: ${JSON.stringify(checked.failures)}`);
    return order.create(checked.inputs);
  }
  if (step.op === "read") return order.read!(step.id!, step.outs!);
  await order.delete!(step.id!, step.outs!);
  return {};
}

const progress: string[] = [];
setProgressSink((line) => progress.push(line));
run(JSON.parse(process.argv[2]) as Step).then(
  (result) => process.stdout.write(`${JSON.stringify({ ok: true, result, progress })}\n`),
  (e: Error & { code?: string }) =>
    process.stdout.write(
      `${JSON.stringify({ ok: false, error: { name: e.name, code: e.code, message: e.message }, progress })}\n`,
    ),
);
