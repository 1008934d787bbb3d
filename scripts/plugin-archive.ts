/**
 * `npm run plugin:archive [-- --out DIR]`: packs the package and writes the native provider plugin's release archive
 * (default into release/), for `pulumi plugin install resource bandwidth vX.Y.Z --file <archive>`.
 */
import * as path from "node:path";
import { buildPluginArchive } from "./tooling/pluginArchive";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  const outArg = process.argv.find((a) => a.startsWith("--out="));
  const outDir = outArg !== undefined ? path.resolve(outArg.slice("--out=".length)) : path.join(root, "release");
  const archive = await buildPluginArchive({ outDir, progress: (line) => console.log(`plugin archive: ${line}`) });
  const shown = path.relative(process.cwd(), archive.file) || archive.file;
  console.log(`wrote ${shown} (${archive.bytes} bytes)`);
  console.log(`install it: pulumi plugin install resource bandwidth ${archive.version} --file ${shown}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
