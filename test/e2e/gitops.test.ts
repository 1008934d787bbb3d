import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createStack, type TestStack } from "./harness";

const run = promisify(execFile);
const example = path.resolve(__dirname, "..", "..", "..", "examples", "gitops");

/**
 * The gitops example exactly as committed: its encrypted Pulumi.prod.yaml decrypts with the example passphrase and
 * its placeholder credentials are seeded into the emulator, which the environment points the provider at.
 */
describe("the gitops example as committed (encrypted stack config)", function () {
  this.timeout(10 * 60 * 1000);
  let emu: RunningEmulator;
  let stack: TestStack;
  let workDir: string;

  before(async () => {
    // A copy beside the example: same node_modules resolution, and removing the stack cannot touch the committed files.
    workDir = await mkdtemp(path.join(path.dirname(example), ".gitops-run-"));
    await cp(example, workDir, { recursive: true });
    // An account Bandwidth still lets through the v1 import after 2026-12-02: its provider block's API User is
    // accepted (legacy Basic auth on; the provider still authenticates the Numbers API with client credentials), and
    // the tokens expire every few seconds.
    emu = await startEmulator({
      orderDelayMs: 200,
      disconnectDelayMs: 200,
      legacyBasicAuth: true,
      tokenLifetimeSeconds: 5,
      accounts: [
        {
          accountId: "1234567",
          clientId: "gitops-client",
          clientSecret: "replace-with-your-client-secret",
          username: "gitops-api-user",
          password: "replace-with-your-dashboard-password",
          userId: "u-yourv1user",
          apiToken: "t-yourv1token",
          apiSecret: "replace-with-your-v1-secret",
        },
      ],
    });
    stack = await createStack({
      workDir,
      stackName: "prod",
      env: {
        PULUMI_CONFIG_PASSPHRASE: "example-passphrase-change-me",
        BANDWIDTH_DASHBOARD_URL: emu.dashboardUrl,
        BANDWIDTH_VOICE_URL: emu.voiceUrl,
        BANDWIDTH_TOKEN_URL: emu.tokenUrl,
        BANDWIDTH_API_URL: emu.apiUrl,
      },
    });
  });

  after(async () => {
    await stack?.stack.workspace.removeStack("prod", { force: true }).catch(() => undefined);
    await emu?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up provisions each line with protected orders; preview is then empty; destroy needs an explicit unprotect", async () => {
    const up = await stack.up();
    expect(up.summary.resourceChanges).to.deep.equal({ create: 4 });
    expect(emu.model.numbersInService("1234567")).to.have.length(2);
    expect(emu.model.listVoiceNumbers("u-yourv1user")).to.have.length(2);
    expect((await stack.preview()).changeSummary).to.deep.equal({ same: 4 });

    const refused = await stack.destroy().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String(refused)).to.match(/protect/i);
    expect(emu.model.numbersInService("1234567")).to.have.length(2, "a protected order keeps its numbers");

    const pulumi = path.join(stack.env.PATH!.split(path.delimiter)[0], "pulumi");
    await run(pulumi, ["state", "unprotect", "--all", "--yes", "--stack", "prod", "--cwd", workDir], {
      env: stack.env,
    });
    await stack.destroy();
    expect(emu.model.numbersInService("1234567")).to.deep.equal([]);
    expect(emu.model.listVoiceNumbers("u-yourv1user")).to.deep.equal([]);
  });
});
