// The v2 part of `npm run demo`: the v2 example (site → location linked to a voice and a messaging application →
// numbers ordered into it) up, preview, destroy against an emulator already running, then proof that nothing of it
// is left. The demo's main script calls runV2Demo after the hybrid stack.
import { type ExampleDemoOptions, openExampleStack } from "./demo-example";

/** Runs the v2 example up → preview → destroy; true when nothing it created is left and the preview was empty. */
export async function runV2Demo(opts: ExampleDemoOptions): Promise<boolean> {
  const { emu, say, write } = opts;
  const accountId = emu.credentials.accountId;
  const stack = await openExampleStack(opts, {
    example: "v2-voice-messaging",
    stackName: "demo-v2",
    program: { areaCode: "919", quantity: "2" },
  });
  const out = { onOutput: write };

  say("v2 example: pulumi up (site, voice and messaging applications, linked location, numbers ordered into it)");
  const up = await stack.stack.up(out);
  say("v2 example: outputs");
  for (const [name, o] of Object.entries(up.outputs)) write(`${name}: ${JSON.stringify(o.value)}\n`);
  const siteId = up.outputs.siteId?.value as string;
  const locationId = up.outputs.locationId?.value as string;

  say("v2 example: pulumi preview (expect no changes)");
  const before = emu.requestLog().length;
  const preview = await stack.stack.preview(out);
  const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && n > 0);
  write(
    `changes: ${changes.length === 0 ? "none" : JSON.stringify(changes)}; API requests: ${emu.requestLog().length - before}\n`,
  );

  say("v2 example: pulumi destroy (numbers disconnected, location unlinked and deleted, then site and applications)");
  await stack.stack.destroy(out);

  say("v2 example: what the emulator still holds of it");
  const p = emu.model.provisioning;
  const inService = emu.model.numbersInService(accountId).length;
  const applications = p.listApplications(accountId).length;
  const siteLeft = p.listSites(accountId).some((s) => s.siteId === siteId);
  const locationLeft = siteLeft && p.listPeers(accountId, siteId).some((l) => l.peerId === locationId);
  write(
    `numbers in service: ${inService}\napplications: ${applications}\n` +
      `site ${siteId}: ${siteLeft ? "still there" : "deleted"}\nlocation ${locationId}: ${locationLeft ? "still there" : "deleted"}\n`,
  );
  await stack.stack.workspace.removeStack(stack.stack.name, { force: true }).catch(() => undefined);
  return inService === 0 && applications === 0 && !siteLeft && !locationLeft && changes.length === 0;
}
