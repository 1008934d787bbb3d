#!/usr/bin/env node
import type { FaultRule } from "./faults";
import { type EmulatorOptions, startEmulator } from "./index";

/** The usage text `--help` prints. */
export const USAGE = `usage: bandwidth-emulator [options]

A local Bandwidth emulator: the Numbers API under /api, Voice v1 under /v1/users, the OAuth token endpoint at
/api/v1/oauth2/token, and an admin API under /_emulator/ (loopback only). Prints its URLs and demo credentials.

options:
  --port N                    port to listen on (default: any free port)
  --host H                    address to listen on (default 127.0.0.1)
  --state-file F              keep orders, numbers and imports in F across restarts
  --order-delay-ms N          how long an order takes to reach its final status (default 500)
  --disconnect-delay-ms N     how long a disconnect takes to reach its final status (default 500)
  --aging-ms N                how long a disconnected number ages before it is available again (default twice the above)
  --no-rate-limits            answer no request 429
  --fault JSON                inject a fault rule, e.g. {"path":"/orders$","kind":"status","status":503} (repeatable)
  --token-lifetime-seconds N  lifetime of an issued OAuth token (default 3600)
  --no-legacy-basic-auth      refuse username/password on the Numbers API with 401, as Bandwidth does from 2026-12-02
  --quiet                     print nothing
  -h, --help                  print this text and exit`;

/** What the command line asks for: the emulator's options, or only its usage. */
export interface CliOptions extends EmulatorOptions {
  /** `--help` or `-h`: print the usage on standard output and exit 0. */
  help?: boolean;
}

/** Thrown for a command line the emulator cannot run with. */
export class UsageError extends Error {
  readonly code = "USAGE";
}

function integer(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a non-negative integer`);
  return Number(value);
}

/** Turns argv (without node and the script) into emulator options. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 0 };
  const faults: FaultRule[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--port":
        options.port = integer(flag, value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--state-file":
        options.stateFile = value();
        break;
      case "--order-delay-ms":
        options.orderDelayMs = integer(flag, value());
        break;
      case "--disconnect-delay-ms":
        options.disconnectDelayMs = integer(flag, value());
        break;
      case "--aging-ms":
        options.agingMs = integer(flag, value());
        break;
      case "--no-rate-limits":
        options.rateLimits = false;
        break;
      case "--fault":
        try {
          faults.push(JSON.parse(value() ?? ""));
        } catch {
          throw new UsageError("--fault needs a JSON fault rule");
        }
        break;
      case "--token-lifetime-seconds": {
        const seconds = integer(flag, value());
        if (seconds === 0) throw new UsageError(`${flag} needs a positive integer`);
        options.tokenLifetimeSeconds = seconds;
        break;
      }
      case "--no-legacy-basic-auth":
        options.legacyBasicAuth = false;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        return { help: true };
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (faults.length > 0) options.faults = faults;
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const emulator = await startEmulator(options);
  if (!options.quiet) {
    const c = emulator.credentials;
    process.stdout.write(
      [
        `Bandwidth emulator listening on ${emulator.url}`,
        `  BANDWIDTH_DASHBOARD_URL=${emulator.dashboardUrl}`,
        `  BANDWIDTH_VOICE_URL=${emulator.voiceUrl}`,
        `  BANDWIDTH_TOKEN_URL=${emulator.tokenUrl}`,
        `  BANDWIDTH_API_URL=${emulator.apiUrl}`,
        `  BANDWIDTH_ACCOUNT_ID=${c.accountId}`,
        `  BANDWIDTH_CLIENT_ID=${c.clientId}`,
        `  BANDWIDTH_CLIENT_SECRET=${c.clientSecret}`,
        `  BANDWIDTH_USERNAME=${c.username}`,
        `  BANDWIDTH_PASSWORD=${c.password}`,
        `  BANDWIDTH_USER_ID=${c.userId}`,
        `  BANDWIDTH_API_TOKEN=${c.apiToken}`,
        `  BANDWIDTH_API_SECRET=${c.apiSecret}`,
        `  site ${c.siteId}, SIP peer ${c.peerId}`,
        `  admin API: ${emulator.url}/_emulator/state`,
        "",
      ].join("\n"),
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => {
        if (!options.quiet) process.stdout.write(`${signal}: emulator stopped\n`);
        process.exit(0);
      },
      (err) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
