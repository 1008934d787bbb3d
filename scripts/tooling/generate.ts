/**
 * Renders every file derived from provider/schema/: each resource's and function's TypeScript types, the README's
 * tables (between marker comments), the Pulumi package schema and the registry-shaped docs (docs/_index.md,
 * docs/installation-configuration.md). Pure apart from reading the README and Prettier's
 * configuration: `scripts/generate.ts` writes what this returns, and a unit test fails when the files on disk differ.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import {
  type Field,
  type FieldType,
  type FunctionSchema,
  FUNCTION_SCHEMAS,
  type ObjectProperty,
  type ObjectType,
  packageSchema,
  RESOURCE_SCHEMAS,
  type ResourceSchema,
} from "../../provider/schema";
import { renderIndex, renderInstallation } from "./registryDocs";

/** Where the package schema is written. */
export const PACKAGE_SCHEMA_PATH = "provider/schema/schema.json";

/** The generated TypeScript module of a resource or function, e.g. provider/schema/generated/phoneNumberOrder.ts. */
export function generatedModulePath(name: string): string {
  return `provider/schema/generated/${name[0].toLowerCase()}${name.slice(1)}.ts`;
}

const header = (source: string) => `// Generated from ${source} by \`npm run generate\`: do not edit.`;

type Shape = "args" | "value";

function tsType(type: FieldType, shape: Shape): string {
  if (typeof type === "string") return type === "integer" ? "number" : type;
  if ("enum" in type) return type.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("object" in type) return shape === "args" ? type.object.argsName : type.object.valueName;
  if ("map" in type) {
    const value = tsType(type.map, shape);
    return shape === "args" ? `Record<string, pulumi.Input<${value}>>` : `Record<string, ${value}>`;
  }
  const item = tsType(type.array, shape);
  if (shape === "args") return `pulumi.Input<${item}>[]`;
  return /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
}

function argType(type: FieldType): string {
  return `pulumi.Input<${tsType(type, "args")}>`;
}

/** The TSDoc of a field: its description, then its default and secrecy. */
function doc(p: ObjectProperty | Field, indent = "  "): string {
  const parts = [p.description];
  const fallback = (p as Field).default;
  if (fallback !== undefined) {
    parts.push(`Default: ${typeof fallback === "object" ? fallback.computed : `\`${JSON.stringify(fallback)}\``}.`);
  }
  if (p.secret) parts.push("Secret: never shown in clear in state, diffs or logs.");
  return `${indent}/** ${parts.join(" ")} */`;
}

function objectTypesOf(types: FieldType[]): ObjectType[] {
  const found = new Map<string, ObjectType>();
  const visit = (t: FieldType) => {
    if (typeof t === "string" || "enum" in t) return;
    if ("array" in t) return visit(t.array);
    if ("map" in t) return visit(t.map);
    if (found.has(t.object.name)) return;
    found.set(t.object.name, t.object);
    for (const p of Object.values(t.object.properties)) visit(p.type);
  };
  types.forEach(visit);
  return [...found.values()];
}

function renderObjectTypes(objects: ObjectType[], argsToo: boolean): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const props = Object.entries(o.properties);
    if (argsToo) {
      out.push(`/** ${o.description} */`, `export interface ${o.argsName} {`);
      for (const [k, p] of props) out.push(doc(p), `  ${k}${p.required ? "" : "?"}: ${argType(p.type)};`);
      out.push("}", "");
    }
    if (o.valueModule !== undefined) continue;
    out.push(
      `/** ${o.description}${argsToo ? " As checked and kept in state." : ""} */`,
      `export interface ${o.valueName} {`,
    );
    for (const [k, p] of props) out.push(doc(p), `  ${k}${p.required ? "" : "?"}: ${tsType(p.type, "value")};`);
    out.push("}", "");
  }
  return out;
}

/** Whether the checked inputs always hold the field. */
const alwaysChecked = (f: Field) => f.required === true || f.always === true;
/** Whether the state always holds the field. */
const alwaysHeld = (f: Field) => alwaysChecked(f) || f.alwaysInOutputs === true;

/** The module holding the object types more than one resource uses, declared once. */
export const SHARED_TYPES_PATH = "provider/schema/generated/shared.ts";

/** The object types of a resource's fields. */
const objectsOfResource = (schema: ResourceSchema) => objectTypesOf(Object.values(schema.fields).map((f) => f.type));

/** The names of the object types that more than one resource uses. */
function sharedObjectNames(): Set<string> {
  const users = new Map<string, number>();
  for (const schema of RESOURCE_SCHEMAS) {
    for (const o of objectsOfResource(schema)) users.set(o.name, (users.get(o.name) ?? 0) + 1);
  }
  return new Set([...users].filter(([, n]) => n > 1).map(([name]) => name));
}

/** The TypeScript module of the object types several resources share (each declared once, imported by each). */
export function renderSharedTypes(): string {
  const shared = sharedObjectNames();
  const objects = new Map<string, ObjectType>();
  for (const schema of RESOURCE_SCHEMAS) {
    for (const o of objectsOfResource(schema)) if (shared.has(o.name)) objects.set(o.name, o);
  }
  const sources = RESOURCE_SCHEMAS.filter((s) => objectsOfResource(s).some((o) => shared.has(o.name)));
  const out = [
    `// Generated from ${sources.map((s) => s.source).join(", ")} by \`npm run generate\`: do not edit.`,
    'import type * as pulumi from "@pulumi/pulumi";',
  ];
  for (const o of objects.values()) {
    if (o.valueModule !== undefined) out.push(`import type { ${o.valueName} } from "${o.valueModule}";`);
  }
  out.push("", ...renderObjectTypes([...objects.values()], true));
  return out.join("\n");
}

/** The TypeScript module of a resource: its Args, checked Inputs, Outputs and the class's declared outputs. */
export function renderResourceTypes(schema: ResourceSchema): string {
  const fields = Object.entries(schema.fields);
  const n = schema.name;
  const out = [header(schema.source), 'import type * as pulumi from "@pulumi/pulumi";'];
  const shared = sharedObjectNames();
  const objects = objectsOfResource(schema).filter((o) => !shared.has(o.name));
  const fromShared = objectsOfResource(schema).filter((o) => shared.has(o.name));
  const sharedImport = out.length;
  for (const o of objects) {
    if (o.valueModule !== undefined) out.push(`import type { ${o.valueName} } from "${o.valueModule}";`);
  }
  out.push("", ...renderObjectTypes(objects, true));

  out.push(`/** ${schema.argsDescription} */`, `export interface ${n}Args {`);
  for (const [k, f] of fields.filter(([, f]) => f.role === "input")) {
    out.push(doc(f), `  ${k}${f.required ? "" : "?"}: ${argType(f.type)};`);
  }
  out.push("}", "");

  out.push(`/** ${schema.inputsDescription} */`, `export interface ${n}Inputs {`);
  for (const [k, f] of fields.filter(([, f]) => f.role !== "output")) {
    out.push(doc(f), `  ${k}${alwaysChecked(f) ? "" : "?"}: ${f.tsType ?? tsType(f.type, "value")};`);
  }
  out.push("}", "");

  out.push(`/** ${schema.outputsDescription} */`, `export interface ${n}Outputs extends ${n}Inputs {`);
  for (const [k, f] of fields.filter(([, f]) => f.role === "output" || (f.alwaysInOutputs && !alwaysChecked(f)))) {
    out.push(doc(f), `  ${k}${alwaysHeld(f) ? "" : "?"}: ${f.tsType ?? tsType(f.type, "value")};`);
  }
  out.push("}", "");

  out.push(
    `/** The outputs a ${n} resource declares: each a \`pulumi.Output\` of what the state holds. */`,
    `export interface ${n}ResourceOutputs {`,
  );
  for (const [k, f] of fields.filter(([, f]) => f.role !== "internal")) {
    const t = f.tsType ?? tsType(f.type, "value");
    out.push(doc(f), `  readonly ${k}: pulumi.Output<${alwaysHeld(f) ? t : `${t} | undefined`}>;`);
  }
  out.push("}", "");
  const body = out.join("\n");
  const used = [...new Set(fromShared.flatMap((o) => [o.argsName, o.valueName]))].filter((name) =>
    new RegExp(`\\b${name}\\b`).test(body),
  );
  if (used.length > 0) out.splice(sharedImport, 0, `import type { ${used.join(", ")} } from "./shared";`);
  return out.join("\n");
}

/** The TypeScript module of a function: its query and what it returns. */
export function renderFunctionTypes(schema: FunctionSchema, queryName: string): string {
  const out = [header(schema.source), ""];
  const inputs = Object.entries(schema.inputs);
  const outputs = Object.values(schema.outputs);
  out.push(...renderObjectTypes(objectTypesOf(outputs.map((p) => p.type)), false));
  out.push(`/** ${schema.inputsDescription} */`, `export interface ${queryName} {`);
  for (const [k, p] of inputs) out.push(doc(p), `  ${k}${p.required ? "" : "?"}: ${tsType(p.type, "value")};`);
  out.push("}", "");
  return out.join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function readmeType(type: FieldType): string {
  if (typeof type === "string") return type;
  if ("enum" in type) return type.enum.map((v) => `"${v}"`).join(" \\| ");
  if ("object" in type) return type.object.name;
  if ("map" in type) return `map of ${readmeType(type.map)}`;
  const item = readmeType(type.array);
  return item.includes("|") ? `(${item})[]` : `${item}[]`;
}

const CHANGE_WORDS: Record<NonNullable<Field["change"]>, string> = {
  replace: "replace",
  update: "in place",
  setting: "in place, no API call",
};

/** The README's tables of a resource: its inputs (with what a change does) and its outputs. */
export function renderReadmeTables(schema: ResourceSchema): { inputs: string; outputs: string } {
  const fields = Object.entries(schema.fields).filter(([, f]) => f.role !== "internal");
  const meaning = (f: Field) => {
    const parts = [f.description];
    if (f.default !== undefined) {
      parts.push(
        `Default: ${typeof f.default === "object" ? f.default.computed : `\`${JSON.stringify(f.default)}\``}.`,
      );
    }
    if (f.secret) parts.push("Secret.");
    return cell(parts.join(" "));
  };
  const inputs = ["| input | type | change | meaning |", "| --- | --- | --- | --- |"];
  for (const [k, f] of fields.filter(([, f]) => f.role === "input")) {
    const name = `\`${k}\`${f.required ? " (required)" : ""}`;
    inputs.push(`| ${name} | ${readmeType(f.type)} | ${CHANGE_WORDS[f.change ?? "update"]} | ${meaning(f)} |`);
  }
  const outputs = [
    "| output | type | meaning |",
    "| --- | --- | --- |",
    ...fields
      .filter(([, f]) => f.role === "output")
      .map(([k, f]) => `| \`${k}\` | ${readmeType(f.type)} | ${meaning(f)} |`),
  ];
  // Each object type an input takes gets its own table after the inputs.
  const objects = objectTypesOf(fields.filter(([, f]) => f.role === "input").map(([, f]) => f.type));
  const objectTables = objects.map((o) =>
    [
      `| \`${o.name}\` field | type | meaning |`,
      "| --- | --- | --- |",
      ...Object.entries(o.properties).map(
        ([k, p]) =>
          `| \`${k}\`${p.required ? " (required)" : ""} | ${readmeType(p.type)} | ${cell(p.description + (p.secret ? " Secret." : ""))} |`,
      ),
    ].join("\n"),
  );
  return { inputs: [inputs.join("\n"), ...objectTables].join("\n\n"), outputs: outputs.join("\n") };
}

/** Replaces what lies between a section's marker comments; a missing marker is an error naming it. */
export function replaceSection(text: string, id: string, source: string, body: string): string {
  const begin = new RegExp(`<!-- generated:${id} [^>]*-->\\n`);
  const end = `<!-- end generated:${id} -->`;
  const start = text.search(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README.md has no generated:${id} section (add its markers)`);
  const open = `<!-- generated:${id} from ${source} by \`npm run generate\`: do not edit -->\n`;
  return `${text.slice(0, start)}${open}\n${body}\n\n${text.slice(stop)}`;
}

async function formatted(root: string, file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(path.join(root, file))) ?? {};
  return prettier.format(text, { ...options, filepath: path.join(root, file) });
}

/** Every generated file (path relative to the repository root) and its content. */
export async function generate(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let readme = readFileSync(path.join(root, "README.md"), "utf8");
  for (const schema of RESOURCE_SCHEMAS) {
    files.set(generatedModulePath(schema.name), renderResourceTypes(schema));
    const tables = renderReadmeTables(schema);
    readme = replaceSection(readme, `${schema.name}:inputs`, schema.source, tables.inputs);
    readme = replaceSection(readme, `${schema.name}:outputs`, schema.source, tables.outputs);
  }
  for (const schema of FUNCTION_SCHEMAS) {
    const queryName = schema.name === "getAvailableNumbers" ? "AvailableNumbersQuery" : `${schema.name}Query`;
    files.set(generatedModulePath(schema.name), renderFunctionTypes(schema, queryName));
  }
  files.set(SHARED_TYPES_PATH, renderSharedTypes());
  files.set("README.md", readme);
  const schemaJson = packageSchema();
  files.set(PACKAGE_SCHEMA_PATH, JSON.stringify(schemaJson, null, 2));
  const schemaDoc = schemaJson as unknown as Parameters<typeof renderIndex>[0];
  files.set("docs/_index.md", renderIndex(schemaDoc, root));
  files.set("docs/installation-configuration.md", renderInstallation(schemaDoc));
  for (const [file, text] of files) files.set(file, await formatted(root, file, text));
  return files;
}
