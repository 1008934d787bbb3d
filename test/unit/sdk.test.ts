import { expect } from "chai";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";

// Compiled to dist/test/unit: the repository root is three levels up.
const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("generated SDKs (sdk/)", () => {
  it("were generated from the current package schema and package version (else run `npm run sdk`)", () => {
    const schema = readFileSync(path.join(ROOT, "provider/schema/schema.json"));
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const expected = `schema sha256 ${createHash("sha256").update(schema).digest("hex")}\nversion ${version}\n`;
    expect(readFileSync(path.join(ROOT, "sdk/.generated-from"), "utf8")).to.equal(expected);
  });
});
