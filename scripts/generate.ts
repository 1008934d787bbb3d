/**
 * `npm run generate`: writes every file derived from provider/schema/ (the resources' TypeScript types, the README's
 * tables, the Pulumi package schema). Run it after changing a schema; a unit test fails while they are stale.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "./tooling/generate";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  for (const [file, text] of await generate(root)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    console.log(`wrote ${file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
