// Moving a stack from the dynamic resources to the native provider without touching a number, through the real
// engine: the numbers ordered by a dynamic stack end up in a native (YAML) stack's state; nothing is ordered and
// nothing disconnected on the way; the native stack's destroy then releases them.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { migrationPlan } from "../../provider/native/migrate";
import { createStack, emulatorStackConfig, ensureNativeEngine, type Engine, type TestStack } from "./harness";

const root = path.resolve(__dirname, "..", "..", "..");
const dynamicDir = path.join(root, "test", "e2e", "fixtures", "dynamic-numbers");
const run = promisify(execFile);

describe("moving a stack from the dynamic resources to the native provider", function () {
  this.timeout(30 * 60 * 1000);

  let emu: RunningEmulator;
  let engine: Engine;
  let backendDir: string;
  let nativeDir: string;
  let dynamic: TestStack;
  let native: TestStack;
  const account = () => emu.credentials.accountId;
  const inService = () => emu.model.numbersInService(account()).sort();
  const orders = () => emu.model.listOrders(account()).length;
  const disconnects = () => emu.model.listDisconnects(account()).length;

  before(async () => {
    engine = await ensureNativeEngine();
    emu = await startEmulator({ orderDelayMs: 200, disconnectDelayMs: 200, legacyBasicAuth: false });
    backendDir = await mkdtemp(path.join(tmpdir(), "bandwidth-migrate-state-"));
    nativeDir = await mkdtemp(path.join(tmpdir(), "bandwidth-migrate-native-"));
    await writeFile(path.join(nativeDir, "Pulumi.yaml"), "name: migrated\nruntime: yaml\nresources: {}\n");
    const env = { PULUMI_BACKEND_URL: pathToFileURL(backendDir).href };
    dynamic = await createStack({
      workDir: dynamicDir,
      stackName: `dynamic-${process.pid}`,
      config: emulatorStackConfig(emu, { quantity: "1" }),
      engine,
      env,
    });
    native = await createStack({
      workDir: nativeDir,
      stackName: `native-${process.pid}`,
      config: emulatorStackConfig(emu),
      engine,
      env,
    });
  });

  after(async () => {
    await dynamic?.remove();
    await native?.remove();
    await emu?.close();
    for (const dir of [backendDir, nativeDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("imports every number of a scaled dynamic resource into the native stack, ordering and disconnecting nothing", async () => {
    // Two orders: the first, and the one a scale-up placed.
    await dynamic.up();
    await dynamic.stack.setConfig("quantity", { value: "2" });
    await dynamic.up();
    const held = inService();
    expect(held).to.have.length(2);
    const [ordersBefore, disconnectsBefore] = [orders(), disconnects()];
    expect(ordersBefore).to.equal(2);

    const plan = migrationPlan(await dynamic.exportState());
    expect(plan.refused).to.deep.equal([]);
    expect(plan.resources).to.have.length(1);
    expect(plan.resources[0].id.split(",")).to.have.length(2);

    const imported = await native.stack.import({ resources: plan.resources, protect: false, generateCode: true });
    expect(imported.summary.resourceChanges).to.deep.include({ import: 1 });
    const program = await readFile(path.join(nativeDir, "Pulumi.yaml"), "utf8");
    await writeFile(path.join(nativeDir, "Pulumi.yaml"), program.replace("resources: {}\n", imported.generatedCode));
    // The dynamic stack forgets its resource without deleting it: its program no longer declares it either.
    for (const urn of plan.forget) {
      await run(path.join(engine.binDir, "pulumi"), ["state", "delete", urn, "--yes", "--stack", dynamic.stack.name], {
        cwd: dynamicDir,
        env: dynamic.env,
      });
    }

    expect(orders()).to.equal(ordersBefore);
    expect(disconnects()).to.equal(disconnectsBefore);
    expect(inService()).to.deep.equal(held);
    const state = await native.exportState();
    const moved = state.deployment.resources!.find((r) => r.type === "bandwidth:index:PhoneNumberOrder")!;
    expect((moved.outputs!.telephoneNumbers as string[]).slice().sort()).to.deep.equal(held);
    expect((await native.preview()).changeSummary).to.deep.equal({ same: 2 });
  });

  it("the native stack's destroy releases the numbers; the dynamic stack has none left to touch", async () => {
    await native.destroy();
    expect(inService()).to.deep.equal([]);
    const dynamicState = await dynamic.exportState();
    expect((dynamicState.deployment.resources ?? []).filter((r) => r.type.includes("PhoneNumberOrder"))).to.deep.equal(
      [],
    );
  });
});
