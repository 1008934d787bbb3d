import { randomUUID } from "node:crypto";
import { type ErrorDetail, NotFoundError } from "../errors";
import type { SiteSeed } from "../models";
import { ProvisioningError, PROVISIONING_CODES as C, refuse } from "./errors";

/** Callback credentials as a request sends them. */
export interface CredsInput {
  /** `UserId` as sent. */
  userId?: string;
  /** `Password` as sent (never kept). */
  password?: string;
}

/** A location's origination (inbound voice) settings. */
export interface OriginationRecord {
  /** `SIP` or `HTTP`. */
  voiceProtocol: "SIP" | "HTTP";
  /** The Voice-V2 application of HTTP voice. */
  httpVoiceV2AppId?: string;
}

/** Origination settings as a request sends them. */
export interface OriginationInput {
  /** `VoiceProtocol` as sent. */
  voiceProtocol?: string;
  /** `HttpVoiceV2AppId` as sent. */
  httpVoiceV2AppId?: string;
}

/** A location and its site. */
export interface SiteAndPeer {
  /** The site. */
  site: SiteRecord;
  /** The location (SIP peer). */
  peer: PeerRecord;
}

/** Whether a site, and a location under it, exist. */
export interface SiteKnown {
  /** The site exists on the account. */
  site: boolean;
  /** The location exists under that site (true when none was asked for). */
  peer: boolean;
}

/** One location in the state dump. */
export interface LocationSummary {
  /** The SIP peer's id. */
  peerId: string;
  /** The SIP peer's name. */
  peerName: string;
  /** Whether it is its site's default. */
  isDefaultPeer: boolean;
  /** The Voice-V2 application of HTTP voice, if any. */
  voice?: string;
  /** Whether the SMS feature is on. */
  sms: boolean;
  /** The linked Messaging-V2 application, if any. */
  messaging?: string;
}

/** One site in the state dump. */
export interface SiteSummary {
  /** The site's id. */
  siteId: string;
  /** The site's name. */
  name: string;
  /** Its locations. */
  locations: LocationSummary[];
}

/** What an account holds of Bandwidth's v2 model, for the state dump. */
export interface ProvisioningSummary {
  /** Every application: id, service type, name. */
  applications: Array<Pick<ApplicationRecord, "applicationId" | "serviceType" | "appName">>;
  /** Every site with its locations. */
  sites: SiteSummary[];
}

/** Basic-auth user of an application's callbacks. The password is accepted but never kept (Bandwidth never echoes it). */
export interface CallbackCredsRecord {
  /** The callback user name (the password is never kept). */
  userId: string;
}

/** A v2 application (`Voice-V2` or `Messaging-V2`). */
export interface ApplicationRecord {
  /** The Dashboard account it belongs to. */
  accountId: string;
  /** The application's id (a UUID). */
  applicationId: string;
  /** `Voice-V2` or `Messaging-V2`. */
  serviceType: "Voice-V2" | "Messaging-V2";
  /** The application's name (`AppName`). */
  appName: string;
  /** `CallInitiatedCallbackUrl` as on the wire. */
  callInitiatedCallbackUrl?: string;
  /** `CallInitiatedMethod` as on the wire. */
  callInitiatedMethod?: string;
  /** `CallStatusCallbackUrl` as on the wire. */
  callStatusCallbackUrl?: string;
  /** `CallStatusMethod` as on the wire. */
  callStatusMethod?: string;
  /** `CallbackCreds` as on the wire. */
  callbackCreds?: CallbackCredsRecord;
  /** `CallInitiatedFallbackUrl` as on the wire. */
  callInitiatedFallbackUrl?: string;
  /** `CallInitiatedFallbackMethod` as on the wire. */
  callInitiatedFallbackMethod?: string;
  /** `CallInitiatedFallbackCreds` as on the wire. */
  callInitiatedFallbackCreds?: CallbackCredsRecord;
  /** `CallbackTimeout` as on the wire. */
  callbackTimeout?: string;
  /** `InboundCallbackUrl` as on the wire. */
  inboundCallbackUrl?: string;
  /** `OutboundCallbackUrl` as on the wire. */
  outboundCallbackUrl?: string;
  /** `InboundCallbackCreds` as on the wire. */
  inboundCallbackCreds?: CallbackCredsRecord;
  /** `OutboundCallbackCreds` as on the wire. */
  outboundCallbackCreds?: CallbackCredsRecord;
  /** `RequestedCallbackTypes` as on the wire. */
  requestedCallbackTypes?: string[];
}

/** What the wire layer reads from an `<Application>` body; every value a raw string. */
export interface ApplicationInput {
  /** `Voice-V2` or `Messaging-V2`. */
  serviceType?: string;
  /** The application's name (`AppName`). */
  appName?: string;
  /** `CallInitiatedCallbackUrl` as on the wire. */
  callInitiatedCallbackUrl?: string;
  /** `CallInitiatedMethod` as on the wire. */
  callInitiatedMethod?: string;
  /** `CallStatusCallbackUrl` as on the wire. */
  callStatusCallbackUrl?: string;
  /** `CallStatusMethod` as on the wire. */
  callStatusMethod?: string;
  /** `CallbackCreds` as on the wire. */
  callbackCreds?: CredsInput;
  /** `CallInitiatedFallbackUrl` as on the wire. */
  callInitiatedFallbackUrl?: string;
  /** `CallInitiatedFallbackMethod` as on the wire. */
  callInitiatedFallbackMethod?: string;
  /** `CallInitiatedFallbackCreds` as on the wire. */
  callInitiatedFallbackCreds?: CredsInput;
  /** `CallbackTimeout` as on the wire. */
  callbackTimeout?: string;
  /** `InboundCallbackUrl` as on the wire. */
  inboundCallbackUrl?: string;
  /** `OutboundCallbackUrl` as on the wire. */
  outboundCallbackUrl?: string;
  /** `InboundCallbackCreds` as on the wire. */
  inboundCallbackCreds?: CredsInput;
  /** `OutboundCallbackCreds` as on the wire. */
  outboundCallbackCreds?: CredsInput;
  /** `RequestedCallbackTypes` as on the wire. */
  requestedCallbackTypes?: string[];
}

/** A site (sub-account). */
export interface SiteRecord {
  /** The Dashboard account it belongs to. */
  accountId: string;
  /** The site's id. */
  siteId: string;
  /** `Name` as on the wire. */
  name: string;
  /** `Description` as on the wire. */
  description?: string;
  /** `CustomerName` as on the wire. */
  customerName?: string;
  /** `CustomerProvidedId` as on the wire. */
  customerProvidedId?: string;
  /** The address fields as sent (`HouseNumber`, `StreetName`, ...). */
  address?: Record<string, string>;
  /** Seeded with the account (kept by a reset). */
  seeded?: boolean;
}

/** What the wire layer reads from a `<Site>` body. */
export interface SiteInput {
  /** `Name` as on the wire. */
  name?: string;
  /** `Description` as on the wire. */
  description?: string;
  /** `CustomerName` as on the wire. */
  customerName?: string;
  /** `CustomerProvidedId` as on the wire. */
  customerProvidedId?: string;
  /** The address fields as sent (`HouseNumber`, `StreetName`, ...). */
  address?: Record<string, string>;
}

/** A location (SIP peer) and its product settings. */
export interface PeerRecord {
  /** The Dashboard account it belongs to. */
  accountId: string;
  /** The site's id. */
  siteId: string;
  /** The SIP peer's (location's) id. */
  peerId: string;
  /** The SIP peer's name (`PeerName`). */
  peerName: string;
  /** `Description` as on the wire. */
  description?: string;
  /** Whether it is its site's default SIP peer. */
  isDefaultPeer: boolean;
  /** Origination settings; absent until first set. */
  origination?: OriginationRecord;
  /** The SMS feature's settings as sent (Protocol HTTP); absent when the feature is off. */
  smsFeature?: Record<string, string>;
  /** The linked Messaging-V2 application. */
  messagingAppId?: string;
  /** Seeded with the account (kept by a reset). */
  seeded?: boolean;
}

/** What the wire layer reads from a `<SipPeer>` body. */
export interface PeerInput {
  /** The SIP peer's name (`PeerName`). */
  peerName?: string;
  /** `Description` as on the wire. */
  description?: string;
  /** Whether it is its site's default SIP peer. */
  isDefaultPeer?: string;
}

/** What the provisioning model asks of the rest of the emulator. */
export interface ProvisioningHooks {
  /** Numbers in service on a location (orders without a PeerId land on the site's default location). */
  numbersOnPeer(accountId: string, siteId: string, peerId: string, isDefaultPeer: boolean): string[];
}

/** Everything persisted to the state file (no callback password is ever kept). */
export interface ProvisioningSnapshot {
  /** Every application. */
  applications: ApplicationRecord[];
  /** Every site. */
  sites: SiteRecord[];
  /** Every SIP peer. */
  peers: PeerRecord[];
  /** The id the next site gets. */
  nextSiteId: number;
  /** The id the next SIP peer gets. */
  nextPeerId: number;
}

/** The sites and SIP peers an account starts with. */
export interface SeededSites {
  /** The Dashboard account it belongs to. */
  accountId: string;
  /** Every site. */
  sites: SiteSeed[];
}

const SERVICE_TYPES = new Set(["Voice-V2", "Messaging-V2"]);
const METHODS = new Set(["GET", "POST"]);
const CALLBACK_TYPES = new Set(["message-delivered", "message-failed", "message-sending"]);
const URL_RE = /^https?:\/\/\S+$/i;
const FIRST_SITE_ID = 10_000;
const FIRST_PEER_ID = 700_000;

/** Maps are keyed by account too: two seeded accounts may both start with site 461. */
function key(accountId: string, id: string): string {
  return `${accountId}/${id}`;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === "" ? undefined : v;
}

/**
 * The emulator's applications, sites and locations, with the rules and refusals Bandwidth documents for them
 * (codes in PROVISIONING_CODES). Never touches HTTP or XML.
 */
export class ProvisioningModel {
  private applications = new Map<string, ApplicationRecord>();
  private sites = new Map<string, SiteRecord>();
  private peers = new Map<string, PeerRecord>();
  private nextSiteId = FIRST_SITE_ID;
  private nextPeerId = FIRST_PEER_ID;
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly seeds: SeededSites[],
    private readonly hooks: ProvisioningHooks,
  ) {
    this.seed();
  }

  private seed(): void {
    for (const account of this.seeds) {
      for (const s of account.sites) {
        this.sites.set(key(account.accountId, s.siteId), {
          accountId: account.accountId,
          siteId: s.siteId,
          name: `Site ${s.siteId}`.slice(0, 10),
          seeded: true,
        });
        s.peerIds.forEach((peerId, i) => {
          this.peers.set(key(account.accountId, peerId), {
            accountId: account.accountId,
            siteId: s.siteId,
            peerId,
            peerName: `Peer ${peerId}`.slice(0, 10),
            isDefaultPeer: i === 0,
            seeded: true,
          });
        });
      }
    }
  }

  private changed(): void {
    this.onChange?.();
  }

  // ---- applications -----------------------------------------------------------------------------------------

  private static creds(
    c: CredsInput | undefined,
    field: string,
    errors: ErrorDetail[],
  ): CallbackCredsRecord | undefined {
    if (c === undefined) return undefined;
    const userId = c.userId ?? "";
    const password = c.password ?? "";
    if (userId === "" && password !== "") {
      errors.push({ code: C.passwordWithoutUser, description: "Can not save password without user name" });
      return undefined;
    }
    if (userId.length < 6 || userId.length > 63 || password.length < 6 || password.length > 63) {
      errors.push({
        code: C.outOfRange,
        description: `${field} UserId and Password must be between 6 and 63 characters`,
      });
      return undefined;
    }
    return { userId };
  }

  private buildApplication(accountId: string, applicationId: string, input: ApplicationInput): ApplicationRecord {
    const errors: ErrorDetail[] = [];
    const serviceType = clean(input.serviceType);
    if (serviceType === undefined) errors.push({ code: C.required, description: "ServiceType is required" });
    else if (!SERVICE_TYPES.has(serviceType)) {
      errors.push({ code: C.invalidServiceType, description: "Service Type is not valid" });
    }
    const appName = clean(input.appName);
    if (appName === undefined) errors.push({ code: C.appNameRequired, description: "Application Name required" });
    const urls: Array<keyof ApplicationInput> = [
      "callInitiatedCallbackUrl",
      "callStatusCallbackUrl",
      "callInitiatedFallbackUrl",
      "inboundCallbackUrl",
      "outboundCallbackUrl",
    ];
    for (const key of urls) {
      const v = clean(input[key] as string | undefined);
      if (v !== undefined && !URL_RE.test(v)) {
        errors.push({
          code: C.invalidUrl,
          description:
            "The format of the requested URL is invalid - It should be a valid format for an Internet destination",
        });
      }
    }
    for (const key of ["callInitiatedMethod", "callStatusMethod", "callInitiatedFallbackMethod"] as const) {
      const v = clean(input[key]);
      if (v !== undefined && !METHODS.has(v.toUpperCase())) {
        errors.push({ code: C.invalidMethod, description: "Invalid HTTP method specified. GET or POST required" });
      }
    }
    const record: ApplicationRecord = {
      accountId,
      applicationId,
      serviceType: serviceType as ApplicationRecord["serviceType"],
      appName: appName ?? "",
    };
    if (serviceType === "Voice-V2") {
      const initiated = clean(input.callInitiatedCallbackUrl);
      if (initiated === undefined) {
        errors.push({ code: C.required, description: "CallInitiatedCallbackUrl is required" });
      }
      const timeout = clean(input.callbackTimeout);
      if (timeout !== undefined && !(/^\d+$/.test(timeout) && Number(timeout) >= 1 && Number(timeout) <= 25)) {
        errors.push({
          code: C.outOfRange,
          description: "CallbackTimeout must be between 1 and 25 (bounds are included)",
        });
      }
      Object.assign(record, {
        callInitiatedCallbackUrl: initiated,
        callInitiatedMethod: clean(input.callInitiatedMethod)?.toUpperCase() ?? "POST",
        callStatusCallbackUrl: clean(input.callStatusCallbackUrl),
        callStatusMethod: clean(input.callStatusCallbackUrl)
          ? (clean(input.callStatusMethod)?.toUpperCase() ?? "POST")
          : undefined,
        callbackCreds: ProvisioningModel.creds(input.callbackCreds, "CallbackCreds", errors),
        callInitiatedFallbackUrl: clean(input.callInitiatedFallbackUrl),
        callInitiatedFallbackMethod: clean(input.callInitiatedFallbackUrl)
          ? (clean(input.callInitiatedFallbackMethod)?.toUpperCase() ?? "POST")
          : undefined,
        callInitiatedFallbackCreds: ProvisioningModel.creds(
          input.callInitiatedFallbackCreds,
          "CallInitiatedFallbackCreds",
          errors,
        ),
        callbackTimeout: timeout,
      });
    } else if (serviceType === "Messaging-V2") {
      const inbound = clean(input.inboundCallbackUrl);
      if (inbound === undefined) {
        errors.push({ code: C.inboundRequired, description: "The inbound callback URL must be specified" });
      }
      const types = input.requestedCallbackTypes ?? [];
      for (const t of types) {
        if (!CALLBACK_TYPES.has(t)) {
          errors.push({ code: C.invalidValue, description: `'${t}' is not a valid value` });
        }
      }
      Object.assign(record, {
        inboundCallbackUrl: inbound,
        outboundCallbackUrl: clean(input.outboundCallbackUrl),
        inboundCallbackCreds: ProvisioningModel.creds(input.inboundCallbackCreds, "InboundCallbackCreds", errors),
        outboundCallbackCreds: ProvisioningModel.creds(input.outboundCallbackCreds, "OutboundCallbackCreds", errors),
        // Bandwidth's guide shows all three types echoed for an application created without the list.
        requestedCallbackTypes: types.length > 0 ? [...new Set(types)] : [...CALLBACK_TYPES],
      });
    }
    // Credentials travel only over HTTPS (12812): each set of credentials against the URLs it is sent to.
    const pairs: Array<[CallbackCredsRecord | undefined, Array<string | undefined>]> = [
      [record.callbackCreds, [record.callInitiatedCallbackUrl, record.callStatusCallbackUrl]],
      [record.callInitiatedFallbackCreds, [record.callInitiatedFallbackUrl]],
      [record.inboundCallbackCreds, [record.inboundCallbackUrl]],
      [record.outboundCallbackCreds, [record.outboundCallbackUrl]],
    ];
    if (pairs.some(([c, urls]) => c && urls.some((u) => u !== undefined && !/^https:/i.test(u)))) {
      errors.push({
        code: C.httpsWithCredentials,
        description: "HTTPS protocol is required if credentials are present.",
      });
    }
    if (errors.length > 0) throw refuse(400, errors);
    for (const key of Object.keys(record) as Array<keyof ApplicationRecord>) {
      if (record[key] === undefined) delete record[key];
    }
    return record;
  }

  /** POST /applications. */
  createApplication(accountId: string, input: ApplicationInput): ApplicationRecord {
    const record = this.buildApplication(accountId, randomUUID(), input);
    this.applications.set(record.applicationId, record);
    this.changed();
    return record;
  }

  /** An application of this account, or 404 (13629). */
  getApplication(accountId: string, applicationId: string): ApplicationRecord {
    const app = this.applications.get(applicationId);
    if (!app || app.accountId !== accountId) {
      throw new NotFoundError(`Application with id '${applicationId}' not found`, [
        { code: C.applicationNotFound, description: `Application with id '${applicationId}' not found` },
      ]);
    }
    return app;
  }

  /** The account's applications, in creation order. */
  listApplications(accountId: string): ApplicationRecord[] {
    return [...this.applications.values()].filter((a) => a.accountId === accountId);
  }

  /**
   * PUT replaces every field; PATCH changes only the fields sent (`remove` clears CallStatusCallbackUrl, as
   * documented). The service type never changes (12964).
   */
  updateApplication(
    accountId: string,
    applicationId: string,
    input: ApplicationInput,
    mode: "replace" | "patch",
  ): ApplicationRecord {
    const current = this.getApplication(accountId, applicationId);
    const sent = clean(input.serviceType);
    if (sent !== undefined && sent !== current.serviceType) {
      throw refuse(400, [
        { code: C.serviceTypeChange, description: "Service Type of Application could not be changed" },
      ]);
    }
    let merged: ApplicationInput = { ...input, serviceType: current.serviceType };
    if (mode === "patch") {
      const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      // A patch cannot resend passwords it never saw: credentials not in the patch keep a placeholder that passes.
      const keep = (c: CallbackCredsRecord | undefined) =>
        c ? { userId: c.userId, password: "kept-secret" } : undefined;
      merged = {
        ...current,
        callbackCreds: keep(current.callbackCreds),
        callInitiatedFallbackCreds: keep(current.callInitiatedFallbackCreds),
        inboundCallbackCreds: keep(current.inboundCallbackCreds),
        outboundCallbackCreds: keep(current.outboundCallbackCreds),
        ...defined,
        serviceType: current.serviceType,
      };
      if (merged.callStatusCallbackUrl?.toLowerCase() === "remove") merged.callStatusCallbackUrl = undefined;
    }
    const record = this.buildApplication(accountId, applicationId, merged);
    this.applications.set(applicationId, record);
    this.changed();
    return record;
  }

  /** The locations that reference an application (voice or messaging). */
  associatedPeers(accountId: string, applicationId: string): SiteAndPeer[] {
    this.getApplication(accountId, applicationId);
    return [...this.peers.values()]
      .filter(
        (p) =>
          p.accountId === accountId &&
          (p.messagingAppId === applicationId ||
            (p.origination?.voiceProtocol === "HTTP" && p.origination.httpVoiceV2AppId === applicationId)),
      )
      .map((peer) => ({ site: this.sites.get(key(accountId, peer.siteId))!, peer }));
  }

  /** DELETE /applications/{id}: refused while a location references it (12107, naming the locations). */
  deleteApplication(accountId: string, applicationId: string): void {
    const refs = this.associatedPeers(accountId, applicationId);
    if (refs.length > 0) {
      const names = refs.map((r) => `${r.peer.peerName} (${r.peer.peerId})`).join(", ");
      throw refuse(400, [
        {
          code: C.applicationInUse,
          description: `The Application cannot be removed until references in the following Locations are removed: ${names}`,
        },
      ]);
    }
    this.applications.delete(applicationId);
    this.changed();
  }

  // ---- sites ------------------------------------------------------------------------------------------------

  private validateSite(input: SiteInput): ErrorDetail[] {
    const errors: ErrorDetail[] = [];
    const name = clean(input.name);
    if (name === undefined) errors.push({ code: C.required, description: "Name is required" });
    else if (name.length > 10) {
      errors.push({
        code: C.outOfRange,
        description: "Name must be between 1 and 10 characters (bounds are included)",
      });
    }
    if (input.customerProvidedId !== undefined && !/^\d{0,10}$/.test(input.customerProvidedId)) {
      errors.push({ code: C.notNegativeNumber, description: "CustomerProvidedId must be a non-negative number" });
    }
    if (input.address !== undefined) {
      for (const f of ["HouseNumber", "StreetName", "City", "StateCode", "Zip", "AddressType"]) {
        if (!clean(input.address[f])) errors.push({ code: C.required, description: `Address ${f} is required` });
      }
      const type = input.address.AddressType;
      if (type && type !== "Billing" && type !== "Service") {
        errors.push({ code: C.invalidValue, description: `'${type}' is not a valid value` });
      }
    }
    return errors;
  }

  /** POST /sites. The address is optional here, as Bandwidth's 2026 CLI creates sites without one. */
  createSite(accountId: string, input: SiteInput): SiteRecord {
    const errors = this.validateSite(input);
    if (errors.length > 0) throw refuse(400, errors);
    const siteId = String(this.nextSiteId++);
    const site: SiteRecord = { accountId, siteId, name: clean(input.name)! };
    this.applySite(site, input);
    this.sites.set(key(accountId, siteId), site);
    this.changed();
    return site;
  }

  private applySite(site: SiteRecord, input: SiteInput): void {
    site.name = clean(input.name)!;
    site.description = clean(input.description);
    site.customerName = clean(input.customerName);
    site.customerProvidedId = clean(input.customerProvidedId);
    site.address = input.address ? { Country: "United States", ...input.address } : undefined;
    for (const key of Object.keys(site) as Array<keyof SiteRecord>) if (site[key] === undefined) delete site[key];
  }

  /** A site of this account, or 404 (12016). */
  getSite(accountId: string, siteId: string): SiteRecord {
    const site = this.sites.get(key(accountId, siteId));
    if (!site) {
      throw new NotFoundError(`Site '${siteId}' does not exist`, [
        { code: C.siteNotFound, description: `Site '${siteId}' does not exist` },
      ]);
    }
    return site;
  }

  /** The account's sites. */
  listSites(accountId: string): SiteRecord[] {
    return [...this.sites.values()].filter((s) => s.accountId === accountId);
  }

  /** PUT /sites/{s}: replaces the site's fields. */
  updateSite(accountId: string, siteId: string, input: SiteInput): SiteRecord {
    const site = this.getSite(accountId, siteId);
    const errors = this.validateSite(input);
    if (errors.length > 0) throw refuse(400, errors);
    this.applySite(site, input);
    this.changed();
    return site;
  }

  /**
   * DELETE /sites/{s}: only when no location is left. Bandwidth documents the rule but not its code, so the
   * emulator answers 400 with a description and no ErrorCode.
   */
  deleteSite(accountId: string, siteId: string): void {
    this.getSite(accountId, siteId);
    const left = this.listPeers(accountId, siteId);
    if (left.length > 0) {
      throw refuse(400, [
        {
          code: "",
          description: `Site '${siteId}' can only be deleted when no SIP Peer is attached to it; still attached: ${left
            .map((p) => p.peerId)
            .join(", ")}`,
        },
      ]);
    }
    this.sites.delete(key(accountId, siteId));
    this.changed();
  }

  // ---- locations (SIP peers) ----------------------------------------------------------------------------------

  /** A location of this site, or 400 13563 (the reference's answer for an unknown peer). */
  getPeer(accountId: string, siteId: string, peerId: string): PeerRecord {
    this.getSite(accountId, siteId);
    const peer = this.peers.get(key(accountId, peerId));
    if (!peer || peer.siteId !== siteId) {
      throw refuse(400, [
        {
          code: C.peerNotFound,
          description: `Sip Peer '${peerId}' account '${accountId}' and site '${siteId}' does not exist`,
        },
      ]);
    }
    return peer;
  }

  /** Whether a site (and, when given, a location under it) exists: what an order's SiteId/PeerId must name. */
  hasSite(accountId: string, siteId: string, peerId?: string): SiteKnown {
    const siteOk = this.sites.has(key(accountId, siteId));
    if (peerId === undefined || !siteOk) return { site: siteOk, peer: siteOk && peerId === undefined };
    const peer = this.peers.get(key(accountId, peerId));
    return { site: true, peer: peer !== undefined && peer.siteId === siteId };
  }

  /** Where a move may go: whether the site exists, the site the location is under, and the site's default location. */
  locate(
    accountId: string,
    siteId: string,
    peerId?: string,
  ): { site: boolean; peerSiteId?: string; defaultPeerId?: string } {
    const peer = peerId === undefined ? undefined : this.peers.get(key(accountId, peerId));
    return {
      site: this.sites.has(key(accountId, siteId)),
      peerSiteId: peer?.siteId,
      defaultPeerId: this.listPeers(accountId, siteId).find((p) => p.isDefaultPeer)?.peerId,
    };
  }

  /** The site's locations. */
  listPeers(accountId: string, siteId: string): PeerRecord[] {
    return [...this.peers.values()].filter((p) => p.accountId === accountId && p.siteId === siteId);
  }

  private parseDefault(value: string | undefined, errors: ErrorDetail[]): boolean | undefined {
    const v = clean(value)?.toLowerCase();
    if (v === undefined) return undefined;
    if (v !== "true" && v !== "false") {
      errors.push({ code: C.invalidValue, description: `'${value}' is not a valid value` });
      return undefined;
    }
    return v === "true";
  }

  private checkDescription(value: string | undefined, errors: ErrorDetail[]): void {
    const d = clean(value);
    if (d !== undefined && d.length > 50) {
      errors.push({
        code: C.peerDescriptionTooLong,
        description: `Description '${d}' is too long. Max length 50 characters`,
      });
    }
  }

  private validatePeerName(accountId: string, siteId: string, name: string | undefined, self?: string) {
    const errors: ErrorDetail[] = [];
    if (name === undefined) errors.push({ code: C.peerNameRequired, description: "Peer Name is required" });
    else if (name.length > 50) {
      errors.push({
        code: C.peerNameTooLong,
        description: `Peer Name '${name}' is too long. Max length 50 characters`,
      });
    } else if (this.listPeers(accountId, siteId).some((p) => p.peerName === name && p.peerId !== self)) {
      return {
        conflict: refuse(409, [
          {
            code: C.duplicatePeerName,
            description: `SipPeer name '${name}' already exists for Account '${accountId}' and Site '${siteId}'`,
          },
        ]),
        errors,
      };
    }
    return { errors };
  }

  /** POST /sites/{s}/sippeers; the first location of a site becomes its default. */
  createPeer(accountId: string, siteId: string, input: PeerInput): PeerRecord {
    this.getSite(accountId, siteId);
    const name = clean(input.peerName);
    const { errors, conflict } = this.validatePeerName(accountId, siteId, name);
    const isDefault = this.parseDefault(input.isDefaultPeer, errors);
    this.checkDescription(input.description, errors);
    if (errors.length > 0) throw refuse(400, errors);
    if (conflict) throw conflict;
    const siblings = this.listPeers(accountId, siteId);
    const peer: PeerRecord = {
      accountId,
      siteId,
      peerId: String(this.nextPeerId++),
      peerName: name!,
      isDefaultPeer: isDefault ?? siblings.length === 0,
    };
    const description = clean(input.description);
    if (description !== undefined) peer.description = description;
    // One default per site: a new default takes the flag from the old one.
    if (peer.isDefaultPeer) for (const p of siblings) p.isDefaultPeer = false;
    this.peers.set(key(accountId, peer.peerId), peer);
    this.changed();
    return peer;
  }

  /** PUT /sites/{s}/sippeers/{p}: name, description and default flag. */
  updatePeer(accountId: string, siteId: string, peerId: string, input: PeerInput): PeerRecord {
    const peer = this.getPeer(accountId, siteId, peerId);
    const name = clean(input.peerName);
    const { errors, conflict } = this.validatePeerName(accountId, siteId, name, peerId);
    const isDefault = this.parseDefault(input.isDefaultPeer, errors);
    this.checkDescription(input.description, errors);
    if (errors.length > 0) throw refuse(400, errors);
    if (conflict) throw conflict;
    const siblings = this.listPeers(accountId, siteId).filter((p) => p.peerId !== peerId);
    if (isDefault === false && peer.isDefaultPeer && siblings.length === 0) {
      throw refuse(400, [
        {
          code: C.defaultRequired,
          description: "IsDefaultPeer cannot be false right now. The account requires at least one Default Sip Peer",
        },
      ]);
    }
    peer.peerName = name!;
    const description = clean(input.description);
    if (description === undefined) delete peer.description;
    else peer.description = description;
    if (isDefault === true) for (const p of siblings) p.isDefaultPeer = false;
    if (isDefault !== undefined) peer.isDefaultPeer = isDefault;
    this.changed();
    return peer;
  }

  /** Numbers the location holds (in service, ordered into it or onto its site while it is the default). */
  peerNumbers(accountId: string, siteId: string, peerId: string): string[] {
    const peer = this.getPeer(accountId, siteId, peerId);
    return this.hooks.numbersOnPeer(accountId, siteId, peerId, peer.isDefaultPeer);
  }

  /**
   * DELETE /sites/{s}/sippeers/{p}, with Bandwidth's documented refusals in the order a careful server checks them:
   * numbers left (13555), SMS on (13613), HTTP voice (13652), default peer with siblings (13558).
   */
  deletePeer(accountId: string, siteId: string, peerId: string): void {
    const peer = this.getPeer(accountId, siteId, peerId);
    const numbers = this.peerNumbers(accountId, siteId, peerId);
    if (numbers.length > 0) {
      throw refuse(400, [
        {
          code: C.peerHasNumbers,
          description:
            "All Telephone Number porting activity affecting this Location must be completed, and all Telephone " +
            "Numbers must be removed from this Location, before the Location can be deleted.",
        },
      ]);
    }
    if (peer.smsFeature) {
      throw refuse(400, [{ code: C.peerHasSms, description: "Delete not allowed while a SIP Peer has SMS feature" }]);
    }
    if (peer.origination?.voiceProtocol === "HTTP") {
      throw refuse(400, [
        {
          code: C.peerHasHttpVoice,
          description: "Can not remove location which has HTTP voice configured. Please switch it to SIP first.",
        },
      ]);
    }
    if (peer.isDefaultPeer && this.listPeers(accountId, siteId).length > 1) {
      throw refuse(400, [
        {
          code: C.defaultPeerDelete,
          description: "Delete not allowed for default SIP Peer unless it is the only SIP Peer",
        },
      ]);
    }
    this.peers.delete(key(accountId, peerId));
    this.changed();
  }

  // ---- product settings ----------------------------------------------------------------------------------------

  /**
   * GET origination settings. numbers.yml documents only a 200 (HTTP or SIP): a location never configured answers
   * SIP (our choice; the provider also takes a 404).
   */
  getOrigination(accountId: string, siteId: string, peerId: string): OriginationRecord {
    return this.getPeer(accountId, siteId, peerId).origination ?? { voiceProtocol: "SIP" };
  }

  /**
   * POST (create) or PUT (update) origination settings. HTTP needs a Voice-V2 application on the account (13650)
   * and the application named must be one (13648, 13629).
   */
  setOrigination(
    accountId: string,
    siteId: string,
    peerId: string,
    input: OriginationInput,
    mode: "create" | "update",
  ): OriginationRecord {
    const peer = this.getPeer(accountId, siteId, peerId);
    if (mode === "create" && peer.origination) {
      // The POST documents 400 as its only refusal; 1009 is errors.mdx's "'%s' is duplicated".
      throw refuse(400, [{ code: C.duplicated, description: "'SipPeerOriginationSettings' is duplicated" }]);
    }
    // A PUT on a location never configured is taken: its GET already answers SIP, and PUT documents only a 200.
    const protocol = clean(input.voiceProtocol)?.toUpperCase();
    if (protocol !== "SIP" && protocol !== "HTTP") {
      throw refuse(400, [{ code: C.invalidValue, description: `'${protocol ?? ""}' is not a valid value` }]);
    }
    if (protocol === "SIP") {
      peer.origination = { voiceProtocol: "SIP" };
    } else {
      if (!this.listApplications(accountId).some((a) => a.serviceType === "Voice-V2")) {
        throw refuse(400, [
          {
            code: C.noVoiceApplications,
            description: `Can not select HTTP Voice protocol as Account '${accountId}' has no Voice Applications.`,
          },
        ]);
      }
      const appId = clean(input.httpVoiceV2AppId);
      if (appId === undefined) throw refuse(400, [{ code: C.required, description: "HttpVoiceV2AppId is required" }]);
      const app = this.getApplication(accountId, appId);
      if (app.serviceType !== "Voice-V2") {
        throw refuse(400, [
          {
            code: C.wrongServiceType,
            description: `Application service type '${app.serviceType}' is not allowed for HttpVoiceV2AppId.`,
          },
        ]);
      }
      peer.origination = { voiceProtocol: "HTTP", httpVoiceV2AppId: appId };
    }
    this.changed();
    return peer.origination;
  }

  /** GET the SMS feature; `undefined` when off (numbers.yml documents only a 200 for this GET). */
  getSmsFeature(accountId: string, siteId: string, peerId: string): Record<string, string> | undefined {
    return this.getPeer(accountId, siteId, peerId).smsFeature;
  }

  /** POST the SMS feature (Protocol HTTP, Zone1 true as the guide requires). */
  createSmsFeature(accountId: string, siteId: string, peerId: string, settings: Record<string, string>) {
    const peer = this.getPeer(accountId, siteId, peerId);
    if (peer.smsFeature) {
      // The POST documents 400 as its only refusal; 1009 is errors.mdx's "'%s' is duplicated".
      throw refuse(400, [{ code: C.duplicated, description: "'SipPeerSmsFeature' is duplicated" }]);
    }
    const errors: ErrorDetail[] = [];
    if (settings.Protocol?.toUpperCase() !== "HTTP") {
      errors.push({ code: C.invalidValue, description: `'${settings.Protocol ?? ""}' is not a valid value` });
    }
    if (settings.Zone1?.toLowerCase() !== "true")
      errors.push({ code: C.invalidValue, description: `'${settings.Zone1 ?? ""}' is not a valid value for Zone1` });
    for (const f of ["TollFree", "ShortCode", "Zone2", "Zone3", "Zone4", "Zone5"]) {
      const v = settings[f]?.toLowerCase();
      if (v !== undefined && v !== "true" && v !== "false") {
        errors.push({ code: C.invalidValue, description: `'${settings[f]}' is not a valid value for ${f}` });
      }
    }
    if (errors.length > 0) throw refuse(400, errors);
    peer.smsFeature = { ...settings, Protocol: "HTTP" };
    this.changed();
    return peer.smsFeature;
  }

  /** DELETE the SMS feature: 404 when off; refused while a messaging application is still linked. */
  deleteSmsFeature(accountId: string, siteId: string, peerId: string): void {
    const peer = this.getPeer(accountId, siteId, peerId);
    if (!peer.smsFeature) throw new NotFoundError("SMS settings do not exist");
    if (peer.messagingAppId) {
      // Undocumented: the emulator keeps the link's prerequisite while the link stands (the stricter answer).
      throw refuse(400, [
        {
          code: C.undocumented,
          description:
            "SMS feature can't be removed while a messaging application is assigned; set ApplicationsSettings to REMOVE first",
        },
      ]);
    }
    delete peer.smsFeature;
    this.changed();
  }

  /** GET messaging application settings (empty when none). */
  getMessagingApp(accountId: string, siteId: string, peerId: string): string | undefined {
    return this.getPeer(accountId, siteId, peerId).messagingAppId;
  }

  /**
   * PUT messaging application settings: an application id links (SMS must be on: 13645; the application must be
   * Messaging-V2: 13648), `REMOVE` unlinks; anything else is 13628.
   */
  setMessagingApp(
    accountId: string,
    siteId: string,
    peerId: string,
    input: { remove: boolean; httpMessagingV2AppId?: string },
  ): string | undefined {
    const peer = this.getPeer(accountId, siteId, peerId);
    if (input.remove) {
      delete peer.messagingAppId;
      this.changed();
      return undefined;
    }
    const appId = clean(input.httpMessagingV2AppId);
    if (appId === undefined || appId.toUpperCase() === "REMOVE") {
      throw refuse(400, [
        {
          code: C.invalidMessagingAppId,
          description: "The HttpMessagingV2AppId must either valid string or have 'REMOVE' value",
        },
      ]);
    }
    if (!peer.smsFeature) {
      throw refuse(400, [
        {
          code: C.smsRequired,
          description: "Please assign SMS or MM4 protocol to HTTP before associating the application to the location.",
        },
      ]);
    }
    const app = this.getApplication(accountId, appId);
    if (app.serviceType !== "Messaging-V2") {
      throw refuse(400, [
        {
          code: C.wrongServiceType,
          description: `Application service type '${app.serviceType}' is not allowed for HttpMessagingV2AppId.`,
        },
      ]);
    }
    peer.messagingAppId = appId;
    this.changed();
    return appId;
  }

  // ---- persistence -------------------------------------------------------------------------------------------

  /** Back to the seeded sites and locations, no application. */
  reset(): void {
    this.applications.clear();
    this.sites.clear();
    this.peers.clear();
    this.nextSiteId = FIRST_SITE_ID;
    this.nextPeerId = FIRST_PEER_ID;
    this.seed();
  }

  /** Everything needed to resume. */
  snapshot(): ProvisioningSnapshot {
    return {
      applications: [...this.applications.values()],
      sites: [...this.sites.values()],
      peers: [...this.peers.values()],
      nextSiteId: this.nextSiteId,
      nextPeerId: this.nextPeerId,
    };
  }

  /** Replaces the state with a snapshot (a snapshot without provisioning keeps the seeded state). */
  restore(s: ProvisioningSnapshot | undefined): void {
    this.reset();
    if (!s) return;
    this.applications = new Map(s.applications.map((a) => [a.applicationId, a]));
    this.sites = new Map(s.sites.map((x) => [key(x.accountId, x.siteId), x]));
    this.peers = new Map(s.peers.map((p) => [key(p.accountId, p.peerId), p]));
    this.nextSiteId = s.nextSiteId;
    this.nextPeerId = s.nextPeerId;
  }

  /** A summary for the emulator's state dump: what each account holds. */
  summary(accountId: string): ProvisioningSummary {
    return {
      applications: this.listApplications(accountId).map((a) => ({
        applicationId: a.applicationId,
        serviceType: a.serviceType,
        appName: a.appName,
      })),
      sites: this.listSites(accountId).map((s) => ({
        siteId: s.siteId,
        name: s.name,
        locations: this.listPeers(accountId, s.siteId).map((p) => ({
          peerId: p.peerId,
          peerName: p.peerName,
          isDefaultPeer: p.isDefaultPeer,
          voice: p.origination?.voiceProtocol === "HTTP" ? p.origination.httpVoiceV2AppId : undefined,
          sms: p.smsFeature !== undefined,
          messaging: p.messagingAppId,
        })),
      })),
    };
  }
}

export { ProvisioningError };
