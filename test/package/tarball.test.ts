// The package as a user receives it: `npm pack`, installed from the tarball into a fresh project outside the checkout
// next to @pulumi/pulumi, then used through its public names only, with the real engine against the emulator that
// the installed package itself starts. Nothing here resolves `pulumi-bandwidth` through the checkout.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import type * as emulatorModule from "../../emulator";
import {
  buildPluginArchive,
  createStack,
  emulatorStackConfig,
  ensureEngine,
  type LocalStack,
  repoRoot,
  YAML_ENGINE_ARGS,
} from "../../scripts/tooling";

const execFileAsync = promisify(execFile);

/** What `npm pack --json` reports about the tarball. */
interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}

const PROGRAM_JS = `"use strict";
const pulumi = require("@pulumi/pulumi");
const bw = require("pulumi-bandwidth");

const config = new pulumi.Config();
const order = new bw.PhoneNumberOrder("numbers", {
  siteId: config.require("siteId"),
  peerId: config.require("peerId"),
  areaCode: "919",
  quantity: 1,
  name: "package check",
});
const line = new bw.VoiceImport("line", {
  number: order.e164Numbers.apply((n) => n[0]),
  applicationId: "a-package-check",
  name: "package check",
});
exports.number = order.e164Numbers.apply((n) => n[0]);
exports.numberId = line.numberId;
`;

// The same program in TypeScript, type-checked against the installed declarations only.
const PROGRAM_TS = `import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";
import { startEmulator, type RunningEmulator } from "pulumi-bandwidth/emulator";

const config = new pulumi.Config();
const args: bw.PhoneNumberOrderArgs = { siteId: config.require("siteId"), areaCode: "919", quantity: 1 };
const order = new bw.PhoneNumberOrder("numbers", args);
const line = new bw.VoiceImport("line", { number: order.e164Numbers.apply((n) => n[0]), applicationId: "a-1" });
export const numberId: pulumi.Output<string> = line.numberId;
export const started: Promise<RunningEmulator> = startEmulator({ quiet: true });
export const search = bw.getAvailableNumbers;
`;

async function run(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_yes: "" } });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("the published package, installed from its tarball into a fresh project", function () {
  this.timeout(15 * 60 * 1000);

  let work: string;
  let project: string;
  let packed: PackResult;
  let installed: string;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), "pulumi-bandwidth-package-"));
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], repoRoot);
    packed = (JSON.parse(stdout) as PackResult[])[0];
    process.stdout.write(
      `      tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} bytes unpacked, ` +
        `${packed.entryCount} files\n`,
    );

    const devDependencies = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).devDependencies;
    project = path.join(work, "project");
    await run("mkdir", ["-p", project], work);
    await writeFile(
      path.join(project, "package.json"),
      JSON.stringify(
        {
          name: "package-check",
          private: true,
          dependencies: {
            "@pulumi/pulumi": devDependencies["@pulumi/pulumi"],
            "pulumi-bandwidth": `file:${path.join(work, packed.filename)}`,
          },
          devDependencies: { "@types/node": devDependencies["@types/node"] },
        },
        null,
        2,
      ),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], project);
    installed = path.join(project, "node_modules", "pulumi-bandwidth");
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("is installed as a copy in node_modules, not a link back to the checkout", async () => {
    const { realpathSync, lstatSync } = await import("node:fs");
    expect(lstatSync(installed).isSymbolicLink()).to.equal(false);
    expect(realpathSync(installed).startsWith(repoRoot)).to.equal(false);
  });

  it("holds no tests, no benchmark, no scripts and no examples", () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).to.include.members(["package.json", "README.md", "dist/provider/index.js", "dist/emulator/cli.js"]);
    const stray = paths.filter((p) => /(^|\/)(test|bench|scripts|examples)\//.test(p) || /\.test\.[jt]s/.test(p));
    expect(stray, "files that are not the product").to.deep.equal([]);
  });

  it("has no source map or sourceMappingURL pointing at a file missing from the package", async () => {
    const files = await listFiles(installed);
    const dangling: string[] = [];
    let maps = 0;
    for (const file of files) {
      if (file.endsWith(".js")) {
        const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, "utf8"))?.[1];
        if (url && !url.startsWith("data:") && !existsSync(path.resolve(path.dirname(file), url))) {
          dangling.push(`${path.relative(installed, file)} -> ${url}`);
        }
      }
      if (file.endsWith(".map")) {
        maps++;
        const map = JSON.parse(readFileSync(file, "utf8")) as { sources: string[]; sourceRoot?: string };
        for (const source of map.sources) {
          const target = path.resolve(path.dirname(file), map.sourceRoot ?? "", source);
          if (!existsSync(target)) dangling.push(`${path.relative(installed, file)} -> ${source}`);
        }
      }
    }
    expect(dangling).to.deep.equal([]);
    expect(maps, "the package ships source maps").to.be.greaterThan(0);
  });

  it("type-checks a TypeScript program against the installed declarations, with node and node16 resolution", async () => {
    await writeFile(path.join(project, "index.ts"), PROGRAM_TS);
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    for (const resolution of [
      ["--module", "commonjs", "--moduleResolution", "node"],
      ["--module", "node16", "--moduleResolution", "node16"],
    ]) {
      const args = [tsc, "--noEmit", "--strict", "--target", "ES2022", "--types", "node", ...resolution, "index.ts"];
      const result = await run(process.execPath, args, project).catch((e: { stdout?: string; message: string }) => {
        throw new Error(`tsc ${resolution.join(" ")} failed:\n${e.stdout ?? e.message}`);
      });
      expect(result.stdout).to.equal("");
    }
  });

  it("runs `npx bandwidth-emulator --help` from the install and prints the usage", async () => {
    const result = await run("npx", ["--no-install", "bandwidth-emulator", "--help"], project).catch(
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    expect(`${result.stdout}${result.stderr}`).to.match(/usage: bandwidth-emulator/);
  });

  it("installs the plugin on the project's bin path, and the engine reads its schema from there", async () => {
    // As a user installs it: `npm install` links the package's bins into node_modules/.bin (a global install, into
    // npm's global bin directory); the engine starts whatever `pulumi-resource-bandwidth` it finds on PATH.
    const plugin = path.join(project, "node_modules", ".bin", "pulumi-resource-bandwidth");
    expect(existsSync(plugin)).to.equal(true);
    const engine = await ensureEngine();
    const { stdout } = await execFileAsync(path.join(engine.binDir, "pulumi"), ["package", "get-schema", plugin], {
      cwd: project,
      env: engine.env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const schema = JSON.parse(stdout) as { name: string; version: string; resources: Record<string, unknown> };
    expect(schema.name).to.equal("bandwidth");
    expect(schema.version).to.equal(JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version);
    expect(Object.keys(schema.resources)).to.include("bandwidth:index:PhoneNumberOrder");
  });

  describe("a stack using only the public names, with the real engine against the installed emulator", () => {
    let emu: emulatorModule.RunningEmulator;
    let stack: LocalStack;

    before(async () => {
      // The emulator comes from the installed package's `pulumi-bandwidth/emulator` export, as a user's test would load it.
      const installedRequire = createRequire(path.join(project, "package.json"));
      const emulatorPath = installedRequire.resolve("pulumi-bandwidth/emulator");
      expect(emulatorPath.startsWith(installed), emulatorPath).to.equal(true);
      const { startEmulator } = installedRequire("pulumi-bandwidth/emulator") as typeof emulatorModule;
      emu = await startEmulator({ orderDelayMs: 200, disconnectDelayMs: 200, quiet: true });

      await writeFile(path.join(project, "index.js"), PROGRAM_JS);
      await writeFile(
        path.join(project, "Pulumi.yaml"),
        "name: package-check\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
      );
      stack = await createStack({
        workDir: project,
        stackName: "package",
        config: emulatorStackConfig(emu, { peerId: emu.credentials.peerId }),
      });
    });

    after(async () => {
      await stack?.remove();
      await emu?.close();
    });

    it("up orders a number and imports it", async () => {
      const up = await stack.up();
      expect(up.summary.result).to.equal("succeeded");
      const number = String(up.outputs.number.value);
      expect(number).to.match(/^\+1\d{10}$/);
      expect(String(up.outputs.numberId.value)).to.match(/^n-/);
      expect(emu.model.numbersInService(emu.credentials.accountId)).to.deep.equal([number.slice(2)]);
      expect(emu.model.listVoiceNumbers(emu.credentials.userId).map((v) => v.number)).to.deep.equal([number]);
    });

    it("state holds a small provider that loads the installed package by name, nothing of the checkout", async () => {
      const state = await stack.exportState();
      const ours = state.deployment.resources!.filter((r) => r.inputs?.__provider !== undefined);
      expect(ours.map((r) => r.type.split(":").pop()).sort()).to.deep.equal(["PhoneNumberOrder", "VoiceImport"]);
      for (const r of ours) {
        const provider = String(r.inputs!.__provider);
        expect(provider.length).to.be.lessThan(4096);
        expect(provider).to.include("pulumi-bandwidth/internal/resources/");
        expect(provider).to.not.include(repoRoot);
      }
    });

    it("preview of the unchanged program shows no changes and makes no API call", async () => {
      const before = emu.requestLog().length;
      const preview = await stack.preview();
      const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && (n ?? 0) > 0);
      expect(changes).to.deep.equal([]);
      expect(emu.requestLog().length).to.equal(before);
    });

    it("destroy un-imports and disconnects everything", async () => {
      const destroy = await stack.destroy();
      expect(destroy.summary.result).to.equal("succeeded");
      const summary = emu.model.accountSummary(emu.credentials.accountId);
      expect({ inService: summary.inService, imported: summary.imported }).to.deep.equal({ inService: 0, imported: 0 });
    });
  });
  describe("the plugin as a release archive: `pulumi plugin install --file`, then a YAML program with no plugin on PATH", () => {
    let emu: emulatorModule.RunningEmulator;
    let stack: LocalStack;
    let version: string;
    let pulumiEnv: Record<string, string>;
    let pulumiBin: string;

    before(async () => {
      const archive = await buildPluginArchive({ outDir: work, tarball: path.join(work, packed.filename) });
      version = archive.version;
      process.stdout.write(`      ${path.basename(archive.file)}: ${archive.bytes} bytes\n`);
      const engine = await ensureEngine({ args: YAML_ENGINE_ARGS });
      pulumiBin = path.join(engine.binDir, "pulumi");
      // No directory holding a pulumi-resource-bandwidth stays on PATH (npm puts the checkout's bin directory there),
      // and the engine is told to look only in its plugin cache, so only the installed archive can serve the program.
      const pathDirs = (engine.env.PATH ?? "")
        .split(path.delimiter)
        .filter((dir) => dir !== "" && !existsSync(path.join(dir, "pulumi-resource-bandwidth")));
      pulumiEnv = {};
      for (const [key, value] of Object.entries(engine.env)) if (value !== undefined) pulumiEnv[key] = value;
      Object.assign(pulumiEnv, {
        PATH: pathDirs.join(path.delimiter),
        PULUMI_HOME: path.join(work, "pulumi-home"),
        PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      });
      await execFileAsync(pulumiBin, ["plugin", "install", "resource", "bandwidth", version, "--file", archive.file], {
        cwd: work,
        env: pulumiEnv,
      });

      const installedRequire = createRequire(path.join(project, "package.json"));
      const { startEmulator } = installedRequire("pulumi-bandwidth/emulator") as typeof emulatorModule;
      emu = await startEmulator({ orderDelayMs: 200, disconnectDelayMs: 200, quiet: true });
      const program = path.join(work, "yaml");
      await cp(path.join(repoRoot, "examples", "yaml"), program, { recursive: true });
      stack = await createStack({
        workDir: program,
        stackName: "archive",
        engine: { binDir: engine.binDir, env: pulumiEnv },
        env: pulumiEnv,
        config: emulatorStackConfig(emu),
      });
    });

    after(async () => {
      await stack?.remove();
      await emu?.close();
    });

    it("is installed into the engine's plugin cache under its version, and the engine reads its schema from there", async () => {
      const listed = JSON.parse(
        (await execFileAsync(pulumiBin, ["plugin", "ls", "--json"], { cwd: work, env: pulumiEnv })).stdout,
      ) as Array<{ name: string; kind: string; version: string }>;
      expect(listed.map((p) => `${p.kind}/${p.name}/v${p.version}`)).to.include(`resource/bandwidth/${version}`);
      const { stdout } = await execFileAsync(pulumiBin, ["package", "get-schema", "bandwidth"], {
        cwd: work,
        env: pulumiEnv,
        maxBuffer: 16 * 1024 * 1024,
      });
      const schema = JSON.parse(stdout) as { version: string; resources: Record<string, unknown> };
      expect(`v${schema.version}`).to.equal(version);
      expect(Object.keys(schema.resources)).to.include("bandwidth:index:PhoneNumberOrder");
    });

    it("serves the YAML example's up, an unchanged preview and destroy, leaving no number in service", async () => {
      const accountId = emu.credentials.accountId;
      const up = await stack.up();
      expect(up.summary.result).to.equal("succeeded");
      const numbers = up.outputs.telephoneNumbers.value as string[];
      expect(numbers).to.have.length(2);
      expect(emu.model.numbersInService(accountId).sort()).to.deep.equal([...numbers].sort());
      const preview = await stack.preview();
      const changes = Object.entries(preview.changeSummary).filter(([op, n]) => op !== "same" && (n ?? 0) > 0);
      expect(changes).to.deep.equal([]);
      const destroy = await stack.destroy();
      expect(destroy.summary.result).to.equal("succeeded");
      expect(emu.model.numbersInService(accountId)).to.deep.equal([]);
      expect(emu.model.vcp.listPackages(accountId)).to.deep.equal([]);
    });
  });
});
