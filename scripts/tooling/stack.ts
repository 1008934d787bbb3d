/** A Pulumi stack on a local backend, run by the engine from {@link ensureEngine}. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  type ConfigMap,
  type DestroyResult,
  LocalWorkspace,
  type PreviewResult,
  PulumiCommand,
  type RefreshResult,
  type Stack,
  type UpResult,
} from "@pulumi/pulumi/automation";
import { type Engine, ensureEngine } from "./engine";

/** Stack configuration, keys as `pulumi config set` takes them (a bare key gets the project's namespace). */
export type StackConfig = Record<string, { value: string; secret?: boolean }>;

/** Options for {@link createStack}. */
export interface CreateStackOptions {
  /** Directory holding the stack's Pulumi.yaml and program. */
  workDir: string;
  /** Stack name; defaults to `test`. */
  stackName?: string;
  /** Stack configuration. */
  config?: StackConfig;
  /** Extra environment for every engine process; `PULUMI_BACKEND_URL` here replaces the fresh per-stack backend. */
  env?: Record<string, string>;
  /** The engine to run; default the one {@link ensureEngine} finds or builds with no arguments. */
  engine?: Engine;
}

/** An Automation API stack on a local backend, with the operations the demo, benchmark and tests use. */
export interface LocalStack {
  /** The underlying Automation API stack, for anything the methods below do not cover. */
  stack: Stack;
  /** The environment every engine process of this stack runs with. */
  env: Record<string, string>;
  /** The `file://` backend this stack's state lives in. */
  backendUrl: string;
  up(): Promise<UpResult>;
  preview(): Promise<PreviewResult>;
  refresh(): Promise<RefreshResult>;
  destroy(): Promise<DestroyResult>;
  /** The stack's state as `pulumi stack export` prints it. */
  exportState(): Promise<StackState>;
  /** Removes the stack and, when {@link createStack} created it, its backend directory. */
  remove(): Promise<void>;
}

/** The parts of an exported deployment that callers read. */
export interface StackState {
  version: number;
  deployment: {
    resources?: Array<{
      urn: string;
      type: string;
      id?: string;
      custom?: boolean;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }>;
  };
}

/** Creates (or selects) a stack for `opts.workDir` on a fresh local backend unless one is given. */
export async function createStack(opts: CreateStackOptions): Promise<LocalStack> {
  const engine = opts.engine ?? (await ensureEngine());
  let ownedBackendDir: string | undefined;
  let backendUrl = opts.env?.PULUMI_BACKEND_URL;
  if (!backendUrl) {
    ownedBackendDir = await mkdtemp(path.join(tmpdir(), "pulumi-bandwidth-state-"));
    backendUrl = pathToFileURL(ownedBackendDir).href;
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(engine.env)) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, opts.env, { PULUMI_BACKEND_URL: backendUrl });

  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(engine.binDir), skipVersionCheck: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: opts.stackName ?? "test", workDir: opts.workDir },
    { pulumiCommand, envVars: env },
  );
  if (opts.config) {
    const config: ConfigMap = {};
    for (const [key, entry] of Object.entries(opts.config)) {
      config[key] = { value: entry.value, secret: entry.secret ?? false };
    }
    await stack.setAllConfig(config);
  }

  return {
    stack,
    env,
    backendUrl,
    up: () => stack.up(),
    preview: () => stack.preview(),
    refresh: () => stack.refresh(),
    destroy: () => stack.destroy(),
    exportState: async () => (await stack.exportStack()) as StackState,
    remove: async () => {
      await stack.workspace.removeStack(stack.name, { force: true });
      if (ownedBackendDir) {
        await rm(ownedBackendDir, { recursive: true, force: true });
      }
    },
  };
}
