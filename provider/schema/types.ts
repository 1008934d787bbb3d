/**
 * The language the resource schemas are written in: each field once, with its type, description, what a change to it
 * does, whether it is secret and its default. The dynamic resources' TypeScript types, the diff's lists, the README
 * tables and the Pulumi package schema are all read from it (see scripts/generate.ts). Pure data: no I/O.
 */

/** A field's type: a primitive, a list, a map, a fixed set of strings, or a named object type of the package. */
export type FieldType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | { readonly array: FieldType }
  /** An object keyed by any string (a telephone number, say), each value of one type. */
  | { readonly map: FieldType }
  | { readonly enum: readonly string[] }
  | { readonly object: ObjectType };

/** A named object type (a nested input such as callback credentials or a site's address). */
export interface ObjectType {
  /** The type's name in the package schema (`bandwidth:index:<name>`). */
  readonly name: string;
  /** The TypeScript name of its program-side shape (each property a `pulumi.Input`). */
  readonly argsName: string;
  /** The TypeScript name of its checked shape (plain values, as kept in state). */
  readonly valueName: string;
  /** Where the checked shape is already declared (a module path from provider/schema/generated/), if not generated. */
  readonly valueModule?: string;
  /** What it is, in one sentence. */
  readonly description: string;
  /** Its properties, in the order they are documented. */
  readonly properties: Readonly<Record<string, ObjectProperty>>;
}

/** One property of an object type. */
export interface ObjectProperty {
  readonly type: FieldType;
  readonly description: string;
  readonly required?: boolean;
  readonly secret?: boolean;
}

/**
 * What a change to an input does:
 * - `replace`: the resource is replaced (a new one is created; the old one deleted);
 * - `update`: an in-place update that calls Bandwidth;
 * - `setting`: an in-place update that calls nothing (it applies to later calls).
 */
export type Change = "replace" | "update" | "setting";

/** One field of a resource. */
export interface Field {
  readonly type: FieldType;
  /** What it is and what Pulumi does with it, in the words a user of `pulumi preview` would use. */
  readonly description: string;
  /**
   * `input`: the program gives it, and the state holds it back as an output too. `output`: set by the provider only.
   * `internal`: set by the resource class, never by the program (absent from the Args, the README and the package
   * schema).
   */
  readonly role: "input" | "output" | "internal";
  /** Inputs: what a change does. */
  readonly change?: Change;
  /** Inputs: the program must give it. */
  readonly required?: boolean;
  /** Inputs: the value check fills in when the program leaves it out (a string describes a computed default). */
  readonly default?: string | number | boolean | { readonly computed: string };
  /** Kept secret in state, inputs and outputs alike. */
  readonly secret?: boolean;
  /** Always present in the checked inputs (inputs) and in the state (otherwise it may be absent). */
  readonly always?: boolean;
  /** Inputs: present in the state even when the program leaves it out. */
  readonly alwaysInOutputs?: boolean;
  /**
   * Outputs: an in-place update that keeps what the resource holds leaves it as it is, so the diff tells the engine and
   * dependents do not preview as unknown.
   */
  readonly stable?: boolean;
  /** TypeScript-only narrowing of the checked value (defaults to the type's own rendering). */
  readonly tsType?: string;
}

/** A resource's schema: its type token, its description and its fields in the order they are documented. */
export interface ResourceSchema {
  /** The resource's name, e.g. `PhoneNumberOrder` (its type token is `bandwidth:index:<name>`). */
  readonly name: string;
  /** The module under provider/schema/ that declares it, named in generated files. */
  readonly source: string;
  /** What the resource is, in one or two sentences. */
  readonly description: string;
  /** The doc comment of the Args interface. */
  readonly argsDescription: string;
  /** The doc comment of the checked inputs' interface. */
  readonly inputsDescription: string;
  /** The doc comment of the outputs' interface. */
  readonly outputsDescription: string;
  readonly fields: Readonly<Record<string, Field>>;
}

/** The package name of every type token. */
export const PACKAGE = "bandwidth";

/** The type token of a resource or type, e.g. `bandwidth:index:PhoneNumberOrder`. */
export function typeToken(name: string): string {
  return `${PACKAGE}:index:${name}`;
}

function keysWhere(schema: ResourceSchema, test: (f: Field) => boolean): string[] {
  return Object.entries(schema.fields)
    .filter(([, f]) => test(f))
    .map(([k]) => k);
}

/** Inputs whose change replaces the resource. */
export function replaceKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.role === "input" && f.change === "replace");
}

/** Inputs whose change is an in-place update that calls Bandwidth. */
export function updateKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.role === "input" && f.change === "update");
}

/** Inputs whose change only alters how later calls are made: an update that calls nothing. */
export function settingKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.role === "input" && f.change === "setting");
}

/** Fields only the provider sets: what a refresh strips to hand back the inputs, what the class declares unknown. */
export function outputOnlyKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.role === "output");
}

/** Outputs an in-place update that keeps what the resource holds leaves as they are. */
export function stableKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.stable === true);
}

/** Fields kept secret. */
export function secretKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.secret === true);
}

/** A function of the package (an invoke): its inputs and the object it returns. */
export interface FunctionSchema {
  /** The function's name, e.g. `getAvailableNumbers` (its token is `bandwidth:index:<name>`). */
  readonly name: string;
  /** The module under provider/schema/ that declares it, named in generated files. */
  readonly source: string;
  readonly description: string;
  /** The doc comment of its query's interface. */
  readonly inputsDescription: string;
  readonly inputs: Readonly<Record<string, ObjectProperty & { readonly default?: string | number | boolean }>>;
  readonly outputs: Readonly<Record<string, ObjectProperty>>;
}

/** Inputs the program may leave out and nothing fills in: the state holds them only as Bandwidth reports them. */
export function optionalInputKeys(schema: ResourceSchema): string[] {
  return keysWhere(schema, (f) => f.role === "input" && !f.required && f.default === undefined);
}
