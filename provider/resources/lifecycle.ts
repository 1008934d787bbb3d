/** Pieces every resource implementation shares: partial-failure errors, progress lines, bounded concurrency. */
import { hasNextStep } from "../errors";
import { restated } from "../http/errors";

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

/** A resource operation whose failure gets a next step. */
export type Operation = "create" | "read" | "update" | "delete";

/** What a failed operation leaves behind (one sentence), per operation; a resource may say it in its own words. */
export type Outcomes = Record<Operation, string>;

/** What a failed operation of a PhoneNumberOrder (and any resource that says nothing else) leaves behind. */
const OUTCOMES: Outcomes = {
  create: "Nothing is ordered twice on a retry (orders are found by their CustomerOrderId)",
  read: "The state was not changed",
  update: "The state keeps what was done so far",
  delete: "The resource stays in the stack",
};

/** The outcome of a failed create of a resource that orders nothing (applications, sites, locations, imports). */
export const NOTHING_CREATED: Partial<Outcomes> = { create: "Nothing was created" };

/** The command that carries on after each operation, and what it does then. */
const RERUN: Record<Operation, string> = {
  create: "run `pulumi up` again",
  read: "run `pulumi refresh` again",
  update: "run `pulumi up` again",
  delete: "run `pulumi destroy` again to retry what is left",
};

/** The OAuth client settings, named first wherever credentials are refused: Bandwidth's only way in from 2026-12-02. */
const CREDENTIAL_SETTINGS =
  "the OAuth client settings bandwidth:clientId / bandwidth:clientSecret (BANDWIDTH_CLIENT_ID / BANDWIDTH_CLIENT_SECRET); " +
  "then, where used, the legacy API User bandwidth:username / bandwidth:password and Voice v1's bandwidth:apiToken / bandwidth:apiSecret";

interface Classified {
  code?: unknown;
  status?: unknown;
  resetAt?: unknown;
}

/** Why the call failed, in a user's words, from the error's code and status only. */
function cause(e: Classified): string {
  switch (e.code) {
    case "RATE_LIMITED":
      return "Bandwidth is rate limiting this account, and the wait would pass the call's deadline; nothing was acted on";
    case "UNAUTHORIZED":
      return `Bandwidth refused the credentials: check ${CREDENTIAL_SETTINGS}`;
    case "TOKEN_UNAVAILABLE":
      return "Bandwidth's OAuth token endpoint issued no token, so no request was sent with it";
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

/** What to do next, from the error's code: wait out a rate limit, else fix the cause; then the command again. */
function nextStepFor(e: Classified, operation: Operation, outcomes: Outcomes): string {
  if (e.code !== "RATE_LIMITED") return `${outcomes[operation]}: ${RERUN[operation]} once the cause is fixed`;
  const until = e.resetAt instanceof Date ? `until ${e.resetAt.toISOString()}` : "a minute";
  return `${outcomes[operation]}: wait ${until} and ${RERUN[operation]}`;
}

/** Whether a message already starts with the resource's label (its own errors name it when they are made). */
function labelled(message: string, who: string): boolean {
  return message.startsWith(`${who}:`) || message.startsWith(`${who} (`);
}

/**
 * What to tell the user about a failed operation: a new error of the same class and `code`, with `e` as its cause,
 * labelled with this resource only and carrying `nextStep`. An error several resources share (one token fetch awaited
 * by all) stays as it was, so one resource's label never lands in another's error. An error that names its own next
 * step keeps it; partial-state errors pass through untouched (the host needs their id and properties).
 */
export function explain(who: string, operation: Operation, e: unknown, outcomes: Outcomes = OUTCOMES): unknown {
  if (e instanceof ResourceInitError || !(e instanceof Error)) return e;
  const named = labelled(e.message, who) ? e.message : `${who}: ${e.message}`;
  if (hasNextStep(e)) return restated(e, named);
  const why = cause(e as Classified);
  const nextStep = nextStepFor(e as Classified, operation, outcomes);
  return restated(e, `${named}. ${why ? `${why}. ` : ""}${nextStep}.`, { nextStep });
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
  outcomes: Partial<Outcomes> = {},
): Ops {
  const said = { ...OUTCOMES, ...outcomes };
  const explained = <T>(p: Promise<T>, props: In | Out, op: Operation) =>
    p.catch((e) => Promise.reject(explain(who(props), op, e, said)));
  return {
    ...ops,
    create: (inputs: In) => explained(ops.create(inputs), inputs, "create"),
    read: (id: string, props: Out) => explained(ops.read(id, props), props, "read"),
    update: (id: string, olds: Out, news: In) => explained(ops.update(id, olds, news), news, "update"),
    delete: (id: string, props: Out) => explained(ops.delete(id, props), props, "delete"),
  };
}
