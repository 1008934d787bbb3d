import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "chai";
import { type LoggedRequest, type RunningEmulator, startEmulator } from "../../emulator";
import { createStack, emulatorStackConfig, type StackState, type TestStack } from "./harness";

const run = promisify(execFile);

/** Every file below a directory, concatenated: what a backend keeps on disk. */
async function readTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

const example = path.resolve(__dirname, "..", "..", "..", "examples", "v2-voice-messaging");

/** A callback password unlike anything else, so a scan of the state cannot match by accident. */
const CALLBACK_PASSWORD = "e2e-callback-pass-5Wm8";

/**
 * The v2 example (site → location linked to a voice and a messaging application → numbers ordered into it) on the
 * real engine against the emulator: up, an empty preview, in-place updates, a messaging swap, and a destroy whose
 * request log shows every unlink before the delete that needs it.
 */
describe("the v2 example on the real engine (applications, site, location, numbers)", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;
  let workDir: string;
  const accountId = "7700002";
  const prov = () => emu.model.provisioning;
  const numbersCalls = (from = 0): LoggedRequest[] =>
    emu
      .requestLog()
      .slice(from)
      .filter((r) => r.api === "numbers");
  /** Index in the request log of the first call matching method and path (-1 when absent). */
  const at = (log: LoggedRequest[], method: string, pathRe: RegExp) =>
    log.findIndex((r) => r.method === method && pathRe.test(r.path));

  before(async () => {
    workDir = await mkdtemp(path.join(path.dirname(example), ".v2-run-"));
    await cp(example, workDir, { recursive: true });
    emu = await startEmulator({
      orderDelayMs: 200,
      disconnectDelayMs: 200,
      accounts: [
        {
          accountId,
          username: "e2e-v2",
          password: "e2e-v2-dashboard-pass",
          userId: "u-e2ev2",
          apiToken: "t-e2ev2",
          apiSecret: "e2e-v2-api-secret",
        },
      ],
    });
    const config = emulatorStackConfig(emu, { areaCode: "919", quantity: "2" });
    config.callbackPassword = { value: CALLBACK_PASSWORD, secret: true };
    stack = await createStack({ workDir, stackName: `v2-${process.pid}`, config });
  });

  after(async () => {
    await stack?.remove().catch(() => undefined);
    await emu?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up creates the site, both applications, the linked location and the numbers in it", async () => {
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 6 });
    const o = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));
    const peer = prov().getPeer(accountId, o.siteId, o.locationId);
    expect(peer.origination).to.deep.equal({ voiceProtocol: "HTTP", httpVoiceV2AppId: o.voiceApplicationId });
    expect(peer.messagingAppId).to.equal(o.messagingApplicationId);
    expect(peer.smsFeature).to.not.equal(undefined);
    const numbers = (o.telephoneNumbers as string[]).map((n) => n.slice(2)).sort();
    expect(numbers).to.have.length(2);
    expect(prov().peerNumbers(accountId, o.siteId, o.locationId)).to.deep.equal(numbers);

    // The callback password is secret everywhere: `pulumi stack export` (without --show-secrets) and the backend's files.
    const { stdout } = await run(
      path.join(stack.env.PATH!.split(path.delimiter)[0], "pulumi"),
      ["stack", "export", "--stack", stack.stack.name, "--cwd", workDir],
      { env: stack.env, maxBuffer: 64 * 1024 * 1024 },
    );
    const onDisk = await readTree(fileURLToPath(stack.backendUrl));
    for (const text of [stdout, onDisk]) expect(text).to.not.include(CALLBACK_PASSWORD);
    const state = JSON.parse(stdout) as StackState;
    const voice = state.deployment.resources!.find(
      (r) => r.type.endsWith(":Application") && r.id === o.voiceApplicationId,
    )!;
    expect(JSON.stringify(voice.inputs!.callbackCreds)).to.include("ciphertext");
    expect(JSON.stringify(voice.outputs!.callbackCreds)).to.include("ciphertext");
    expect(JSON.stringify(emu.requestLog())).to.not.include(CALLBACK_PASSWORD);
  });

  it("a preview of the unchanged program shows no change and sends no request", async () => {
    const before = emu.requestLog().length;
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 6 });
    expect(emu.requestLog().slice(before)).to.deep.equal([]);
  });

  it("a new callback URL updates the voice application in place (same id, no replace)", async () => {
    const id = (await stack.stack.outputs()).voiceApplicationId.value as string;
    await stack.stack.setConfig("voiceCallbackUrl", { value: "https://callbacks.example.com/v2/initiated" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ update: 1, same: 5 });
    expect(up.outputs.voiceApplicationId.value).to.equal(id);
    expect(prov().getApplication(accountId, id).callInitiatedCallbackUrl).to.equal(
      "https://callbacks.example.com/v2/initiated",
    );
  });

  it("refresh shows a change made in the Dashboard, and the next up puts the program's value back", async () => {
    const outs = await stack.stack.outputs();
    const id = outs.voiceApplicationId.value as string;
    prov().updateApplication(accountId, id, { callStatusCallbackUrl: "https://elsewhere.example.com/status" }, "patch");
    const peer = prov().getPeer(accountId, outs.siteId.value, outs.locationId.value);
    prov().setOrigination(accountId, peer.siteId, peer.peerId, { voiceProtocol: "SIP" }, "update");
    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).to.deep.include({ update: 2 });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ update: 2, same: 4 });
    expect(prov().getApplication(accountId, id).callStatusCallbackUrl).to.equal(
      "https://callbacks.example.com/calls/status",
    );
    expect(prov().getPeer(accountId, peer.siteId, peer.peerId).origination).to.deep.equal({
      voiceProtocol: "HTTP",
      httpVoiceV2AppId: id,
    });
  });

  it("swapping the messaging application relinks the location in place before the old application is deleted", async () => {
    const outs = await stack.stack.outputs();
    const oldApp = outs.messagingApplicationId.value as string;
    const before = emu.requestLog().length;
    await stack.stack.setConfig("messagingSlot", { value: "green" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 1, update: 1, delete: 1, same: 4 });
    const newApp = up.outputs.messagingApplicationId.value as string;
    expect(newApp).to.not.equal(oldApp);
    expect(up.outputs.locationId.value).to.equal(outs.locationId.value);
    expect(prov().getPeer(accountId, outs.siteId.value, outs.locationId.value).messagingAppId).to.equal(newApp);
    expect(
      prov()
        .listApplications(accountId)
        .map((a) => a.applicationId),
    ).to.not.include(oldApp);
    const log = numbersCalls(before);
    const relink = at(log, "PUT", /messaging\/applicationSettings$/);
    const deleteOld = at(log, "DELETE", new RegExp(`/applications/${oldApp}$`));
    expect(relink).to.be.greaterThan(-1);
    expect(deleteOld).to.be.greaterThan(relink);
    expect(log[deleteOld].status).to.equal(200);
  });

  it("destroy leaves nothing of the stack, and each unlink comes before the delete that needs it", async () => {
    const outs = await stack.stack.outputs();
    const siteId = outs.siteId.value as string;
    const locationId = outs.locationId.value as string;
    const before = emu.requestLog().length;
    const destroy = await stack.destroy();
    expect(destroy.summary.result).to.equal("succeeded");
    expect(emu.model.numbersInService(accountId)).to.deep.equal([]);
    expect(prov().listApplications(accountId)).to.deep.equal([]);
    expect(
      prov()
        .listSites(accountId)
        .map((s) => s.siteId),
    ).to.not.include(siteId);
    expect(prov().listPeers(accountId, siteId)).to.deep.equal([]);

    const log = numbersCalls(before);
    const peer = new RegExp(`/sippeers/${locationId}`);
    const disconnect = at(log, "POST", /\/disconnects$/);
    const removeMessaging = log.findIndex(
      (r) =>
        r.method === "PUT" && peer.test(r.path) && /applicationSettings$/.test(r.path) && /REMOVE/.test(r.body ?? ""),
    );
    const deleteSms = at(log, "DELETE", /features\/sms$/);
    const voiceToSip = log.findIndex(
      (r) => r.method === "PUT" && /origination\/settings$/.test(r.path) && /<VoiceProtocol>SIP</.test(r.body ?? ""),
    );
    const deletePeer = at(log, "DELETE", new RegExp(`/sippeers/${locationId}$`));
    const deleteSite = at(log, "DELETE", new RegExp(`/sites/${siteId}$`));
    const deleteApps = log
      .map((r, i) => (r.method === "DELETE" && /\/applications\//.test(r.path) ? i : -1))
      .filter((i) => i >= 0);
    for (const i of [disconnect, removeMessaging, deleteSms, voiceToSip, deletePeer, deleteSite])
      expect(i).to.be.greaterThan(-1);
    expect(disconnect).to.be.lessThan(deletePeer);
    expect(removeMessaging).to.be.lessThan(deleteSms);
    expect(deleteSms).to.be.lessThan(deletePeer);
    expect(voiceToSip).to.be.lessThan(deletePeer);
    expect(deletePeer).to.be.lessThan(deleteSite);
    expect(deleteApps).to.have.length(2);
    for (const i of deleteApps) {
      expect(i).to.be.greaterThan(removeMessaging);
      expect(i).to.be.greaterThan(voiceToSip);
      expect(log[i].status).to.equal(200);
    }
    // No refusal on the way: every delete succeeded the first time.
    expect(log.filter((r) => r.method !== "GET" && r.status >= 400)).to.deep.equal([]);
  });
});
