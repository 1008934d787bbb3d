/** Everything the emulator page shows, read from the model's inspection methods and the request log. */
import type { LoggedRequest } from "../admin";
import type { ErrorDetail } from "../errors";
import type { AccountSummary, EmulatorModel, SiteSeed, TnRecord, VoiceNumberRecord } from "../models";
import type { ProvisioningSummary } from "../provisioning/models";
import { redactBody, redactQuery } from "./redact";

/** The model methods the page reads: the inspection facade, nothing that changes state. */
export type PageModel = Pick<
  EmulatorModel,
  "accountSeeds" | "accountSummary" | "listOrders" | "listDisconnects" | "listVoiceNumbers" | "tn" | "provisioning"
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
  /** How many requests the emulator has logged. */
  requestCount: number;
  /** The latest requests, newest first, at most `limit`. */
  requests: PageRequest[];
}

const newestFirst = (a: { orderCreateDate: string }, b: { orderCreateDate: string }) =>
  b.orderCreateDate.localeCompare(a.orderCreateDate);

/** Takes a snapshot for the page; `limit` bounds the requests it carries (default 200). */
export function pageSnapshot(source: PageSource, limit = 200): PageSnapshot {
  const { model } = source;
  const accounts: PageAccount[] = [];
  const orders: PageOrder[] = [];
  const disconnects: PageOrder[] = [];
  const imports: VoiceNumberRecord[] = [];
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
    requestCount: log.length,
    requests,
  };
}
