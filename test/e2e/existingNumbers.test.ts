import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { NumbersClient } from "../../provider/numbers";
import { closeSharedPools } from "../../provider/http/transport";
import { createStack, emulatorStackConfig, type StackState, type TestStack } from "./harness";

const run = promisify(execFile);
const fixture = path.resolve(__dirname, "..", "..", "..", "test", "e2e", "fixtures", "existing-numbers");

/** A passcode unlike anything else, so a scan of the state cannot match by accident. */
const PASSCODE = "E2ePass9Zq";

/** Every file below a directory, concatenated: what a backend keeps on disk. */
async function readTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

/**
 * ExistingNumbers with settings on the real engine against the emulator: numbers ordered by hand are taken with no
 * order, the settings go out in one TN option order, the passcode is ciphertext in the state and absent from every
 * file and log, a settings change is an in-place update, and destroy leaves the numbers in service.
 */
describe("ExistingNumbers with number settings on the real engine", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;
  let workDir: string;
  let numbers: string[];
  const account = () => emu.credentials.accountId;
  const posts = (re: RegExp) => emu.requestLog().filter((r) => r.method === "POST" && re.test(r.path)).length;

  before(async () => {
    emu = await startEmulator({ orderDelayMs: 100, disconnectDelayMs: 100 });
    const c = new NumbersClient({
      dashboardUrl: emu.dashboardUrl,
      accountId: account(),
      auth: {
        kind: "client-credentials",
        clientId: emu.credentials.clientId,
        clientSecret: emu.credentials.clientSecret,
        tokenUrl: emu.tokenUrl,
      },
    });
    const { orderId } = await c.createOrder({
      name: "by hand",
      siteId: emu.credentials.siteId,
      partialAllowed: false,
      backOrderRequested: false,
      criteria: { areaCode: "919", quantity: 2 },
    });
    for (;;) {
      const o = await c.getOrder(orderId);
      if (o.status === "COMPLETE") {
        numbers = [...o.completedNumbers].sort();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    workDir = await mkdtemp(path.join(path.dirname(fixture), ".existing-run-"));
    await cp(fixture, workDir, { recursive: true });
    const config = emulatorStackConfig(emu, { numbers: JSON.stringify(numbers) });
    config.portOutPasscode = { value: PASSCODE, secret: true };
    stack = await createStack({ workDir, stackName: `existing-${process.pid}`, config });
  });

  after(async () => {
    await stack?.remove().catch(() => undefined);
    await emu?.close();
    closeSharedPools();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up takes the numbers with no order and sets every option in one TN option order", async () => {
    const orders = posts(/\/orders$/);
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 2 });
    expect(posts(/\/orders$/)).to.equal(orders, "no number order");
    expect(posts(/\/tnoptions$/)).to.equal(1);
    for (const tn of numbers) {
      expect(emu.model.tnOptions.settingsOf(tn)).to.deep.include({
        sms: "on",
        callingNameDisplay: "on",
        portOutPasscode: PASSCODE,
      });
    }
    expect(up.outputs.telephoneNumbers.value).to.deep.equal(numbers);
  });

  it("the passcode is ciphertext in the state and absent from the export, the backend's files and the request log", async () => {
    const { stdout } = await run(
      path.join(stack.env.PATH!.split(path.delimiter)[0], "pulumi"),
      ["stack", "export", "--stack", stack.stack.name, "--cwd", workDir],
      { env: stack.env, maxBuffer: 64 * 1024 * 1024 },
    );
    const onDisk = await readTree(fileURLToPath(stack.backendUrl));
    for (const text of [stdout, onDisk]) expect(text).to.not.include(PASSCODE);
    const state = JSON.parse(stdout) as StackState;
    const kept = state.deployment.resources!.find((r) => r.type.endsWith(":ExistingNumbers"))!;
    expect(JSON.stringify(kept.inputs!.portOutPasscode)).to.include("ciphertext");
    expect(JSON.stringify(kept.outputs!.portOutPasscode)).to.include("ciphertext");
    expect(JSON.stringify(emu.requestLog())).to.not.include(PASSCODE);
  });

  it("a preview of the unchanged program shows no change and sends no request", async () => {
    const before = emu.requestLog().length;
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 2 });
    expect(emu.requestLog().slice(before)).to.deep.equal([]);
  });

  it("a settings change is an in-place update: one more option order, no number order, no disconnect", async () => {
    const [orders, options, disconnects] = [posts(/\/orders$/), posts(/\/tnoptions$/), posts(/\/disconnects$/)];
    await stack.stack.setConfig("callingNameDisplay", { value: "false" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ same: 1, update: 1 });
    expect(posts(/\/orders$/)).to.equal(orders);
    expect(posts(/\/disconnects$/)).to.equal(disconnects);
    expect(posts(/\/tnoptions$/)).to.equal(options + 1);
    for (const tn of numbers) expect(emu.model.tnOptions.settingsOf(tn)?.callingNameDisplay).to.equal("off");
  });

  it("destroy leaves the numbers in service on the account", async () => {
    const destroyed = await stack.destroy();
    expect(destroyed.summary.resourceChanges).to.deep.equal({ delete: 2 });
    expect(posts(/\/disconnects$/)).to.equal(0);
    expect(emu.model.numbersInService(account()).sort()).to.deep.equal(numbers);
  });
});
