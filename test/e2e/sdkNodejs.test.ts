// A TypeScript program on the generated SDK (sdk/nodejs, examples/sdk-nodejs) through the real engine and the native
// provider plugin: up, preview with no change, refresh with no change, `pulumi import` of an order placed by hand that
// previews clean once declared, and destroy, counting orders, disconnects and numbers.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { orderByHand } from "./byHand";
import {
  createStack,
  emulatorStackConfig,
  type Engine,
  ensureNativeEngine,
  prepareSdkProgram,
  type TestStack,
} from "./harness";

describe("a TypeScript program on the generated SDK through the real engine", function () {
  this.timeout(30 * 60 * 1000); // a cold build of the CLI happens in the first before()

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
    emu = await startEmulator({ orderDelayMs: 200, disconnectDelayMs: 200, legacyBasicAuth: false });
    workDir = await mkdtemp(path.join(tmpdir(), "bandwidth-sdk-nodejs-"));
    await prepareSdkProgram(workDir);
    stack = await createStack({ workDir, stackName: `sdk-${process.pid}`, config: emulatorStackConfig(emu), engine });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up creates the site and orders two numbers, served by the plugin (no code in state)", async () => {
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.include({ create: 3 }); // the stack, the site, the order
    const numbers = up.outputs.numbers.value as string[];
    expect(numbers).to.have.length(2);
    for (const n of numbers) expect(n).to.match(/^\+1919\d{7}$/);
    expect(up.outputs.stillAvailable.value).to.have.length(5);
    expect(orders()).to.have.length(1);
    expect(inService()).to.have.length(2);
    const state = await stack.exportState();
    const order = state.deployment.resources!.find((r) => r.type === "bandwidth:index:PhoneNumberOrder")!;
    expect(order.outputs).to.not.have.property("__provider");
  });

  it("preview and refresh then show no change and place nothing", async () => {
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 3 });
    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).to.deep.equal({ same: 3 });
    expect(orders()).to.have.length(1);
    expect(disconnects()).to.have.length(0);
  });

  it("`pulumi import` of an order placed by hand, declared in the program as the README says, previews clean", async () => {
    const orderId = await orderByHand(emu, "415", 2);
    await new Promise((r) => setTimeout(r, 500)); // the emulator completes it
    // No generated code: the Node.js language host this engine is built with predates code generation by language
    // hosts (the YAML test checks the generated program); a user's current CLI writes the same declaration.
    const imported = await stack.stack.import({
      resources: [{ type: "bandwidth:index:PhoneNumberOrder", name: "byhand", id: orderId }],
      protect: false,
      generateCode: false,
    });
    expect(imported.summary.resourceChanges).to.deep.include({ import: 1 });
    const state = await stack.exportState();
    const byhand = state.deployment.resources!.find((r) => r.urn.endsWith("::byhand"))!;
    expect(byhand.inputs).to.include({ adoptOrderId: orderId });
    expect(byhand.outputs!.telephoneNumbers).to.have.length(2);
    const siteId = String(byhand.inputs!.siteId);
    const declaration =
      `\nnew bandwidth.PhoneNumberOrder("byhand", ` +
      `{ adoptOrderId: ${JSON.stringify(orderId)}, siteId: ${JSON.stringify(siteId)}, name: "by hand" });\n`;
    await prepareSdkProgram(workDir, { extraSource: declaration });
    const preview = await stack.preview();
    expect(preview.changeSummary).to.deep.equal({ same: 4 });
    expect(orders()).to.have.length(2); // the stack's own and the one by hand: the import ordered nothing
  });

  it("destroy disconnects every number, the imported order's too, and leaves nothing in service", async () => {
    await stack.destroy();
    expect(inService()).to.deep.equal([]);
    expect(orders()).to.have.length(2);
    const state = await stack.exportState();
    expect(state.deployment.resources ?? []).to.deep.equal([]);
  });
});
