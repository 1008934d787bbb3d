import * as pulumi from "@pulumi/pulumi";
import { InUseError } from "../errors";
import { ApiError, BandwidthError } from "../http";
import { type PlatformClient, platformClient, type VoiceConfigurationPackageInfo } from "../platform";
import { createFailure } from "../provisioning";
import { Checker, type Failure } from "../validation";
import { NOTHING_CREATED, progress, sameValue, withNextSteps } from "./lifecycle";
import { providerShim } from "./shim";
import type {
  VoiceConfigurationPackageArgs,
  VoiceConfigurationPackageInputs,
  VoiceConfigurationPackageOutputs,
  VoiceConfigurationPackageResourceOutputs,
} from "../schema/generated/voiceConfigurationPackage";
import { optionalInputKeys, outputOnlyKeys, updateKeys } from "../schema/types";
import { voiceConfigurationPackageSchema } from "../schema/voiceConfigurationPackage";

// The schema: every field once (provider/schema/voiceConfigurationPackage.ts); the types below are generated from it.
export type {
  VoiceConfigurationPackageArgs,
  VoiceConfigurationPackageInputs,
  VoiceConfigurationPackageOutputs,
} from "../schema/generated/voiceConfigurationPackage";

const MODULE = "pulumi-bandwidth/internal/resources/voiceConfigurationPackage";
/** The inputs; each one updates in place (the schema says so). */
const FIELDS = updateKeys(voiceConfigurationPackageSchema) as Array<keyof VoiceConfigurationPackageInputs>;
const APP_ID = /^[A-Za-z0-9-]{1,64}$/;
// Bandwidth publishes no limit for these fields; 255 keeps a program from sending an unbounded string.
const MAX_TEXT = 255;
// An error names this many numbers in its text; `phoneNumbers` holds them all.
const NUMBERS_SHOWN = 20;

/** Validates and normalises a package's inputs. Pure: no network. */
export function checkVoiceConfigurationPackage(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: Failure[];
} {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  if (!c.given("name"))
    c.fail("name", "is required (the VoiceConfigurationPackage class defaults it to the resource name)");
  const name = c.string("name", /^\P{Cc}+$/u, "name is the package's name, without control characters", MAX_TEXT);
  if (name !== undefined) out.name = name;
  const description = c.string("description", /^\P{Cc}*$/u, "description has no control characters", MAX_TEXT);
  if (description) out.description = description;
  const app = c.string(
    "httpVoiceV2ApplicationId",
    APP_ID,
    "httpVoiceV2ApplicationId is a Voice-V2 Application's applicationId",
    64,
  );
  if (app) out.httpVoiceV2ApplicationId = app;
  return { inputs: out, failures: c.failures };
}

function changedFields(olds: Partial<VoiceConfigurationPackageOutputs>, news: VoiceConfigurationPackageInputs) {
  return FIELDS.filter((k) => !sameValue(olds[k], news[k]));
}

/** Every field updates in place (PATCH): a package is never replaced. No network. */
export function diffVoiceConfigurationPackage(
  olds: VoiceConfigurationPackageOutputs,
  news: VoiceConfigurationPackageInputs,
): pulumi.dynamic.DiffResult {
  return { changes: changedFields(olds, news).length > 0, replaces: [], deleteBeforeReplace: false };
}

function toOutputs(p: VoiceConfigurationPackageInfo): VoiceConfigurationPackageOutputs {
  const out: VoiceConfigurationPackageOutputs = {
    voiceConfigurationPackageId: p.voiceConfigurationPackageId,
    name: p.name,
  };
  if (p.description !== undefined) out.description = p.description;
  if (p.httpVoiceV2ApplicationId !== undefined) out.httpVoiceV2ApplicationId = p.httpVoiceV2ApplicationId;
  return out;
}

function label(p: { name?: string }): string {
  return `VoiceConfigurationPackage ${p.name}`;
}

async function create(inputs: VoiceConfigurationPackageInputs): Promise<pulumi.dynamic.CreateResult> {
  const p = platformClient();
  let created: VoiceConfigurationPackageInfo;
  try {
    created = await p.createPackage(inputs);
  } catch (e) {
    throw await createFailure(label(inputs), e, async () =>
      (await p.listPackages()).filter((v) => v.name === inputs.name).map((v) => v.voiceConfigurationPackageId),
    );
  }
  progress(`${label(inputs)}: created ${created.voiceConfigurationPackageId}`);
  return { id: created.voiceConfigurationPackageId, outs: toOutputs(created) };
}

async function read(id: string): Promise<pulumi.dynamic.ReadResult> {
  try {
    return { id, props: toOutputs(await platformClient().getPackage(id)) };
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return { id: "", props: {} };
    throw e;
  }
}

async function update(
  id: string,
  olds: VoiceConfigurationPackageOutputs,
  news: VoiceConfigurationPackageInputs,
): Promise<pulumi.dynamic.UpdateResult> {
  const changed = changedFields(olds, news);
  // Only the fields that differ are sent; a field the program dropped is cleared with null.
  const changes = Object.fromEntries(changed.map((k) => [k, news[k] ?? null]));
  const updated = await platformClient().updatePackage(id, changes);
  progress(`${label(news)}: updated ${changed.join(", ")}`);
  return { outs: toOutputs(updated) };
}

/** The error for a package that still has numbers assigned: every number (E.164) in `usedBy`, and how to carry on. */
function holdsNumbers(
  props: VoiceConfigurationPackageOutputs,
  id: string,
  numbers: string[],
  cause?: unknown,
): InUseError {
  const shown =
    numbers.slice(0, NUMBERS_SHOWN).join(", ") +
    (numbers.length > NUMBERS_SHOWN ? `, ... (${numbers.length} in all)` : "");
  return new InUseError(
    `${label(props)} (${id}) still has ${numbers.length === 1 ? "a number" : `${numbers.length} numbers`} ` +
      `assigned: ${shown}; Bandwidth deletes a package only once no number is assigned to it. Nothing was deleted`,
    "This stack assigns no number to a package, so they were assigned outside it: remove them from the package " +
      "first (assign them to another package, or remove them in the Bandwidth Dashboard or with Bandwidth's CLI), " +
      "then run `pulumi destroy` again",
    numbers,
    cause === undefined ? {} : { cause },
  );
}

async function destroy(id: string, props: VoiceConfigurationPackageOutputs): Promise<void> {
  const p: PlatformClient = platformClient();
  try {
    // Refuse with the numbers named before asking Bandwidth, which documents no error body for this refusal.
    const assigned = await p.listPackageNumbers(id);
    if (assigned.length > 0) throw holdsNumbers(props, id, assigned);
    await p.deletePackage(id);
    progress(`${label(props)}: deleted ${id}`);
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return;
    // Numbers assigned between the listing and the delete: name them too.
    if (e instanceof ApiError && e.status !== undefined && e.status < 500) {
      const assigned = await p.listPackageNumbers(id).catch(() => [] as string[]);
      if (assigned.length > 0) throw holdsNumbers(props, id, assigned, e);
    }
    throw e;
  }
}

/** The VoiceConfigurationPackage implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkVoiceConfigurationPackage(news);
  },
  async diff(
    _id: string,
    olds: VoiceConfigurationPackageOutputs,
    news: VoiceConfigurationPackageInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffVoiceConfigurationPackage(olds, news);
  },
  ...withNextSteps(label, { create, read, update, delete: destroy }, NOTHING_CREATED),
};

/** The dynamic provider of VoiceConfigurationPackage, as serialized into state. */
export const voiceConfigurationPackageProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface VoiceConfigurationPackage extends VoiceConfigurationPackageResourceOutputs {}

/**
 * A voice configuration package of a Universal Platform account: the voice settings (the Voice-V2 application calls
 * go to) shared by the numbers assigned to it. JSON at `bandwidth:apiUrl`, authenticated with OAuth client
 * credentials only.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class VoiceConfigurationPackage extends pulumi.dynamic.Resource {
  constructor(name: string, args: VoiceConfigurationPackageArgs = {}, opts?: pulumi.CustomResourceOptions) {
    // Optional inputs are outputs too: Bandwidth's values come back, so a refresh shows an edit made outside.
    const outputs = Object.fromEntries(
      [...outputOnlyKeys(voiceConfigurationPackageSchema), ...optionalInputKeys(voiceConfigurationPackageSchema)].map(
        (k) => [k, undefined],
      ),
    );
    super(
      voiceConfigurationPackageProvider,
      name,
      { ...outputs, ...args, name: args.name ?? name },
      opts,
      "bandwidth",
      "VoiceConfigurationPackage",
    );
  }
}
