import { cp, mkdtemp, rm } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { createStack, ensureEngine, type TestStack } from "./harness";

const fixture = path.resolve(__dirname, "..", "..", "..", "test", "e2e", "fixtures", "noop");

describe("Pulumi engine running the noop fixture", function () {
  // A cold engine build takes many minutes; the stack operations themselves take seconds.
  this.timeout(60 * 60 * 1000);

  let workDir: string;
  let stack: TestStack;

  before(async () => {
    await ensureEngine();
    // A copy inside the repo keeps node_modules resolution identical while leaving the fixture untouched.
    workDir = await mkdtemp(path.join(path.dirname(fixture), ".noop-run-"));
    await cp(fixture, workDir, { recursive: true });
    stack = await createStack({ workDir, config: { count: { value: "3" } } });
  });

  after(async () => {
    await stack?.remove();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("up creates the three noop resources plus the stack", async () => {
    const result = await stack.up();
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges).to.deep.equal({ create: 4 });
    expect(result.outputs.count.value).to.equal(3);
  });

  it("preview after up reports all four resources unchanged", async () => {
    const result = await stack.preview();
    expect(result.changeSummary).to.deep.equal({ same: 4 });
  });

  it("destroy deletes the three noop resources and the stack resource", async () => {
    const result = await stack.destroy();
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges).to.deep.equal({ delete: 4 });
    const state = await stack.exportState();
    expect(state.deployment.resources ?? []).to.have.length(0);
  });
});
