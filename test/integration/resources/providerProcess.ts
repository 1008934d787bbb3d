/**
 * One provider process, as the engine starts one per deployment: it loads the package, says it is ready, runs the
 * creates or deletes it is sent (all at once, as the engine runs independent resources), answers with what each
 * returned or the error it threw, and waits to be ended. Its credentials come from the environment.
 */
import { providers } from "../../../provider";
import { setProgressSink } from "../../../provider/resources/lifecycle";

/** A resource as the engine keeps it: its id and outputs. */
export interface Held {
  id: string;
  outs: Record<string, unknown>;
}

/** What the parent asks of a provider process. */
export type ProcessJob = { op: "create"; args: Array<Record<string, unknown>> } | { op: "delete"; resources: Held[] };

/** One resource's outcome: what it returned, or its error's class, code and message. */
export type ProcessOutcome = { ok: true; held?: Held } | { ok: false; name: string; code?: string; message: string };

async function run(job: ProcessJob): Promise<ProcessOutcome[]> {
  const order = providers.phoneNumberOrder;
  const calls =
    job.op === "create"
      ? job.args.map(async (args) => {
          const checked = await order.check!({}, args);
          const created = await order.create(checked.inputs);
          return { id: created.id, outs: created.outs as Record<string, unknown> };
        })
      : job.resources.map(async (r) => {
          await order.delete!(r.id, r.outs);
          return undefined;
        });
  const settled = await Promise.allSettled(calls);
  return settled.map((s) =>
    s.status === "fulfilled"
      ? { ok: true, held: s.value }
      : {
          ok: false,
          name: (s.reason as Error)?.name ?? "unknown",
          code: (s.reason as { code?: string })?.code,
          message: String((s.reason as Error)?.message ?? s.reason),
        },
  );
}

if (require.main === module) {
  setProgressSink(() => undefined);
  process.once("message", (job: ProcessJob) => {
    // The engine's gRPC server keeps a provider process alive while it works; this interval stands in for it.
    const alive = setInterval(() => undefined, 1_000);
    run(job)
      .then(
        (outcomes) => process.send!(outcomes),
        (e: unknown) => process.send!([{ ok: false, name: "unknown", message: String(e) }]),
      )
      .finally(() => clearInterval(alive));
  });
  // Loaded before "ready" (a check makes no request), so the first token request leaves as soon as the job arrives.
  providers.phoneNumberOrder.check!({}, { siteId: "1", areaCode: "919", quantity: 1, resourceKey: "warm/up/x" }).then(
    () => process.send!("ready"),
    (e: unknown) => process.send!([{ ok: false, name: "unknown", message: String(e) }]),
  );
}
