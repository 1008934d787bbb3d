/** Stack configuration that points the provider at a running emulator, keyed by the provider's settings table. */
import type { DemoCredentials } from "../../emulator";
import { SETTINGS, type SettingName } from "../../provider/config";
import type { StackConfig } from "./stack";

/** What {@link emulatorStackConfig} reads from a running emulator. */
export interface EmulatorEndpoints {
  dashboardUrl: string;
  voiceUrl: string;
  tokenUrl: string;
  apiUrl: string;
  credentials: DemoCredentials;
}

/**
 * Each setting's value for an emulator: its endpoints and its first account's credentials. Keys are the names of
 * the provider's settings table, so a renamed setting fails to compile here instead of silently going unset.
 */
export function emulatorSettings(emu: EmulatorEndpoints): Partial<Record<SettingName, string>> {
  const c = emu.credentials;
  return {
    dashboardUrl: emu.dashboardUrl,
    voiceUrl: emu.voiceUrl,
    tokenUrl: emu.tokenUrl,
    apiUrl: emu.apiUrl,
    accountId: c.accountId,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    // A v1 import's provider block still names the Dashboard API User; client credentials authenticate the rest.
    username: c.username,
    password: c.password,
    userId: c.userId,
    apiToken: c.apiToken,
    apiSecret: c.apiSecret,
  };
}

/**
 * Stack config that points the provider at an emulator (each setting under its config key, secrets marked secret,
 * as the settings table says), plus the program's own settings (`siteId` always, from the emulator's first site).
 */
export function emulatorStackConfig(emu: EmulatorEndpoints, program: Record<string, string> = {}): StackConfig {
  const config: StackConfig = {};
  for (const [name, value] of Object.entries(emulatorSettings(emu)) as Array<[SettingName, string | undefined]>) {
    if (value === undefined) continue;
    const setting: { configKey: string; secret?: boolean } = SETTINGS[name];
    config[setting.configKey] = setting.secret ? { value, secret: true } : { value };
  }
  config.siteId = { value: emu.credentials.siteId };
  for (const [key, value] of Object.entries(program)) config[key] = { value };
  return config;
}
