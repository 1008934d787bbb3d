/**
 * The Dashboard API's provisioning calls for Bandwidth's current (v2) model: applications, sites (sub-accounts),
 * locations (SIP peers) and the product settings that link an application to a location. XML over the same
 * transport, base URL and authentication as the Numbers client.
 *
 * Wire sources (Bandwidth/api-docs): the OpenAPI file `site/specs/numbers.yml` (paths `/accounts/{accountId}/
 * applications...`, `/sites...`, `/sites/{siteId}/sippeers...`, `.../products/origination/settings`,
 * `.../products/messaging/features/sms`, `.../products/messaging/applicationSettings`, `.../sippeers/{id}/tns`) and
 * the guide `site/docs/account/programmatic-setup.mdx` (request and response bodies of each step). One row per call
 * in docs/bandwidth-wire-v2.md.
 */
import { ApiError, MalformedResponseError, NotFoundError } from "../http/errors";
import type { Transport } from "../http/transport";
import { dashboardTransport, type NumbersClientOptions } from "../numbers/client";
import { child, nodes, readXml, text, texts, writeXml, type XmlInput, type XmlNode } from "../numbers/xml";
import type {
  ApplicationFields,
  ApplicationInfo,
  AssociatedSipPeer,
  CallbackCredentials,
  CallbackMethod,
  CallbackType,
  OriginationSettings,
  SipPeerFields,
  SipPeerInfo,
  SiteFields,
  SiteInfo,
  SmsFeatureSettings,
} from "./types";

/** The rate-limit category of every provisioning call (Bandwidth documents no separate limit for them). */
export const PROVISIONING_CATEGORY = "PROVISIONING";

/** Where and as whom the provisioning client talks: the same settings as the Numbers client. */
export type ProvisioningClientOptions = NumbersClientOptions;

const XML = "application/xml; charset=utf-8";

/** The SMS feature Bandwidth's setup guide enables: HTTP protocol, zone 1 only, no toll-free or short codes. */
export const DEFAULT_SMS_FEATURE: SmsFeatureSettings = {
  tollFree: false,
  shortCode: false,
  zone1: true,
  zone2: false,
  zone3: false,
  zone4: false,
  zone5: false,
};

function lastPathSegment(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const path = location.split(/[?#]/)[0].replace(/\/+$/, "");
  const segment = path.slice(path.lastIndexOf("/") + 1);
  return segment ? decodeURIComponent(segment) : undefined;
}

function creds(c: CallbackCredentials | undefined): XmlInput {
  return c === undefined ? undefined : { UserId: c.userId, Password: c.password };
}

function readCreds(node: XmlNode | undefined, name: string): CallbackCredentials | undefined {
  const c = child(node, name);
  const userId = text(c, "UserId");
  return userId === undefined || userId === "" ? undefined : { userId };
}

function method(value: string | undefined): CallbackMethod | undefined {
  const upper = value?.toUpperCase();
  return upper === "GET" || upper === "POST" ? upper : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** The `<Application>` body of a POST or PUT; element order follows the reference's examples. */
export function applicationBody(a: ApplicationFields): { [name: string]: XmlInput } {
  return {
    ServiceType: a.serviceType,
    AppName: a.appName,
    CallInitiatedCallbackUrl: a.callInitiatedCallbackUrl,
    CallInitiatedMethod: a.callInitiatedMethod,
    CallStatusCallbackUrl: a.callStatusCallbackUrl,
    CallStatusMethod: a.callStatusMethod,
    CallbackCreds: creds(a.callbackCreds),
    CallInitiatedFallbackUrl: a.callInitiatedFallbackUrl,
    CallInitiatedFallbackMethod: a.callInitiatedFallbackMethod,
    CallInitiatedFallbackCreds: creds(a.callInitiatedFallbackCreds),
    CallbackTimeout: a.callbackTimeout,
    InboundCallbackUrl: a.inboundCallbackUrl,
    OutboundCallbackUrl: a.outboundCallbackUrl,
    InboundCallbackCreds: creds(a.inboundCallbackCreds),
    OutboundCallbackCreds: creds(a.outboundCallbackCreds),
    RequestedCallbackTypes: a.requestedCallbackTypes?.length ? { CallbackType: a.requestedCallbackTypes } : undefined,
  };
}

/** Reads one `<Application>` element (passwords are never in it). */
export function readApplication(node: XmlNode | undefined): ApplicationInfo | undefined {
  const applicationId = text(node, "ApplicationId");
  if (!node || !applicationId) return undefined;
  const timeout = Number.parseInt(text(node, "CallbackTimeout") ?? "", 10);
  const types = texts(child(node, "RequestedCallbackTypes"), "CallbackType") as CallbackType[];
  return {
    applicationId,
    serviceType: text(node, "ServiceType") ?? "",
    appName: text(node, "AppName") ?? "",
    callInitiatedCallbackUrl: nonEmpty(text(node, "CallInitiatedCallbackUrl")),
    callInitiatedMethod: method(text(node, "CallInitiatedMethod")),
    callStatusCallbackUrl: nonEmpty(text(node, "CallStatusCallbackUrl")),
    callStatusMethod: method(text(node, "CallStatusMethod")),
    callbackCreds: readCreds(node, "CallbackCreds"),
    callInitiatedFallbackUrl: nonEmpty(text(node, "CallInitiatedFallbackUrl")),
    callInitiatedFallbackMethod: method(text(node, "CallInitiatedFallbackMethod")),
    callInitiatedFallbackCreds: readCreds(node, "CallInitiatedFallbackCreds"),
    callbackTimeout: Number.isNaN(timeout) ? undefined : timeout,
    // MsgCallbackUrl is the deprecated spelling of InboundCallbackUrl (the reference echoes both).
    inboundCallbackUrl: nonEmpty(text(node, "InboundCallbackUrl") ?? text(node, "MsgCallbackUrl")),
    outboundCallbackUrl: nonEmpty(text(node, "OutboundCallbackUrl")),
    inboundCallbackCreds: readCreds(node, "InboundCallbackCreds") ?? readCreds(node, "MsgCallbackCreds"),
    outboundCallbackCreds: readCreds(node, "OutboundCallbackCreds"),
    requestedCallbackTypes: types.length > 0 ? types : undefined,
  };
}

const ADDRESS_FIELDS = [
  "HouseNumber",
  "HouseSuffix",
  "PreDirectional",
  "StreetName",
  "StreetSuffix",
  "PostDirectional",
  "AddressLine2",
  "City",
  "StateCode",
  "Zip",
  "PlusFour",
  "County",
  "Country",
  "AddressType",
] as const;

function camel(name: string): string {
  return name[0].toLowerCase() + name.slice(1);
}

/** The `<Site>` body of a POST or PUT. */
export function siteBody(s: SiteFields): { [name: string]: XmlInput } {
  const address = s.address as Record<string, string | undefined> | undefined;
  return {
    Name: s.name,
    Description: s.description,
    CustomerProvidedId: s.customerProvidedId,
    CustomerName: s.customerName,
    Address: address ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address[camel(f)]])) : undefined,
  };
}

function readSite(node: XmlNode | undefined, fallbackId?: string): SiteInfo | undefined {
  const siteId = text(node, "Id") ?? fallbackId;
  if (!node || !siteId) return undefined;
  const a = child(node, "Address");
  let address: SiteInfo["address"];
  if (a) {
    address = {};
    for (const f of ADDRESS_FIELDS) {
      const v = nonEmpty(text(a, f));
      if (v !== undefined) address[camel(f)] = v;
    }
  }
  return {
    siteId,
    name: text(node, "Name") ?? "",
    description: nonEmpty(text(node, "Description")),
    customerName: nonEmpty(text(node, "CustomerName")),
    customerProvidedId: nonEmpty(text(node, "CustomerProvidedId")),
    address,
  };
}

function sipPeerBody(p: SipPeerFields): { [name: string]: XmlInput } {
  return { PeerName: p.peerName, Description: p.description, IsDefaultPeer: p.isDefaultPeer };
}

function readSipPeer(node: XmlNode | undefined, siteId: string, fallbackId?: string): SipPeerInfo | undefined {
  const peerId = text(node, "PeerId") ?? fallbackId;
  if (!node || !peerId) return undefined;
  return {
    peerId,
    siteId,
    peerName: text(node, "PeerName") ?? "",
    description: nonEmpty(text(node, "Description")),
    isDefaultPeer: text(node, "IsDefaultPeer")?.toLowerCase() === "true",
  };
}

/** The provisioning client. */
export class ProvisioningClient {
  private readonly transport: Transport;
  private readonly accountId: string;

  constructor(opts: ProvisioningClientOptions) {
    this.accountId = opts.accountId;
    this.transport = dashboardTransport(opts);
  }

  private path(...segments: string[]): string {
    return ["accounts", this.accountId, ...segments].map(encodeURIComponent).join("/");
  }

  private async call(
    verb: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: { root: string; content: { [name: string]: XmlInput } } | string,
    query?: Record<string, string>,
  ): Promise<{ doc: XmlNode; headers: Record<string, string>; status: number }> {
    const xml =
      body === undefined
        ? undefined
        : typeof body === "string"
          ? body
          : writeXml(body.root, body.content as { [name: string]: XmlInput });
    let res;
    try {
      res = await this.transport.request({
        method: verb,
        path,
        query,
        category: PROVISIONING_CATEGORY,
        accept: XML,
        contentType: xml === undefined ? undefined : XML,
        body: xml,
      });
    } catch (e) {
      // Bandwidth answers an unknown site (12016) or SIP peer (13563) with 400 on some routes: they mean "not found".
      if (e instanceof ApiError && (e.hasErrorCode("13563") || e.hasErrorCode("12016"))) {
        throw new NotFoundError({ method: e.method, url: e.url, status: e.status, errors: e.errors });
      }
      throw e;
    }
    return {
      doc: readXml(res.body, this.transport.options.maxResponseBytes),
      headers: res.headers,
      status: res.status,
    };
  }

  // ---- applications ------------------------------------------------------------------------------------------

  /** `POST /accounts/{a}/applications` → the application Bandwidth created (id from the body, else `Location`). */
  async createApplication(a: ApplicationFields): Promise<ApplicationInfo> {
    const { doc, headers } = await this.call("POST", this.path("applications"), {
      root: "Application",
      content: applicationBody(a),
    });
    const created = readApplication(child(child(doc, "ApplicationProvisioningResponse"), "Application"));
    if (created) return created;
    const id = lastPathSegment(headers.location);
    if (!id) throw new MalformedResponseError("application created but neither the body nor Location carries its id");
    return this.getApplication(id);
  }

  /** `GET /accounts/{a}/applications/{id}`; NotFoundError when Bandwidth does not know it. */
  async getApplication(applicationId: string): Promise<ApplicationInfo> {
    const { doc } = await this.call("GET", this.path("applications", applicationId));
    const app = readApplication(child(child(doc, "ApplicationProvisioningResponse"), "Application"));
    if (!app) throw new NotFoundError({ method: "GET", url: `applications/${applicationId}` });
    return app;
  }

  /** `GET /accounts/{a}/applications`: every application of the account. */
  async listApplications(): Promise<ApplicationInfo[]> {
    const { doc } = await this.call("GET", this.path("applications"));
    const list = child(child(doc, "ApplicationProvisioningResponse"), "ApplicationList");
    return nodes(list, "Application")
      .map((n) => readApplication(n))
      .filter((a): a is ApplicationInfo => a !== undefined);
  }

  /** `PUT /accounts/{a}/applications/{id}`: replaces the application with these fields (absent ones are removed). */
  async replaceApplication(applicationId: string, a: ApplicationFields): Promise<ApplicationInfo> {
    const { doc } = await this.call("PUT", this.path("applications", applicationId), {
      root: "Application",
      content: applicationBody(a),
    });
    return (
      readApplication(child(child(doc, "ApplicationProvisioningResponse"), "Application")) ??
      this.getApplication(applicationId)
    );
  }

  /** `DELETE /accounts/{a}/applications/{id}`; Bandwidth refuses (12107) while a location references it. */
  async deleteApplication(applicationId: string): Promise<void> {
    await this.call("DELETE", this.path("applications", applicationId));
  }

  /** `GET /accounts/{a}/applications/{id}/associatedsippeers`: the locations that reference the application. */
  async listAssociatedSipPeers(applicationId: string): Promise<AssociatedSipPeer[]> {
    const { doc } = await this.call("GET", this.path("applications", applicationId, "associatedsippeers"));
    const list = child(child(doc, "AssociatedSipPeersResponse"), "AssociatedSipPeers");
    return nodes(list, "AssociatedSipPeer").map((n) => ({
      siteId: text(n, "SiteId") ?? "",
      siteName: nonEmpty(text(n, "SiteName")),
      peerId: text(n, "PeerId") ?? "",
      peerName: nonEmpty(text(n, "PeerName")),
    }));
  }

  // ---- sites -------------------------------------------------------------------------------------------------

  /** `POST /accounts/{a}/sites` → the new site (id from `<Site><Id>`, else the `Location` header). */
  async createSite(s: SiteFields): Promise<SiteInfo> {
    const { doc, headers } = await this.call("POST", this.path("sites"), { root: "Site", content: siteBody(s) });
    const site = readSite(child(child(doc, "SiteResponse"), "Site"), lastPathSegment(headers.location));
    if (!site) throw new MalformedResponseError("site created but neither the body nor Location carries its id");
    return site.name === "" ? this.getSite(site.siteId) : site;
  }

  /** `GET /accounts/{a}/sites/{s}`; NotFoundError (12016) when unknown. */
  async getSite(siteId: string): Promise<SiteInfo> {
    const { doc } = await this.call("GET", this.path("sites", siteId));
    const site = readSite(child(child(doc, "SiteResponse"), "Site"), siteId);
    if (!site) throw new NotFoundError({ method: "GET", url: `sites/${siteId}` });
    return site;
  }

  /** `GET /accounts/{a}/sites`: every site of the account. */
  async listSites(): Promise<SiteInfo[]> {
    const { doc } = await this.call("GET", this.path("sites"));
    return nodes(child(child(doc, "SitesResponse"), "Sites"), "Site")
      .map((n) => readSite(n))
      .filter((s): s is SiteInfo => s !== undefined);
  }

  /** `PUT /accounts/{a}/sites/{s}`: replaces the site's fields. */
  async replaceSite(siteId: string, s: SiteFields): Promise<void> {
    await this.call("PUT", this.path("sites", siteId), { root: "Site", content: siteBody(s) });
  }

  /** `DELETE /accounts/{a}/sites/{s}`; only a site with no location left can go. */
  async deleteSite(siteId: string): Promise<void> {
    await this.call("DELETE", this.path("sites", siteId));
  }

  // ---- locations (SIP peers) ---------------------------------------------------------------------------------

  /** `POST /accounts/{a}/sites/{s}/sippeers` → 201 with no body; the id is the last segment of `Location`. */
  async createSipPeer(siteId: string, p: SipPeerFields): Promise<string> {
    const { doc, headers } = await this.call("POST", this.path("sites", siteId, "sippeers"), {
      root: "SipPeer",
      content: sipPeerBody(p),
    });
    const peerId = lastPathSegment(headers.location) ?? text(child(child(doc, "SipPeerResponse"), "SipPeer"), "PeerId");
    if (!peerId) throw new MalformedResponseError("location created but Location carries no SIP peer id");
    return peerId;
  }

  /**
   * `GET /accounts/{a}/sites/{s}/sippeers/{p}`. An unknown peer is a 400 with 13563 on this route (the reference's
   * own example), so both that and 404 surface as NotFoundError.
   */
  async getSipPeer(siteId: string, peerId: string): Promise<SipPeerInfo> {
    const { doc } = await this.call("GET", this.path("sites", siteId, "sippeers", peerId));
    const peer = readSipPeer(child(child(doc, "SipPeerResponse"), "SipPeer"), siteId, peerId);
    if (!peer) throw new NotFoundError({ method: "GET", url: `sites/${siteId}/sippeers/${peerId}` });
    return peer;
  }

  /** `GET /accounts/{a}/sites/{s}/sippeers`: the site's locations. */
  async listSipPeers(siteId: string): Promise<SipPeerInfo[]> {
    const { doc } = await this.call("GET", this.path("sites", siteId, "sippeers"));
    return nodes(child(child(doc, "TNSipPeersResponse"), "SipPeers"), "SipPeer")
      .map((n) => readSipPeer(n, siteId))
      .filter((p): p is SipPeerInfo => p !== undefined);
  }

  /** `PUT /accounts/{a}/sites/{s}/sippeers/{p}`: name, description, default flag. */
  async replaceSipPeer(siteId: string, peerId: string, p: SipPeerFields): Promise<void> {
    await this.call("PUT", this.path("sites", siteId, "sippeers", peerId), {
      root: "SipPeer",
      content: sipPeerBody(p),
    });
  }

  /** `DELETE /accounts/{a}/sites/{s}/sippeers/{p}`; refused while numbers (13555), SMS (13613) or HTTP voice (13652) remain. */
  async deleteSipPeer(siteId: string, peerId: string): Promise<void> {
    await this.call("DELETE", this.path("sites", siteId, "sippeers", peerId));
  }

  /** `GET .../sippeers/{p}/tns?includeAttributes=false`: the 10-digit numbers the location holds (NotFoundError: no such location). */
  async listSipPeerNumbers(siteId: string, peerId: string): Promise<string[]> {
    const { doc } = await this.call("GET", this.path("sites", siteId, "sippeers", peerId, "tns"), undefined, {
      includeAttributes: "false",
    });
    const list = child(child(doc, "SipPeerTelephoneNumbersResponse"), "SipPeerTelephoneNumbers");
    return nodes(list, "SipPeerTelephoneNumber")
      .map((n) => text(n, "FullNumber") ?? "")
      .filter((tn) => tn !== "");
  }

  // ---- voice: origination settings ----------------------------------------------------------------------------

  private originationPath(siteId: string, peerId: string): string {
    return this.path("sites", siteId, "sippeers", peerId, "products", "origination", "settings");
  }

  /**
   * `GET .../products/origination/settings`; `undefined` when the location has none yet. numbers.yml documents only
   * a 200 (HTTP or SIP); a 404 or a 200 without `<SipPeerOriginationSettings>` is taken as "none" too.
   */
  async getOriginationSettings(siteId: string, peerId: string): Promise<OriginationSettings | undefined> {
    try {
      const { doc } = await this.call("GET", this.originationPath(siteId, peerId));
      const s = child(child(doc, "SipPeerOriginationSettingsResponse"), "SipPeerOriginationSettings");
      if (!s) return undefined;
      return {
        voiceProtocol: text(s, "VoiceProtocol") ?? "",
        httpVoiceV2AppId: nonEmpty(text(child(s, "HttpSettings"), "HttpVoiceV2AppId")),
      };
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * Points the location's inbound voice at a Voice-V2 application (`VoiceProtocol` HTTP), or back to SIP when
   * `applicationId` is undefined. POST creates the settings, PUT changes existing ones (both documented bodies).
   */
  async setOriginationSettings(
    siteId: string,
    peerId: string,
    applicationId: string | undefined,
    existing: boolean,
  ): Promise<void> {
    const content: { [name: string]: XmlInput } =
      applicationId === undefined
        ? { VoiceProtocol: "SIP" }
        : { VoiceProtocol: "HTTP", HttpSettings: { HttpVoiceV2AppId: applicationId } };
    await this.call(existing ? "PUT" : "POST", this.originationPath(siteId, peerId), {
      root: "SipPeerOriginationSettings",
      content,
    });
  }

  // ---- messaging: SMS feature and application settings --------------------------------------------------------

  private messagingPath(siteId: string, peerId: string, ...rest: string[]): string {
    return this.path("sites", siteId, "sippeers", peerId, "products", "messaging", ...rest);
  }

  /**
   * Whether the location has the SMS feature (`GET .../messaging/features/sms`): a 200 naming `<SipPeerSmsFeature>`
   * says yes; a 200 without it (the only documented answer is a 200) or a 404 says no.
   */
  async hasSmsFeature(siteId: string, peerId: string): Promise<boolean> {
    try {
      const { doc } = await this.call("GET", this.messagingPath(siteId, peerId, "features", "sms"));
      return child(child(doc, "SipPeerSmsFeatureResponse"), "SipPeerSmsFeature") !== undefined;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }

  /** `POST .../messaging/features/sms` with Protocol HTTP: required before a messaging application can be linked. */
  async createSmsFeature(siteId: string, peerId: string, s: SmsFeatureSettings = DEFAULT_SMS_FEATURE): Promise<void> {
    await this.call("POST", this.messagingPath(siteId, peerId, "features", "sms"), {
      root: "SipPeerSmsFeature",
      content: {
        SipPeerSmsFeatureSettings: {
          TollFree: s.tollFree,
          ShortCode: s.shortCode,
          Protocol: "HTTP",
          Zone1: s.zone1,
          Zone2: s.zone2,
          Zone3: s.zone3,
          Zone4: s.zone4,
          Zone5: s.zone5,
        },
        HttpSettings: "",
      },
    });
  }

  /** `DELETE .../messaging/features/sms`; a feature already gone (404) counts as done. */
  async deleteSmsFeature(siteId: string, peerId: string): Promise<void> {
    try {
      await this.call("DELETE", this.messagingPath(siteId, peerId, "features", "sms"));
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }

  /** `GET .../messaging/applicationSettings` → the linked Messaging-V2 application, if any. */
  async getMessagingApplication(siteId: string, peerId: string): Promise<string | undefined> {
    try {
      const { doc } = await this.call("GET", this.messagingPath(siteId, peerId, "applicationSettings"));
      const settings = child(doc, "ApplicationsSettingsResponse");
      const id = nonEmpty(text(child(settings, "ApplicationsSettings"), "HttpMessagingV2AppId"));
      return id === undefined || id.toUpperCase() === "REMOVE" ? undefined : id;
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /** `PUT .../messaging/applicationSettings` with `<HttpMessagingV2AppId>`: links (or relinks) messaging. */
  async linkMessagingApplication(siteId: string, peerId: string, applicationId: string): Promise<void> {
    await this.call("PUT", this.messagingPath(siteId, peerId, "applicationSettings"), {
      root: "ApplicationsSettings",
      content: { HttpMessagingV2AppId: applicationId },
    });
  }

  /** `PUT .../messaging/applicationSettings` with the documented `<ApplicationsSettings>REMOVE</ApplicationsSettings>`. */
  async unlinkMessagingApplication(siteId: string, peerId: string): Promise<void> {
    await this.call(
      "PUT",
      this.messagingPath(siteId, peerId, "applicationSettings"),
      '<?xml version="1.0" encoding="UTF-8"?><ApplicationsSettings>REMOVE</ApplicationsSettings>',
    );
  }
}
