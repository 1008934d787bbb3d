/**
 * Number settings (a voice configuration package, SMS and the 10DLC campaign, calling name display, the port-out
 * passcode) applied to every number a PhoneNumberOrder or ExistingNumbers holds: what each number lacks is worked out
 * from what the state says it has, set by one TN option order (shared with the deployment's other resources) and one
 * package assignment, and read back from Bandwidth on refresh. Numbers are never ordered or released here.
 */
import { numbersClient, sharedWaits } from "../clients";
import { BandwidthError, mayHaveReachedServer } from "../http";
import type { ApiErrorDetail, NumbersClient, TnOptionGroup } from "../numbers";
import type { OptionOrderOutcome } from "../numbers/optionOrders";
import { platformClient } from "../platform";
import type { NumberMessaging, NumberSetting } from "../schema/generated/shared";
import { mapLimit, progress, sameValue } from "../resources/lifecycle";
import { Checker, isUnknown, toE164 } from "../validation";

/** The settings inputs both resources take. */
export interface SettingsInputs {
  voiceConfigurationPackageId?: string;
  messaging?: NumberMessaging;
  callingNameDisplay?: boolean;
  portOutPasscode?: string;
}

/** The settings inputs, by name. */
export const SETTINGS_KEYS = [
  "voiceConfigurationPackageId",
  "messaging",
  "callingNameDisplay",
  "portOutPasscode",
] as const;

const PACKAGE_ID = /^[A-Za-z0-9-]{1,64}$/;
// Bandwidth's campaign ids are short letters and digits (CA3XKE1); its reference gives no pattern, this one is loose.
const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,40}$/;
const MESSAGE_CLASS = /^[A-Za-z0-9_-]{1,20}$/;
// errors.mdx 5193: a port-out passcode is letters and digits; the emulator holds the 4-10 characters Bandwidth's UI takes.
const PASSCODE = /^[A-Za-z0-9]{4,10}$/;
/** Numbers read back at once. */
const READ_CONCURRENCY = 8;

/** Checks the settings inputs into `out`. The passcode is never quoted in a failure. Pure: no network. */
export function checkSettings(c: Checker, news: Record<string, unknown>, out: Record<string, unknown>): void {
  const pkg = c.string(
    "voiceConfigurationPackageId",
    PACKAGE_ID,
    "voiceConfigurationPackageId is a VoiceConfigurationPackage's voiceConfigurationPackageId",
    64,
  );
  if (pkg !== undefined) out.voiceConfigurationPackageId = pkg;
  const cnam = c.boolean("callingNameDisplay");
  if (cnam !== undefined) out.callingNameDisplay = cnam;
  if (c.has("portOutPasscode")) {
    const raw = news.portOutPasscode;
    if (typeof raw !== "string" || !PASSCODE.test(raw)) {
      c.fail("portOutPasscode", "must be 4 to 10 letters or digits (the value is secret and not shown)");
    } else out.portOutPasscode = raw;
  }
  if (c.has("messaging")) {
    const raw = news.messaging;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      c.fail("messaging", "must be an object { sms?, campaignId?, messageClass? }");
      return;
    }
    const m = raw as Record<string, unknown>;
    if (Object.values(m).some(isUnknown)) {
      out.messaging = m;
      return;
    }
    const sub = new Checker(m);
    for (const key of Object.keys(m)) {
      if (!["sms", "campaignId", "messageClass"].includes(key) && m[key] !== undefined) {
        c.fail(`messaging.${key}`, "is not a messaging field (sms, campaignId, messageClass)");
      }
    }
    const messaging: NumberMessaging = {};
    const sms = sub.boolean("sms");
    if (sms !== undefined) messaging.sms = sms;
    const campaignId = sub.string("campaignId", CAMPAIGN_ID, "campaignId is a 10DLC campaign id", 40);
    if (campaignId !== undefined) messaging.campaignId = campaignId;
    const messageClass = sub.string("messageClass", MESSAGE_CLASS, "messageClass is a message class", 20);
    if (messageClass !== undefined) messaging.messageClass = messageClass;
    for (const f of sub.failures) c.fail(`messaging.${f.property}`, f.reason);
    if (messageClass !== undefined && campaignId === undefined) {
      c.fail("messaging.messageClass", "is sent with a campaignId: give campaignId too");
    }
    if (campaignId !== undefined && sms === false) {
      c.fail("messaging.campaignId", "needs SMS on: Bandwidth refuses a campaign on a number whose SMS is off (5132)");
    }
    if (Object.keys(messaging).length > 0) out.messaging = messaging;
  }
}

/** Whether any setting is given. */
export function managesSettings(inputs: SettingsInputs): boolean {
  return SETTINGS_KEYS.some((k) => inputs[k] !== undefined);
}

/** The TN options a number lacks (undefined: none), from what the state says it has. */
function optionsLacking(
  current: NumberSetting | undefined,
  news: SettingsInputs,
  passcodeChanged: boolean,
): Omit<TnOptionGroup, "telephoneNumbers"> | undefined {
  const o: Omit<TnOptionGroup, "telephoneNumbers"> = {};
  const m = news.messaging;
  if (m?.sms !== undefined && current?.sms !== m.sms) o.sms = m.sms ? "on" : "off";
  if (
    m?.campaignId !== undefined &&
    (current?.campaignId !== m.campaignId || (m.messageClass !== undefined && current?.messageClass !== m.messageClass))
  ) {
    o.a2p = { action: "asSpecified", campaignId: m.campaignId, messageClass: m.messageClass };
  }
  if (news.callingNameDisplay !== undefined && current?.callingNameDisplay !== news.callingNameDisplay) {
    o.callingNameDisplay = news.callingNameDisplay ? "on" : "off";
  }
  if (news.portOutPasscode !== undefined && (passcodeChanged || current?.portOutPasscodeSet !== true)) {
    o.portOutPasscode = news.portOutPasscode;
  }
  return Object.keys(o).length > 0 ? o : undefined;
}

/** What the settings ask of Bandwidth for the numbers held. */
interface SettingsWork {
  groups: TnOptionGroup[];
  assign: string[];
  unassign: { packageId: string; numbers: string[] } | undefined;
}

function workFor(
  held: readonly string[],
  current: Readonly<Record<string, NumberSetting>>,
  olds: SettingsInputs | undefined,
  news: SettingsInputs,
): SettingsWork {
  const passcodeChanged = olds !== undefined && olds.portOutPasscode !== news.portOutPasscode;
  const groups = new Map<string, TnOptionGroup>();
  for (const tn of held) {
    const lacking = optionsLacking(current[tn], news, passcodeChanged);
    if (!lacking) continue;
    const key = JSON.stringify(lacking);
    const group = groups.get(key) ?? { ...lacking, telephoneNumbers: [] };
    group.telephoneNumbers.push(tn);
    groups.set(key, group);
  }
  const pkg = news.voiceConfigurationPackageId;
  const was = olds?.voiceConfigurationPackageId;
  const assign = pkg === undefined ? [] : held.filter((tn) => current[tn]?.voiceConfigurationPackageId !== pkg);
  const leaving =
    pkg === undefined && was !== undefined ? held.filter((tn) => current[tn]?.voiceConfigurationPackageId === was) : [];
  return {
    groups: [...groups.values()],
    assign,
    unassign: leaving.length > 0 ? { packageId: was!, numbers: leaving } : undefined,
  };
}

/**
 * Whether the numbers held lack anything the settings ask for (a changed input, a number added, a drift a refresh
 * saw, a number an earlier option order failed): the diff's test. Pure: no network.
 */
export function settingsNeedWork(
  olds: SettingsInputs & { numberSettings?: Record<string, NumberSetting> },
  news: SettingsInputs,
  held: readonly string[],
): boolean {
  if (SETTINGS_KEYS.some((k) => !sameValue(olds[k], news[k]))) return true;
  if (!managesSettings(news)) return false;
  const w = workFor(held, olds.numberSettings ?? {}, olds, news);
  return w.groups.length > 0 || w.assign.length > 0 || w.unassign !== undefined;
}

/** One line per Bandwidth error, never a passcode: `5132 on 9195550100: description`. */
function describeError(e: ApiErrorDetail): string {
  return `${e.code || "no code"}${e.telephoneNumber ? ` on ${e.telephoneNumber}` : ""}: ${e.description}`;
}

/**
 * Tells the deployment's shared TN option orders that a resource step with settings has started (a create or update
 * that may order numbers first), so the next option order waits for its numbers too. Call the result once the step
 * asks for its options or ends without; calls after the first change nothing.
 */
export function settingsOnTheWay(inputs: SettingsInputs): () => void {
  if (!managesSettings(inputs)) return () => {};
  return sharedWaits(numbersClient()).options.expect();
}

/** Runs a resource step with settings as on its way to the shared option orders (`settingsOnTheWay`) until it ends. */
export async function onTheWayToSettings<T>(
  inputs: SettingsInputs,
  step: (arrived: () => void) => Promise<T>,
): Promise<T> {
  const arrived = settingsOnTheWay(inputs);
  try {
    return await step(arrived);
  } finally {
    arrived();
  }
}

/** What applying settings left: each number's settings, and what failed. */
export interface SettingsOutcome {
  numberSettings: Record<string, NumberSetting>;
  problems: string[];
  errors: ApiErrorDetail[];
  failedNumbers: string[];
}

/**
 * Sets what the numbers held lack: one TN option order (shared with the deployment's other resources) and one package
 * assignment (or removal), run side by side. `olds` is undefined on create. Never throws for a refusal of Bandwidth's:
 * the outcome names it, and `numberSettings` records what took.
 */
export async function applySettings(o: {
  who: string;
  held: readonly string[];
  current: Readonly<Record<string, NumberSetting>>;
  olds: SettingsInputs | undefined;
  news: SettingsInputs;
  deadlineMs: number;
}): Promise<SettingsOutcome> {
  const settings: Record<string, NumberSetting> = {};
  for (const tn of o.held) if (o.current[tn] !== undefined) settings[tn] = { ...o.current[tn] };
  const out: SettingsOutcome = { numberSettings: settings, problems: [], errors: [], failedNumbers: [] };
  const work = workFor(o.held, o.current, o.olds, o.news);
  const failed = new Set<string>();
  const options = async () => {
    if (work.groups.length === 0) return;
    let lastStatus = "";
    let outcome: OptionOrderOutcome;
    const waits = sharedWaits(numbersClient());
    try {
      outcome = await waits.options.apply(work.groups, {
        deadlineMs: o.deadlineMs,
        onStatus: (status, orderId) => {
          if (status === lastStatus) return;
          lastStatus = status;
          progress(`${o.who}: TN option order ${orderId} is ${status}`);
        },
      });
    } catch (e) {
      for (const g of work.groups) for (const tn of g.telephoneNumbers) failed.add(tn);
      // A lost answer or a 5xx may hide an order Bandwidth took: sending the same options again changes nothing.
      const what = mayHaveReachedServer(e) ? "may have been placed (no answer came back)" : "refused";
      out.problems.push(`TN option order ${what}: ${refusal(e)}`);
      if (e instanceof BandwidthError) out.errors.push(...e.errors);
      return;
    }
    const applied = new Set(outcome.applied);
    for (const g of work.groups) {
      for (const tn of g.telephoneNumbers) {
        if (!applied.has(tn)) {
          failed.add(tn);
          continue;
        }
        const s = (settings[tn] ??= {});
        if (g.sms !== undefined) s.sms = g.sms === "on";
        if (g.a2p !== undefined) {
          s.campaignId = g.a2p.campaignId;
          if (g.a2p.messageClass !== undefined) s.messageClass = g.a2p.messageClass;
        }
        if (g.callingNameDisplay !== undefined) s.callingNameDisplay = g.callingNameDisplay === "on";
        if (g.portOutPasscode !== undefined) s.portOutPasscodeSet = true;
      }
    }
    const count = work.groups.reduce((n, g) => n + g.telephoneNumbers.length, 0);
    if (outcome.timedOut) {
      out.problems.push(`TN option order ${outcome.orderId} still ${outcome.status} at the deadline`);
    } else if (applied.size < count) {
      out.problems.push(
        `TN option order ${outcome.orderId} ${outcome.status}: ${outcome.errors.map(describeError).join("; ") || "no error named"}`,
      );
    }
    out.errors.push(...outcome.errors);
    if (applied.size > 0)
      progress(`${o.who}: options set on ${applied.size} number(s) by TN option order ${outcome.orderId}`);
  };
  const packages = async () => {
    if (work.assign.length > 0) {
      const pkg = o.news.voiceConfigurationPackageId!;
      try {
        await platformClient().bulk(pkg, "ADD", work.assign);
        for (const tn of work.assign) (settings[tn] ??= {}).voiceConfigurationPackageId = pkg;
        progress(`${o.who}: assigned ${work.assign.length} number(s) to voice configuration package ${pkg}`);
      } catch (e) {
        for (const tn of work.assign) failed.add(tn);
        out.problems.push(`assigning to voice configuration package ${pkg} refused: ${refusal(e)}`);
        if (e instanceof BandwidthError) out.errors.push(...e.errors);
      }
    }
    if (work.unassign) {
      const { packageId, numbers } = work.unassign;
      try {
        await unassign(o.who, packageId, numbers);
        for (const tn of numbers) if (settings[tn]) delete settings[tn].voiceConfigurationPackageId;
      } catch (e) {
        for (const tn of numbers) failed.add(tn);
        out.problems.push(`removing from voice configuration package ${packageId} refused: ${refusal(e)}`);
        if (e instanceof BandwidthError) out.errors.push(...e.errors);
      }
    }
  };
  await Promise.all([options(), packages()]);
  out.failedNumbers = o.held.filter((tn) => failed.has(tn));
  return out;
}

/** A failure in one line: Bandwidth's codes when it named any, else the error's own message. */
function refusal(e: unknown): string {
  const details = e instanceof BandwidthError ? e.errors : [];
  return details.length > 0 ? details.map(describeError).join("; ") : e instanceof Error ? e.message : String(e);
}

/**
 * Takes numbers out of a package before they leave the account or the package: one listing of the package's numbers
 * and one bulk REMOVE of those among `tns` (Bandwidth refuses to remove a number that is not on the package). A
 * package already gone counts as done.
 */
export async function unassign(who: string, packageId: string, tns: readonly string[]): Promise<void> {
  const platform = platformClient();
  let onPackage: Set<string>;
  try {
    onPackage = new Set(await platform.listPackageNumbers(packageId));
  } catch (e) {
    if (e instanceof BandwidthError && e.code === "NOT_FOUND") return;
    throw e;
  }
  const leaving = tns.filter((tn) => onPackage.has(toE164(tn)));
  if (leaving.length === 0) return;
  await platform.bulk(packageId, "REMOVE", leaving);
  progress(`${who}: removed ${leaving.length} number(s) from voice configuration package ${packageId}`);
}

/**
 * Each number's settings as Bandwidth holds them now (`GET /tns/{tn}/tndetails`, and the package's numbers): the
 * fields the inputs manage, or with `all` every field (an import, which knows no inputs). Whether a passcode was set
 * is kept from `previous`: Bandwidth never reads one back. No settings managed and none recorded: no request at all.
 */
export async function readBackSettings(
  client: NumbersClient,
  tns: readonly string[],
  inputs: SettingsInputs,
  previous: Readonly<Record<string, NumberSetting>>,
  all = false,
): Promise<Record<string, NumberSetting>> {
  if (!all && !managesSettings(inputs)) return {};
  const m = inputs.messaging;
  const want = {
    sms: all || m?.sms !== undefined,
    campaignId: all || m?.campaignId !== undefined,
    messageClass: all || m?.messageClass !== undefined,
    callingNameDisplay: all || inputs.callingNameDisplay !== undefined,
  };
  const readDetails = want.sms || want.campaignId || want.messageClass || want.callingNameDisplay;
  const details = readDetails ? await mapLimit(tns, READ_CONCURRENCY, (tn) => client.getTnDetails(tn)) : [];
  const pkg = inputs.voiceConfigurationPackageId;
  let onPackage = new Set<string>();
  if (pkg !== undefined) {
    try {
      onPackage = new Set(await platformClient().listPackageNumbers(pkg));
    } catch (e) {
      if (!(e instanceof BandwidthError && e.code === "NOT_FOUND")) throw e;
    }
  }
  const out: Record<string, NumberSetting> = {};
  tns.forEach((tn, i) => {
    const s: NumberSetting = {};
    const d = details[i];
    if (pkg !== undefined && onPackage.has(toE164(tn))) s.voiceConfigurationPackageId = pkg;
    if (d) {
      if (want.sms && d.smsEnabled !== undefined) s.sms = d.smsEnabled;
      if (want.campaignId && d.campaignId !== undefined) s.campaignId = d.campaignId;
      if (want.messageClass && d.messageClass !== undefined) s.messageClass = d.messageClass;
      const cnam = d.callingNameDisplay?.toLowerCase();
      if (want.callingNameDisplay && (cnam === "on" || cnam === "off")) s.callingNameDisplay = cnam === "on";
    }
    if (previous[tn]?.portOutPasscodeSet) s.portOutPasscodeSet = true;
    out[tn] = s;
  });
  return out;
}

/** The settings inputs of a bag of inputs. */
export function settingsOf(inputs: object): SettingsInputs {
  const i = inputs as Record<string, unknown>;
  return Object.fromEntries(SETTINGS_KEYS.filter((k) => i[k] !== undefined).map((k) => [k, i[k]])) as SettingsInputs;
}
