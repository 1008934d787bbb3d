/** Everything the emulator page shows, read from the model's inspection methods and the request log. */
import type { LoggedRequest } from "../admin";
import type { ErrorDetail } from "../errors";
import type { AccountSummary, EmulatorModel, SiteSeed, TnRecord, VoiceNumberRecord } from "../models";
import type { ProvisioningSummary } from "../provisioning/models";
import { REDACTED, redactBody, redactQuery } from "./redact";

/** The model methods the page reads: the inspection facade, nothing that changes state. */
export type PageModel = Pick<
  EmulatorModel,
  | "accountSeeds"
  | "accountSummary"
  | "listOrders"
  | "listDisconnects"
  | "listVoiceNumbers"
  | "tn"
  | "provisioning"
  | "tnOptions"
  | "vcp"
>;

/** What the page is built from. */
export interface PageSource {
  /** The emulator's state. */
  model: PageModel;
  /** Every request so far, oldest first. */
  requestLog(): LoggedRequest[];
}

/** One emulated account, without its credentials. */
export interface PageAccount {
  /** The Dashboard account id. */
  accountId: string;
  /** The Dashboard API user name (its password is never shown). */
  username: string;
  /** The linked Voice v1 user. */
  userId: string;
  /** Its sites and their SIP peers. */
  sites: SiteSeed[];
  /** Counts: numbers in service, v1 imports, orders and disconnects. */
  summary: AccountSummary;
  /** Its v2 applications, and its sites with their locations and links. */
  v2: ProvisioningSummary;
}

/** A number the emulator has seen ordered, disconnected or imported, with its current state. */
export interface PageNumber {
  /** The 10-digit number. */
  telephoneNumber: string;
  /** Its state on the Numbers API (Inservice, Disconnected, Aging, Available). */
  status: TnRecord["status"] | "Unknown";
  /** The account it is in service on, if any. */
  accountId?: string;
  /** The order that placed it. */
  orderId?: string;
  /** The v1 number id when it is imported into Voice v1. */
  voiceNumberId?: string;
  /** When its state last changed. */
  lastModifiedDate?: string;
  /** The voice configuration package it is assigned to. */
  voiceConfigurationPackageId?: string;
  /** The options TN option orders set on it (the port-out passcode shown only as set). */
  settings?: PageNumberSettings;
}

/** A number's options as the page shows them. */
export interface PageNumberSettings {
  /** `on` or `off` when set on the number. */
  sms?: string;
  /** `on` or `off` when set on the number. */
  callingNameDisplay?: string;
  /** The 10DLC campaign. */
  campaignId?: string;
  /** The message class. */
  messageClass?: string;
  /** OVERRIDDEN or OFF when set on the number. */
  a2pState?: string;
  /** {@link REDACTED} when a passcode is set: the passcode itself is never shown. */
  portOutPasscode?: string;
}

/** A voice configuration package with its numbers. */
export interface PagePackage {
  /** The package id. */
  voiceConfigurationPackageId: string;
  /** The account it belongs to. */
  accountId: string;
  /** Its name. */
  name: string;
  /** Its description. */
  description?: string;
  /** Its Voice-V2 application. */
  httpVoiceV2ApplicationId?: string;
  /** Its numbers, E.164. */
  phoneNumbers: string[];
}

/** An order or a disconnect with its status and Bandwidth's errors. */
export interface PageOrder {
  /** The order id. */
  id: string;
  /** The account it was placed on. */
  accountId: string;
  /** The order's name. */
  name?: string;
  /** The caller's CustomerOrderId. */
  customerOrderId?: string;
  /** RECEIVED, BACKORDERED, COMPLETE, PARTIAL or FAILED. */
  status: string;
  /** When it was placed. */
  orderCreateDate: string;
  /** The numbers it asked for (disconnects) or how many (orders). */
  requested: string;
  /** The numbers it completed. */
  completed: string[];
  /** The numbers it failed. */
  failed: string[];
  /** Every error in its ErrorList. */
  errors: ErrorDetail[];
}

/** One logged request, with credentials redacted from its body and query. */
export type PageRequest = Omit<LoggedRequest, "atMs">;

/** The page's JSON document (`GET /_emulator/page/state`). */
export interface PageSnapshot {
  /** When this snapshot was taken. */
  generatedAt: string;
  /** The emulated accounts. */
  accounts: PageAccount[];
  /** Numbers ordered, disconnected or imported, sorted. */
  numbers: PageNumber[];
  /** Number orders, newest first. */
  orders: PageOrder[];
  /** Disconnect orders, newest first. */
  disconnects: PageOrder[];
  /** Numbers imported into Voice v1. */
  imports: VoiceNumberRecord[];
  /** Voice configuration packages. */
  packages: PagePackage[];
  /** TN option orders, newest first (the groups' options are not shown: one of them may be a passcode). */
  tnOptionOrders: PageOrder[];
  /** How many requests the emulator has logged. */
  requestCount: number;
  /** The latest requests, newest first, at most `limit`. */
  requests: PageRequest[];
}

const newestFirst = (a: { orderCreateDate: string }, b: { orderCreateDate: string }) =>
  b.orderCreateDate.localeCompare(a.orderCreateDate);

function settingsOf(model: PageModel, tn: string): PageNumberSettings | undefined {
  const s = model.tnOptions.settingsOf(tn);
  if (!s) return undefined;
  return {
    sms: s.sms,
    callingNameDisplay: s.callingNameDisplay,
    campaignId: s.a2p?.campaignId,
    messageClass: s.a2p?.messageClass,
    a2pState: s.a2p?.state,
    portOutPasscode: s.portOutPasscode === undefined ? undefined : REDACTED,
  };
}

/** Takes a snapshot for the page; `limit` bounds the requests it carries (default 200). */
export function pageSnapshot(source: PageSource, limit = 200): PageSnapshot {
  const { model } = source;
  const accounts: PageAccount[] = [];
  const orders: PageOrder[] = [];
  const disconnects: PageOrder[] = [];
  const imports: VoiceNumberRecord[] = [];
  const packages: PagePackage[] = [];
  const tnOptionOrders: PageOrder[] = [];
  const seen = new Set<string>();
  for (const seed of model.accountSeeds()) {
    accounts.push({
      accountId: seed.accountId,
      username: seed.username,
      userId: seed.userId,
      sites: seed.sites,
      summary: model.accountSummary(seed.accountId),
      v2: model.provisioning.summary(seed.accountId),
    });
    for (const o of model.listOrders(seed.accountId)) {
      orders.push({
        id: o.id,
        accountId: o.accountId,
        name: o.name,
        customerOrderId: o.customerOrderId,
        status: o.status,
        orderCreateDate: o.orderCreateDate,
        requested: o.specificNumbers?.join(" ") ?? `${o.quantity}`,
        completed: o.completedNumbers,
        failed: o.failedNumbers,
        errors: o.errors,
      });
      for (const tn of [...o.completedNumbers, ...(o.specificNumbers ?? [])]) seen.add(tn);
    }
    for (const d of model.listDisconnects(seed.accountId)) {
      disconnects.push({
        id: d.id,
        accountId: d.accountId,
        name: d.name,
        customerOrderId: d.customerOrderId,
        status: d.status,
        orderCreateDate: d.orderCreateDate,
        requested: d.numbers.join(" "),
        completed: d.disconnected,
        failed: d.numbers.filter((tn) => !d.disconnected.includes(tn)),
        errors: d.errors,
      });
      for (const tn of d.numbers) seen.add(tn);
    }
    imports.push(...model.listVoiceNumbers(seed.userId));
    for (const p of model.vcp.listPackages(seed.accountId)) {
      const phoneNumbers = model.vcp.numbersOf(p.voiceConfigurationPackageId);
      packages.push({
        voiceConfigurationPackageId: p.voiceConfigurationPackageId,
        accountId: p.accountId,
        name: p.name,
        description: p.description,
        httpVoiceV2ApplicationId: p.httpVoiceV2ApplicationId,
        phoneNumbers,
      });
      for (const n of phoneNumbers) seen.add(n.replace(/^\+1/, ""));
    }
    for (const o of model.tnOptions.listOrders(seed.accountId)) {
      const numbers = o.groups.flatMap((g) => g.telephoneNumbers);
      const failed = o.errors.map((e) => e.telephoneNumber ?? "").filter((tn) => tn !== "");
      tnOptionOrders.push({
        id: o.orderId,
        accountId: o.accountId,
        name: o.name,
        customerOrderId: o.customerOrderId,
        status: o.status,
        orderCreateDate: o.orderCreateDate,
        requested: numbers.join(" "),
        completed:
          o.status === "RECEIVED" || o.status === "PROCESSING" ? [] : numbers.filter((tn) => !failed.includes(tn)),
        failed,
        errors: o.errors,
      });
      for (const tn of numbers) seen.add(tn);
    }
  }
  const importedAs = new Map(imports.map((v) => [v.number.replace(/^\+1/, ""), v.id]));
  for (const tn of importedAs.keys()) seen.add(tn);
  const numbers = [...seen].sort().map((tn): PageNumber => {
    const record = model.tn(tn);
    return {
      telephoneNumber: tn,
      status: record?.status ?? "Unknown",
      accountId: record?.accountId,
      orderId: record?.orderId,
      voiceNumberId: importedAs.get(tn),
      lastModifiedDate: record?.lastModifiedDate,
      voiceConfigurationPackageId: model.vcp.packageOf(tn),
      settings: settingsOf(model, tn),
    };
  });
  const log = source.requestLog();
  const requests = log
    .slice(-limit)
    .reverse()
    .map(({ atMs: _atMs, ...r }): PageRequest => ({ ...r, query: redactQuery(r.query), body: redactBody(r.body) }));
  return {
    generatedAt: new Date().toISOString(),
    accounts,
    numbers,
    orders: orders.sort(newestFirst),
    disconnects: disconnects.sort(newestFirst),
    imports,
    packages,
    tnOptionOrders: tnOptionOrders.sort(newestFirst),
    requestCount: log.length,
    requests,
  };
}
