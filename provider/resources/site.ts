import * as pulumi from "@pulumi/pulumi";
import { InUseError } from "../errors";
import { ApiError, BandwidthError } from "../http";
import {
  createFailure,
  type ProvisioningClient,
  provisioningClient,
  type SiteAddress,
  type SiteInfo,
} from "../provisioning";
import { Checker, type Failure } from "../validation";
import { progress, sameValue, withNextSteps, NOTHING_CREATED } from "./lifecycle";
import { providerShim } from "./shim";
import type { SiteArgs, SiteInputs, SiteOutputs, SiteResourceOutputs } from "../schema/generated/site";
import { optionalInputKeys, outputOnlyKeys } from "../schema/types";
import { siteAddressType, siteSchema } from "../schema/site";

// The schema: every field once (provider/schema/site.ts); the types below are generated from it.
export type { SiteAddressArgs, SiteArgs, SiteInputs, SiteOutputs } from "../schema/generated/site";

const MODULE = "pulumi-bandwidth/internal/resources/site";
/** An address's fields and which of them are required, as the schema's SiteAddress type declares them. */
const ADDRESS_KEYS = Object.keys(siteAddressType.properties);
const REQUIRED_ADDRESS = new Set(ADDRESS_KEYS.filter((k) => siteAddressType.properties[k].required));

function checkAddress(c: Checker, raw: unknown): SiteAddress | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    c.fail("address", "must be an object { houseNumber, streetName, city, stateCode, zip, addressType, ... }");
    return undefined;
  }
  const a = raw as Record<string, unknown>;
  const sub = new Checker(a);
  const out: Record<string, string> = {};
  for (const key of Object.keys(a)) {
    if (!(ADDRESS_KEYS as readonly string[]).includes(key) && a[key] !== undefined) {
      c.fail(`address.${key}`, `is not an address field (${ADDRESS_KEYS.join(", ")})`);
    }
  }
  for (const key of ADDRESS_KEYS) {
    if (REQUIRED_ADDRESS.has(key) && !sub.given(key)) c.fail(`address.${key}`, "is required in an address");
    const rule =
      key === "stateCode"
        ? { re: /^[A-Za-z]{2}$/, text: "stateCode is a two-letter state code" }
        : key === "zip"
          ? { re: /^\d{5}$/, text: "zip is 5 digits" }
          : key === "plusFour"
            ? { re: /^\d{4}$/, text: "plusFour is 4 digits" }
            : key === "addressType"
              ? { re: /^(Billing|Service)$/, text: "addressType is Billing or Service" }
              : { re: /^\P{Cc}+$/u, text: `${key} has no control characters` };
    const v = sub.string(key, rule.re, rule.text, 100);
    if (v !== undefined) out[key] = key === "stateCode" ? v.toUpperCase() : v;
    else if (sub.unknown(key)) out[key] = a[key] as string;
  }
  for (const f of sub.failures) c.fail(`address.${f.property}`, f.reason);
  return out as unknown as SiteAddress;
}

/** Validates and normalises a Site's inputs. Pure: no network. */
export function checkSite(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: Failure[] } {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  if (!c.given("name")) c.fail("name", "is required (the Site class defaults it to the resource name)");
  const name = c.string(
    "name",
    /^\P{Cc}+$/u,
    "name is the site's name (set `name` explicitly if the resource name is longer)",
    10,
  );
  if (name !== undefined) out.name = name;
  const description = c.string("description", /^\P{Cc}*$/u, "description has no control characters", 255);
  if (description) out.description = description;
  const customerName = c.string("customerName", /^\P{Cc}*$/u, "customerName has no control characters", 50);
  if (customerName) out.customerName = customerName;
  if (c.has("address")) {
    const address = checkAddress(c, news.address);
    if (address !== undefined) out.address = address;
  }
  return { inputs: out, failures: c.failures };
}

/** Every field updates in place (PUT). No network. */
export function diffSite(olds: SiteOutputs, news: SiteInputs): pulumi.dynamic.DiffResult {
  return { changes: changedFields(olds, news).length > 0, replaces: [], deleteBeforeReplace: false };
}

/** The fields that differ; an address is compared on the fields the program gives (Bandwidth adds a country). */
function changedFields(olds: Partial<SiteOutputs>, news: SiteInputs): string[] {
  const changed = (["name", "description", "customerName"] as const).filter((k) => !sameValue(olds[k], news[k]));
  const wanted = news.address as unknown as Record<string, string> | undefined;
  const held = olds.address as unknown as Record<string, string> | undefined;
  // Bandwidth offers no way to remove an address, so a dropped address is left as it is.
  const addressDiffers =
    wanted !== undefined && (held === undefined || Object.entries(wanted).some(([k, v]) => !sameValue(held[k], v)));
  return addressDiffers ? [...changed, "address"] : changed;
}

function toOutputs(site: SiteInfo): SiteOutputs {
  const out: Record<string, unknown> = { siteId: site.siteId, name: site.name };
  if (site.description !== undefined) out.description = site.description;
  if (site.customerName !== undefined) out.customerName = site.customerName;
  if (site.address !== undefined) out.address = site.address;
  return out as unknown as SiteOutputs;
}

function client(): ProvisioningClient {
  return provisioningClient();
}

async function create(inputs: SiteInputs): Promise<pulumi.dynamic.CreateResult> {
  const p = client();
  let site: SiteInfo;
  try {
    site = await p.createSite(inputs);
  } catch (e) {
    throw await createFailure(`Site ${inputs.name}`, e, async () =>
      (await p.listSites()).filter((s) => s.name === inputs.name).map((s) => s.siteId),
    );
  }
  progress(`Site ${inputs.name}: created ${site.siteId}`);
  return { id: site.siteId, outs: toOutputs({ ...site, name: site.name || inputs.name }) };
}

async function read(id: string): Promise<pulumi.dynamic.ReadResult> {
  try {
    return { id, props: toOutputs(await client().getSite(id)) };
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return { id: "", props: {} };
    throw e;
  }
}

async function update(id: string, olds: SiteOutputs, news: SiteInputs): Promise<pulumi.dynamic.UpdateResult> {
  const p = client();
  // PUT replaces the site; an address the program does not give is sent back as Bandwidth holds it.
  await p.replaceSite(id, { ...news, address: news.address ?? olds.address });
  progress(`Site ${news.name}: updated ${changedFields(olds, news).join(", ") || "settings"}`);
  return { outs: toOutputs(await p.getSite(id)) };
}

async function destroy(id: string, props: SiteOutputs): Promise<void> {
  const p = client();
  try {
    await p.deleteSite(id);
    progress(`Site ${props.name}: deleted ${id}`);
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return;
    if (e instanceof ApiError) {
      const left = await p.listSipPeers(id).catch(() => []);
      if (left.length > 0) {
        throw new InUseError(
          `Site ${props.name} (${id}) still has ${left.length === 1 ? "a location" : "locations"}: ` +
            `${left.map((l) => `${l.peerName} (locationId ${l.peerId})`).join(", ")}. Bandwidth deletes a site only ` +
            "when no location is left",
          "Destroy those Locations (or delete them in the Bandwidth Dashboard), then run `pulumi destroy` again",
          left.map((l) => l.peerId),
          { cause: e },
        );
      }
    }
    throw e;
  }
}

/** The Site implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkSite(news);
  },
  async diff(_id: string, olds: SiteOutputs, news: SiteInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffSite(olds, news);
  },
  ...withNextSteps((p: SiteInputs) => `Site ${p.name}`, { create, read, update, delete: destroy }, NOTHING_CREATED),
};

/** The dynamic provider of Site, as serialized into state. */
export const siteProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** Every output the program does not set: unknown until create, so the engine records them. */
const OUTPUTS = [...outputOnlyKeys(siteSchema), ...optionalInputKeys(siteSchema)];

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Site extends SiteResourceOutputs {}

/** A site (sub-account) of the Bandwidth Dashboard account: the parent of Locations, and the siteId of orders. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Site extends pulumi.dynamic.Resource {
  constructor(name: string, args: SiteArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUTS.map((k) => [k, undefined]));
    super(siteProvider, name, { ...outputs, ...args, name: args.name ?? name }, opts, "bandwidth", "Site");
  }
}
