/**
 * A TypeScript program on the generated SDK (sdk/nodejs), laid out the way a user's project is after `npm install`:
 * the program as JavaScript, `node_modules/pulumi-bandwidth-sdk` holding the SDK, and `node_modules/@pulumi` this
 * checkout's own. The SDK and the program are transpiled without a type check here: `npm run test:sdk` type-checks
 * them against the @pulumi/pulumi release the SDK declares, and this runs them on whatever release the checkout has
 * (the SDK calls nothing newer than it at run time; only its `exists` static needs a later release).
 */
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import * as path from "node:path";
import * as ts from "typescript";
import { repoRoot } from "./engine";

/** The generated TypeScript SDK's package name, as its package.json and the schema's `language.nodejs` give it. */
export const SDK_PACKAGE = "pulumi-bandwidth-sdk";

const COMPILER: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
};

/** Transpiles every .ts file under `from` (no node_modules) into `to`, keeping the layout. */
async function transpileTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith(".ts") || e.name.endsWith(".d.ts")) continue;
    const source = path.join(e.parentPath, e.name);
    const rel = path.relative(from, source);
    if (rel.split(path.sep).includes("node_modules")) continue;
    const out = ts.transpileModule(await readFile(source, "utf8"), { compilerOptions: COMPILER, fileName: rel });
    const target = path.join(to, rel.replace(/\.ts$/, ".js"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, out.outputText);
  }
}

/**
 * Writes the program in `example` (default examples/sdk-nodejs) into `workDir` as a runnable project on the generated
 * SDK. Its Pulumi.yaml is kept; `extraSource` is appended to the program (the code `pulumi import` generates).
 */
export async function prepareSdkProgram(
  workDir: string,
  options: { example?: string; extraSource?: string } = {},
): Promise<void> {
  const example = options.example ?? path.join(repoRoot, "examples", "sdk-nodejs");
  await mkdir(workDir, { recursive: true });
  await cp(path.join(example, "Pulumi.yaml"), path.join(workDir, "Pulumi.yaml"));
  const program = (await readFile(path.join(example, "index.ts"), "utf8")) + (options.extraSource ?? "");
  const js = ts.transpileModule(program, { compilerOptions: COMPILER, fileName: "index.ts" });
  await writeFile(path.join(workDir, "index.js"), js.outputText);
  await writeFile(
    path.join(workDir, "package.json"),
    `${JSON.stringify({ name: "bandwidth-sdk-program", private: true, main: "index.js" }, null, 2)}\n`,
  );

  const modules = path.join(workDir, "node_modules");
  const sdkDir = path.join(modules, SDK_PACKAGE);
  await mkdir(sdkDir, { recursive: true });
  await transpileTree(path.join(repoRoot, "sdk", "nodejs"), path.join(sdkDir, "bin"));
  // The SDK reads its version (the plugin version it asks the engine for) from the package.json beside its code.
  const manifest = JSON.parse(await readFile(path.join(repoRoot, "sdk", "nodejs", "package.json"), "utf8")) as object;
  await writeFile(path.join(sdkDir, "bin", "package.json"), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(sdkDir, "package.json"), JSON.stringify({ ...manifest, main: "bin/index.js" }, null, 2));
  await symlink(path.join(repoRoot, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "dir").catch(
    (e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    },
  );
}
