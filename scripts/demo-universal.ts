// The Universal Platform part of `npm run demo`: the example (a site, a location linked to a messaging application, a
// voice application in a voice configuration package, numbers ordered into the location with a 10DLC campaign, SMS
// and calling name on) up → preview → destroy against the emulator already running, counting number orders, TN
// option orders and numbers, then proof that nothing of it is left. The demo's main script calls
// runUniversalDemo after the hybrid and v2 stacks.
import type { RunningEmulator } from "../emulator";
import { type ExampleDemoOptions, openExampleStack } from "./demo-example";

/** The campaign the demo's stack assigns its numbers to (the emulator takes any 1 to 64 characters as a campaign). */
export const DEMO_CAMPAIGN_ID = "CDEMO42";

/** What the demo counts on the emulator's account before and after each step. */
interface Counts {
  orders: number;
  optionOrders: number;
  disconnects: number;
  inService: number;
}

function counts(emu: RunningEmulator, accountId: string): Counts {
  const summary = emu.model.accountSummary(accountId);
  return {
    orders: summary.orders,
    optionOrders: emu.model.tnOptions.listOrders(accountId).length,
    disconnects: summary.disconnects,
    inService: summary.inService,
  };
}

const describe = (c: Counts) =>
  `number orders ${c.orders}, TN option orders ${c.optionOrders}, disconnects ${c.disconnects}, numbers in service ${c.inService}`;

/**
 * Runs the Universal Platform example up → preview → destroy; true when its numbers carried the declared settings,
 * the preview was empty, and nothing it created is left: no number in service beyond those before it, no package,
 * no number in any package, no application, location or site of it.
 */
export async function runUniversalDemo(opts: ExampleDemoOptions): Promise<boolean> {
  const { emu, say, write } = opts;
  const accountId = emu.credentials.accountId;
  const stack = await openExampleStack(opts, {
    example: "universal-platform",
    stackName: "demo-universal",
    program: { areaCode: "919", quantity: "2", campaignId: DEMO_CAMPAIGN_ID },
  });
  const out = { onOutput: write };
  const before = counts(emu, accountId);
  write(`before: ${describe(before)}\n`);

  say("Universal Platform example: pulumi up (site, messaging location, voice package, numbers with their settings)");
  const up = await stack.stack.up(out);
  say("Universal Platform example: outputs");
  for (const [name, o] of Object.entries(up.outputs)) write(`${name}: ${JSON.stringify(o.value)}\n`);
  const afterUp = counts(emu, accountId);
  write(`after up: ${describe(afterUp)}\n`);

  say("Universal Platform example: what the emulator holds for each number");
  const packageId = up.outputs.voiceConfigurationPackageId?.value as string;
  const numbers = (up.outputs.telephoneNumbers?.value as string[]).map((n) => n.slice(2));
  let settled = numbers.length === 2;
  for (const tn of numbers) {
    const s = emu.model.tnOptions.settingsOf(tn);
    const pkg = emu.model.vcp.packageOf(tn);
    write(
      `${tn}: package ${pkg ?? "none"}, sms ${s?.sms ?? "default"}, campaign ${s?.a2p?.campaignId ?? "none"}, ` +
        `calling name ${s?.callingNameDisplay ?? "default"}\n`,
    );
    settled &&=
      pkg === packageId && s?.sms === "on" && s.a2p?.campaignId === DEMO_CAMPAIGN_ID && s.callingNameDisplay === "on";
  }

  say("Universal Platform example: pulumi preview (expect no changes)");
  const logged = emu.requestLog().length;
  const preview = await stack.stack.preview(out);
  const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
  write(
    `changes: ${changes.length === 0 ? "none" : JSON.stringify(changes)}; API requests: ${emu.requestLog().length - logged}\n`,
  );

  say("Universal Platform example: pulumi destroy (numbers out of the package and disconnected, then the rest)");
  const siteId = up.outputs.siteId?.value as string;
  await stack.stack.destroy(out);
  const after = counts(emu, accountId);
  const p = emu.model.provisioning;
  const packages = emu.model.vcp.listPackages(accountId).length;
  const inPackages = emu.model.vcp.voiceNumbers(accountId).filter((n) => n.voiceConfigurationPackageId).length;
  const applications = p.listApplications(accountId).length;
  const siteLeft = p.listSites(accountId).some((s) => s.siteId === siteId);
  write(
    `after destroy: ${describe(after)}\nvoice packages: ${packages}; numbers in a package: ${inPackages}\n` +
      `applications: ${applications}; site ${siteId}: ${siteLeft ? "still there" : "deleted"}\n`,
  );
  await stack.stack.workspace.removeStack(stack.stack.name, { force: true }).catch(() => undefined);
  return (
    settled &&
    changes.length === 0 &&
    afterUp.inService === before.inService + 2 &&
    after.inService === before.inService &&
    packages === 0 &&
    inPackages === 0 &&
    applications === 0 &&
    !siteLeft
  );
}
