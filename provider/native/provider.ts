/**
 * The native provider's operations: the same implementations the dynamic resources load (provider/resources/*), driven
 * by the engine's resource-provider calls instead of the dynamic provider host. This module knows no gRPC (see
 * server.ts): it takes and returns plain JSON values, with Pulumi's secret and unknown markers as the engine sends them.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { type ConfigSource, setStackConfig, SETTINGS } from "../config";
import { ResourceInitError, sameValue, setProgressSink } from "../resources/lifecycle";
import { getAvailableNumbers } from "../search";
import { type ResourceSchema, secretKeys, typeToken } from "../schema";
import { packageSchema } from "../schema/package";
import { isUnknown, UNKNOWN } from "../validation";
import { type NativeResource, nativeResources } from "./resources";

/** The key and value Pulumi marks a secret with in a property struct. */
const SECRET_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

type Props = Record<string, unknown>;

function isSecret(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SECRET_KEY] === SECRET_SIG;
}

/** Strips the secret markers (at any depth); returns the plain values and the top-level keys that held a secret. */
export function revealed(props: Props | undefined): { values: Props; secret: Set<string> } {
  const secret = new Set<string>();
  const strip = (v: unknown): [unknown, boolean] => {
    if (isSecret(v)) return [strip(v.value)[0], true];
    if (Array.isArray(v)) {
      const parts = v.map(strip);
      return [parts.map(([x]) => x), parts.some(([, s]) => s)];
    }
    if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v).map(([k, x]) => [k, strip(x)] as const);
      return [Object.fromEntries(entries.map(([k, [x]]) => [k, x])), entries.some(([, [, s]]) => s)];
    }
    return [v, false];
  };
  const values: Props = {};
  for (const [k, v] of Object.entries(props ?? {})) {
    const [plain, hadSecret] = strip(v);
    values[k] = plain;
    if (hadSecret) secret.add(k);
  }
  return { values, secret };
}

/** Marks as secret each key the schema declares secret and each that arrived secret. */
export function concealed(props: Props, schema: ResourceSchema | undefined, arrivedSecret: ReadonlySet<string>): Props {
  const secret = new Set([...(schema ? secretKeys(schema) : []), ...arrivedSecret]);
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] = secret.has(k) && v !== undefined && v !== UNKNOWN ? { [SECRET_KEY]: SECRET_SIG, value: v } : v;
  }
  return out;
}

/** The parts of a URN: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function urnParts(urn: string): { stack: string; project: string; type: string; name: string } {
  const [head = "", project = "", type = "", ...rest] = urn.split("::");
  const qualified = type.split("$");
  return {
    stack: head.replace(/^urn:pulumi:/, ""),
    project,
    type: qualified[qualified.length - 1],
    name: rest.join("::"),
  };
}

/** How a property changed, in the engine's detailed-diff terms. */
export type PropertyChange = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

/** A diff as the engine takes it: the dynamic diff plus one entry per changed input, so `preview --diff` names it. */
export interface NativeDiff {
  changes: boolean;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
  detailedDiff: Record<string, PropertyChange>;
}

/** An operation's error that the engine must record with a partial state: the id and the state, secrets marked. */
export class PartialStateError extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Props,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "PartialStateError";
  }
}

/** Writes a progress line on a resource's row (its URN), or the deployment's when no resource is in hand. */
export type EngineLog = (message: string, urn: string | undefined) => void;

/** The stack config the engine hands to Configure, read like `pulumi config` (`bandwidth:<name>`). */
function configFrom(variables: Record<string, string>, args: Props | undefined): ConfigSource {
  const values = new Map<string, string>();
  // Variables come as `bandwidth:config:<name>`; newer engines also send the same settings as `args`, by name.
  for (const [key, value] of Object.entries(variables))
    values.set(key.replace(/^bandwidth:config:/, "bandwidth:"), value);
  for (const [name, value] of Object.entries(revealed(args).values)) {
    if (value === undefined || value === null || isUnknown(value)) continue;
    values.set(`bandwidth:${name}`, typeof value === "string" ? value : JSON.stringify(value));
  }
  return { get: (key: string) => values.get(key) };
}

/** Package version reported to the engine. */
const VERSION: string = (require("../../../package.json") as { version: string }).version;

/**
 * The Bandwidth provider as the engine sees it: every resource of the package schema, the search function, and the
 * `bandwidth:*` configuration. Progress lines of an operation go to the engine's log on that resource's row.
 */
export class BandwidthProvider {
  readonly version = VERSION;
  private readonly resources: ReadonlyMap<string, NativeResource>;
  private readonly current = new AsyncLocalStorage<string>();

  constructor(log: EngineLog) {
    this.resources = nativeResources();
    setProgressSink((line) => log(line, this.current.getStore()));
  }

  /** The package schema (`pulumi package get-schema`). */
  schema(): string {
    return JSON.stringify({ ...packageSchema(), version: this.version });
  }

  /** Names the settings the schema does not know (a typo would otherwise silently fall back to the environment). */
  checkConfig(news: Props): { inputs: Props; failures: Array<{ property: string; reason: string }> } {
    const known = new Set(Object.values(SETTINGS).map((s) => s.configKey.replace(/^bandwidth:/, "")));
    const failures = Object.keys(news)
      .filter((k) => !known.has(k) && k !== "version")
      .map((k) => ({ property: k, reason: `is not a bandwidth setting (known: ${[...known].join(", ")})` }));
    return { inputs: news, failures };
  }

  /** Installs the stack's `bandwidth:*` settings for every later call; values are never logged. */
  configure(variables: Record<string, string>, args: Props | undefined): void {
    setStackConfig(configFrom(variables, args));
  }

  private resource(urnOrType: string): NativeResource {
    const type = urnOrType.startsWith("urn:") ? urnParts(urnOrType).type : urnOrType;
    const r = this.resources.get(type);
    if (!r)
      throw new Error(`unknown resource type ${type} (this provider serves ${[...this.resources.keys()].join(", ")})`);
    return r;
  }

  /** Runs one operation with its progress lines on the resource's row. */
  private on<T>(urn: string, fn: () => Promise<T>): Promise<T> {
    return this.current.run(urn, fn);
  }

  async check(urn: string, olds: Props, news: Props) {
    const r = this.resource(urn);
    const o = revealed(olds);
    const n = revealed(news);
    const prepared = r.prepare(n.values, urnParts(urn));
    const result = await r.implementation.check(o.values, prepared);
    return {
      inputs: concealed((result.inputs ?? prepared) as Props, r.schema, n.secret),
      failures: result.failures ?? [],
    };
  }

  /**
   * The dynamic diff, plus a detailed diff of the inputs: `oldInputs` (what the program gave last time, as the engine
   * records it) against the new inputs, so `pulumi preview --diff` names each field. Without recorded inputs the
   * state stands in, less the outputs that merely mirror an input.
   */
  async diff(id: string, urn: string, olds: Props, news: Props, oldInputs?: Props): Promise<NativeDiff> {
    const r = this.resource(urn);
    const was = revealed(olds).values;
    const now = revealed(news).values;
    const before = oldInputs && Object.keys(oldInputs).length > 0 ? revealed(oldInputs).values : undefined;
    const result = await r.implementation.diff(id, was, now);
    const replaces = result.replaces ?? [];
    const changes = result.changes ?? replaces.length > 0;
    const detailedDiff: Record<string, PropertyChange> = {};
    for (const [key, field] of changes ? Object.entries(r.schema.fields) : []) {
      if (field.role !== "input") continue;
      const old = before ? before[key] : field.alwaysInOutputs && now[key] === undefined ? undefined : was[key];
      if (sameValue(old, now[key])) continue;
      const kind: "add" | "delete" | "update" =
        old === undefined ? "add" : now[key] === undefined ? "delete" : "update";
      detailedDiff[key] = replaces.includes(key) ? `${kind}-replace` : kind;
    }
    return {
      changes,
      replaces,
      stables: result.stables ?? [],
      deleteBeforeReplace: result.deleteBeforeReplace ?? false,
      detailedDiff,
    };
  }

  /** What a create will hold, for a preview: the inputs, and every output only Bandwidth can say left unknown. */
  previewCreate(urn: string, news: Props): { id: string; outs: Props } {
    const r = this.resource(urn);
    return { id: "", outs: { ...unknownOutputs(r.schema, []), ...news } };
  }

  /** What an update will hold, for a preview: the new inputs, and the outputs the update keeps (its diff's stables). */
  async previewUpdate(id: string, urn: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const r = this.resource(urn);
    const { stables } = await this.diff(id, urn, olds, news);
    const kept = Object.fromEntries(Object.entries(olds).filter(([k]) => stables.includes(k)));
    return { outs: { ...unknownOutputs(r.schema, stables), ...kept, ...news } };
  }

  async create(urn: string, news: Props): Promise<{ id: string; outs: Props }> {
    const r = this.resource(urn);
    const n = revealed(news);
    return this.on(urn, async () => {
      const result = await partial(r, n.secret, () => r.implementation.create(n.values));
      return { id: result.id, outs: concealed(result.outs ?? {}, r.schema, n.secret) };
    });
  }

  /**
   * Refresh (with the state) or import (an id and no state). Returns the inputs as well as the state: the engine
   * needs both to import, and a refresh hands back the inputs the state was made from.
   */
  async read(
    id: string,
    urn: string,
    props: Props,
    oldInputs: Props | undefined,
  ): Promise<{ id: string; props: Props; inputs: Props }> {
    const r = this.resource(urn);
    const p = revealed(props);
    const given = revealed(oldInputs);
    const secret = new Set([...p.secret, ...given.secret]);
    return this.on(urn, async () => {
      if (Object.keys(p.values).length === 0) {
        const imported = await r.importById(id, async (news) => {
          const checked = await this.check(urn, {}, news);
          if (checked.failures.length > 0) {
            const why = checked.failures.map((f) => `${f.property} ${f.reason}`).join("; ");
            throw new Error(`${urnParts(urn).type} ${urnParts(urn).name}: cannot import ${id}: ${why}`);
          }
          return revealed(checked.inputs).values;
        });
        return {
          id: imported.id,
          props: concealed(imported.props, r.schema, secret),
          inputs: concealed(imported.inputs, r.schema, secret),
        };
      }
      const result = await r.implementation.read(id, p.values);
      const state = (result.props ?? {}) as Props;
      const inputs = oldInputs && Object.keys(given.values).length > 0 ? given.values : r.inputsOf(state);
      return {
        id: result.id ?? "",
        props: concealed(state, r.schema, secret),
        inputs: result.id ? concealed(inputs, r.schema, secret) : {},
      };
    });
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const r = this.resource(urn);
    const n = revealed(news);
    return this.on(urn, async () => {
      const result = await partial(r, n.secret, () => r.implementation.update(id, revealed(olds).values, n.values));
      return { outs: concealed(result.outs ?? {}, r.schema, n.secret) };
    });
  }

  async delete(id: string, urn: string, props: Props): Promise<void> {
    const r = this.resource(urn);
    await this.on(urn, () => r.implementation.delete(id, revealed(props).values));
  }

  /** `bandwidth:index:getAvailableNumbers`. */
  async invoke(token: string, args: Props): Promise<{ outputs: Props }> {
    if (token !== typeToken("getAvailableNumbers")) throw new Error(`unknown function ${token}`);
    const numbers = await getAvailableNumbers(revealed(args).values as Parameters<typeof getAvailableNumbers>[0]);
    return { outputs: { numbers } };
  }
}

/** Every output only Bandwidth can say, as unknown, but those in `kept`. */
function unknownOutputs(schema: ResourceSchema, kept: readonly string[]): Props {
  return Object.fromEntries(
    Object.entries(schema.fields)
      .filter(([k, f]) => (f.role === "output" || f.alwaysInOutputs === true) && !kept.includes(k))
      .map(([k]) => [k, UNKNOWN]),
  );
}

/** Runs a create or update; a partial result keeps its id and state, secrets marked, for the engine to record. */
async function partial<T>(r: NativeResource, secret: ReadonlySet<string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ResourceInitError)) throw e;
    throw new PartialStateError(e.message, e.id, concealed(e.properties as Props, r.schema, secret), e.reasons);
  }
}
