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
  FUNCTION_SCHEMAS,
  typeToken,
} from "../../provider/schema";
import { phoneNumberOrderSchema } from "../../provider/schema/phoneNumberOrder";
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
