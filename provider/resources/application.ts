import * as pulumi from "@pulumi/pulumi";
import { InUseError } from "../errors";
import { ApiError, BandwidthError } from "../http";
import {
  type ApplicationFields,
  type ApplicationInfo,
  CALLBACK_TYPES,
  type CallbackCredentials,
  createFailure,
  type ProvisioningClient,
  provisioningClient,
} from "../provisioning";
import { Checker, type Failure, isUnknown } from "../validation";
import { progress, sameValue, withNextSteps, NOTHING_CREATED } from "./lifecycle";
import { providerShim } from "./shim";
import type {
  CallbackCredentialsValue,
  ApplicationArgs,
  ApplicationInputs,
  ApplicationOutputs,
  ApplicationResourceOutputs,
} from "../schema/generated/application";
import { outputOnlyKeys, replaceKeys, secretKeys, updateKeys } from "../schema/types";
import { applicationSchema } from "../schema/application";

// The schema: every field once (provider/schema/application.ts); the types below are generated from it.
export type {
  CallbackCredentialsArgs,
  CallbackCredentialsValue,
  ApplicationArgs,
  ApplicationInputs,
  ApplicationOutputs,
} from "../schema/generated/application";

const MODULE = "pulumi-bandwidth/internal/resources/application";

const VOICE_FIELDS = [
  "callInitiatedCallbackUrl",
  "callInitiatedMethod",
  "callStatusCallbackUrl",
  "callStatusMethod",
  "callbackCreds",
  "callInitiatedFallbackUrl",
  "callInitiatedFallbackMethod",
  "callInitiatedFallbackCreds",
  "callbackTimeout",
] as const;
const MESSAGING_FIELDS = [
  "inboundCallbackUrl",
  "outboundCallbackUrl",
  "inboundCallbackCreds",
  "outboundCallbackCreds",
  "requestedCallbackTypes",
] as const;
const URL_FIELDS = [
  "callInitiatedCallbackUrl",
  "callStatusCallbackUrl",
  "callInitiatedFallbackUrl",
  "inboundCallbackUrl",
  "outboundCallbackUrl",
] as const;
const METHOD_FIELDS = ["callInitiatedMethod", "callStatusMethod", "callInitiatedFallbackMethod"] as const;
const CREDS_FIELDS = [
  "callbackCreds",
  "callInitiatedFallbackCreds",
  "inboundCallbackCreds",
  "outboundCallbackCreds",
] as const;
/** Which URLs each set of credentials is sent to (Bandwidth requires https for them: 12812). */
const CREDS_URLS: Record<(typeof CREDS_FIELDS)[number], readonly (typeof URL_FIELDS)[number][]> = {
  callbackCreds: ["callInitiatedCallbackUrl", "callStatusCallbackUrl"],
  callInitiatedFallbackCreds: ["callInitiatedFallbackUrl"],
  inboundCallbackCreds: ["inboundCallbackUrl"],
  outboundCallbackCreds: ["outboundCallbackUrl"],
};
/** Fields whose absence means "Bandwidth's default": compared only when the program sets them. */
const DEFAULTED = new Set<string>([...METHOD_FIELDS, "callbackTimeout", "requestedCallbackTypes"]);
/** Every field updated in place (the schema's `change: "update"`). */
const ALL_FIELDS = updateKeys(applicationSchema) as readonly (
  "name" | (typeof VOICE_FIELDS)[number] | (typeof MESSAGING_FIELDS)[number]
)[];

function checkCreds(c: Checker, news: Record<string, unknown>, key: string): CallbackCredentialsValue | undefined {
  if (!c.has(key)) return undefined;
  const raw = news[key];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    c.fail(key, "must be an object { userId, password }");
    return undefined;
  }
  const { userId, password } = raw as Record<string, unknown>;
  if (isUnknown(userId) || isUnknown(password)) return raw as CallbackCredentialsValue;
  let ok = true;
  for (const [name, value] of [
    ["userId", userId],
    ["password", password],
  ] as const) {
    if (typeof value !== "string" || value.length < 6 || value.length > 63) {
      // The value itself is never quoted: it may be the password.
      c.fail(`${key}.${name}`, `${name} must be a string of 6 to 63 characters`);
      ok = false;
    }
  }
  return ok ? { userId: userId as string, password: password as string } : undefined;
}

/** Validates and normalises an Application's inputs. Pure: no network. */
export function checkApplication(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: Failure[];
} {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  const serviceType = c.string("serviceType", /^(Voice-V2|Messaging-V2)$/, "serviceType is Voice-V2 or Messaging-V2");
  if (!c.given("serviceType")) c.fail("serviceType", "is required: Voice-V2 or Messaging-V2");
  if (serviceType !== undefined) out.serviceType = serviceType;
  if (!c.given("name")) c.fail("name", "is required (the Application class defaults it to the resource name)");
  const name = c.string("name", /^\P{Cc}+$/u, "name is the application's name, without control characters", 100);
  if (name !== undefined) out.name = name;
  for (const key of URL_FIELDS) {
    const v = c.string(key, /^https?:\/\/[^\s/]+\S*$/i, `${key} is an http:// or https:// URL`, 2048);
    if (v !== undefined) out[key] = v;
  }
  for (const key of METHOD_FIELDS) {
    const v = c.string(key, /^(GET|POST)$/i, `${key} is GET or POST`);
    if (v !== undefined) out[key] = v.toUpperCase();
  }
  for (const key of CREDS_FIELDS) {
    const v = checkCreds(c, news, key);
    if (v !== undefined) out[key] = v;
  }
  const timeout = c.integer("callbackTimeout", 1, 25);
  if (timeout !== undefined) out.callbackTimeout = timeout;
  const types = c.list("requestedCallbackTypes", CALLBACK_TYPES.length, (v, at) => {
    if (typeof v === "string" && (CALLBACK_TYPES as readonly string[]).includes(v)) return v;
    c.fail(at, `must be one of ${CALLBACK_TYPES.join(", ")}`);
    return undefined;
  });
  if (types !== undefined) out.requestedCallbackTypes = [...new Set(types)].sort();

  if (serviceType !== undefined) {
    const required = serviceType === "Voice-V2" ? "callInitiatedCallbackUrl" : "inboundCallbackUrl";
    if (!c.given(required)) c.fail(required, `is required for a ${serviceType} application`);
    const foreign: readonly string[] = serviceType === "Voice-V2" ? MESSAGING_FIELDS : VOICE_FIELDS;
    for (const key of foreign) {
      if (c.given(key))
        c.fail(
          key,
          `is a ${serviceType === "Voice-V2" ? "Messaging-V2" : "Voice-V2"} setting; this application is ${serviceType}`,
        );
    }
  }
  for (const key of CREDS_FIELDS) {
    if (out[key] === undefined) continue;
    for (const urlKey of CREDS_URLS[key]) {
      const url = out[urlKey];
      if (typeof url === "string" && !isUnknown(url) && !/^https:/i.test(url)) {
        c.fail(urlKey, `must be https:// when ${key} is set (Bandwidth sends credentials over HTTPS only)`);
      }
    }
  }
  return { inputs: out, failures: c.failures };
}

/** Whether the program manages a field: URLs and credentials always (absent clears them), defaults only when set. */
function manages(key: (typeof ALL_FIELDS)[number], wanted: Partial<ApplicationInputs>): boolean {
  return !DEFAULTED.has(key) || wanted[key] !== undefined;
}

/** The fields that differ between what Bandwidth holds and what the program wants. */
function changedFields(olds: Partial<ApplicationOutputs>, news: ApplicationInputs): string[] {
  return ALL_FIELDS.filter((k) => manages(k, news) && !sameValue(olds[k], news[k]));
}

/** serviceType → replace (Bandwidth never changes it); every other field → update in place. No network. */
export function diffApplication(olds: ApplicationOutputs, news: ApplicationInputs): pulumi.dynamic.DiffResult {
  const was = olds as unknown as Record<string, unknown>;
  const now = news as unknown as Record<string, unknown>;
  const replaces = replaceKeys(applicationSchema).filter((k) => !sameValue(was[k], now[k]));
  const changed = changedFields(olds, news);
  return { changes: replaces.length > 0 || changed.length > 0, replaces, deleteBeforeReplace: false };
}

function fieldsOf(inputs: ApplicationInputs): ApplicationFields {
  const { name, ...rest } = inputs;
  return {
    ...rest,
    appName: name,
    requestedCallbackTypes: rest.requestedCallbackTypes as ApplicationFields["requestedCallbackTypes"],
  };
}

/** Bandwidth's view of the application, with the passwords the program gave (Bandwidth never echoes them). */
function toOutputs(app: ApplicationInfo, known: Partial<ApplicationInputs>): ApplicationOutputs {
  const serviceType = app.serviceType.endsWith("-V2") ? app.serviceType : `${app.serviceType}-V2`;
  const out: Record<string, unknown> = {
    applicationId: app.applicationId,
    serviceType,
    name: app.appName,
  };
  for (const key of [...VOICE_FIELDS, ...MESSAGING_FIELDS]) {
    if (CREDS_FIELDS.includes(key as (typeof CREDS_FIELDS)[number])) continue;
    const v = (app as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = key === "requestedCallbackTypes" ? [...(v as string[])].sort() : v;
  }
  for (const key of CREDS_FIELDS) {
    const seen = app[key] as CallbackCredentials | undefined;
    if (seen === undefined) continue;
    const mine = known[key];
    // The password is kept from state: Bandwidth never returns it, so it is never compared with a read-back.
    out[key] = { userId: seen.userId, password: mine?.password ?? "" };
  }
  return out as unknown as ApplicationOutputs;
}

function client(): ProvisioningClient {
  return provisioningClient();
}

async function create(inputs: ApplicationInputs): Promise<pulumi.dynamic.CreateResult> {
  const p = client();
  try {
    const app = await p.createApplication(fieldsOf(inputs));
    progress(`Application ${inputs.name}: created ${app.applicationId} (${inputs.serviceType})`);
    return { id: app.applicationId, outs: toOutputs(app, inputs) };
  } catch (e) {
    throw await createFailure(`Application ${inputs.name}`, e, async () =>
      (await p.listApplications()).filter((a) => a.appName === inputs.name).map((a) => a.applicationId),
    );
  }
}

async function read(id: string, props: ApplicationOutputs): Promise<pulumi.dynamic.ReadResult> {
  try {
    const app = await client().getApplication(id);
    return { id, props: toOutputs(app, props) };
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return { id: "", props: {} };
    throw e;
  }
}

async function update(
  id: string,
  olds: ApplicationOutputs,
  news: ApplicationInputs,
): Promise<pulumi.dynamic.UpdateResult> {
  // PUT replaces the whole application, so fields the program dropped are cleared and passwords are resent.
  const app = await client().replaceApplication(id, fieldsOf(news));
  progress(`Application ${news.name}: updated ${changedFields(olds, news).join(", ") || "settings"}`);
  return { outs: toOutputs(app, news) };
}

async function destroy(id: string, props: ApplicationOutputs): Promise<void> {
  const p = client();
  try {
    await p.deleteApplication(id);
    progress(`Application ${props.name}: deleted ${id}`);
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return;
    if (e instanceof ApiError && e.hasErrorCode("12107")) {
      const peers = await p.listAssociatedSipPeers(id).catch(() => []);
      const where = peers.length
        ? peers.map((s) => `${s.peerName ?? "location"} (locationId ${s.peerId}, site ${s.siteId})`).join(", ")
        : (e.errors.find((d) => d.code === "12107")?.description ?? "");
      throw new InUseError(
        `Application ${props.name} (${id}) is still linked to ${peers.length === 1 ? "a location" : "locations"}: ${where}`,
        "Unlink it there first (remove voiceApplicationId/messagingApplicationId from that Location, or destroy the Location; " +
          "a Location built from this application's id is unlinked before the application is deleted), then run `pulumi destroy` again",
        peers.map((s) => s.peerId),
        { cause: e },
      );
    }
    throw e;
  }
}

/** The Application implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkApplication(news);
  },
  async diff(_id: string, olds: ApplicationOutputs, news: ApplicationInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffApplication(olds, news);
  },
  ...withNextSteps(
    (p: ApplicationInputs) => `Application ${p.name}`,
    { create, read, update, delete: destroy },
    NOTHING_CREATED,
  ),
};

/** The dynamic provider of Application, as serialized into state. */
export const applicationProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** The fields kept secret (the schema's `secret`): every callback credential. */
const SECRET_OUTPUTS = secretKeys(applicationSchema) as (typeof CREDS_FIELDS)[number][];

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Application extends ApplicationResourceOutputs {}

/**
 * A Voice-V2 or Messaging-V2 application: the callbacks Bandwidth calls for the numbers of every Location linked to
 * it. Bandwidth's current (v2) model; no import of numbers is involved.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Application extends pulumi.dynamic.Resource {
  constructor(name: string, args: ApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    const secretArgs: Record<string, unknown> = { ...args, name: args.name ?? name };
    // Credentials are secret in the inputs too, so no part of state holds a password in clear.
    for (const key of SECRET_OUTPUTS) if (args[key] !== undefined) secretArgs[key] = pulumi.secret(args[key]);
    const outputs: Record<string, undefined> = Object.fromEntries(
      outputOnlyKeys(applicationSchema).map((k) => [k, undefined]),
    );
    for (const key of ALL_FIELDS) if (secretArgs[key] === undefined) outputs[key] = undefined;
    super(
      applicationProvider,
      name,
      { ...outputs, ...secretArgs },
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...SECRET_OUTPUTS] },
      "bandwidth",
      "Application",
    );
  }
}
