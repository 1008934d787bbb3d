import * as pulumi from "@pulumi/pulumi";
import { optionalVoiceClient, voiceLookups } from "../clients";
import { type DashboardApiUser, dashboardApiUser, requireVoiceSettings } from "../config";
import { BandwidthError, mayHaveReachedServer } from "../http";
import { AlreadyExistsError, LegacyImportRefusedError, MayHaveReachedServerError } from "../errors";
import { Checker, type Failure, toE164, toTenDigits } from "../validation";
import type { VoiceClient, VoiceNumber } from "../voice";
import { progress, sameValue, withNextSteps, NOTHING_CREATED } from "./lifecycle";
import { providerShim } from "./shim";
import type {
  VoiceImportArgs,
  VoiceImportInputs,
  VoiceImportOutputs,
  VoiceImportResourceOutputs,
} from "../schema/generated/voiceImport";
import { outputOnlyKeys, replaceKeys, settingKeys, updateKeys } from "../schema/types";
import { voiceImportSchema } from "../schema/voiceImport";

// The schema: every field once (provider/schema/voiceImport.ts); the types below are generated from it.
export type { VoiceImportArgs, VoiceImportInputs, VoiceImportOutputs } from "../schema/generated/voiceImport";

const MODULE = "pulumi-bandwidth/internal/resources/voiceImport";
/** Inputs updated in place in v1 (the schema's `change: "update"`). */
const UPDATABLE = updateKeys(voiceImportSchema) as readonly ("applicationId" | "name" | "fallbackNumber")[];
/** Inputs whose change replaces the import, and those that only change how later calls are made. */
const REPLACES = replaceKeys(voiceImportSchema);
const SETTINGS = settingKeys(voiceImportSchema);
/** Waits between looks for an import whose answer was lost (about 10 s in all, as for an order). */
const IMPORT_GRACE_MS = [1_000, 2_000, 3_000, 4_000];

/**
 * Whether the program manages a field. applicationId always is (leaving it out detaches the number); name and
 * fallbackNumber only when given, since v1 fills in a name of its own.
 */
function manages(key: (typeof UPDATABLE)[number], wanted: Partial<VoiceImportInputs>): boolean {
  return key === "applicationId" || wanted[key] !== undefined;
}

/** Validates and normalises the inputs (number to E.164). Pure: no network. */
export function checkVoiceImport(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: Failure[];
} {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  if (!c.given("number")) c.fail("number", "is required: the E.164 (+1...) or 10-digit number to import");
  else if (c.has("number")) {
    const r = toTenDigits(news.number);
    if ("error" in r) c.fail("number", r.error);
    else out.number = toE164(r.tn);
  }
  const applicationId = c.string(
    "applicationId",
    /^[A-Za-z0-9-]{0,64}$/,
    "applicationId is a v1 application id (a-...)",
  );
  if (applicationId !== undefined && applicationId !== "") out.applicationId = applicationId;
  const name = c.string("name", /^\P{Cc}*$/u, "name has no control characters", 100);
  if (name !== undefined) out.name = name;
  if (c.has("fallbackNumber")) {
    const r = toTenDigits(news.fallbackNumber);
    if ("error" in r) c.fail("fallbackNumber", r.error);
    else out.fallbackNumber = toE164(r.tn);
  }
  out.adoptExisting = c.boolean("adoptExisting") ?? false;
  if (c.unknown("adoptExisting")) out.adoptExisting = news.adoptExisting;
  return { inputs: out, failures: c.failures };
}

/** number → replace (the old import is deleted first); the rest → update in place. No network. */
export function diffVoiceImport(olds: VoiceImportOutputs, news: VoiceImportInputs): pulumi.dynamic.DiffResult {
  const was = olds as unknown as Record<string, unknown>;
  const now = news as unknown as Record<string, unknown>;
  const replaces = REPLACES.filter((k) => !sameValue(was[k], now[k]));
  const changes =
    replaces.length > 0 ||
    UPDATABLE.some((k) => manages(k, news) && !sameValue(olds[k], news[k])) ||
    SETTINGS.some((k) => !sameValue(was[k], now[k]));
  return { changes, replaces, deleteBeforeReplace: true };
}

function voiceClient(): VoiceClient {
  requireVoiceSettings(); // a clear error naming the missing v1 settings
  return optionalVoiceClient()!;
}

function toOutputs(inputs: VoiceImportInputs, n: VoiceNumber): VoiceImportOutputs {
  const out: Record<string, unknown> = {
    ...inputs,
    numberId: n.id,
    applicationId: n.applicationId || undefined,
    name: n.name ?? inputs.name,
    fallbackNumber: n.fallbackNumber || undefined,
    nationalNumber: n.nationalNumber,
    city: n.city,
    state: n.state,
    numberState: n.numberState,
    createdTime: n.createdTime,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as VoiceImportOutputs;
}

/**
 * The outputs of a create: the id from the import's answer, applicationId, name and fallbackNumber as sent (the
 * inputs), and from v1's record only what v1 itself decides: its details, and the name and fallbackNumber the program
 * leaves to v1 (an adopted import keeps its own).
 */
function importedOutputs(inputs: VoiceImportInputs, numberId: string, details: VoiceNumber): VoiceImportOutputs {
  return toOutputs(inputs, {
    ...details,
    id: numberId,
    applicationId: inputs.applicationId,
    name: inputs.name ?? details.name,
    fallbackNumber: inputs.fallbackNumber ?? details.fallbackNumber,
  });
}

/** The changes to send so v1 matches the inputs; "" detaches an application or clears a field. */
function patchFor(current: Partial<VoiceImportInputs>, wanted: VoiceImportInputs) {
  const patch: { applicationId?: string; name?: string; fallbackNumber?: string } = {};
  for (const key of UPDATABLE) {
    if (manages(key, wanted) && (current[key] ?? "") !== (wanted[key] ?? "")) patch[key] = wanted[key] ?? "";
  }
  return patch;
}

async function create(inputs: VoiceImportInputs): Promise<pulumi.dynamic.CreateResult> {
  const voice = voiceClient();
  // v1 refuses an import without the Dashboard account and API User in its provider block: fail before any request.
  const apiUser = dashboardApiUser();
  // Lookups of the deployment's other imports wait for this one, so one list answers for them all.
  const importing = voiceLookups(voice).beginImport();
  try {
    return await importAndDescribe(voice, inputs, apiUser, importing);
  } finally {
    importing.end();
  }
}

/**
 * Whether v1 refused the import for its provider block. No document says how it answers an API User it no longer
 * knows; the emulator's `invalid-provider` and a 403 (the v1 token itself authenticated) are read as that refusal.
 */
function providerBlockRefused(e: unknown): boolean {
  return e instanceof BandwidthError && (e.hasErrorCode("invalid-provider") || e.status === 403);
}

/** Said once per provider process (once per `pulumi up`), at the first VoiceImport it checks. */
let deprecationSaid = false;

function sayDeprecated(): void {
  if (deprecationSaid) return;
  deprecationSaid = true;
  progress(
    "warning: VoiceImport is deprecated: the v1 import authenticates with an API User, which Bandwidth " +
      "decommissioned on 2026-12-02. Link a location to Voice-V2/Messaging-V2 applications or use a " +
      'VoiceConfigurationPackage instead (README: "Leaving the v1 import")',
  );
}

async function importAndDescribe(
  voice: VoiceClient,
  inputs: VoiceImportInputs,
  apiUser: DashboardApiUser,
  importing: { end(): void },
): Promise<pulumi.dynamic.CreateResult> {
  const who = `VoiceImport ${inputs.number}`;
  let numberId: string;
  try {
    ({ numberId } = await voice.importNumber(
      { number: inputs.number, name: inputs.name, applicationId: inputs.applicationId },
      { accountId: apiUser.accountId, userName: apiUser.username, password: apiUser.password },
    ));
    progress(`${who}: imported as ${numberId}`);
    // fallbackNumber is not an import field in v1: it is set with an update of the new import.
    if (inputs.fallbackNumber) await voice.updateNumber(numberId, { fallbackNumber: inputs.fallbackNumber });
  } catch (e) {
    if (providerBlockRefused(e)) {
      throw new LegacyImportRefusedError(
        `${who}: Voice v1 refused the import's provider block (the API User bandwidth:username of account ` +
          `${apiUser.accountId}): Bandwidth decommissioned API Users on 2026-12-02. Nothing was imported`,
        { cause: e },
      );
    }
    const duplicate = e instanceof BandwidthError && (e.status === 409 || e.hasErrorCode("duplicate-number"));
    // A lost answer, a deadline that ran out and a 5xx alike may belong to an import the server carried out.
    const lostAnswer = !duplicate && mayHaveReachedServer(e);
    if (!duplicate && !lostAnswer) throw e;
    // Such an import may still be finishing: look over a grace period before giving up.
    let existing = await voice.findNumber(inputs.number);
    for (const waitMs of lostAnswer && !existing ? IMPORT_GRACE_MS : []) {
      await new Promise((r) => setTimeout(r, waitMs));
      existing = await voice.findNumber(inputs.number);
      if (existing) break;
    }
    if (!existing && lostAnswer) {
      throw new MayHaveReachedServerError(
        `${who}: the import request may have reached Bandwidth (${(e as Error).message}), and ${inputs.number} has ` +
          "not shown up in v1 yet. It was not sent again",
        "Run `pulumi up` again after a minute: if the import went through, set adoptExisting: true on this " +
          "VoiceImport to take it over (this stack just imported it); otherwise the import is sent then",
        undefined,
        { cause: e },
      );
    }
    if (!existing) throw e;
    if (duplicate && !inputs.adoptExisting) {
      throw new AlreadyExistsError(
        `${who}: already imported in Voice v1 as ${existing.id}`,
        "Set adoptExisting: true to manage that import, or remove it from v1 first, then run `pulumi up` again",
        existing.id,
        { cause: e },
      );
    }
    numberId = existing.id;
    const patch = patchFor(existing, inputs);
    if (Object.keys(patch).length > 0) await voice.updateNumber(numberId, patch);
    progress(`${who}: adopted existing import ${numberId}`);
    voiceLookups(voice).noteImported(inputs.number, true);
    // The lookup that found it holds v1's details; the inputs now hold what the update just set.
    return { id: numberId, outs: importedOutputs(inputs, numberId, existing) };
  }
  voiceLookups(voice).noteImported(inputs.number, true);
  // v1's import answers 201 with the id in Location and nothing else: the id comes from it, what was sent from the
  // inputs, and only v1's own details (city, state, createdTime...) from a lookup shared with the deployment's other
  // imports (one list for many, else one GET).
  const lookup = voiceLookups(voice).byId(numberId);
  importing.end();
  const details = (await lookup) ?? (await voice.getNumber(numberId));
  return { id: numberId, outs: importedOutputs(inputs, numberId, details) };
}

async function read(id: string, props: VoiceImportOutputs): Promise<pulumi.dynamic.ReadResult> {
  const voice = voiceClient();
  try {
    const n = await voice.getNumber(id);
    return { id, props: toOutputs({ ...props, applicationId: undefined, fallbackNumber: undefined }, n) };
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return { id: "", props: {} };
    throw e;
  }
}

async function update(
  id: string,
  olds: VoiceImportOutputs,
  news: VoiceImportInputs,
): Promise<pulumi.dynamic.UpdateResult> {
  const voice = voiceClient();
  const patch = patchFor(olds, news);
  if (Object.keys(patch).length > 0) {
    await voice.updateNumber(id, patch);
    progress(`VoiceImport ${news.number}: updated ${Object.keys(patch).join(", ")}`);
  }
  return { outs: toOutputs(news, await voice.getNumber(id)) };
}

async function destroy(id: string, props: VoiceImportOutputs): Promise<void> {
  const voice = voiceClient();
  try {
    await voice.deleteNumber(id);
    progress(`VoiceImport ${props.number}: un-imported ${id}`);
  } catch (e) {
    if (!(e instanceof BandwidthError && e.code === "NOT_FOUND")) throw e;
  }
  // The order holding this number can skip looking it up again when it disconnects it.
  voiceLookups(voice).noteImported(props.number, false);
}

/** The VoiceImport implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    sayDeprecated();
    return checkVoiceImport(news);
  },
  async diff(_id: string, olds: VoiceImportOutputs, news: VoiceImportInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffVoiceImport(olds, news);
  },
  ...withNextSteps(
    (p: VoiceImportInputs) => `VoiceImport ${p.number}`,
    { create, read, update, delete: destroy },
    NOTHING_CREATED,
  ),
};

/** The dynamic provider of VoiceImport, as serialized into state. */
export const voiceImportProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface VoiceImport extends VoiceImportResourceOutputs {}

/**
 * One number imported into Bandwidth's Voice & Messaging v1 API, so an application can use it.
 *
 * @deprecated The v1 import authenticates with an API User (its `provider` block), which Bandwidth decommissioned on
 * 2026-12-02; it works only for accounts Bandwidth still lets through, and is refused with a
 * `LegacyImportRefusedError` otherwise. Use a Location linked to Voice-V2 and Messaging-V2 applications, or a
 * `VoiceConfigurationPackage` (README: "Leaving the v1 import").
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class VoiceImport extends pulumi.dynamic.Resource {
  constructor(name: string, args: VoiceImportArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(outputOnlyKeys(voiceImportSchema).map((k) => [k, undefined]));
    super(voiceImportProvider, name, { ...outputs, ...args }, opts, "bandwidth", "VoiceImport");
  }
}
