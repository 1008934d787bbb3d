// The first run talks: the engine step's progress reaches the user while the (possibly minutes-long) build runs,
// not after it. A stand-in script plays the build so the test takes a second, not minutes.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { ensureEngine } from "../../scripts/tooling";

describe("the engine step streams the build's progress as it happens", () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pulumi-bandwidth-engine-progress-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("passes each stderr line on, prefixed with the elapsed time, before the script ends", async () => {
    const script = path.join(dir, "fake-build.sh");
    await writeFile(
      script,
      `echo "building pulumi (one-time)" >&2\nsleep 1.2\necho "still building" >&2\nsleep 0.3\necho ${dir}/bin\n`,
    );
    const seen: Array<{ line: string; atMs: number }> = [];
    const started = Date.now();
    const engine = await ensureEngine({ script, progress: (line) => seen.push({ line, atMs: Date.now() - started }) });
    const finishedMs = Date.now() - started;

    expect(engine.binDir).to.equal(`${dir}/bin`);
    expect(engine.env.PATH?.split(path.delimiter)[0]).to.equal(`${dir}/bin`);
    expect(seen.map((s) => s.line)).to.deep.equal([
      "  [pulumi engine 0:00] building pulumi (one-time)",
      "  [pulumi engine 0:01] still building",
    ]);
    expect(seen[0].atMs, "the first line arrived while the build still ran").to.be.lessThan(finishedMs - 1000);
  });

  it("fails with the script's exit status when the build fails", async () => {
    const script = path.join(dir, "failing-build.sh");
    await writeFile(script, `echo "no Go toolchain" >&2\nexit 3\n`);
    const seen: string[] = [];
    const failure = await ensureEngine({ script, progress: (line) => seen.push(line) }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.message).to.match(/exited with 3/);
    expect(seen).to.deep.equal(["  [pulumi engine 0:00] no Go toolchain"]);
  });
});
