/** The Pulumi package schema (what `pulumi package get-schema` shows), built from the resource and function schemas. */
import { FUNCTION_SCHEMAS, RESOURCE_SCHEMAS } from "./catalog";
import { configVariables } from "./config";
import {
  type Field,
  type FieldType,
  type ObjectProperty,
  type ObjectType,
  PACKAGE,
  type ResourceSchema,
  typeToken,
} from "./types";

/**
 * What each generated SDK is called (sdk/ in the repository): the npm and Python packages, the Go module's import path
 * (no published repository yet, so a path a program reaches with a `replace`), the C# namespace.
 */
export const SDK_NAMES = {
  nodejs: { packageName: "pulumi-bandwidth-sdk" },
  python: { packageName: "pulumi_bandwidth" },
  go: { importBasePath: "pulumi-bandwidth/sdk/go/bandwidth" },
  csharp: { rootNamespace: "PulumiBandwidth" },
} as const;

/** A property in the package schema's JSON form. */
type PropertySpec = Record<string, unknown>;

function typeSpec(type: FieldType, types: Map<string, ObjectType>): PropertySpec {
  if (typeof type === "string") return { type };
  if ("array" in type) return { type: "array", items: typeSpec(type.array, types) };
  if ("map" in type) return { type: "object", additionalProperties: typeSpec(type.map, types) };
  if ("enum" in type) return { type: "string" };
  types.set(type.object.name, type.object);
  return { $ref: `#/types/${typeToken(type.object.name)}` };
}

function describe(description: string, type: FieldType): string {
  return "enum" in (typeof type === "string" ? {} : type)
    ? `${description} One of: ${(type as { enum: readonly string[] }).enum.map((v) => `\`${v}\``).join(", ")}.`
    : description;
}

function propertySpec(p: ObjectProperty | Field, types: Map<string, ObjectType>): PropertySpec {
  // A default is said, not declared: generated SDKs would send a declared default as if the program had set it (an
  // adopted order would then carry quantity 1), while the provider's check fills defaults from what was really set.
  const fallback = (p as Field).default;
  const said = fallback !== undefined && typeof fallback !== "object" ? ` Default: \`${String(fallback)}\`.` : "";
  const spec: PropertySpec = { ...typeSpec(p.type, types), description: describe(p.description, p.type) + said };
  if (p.secret) spec.secret = true;
  return spec;
}

function objectSpec(
  properties: Readonly<Record<string, ObjectProperty>>,
  types: Map<string, ObjectType>,
): { properties: Record<string, PropertySpec>; required?: string[] } {
  const entries = Object.entries(properties);
  const required = entries.filter(([, p]) => p.required).map(([k]) => k);
  return {
    properties: Object.fromEntries(entries.map(([k, p]) => [k, propertySpec(p, types)])),
    ...(required.length > 0 && { required }),
  };
}

/** Whether the state always holds the field. */
function alwaysHeld(f: Field): boolean {
  return f.required === true || f.always === true || f.alwaysInOutputs === true;
}

function resourceSpec(schema: ResourceSchema, types: Map<string, ObjectType>): Record<string, unknown> {
  const fields = Object.entries(schema.fields).filter(([, f]) => f.role !== "internal");
  const inputs = fields.filter(([, f]) => f.role === "input");
  return {
    description: schema.description,
    properties: Object.fromEntries(fields.map(([k, f]) => [k, propertySpec(f, types)])),
    required: fields.filter(([, f]) => alwaysHeld(f)).map(([k]) => k),
    inputProperties: Object.fromEntries(inputs.map(([k, f]) => [k, propertySpec(f, types)])),
    requiredInputs: inputs.filter(([, f]) => f.required).map(([k]) => k),
  };
}

/** The package schema as a JSON-ready object. */
export function packageSchema(): Record<string, unknown> {
  const types = new Map<string, ObjectType>();
  const variables = Object.fromEntries(
    configVariables().map((v) => [
      v.name,
      {
        type: v.type,
        description: v.description,
        ...(v.defaultValue !== undefined && { default: v.defaultValue }),
        defaultInfo: { environment: [v.envVar] },
        ...(v.secret && { secret: true }),
      },
    ]),
  );
  const resources = Object.fromEntries(RESOURCE_SCHEMAS.map((r) => [typeToken(r.name), resourceSpec(r, types)]));
  const functions = Object.fromEntries(
    FUNCTION_SCHEMAS.map((f) => [
      typeToken(f.name),
      { description: f.description, inputs: objectSpec(f.inputs, types), outputs: objectSpec(f.outputs, types) },
    ]),
  );
  // Object types are collected while the properties that use them are built, so they are rendered last.
  const typeSpecs: Record<string, unknown> = {};
  for (const t of [...types.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    typeSpecs[typeToken(t.name)] = { type: "object", description: t.description, ...objectSpec(t.properties, types) };
  }
  return {
    name: PACKAGE,
    displayName: "Bandwidth",
    description: "Bandwidth phone numbers: order, configure, move and release them declaratively.",
    keywords: ["pulumi", "bandwidth", "telephony", "phone numbers", "kind/native"],
    license: "Apache-2.0",
    config: { variables },
    provider: {
      description: "The Bandwidth provider: credentials and endpoints, each also read from its environment variable.",
      inputProperties: variables,
    },
    types: typeSpecs,
    resources,
    functions,
    // Pack-ready SDKs: the generators write each language's own package manifest (go.mod, pyproject.toml) for one version.
    meta: { supportPack: true },
    language: SDK_NAMES,
  };
}
