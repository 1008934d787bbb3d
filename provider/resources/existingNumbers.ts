/**
 * ExistingNumbers: numbers already in service on the account, brought under a stack without an order. Its schema is
 * declared in provider/schema/existingNumbers.ts; here are its check, diff, create, read, update, delete, the state
 * an import builds from the numbers alone, and the resource class.
 */
import * as pulumi from "@pulumi/pulumi";
import { numbersClient } from "../clients";
import { numbersSettings } from "../config";
import { AccountMismatchError, DisconnectPartialError, NotOnAccountError, SettingsIncompleteError } from "../errors";
import type { NumbersClient } from "../numbers";
import {
  describeLost,
  type LostNumber,
  ownerOf,
  proveOwnership,
  readNumbers,
  underPhoneNumberOrders,
} from "../orders/ownership";
import { settingsOfHeld } from "../orders/holding";
import {
  applySettings,
  checkSettings,
  managesSettings,
  onTheWayToSettings,
  readBackSettings,
  settingsNeedWork,
  settingsOf,
  unassign,
} from "../orders/settings";
import { releaseNumbers } from "../orders/teardown";
import type { NumberSetting } from "../schema/generated/shared";
import type {
  ExistingNumbersArgs,
  ExistingNumbersInputs,
  ExistingNumbersOutputs,
  ExistingNumbersResourceOutputs,
} from "../schema/generated/existingNumbers";
import { existingNumbersSchema } from "../schema/existingNumbers";
import { outputOnlyKeys, settingKeys, stableKeys } from "../schema/types";
import { Checker, type Failure, isUnknown, toE164, toTenDigits, ValidationError } from "../validation";
import { progress, ResourceInitError, sameValue, withNextSteps, withProvider } from "./lifecycle";
import { secretOutputs, secretSettings } from "./secrets";
import { providerShim } from "./shim";

// The schema: every field once (provider/schema/existingNumbers.ts); the types below are generated from it.
export type { ExistingNumbersArgs, ExistingNumbersInputs, ExistingNumbersOutputs };

const MODULE = "pulumi-bandwidth/internal/resources/existingNumbers";
const DEFAULT_TIMEOUT_SECONDS = 900;
/** Bandwidth's largest order is 5000 numbers; a resource holds no more than one order could. */
const MAX_NUMBERS = 5000;
const SETTING_KEYS = settingKeys(existingNumbersSchema);
const STABLE_KEYS = stableKeys(existingNumbersSchema);

/** How progress lines and errors name the resource: `ExistingNumbers <resource name>`. */
function label(p: { resourceKey?: string }): string {
  return `ExistingNumbers ${p.resourceKey?.split("/").pop() ?? ""}`.trimEnd();
}

function deadlineOf(inputs: ExistingNumbersInputs): number {
  return Date.now() + (inputs.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** Validates and normalises the inputs: numbers 10-digit, each once. Pure: no network. */
export function checkExistingNumbers(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: Failure[];
} {
  const c = new Checker(news);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(news)) if (c.unknown(key)) out[key] = news[key];
  if (!c.given("telephoneNumbers")) c.fail("telephoneNumbers", "is required: the numbers already on the account");
  const seen = new Set<string>();
  const tns = c.list("telephoneNumbers", MAX_NUMBERS, (v, at) => {
    const checked = toTenDigits(v);
    if ("error" in checked) {
      c.fail(at, checked.error);
      return undefined;
    }
    if (seen.has(checked.tn)) {
      c.fail(at, `lists ${checked.tn} a second time`);
      return undefined;
    }
    seen.add(checked.tn);
    return checked.tn;
  });
  // A list with a value not known yet (preview) stays as given: dropping the entry would preview a removal.
  if (isUnknown(news.telephoneNumbers)) out.telephoneNumbers = news.telephoneNumbers;
  else if (tns !== undefined) {
    if (tns.length === 0 && c.failures.length === 0) c.fail("telephoneNumbers", "must list at least one number");
    out.telephoneNumbers = tns;
  }
  out.releaseOnDelete = c.boolean("releaseOnDelete") ?? false;
  out.timeoutSeconds = c.integer("timeoutSeconds", 1, 86_400) ?? DEFAULT_TIMEOUT_SECONDS;
  for (const key of ["releaseOnDelete", "timeoutSeconds"]) if (c.unknown(key)) out[key] = news[key];
  const resourceKey = c.string("resourceKey", /^.+$/s, "resourceKey is project/stack/name", 1000);
  if (resourceKey !== undefined) out.resourceKey = resourceKey;
  checkSettings(c, news, out);
  return { inputs: out, failures: c.failures };
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = new Set(a ?? []);
  return left.size === new Set(b ?? []).size && (b ?? []).every((x) => left.has(x));
}

/** Every change is in place: the number list (taken or let go), the settings. Nothing replaces it. No network. */
export function diffExistingNumbers(
  olds: ExistingNumbersOutputs,
  news: ExistingNumbersInputs,
): pulumi.dynamic.DiffResult {
  const was = olds as unknown as Record<string, unknown>;
  const now = news as unknown as Record<string, unknown>;
  const numbersChange = isUnknown(news.telephoneNumbers) || !sameSet(olds.telephoneNumbers, news.telephoneNumbers);
  const settingsChange =
    SETTING_KEYS.some((k) => !sameValue(was[k], now[k])) || settingsNeedWork(olds, news, olds.telephoneNumbers ?? []);
  return {
    changes: numbersChange || settingsChange,
    replaces: [],
    stables: numbersChange ? undefined : STABLE_KEYS,
    deleteBeforeReplace: false,
  };
}

/** What the resource holds apart from its inputs. */
interface Held {
  accountId: string;
  /** 10-digit. */
  telephoneNumbers: string[];
  orderIds: string[];
  /** Each number's settings, as read back or as the resource's own option orders and package assignment set them. */
  numberSettings: Record<string, NumberSetting>;
}

/** The state: the inputs plus what is held, the numbers in the program's order. */
function toOutputs(inputs: ExistingNumbersInputs, h: Held): ExistingNumbersOutputs {
  const rank = new Map((Array.isArray(inputs.telephoneNumbers) ? inputs.telephoneNumbers : []).map((tn, i) => [tn, i]));
  const held = [...h.telephoneNumbers].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const out: Record<string, unknown> = {
    ...inputs,
    telephoneNumbers: held,
    e164Numbers: held.map(toE164),
    accountId: h.accountId,
    orderIds: [...new Set(h.orderIds)],
    numberSettings: settingsOfHeld(h.numberSettings, held),
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as ExistingNumbersOutputs;
}

/** The inputs a state was made from. */
function inputsOf(state: ExistingNumbersOutputs): ExistingNumbersInputs {
  const inputs: Record<string, unknown> = { ...state };
  for (const key of outputOnlyKeys(existingNumbersSchema)) delete inputs[key];
  return inputs as unknown as ExistingNumbersInputs;
}

/** A working copy of what a state holds. */
function heldOf(props: ExistingNumbersOutputs, accountId: string): Held {
  return {
    accountId,
    telephoneNumbers: [...(props.telephoneNumbers ?? [])],
    orderIds: [...(props.orderIds ?? [])],
    numberSettings: { ...(props.numberSettings ?? {}) },
  };
}

/** The configured account, refusing a state recorded on another. */
function configuredAccount(props: Partial<ExistingNumbersOutputs>): string {
  const configured = numbersSettings().accountId;
  if (props.accountId !== undefined && props.accountId !== configured) {
    throw new AccountMismatchError(label(props), props.accountId, configured);
  }
  return configured;
}

/**
 * Reads each number and proves it is in service on the account: the orders Bandwidth names as theirs, or
 * NotOnAccountError naming every number that is not (thrown before anything changes).
 */
async function takeNumbers(
  client: NumbersClient,
  who: string,
  tns: readonly string[],
  accountId: string,
): Promise<string[]> {
  const infos = await readNumbers(client, tns);
  const refused: LostNumber[] = [];
  const orderIds: string[] = [];
  tns.forEach((tn, i) => {
    const info = infos[i];
    // In service on this account, under whatever order brought it there: that order is the number's own from now on.
    const where = ownerOf(info, new Set(info?.orderId === undefined ? [] : [info.orderId]), accountId);
    if (where !== undefined) refused.push({ telephoneNumber: tn, where });
    else orderIds.push(info!.orderId!);
  });
  if (refused.length > 0) throw new NotOnAccountError(who, refused);
  return orderIds;
}

async function create(inputs: ExistingNumbersInputs): Promise<pulumi.dynamic.CreateResult> {
  return onTheWayToSettings(inputs, (arrived) => takeAll(inputs, arrived));
}

async function takeAll(inputs: ExistingNumbersInputs, arrived: () => void): Promise<pulumi.dynamic.CreateResult> {
  const client = numbersClient();
  const who = label(inputs);
  const accountId = configuredAccount({});
  const orderIds = await takeNumbers(client, who, inputs.telephoneNumbers, accountId);
  progress(
    `${who}: took ${inputs.telephoneNumbers.length} number(s) in service on account ${accountId}; no order placed`,
  );
  const h: Held = { accountId, telephoneNumbers: [...inputs.telephoneNumbers], orderIds, numberSettings: {} };
  const id = idOf(inputs.telephoneNumbers);
  await settleSettings(h, undefined, inputs, id, arrived);
  return { id, outs: toOutputs(inputs, h) };
}

/**
 * Gives every number held what the settings ask and it lacks, recording what took in `h.numberSettings`; a failure
 * hands the engine the state with the numbers and the settings that took.
 */
async function settleSettings(
  h: Held,
  olds: ExistingNumbersOutputs | undefined,
  news: ExistingNumbersInputs,
  id: string,
  arrived: () => void,
): Promise<void> {
  arrived();
  if (!managesSettings(news) && (olds === undefined || !managesSettings(settingsOf(olds)))) return;
  const who = label(news);
  const outcome = await applySettings({
    who,
    held: h.telephoneNumbers,
    current: h.numberSettings,
    olds: olds && settingsOf(olds),
    news,
    deadlineMs: deadlineOf(news),
  });
  h.numberSettings = outcome.numberSettings;
  if (outcome.problems.length > 0) {
    const state = withProvider(toOutputs(news, h), news);
    throw new SettingsIncompleteError(who, outcome.problems, outcome.errors, outcome.failedNumbers, id, state);
  }
}

/** The resource id: the numbers it took, 10-digit, sorted, joined by commas (what an import names). */
function idOf(tns: readonly string[]): string {
  return [...tns].sort().join(",");
}

/** Each number still in service under the order it had when taken stays; the others drop out. */
async function stillHeld(client: NumbersClient, who: string, h: Held, tns: readonly string[]) {
  const proof = await proveOwnership(client, tns, { orderIds: h.orderIds, accountId: h.accountId, each: true });
  if (proof.lost.length > 0) {
    progress(`${who}: no longer on the account as the stack took them: ${describeLost(proof.lost)}`);
  }
  return proof;
}

async function read(id: string, props: ExistingNumbersOutputs): Promise<pulumi.dynamic.ReadResult> {
  const accountId = configuredAccount(props);
  const client = numbersClient();
  const h = heldOf(props, accountId);
  const { owned } = await stillHeld(client, label(props), h, h.telephoneNumbers);
  if (owned.length === 0) return { id: "", props: {} };
  const numberSettings = await readBackSettings(client, owned, props, props.numberSettings ?? {});
  return { id, props: toOutputs(inputsOf(props), { ...h, telephoneNumbers: owned, numberSettings }) };
}

async function update(
  id: string,
  olds: ExistingNumbersOutputs,
  news: ExistingNumbersInputs & Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
  return onTheWayToSettings(news, (arrived) => updateHeld(id, olds, news, arrived));
}

async function updateHeld(
  id: string,
  olds: ExistingNumbersOutputs,
  news: ExistingNumbersInputs & Record<string, unknown>,
  arrived: () => void,
): Promise<pulumi.dynamic.UpdateResult> {
  const accountId = configuredAccount(olds);
  const client = numbersClient();
  const who = label(news);
  const h = heldOf(olds, accountId);
  const want = new Set(news.telephoneNumbers);
  const held = new Set(h.telephoneNumbers);
  const toAdd = news.telephoneNumbers.filter((tn) => !held.has(tn));
  const toRemove = h.telephoneNumbers.filter((tn) => !want.has(tn));
  // Added numbers are proven before anything changes: a refused one leaves the state as it was.
  if (toAdd.length > 0) {
    h.orderIds.push(...(await takeNumbers(client, who, toAdd, accountId)));
    h.telephoneNumbers.push(...toAdd);
    progress(`${who}: took ${toAdd.length} more number(s); no order placed`);
  }
  if (toRemove.length > 0) {
    // Released numbers leave the package the state has them on.
    const leaving = { ...news, voiceConfigurationPackageId: olds.voiceConfigurationPackageId };
    const { gone, problems } = await letGo(client, who, h, toRemove, leaving);
    h.telephoneNumbers = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    if (problems.length > 0) {
      throw new ResourceInitError(
        `${who}: disconnect incomplete: ${problems.join("; ")}`,
        id,
        withProvider(toOutputs(news, h), news),
      );
    }
  }
  // Settings last: numbers just added get them with the others, in the same option order.
  await settleSettings(h, olds, news, id, arrived);
  return { outs: toOutputs(news, h) };
}

/**
 * Lets numbers leave the resource: left in service (taken out of the resource's package), or with `releaseOnDelete`
 * disconnected (only those still under the order they had when taken). Returns the numbers that left and what went wrong for others.
 */
async function letGo(
  client: NumbersClient,
  who: string,
  h: Held,
  tns: string[],
  inputs: ExistingNumbersInputs,
): Promise<{ gone: Set<string>; problems: string[] }> {
  if (!inputs.releaseOnDelete) {
    // In service still, but out of the package this resource put them on, so the package can go with the stack; only
    // numbers still this resource's, and not another resource's PhoneNumberOrder's, are taken out.
    if (inputs.voiceConfigurationPackageId) {
      const proof = await stillHeld(client, who, h, tns);
      const others = new Set((await underPhoneNumberOrders(client, proof)).map((o) => o.telephoneNumber));
      await unassign(
        who,
        inputs.voiceConfigurationPackageId,
        proof.owned.filter((tn) => !others.has(tn)),
      );
    }
    progress(`${who}: left ${tns.length} number(s) in service on the account: ${tns.join(", ")}`);
    return { gone: new Set(tns), problems: [] };
  }
  const proof = await stillHeld(client, who, h, tns);
  const held = proof.owned;
  const gone = new Set(proof.lost.map((l) => l.telephoneNumber));
  // A number a PhoneNumberOrder ordered is that resource's to release (maybe another stack's): it leaves this one in service.
  const others = await underPhoneNumberOrders(client, proof);
  if (others.length > 0) {
    const named = others.map((o) => `${o.telephoneNumber} (under PhoneNumberOrder order ${o.orderId})`).join(", ");
    progress(`${who}: left ${others.length} number(s) in service, another resource's to release: ${named}`);
    for (const o of others) gone.add(o.telephoneNumber);
  }
  const owned = held.filter((tn) => !gone.has(tn));
  if (owned.length === 0) return { gone, problems: [] };
  progress(`${who}: disconnecting ${owned.length} number(s): ${owned.join(", ")}`);
  const released = await releaseNumbers(
    client,
    { voiceConfigurationPackageId: inputs.voiceConfigurationPackageId },
    owned,
    deadlineOf(inputs),
    who,
  );
  for (const tn of released.gone) gone.add(tn);
  if (released.gone.size > 0) progress(`${who}: disconnected ${released.gone.size} number(s)`);
  return { gone, problems: released.problems };
}

async function destroy(_id: string, props: ExistingNumbersOutputs): Promise<void> {
  const accountId = configuredAccount(props);
  const client = numbersClient();
  const who = label(props);
  const h = heldOf(props, accountId);
  if (h.telephoneNumbers.length === 0) return;
  const { gone, problems } = await letGo(client, who, h, h.telephoneNumbers, props);
  if (problems.length > 0) {
    const left = h.telephoneNumbers.filter((tn) => !gone.has(tn));
    throw new DisconnectPartialError(
      `${who}: could not disconnect ${left.length} number(s) (${left.join(", ")}): ${problems.join("; ")}`,
      "The resource stays in the stack; run `pulumi destroy` again to retry what is left.",
      left,
      problems,
    );
  }
}

/**
 * The full state of an ExistingNumbers built from its numbers alone: what `pulumi import` of
 * `bandwidth:index:ExistingNumbers` calls with the comma-separated numbers it is given. Each number is read and must be
 * in service on the configured account (else NotOnAccountError); nothing is changed. Returns the resource id (the
 * numbers, 10-digit, sorted, comma-separated), its state, and the inputs a program declaring it would give.
 */
export async function importExistingNumbers(id: string): Promise<{
  /** The resource id: the numbers, 10-digit, sorted, comma-separated. */
  id: string;
  /** The state, as a refresh would read it. */
  props: ExistingNumbersOutputs;
  /** The inputs a program declaring the resource would give. */
  inputs: ExistingNumbersInputs;
}> {
  const { inputs: checked, failures } = checkExistingNumbers({
    telephoneNumbers: id
      .split(",")
      .map((tn) => tn.trim())
      .filter((tn) => tn !== ""),
  });
  if (failures.length > 0) throw new ValidationError(failures);
  const inputs = checked as unknown as ExistingNumbersInputs;
  const who = label(inputs);
  const accountId = configuredAccount({});
  const client = numbersClient();
  const orderIds = await takeNumbers(client, who, inputs.telephoneNumbers, accountId);
  const numberSettings = await readBackSettings(client, inputs.telephoneNumbers, {}, {}, true);
  const props = toOutputs(inputs, {
    accountId,
    telephoneNumbers: [...inputs.telephoneNumbers],
    orderIds,
    numberSettings,
  });
  return {
    id: idOf(inputs.telephoneNumbers),
    props,
    inputs: { telephoneNumbers: inputs.telephoneNumbers } as ExistingNumbersInputs,
  };
}

/** The ExistingNumbers implementation the serialized provider loads by module path. */
export const implementation = {
  async check(_olds: unknown, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkExistingNumbers(news);
  },
  async diff(
    _id: string,
    olds: ExistingNumbersOutputs,
    news: ExistingNumbersInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffExistingNumbers(olds, news);
  },
  ...withNextSteps(label, { create, read, update, delete: destroy }, { create: "Nothing was taken or changed" }),
};

/** The dynamic provider of ExistingNumbers, as serialized into state. */
export const existingNumbersProvider: pulumi.dynamic.ResourceProvider = providerShim(MODULE);

/** The outputs only the provider sets: unknown until create, so the engine records them. */
const OUTPUT_ONLY = outputOnlyKeys(existingNumbersSchema);

// The class's outputs are declared by the schema (its generated ResourceOutputs), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ExistingNumbers extends ExistingNumbersResourceOutputs {}

/**
 * Numbers already in service on the account (ordered by hand, ported in) brought under a stack: create checks each
 * is in service on this account and orders nothing; destroy leaves them in service unless `releaseOnDelete`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ExistingNumbers extends pulumi.dynamic.Resource {
  constructor(name: string, args: ExistingNumbersArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(OUTPUT_ONLY.map((k) => [k, undefined]));
    const resourceKey = `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    super(
      existingNumbersProvider,
      name,
      { ...outputs, ...secretSettings(args), telephoneNumbers: args.telephoneNumbers, resourceKey },
      secretOutputs(opts),
      "bandwidth",
      "ExistingNumbers",
    );
  }
}
