/** Pieces every resource implementation shares: partial-failure errors, progress lines, bounded concurrency. */

/** The reserved input that carries the serialized provider; it must survive in any state we hand back. */
export const PROVIDER_KEY = "__provider";

/**
 * A create or update that did real work but could not finish (an order still waiting at the deadline, a disconnect
 * that failed for some numbers). The dynamic provider host turns an error with an `id` into Pulumi's
 * "resource initialization failed": the engine keeps the resource with `properties` as its state, and the next
 * `pulumi up` calls update on it, which resumes instead of starting over.
 */
export class ResourceInitError extends Error {
  readonly code = "PARTIAL";
  constructor(
    message: string,
    readonly id: string,
    readonly properties: object,
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
