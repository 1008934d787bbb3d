import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createStack, emulatorStackConfig, type TestStack } from "./harness";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..", "..");

/** Waits until `check` holds, polling every 50 ms, for at most `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The README's "Recovering from an interrupted update", followed to the letter: `pulumi up` is killed while its
 * order is in flight, then the documented commands are run.
 */
describe("an interrupted `pulumi up` (killed while an order is in flight)", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;
  let pulumi: string;

  before(async () => {
    emu = await startEmulator({ orderDelayMs: 3000, disconnectDelayMs: 200 });
    stack = await createStack({
      workDir: root,
      stackName: `e2e-killed-${process.pid}`,
      config: emulatorStackConfig(emu, { quantity: "2" }),
    });
    pulumi = path.join(stack.env.PATH!.split(path.delimiter)[0], "pulumi");
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  const cli = (...args: string[]) =>
    run(pulumi, [...args, "--stack", stack.stack.name, "--cwd", root, "--non-interactive"], {
      env: stack.env,
      maxBuffer: 64 * 1024 * 1024,
    });

  it("the documented recovery finds the in-flight order: exactly one order, and destroy leaves nothing", async () => {
    const up: ChildProcess = spawn(
      pulumi,
      ["up", "--yes", "--stack", stack.stack.name, "--cwd", root, "--non-interactive"],
      {
        env: stack.env,
        detached: true, // its own process group, so the engine and its plugins die together
        stdio: "ignore",
      },
    );
    const account = emu.credentials.accountId;
    await until(() => emu.model.listOrders(account).length === 1, 120_000, "the order to be placed");
    process.kill(-up.pid!, "SIGKILL");
    await new Promise((r) => up.once("exit", r));
    expect(emu.model.listOrders(account)[0].status).to.equal("RECEIVED", "killed while the order was in flight");

    // README: "Recovering from an interrupted update"
    await cli("cancel", "--yes");
    await cli("refresh", "--yes", "--clear-pending-creates");
    await cli("up", "--yes");

    expect(emu.model.listOrders(account)).to.have.length(1, "the in-flight order was resumed, not placed again");
    expect(emu.model.numbersInService(account)).to.have.length(2);
    expect(emu.model.listVoiceNumbers(emu.credentials.userId)).to.have.length(2);

    await cli("destroy", "--yes");
    expect(emu.model.numbersInService(account)).to.deep.equal([]);
    expect(emu.model.listVoiceNumbers(emu.credentials.userId)).to.deep.equal([]);
    expect(emu.model.listOrders(account)).to.have.length(1);
  });
});
