// The native provider plugin (pulumi-resource-bandwidth) through the real engine: a Pulumi YAML program's whole
// lifecycle, `pulumi import` of an order placed outside any stack, and the plugin's schema, against the emulator.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { orderByHand } from "./byHand";
import { createStack, emulatorStackConfig, ensureNativeEngine, type Engine, type TestStack } from "./harness";

const root = path.resolve(__dirname, "..", "..", "..");
const example = path.join(root, "examples", "yaml");
const run = promisify(execFile);

const CLIENT_SECRET = "native-e2e-client-secret-5Hq1";

async function readTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
}

describe("the native provider plugin through the real engine (Pulumi YAML)", function () {
  this.timeout(30 * 60 * 1000); // a cold build of the CLI and the YAML host happens in the first before()

  let emu: RunningEmulator;
  let engine: Engine;
  let workDir: string;
  let stack: TestStack;
  const account = () => emu.credentials.accountId;
  const inService = () => emu.model.numbersInService(account());
  const orders = () => emu.model.listOrders(account());
  const disconnects = () => emu.model.listDisconnects(account());

  before(async () => {
    engine = await ensureNativeEngine();
    emu = await startEmulator({
      orderDelayMs: 200,
      disconnectDelayMs: 200,
      legacyBasicAuth: false,
      accounts: [
        {
          accountId: "7700002",
          clientId: "native-client",
          clientSecret: CLIENT_SECRET,
          username: "native",
          password: "native-e2e-password-8Rt3",
          userId: "u-native01",
          apiToken: "t-native01",
          apiSecret: "native-e2e-api-secret-2Wd6",
        },
      ],
    });
    workDir = await mkdtemp(path.join(tmpdir(), "bandwidth-native-yaml-"));
    await cp(example, workDir, { recursive: true });
    const config = emulatorStackConfig(emu);
    stack = await createStack({ workDir, stackName: `native-${process.pid}`, config, engine });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("`pulumi package get-schema` on the plugin lists every resource and the function, every property described", async () => {
    const plugin = path.join(root, "node_modules", ".bin", "pulumi-resource-bandwidth");
    const { stdout } = await run(path.join(engine.binDir, "pulumi"), ["package", "get-schema", plugin], {
      env: engine.env as NodeJS.ProcessEnv,
      maxBuffer: 20 * 1024 * 1024,
    });
    const schema = JSON.parse(stdout) as {
      resources: Record<string, { properties: Record<string, { description?: string; secret?: boolean }> }>;
      functions: Record<string, unknown>;
      config: { variables: Record<string, { secret?: boolean }> };
    };
    expect(Object.keys(schema.resources)).to.include.members([
      "bandwidth:index:PhoneNumberOrder",
      "bandwidth:index:VoiceImport",
      "bandwidth:index:Application",
      "bandwidth:index:Site",
      "bandwidth:index:Location",
      "bandwidth:index:VoiceConfigurationPackage",
      "bandwidth:index:ExistingNumbers",
    ]);
    expect(Object.keys(schema.functions)).to.deep.equal(["bandwidth:index:getAvailableNumbers"]);
    // Secrets are marked: the callback password of an Application, the OAuth client secret of the configuration.
    const app = schema.resources["bandwidth:index:Application"].properties;
    const secretProps = Object.entries(app).filter(([, p]) => p.secret);
    expect(secretProps).to.have.length.greaterThan(0);
    expect(schema.config.variables.clientSecret.secret).to.equal(true);
    expect(schema.resources["bandwidth:index:ExistingNumbers"].properties.portOutPasscode?.secret).to.equal(true);
    for (const [token, r] of Object.entries(schema.resources)) {
      for (const [name, p] of Object.entries(r.properties)) expect(p.description, `${token}.${name}`).to.be.a("string");
    }
  });

  it("up orders the numbers once, creates the package and runs the search, with no code or secret in state", async () => {
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 3 });
    expect(up.outputs.telephoneNumbers.value).to.have.length(2);
    expect(up.outputs.orderStatus.value).to.equal("COMPLETE");
    expect(up.outputs.available.value).to.have.length(2);
    expect(orders()).to.have.length(1);
    expect(inService()).to.have.length(2);
    // Progress lines are the resource's own diagnostics, not the stack's.
    expect(up.stdout).to.match(/PhoneNumberOrder numbers: .*COMPLETE/);

    const state = await stack.exportState();
    const numbers = state.deployment.resources!.find((r) => r.type === "bandwidth:index:PhoneNumberOrder")!;
    expect(numbers.inputs).to.not.have.property("__provider");
    const onDisk = await readTree(fileURLToPath(stack.backendUrl));
    expect(onDisk).to.not.include(CLIENT_SECRET);
    const bytes = JSON.stringify({ inputs: numbers.inputs, outputs: numbers.outputs }).length;
    console.log(`      native PhoneNumberOrder of 2 numbers: ${bytes} bytes of inputs and outputs in state`);
    expect(bytes).to.be.below(2048); // the bound: at most 2 KB per PhoneNumberOrder
  });

  it("a second preview shows no change", async () => {
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 3 });
  });

  it("raising the quantity previews as an in-place update naming the field, then orders only the difference", async () => {
    await stack.stack.setConfig("quantity", { value: "3" });
    const diff = await stack.stack.preview({ diff: true });
    expect(diff.changeSummary).to.deep.include({ update: 1 });
    expect(diff.changeSummary).to.not.have.property("replace");
    expect(diff.stdout).to.match(/quantity\s*:\s*2\s*=>\s*3/);
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.include({ update: 1 });
    expect(up.outputs.telephoneNumbers.value).to.have.length(3);
    expect(orders()).to.have.length(2);
    expect(disconnects()).to.have.length(0);
  });

  it("refresh drops a number disconnected outside the stack", async () => {
    const before = (await stack.exportState()).deployment.resources!.find(
      (r) => r.type === "bandwidth:index:PhoneNumberOrder",
    )!.outputs!.telephoneNumbers as string[];
    emu.model.disconnectBehindTheBack(before[0]);
    await stack.refresh();
    const after = (await stack.exportState()).deployment.resources!.find(
      (r) => r.type === "bandwidth:index:PhoneNumberOrder",
    )!.outputs!.telephoneNumbers as string[];
    expect(after).to.deep.equal(before.slice(1));
    // The next `pulumi up` refills the vacated slot with one new order; the other numbers keep their places.
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.include({ update: 1 });
    const refilled = up.outputs.telephoneNumbers.value as string[];
    expect(refilled).to.have.length(3);
    expect(refilled.slice(1)).to.deep.equal(after);
    expect(orders()).to.have.length(3);
  });

  it("`pulumi import` of an order placed outside the stack, then preview with the generated program, shows no change", async () => {
    const orderId = await orderByHand(emu, "415", 2);
    await new Promise((r) => setTimeout(r, 500)); // the emulator completes it
    const imported = await stack.stack.import({
      resources: [{ type: "bandwidth:index:PhoneNumberOrder", name: "byhand", id: orderId }],
      protect: false,
      generateCode: true,
    });
    expect(imported.summary.resourceChanges).to.deep.include({ import: 1 });
    const program = imported.generatedCode;
    expect(program).to.include(`adoptOrderId: ${orderId}`);
    // The generated program joins the stack's own, as a user would paste it.
    const yamlPath = path.join(workDir, "Pulumi.yaml");
    const own = await readFile(yamlPath, "utf8");
    const resources = program.replace(/^resources:\n/, "");
    await writeFile(yamlPath, own.replace(/^variables:\n/m, `${resources}variables:\n`));
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 4 });
    const state = await stack.exportState();
    const byhand = state.deployment.resources!.find((r) => r.urn.endsWith("::byhand"))!;
    expect(byhand.outputs!.telephoneNumbers).to.have.length(2);
    expect(orders()).to.have.length(4); // the import ordered nothing: three orders of the stack's, one by hand
  });

  it("destroy disconnects every number, the imported order's too, and leaves nothing in service", async () => {
    await stack.destroy();
    expect(inService()).to.deep.equal([]);
    const state = await stack.exportState();
    expect(state.deployment.resources ?? []).to.deep.equal([]);
  });

  it("an order still pending at the wait's end stays in state, and the next up resumes it without a second order", async () => {
    const yamlPath = path.join(workDir, "Pulumi.yaml");
    await writeFile(yamlPath, (await readFile(yamlPath, "utf8")).replace(/^ {2}byhand:\n(?: {4}.*\n)+/m, ""));
    await stack.stack.setConfig("timeoutSeconds", { value: "2" });
    emu.setDelays({ orderDelayMs: 8000 });
    const ordersBefore = orders().length;
    const failed = await stack.up().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failed?.message).to.match(/still RECEIVED after 2s/);
    const kept = (await stack.exportState()).deployment.resources!.find(
      (r) => r.type === "bandwidth:index:PhoneNumberOrder",
    )!;
    expect(kept.outputs!.pendingOrderIds).to.have.length(1);
    expect(orders().length).to.equal(ordersBefore + 1);
    emu.setDelays({ orderDelayMs: 200 });
    await new Promise((r) => setTimeout(r, 8000));
    const up = await stack.up();
    expect(up.outputs.telephoneNumbers.value).to.have.length(3);
    expect(orders().length).to.equal(ordersBefore + 1);
    await stack.destroy();
    expect(inService()).to.deep.equal([]);
  });

  it("`pulumi import` of numbers already on the account as ExistingNumbers orders nothing, previews unchanged, and destroy leaves them in service", async () => {
    const orderId = await orderByHand(emu, "415", 2);
    await new Promise((r) => setTimeout(r, 500)); // the emulator completes it
    const numbers = emu.model.getOrder(account(), orderId).completedNumbers;
    expect(numbers).to.have.length(2);
    const ordersBefore = orders().length;
    const disconnectsBefore = disconnects().length;
    const imported = await stack.stack.import({
      resources: [{ type: "bandwidth:index:ExistingNumbers", name: "legacy", id: numbers.join(",") }],
      protect: false,
      generateCode: true,
    });
    expect(imported.summary.resourceChanges).to.deep.include({ import: 1 });
    for (const tn of numbers) expect(imported.generatedCode).to.include(tn);
    const yamlPath = path.join(workDir, "Pulumi.yaml");
    const own = await readFile(yamlPath, "utf8");
    await writeFile(
      yamlPath,
      own.replace(/^variables:\n/m, `${imported.generatedCode.replace(/^resources:\n/, "")}variables:\n`),
    );
    const preview = await stack.preview();
    // The stack's own resources are created again (the last test destroyed them); the stack itself and the imported
    // numbers stay the same.
    expect(preview.changeSummary.same).to.equal(2);
    expect(preview.changeSummary).to.not.have.any.keys("update", "replace", "delete");
    await stack.destroy();
    expect(orders().length).to.equal(ordersBefore);
    expect(disconnects().length).to.equal(disconnectsBefore);
    expect(inService()).to.include.members(numbers);
  });
});
