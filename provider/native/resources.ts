/**
 * What the native provider needs of each resource beyond its schema and its implementation: the inputs the dynamic
 * resource class adds on the program's side (the default name, the resource key), the inputs a state was made from,
 * and how `pulumi import` builds a state from an id alone.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as application from "../resources/application";
import * as existingNumbers from "../resources/existingNumbers";
import * as location from "../resources/location";
import * as phoneNumberOrder from "../resources/phoneNumberOrder";
import * as site from "../resources/site";
import * as voiceConfigurationPackage from "../resources/voiceConfigurationPackage";
import * as voiceImport from "../resources/voiceImport";
import type { PhoneNumberOrderInputs, PhoneNumberOrderOutputs } from "../schema/generated/phoneNumberOrder";
import { inputsOf } from "../orders/holding";
import { RESOURCE_SCHEMAS, type ResourceSchema, typeToken } from "../schema";

type Props = Record<string, unknown>;

/** The parts of a resource's URN the provider uses. */
export interface ResourceName {
  stack: string;
  project: string;
  name: string;
}

/** Checks inputs as the engine would before a create (defaults filled, derived values set); throws on a failure. */
export type CheckInputs = (news: Props) => Promise<Props>;

/** One resource as the native provider serves it. */
export interface NativeResource {
  schema: ResourceSchema;
  /** The operations the resource module exports as `implementation` (what the dynamic provider host calls too). */
  implementation: {
    check(olds: unknown, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(id: string, props: Props): Promise<void>;
  };
  /** The program's inputs as the dynamic class would send them: a default name, the resource key. */
  prepare(news: Props, urn: ResourceName): Props;
  /** The inputs a state was made from (what a refresh without recorded inputs hands back). */
  inputsOf(state: Props): Props;
  /** The state and inputs of an existing Bandwidth object, from its id (`pulumi import`). */
  importById(id: string, check: CheckInputs): Promise<{ id: string; props: Props; inputs: Props }>;
}

type Operations = NativeResource["implementation"];

/** Fields whose default is the resource's name, as the dynamic classes fill them. */
function nameDefaults(schema: ResourceSchema): string[] {
  return Object.entries(schema.fields)
    .filter(([, f]) => typeof f.default === "object" && f.default.computed === "the resource name")
    .map(([k]) => k);
}

function inputKeys(schema: ResourceSchema): Set<string> {
  return new Set(Object.entries(schema.fields).flatMap(([k, f]) => (f.role === "output" ? [] : [k])));
}

/** A resource whose id alone reads it back (sites, packages, applications, v1 imports), or with `prefix/id`. */
function generic(
  schema: ResourceSchema,
  implementation: Operations,
  importProps: (id: string) => { id: string; props: Props } = (id) => ({ id, props: {} }),
): NativeResource {
  const named = nameDefaults(schema);
  const inputs = inputKeys(schema);
  const inputsOf = (state: Props) => Object.fromEntries(Object.entries(state).filter(([k]) => inputs.has(k)));
  return {
    schema,
    implementation,
    prepare: (news, urn) => {
      const out = { ...news };
      for (const key of named) if (out[key] === undefined) out[key] = urn.name;
      return out;
    },
    inputsOf,
    importById: async (given, check) => {
      const { id, props } = importProps(given);
      const found = await implementation.read(id, props);
      if (!found.id) throw new Error(`${schema.name} ${given} was not found on the account`);
      const state = (found.props ?? {}) as Props;
      return { id: found.id, props: state, inputs: await check(inputsOf(state)) };
    },
  };
}

function phoneNumberOrderResource(): NativeResource {
  const base = generic(
    RESOURCE_SCHEMAS.find((s) => s.name === "PhoneNumberOrder")!,
    phoneNumberOrder.implementation as unknown as Operations,
  );
  return {
    ...base,
    // The dynamic class sends project/stack/name; the derived CustomerOrderId and progress lines name it.
    prepare: (news, urn) => ({ ...base.prepare(news, urn), resourceKey: `${urn.project}/${urn.stack}/${urn.name}` }),
    inputsOf: (state) => inputsOf(state as unknown as PhoneNumberOrderOutputs) as unknown as Props,
    // The order is adopted as it stands: its site, location, name and CustomerOrderId, every number still under it.
    importById: async (orderId, check) => {
      const found = await phoneNumberOrder.readOrderById(orderId, async (order) => {
        const inputs: Props = { adoptOrderId: order.orderId, siteId: order.siteId };
        if (order.peerId !== undefined) inputs.peerId = order.peerId;
        if (order.name !== undefined) inputs.name = order.name;
        if (order.customerOrderId !== undefined) inputs.customerOrderId = order.customerOrderId;
        return (await check(inputs)) as unknown as PhoneNumberOrderInputs;
      });
      return { id: found.id, props: found.props as unknown as Props, inputs: found.inputs as unknown as Props };
    },
  };
}

/** Numbers already on the account: imported by their comma-separated numbers, read and proven in service. */
function existingNumbersResource(): NativeResource {
  const base = generic(
    RESOURCE_SCHEMAS.find((s) => s.name === "ExistingNumbers")!,
    existingNumbers.implementation as unknown as Operations,
  );
  return {
    ...base,
    prepare: (news, urn) => ({ ...base.prepare(news, urn), resourceKey: `${urn.project}/${urn.stack}/${urn.name}` }),
    importById: async (given, check) => {
      const found = await existingNumbers.importExistingNumbers(given);
      const inputs = await check(found.inputs as unknown as Props);
      // The checked inputs carry what the program adds (the resource key); the state is what Bandwidth holds.
      return { id: found.id, props: { ...(found.props as unknown as Props), ...inputs }, inputs };
    },
  };
}

/** Every resource the native provider serves, by type token. */
export function nativeResources(): Map<string, NativeResource> {
  const schema = (name: string) => RESOURCE_SCHEMAS.find((s) => s.name === name)!;
  const all: NativeResource[] = [
    phoneNumberOrderResource(),
    existingNumbersResource(),
    generic(schema("VoiceImport"), voiceImport.implementation as unknown as Operations),
    generic(schema("Application"), application.implementation as unknown as Operations),
    generic(schema("Site"), site.implementation as unknown as Operations),
    // A location is read under its site: imported as `SITE_ID/LOCATION_ID`.
    generic(schema("Location"), location.implementation as unknown as Operations, (id) => {
      const [siteId, locationId] = id.split("/");
      if (!siteId || !locationId)
        throw new Error(`a Location is imported as SITE_ID/LOCATION_ID; got ${JSON.stringify(id)}`);
      return { id: locationId, props: { siteId } };
    }),
    generic(schema("VoiceConfigurationPackage"), voiceConfigurationPackage.implementation as unknown as Operations),
  ];
  const served = new Map(all.map((r) => [typeToken(r.schema.name), r]));
  const missing = RESOURCE_SCHEMAS.filter((s) => !served.has(typeToken(s.name))).map((s) => s.name);
  if (missing.length > 0) throw new Error(`the native provider serves no implementation of ${missing.join(", ")}`);
  return served;
}
