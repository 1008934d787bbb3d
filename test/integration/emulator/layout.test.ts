import { expect } from "chai";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// Compiled to dist/test/integration/emulator: the sources sit four levels up.
const ROOT = resolve(__dirname, "../../../..");

function importsOf(file: string): string[] {
  const source = readFileSync(resolve(ROOT, file), "utf8");
  return [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
}

describe("emulator layout: one models/responses/errors set per API", () => {
  it("the Numbers API model reads no XML and reaches no other API's model", () => {
    const imports = importsOf("emulator/numbers/models.ts");
    const wire = ["fast-xml-parser", "../xml", "./responses"];
    expect(imports.filter((i) => wire.includes(i))).to.deep.equal([]);
    expect(imports.filter((i) => i.startsWith("../voice"))).to.deep.equal([]);
  });

  it("the Voice v1 model writes no JSON and reaches the Numbers API only through its hooks", () => {
    const imports = importsOf("emulator/voice/models.ts");
    expect(imports).to.not.include("./responses");
    expect(imports.filter((i) => i.startsWith("../numbers"))).to.deep.equal([]);
    expect(readFileSync(resolve(ROOT, "emulator/voice/models.ts"), "utf8")).to.not.match(/JSON\.(stringify|parse)/);
  });

  it("each API's responses hand typed values to its own model only", () => {
    expect(importsOf("emulator/numbers/responses.ts").filter((i) => i.startsWith("../voice"))).to.deep.equal([]);
    expect(importsOf("emulator/voice/responses.ts").filter((i) => i.startsWith("../numbers"))).to.deep.equal([]);
  });
});
