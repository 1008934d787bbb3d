/**
 * Credentials and endpoints. Read at call time inside the provider (never captured into state): the stack's
 * configuration first (handed to the dynamic provider's `configure` hook), then the environment.
 */

/** A source of stack configuration values, such as the `config` of a dynamic provider's ConfigureRequest. */
export interface ConfigSource {
  /** The value of a stack config key such as `bandwidth:accountId`, or undefined when the stack does not set it. */
  get(key: string): string | undefined;
}

/** One setting: its stack config key and its environment variable. */
interface Setting {
  readonly configKey: string;
  readonly envVar: string;
  readonly secret?: boolean;
  readonly defaultValue?: string;
}

/** The settings of design.md, one row each. */
export const SETTINGS = {
  /** The Bandwidth account id the numbers are ordered on and read from. */
  accountId: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:accountId",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_ACCOUNT_ID",
  },
  /** The OAuth 2.0 client id the provider exchanges for a token to call the Numbers API. */
  clientId: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:clientId",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_CLIENT_ID",
  },
  /** The OAuth 2.0 client secret paired with `clientId`; keep it a secret in the stack. */
  clientSecret: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:clientSecret",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_CLIENT_SECRET",
    /** Set this one with `pulumi config set --secret`: it is a credential. */
    secret: true,
  },
  /** Where the provider fetches its OAuth 2.0 token; point it at the emulator for local runs. */
  tokenUrl: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:tokenUrl",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_TOKEN_URL",
    /** The value used when neither the stack config nor the environment sets it. */
    defaultValue: "https://api.bandwidth.com/api/v1/oauth2/token",
  },
  /** A legacy API User's username for HTTP Basic on the Numbers API (retired by Bandwidth on 2026-12-02). */
  username: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:username",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_USERNAME",
  },
  /** The legacy API User's password paired with `username`; keep it a secret in the stack. */
  password: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:password",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_PASSWORD",
    /** Set this one with `pulumi config set --secret`: it is a credential. */
    secret: true,
  },
  /** The Voice & Messaging v1 user id a VoiceImport acts as. */
  userId: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:userId",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_USER_ID",
  },
  /** The Voice & Messaging v1 API token paired with `userId`. */
  apiToken: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:apiToken",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_API_TOKEN",
  },
  /** The Voice & Messaging v1 API secret paired with `apiToken`; keep it a secret in the stack. */
  apiSecret: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:apiSecret",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_API_SECRET",
    /** Set this one with `pulumi config set --secret`: it is a credential. */
    secret: true,
  },
  /** The base URL of the Numbers (Dashboard) API; point it at the emulator for local runs. */
  dashboardUrl: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:dashboardUrl",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_DASHBOARD_URL",
    /** The value used when neither the stack config nor the environment sets it. */
    defaultValue: "https://api.bandwidth.com/api",
  },
  /** The base URL of the Voice & Messaging v1 API; point it at the emulator for local runs. */
  voiceUrl: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:voiceUrl",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_VOICE_URL",
    /** The value used when neither the stack config nor the environment sets it. */
    defaultValue: "https://api.catapult.inetwork.com",
  },
  /** The API host's root, before `/v2/accounts/...` (Universal Platform JSON: voice configuration packages). */
  apiUrl: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:apiUrl",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_API_URL",
    /** The value used when neither the stack config nor the environment sets it. */
    defaultValue: "https://api.bandwidth.com",
  },
  /** When true, `http://` endpoints are accepted for hosts other than loopback (credentials then cross the network in clear text). */
  allowInsecureHttp: {
    /** The stack config key (`pulumi config set`), read first. */
    configKey: "bandwidth:allowInsecureHttp",
    /** The environment variable read when the stack config does not set the key. */
    envVar: "BANDWIDTH_ALLOW_INSECURE_HTTP",
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** A missing or unusable setting. The message names the config key and the environment variable, never a value. */
export class ConfigError extends Error {
  /** Stable code of a configuration error, for callers that branch on the kind of error. */
  readonly code = "CONFIG";
  /** What to run next: set the setting the message names, then the same command again. */
  readonly nextStep =
    "Set it with `pulumi config set` (`--secret` for a secret) or its environment variable, then run the command again";
  constructor(message: string) {
    super(`${message.replace(/\.$/, "")}. `);
    this.message += `${this.nextStep}.`;
    this.name = "ConfigError";
  }
}

let stackConfig: ConfigSource | undefined;

/** Installs the stack configuration (called from the dynamic provider's `configure`). `undefined` forgets it. */
export function setStackConfig(config: ConfigSource | undefined): void {
  stackConfig = config;
}

function lookup(name: SettingName, env: NodeJS.ProcessEnv): string | undefined {
  const setting: Setting = SETTINGS[name];
  const fromStack = stackConfig?.get(setting.configKey);
  if (fromStack !== undefined && fromStack !== "") return fromStack;
  const fromEnv = env[setting.envVar];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  return setting.defaultValue;
}

function missing(names: SettingName[], aside = ""): ConfigError {
  const list = names.map((n) => `${SETTINGS[n].configKey} (or ${SETTINGS[n].envVar})`).join(", ");
  return new ConfigError(`Bandwidth credentials missing: ${list}${aside}`);
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value.trim());
}

/**
 * Refuses a URL that would send credentials in clear text across a network: `http://` is accepted only for a
 * loopback host (the local emulator) unless `bandwidth:allowInsecureHttp` / `BANDWIDTH_ALLOW_INSECURE_HTTP` is true.
 */
export function checkEndpoint(
  name: "dashboardUrl" | "voiceUrl" | "tokenUrl" | "apiUrl",
  raw: string,
  allowInsecure: boolean,
): string {
  const setting = SETTINGS[name];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${setting.configKey} (or ${setting.envVar}) is not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`${setting.configKey} must not carry credentials in the URL; use the credential settings`);
  }
  if (url.protocol === "https:") return raw.replace(/\/+$/, "");
  if (url.protocol !== "http:") {
    throw new ConfigError(`${setting.configKey} must be an https:// URL (got ${url.protocol}//)`);
  }
  if (!allowInsecure && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `${setting.configKey} uses http:// to ${url.hostname}: credentials would cross the network in clear text. ` +
        `Use https://, or set ${SETTINGS.allowInsecureHttp.configKey}=true (${SETTINGS.allowInsecureHttp.envVar}) to allow it.`,
    );
  }
  return raw.replace(/\/+$/, "");
}

/** True for localhost and the loopback ranges 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * How the Numbers (Dashboard) API is authenticated: OAuth 2.0 client credentials (Bandwidth's only way in from
 * 2026-12-02), or a legacy API User's username and password (HTTP Basic, retired by Bandwidth on 2026-12-02).
 */
export type NumbersAuth =
  | { kind: "client-credentials"; clientId: string; clientSecret: string; tokenUrl: string }
  | { kind: "basic"; username: string; password: string };

/** What the Numbers (Dashboard) API needs. */
export interface NumbersSettings {
  dashboardUrl: string;
  accountId: string;
  auth: NumbersAuth;
}

/** The Dashboard account and API User a v1 import's `provider` block carries. */
export interface DashboardApiUser {
  accountId: string;
  username: string;
  password: string;
}

/** What the Voice & Messaging v1 API needs. */
export interface VoiceSettings {
  voiceUrl: string;
  userId: string;
  apiToken: string;
  apiSecret: string;
}

/**
 * The Numbers API settings, or a ConfigError naming every missing one. Client credentials win when both they and a
 * username/password are configured; half a pair is an error rather than a silent fall back to the other method.
 */
export function numbersSettings(env: NodeJS.ProcessEnv = process.env): NumbersSettings {
  const has = (n: SettingName) => lookup(n, env) !== undefined;
  const oauth = ["clientId", "clientSecret"] as const;
  const basic = ["username", "password"] as const;
  const absent: SettingName[] = has("accountId") ? [] : ["accountId"];
  const useOauth = oauth.some(has) || !basic.some(has);
  if (useOauth) absent.push(...oauth.filter((n) => !has(n)));
  else absent.push(...basic.filter((n) => !has(n)));
  if (absent.length > 0) {
    const legacy =
      useOauth && !basic.some(has)
        ? ` (until Bandwidth retires it on 2026-12-02, a legacy API User's ${SETTINGS.username.configKey} and ` +
          `${SETTINGS.password.configKey} also work)`
        : "";
    throw missing(absent, legacy);
  }
  const allowInsecure = isTrue(lookup("allowInsecureHttp", env));
  const auth: NumbersAuth = useOauth
    ? {
        kind: "client-credentials",
        clientId: lookup("clientId", env)!,
        clientSecret: lookup("clientSecret", env)!,
        tokenUrl: checkEndpoint("tokenUrl", lookup("tokenUrl", env)!, allowInsecure),
      }
    : { kind: "basic", username: lookup("username", env)!, password: lookup("password", env)! };
  return {
    dashboardUrl: checkEndpoint("dashboardUrl", lookup("dashboardUrl", env)!, allowInsecure),
    accountId: lookup("accountId", env)!,
    auth,
  };
}

/**
 * The Dashboard account and API User that a Voice v1 import's mandatory `provider` block carries. A ConfigError when
 * the username or password is missing: with client credentials alone there is no API User to hand to v1.
 */
export function dashboardApiUser(env: NodeJS.ProcessEnv = process.env): DashboardApiUser {
  const names = ["accountId", "username", "password"] as const;
  const absent = names.filter((n) => lookup(n, env) === undefined);
  if (absent.length > 0) {
    throw new ConfigError(
      `A Voice v1 import names the Dashboard account and an API User in its provider block, so it needs ` +
        `${absent.map((n) => `${SETTINGS[n].configKey} (or ${SETTINGS[n].envVar})`).join(", ")}; client ` +
        `credentials cannot stand in for them. Bandwidth retires API Users on 2026-12-02: Bandwidth's current path ` +
        `links an Application to a Location (bw.Application, bw.Location) and needs no import.`,
    );
  }
  return {
    accountId: lookup("accountId", env)!,
    username: lookup("username", env)!,
    password: lookup("password", env)!,
  };
}

/**
 * The v1 settings when all three credentials are configured, `undefined` when none is (the stack does not use
 * Voice v1), and a ConfigError when only some are.
 */
export function voiceSettings(env: NodeJS.ProcessEnv = process.env): VoiceSettings | undefined {
  const names = ["userId", "apiToken", "apiSecret"] as const;
  const absent = names.filter((n) => lookup(n, env) === undefined);
  if (absent.length === names.length) return undefined;
  if (absent.length > 0) throw missing(absent);
  const allowInsecure = isTrue(lookup("allowInsecureHttp", env));
  return {
    voiceUrl: checkEndpoint("voiceUrl", lookup("voiceUrl", env)!, allowInsecure),
    userId: lookup("userId", env)!,
    apiToken: lookup("apiToken", env)!,
    apiSecret: lookup("apiSecret", env)!,
  };
}

/** The v1 settings, or a ConfigError naming every missing one. */
export function requireVoiceSettings(env: NodeJS.ProcessEnv = process.env): VoiceSettings {
  const settings = voiceSettings(env);
  if (settings === undefined) throw missing(["userId", "apiToken", "apiSecret"]);
  return settings;
}

/** What the Universal Platform's JSON API (voice configuration packages) needs: it takes OAuth bearer tokens only. */
export interface PlatformSettings {
  /** The API host's root, before `/v2/accounts/...`. */
  apiUrl: string;
  /** The account whose packages are managed. */
  accountId: string;
  /** The OAuth 2.0 client credentials the bearer tokens come from. */
  auth: Extract<NumbersAuth, { kind: "client-credentials" }>;
}

/**
 * The settings of the package API, or a ConfigError naming every missing one. A legacy API User cannot stand in for
 * the client credentials: Bandwidth's CLI reaches this API with OAuth bearer tokens only.
 */
export function platformSettings(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  const names = ["accountId", "clientId", "clientSecret"] as const;
  const absent = names.filter((n) => lookup(n, env) === undefined);
  if (absent.length > 0) {
    const error = missing(absent);
    error.message +=
      " (Voice configuration packages take OAuth 2.0 client credentials only; a legacy API User's " +
      `${SETTINGS.username.configKey} and ${SETTINGS.password.configKey} cannot stand in for them.)`;
    throw error;
  }
  const allowInsecure = isTrue(lookup("allowInsecureHttp", env));
  return {
    apiUrl: checkEndpoint("apiUrl", lookup("apiUrl", env)!, allowInsecure),
    accountId: lookup("accountId", env)!,
    auth: {
      kind: "client-credentials",
      clientId: lookup("clientId", env)!,
      clientSecret: lookup("clientSecret", env)!,
      tokenUrl: checkEndpoint("tokenUrl", lookup("tokenUrl", env)!, allowInsecure),
    },
  };
}
