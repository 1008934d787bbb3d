import { expect } from "chai";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";

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

/** Every API directory of the emulator (numbers, provisioning, voice, tnoptions, vcp, ...). */
function apiDirs(): string[] {
  const emulator = resolve(ROOT, "emulator");
  return readdirSync(emulator).filter((d) => statSync(resolve(emulator, d)).isDirectory() && d !== "page");
}

/**
 * Wire element names: the elements every `responses.ts` writes or reads, and every element of the documented
 * examples the contract tests hold. Only capitalised names: lower-case ones (`name`, `accountId`) are also ordinary
 * property names.
 */
function elementNames(): Set<string> {
  const names = new Set<string>();
  for (const dir of apiDirs()) {
    const file = resolve(ROOT, "emulator", dir, "responses.ts");
    if (!existsSync(file)) continue;
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/\b(?:el|tx)\(\s*"([A-Za-z]\w*)"/g)) names.add(m[1]);
    // Tables pairing a model field with its element: ["portOutPasscode", "PortOutPasscode"].
    for (const m of source.matchAll(/\[\s*"[a-z]\w*",\s*"([A-Z]\w*)"\s*\]/g)) names.add(m[1]);
    for (const m of source.matchAll(
      /\b(?:text|texts|child|xmlText|xmlTexts|xmlChild|parseBody|credsIn)\(([^()]*)\)/g,
    )) {
      for (const literal of m[1].matchAll(/"([A-Za-z]\w*)"/g)) names.add(literal[1]);
    }
  }
  const contract = resolve(ROOT, "test/contract");
  for (const file of readdirSync(contract).filter((f) => /fixtures\.ts$/.test(f))) {
    for (const m of readFileSync(resolve(contract, file), "utf8").matchAll(/<([A-Za-z]\w*)[\s>/]/g)) names.add(m[1]);
  }
  return new Set([...names].filter((n) => /^[A-Z]/.test(n)));
}

const HTTP_STATUSES = new Set([
  200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 410, 413, 422, 429, 500, 502, 503, 504,
]);

/** What in a model's source names a wire element or an HTTP status: string literals, object keys, numbers. */
function wireLeaks(text: string, names: Set<string>): string[] {
  const source = ts.createSourceFile("model.ts", text, ts.ScriptTarget.Latest, true);
  const leaks: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.has(node.text)) {
      leaks.push(`element "${node.text}"`);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && names.has(node.name.text)) {
      leaks.push(`element key ${node.name.text}`);
    }
    if (ts.isNumericLiteral(node) && HTTP_STATUSES.has(Number(node.text))) leaks.push(`status ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return leaks;
}

/**
 * Models not yet moved to the shape, with what they still hold (December 2026). A model may lose entries here,
 * never gain any; every other model must hold none.
 */
const NOT_YET_MOVED: Readonly<Record<string, readonly string[]>> = {
  "emulator/numbers/models.ts": [
    'element "TelephoneNumberList"',
    "element key AreaCodeSearchAndOrderType",
    'element "AreaCode"',
    'element "RateCenter"',
    'element "State"',
    'element "City"',
    'element "LATA"',
    "element key AreaCode",
    "element key RateCenter",
    "element key State",
    "element key City",
    "element key LATA",
    'element "PartialAllowed"',
    'element "BackOrderRequested"',
    'element "Quantity"',
    'element "CloseOrder"',
    'element "Zip"',
    'element "Lata"',
    "element key Zip",
    "element key Lata",
  ],
  "emulator/provisioning/models.ts": [
    'element "TollFree"',
    'element "ShortCode"',
    'element "Zone2"',
    'element "Zone3"',
    'element "Zone4"',
    'element "Zone5"',
    "element key Protocol",
    'element "CallbackCreds"',
    'element "CallInitiatedFallbackCreds"',
    'element "InboundCallbackCreds"',
    'element "OutboundCallbackCreds"',
    'element "City"',
    'element "HouseNumber"',
    'element "StreetName"',
    'element "StateCode"',
    'element "Zip"',
    'element "AddressType"',
    "element key Country",
    "status 400",
    "status 409",
  ],
};

describe("emulator layout: each API's files reach no other API's directory", () => {
  for (const dir of apiDirs().filter((d) => existsSync(resolve(ROOT, "emulator", d, "models.ts")))) {
    it(`emulator/${dir}/models.ts and responses.ts import nothing from another API`, () => {
      const others = apiDirs().filter((d) => d !== dir);
      for (const file of ["models.ts", "responses.ts"]) {
        const path = `emulator/${dir}/${file}`;
        if (!existsSync(resolve(ROOT, path))) continue;
        const crossing = importsOf(path).filter((i) => others.some((o) => i.startsWith(`../${o}/`)));
        // The Numbers API asks provisioning whether a site exists (a type only), a known crossing.
        const allowed = path === "emulator/numbers/models.ts" ? ["../provisioning/models"] : [];
        expect(
          crossing.filter((i) => !allowed.includes(i)),
          path,
        ).to.deep.equal([]);
      }
    });
  }
});

describe("emulator layout: models know no element name and no HTTP status", () => {
  const names = elementNames();

  it("finds the wire's element names, and a model holding one or a status is caught (the check is not vacuous)", () => {
    for (const name of ["TnOptionGroup", "ProcessingStatus", "OrderStatus", "SipPeer", "PortOutPasscode"]) {
      expect(names.has(name), name).to.equal(true);
    }
    const model =
      'import { x } from "./errors";\nconst refusal = { status: 409, field: "CampaignId", A2pSettings: 1 };';
    expect(wireLeaks(model, names)).to.deep.equal(["status 409", 'element "CampaignId"', "element key A2pSettings"]);
  });

  for (const dir of apiDirs()) {
    const relative = `emulator/${dir}/models.ts`;
    if (!existsSync(resolve(ROOT, relative))) continue;
    it(`${relative} names no wire element and no HTTP status`, () => {
      const allowed = new Set(NOT_YET_MOVED[relative] ?? []);
      const leaks = wireLeaks(readFileSync(resolve(ROOT, relative), "utf8"), names).filter((l) => !allowed.has(l));
      expect(leaks, `${relative} should leave these to its responses.ts and its dialect`).to.deep.equal([]);
    });
  }

  it("emulator/models.ts (the facade joining the APIs) names no wire element and no HTTP status", () => {
    expect(wireLeaks(readFileSync(resolve(ROOT, "emulator/models.ts"), "utf8"), names)).to.deep.equal([]);
  });
});
