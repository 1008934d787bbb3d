import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createStack, emulatorStackConfig, type TestStack } from "./harness";

/** The repository root holds the runnable stack (Pulumi.yaml → the hybrid example, compiled). */
const root = path.resolve(__dirname, "..", "..", "..");

function stackConfig(emu: RunningEmulator, extra: Record<string, string> = {}) {
  return emulatorStackConfig(emu, { areaCode: "919", quantity: "2", applicationId: "a-first", ...extra });
}

const run = promisify(execFile);

/** Every file below a directory, concatenated: what a backend keeps on disk. */
async function readTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

/** Credentials unlike any default, so a scan of the state cannot match by accident. */
const PASSWORD = "e2e-dashboard-pass-7Q2x";
const API_SECRET = "e2e-v1-secret-9Kp4";
const CLIENT_SECRET = "e2e-oauth-client-secret-3Vb8";

describe("the real Pulumi engine against the emulator", function () {
  this.timeout(10 * 60 * 1000); // a cold engine build happens in the first before()

  let emu: RunningEmulator;
  let stack: TestStack;
  const account = () => emu.credentials.accountId;
  const inService = () => emu.model.numbersInService(account());
  const imported = () => emu.model.listVoiceNumbers(emu.credentials.userId);
  const orders = () => emu.model.listOrders(account());

  before(async () => {
    // An account Bandwidth still lets through the v1 import after 2026-12-02: its provider block's API User is
    // accepted (legacy Basic auth on; the provider still authenticates the Numbers API with client credentials), and
    // the tokens expire every few seconds.
    emu = await startEmulator({
      orderDelayMs: 300,
      disconnectDelayMs: 300,
      legacyBasicAuth: true,
      tokenLifetimeSeconds: 5,
      accounts: [
        {
          accountId: "7700001",
          clientId: "e2e-client",
          clientSecret: CLIENT_SECRET,
          username: "e2e",
          password: PASSWORD,
          userId: "u-e2e00001",
          apiToken: "t-e2e00001",
          apiSecret: API_SECRET,
        },
      ],
    });
    stack = await createStack({ workDir: root, stackName: `e2e-${process.pid}`, config: stackConfig(emu) });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  async function setConfig(key: string, value: string) {
    await stack.stack.setConfig(key, { value });
  }

  it("up orders the numbers and imports each one, with the documented outputs", async () => {
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 4 });
    const numbers = up.outputs.telephoneNumbers.value as string[];
    expect(numbers).to.have.length(2);
    expect(numbers.every((n) => /^\+1919\d{7}$/.test(n))).to.equal(true);
    expect(up.outputs.orderStatus.value).to.equal("COMPLETE");
    expect((up.outputs.voiceNumberIds.value as string[]).every((id) => id.startsWith("n-"))).to.equal(true);
    expect(
      inService()
        .map((tn) => `+1${tn}`)
        .sort(),
    ).to.deep.equal([...numbers].sort());
    expect(
      imported()
        .map((n) => n.number)
        .sort(),
    ).to.deep.equal([...numbers].sort());
  });

  it("a second preview shows no changes and makes no API request", async () => {
    const before = emu.requestLog().length;
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 4 });
    expect(emu.requestLog().length).to.equal(before);
  });

  it("a new applicationId updates both imports in place", async () => {
    await setConfig("applicationId", "a-second");
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ same: 2, update: 2 });
    expect(imported().map((n) => n.applicationId)).to.deep.equal(["a-second", "a-second"]);
  });

  it("a new peerId moves the numbers in place: an update, no replace, the same numbers and imports", async () => {
    const before = inService();
    const peer = emu.model.provisioning.createPeer(account(), "461", { peerName: "e2emove" });
    await setConfig("peerId", peer.peerId);
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ same: 3, update: 1 });
    expect(orders()).to.have.length(1);
    expect(emu.model.listDisconnects(account())).to.have.length(0);
    expect(inService()).to.deep.equal(before);
    expect(emu.model.provisioning.peerNumbers(account(), "461", peer.peerId)).to.deep.equal(before);
    expect(imported()).to.have.length(2);
  });

  it("quantity 2 → 3 → 1: one extra order, then one disconnect, never a replace", async () => {
    await setConfig("quantity", "3");
    const grow = await stack.up();
    expect(grow.summary.resourceChanges).to.deep.equal({ same: 3, update: 1, create: 1 });
    expect(orders()).to.have.length(2);
    expect(inService()).to.have.length(3);
    expect(imported()).to.have.length(3);

    await setConfig("quantity", "1");
    const shrink = await stack.up();
    expect(shrink.summary.resourceChanges).to.deep.equal({ same: 2, update: 1, delete: 2 });
    expect(orders()).to.have.length(2);
    expect(emu.model.listDisconnects(account())).to.have.length(1);
    expect(inService()).to.have.length(1);
    expect(imported()).to.have.length(1);
  });

  it("a number disconnected behind Pulumi's back: refresh drops it, the next up restores it", async () => {
    await setConfig("quantity", "2");
    await stack.up();
    const [lost] = inService();
    emu.model.disconnectBehindTheBack(lost);
    const refresh = await stack.refresh();
    expect(refresh.summary.result).to.equal("succeeded");
    const state = await stack.exportState();
    const order = state.deployment.resources!.find((r) => r.type.endsWith(":PhoneNumberOrder"))!;
    expect(order.outputs!.telephoneNumbers).to.not.include(lost);
    const ordersBefore = orders().length;
    const up = await stack.up();
    expect(up.summary.result).to.equal("succeeded");
    expect(orders()).to.have.length(ordersBefore + 1);
    expect(inService()).to.have.length(2);
    expect(imported()).to.have.length(2);
  });

  it("neither `pulumi stack export` nor the backend's files hold a credential in clear; the provider in state is small", async () => {
    const { stdout } = await run(
      path.join(stack.env.PATH!.split(path.delimiter)[0], "pulumi"),
      ["stack", "export", "--stack", stack.stack.name, "--cwd", root],
      { env: stack.env, maxBuffer: 64 * 1024 * 1024 },
    );
    const onDisk = await readTree(fileURLToPath(stack.backendUrl));
    for (const text of [stdout, onDisk]) {
      expect(text).to.not.include(PASSWORD);
      expect(text).to.not.include(API_SECRET);
      expect(text).to.not.include(CLIENT_SECRET);
    }
    expect(stdout).to.include("ciphertext", "the secrets are there, encrypted");
    const state = JSON.parse(stdout) as {
      deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] };
    };
    for (const r of state.deployment.resources.filter((x) => x.type.includes("bandwidth:"))) {
      const provider = String(r.inputs!.__provider);
      expect(provider.length).to.be.lessThan(4096);
      expect(provider).to.include("pulumi-bandwidth/internal/resources/");
    }
  });

  it("destroy un-imports every number before the disconnect that contains it, polled to COMPLETE", async () => {
    const state = await stack.exportState();
    const importsByNumber = state.deployment
      .resources!.filter((r) => r.type.endsWith(":VoiceImport"))
      .map((r) => ({ tn: String(r.outputs!.number).slice(2), numberId: String(r.outputs!.numberId) }));
    expect(importsByNumber).to.have.length(2);
    const start = emu.requestLog().length;
    const result = await stack.destroy();
    expect(result.summary.result).to.equal("succeeded");
    const log = emu.requestLog().slice(start);
    for (const { tn, numberId } of importsByNumber) {
      const unimport = log.findIndex((r) => r.method === "DELETE" && r.path.endsWith(`/phoneNumbers/${numberId}`));
      const disconnect = log.findIndex(
        (r) => r.method === "POST" && r.path.endsWith("/disconnects") && r.body?.includes(tn),
      );
      expect(disconnect, `a disconnect carries ${tn}`).to.be.greaterThan(-1);
      expect(unimport, `the un-import of ${tn} precedes its disconnect`).to.be.within(0, disconnect - 1);
    }
    const lastDisconnect = emu.model.listDisconnects(account()).at(-1)!;
    expect(lastDisconnect.status).to.equal("COMPLETE");
    expect(log.some((r) => r.method === "GET" && r.path.includes(`/disconnects/${lastDisconnect.id}`))).to.equal(true);
    expect(inService()).to.deep.equal([]);
    expect(imported()).to.deep.equal([]);
  });
});

describe("the real Pulumi engine with an order slower than timeoutSeconds", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;

  before(async () => {
    emu = await startEmulator({ orderDelayMs: 4000, disconnectDelayMs: 200 });
    stack = await createStack({
      workDir: root,
      stackName: `e2e-slow-${process.pid}`,
      config: stackConfig(emu, { quantity: "1", timeoutSeconds: "1" }),
    });
  });
  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await stack?.remove();
    await emu?.close();
  });

  it("up fails with a resume hint, the next up completes, and the emulator holds exactly one order", async () => {
    const failed = await stack.up().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failed, "the first up must fail while the order is pending").to.be.instanceOf(Error);
    expect(String(failed)).to.match(/run `pulumi up` again to resume/);
    await new Promise((r) => setTimeout(r, 4500));
    const up = await stack.up();
    expect(up.summary.result).to.equal("succeeded");
    expect(up.outputs.orderStatus.value).to.equal("COMPLETE");
    expect(emu.model.listOrders(emu.credentials.accountId)).to.have.length(1);
    await stack.destroy();
    expect(emu.model.numbersInService(emu.credentials.accountId)).to.deep.equal([]);
  });
});
