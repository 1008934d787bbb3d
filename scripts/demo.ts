// `npm run demo`: the root stack against the embedded emulator, with the real Pulumi engine and a local backend.
// up (orders and imports numbers) → outputs → preview (no changes) → destroy → the emulator's account summary.
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { startEmulator } from "../emulator";
import { PAGE_PATH } from "../emulator/page";
import { createStack, emulatorStackConfig, ensureEngine } from "./tooling";
import { runNativeDemo } from "./demo-native";
import { runUniversalDemo } from "./demo-universal";
import { runV2Demo } from "./demo-v2";

const root = path.resolve(__dirname, "..", "..");
const work = path.join(root, ".demo");
/** `npm run demo -- --keep`: leave the emulator and its page running after the summary, until Ctrl-C. */
const keep = process.argv.includes("--keep");

function say(line: string): void {
  process.stdout.write(`\n== ${line}\n`);
}

async function main(): Promise<number> {
  mkdirSync(path.join(work, "state"), { recursive: true });
  say("Pulumi engine (an installed pulumi >= 3.139, or a one-time build cached for later runs)");
  const engine = await ensureEngine();
  process.stdout.write(`using ${path.join(engine.binDir, "pulumi")}\n`);

  say("starting the Bandwidth emulator (state kept in .demo/emulator-state.json)");
  const emu = await startEmulator({
    stateFile: path.join(work, "emulator-state.json"),
    orderDelayMs: 1500,
    disconnectDelayMs: 1500,
    // As Bandwidth from 2026-12-02: OAuth 2.0 bearer tokens only (no API User Basic auth), and short-lived ones.
    legacyBasicAuth: false,
    tokenLifetimeSeconds: 5,
  });
  const c = emu.credentials;
  const pageUrl = `${emu.url}${PAGE_PATH}`;
  process.stdout.write(`Numbers API ${emu.dashboardUrl}, Voice v1 ${emu.voiceUrl}, account ${c.accountId}\n`);
  process.stdout.write(`watch it live: ${pageUrl}\n`);
  try {
    const stack = await createStack({
      workDir: root,
      stackName: "demo",
      env: {
        PULUMI_BACKEND_URL: pathToFileURL(path.join(work, "state")).href,
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "demo-passphrase",
      },
      config: emulatorStackConfig(emu, { peerId: c.peerId, areaCode: "919", quantity: "2" }),
    });
    const out = { onOutput: (s: string) => process.stdout.write(s) };

    // The v1 import's provider block carries an API User, which Bandwidth decommissioned on 2026-12-02: this stack
    // runs as on an account Bandwidth still lets through, with API Users accepted for this part only.
    say("the hybrid (v1 import) stack, on an account that still accepts the v1 import's API User (this part only)");
    emu.setAuthPolicy({ legacyBasicAuth: true });

    say("pulumi up");
    const up = await stack.stack.up(out);
    say("outputs");
    for (const [name, o] of Object.entries(up.outputs)) process.stdout.write(`${name}: ${JSON.stringify(o.value)}\n`);

    say("pulumi preview (expect no changes)");
    const before = emu.requestLog().length;
    const preview = await stack.stack.preview(out);
    const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
    const requests = emu.requestLog().length - before;
    process.stdout.write(
      `changes: ${changes.length === 0 ? "none" : JSON.stringify(changes)}; API requests: ${requests}\n`,
    );

    say("pulumi destroy");
    await stack.stack.destroy(out);
    emu.setAuthPolicy({ legacyBasicAuth: false });

    // Bandwidth's current model beside the seed's: the v2 example links applications to a location, no import.
    const example = { emu, work, say, write: (s: string) => process.stdout.write(s) };
    const v2Clean = await runV2Demo(example);
    // Today's Bandwidth: voice through a configuration package, messaging with a 10DLC campaign, number settings.
    const universalClean = await runUniversalDemo(example);
    // Every Pulumi language: a YAML program and a TypeScript program on the generated SDK, served by the native plugin.
    const nativeClean = await runNativeDemo(example);

    say("emulator account summary");
    const summary = emu.model.accountSummary(c.accountId);
    process.stdout.write(
      `numbers in service: ${summary.inService}\nv1 imports: ${summary.imported}\n` +
        `orders placed (all time): ${summary.orders}\ndisconnects (all time): ${summary.disconnects}\n` +
        `TN option orders (all time): ${emu.model.tnOptions.listOrders(c.accountId).length}\n`,
    );
    const clean =
      summary.inService === 0 &&
      summary.imported === 0 &&
      changes.length === 0 &&
      v2Clean &&
      universalClean &&
      nativeClean;
    process.stdout.write(
      clean
        ? "\ndemo finished: nothing left in service or imported, no location, site or application of the v2 and Universal Platform examples, and no package (nor a number in one) of them or of the native programs\n"
        : "\ndemo FAILED\n",
    );
    if (!keep) {
      process.stdout.write(
        `emulator page: ${pageUrl} (closed with the demo; \`npm run demo -- --keep\` leaves it open)\n`,
      );
      return clean ? 0 : 1;
    }
    process.stdout.write(`emulator page: ${pageUrl} (open until Ctrl-C)\n`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
    return clean ? 0 : 1;
  } finally {
    await emu.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`demo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
