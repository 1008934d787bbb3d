import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { providers } from "../../../provider";
import { emulatorEnv, emulatorSuite } from "./support";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../../../..");

/** Serializes a provider exactly as pulumi.dynamic.Resource does before it lands in state. */
async function serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  return (await pulumi.runtime.serializeFunction(() => provider)).text;
}

/**
 * Loads a serialized provider in a fresh Node process the way the dynamic provider host does (require-from-string
 * with the stack directory as working directory), configures it from stack config, and runs a create and a delete.
 */
const HOST = `
const requireFromString = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  const { text, config, args } = JSON.parse(input);
  const provider = requireFromString(text).handler();
  await provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
  const checked = await provider.check({}, args);
  const created = await provider.create(checked.inputs);
  await provider.delete(created.id, created.outs);
  console.log(JSON.stringify({ id: created.id, numbers: created.outs.telephoneNumbers }));
});
`;

describe("serialized providers", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();

  for (const [name, provider] of Object.entries(providers)) {
    it(`${name} serializes small, with no credential and no code of ours, only its module path`, async () => {
      process.env.BANDWIDTH_PASSWORD = "a-password-that-must-not-leak";
      const text = await serialize(provider);
      expect(text.length).to.be.lessThan(4096, text);
      expect(text).to.include("pulumi-bandwidth/internal/resources/");
      expect(text).to.not.include("a-password-that-must-not-leak");
      expect(text).to.not.include("numbersClient", "the implementation is loaded, not embedded");
      console.log(`      ${name}: ${text.length} bytes serialized`);
    });
  }

  it("a serialized PhoneNumberOrder provider, loaded in a fresh process from stack config, creates and deletes", async () => {
    const text = await serialize(providers.phoneNumberOrder);
    const env = emulatorEnv(ctx.emu);
    const config = {
      "bandwidth:dashboardUrl": env.BANDWIDTH_DASHBOARD_URL,
      "bandwidth:accountId": env.BANDWIDTH_ACCOUNT_ID,
      "bandwidth:username": env.BANDWIDTH_USERNAME,
      "bandwidth:password": env.BANDWIDTH_PASSWORD,
    };
    const args = { siteId: ctx.emu.credentials.siteId, areaCode: "919", quantity: 2, resourceKey: "p/s/serialized" };
    const child = execFile(process.execPath, ["-e", HOST], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "" }, // stack config only: no BANDWIDTH_* in the environment
    });
    child.stdin!.end(JSON.stringify({ text, config, args }));
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, stderr).to.equal(0);
    const result = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(result.numbers).to.have.length(2);
    expect(ctx.emu.model.listOrders(ctx.emu.credentials.accountId)).to.have.length(1);
    expect(ctx.emu.model.numbersInService(ctx.emu.credentials.accountId)).to.deep.equal([]);
  });

  it("the package resolves itself by name from the stack directory, as the provider host needs", async () => {
    const { stdout } = await run(
      process.execPath,
      ["-e", 'console.log(require.resolve("pulumi-bandwidth/internal/config"))'],
      {
        cwd: root,
      },
    );
    expect(stdout.trim()).to.equal(path.join(root, "dist", "provider", "config.js"));
  });
});
