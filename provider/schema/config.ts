/** The provider's configuration as the package schema lists it: each setting of provider/config.ts with what it is. */
import { SETTINGS, type SettingName } from "../config";

/** What each setting is, in one sentence (a setting added to SETTINGS without one fails the type check). */
export const SETTING_DESCRIPTIONS: Readonly<Record<SettingName, string>> = {
  accountId: "The Bandwidth Dashboard account the numbers are ordered on and read from.",
  clientId:
    "The OAuth 2.0 client id exchanged for a token to call the Numbers API (Bandwidth's only authentication from 2026-12-02).",
  clientSecret: "The OAuth 2.0 client secret paired with `clientId`.",
  tokenUrl: "Where the OAuth 2.0 token is fetched; point it at the emulator for local runs.",
  username:
    "A legacy API User's username: needed in a v1 import's `provider` block; authenticates the Numbers API only without client credentials (retired on 2026-12-02).",
  password: "The legacy API User's password paired with `username`.",
  userId: "The Voice & Messaging v1 user id (`u-...`) a VoiceImport acts as.",
  apiToken: "The Voice & Messaging v1 API token paired with `userId`.",
  apiSecret: "The Voice & Messaging v1 API secret paired with `apiToken`.",
  dashboardUrl:
    "The prefix before `/accounts/...` of the Numbers (Dashboard) API; point it at the emulator for local runs.",
  voiceUrl:
    "The prefix before `/v1/users/...` of the Voice & Messaging v1 API; point it at the emulator for local runs.",
  apiUrl:
    "The API host's root, before `/v2/accounts/...` (the Universal Platform's JSON APIs: voice configuration packages); point it at the emulator for local runs.",
  allowInsecureHttp:
    "`true` allows `http://` to a host other than loopback (refused by default: credentials would cross the network in clear).",
};

/** One configuration variable: its name in the `bandwidth` namespace, environment variable, secrecy and default. */
export interface ConfigVariable {
  readonly name: string;
  readonly envVar: string;
  readonly description: string;
  readonly secret: boolean;
  readonly defaultValue?: string;
  readonly type: "string" | "boolean";
}

/** Every setting, in the order of provider/config.ts. */
export function configVariables(): ConfigVariable[] {
  return (Object.keys(SETTINGS) as SettingName[]).map((name) => {
    const s: { configKey: string; envVar: string; secret?: boolean; defaultValue?: string } = SETTINGS[name];
    return {
      name: s.configKey.replace(/^bandwidth:/, ""),
      envVar: s.envVar,
      description: SETTING_DESCRIPTIONS[name],
      secret: s.secret === true,
      ...(s.defaultValue !== undefined && { defaultValue: s.defaultValue }),
      type: name === "allowInsecureHttp" ? "boolean" : "string",
    };
  });
}
