import type * as pulumi from "@pulumi/pulumi";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { setStackConfig } from "../../../provider/config";
import { forgetOrderViews } from "../../../provider/numbers/watch";
import { setProgressSink } from "../../../provider/resources/lifecycle";

/** The environment a provider reads its credentials from, pointed at one emulator. */
export function emulatorEnv(emu: RunningEmulator, withVoice = true): Record<string, string> {
  const c = emu.credentials;
  const env: Record<string, string> = {
    BANDWIDTH_DASHBOARD_URL: emu.dashboardUrl,
    BANDWIDTH_API_URL: emu.apiUrl,
    BANDWIDTH_TOKEN_URL: emu.tokenUrl,
    BANDWIDTH_ACCOUNT_ID: c.accountId,
    BANDWIDTH_USERNAME: c.username,
    BANDWIDTH_PASSWORD: c.password,
  };
  if (withVoice) {
    Object.assign(env, {
      BANDWIDTH_VOICE_URL: emu.voiceUrl,
      BANDWIDTH_USER_ID: c.userId,
      BANDWIDTH_API_TOKEN: c.apiToken,
      BANDWIDTH_API_SECRET: c.apiSecret,
    });
  }
  return env;
}

/**
 * The emulator account's OAuth client credentials: with them set, they authenticate the Numbers API too, and they are
 * the only way into the voice configuration package API.
 */
export function emulatorClientCredentials(emu: RunningEmulator): Record<string, string> {
  return { BANDWIDTH_CLIENT_ID: emu.credentials.clientId, BANDWIDTH_CLIENT_SECRET: emu.credentials.clientSecret };
}

const KEYS = [
  "BANDWIDTH_DASHBOARD_URL",
  "BANDWIDTH_API_URL",
  "BANDWIDTH_TOKEN_URL",
  "BANDWIDTH_CLIENT_ID",
  "BANDWIDTH_CLIENT_SECRET",
  "BANDWIDTH_ACCOUNT_ID",
  "BANDWIDTH_USERNAME",
  "BANDWIDTH_PASSWORD",
  "BANDWIDTH_VOICE_URL",
  "BANDWIDTH_USER_ID",
  "BANDWIDTH_API_TOKEN",
  "BANDWIDTH_API_SECRET",
];

/** Sets the process environment to an emulator's credentials (clearing any other Bandwidth settings). */
export function useEmulator(emu: RunningEmulator, withVoice = true): void {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, emulatorEnv(emu, withVoice));
  setStackConfig(undefined);
}

/** Starts a fast emulator for one suite, with progress lines captured instead of printed. */
export function emulatorSuite(options: Parameters<typeof startEmulator>[0] = {}) {
  const ctx = { emu: undefined as unknown as RunningEmulator, progress: [] as string[] };
  before(async () => {
    ctx.emu = await startEmulator({ orderDelayMs: 30, disconnectDelayMs: 30, agingMs: 60, ...options });
    useEmulator(ctx.emu);
    setProgressSink((line) => ctx.progress.push(line));
  });
  beforeEach(() => {
    // A reset emulator is a new account's history; each test is a deployment of its own, as each `pulumi up` runs
    // its provider in a new process.
    ctx.emu.reset();
    forgetOrderViews();
    ctx.emu.setDelays({ orderDelayMs: 30, disconnectDelayMs: 30, agingMs: 60, ...pickDelays(options) });
    useEmulator(ctx.emu);
    ctx.progress.length = 0;
  });
  after(async () => {
    setProgressSink(undefined);
    await ctx.emu?.close();
  });
  return ctx;
}

function pickDelays(o: Parameters<typeof startEmulator>[0]) {
  const d: Record<string, number> = {};
  if (o?.orderDelayMs !== undefined) d.orderDelayMs = o.orderDelayMs;
  if (o?.disconnectDelayMs !== undefined) d.disconnectDelayMs = o.disconnectDelayMs;
  return d;
}

/** What the engine does on `pulumi up` for a new resource: check, then create with the checked inputs. */
export async function engineCreate(provider: pulumi.dynamic.ResourceProvider, args: Record<string, unknown>) {
  const checked = await provider.check!({}, args);
  if (checked.failures && checked.failures.length > 0) {
    throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  }
  const inputs = checked.inputs as Record<string, unknown>;
  const created = await provider.create(inputs);
  return { id: created.id, outs: created.outs as Record<string, unknown>, inputs };
}

/** What the engine does on `pulumi up` for an existing resource: check, diff, then update if the diff says so. */
export async function engineUpdate(
  provider: pulumi.dynamic.ResourceProvider,
  id: string,
  olds: Record<string, unknown>,
  args: Record<string, unknown>,
) {
  const checked = await provider.check!(olds, args);
  if (checked.failures && checked.failures.length > 0) {
    throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  }
  const news = checked.inputs as Record<string, unknown>;
  const diff = await provider.diff!(id, olds, news);
  if (diff.replaces && diff.replaces.length > 0) return { diff, outs: olds };
  if (!diff.changes) return { diff, outs: olds };
  const updated = await provider.update!(id, olds, news);
  return { diff, outs: updated.outs as Record<string, unknown> };
}

/** Catches the rejection of a promise that must fail. */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail, and it succeeded");
}
