/**
 * The native provider plugin as a release archive for `pulumi plugin install resource bandwidth vX.Y.Z --file F`:
 * the package installed with its production dependencies and `@pulumi/pulumi` (the release the package is tested
 * with), and at the archive's root the launcher `pulumi-resource-bandwidth` the engine starts, which runs the plugin
 * with the `node` on PATH. The archive holds JavaScript only, so the one built here serves every Linux or macOS host of
 * that architecture name; Windows has no `sh` launcher and is refused.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./engine";

const execFileAsync = promisify(execFile);

/** What {@link buildPluginArchive} needs. */
export interface PluginArchiveOptions {
  /** Where the archive is written. */
  outDir: string;
  /** A tarball of the package (`npm pack`); default: packed from this checkout (which builds it first). */
  tarball?: string;
  /** Receives a line per step. */
  progress?: (line: string) => void;
}

/** A built archive. */
export interface PluginArchive {
  /** Its path. */
  file: string;
  /** The plugin's version, as `pulumi plugin install` wants it (`v0.1.0`). */
  version: string;
  /** Its size in bytes. */
  bytes: number;
}

/** Pulumi's names for the host's operating system and architecture, as in its release archives' names. */
function pulumiPlatform(): { os: string; arch: string } {
  const os = { linux: "linux", darwin: "darwin" }[process.platform as string];
  if (os === undefined) {
    throw new Error(`a plugin archive runs its plugin through an sh launcher, which ${process.platform} lacks`);
  }
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  if (arch === undefined) throw new Error(`no Pulumi plugin archive name for the ${process.arch} architecture`);
  return { os, arch };
}

async function run(file: string, args: string[], cwd: string): Promise<string> {
  const { stdout } = await execFileAsync(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Removes every `node_modules/.bin` (links to the dependencies' own commands, which the plugin never runs). */
async function dropBinLinks(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const bins = entries.filter((e) => e.isDirectory() && e.name === ".bin").map((e) => path.join(e.parentPath, e.name));
  for (const bin of bins) await rm(bin, { recursive: true, force: true });
}

/** Builds `pulumi-resource-bandwidth-v<version>-<os>-<arch>.tar.gz` in `outDir`. */
export async function buildPluginArchive(opts: PluginArchiveOptions): Promise<PluginArchive> {
  const say = opts.progress ?? (() => undefined);
  const { os, arch } = pulumiPlatform();
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    version: string;
    devDependencies: Record<string, string>;
  };
  const version = `v${pkg.version}`;
  const work = await mkdtemp(path.join(tmpdir(), "pulumi-bandwidth-plugin-"));
  try {
    let tarball = opts.tarball;
    if (tarball === undefined) {
      say("npm pack (builds the package)");
      const packed = JSON.parse(await run("npm", ["pack", "--json", "--pack-destination", work], repoRoot)) as Array<{
        filename: string;
      }>;
      tarball = path.join(work, packed[0].filename);
    }
    const stage = path.join(work, "plugin");
    await mkdir(stage, { recursive: true });
    await writeFile(
      path.join(stage, "package.json"),
      JSON.stringify(
        {
          name: "pulumi-resource-bandwidth",
          version: pkg.version,
          private: true,
          dependencies: {
            "@pulumi/pulumi": pkg.devDependencies["@pulumi/pulumi"],
            "pulumi-bandwidth": `file:${path.resolve(tarball)}`,
          },
        },
        null,
        2,
      ),
    );
    say("npm install --omit=dev (the package and @pulumi/pulumi)");
    await run(
      "npm",
      ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
      stage,
    );
    await dropBinLinks(path.join(stage, "node_modules"));
    // The engine starts this file from the plugin's install directory; it finds the plugin beside itself.
    await writeFile(
      path.join(stage, "pulumi-resource-bandwidth"),
      '#!/bin/sh\nexec node "$(dirname "$0")/node_modules/pulumi-bandwidth/dist/provider/native/main.js" "$@"\n',
      { mode: 0o755 },
    );
    const file = path.resolve(opts.outDir, `pulumi-resource-bandwidth-${version}-${os}-${arch}.tar.gz`);
    await mkdir(path.dirname(file), { recursive: true });
    say(`tar ${path.basename(file)}`);
    await run("tar", ["-czf", file, "-C", stage, "."], work);
    return { file, version, bytes: (await stat(file)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
