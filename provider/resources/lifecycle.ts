/** Pieces every resource implementation shares: partial-failure errors, progress lines, bounded concurrency. */
import { hasNextStep } from "../errors";

/** The reserved input that carries the serialized provider; it must survive in any state we hand back. */
export const PROVIDER_KEY = "__provider";

/**
 * A create or update that did real work but could not finish (an order still waiting at the deadline, a disconnect
 * that failed for some numbers). The dynamic provider host turns an error with an `id` into Pulumi's
 * "resource initialization failed": the engine keeps the resource with `properties` as its state, and the next
 * `pulumi up` calls update on it, which resumes instead of starting over.
 */
export class ResourceInitError extends Error {
  /** Stable code of a partial result: the engine keeps `properties` as the resource's state. */
  readonly code = "PARTIAL";
  /** What carries on from the partial state. */
  readonly nextStep = "Run `pulumi up` again: it resumes from the state kept, without placing a second order";
  constructor(
    message: string,
    /** The id the engine records for the partly created resource. */
    readonly id: string,
    /** The state the engine keeps for the resource, so that the next `pulumi up` resumes from it. */
    readonly properties: object,
    /** Why the create stopped short, one line each. */
    readonly reasons: string[] = [message],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}

/** Copies the serialized provider from the inputs into the state an error carries, as the host does on success. */
export function withProvider<T extends object>(state: T, inputs: object): T {
  const provider = (inputs as Record<string, unknown>)[PROVIDER_KEY];
  return provider === undefined ? state : { ...state, [PROVIDER_KEY]: provider };
}

/** Where progress lines go; the engine shows a provider's output lines as info messages of the deployment. */
export type ProgressSink = (line: string) => void;

let sink: ProgressSink = (line) => process.stderr.write(`${line}\n`);

/** Replaces the progress sink (tests capture lines; `undefined` restores the default). */
export function setProgressSink(next: ProgressSink | undefined): void {
  sink = next ?? ((line) => process.stderr.write(`${line}\n`));
}

/** Writes one progress line. */
export function progress(line: string): void {
  sink(line);
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Plain JSON equality for input values (arrays compared in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What a failed operation leaves behind, and the command that carries on from there. */
const NEXT_STEP: Record<"create" | "read" | "update" | "delete", string> = {
  create:
    "Nothing is ordered twice on a retry (orders are found by their CustomerOrderId): run `pulumi up` again once the cause is fixed",
  read: "The state was not changed: run `pulumi refresh` again",
  update: "The state keeps what was done so far: run `pulumi up` again once the cause is fixed",
  delete: "The resource stays in the stack: run `pulumi destroy` again to retry what is left",
};

function cause(e: { code?: unknown; status?: unknown }): string {
  switch (e.code) {
    case "RATE_LIMITED":
      return "Bandwidth is rate limiting this account; wait a minute";
    case "UNAUTHORIZED":
      return "Bandwidth refused the credentials: check the credentials (bandwidth:username/password, bandwidth:apiToken/apiSecret)";
    case "TRANSPORT":
    case "DEADLINE":
      return "Bandwidth could not be reached or did not answer in time";
    default:
      return typeof e.status === "number" && e.status >= 500
        ? "Bandwidth had a server error"
        : typeof e.status === "number" && e.status >= 400
          ? "Bandwidth refused the request; fix the input it names"
          : "";
  }
}

/**
 * Adds to an error what happened to the resource and what to run next (its `nextStep` field), unless it already has
 * one. The error keeps its class and `code`, so callers branch on those, never on the text. Partial-state errors pass
 * through untouched (the host needs their id and properties).
 */
export function explain(who: string, operation: keyof typeof NEXT_STEP, e: unknown): unknown {
  if (e instanceof ResourceInitError || !(e instanceof Error)) return e;
  const named = e.message.startsWith(who) ? e.message : `${who}: ${e.message}`;
  // Errors of other modules that already end in the command to run (a missing setting names `pulumi config set`).
  if (hasNextStep(e) || /run `pulumi \w+` again|pulumi config set/i.test(e.message)) {
    e.message = named;
    return e;
  }
  const why = cause(e as { code?: unknown; status?: unknown });
  e.message = `${named}. ${why ? `${why}. ` : ""}${NEXT_STEP[operation]}.`;
  Object.assign(e, { nextStep: NEXT_STEP[operation] });
  return e;
}

/** The four calls that change or read real things; each error they throw gets its next step. */
interface Operations<In, Out> {
  create(inputs: In): Promise<unknown>;
  read(id: string, props: Out): Promise<unknown>;
  update(id: string, olds: Out, news: In): Promise<unknown>;
  delete(id: string, props: Out): Promise<void>;
}

/** Wraps a resource's operations so that every error says what happened to the resource and what to run next. */
export function withNextSteps<In, Out, Ops extends Operations<In, Out>>(
  who: (props: In | Out) => string,
  ops: Ops,
): Ops {
  const explained = <T>(p: Promise<T>, props: In | Out, op: keyof typeof NEXT_STEP) =>
    p.catch((e) => Promise.reject(explain(who(props), op, e)));
  return {
    ...ops,
    create: (inputs: In) => explained(ops.create(inputs), inputs, "create"),
    read: (id: string, props: Out) => explained(ops.read(id, props), props, "read"),
    update: (id: string, olds: Out, news: In) => explained(ops.update(id, olds, news), news, "update"),
    delete: (id: string, props: Out) => explained(ops.delete(id, props), props, "delete"),
  };
}
