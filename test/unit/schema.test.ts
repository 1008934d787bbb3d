import { expect } from "chai";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DERIVED_ID_KEYS, LOCATION_KEYS } from "../../provider/orders/check";
import { inputsOf } from "../../provider/orders/holding";
import { diffPhoneNumberOrder, type PhoneNumberOrderOutputs } from "../../provider/resources/phoneNumberOrder";
import {
  type FieldType,
  packageSchema,
  replaceKeys,
  RESOURCE_SCHEMAS,
  type ResourceSchema,
  FUNCTION_SCHEMAS,
  typeToken,
} from "../../provider/schema";
import { applicationSchema } from "../../provider/schema/application";
import { locationSchema } from "../../provider/schema/location";
import { phoneNumberOrderSchema } from "../../provider/schema/phoneNumberOrder";
import { siteSchema } from "../../provider/schema/site";
import { voiceImportSchema } from "../../provider/schema/voiceImport";
import { diffApplication } from "../../provider/resources/application";
import { diffLocation } from "../../provider/resources/location";
import { diffSite } from "../../provider/resources/site";
import { diffVoiceImport } from "../../provider/resources/voiceImport";
import { diffExistingNumbers } from "../../provider/resources/existingNumbers";
import { existingNumbersSchema } from "../../provider/schema/existingNumbers";
import { SETTINGS } from "../../provider/config";
import { generate } from "../../scripts/tooling/generate";

// Compiled to dist/test/unit: the repository root is three levels up.
const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("schema: one declaration per field", () => {
  it("every generated file (types, README tables, package schema) is what `npm run generate` writes from the schema", async function () {
    this.timeout(60_000);
    const stale: string[] = [];
    for (const [file, text] of await generate(ROOT)) {
      let onDisk = "";
      try {
        onDisk = readFileSync(path.join(ROOT, file), "utf8");
      } catch {
        onDisk = "(missing)";
      }
      if (onDisk !== text) stale.push(file);
    }
    expect(stale, "stale generated files: run `npm run generate`").to.deep.equal([]);
  });

  it("a change to any PhoneNumberOrder input the schema lists is a change in the diff, a replace exactly where the schema says so", () => {
    const state = {
      siteId: "461",
      name: "numbers",
      areaCode: "919",
      quantity: 1,
      partialAllowed: false,
      backOrderRequested: false,
      customerOrderId: "pulumi-000000000000000000000000",
      timeoutSeconds: 900,
      orderType: "AreaCodeSearchAndOrderType",
      orderIds: ["o-1"],
      pendingOrderIds: [],
      orderStatus: "COMPLETE",
      telephoneNumbers: ["9195550100"],
      e164Numbers: ["+19195550100"],
      failedNumbers: [],
      vacatedSlots: [],
      moveOrderIds: [],
    } as unknown as PhoneNumberOrderOutputs;
    const specific = {
      ...state,
      areaCode: undefined,
      orderType: "ExistingTelephoneNumberOrderType",
    } as unknown as PhoneNumberOrderOutputs;
    const other = (type: FieldType): unknown =>
      type === "string" ? "9" : type === "integer" ? 7 : type === "boolean" ? true : ["9195550199"];
    for (const [key, field] of Object.entries(phoneNumberOrderSchema.fields)) {
      if (field.role !== "input") continue;
      const olds = key === "telephoneNumbers" ? specific : state;
      const diff = diffPhoneNumberOrder(olds, { ...inputsOf(olds), [key]: other(field.type) });
      expect(diff.changes, `${key} changes`).to.equal(true);
      if (field.change === "replace") expect(diff.replaces, key).to.include(key);
      else expect(diff.replaces, `${key} is ${field.change}`).to.deep.equal([]);
    }
  });

  it("a change to any input of VoiceImport, Application, Site or Location is a change in its diff, a replace exactly where its schema says so", () => {
    const cases: [ResourceSchema, (olds: never, news: never) => { changes?: boolean; replaces?: string[] }, object][] =
      [
        [voiceImportSchema, diffVoiceImport, { number: "+19195550100", adoptExisting: false, numberId: "n-1" }],
        [
          applicationSchema,
          diffApplication,
          { serviceType: "Voice-V2", name: "a", callInitiatedCallbackUrl: "https://x.test", applicationId: "u" },
        ],
        [siteSchema, diffSite, { name: "s", siteId: "1" }],
        [locationSchema, diffLocation, { siteId: "1", name: "l", locationId: "2" }],
        [
          existingNumbersSchema,
          diffExistingNumbers,
          { telephoneNumbers: ["9195550100"], releaseOnDelete: false, timeoutSeconds: 900 },
        ],
      ];
    const other = (type: FieldType): unknown =>
      typeof type === "object" && "enum" in type
        ? type.enum[type.enum.length - 1]
        : typeof type === "object" && "array" in type
          ? [other(type.array)]
          : typeof type === "object" && "map" in type
            ? { key: other(type.map) }
            : typeof type === "object"
              ? Object.fromEntries(Object.keys(type.object.properties).map((k) => [k, "changed-value"]))
              : type === "integer"
                ? 7
                : type === "boolean"
                  ? true
                  : "https://changed.test";
    for (const [schema, diff, olds] of cases) {
      for (const [key, field] of Object.entries(schema.fields)) {
        if (field.role !== "input") continue;
        const result = diff(olds as never, { ...olds, [key]: other(field.type) } as never);
        expect(result.changes, `${schema.name}.${key} changes`).to.equal(true);
        expect(result.replaces, `${schema.name}.${key}`).to.deep.equal(field.change === "replace" ? [key] : []);
      }
    }
  });

  it("the derived CustomerOrderId covers the location and exactly the inputs whose change replaces the resource", () => {
    expect([...DERIVED_ID_KEYS].sort()).to.deep.equal(
      [...LOCATION_KEYS, ...replaceKeys(phoneNumberOrderSchema)].sort(),
    );
  });

  it("the package schema lists every resource, the search function and every setting, each described, secrets marked", () => {
    const schema = packageSchema() as {
      name: string;
      resources: Record<string, { properties: Record<string, { description?: string; secret?: boolean }> }>;
      functions: Record<string, unknown>;
      config: { variables: Record<string, { description?: string; secret?: boolean }> };
    };
    expect(schema.name).to.equal("bandwidth");
    expect(Object.keys(schema.resources)).to.deep.equal(RESOURCE_SCHEMAS.map((r) => typeToken(r.name)));
    expect(Object.keys(schema.functions)).to.deep.equal(FUNCTION_SCHEMAS.map((f) => typeToken(f.name)));
    expect(schema.functions).to.have.property("bandwidth:index:getAvailableNumbers");
    for (const [token, r] of Object.entries(schema.resources)) {
      for (const [k, p] of Object.entries(r.properties)) expect(p.description, `${token}.${k}`).to.be.a("string");
    }
    const secrets = Object.entries(SETTINGS)
      .filter(([, s]) => (s as { secret?: boolean }).secret)
      .map(([, s]) => s.configKey.replace("bandwidth:", ""));
    expect(secrets).to.include.members(["clientSecret", "password", "apiSecret"]);
    for (const [name, v] of Object.entries(schema.config.variables)) {
      expect(v.description, name).to.be.a("string");
      expect(v.secret === true, `${name} secret`).to.equal(secrets.includes(name));
    }
  });

  it("the PhoneNumberOrder schema leaves out what only the resource class sets (resource key, organization)", () => {
    const pno = (packageSchema().resources as Record<string, { inputProperties: Record<string, unknown> }>)[
      "bandwidth:index:PhoneNumberOrder"
    ];
    expect(pno.inputProperties).to.not.have.any.keys("resourceKey", "organization");
    expect(pno.inputProperties).to.include.keys("customerOrderId", "siteId", "adoptOrderId");
  });
});
