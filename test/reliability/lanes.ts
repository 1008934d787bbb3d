/**
 * Lanes: many scenarios in one process, each with its own emulated account. The provider reads its settings from
 * `process.env` at call time, so each lane sees its own BANDWIDTH_* variables through an AsyncLocalStorage overlay.
 */

import { AsyncLocalStorage } from "node:async_hooks";
import { type AccountSeed, credentialsOf, type DemoCredentials, type RunningEmulator } from "../../emulator";
import { mapLimit } from "../../provider/resources/lifecycle";

const overlay = new AsyncLocalStorage<Record<string, string>>();
let installed = false;

/** Makes `process.env` answer from the current lane's variables first (idempotent). */
export function installEnvOverlay(): void {
  if (installed) return;
  installed = true;
  const base = process.env;
  process.env = new Proxy(base, {
    get(target, key) {
      const lane = overlay.getStore();
      if (lane && typeof key === "string" && key in lane) return lane[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const lane = overlay.getStore();
      return (lane !== undefined && typeof key === "string" && key in lane) || Reflect.has(target, key);
    },
    // Writes go to the real environment as plain assignments (process.env refuses full property descriptors).
    set(target, key, value) {
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  });
}

/** Runs `fn` with these variables visible in `process.env` (for its whole async call tree). */
export function inLane<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  installEnvOverlay();
  return overlay.run(env, fn);
}

/** `count` account seeds with distinct ids and credentials; each password is recognisable for credential scans. */
export function laneAccounts(count: number, prefix = "lane"): AccountSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return {
      accountId: `77${n}`,
      username: `${prefix}-${n}`,
      password: `pw-${prefix}-${n}-S3cr3t`,
      userId: `u-${prefix}${n}`,
      apiToken: `t-${prefix}${n}`,
      apiSecret: `as-${prefix}-${n}-S3cr3t`,
    };
  });
}

/** The environment of one lane: the emulator's URLs and the account's credentials for both APIs. */
export function laneEnv(emu: RunningEmulator, seed: AccountSeed, extra: Record<string, string> = {}) {
  const c: DemoCredentials = credentialsOf(seed);
  return {
    BANDWIDTH_DASHBOARD_URL: emu.dashboardUrl,
    BANDWIDTH_VOICE_URL: emu.voiceUrl,
    BANDWIDTH_API_URL: emu.apiUrl,
    BANDWIDTH_ACCOUNT_ID: c.accountId,
    BANDWIDTH_USERNAME: c.username,
    BANDWIDTH_PASSWORD: c.password,
    BANDWIDTH_USER_ID: c.userId,
    BANDWIDTH_API_TOKEN: c.apiToken,
    BANDWIDTH_API_SECRET: c.apiSecret,
    ...extra,
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export const inParallel = mapLimit;
