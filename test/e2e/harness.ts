import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
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
import type { DemoCredentials } from "../../emulator";

const execFileAsync = promisify(execFile);

/** The repository root: this file compiles to dist/test/e2e/harness.js, three levels below it. */
const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** The Pulumi engine the end-to-end tests drive, and the environment every engine process must see. */
export interface Engine {
  /** Directory holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`. */
  binDir: string;
  /** Process environment with `binDir` first on PATH, update checks off and a fixed test passphrase. */
  env: NodeJS.ProcessEnv;
}

let enginePromise: Promise<Engine> | undefined;

/**
 * Finds or builds the Pulumi engine via scripts/ensure-pulumi.sh, once per process.
 * The build can take many minutes on a cold cache; a warm call returns in well under a second.
 */
export function ensureEngine(): Promise<Engine> {
  enginePromise ??= (async () => {
    const script = path.join(repoRoot, "scripts", "ensure-pulumi.sh");
    // Build output goes to stderr so a cold build shows progress; stdout carries only the bin dir.
    const { stdout } = await execFileAsync("bash", [script], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60 * 60 * 1000,
    });
    const binDir = stdout.trim().split("\n").pop() ?? "";
    if (!binDir) {
      throw new Error("scripts/ensure-pulumi.sh printed no bin directory");
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
    };
    return { binDir, env };
  })();
  enginePromise.catch(() => {
    // A failed build is not cached: the next caller retries instead of inheriting a stale rejection.
    enginePromise = undefined;
  });
  return enginePromise;
}

/** Options for {@link createStack}. */
export interface CreateStackOptions {
  /** Directory holding the stack's Pulumi.yaml and program. */
  workDir: string;
  /** Stack name; defaults to `test`. */
  stackName?: string;
  /** Stack configuration, keys as `pulumi config set` takes them (a bare key gets the project's namespace). */
  config?: Record<string, { value: string; secret?: boolean }>;
  /** Extra environment for every engine process; `PULUMI_BACKEND_URL` here replaces the fresh per-stack backend. */
  env?: Record<string, string>;
}

/** An Automation API stack on a throw-away local backend, with the operations the tests use. */
export interface TestStack {
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
  /** Removes the stack and, when the harness created it, its backend directory. */
  remove(): Promise<void>;
}

/** The parts of an exported deployment the tests read. */
export interface StackState {
  version: number;
  deployment: {
    resources?: Array<{
      urn: string;
      type: string;
      id?: string;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }>;
  };
}

/** Creates (or selects) a stack for `opts.workDir` that runs on the engine from {@link ensureEngine}. */
export async function createStack(opts: CreateStackOptions): Promise<TestStack> {
  const engine = await ensureEngine();
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

/** Stack config that points the provider at an emulator (secrets marked secret), plus program settings. */
export function emulatorStackConfig(
  emu: { dashboardUrl: string; voiceUrl: string; credentials: DemoCredentials },
  program: Record<string, string> = {},
): Record<string, { value: string; secret?: boolean }> {
  const c = emu.credentials;
  const config: Record<string, { value: string; secret?: boolean }> = {
    "bandwidth:dashboardUrl": { value: emu.dashboardUrl },
    "bandwidth:voiceUrl": { value: emu.voiceUrl },
    "bandwidth:accountId": { value: c.accountId },
    "bandwidth:username": { value: c.username },
    "bandwidth:password": { value: c.password, secret: true },
    "bandwidth:userId": { value: c.userId },
    "bandwidth:apiToken": { value: c.apiToken },
    "bandwidth:apiSecret": { value: c.apiSecret, secret: true },
    siteId: { value: c.siteId },
  };
  for (const [key, value] of Object.entries(program)) config[key] = { value };
  return config;
}
