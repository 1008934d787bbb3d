import * as pulumi from "@pulumi/pulumi";
import { InUseError } from "../errors";
import { ApiError, BandwidthError } from "../http";
import { createFailure, type ProvisioningClient, provisioningClient } from "../provisioning";
import { Checker, type Failure, RULES, toE164, ValidationError } from "../validation";
import { progress, ResourceInitError, sameValue, withNextSteps, withProvider, NOTHING_CREATED } from "./lifecycle";
import { providerShim } from "./shim";
import type {
  LocationArgs,
  LocationInputs,
  LocationOutputs,
  LocationResourceOutputs,
} from "../schema/generated/location";
import { optionalInputKeys, outputOnlyKeys, replaceKeys } from "../schema/types";
import { locationSchema } from "../schema/location";

// The schema: every field once (provider/schema/location.ts); the types below are generated from it.
export type { LocationArgs, LocationInputs, LocationOutputs } from "../schema/generated/location";

const MODULE = "pulumi-bandwidth/internal/resources/location";
const APP_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Validates and normalises a Location's inputs. Pure: no network. */
export function checkLocation(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: Failure[] } {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  if (!c.given("siteId")) c.fail("siteId", "is required: the Site's siteId");
  const siteId = c.string("siteId", RULES.siteId.pattern, RULES.siteId.rule);
  if (siteId !== undefined) out.siteId = siteId;
  if (!c.given("name")) c.fail("name", "is required (the Location class defaults it to the resource name)");
  const name = c.string("name", /^\P{Cc}+$/u, "name is the location's name, without control characters", 50);
  if (name !== undefined) out.name = name;
  const description = c.string("description", /^\P{Cc}*$/u, "description has no control characters", 50);
  if (description) out.description = description;
  const isDefault = c.boolean("isDefault");
  if (isDefault !== undefined) out.isDefault = isDefault;
  for (const key of ["voiceApplicationId", "messagingApplicationId"] as const) {
    const v = c.string(key, APP_ID, `${key} is an Application's applicationId`, 64);
    if (v) out[key] = v;
  }
  return { inputs: out, failures: c.failures };
}

/** The fields that differ between the location and the program (isDefault only when the program sets it). */
function changedFields(olds: Partial<LocationOutputs>, news: LocationInputs): string[] {
  const keys = ["name", "description", "voiceApplicationId", "messagingApplicationId"] as const;
  const changed: string[] = keys.filter((k) => !sameValue(olds[k], news[k]));
  if (news.isDefault !== undefined && olds.isDefault !== news.isDefault) changed.push("isDefault");
  return changed;
}

/** siteId → replace; name, description, default flag and both links → update in place. No network. */
export function diffLocation(olds: LocationOutputs, news: LocationInputs): pulumi.dynamic.DiffResult {
  const was = olds as unknown as Record<string, unknown>;
  const now = news as unknown as Record<string, unknown>;
  const replaces = replaceKeys(locationSchema).filter((k) => !sameValue(was[k], now[k]));
  return { changes: replaces.length > 0 || changedFields(olds, news).length > 0, replaces, deleteBeforeReplace: false };
}

function client(): ProvisioningClient {
  return provisioningClient();
}

function clean<T extends object>(o: T): T {
  for (const key of Object.keys(o) as Array<keyof T>) if (o[key] === undefined) delete o[key];
  return o;
}

/** Points inbound voice at the application, or back to SIP; one GET tells POST (new settings) from PUT. */
async function setVoice(p: ProvisioningClient, siteId: string, peerId: string, applicationId: string | undefined) {
  const current = await p.getOriginationSettings(siteId, peerId);
  if (applicationId === undefined && current?.voiceProtocol?.toUpperCase() !== "HTTP") return;
  await p.setOriginationSettings(siteId, peerId, applicationId, current !== undefined);
}

/** Links messaging (SMS feature first, then the application settings), or unlinks it (REMOVE, then the SMS feature). */
async function setMessaging(p: ProvisioningClient, siteId: string, peerId: string, applicationId: string | undefined) {
  if (applicationId !== undefined) {
    if (!(await p.hasSmsFeature(siteId, peerId))) await p.createSmsFeature(siteId, peerId);
    await p.linkMessagingApplication(siteId, peerId, applicationId);
    return;
  }
  if ((await p.getMessagingApplication(siteId, peerId)) !== undefined)
    await p.unlinkMessagingApplication(siteId, peerId);
  await p.deleteSmsFeature(siteId, peerId);
}

/** The location as Bandwidth holds it now: the peer, its voice link and its messaging link. */
async function current(p: ProvisioningClient, siteId: string, peerId: string): Promise<LocationOutputs> {
  const [peer, voice, messaging] = await Promise.all([
    p.getSipPeer(siteId, peerId),
    p.getOriginationSettings(siteId, peerId),
    p.getMessagingApplication(siteId, peerId),
  ]);
  return clean({
    locationId: peerId,
    siteId,
    name: peer.peerName,
    description: peer.description,
    isDefault: peer.isDefaultPeer,
    voiceApplicationId: voice?.voiceProtocol?.toUpperCase() === "HTTP" ? voice.httpVoiceV2AppId : undefined,
    messagingApplicationId: messaging,
  });
}

async function create(inputs: LocationInputs): Promise<pulumi.dynamic.CreateResult> {
  const p = client();
  const who = `Location ${inputs.name}`;
  let peerId: string;
  try {
    peerId = await p.createSipPeer(inputs.siteId, {
      peerName: inputs.name,
      description: inputs.description,
      isDefaultPeer: inputs.isDefault,
    });
  } catch (e) {
    throw await createFailure(who, e, async () =>
      (await p.listSipPeers(inputs.siteId)).filter((l) => l.peerName === inputs.name).map((l) => l.peerId),
    );
  }
  progress(`${who}: created SIP peer ${peerId} in site ${inputs.siteId}`);
  const done: LocationOutputs = clean({
    ...inputs,
    locationId: peerId,
    voiceApplicationId: undefined,
    messagingApplicationId: undefined,
  });
  try {
    if (inputs.voiceApplicationId !== undefined) {
      await setVoice(p, inputs.siteId, peerId, inputs.voiceApplicationId);
      done.voiceApplicationId = inputs.voiceApplicationId;
      progress(`${who}: voice linked to application ${inputs.voiceApplicationId}`);
    }
    if (inputs.messagingApplicationId !== undefined) {
      await setMessaging(p, inputs.siteId, peerId, inputs.messagingApplicationId);
      done.messagingApplicationId = inputs.messagingApplicationId;
      progress(`${who}: messaging linked to application ${inputs.messagingApplicationId}`);
    }
  } catch (e) {
    // The location exists: hand the engine what was done, so the next `pulumi up` links the rest instead of
    // creating a second location.
    const reason = e instanceof Error ? e.message : String(e);
    throw new ResourceInitError(
      `${who}: created as ${peerId} but linking failed: ${reason}. Run \`pulumi up\` again once the cause is fixed; it links what is left.`,
      peerId,
      withProvider(done, inputs),
    );
  }
  return { id: peerId, outs: await current(p, inputs.siteId, peerId) };
}

async function read(id: string, props: LocationOutputs): Promise<pulumi.dynamic.ReadResult> {
  try {
    return { id, props: await current(client(), props.siteId, id) };
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return { id: "", props: {} };
    throw e;
  }
}

async function update(id: string, olds: LocationOutputs, news: LocationInputs): Promise<pulumi.dynamic.UpdateResult> {
  const p = client();
  const who = `Location ${news.name}`;
  const changed = changedFields(olds, news);
  if (changed.some((k) => k === "name" || k === "description" || k === "isDefault")) {
    await p.replaceSipPeer(news.siteId, id, {
      peerName: news.name,
      description: news.description,
      isDefaultPeer: news.isDefault ?? olds.isDefault,
    });
    progress(`${who}: updated ${changed.filter((k) => !k.endsWith("ApplicationId")).join(", ")}`);
  }
  if (changed.includes("voiceApplicationId")) {
    await setVoice(p, news.siteId, id, news.voiceApplicationId);
    progress(
      `${who}: voice ${news.voiceApplicationId ? `linked to application ${news.voiceApplicationId}` : "returned to SIP"}`,
    );
  }
  if (changed.includes("messagingApplicationId")) {
    await setMessaging(p, news.siteId, id, news.messagingApplicationId);
    progress(
      `${who}: messaging ${news.messagingApplicationId ? `linked to application ${news.messagingApplicationId}` : "unlinked and SMS feature removed"}`,
    );
  }
  return { outs: await current(p, news.siteId, id) };
}

/** The error for a location that still holds numbers: which numbers, and what to do. */
function holdsNumbers(who: string, id: string, numbers: string[], cause?: unknown): InUseError {
  const shown = numbers.slice(0, 20).join(", ") + (numbers.length > 20 ? `, ... (${numbers.length} in all)` : "");
  return new InUseError(
    `${who} (locationId ${id}) still holds ${numbers.length === 1 ? "number" : `${numbers.length} numbers`}${numbers.length ? ` ${shown}` : ""}; ` +
      "Bandwidth deletes a location only once it holds no number (13555). Nothing was unlinked",
    "Disconnect them (destroy the PhoneNumberOrder that ordered them into this location: give it " +
      "`peerId: location.locationId` so the engine does this first), or move them to another location " +
      "(Bandwidth's movetns call), then run `pulumi destroy` again",
    numbers,
    cause === undefined ? {} : { cause },
  );
}

async function destroy(id: string, props: LocationOutputs): Promise<void> {
  const p = client();
  const who = `Location ${props.name}`;
  const siteId = props.siteId;
  try {
    // Refuse before unlinking anything: a location that keeps its numbers keeps its links too.
    const numbers = await p.listSipPeerNumbers(siteId, id);
    if (numbers.length > 0) throw holdsNumbers(who, id, numbers);
    // Bandwidth's order: unlink messaging, remove the SMS feature, voice back to SIP, then delete the peer.
    await setMessaging(p, siteId, id, undefined);
    await setVoice(p, siteId, id, undefined);
    await p.deleteSipPeer(siteId, id);
    progress(`${who}: unlinked and deleted SIP peer ${id}`);
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return;
    if (e instanceof ApiError && e.hasErrorCode("13555")) {
      throw holdsNumbers(who, id, await p.listSipPeerNumbers(siteId, id).catch(() => []), e);
    }
    throw e;
  }
}

/** The Location implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkLocation(news);
  },
  async diff(_id: string, olds: LocationOutputs, news: LocationInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffLocation(olds, news);
  },
  ...withNextSteps(
    (p: LocationInputs) => `Location ${p.name}`,
    { create, read, update, delete: destroy },
    NOTHING_CREATED,
  ),
};

/** Which location getLocationNumbers lists. */
export interface LocationNumbersQuery {
  /** The location's site (a Site's siteId). */
  siteId: string;
  /** The location (a Location's locationId, the SIP peer id). */
  locationId: string;
}

/** A number a location holds. */
export interface LocationNumber {
  /** 10-digit form, as the Numbers API speaks it. */
  telephoneNumber: string;
  /** +1 E.164 form. */
  e164: string;
}

/**
 * The numbers a location holds (`GET .../sippeers/{id}/tns`), for use in a program: what a location's destroy waits
 * for (Bandwidth deletes a location only once it holds no number), including numbers ordered or moved into it
 * outside this stack. Credentials come from the stack configuration or the environment, as for the resources.
 */
export async function getLocationNumbers(query: LocationNumbersQuery): Promise<LocationNumber[]> {
  const c = new Checker((query ?? {}) as unknown as Record<string, unknown>);
  if (!c.given("siteId")) c.fail("siteId", "is required: the Site's siteId");
  if (!c.given("locationId")) c.fail("locationId", "is required: the Location's locationId");
  const siteId = c.string("siteId", RULES.siteId.pattern, RULES.siteId.rule);
  const locationId = c.string(
    "locationId",
    RULES.peerId.pattern,
    "locationId is the numeric id of a location (SIP peer)",
  );
  if (c.failures.length > 0 || siteId === undefined || locationId === undefined) throw new ValidationError(c.failures);
  const numbers = await client().listSipPeerNumbers(siteId, locationId);
  return numbers.map((tn) => ({ telephoneNumber: tn, e164: toE164(tn) }));
}

/** The dynamic provider of Location, as serialized into state. */
export const locationProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** Every output the program does not set (Bandwidth reports them): unknown until create. */
const OUTPUTS = [...outputOnlyKeys(locationSchema), ...optionalInputKeys(locationSchema)];

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Location extends LocationResourceOutputs {}

/**
 * A location (SIP peer) under a Site, linked to a Voice-V2 and/or Messaging-V2 Application. Numbers ordered into it
 * (PhoneNumberOrder's `peerId: location.locationId`) use those applications: Bandwidth's current (v2) model.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Location extends pulumi.dynamic.Resource {
  constructor(name: string, args: LocationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUTS.map((k) => [k, undefined]));
    super(locationProvider, name, { ...outputs, ...args, name: args.name ?? name }, opts, "bandwidth", "Location");
  }
}
