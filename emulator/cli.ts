#!/usr/bin/env node
import type { FaultRule } from "./faults";
import { type EmulatorOptions, startEmulator } from "./index";

const USAGE = `usage: bandwidth-emulator [--port N] [--host H] [--state-file F] [--order-delay-ms N]
       [--disconnect-delay-ms N] [--aging-ms N] [--no-rate-limits] [--fault JSON]...
       [--token-lifetime-seconds N] [--no-legacy-basic-auth] [--quiet]`;

/** Thrown for a command line the emulator cannot run with. */
export class UsageError extends Error {
  readonly code = "USAGE";
}

function integer(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a non-negative integer`);
  return Number(value);
}

/** Turns argv (without node and the script) into emulator options. */
export function parseArgs(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = { port: 0 };
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
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (faults.length > 0) options.faults = faults;
  return options;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
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
