import { randomUUID } from "node:crypto";
import type { ErrorDetail } from "../errors";
import {
  TelephoneNumberInvalid,
  TelephoneNumberNotFound,
  TNOPTION_CODES as C,
  TNOPTION_DESCRIPTIONS as D,
  describeInvalid,
  TnOptionFeatureNotEnabled,
  TnOptionOrderInvalid,
  TnOptionOrderNotFound,
} from "./errors";

/** Where a TN option order is: RECEIVED, then PROCESSING, then one of the three final statuses. */
export type TnOptionStatus = "RECEIVED" | "PROCESSING" | "COMPLETE" | "PARTIAL" | "FAILED";

/** What a group's A2P settings do to its numbers' 10DLC campaign assignment. */
export type A2pAction = "unchanged" | "systemDefault" | "off" | "delete" | "asSpecified";

/** The per-number options a group may set, other than A2P: each a value, `unchanged` or `systemDefault`. */
export interface TnOptionValues {
  /** Whether the number takes text messages: `on` or `off`. */
  sms?: string;
  /** Whether the caller's name is shown on calls from the number (CNAM): `on` or `off`. */
  callingNameDisplay?: string;
  /** The passcode a port-out request must quote (4 to 10 letters and digits); a secret. */
  portOutPasscode?: string;
  /** How the called number is presented to the customer's equipment. */
  numberFormat?: string;
  /** How the calling number is presented. */
  rpidFormat?: string;
  /** The user part the request URI is rewritten to. */
  rewriteUser?: string;
  /** The 10-digit number calls are forwarded to. */
  callForward?: string;
  /** Whether the number is protected from disconnects. */
  protected?: string;
  /** Where calls to the number finally go (a number or a SIP URI). */
  finalDestinationUri?: string;
  /** Whether Pindrop screening is on. */
  pindropEnabled?: string;
  /** Whether call verification (STIR/SHAKEN checks) is on. */
  callVerificationEnabled?: string;
}

/** A group's A2P (10DLC) settings as sent. */
export interface A2pInput {
  /** The action; absent means asSpecified. */
  action?: string;
  /** The 10DLC campaign the numbers are assigned to. */
  campaignId?: string;
  /** The message class (M, A, ...). */
  messageClass?: string;
}

/** One group as the wire layer reads it: raw strings, absent when not sent. */
export interface TnOptionGroupInput extends TnOptionValues {
  /** The numbers the group's options apply to, as sent. */
  telephoneNumbers: string[];
  /** The A2P settings, when sent. */
  a2p?: A2pInput;
  /** Whether the group carries an origination route plan (refused: no emulated account has the feature). */
  originationRoutePlan?: boolean;
}

/** A TN option order as the wire layer reads it. */
export interface TnOptionOrderInput {
  /** The caller's own reference. */
  customerOrderId?: string;
  /** The order's name. */
  name?: string;
  /** The option groups, in order. */
  groups: TnOptionGroupInput[];
}

/** A validated group: canonical values, 10-digit numbers. */
export interface TnOptionGroupRecord extends TnOptionValues {
  /** The numbers, 10 digits each. */
  telephoneNumbers: string[];
  /** The A2P settings with their action resolved. */
  a2p?: {
    /** What the order does to the numbers' 10DLC settings. */
    action: A2pAction;
    /** The campaign assigned, with `asSpecified`. */
    campaignId?: string;
    /** The message class assigned, with `asSpecified`. */
    messageClass?: string;
  };
}

/** One step of an order's history. */
export interface TnOptionHistoryEntry {
  /** When the order reached the status. */
  date: string;
  /** The status reached. */
  status: TnOptionStatus;
  /** What happened, in Bandwidth's words. */
  note: string;
  /** Who made the change. */
  author: string;
}

/** A warning about one number (the order still succeeds for it). */
export interface TnOptionWarning {
  /** The number concerned, 10 digits. */
  telephoneNumber: string;
  /** What Bandwidth says about it. */
  description: string;
}

/** A TN option order and everything Bandwidth reports about it. */
export interface TnOptionOrderRecord {
  /** The order id (a UUID). */
  orderId: string;
  /** The account it was placed on. */
  accountId: string;
  /** The user (or OAuth client) that placed it. */
  createdByUser: string;
  /** The caller's own reference. */
  customerOrderId?: string;
  /** The order's name. */
  name?: string;
  /** When it was received (ISO 8601). */
  orderCreateDate: string;
  /** When its status last changed (ISO 8601). */
  lastModifiedDate: string;
  /** Where the order is. */
  status: TnOptionStatus;
  /** The groups as validated. */
  groups: TnOptionGroupRecord[];
  /** One entry per number that failed. */
  errors: ErrorDetail[];
  /** Warnings about numbers that succeeded. */
  warnings: TnOptionWarning[];
  /** Every status the order has reached. */
  history: TnOptionHistoryEntry[];
  /** When the order moves to PROCESSING (epoch ms). */
  processingAtMs: number;
  /** When the order reaches its final status (epoch ms). */
  dueAtMs: number;
}

/** A number's A2P (10DLC) state as the per-number read reports it. */
export interface A2pState {
  /** OVERRIDDEN: set on the number; OFF: the number is a person-to-person number. */
  state: "OVERRIDDEN" | "OFF";
  /** The campaign the number is assigned to. */
  campaignId?: string;
  /** The message class. */
  messageClass?: string;
}

/** The options set on one number by completed TN option orders (absent: the system default). */
export interface NumberSettings extends TnOptionValues {
  /** The number's A2P state; absent: the location's (system default). */
  a2p?: A2pState;
  /** The order that last changed the number. */
  lastOrderId: string;
  /** When it last changed (ISO 8601). */
  lastModified: string;
}

/** A number in service, as the per-number read reports it. */
export interface NumberDetails {
  /** The 10-digit number. */
  telephoneNumber: string;
  /** The account holding it. */
  accountId: string;
  /** Its site. */
  siteId?: string;
  /** Its SIP peer (location). */
  peerId?: string;
  /** When its status last changed. */
  lastModified: string;
  /** Whether text messages reach it: its own setting, else its location's SMS feature. */
  smsEnabled: boolean;
  /** The options set on it; absent when none has been. */
  settings?: NumberSettings;
}

/** What the TN option model asks of the Numbers API and provisioning models. */
export interface TnOptionHooks {
  /** Whether the number is in service on the account. */
  isInService(accountId: string, tn: string): boolean;
  /** Site, peer and last change of a number in service. */
  placement(tn: string):
    | {
        /** The site the number is on. */
        siteId?: string;
        /** The location (SIP peer) the number is on. */
        peerId?: string;
        /** When the number last changed (ISO 8601). */
        lastModified: string;
      }
    | undefined;
  /** Whether the number's location has the SMS feature on. */
  smsOnLocation(accountId: string, tn: string): boolean;
  /** How long an order takes to reach its final status (the emulator's order delay). */
  delayMs(): number;
}

/** The TN option model's part of a state file. */
export interface TnOptionsSnapshot {
  /** Every TN option order. */
  orders: TnOptionOrderRecord[];
  /** The options on each number, by 10-digit number. */
  settings: Array<[string, NumberSettings]>;
}

/** The filters of the orders list. */
export interface TnOptionListFilter {
  /** Only orders in one of these statuses (upper case). */
  status?: string[];
  /** Only orders that name this number (10 digits, or E.164). */
  tn?: string;
  /** Only orders with this CustomerOrderId. */
  customerOrderId?: string;
  /** Only orders whose id starts with this. */
  orderIdFragment?: string;
}

const NANP = /^(?:\+?1)?([2-9]\d{2}[2-9]\d{6})$/;
const CUSTOMER_ORDER_ID = /^[A-Za-z0-9 -]{1,40}$/;
const A2P_ACTIONS: readonly A2pAction[] = ["unchanged", "systemDefault", "off", "delete", "asSpecified"];

interface OptionRule {
  /** Accepted values (compared without case), or a pattern for free values. */
  values: readonly string[];
  pattern?: RegExp;
  code: string;
}

const KEEP = ["unchanged", "systemDefault"];

/** Each option's accepted values and the code Bandwidth refuses others with (errors.mdx). */
const OPTION_RULES: Readonly<Record<keyof TnOptionValues, OptionRule>> = {
  sms: {
    values: ["on", "off", "unchanged"],
    code: C.sms,
  },
  callingNameDisplay: {
    values: ["on", "off", ...KEEP],
    code: C.callingNameDisplay,
  },
  portOutPasscode: {
    values: KEEP,
    pattern: /^[A-Za-z0-9]{4,10}$/,
    code: C.portOutPasscode,
  },
  numberFormat: {
    values: ["10digit", "11digit", "e164", ...KEEP],
    code: C.numberFormat,
  },
  rpidFormat: {
    values: ["10digit", "11digit", "e164", ...KEEP],
    code: C.rpidFormat,
  },
  rewriteUser: {
    values: KEEP,
    pattern: /^[\w.+-]{1,64}$/,
    code: C.rewriteUser,
  },
  callForward: {
    values: KEEP,
    pattern: /^[2-9]\d{2}[2-9]\d{6}$/,
    code: C.callForward,
  },
  protected: {
    values: ["true", "false", ...KEEP],
    code: C.protected,
  },
  finalDestinationUri: {
    values: KEEP,
    pattern: /^(?:[2-9]\d{2}[2-9]\d{6}|(?:sip:)?[A-Za-z0-9+._-]+@[0-9.]+(?::\d+)?)$/,
    code: C.finalDestinationUri,
  },
  pindropEnabled: {
    values: ["true", "false"],
    code: C.undocumented,
  },
  callVerificationEnabled: {
    values: ["true", "false"],
    code: C.undocumented,
  },
};
const OPTION_KEYS = Object.keys(OPTION_RULES) as Array<keyof TnOptionValues>;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The canonical spelling of an accepted value, or undefined when the rule refuses it. */
function canonical(rule: OptionRule, value: string): string | undefined {
  const listed = rule.values.find((v) => v.toLowerCase() === value.toLowerCase());
  if (listed !== undefined) return listed;
  return rule.pattern?.test(value) ? value : undefined;
}

const HISTORY_NOTES: Readonly<Record<TnOptionStatus, string>> = {
  RECEIVED: "Order has been received by the system.",
  PROCESSING: "Order processing has started.",
  COMPLETE: "Order is complete.",
  PARTIAL: "Order is partially complete.",
  FAILED: "Order has failed.",
};

/**
 * TN option orders: validated on receipt, applied per number after the order delay (RECEIVED, PROCESSING, then
 * COMPLETE, PARTIAL or FAILED with one error per failed number), and the options each number ends up with.
 * Never touches HTTP or XML.
 */
export class TnOptionsModel {
  private orders = new Map<string, TnOptionOrderRecord>();
  private pending = new Set<string>();
  private settings = new Map<string, NumberSettings>();
  private timer?: NodeJS.Timeout;
  private running = false;
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly hooks: TnOptionHooks,
    private readonly now: () => number = Date.now,
  ) {}

  // ---- orders ---------------------------------------------------------------------------------------------------

  /** Validates and records an order (RECEIVED); a broken rule refuses it whole. */
  placeOrder(accountId: string, createdByUser: string, input: TnOptionOrderInput): TnOptionOrderRecord {
    if (input.groups.some((g) => g.originationRoutePlan)) {
      throw new TnOptionFeatureNotEnabled({
        code: C.routePlanNotEnabled,
        description: "Origination route plan is not enabled for the account.",
      });
    }
    const errors: ErrorDetail[] = [];
    if (input.customerOrderId !== undefined && !CUSTOMER_ORDER_ID.test(input.customerOrderId)) {
      errors.push({
        code: C.customerOrderId,
        description: "CustomerOrderId can contain only alphanumeric values, dashes and spaces, 40 characters at most",
      });
    }
    if (input.groups.length === 0) errors.push({ code: C.tnRequired, description: "Telephone number is required." });
    const seen = new Set<string>();
    const groups = input.groups.map((g) => this.validateGroup(g, seen, errors));
    if (errors.length > 0) throw new TnOptionOrderInvalid(errors);
    const now = this.now();
    const delay = Math.max(0, this.hooks.delayMs());
    const order: TnOptionOrderRecord = {
      orderId: randomUUID(),
      accountId,
      createdByUser,
      customerOrderId: input.customerOrderId,
      name: input.name,
      orderCreateDate: iso(now),
      lastModifiedDate: iso(now),
      status: "RECEIVED",
      groups,
      errors: [],
      warnings: [],
      history: [{ date: iso(now), status: "RECEIVED", note: HISTORY_NOTES.RECEIVED, author: createdByUser }],
      processingAtMs: now + Math.floor(delay / 2),
      dueAtMs: now + delay,
    };
    this.orders.set(order.orderId, order);
    this.pending.add(order.orderId);
    this.changed();
    return order;
  }

  private validateGroup(g: TnOptionGroupInput, seen: Set<string>, errors: ErrorDetail[]): TnOptionGroupRecord {
    const numbers: string[] = [];
    if (g.telephoneNumbers.length === 0)
      errors.push({ code: C.tnRequired, description: "Telephone number is required." });
    for (const sent of g.telephoneNumbers) {
      const tn = NANP.exec(sent.trim())?.[1];
      if (!tn) {
        errors.push({ code: C.invalidTn, description: "Telephone number is invalid.", telephoneNumber: sent });
      } else if (seen.has(tn)) {
        errors.push({ code: C.duplicateTn, description: "Duplicate telephone number.", telephoneNumber: tn });
      } else {
        seen.add(tn);
        numbers.push(tn);
      }
    }
    const record: TnOptionGroupRecord = { telephoneNumbers: numbers };
    for (const key of OPTION_KEYS) {
      const sent = g[key];
      if (sent === undefined) continue;
      const rule = OPTION_RULES[key];
      const value = canonical(rule, sent.trim());
      if (value === undefined) errors.push({ code: rule.code, description: describeInvalid(rule.code, key, sent) });
      else record[key] = value;
    }
    if (g.a2p) record.a2p = this.validateA2p(g.a2p, errors);
    const applies = OPTION_KEYS.some((k) => record[k] !== undefined) || record.a2p !== undefined;
    if (!applies) {
      errors.push({
        code: C.noAttribute,
        description: `At least one of the TN option attributes must be applied for ${numbers.join(", ")}`,
      });
    }
    return record;
  }

  private validateA2p(a2p: A2pInput, errors: ErrorDetail[]): TnOptionGroupRecord["a2p"] {
    const sent = a2p.action?.trim() ?? "asSpecified";
    const action = A2P_ACTIONS.find((a) => a.toLowerCase() === sent.toLowerCase());
    if (!action) {
      errors.push({
        code: C.a2pAction,
        description: "Action value is invalid. Valid values are: 'unchanged', 'systemDefault', 'off', 'asSpecified'.",
      });
      return undefined;
    }
    const attributes = [a2p.campaignId, a2p.messageClass].filter((v) => v !== undefined);
    if (action !== "asSpecified" && attributes.length > 0) {
      errors.push({
        code: C.a2pAttributeWithAction,
        description:
          "A campaign or message class is incompatible with such 'Action' values: 'off, systemDefault, unchanged'",
      });
    }
    if (attributes.some((v) => v!.trim().length === 0 || v!.length > 64)) {
      errors.push({
        code: C.a2pAttributeWithAction,
        description: "Campaign and message class take 1 to 64 characters",
      });
    }
    return { action, campaignId: a2p.campaignId?.trim(), messageClass: a2p.messageClass?.trim() };
  }

  /** An order of this account, or TnOptionOrderNotFound. */
  getOrder(accountId: string, orderId: string): TnOptionOrderRecord {
    const order = this.orders.get(orderId);
    if (!order || order.accountId !== accountId) throw new TnOptionOrderNotFound(orderId);
    return order;
  }

  /** Orders of an account, oldest first, filtered. */
  listOrders(accountId: string, filter: TnOptionListFilter = {}): TnOptionOrderRecord[] {
    const tn = filter.tn === undefined ? undefined : (NANP.exec(filter.tn)?.[1] ?? filter.tn);
    return [...this.orders.values()].filter(
      (o) =>
        o.accountId === accountId &&
        (filter.status === undefined || filter.status.includes(o.status)) &&
        (filter.customerOrderId === undefined || o.customerOrderId === filter.customerOrderId) &&
        (filter.orderIdFragment === undefined || o.orderId.startsWith(filter.orderIdFragment)) &&
        (tn === undefined || o.groups.some((g) => g.telephoneNumbers.includes(tn))),
    );
  }

  // ---- the state machine ----------------------------------------------------------------------------------------

  /** Starts the timer (processes anything already due). */
  start(): void {
    this.running = true;
    this.reschedule();
  }

  /** Stops the timer; pending orders keep their due times. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running || this.pending.size === 0) return;
    let due = Number.POSITIVE_INFINITY;
    for (const id of this.pending) {
      const o = this.orders.get(id)!;
      due = Math.min(due, o.status === "RECEIVED" ? o.processingAtMs : o.dueAtMs);
    }
    this.timer = setTimeout(() => this.runDue(), Math.max(0, due - this.now()));
    this.timer.unref();
  }

  /** Moves every order whose time has come: to PROCESSING, or to its final status. */
  runDue(): void {
    const now = this.now();
    let changed = false;
    const due = [...this.pending].map((id) => this.orders.get(id)!).sort((a, b) => a.dueAtMs - b.dueAtMs);
    for (const order of due) {
      if (order.status === "RECEIVED" && order.processingAtMs <= now) {
        this.step(order, "PROCESSING", now);
        changed = true;
      }
      if (order.dueAtMs <= now) {
        this.process(order, now);
        changed = true;
      }
    }
    if (changed) this.changed();
    else this.reschedule();
  }

  private step(order: TnOptionOrderRecord, status: TnOptionStatus, now: number): void {
    order.status = status;
    order.lastModifiedDate = iso(now);
    order.history.push({ date: iso(now), status, note: HISTORY_NOTES[status], author: "system" });
  }

  private process(order: TnOptionOrderRecord, now: number): void {
    if (order.status === "RECEIVED") this.step(order, "PROCESSING", now);
    let applied = 0;
    let failed = 0;
    for (const group of order.groups) {
      for (const tn of group.telephoneNumbers) {
        const error = this.applyToNumber(order, group, tn, now);
        if (error) {
          order.errors.push(error);
          failed += 1;
        } else applied += 1;
      }
    }
    this.pending.delete(order.orderId);
    this.step(order, failed === 0 ? "COMPLETE" : applied === 0 ? "FAILED" : "PARTIAL", now);
  }

  /** Applies a group to one number; an error entry when the number refuses it (nothing changes then). */
  private applyToNumber(
    order: TnOptionOrderRecord,
    group: TnOptionGroupRecord,
    tn: string,
    now: number,
  ): ErrorDetail | undefined {
    if (!this.hooks.isInService(order.accountId, tn)) {
      return { code: C.notOnAccount, description: D[C.notOnAccount], telephoneNumber: tn };
    }
    const current = this.settings.get(tn);
    const sms = group.sms === "on" || group.sms === "off" ? group.sms : current?.sms;
    const smsOn = sms === undefined ? this.hooks.smsOnLocation(order.accountId, tn) : sms === "on";
    if (group.a2p?.action === "asSpecified" && !smsOn) {
      return { code: C.smsOffForA2p, description: D[C.smsOffForA2p], telephoneNumber: tn };
    }
    if (group.sms === "on" && current?.sms === "on") {
      order.warnings.push({ telephoneNumber: tn, description: "SMS is already Enabled or number is in processing." });
    }
    const next: NumberSettings = { ...current, lastOrderId: order.orderId, lastModified: iso(now) };
    for (const key of OPTION_KEYS) {
      const value = group[key];
      if (value === undefined || value === "unchanged") continue;
      if (value === "systemDefault") delete next[key];
      else next[key] = value;
    }
    if (group.a2p) next.a2p = nextA2p(current?.a2p, group.a2p);
    if (next.a2p === undefined) delete next.a2p;
    this.settings.set(tn, next);
    return undefined;
  }

  // ---- numbers ----------------------------------------------------------------------------------------------------

  /** The options on a number in service on the account, as the per-number read reports them. */
  numberDetails(accountId: string, sent: string): NumberDetails {
    const tn = NANP.exec(sent)?.[1];
    if (!tn) throw new TelephoneNumberInvalid(sent);
    const placement = this.hooks.placement(tn);
    if (!placement || !this.hooks.isInService(accountId, tn)) throw new TelephoneNumberNotFound(tn);
    const settings = this.settings.get(tn);
    const sms = settings?.sms;
    return {
      telephoneNumber: tn,
      accountId,
      siteId: placement.siteId,
      peerId: placement.peerId,
      lastModified: settings?.lastModified ?? placement.lastModified,
      smsEnabled: sms === undefined ? this.hooks.smsOnLocation(accountId, tn) : sms === "on",
      settings,
    };
  }

  /** The options on a number, whoever holds it (the emulator page). */
  settingsOf(tn: string): NumberSettings | undefined {
    return this.settings.get(tn);
  }

  /** A number left its account: its options go back to the system default. */
  numberReleased(tn: string): void {
    if (this.settings.delete(tn)) this.onChange?.();
  }

  private changed(): void {
    this.reschedule();
    this.onChange?.();
  }

  // ---- state --------------------------------------------------------------------------------------------------------

  /** No orders, no options. */
  reset(): void {
    this.orders.clear();
    this.pending.clear();
    this.settings.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Everything needed to resume, pending due times included. */
  snapshot(): TnOptionsSnapshot {
    return { orders: [...this.orders.values()], settings: [...this.settings.entries()] };
  }

  /** Replaces the state with a snapshot (absent in state files written before TN option orders existed). */
  restore(s: TnOptionsSnapshot | undefined): void {
    this.reset();
    for (const o of s?.orders ?? []) {
      this.orders.set(o.orderId, o);
      if (o.status === "RECEIVED" || o.status === "PROCESSING") this.pending.add(o.orderId);
    }
    for (const [tn, settings] of s?.settings ?? []) this.settings.set(tn, settings);
    this.reschedule();
  }
}

/** A number's A2P state after an action. */
function nextA2p(current: A2pState | undefined, a2p: NonNullable<TnOptionGroupRecord["a2p"]>): A2pState | undefined {
  switch (a2p.action) {
    case "unchanged":
      return current;
    case "systemDefault":
      return undefined;
    case "off":
      return { state: "OFF" };
    case "delete":
      return current && { ...current, campaignId: undefined };
    case "asSpecified":
      return {
        state: "OVERRIDDEN",
        campaignId: a2p.campaignId ?? current?.campaignId,
        messageClass: a2p.messageClass ?? current?.messageClass,
      };
  }
}
