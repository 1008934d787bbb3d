import { EmulatorError, type ErrorDetail, NotFoundError } from "../errors";
import type { ApiRequest, ApiResponse } from "../http-types";
import {
  el,
  readXml,
  tx,
  type XmlChild,
  xmlChild,
  type XmlElement,
  type XmlNode,
  xmlResponse,
  xmlText,
  xmlTexts,
} from "../xml";
import { refuse, PROVISIONING_CODES as C, ProvisioningError } from "./errors";
import type {
  ApplicationInput,
  ApplicationRecord,
  CallbackCredsRecord,
  PeerInput,
  PeerRecord,
  ProvisioningModel,
  SiteInput,
  SiteRecord,
} from "./models";

// ---- XML in ----------------------------------------------------------------------------------------------------

type Node = XmlNode;

/** The root element's content; a root holding only text (`<ApplicationsSettings>REMOVE</...>`) reads as `#text`. */
function parseBody(body: string, root: string): Node {
  const doc = readXml(body);
  if (doc === undefined) {
    throw refuse(400, [{ code: C.invalidValue, description: "The request body is not well-formed XML" }]);
  }
  const node = doc[root]?.[0];
  if (node === undefined) throw refuse(400, [{ code: C.required, description: `${root} is required` }]);
  if (typeof node === "string") return { "#text": [node] };
  return node as Node;
}

const child = xmlChild;
const text = xmlText;
const texts = xmlTexts;

function credsIn(node: Node, name: string): { userId?: string; password?: string } | undefined {
  const c = child(node, name);
  return c === undefined ? undefined : { userId: text(c, "UserId"), password: text(c, "Password") };
}

/** Reads an `<Application>` body; `ServiceType` `Voice`/`Messaging` (spelled so in the reference's examples) read as V2. */
export function parseApplication(body: string): ApplicationInput {
  const n = parseBody(body, "Application");
  const serviceType = text(n, "ServiceType");
  const types = child(n, "RequestedCallbackTypes");
  return {
    serviceType: serviceType === "Voice" || serviceType === "Messaging" ? `${serviceType}-V2` : serviceType,
    appName: text(n, "AppName"),
    callInitiatedCallbackUrl: text(n, "CallInitiatedCallbackUrl"),
    callInitiatedMethod: text(n, "CallInitiatedMethod"),
    callStatusCallbackUrl: text(n, "CallStatusCallbackUrl"),
    callStatusMethod: text(n, "CallStatusMethod"),
    callbackCreds: credsIn(n, "CallbackCreds"),
    callInitiatedFallbackUrl: text(n, "CallInitiatedFallbackUrl"),
    callInitiatedFallbackMethod: text(n, "CallInitiatedFallbackMethod"),
    callInitiatedFallbackCreds: credsIn(n, "CallInitiatedFallbackCreds"),
    callbackTimeout: text(n, "CallbackTimeout"),
    // MsgCallbackUrl is the deprecated spelling of InboundCallbackUrl.
    inboundCallbackUrl: text(n, "InboundCallbackUrl") ?? text(n, "MsgCallbackUrl"),
    outboundCallbackUrl: text(n, "OutboundCallbackUrl"),
    inboundCallbackCreds: credsIn(n, "InboundCallbackCreds") ?? credsIn(n, "MsgCallbackCreds"),
    outboundCallbackCreds: credsIn(n, "OutboundCallbackCreds"),
    requestedCallbackTypes: types ? texts(types, "CallbackType") : undefined,
  };
}

/** Reads a `<Site>` body. */
export function parseSite(body: string): SiteInput {
  const n = parseBody(body, "Site");
  const a = child(n, "Address");
  let address: Record<string, string> | undefined;
  if (a) {
    address = {};
    for (const key of Object.keys(a)) {
      const v = text(a, key);
      if (v !== undefined && v !== "") address[key] = v;
    }
  }
  return {
    name: text(n, "Name"),
    description: text(n, "Description"),
    customerName: text(n, "CustomerName"),
    customerProvidedId: text(n, "CustomerProvidedId"),
    address,
  };
}

/** Reads a `<SipPeer>` body. */
export function parsePeer(body: string): PeerInput {
  const n = parseBody(body, "SipPeer");
  return {
    peerName: text(n, "PeerName"),
    description: text(n, "Description"),
    isDefaultPeer: text(n, "IsDefaultPeer"),
  };
}

// ---- XML out ---------------------------------------------------------------------------------------------------

const xml = xmlResponse;

function credsElement(name: string, c: CallbackCredsRecord | undefined): XmlChild {
  return c && el(name, tx("UserId", c.userId));
}

/** One `<Application>`, as Bandwidth echoes it: never a password. */
export function applicationElement(a: ApplicationRecord): XmlElement {
  return el(
    "Application",
    tx("ApplicationId", a.applicationId),
    tx("ServiceType", a.serviceType),
    tx("AppName", a.appName),
    tx("CallInitiatedCallbackUrl", a.callInitiatedCallbackUrl),
    tx("CallInitiatedMethod", a.callInitiatedMethod),
    tx("CallStatusCallbackUrl", a.callStatusCallbackUrl),
    tx("CallStatusMethod", a.callStatusMethod),
    credsElement("CallbackCreds", a.callbackCreds),
    tx("CallInitiatedFallbackUrl", a.callInitiatedFallbackUrl),
    tx("CallInitiatedFallbackMethod", a.callInitiatedFallbackMethod),
    credsElement("CallInitiatedFallbackCreds", a.callInitiatedFallbackCreds),
    tx("CallbackTimeout", a.callbackTimeout),
    tx("MsgCallbackUrl", a.inboundCallbackUrl),
    tx("InboundCallbackUrl", a.inboundCallbackUrl),
    tx("OutboundCallbackUrl", a.outboundCallbackUrl),
    a.requestedCallbackTypes &&
      el("RequestedCallbackTypes", ...a.requestedCallbackTypes.map((t) => tx("CallbackType", t))),
    credsElement("InboundCallbackCreds", a.inboundCallbackCreds),
    credsElement("OutboundCallbackCreds", a.outboundCallbackCreds),
  );
}

function siteElement(s: SiteRecord): XmlElement {
  return el(
    "Site",
    tx("Id", s.siteId),
    tx("Name", s.name),
    tx("Description", s.description),
    tx("CustomerProvidedId", s.customerProvidedId),
    tx("CustomerName", s.customerName),
    s.address && el("Address", ...Object.entries(s.address).map(([k, v]) => tx(k, v))),
  );
}

function peerElement(p: PeerRecord): XmlElement {
  return el(
    "SipPeer",
    tx("PeerId", p.peerId),
    tx("PeerName", p.peerName),
    tx("Description", p.description),
    tx("IsDefaultPeer", p.isDefaultPeer),
  );
}

/** `<Root><ResponseStatus><ErrorCode/><Description/></ResponseStatus></Root>`, the error shape of these routes. */
export function responseStatusDocument(status: number, root: string, errors: ErrorDetail[]): ApiResponse {
  const e = errors[0] ?? { code: String(status), description: "" };
  return xml(
    status,
    el(root, el("ResponseStatus", e.code ? tx("ErrorCode", e.code) : undefined, tx("Description", e.description))),
  );
}

/** A handler: the provisioning model and the routed request. */
export type ProvisioningHandler = (model: ProvisioningModel, req: ApiRequest) => ApiResponse;

/** Turns the model's refusals into this route's documented error document. */
function answering(root: string, handle: ProvisioningHandler): ProvisioningHandler {
  return (model, req) => {
    try {
      return handle(model, req);
    } catch (err) {
      if (err instanceof ProvisioningError) return responseStatusDocument(err.status, root, err.details);
      if (err instanceof NotFoundError) {
        // Some 404s are documented with an empty body ("SMS settings do not exist"); the rest carry ResponseStatus.
        return err.details.length > 0 ? responseStatusDocument(404, root, err.details) : { status: 404 };
      }
      if (err instanceof EmulatorError) {
        return responseStatusDocument(
          400,
          root,
          err.details.length > 0 ? err.details : [{ code: "", description: err.message }],
        );
      }
      throw err;
    }
  };
}

function accountOf(req: ApiRequest): string {
  return req.params.accountId;
}

// ---- handlers ------------------------------------------------------------------------------------------------------

const APPS = "ApplicationProvisioningResponse";

const createApplication: ProvisioningHandler = (m, req) => {
  const app = m.createApplication(accountOf(req), parseApplication(req.body));
  // The body carries the id; the Location header too, as one SDK reads that instead.
  return xml(201, el(APPS, applicationElement(app)), {
    Location: `${req.baseUrl}/accounts/${accountOf(req)}/applications/${app.applicationId}`,
  });
};

const listApplications: ProvisioningHandler = (m, req) =>
  xml(200, el(APPS, el("ApplicationList", ...m.listApplications(accountOf(req)).map(applicationElement))));

const getApplication: ProvisioningHandler = (m, req) =>
  xml(200, el(APPS, applicationElement(m.getApplication(accountOf(req), req.params.applicationId))));

const putApplication: ProvisioningHandler = (m, req) =>
  xml(
    200,
    el(
      APPS,
      applicationElement(
        m.updateApplication(accountOf(req), req.params.applicationId, parseApplication(req.body), "replace"),
      ),
    ),
  );

const patchApplication: ProvisioningHandler = (m, req) => {
  const input = parseApplication(req.body);
  if (input.serviceType === undefined) delete input.serviceType;
  return xml(
    200,
    el(APPS, applicationElement(m.updateApplication(accountOf(req), req.params.applicationId, input, "patch"))),
  );
};

const deleteApplication: ProvisioningHandler = (m, req) => {
  m.deleteApplication(accountOf(req), req.params.applicationId);
  return { status: 200 };
};

const associatedSipPeers: ProvisioningHandler = (m, req) => {
  const refs = m.associatedPeers(accountOf(req), req.params.applicationId);
  return xml(
    200,
    el(
      "AssociatedSipPeersResponse",
      el(
        "AssociatedSipPeers",
        ...refs.map((r) =>
          el(
            "AssociatedSipPeer",
            tx("SiteId", r.site.siteId),
            tx("SiteName", r.site.name),
            tx("PeerId", r.peer.peerId),
            tx("PeerName", r.peer.peerName),
          ),
        ),
      ),
    ),
  );
};

const createSite: ProvisioningHandler = (m, req) => {
  const site = m.createSite(accountOf(req), parseSite(req.body));
  return xml(201, el("SiteResponse", siteElement(site)), {
    Location: `${req.baseUrl}/accounts/${accountOf(req)}/sites/${site.siteId}`,
  });
};

const listSites: ProvisioningHandler = (m, req) =>
  xml(200, el("SitesResponse", el("Sites", ...m.listSites(accountOf(req)).map(siteElement))));

const getSite: ProvisioningHandler = (m, req) =>
  xml(200, el("SiteResponse", siteElement(m.getSite(accountOf(req), req.params.siteId))));

const putSite: ProvisioningHandler = (m, req) =>
  xml(200, el("SiteResponse", siteElement(m.updateSite(accountOf(req), req.params.siteId, parseSite(req.body)))));

const deleteSite: ProvisioningHandler = (m, req) => {
  m.deleteSite(accountOf(req), req.params.siteId);
  return { status: 200 };
};

const createPeer: ProvisioningHandler = (m, req) => {
  const peer = m.createPeer(accountOf(req), req.params.siteId, parsePeer(req.body));
  // Documented: 201 with no body; the new id is only in Location.
  return {
    status: 201,
    headers: { Location: `${req.baseUrl}/accounts/${accountOf(req)}/sites/${peer.siteId}/sippeers/${peer.peerId}` },
  };
};

const listPeers: ProvisioningHandler = (m, req) => {
  m.getSite(accountOf(req), req.params.siteId);
  return xml(
    200,
    el("TNSipPeersResponse", el("SipPeers", ...m.listPeers(accountOf(req), req.params.siteId).map(peerElement))),
  );
};

const getPeer: ProvisioningHandler = (m, req) =>
  xml(200, el("SipPeerResponse", peerElement(m.getPeer(accountOf(req), req.params.siteId, req.params.peerId))));

const putPeer: ProvisioningHandler = (m, req) =>
  xml(
    200,
    el(
      "SipPeerResponse",
      peerElement(m.updatePeer(accountOf(req), req.params.siteId, req.params.peerId, parsePeer(req.body))),
    ),
  );

const deletePeer: ProvisioningHandler = (m, req) => {
  m.deletePeer(accountOf(req), req.params.siteId, req.params.peerId);
  return { status: 200 };
};

const peerNumbers: ProvisioningHandler = (m, req) => {
  const numbers = m.peerNumbers(accountOf(req), req.params.siteId, req.params.peerId);
  return xml(
    200,
    el(
      "SipPeerTelephoneNumbersResponse",
      el("SipPeerTelephoneNumbers", ...numbers.map((tn) => el("SipPeerTelephoneNumber", tx("FullNumber", tn)))),
    ),
  );
};

function originationElement(o: NonNullable<PeerRecord["origination"]>): XmlElement {
  return el(
    "SipPeerOriginationSettings",
    tx("VoiceProtocol", o.voiceProtocol),
    o.httpVoiceV2AppId !== undefined && el("HttpSettings", tx("HttpVoiceV2AppId", o.httpVoiceV2AppId)),
  );
}

const ORIGINATION = "SipPeerOriginationSettingsResponse";

const getOrigination: ProvisioningHandler = (m, req) =>
  xml(200, el(ORIGINATION, originationElement(m.getOrigination(accountOf(req), req.params.siteId, req.params.peerId))));

function setOrigination(mode: "create" | "update"): ProvisioningHandler {
  return (m, req) => {
    const n = parseBody(req.body, "SipPeerOriginationSettings");
    const settings = m.setOrigination(
      accountOf(req),
      req.params.siteId,
      req.params.peerId,
      { voiceProtocol: text(n, "VoiceProtocol"), httpVoiceV2AppId: text(child(n, "HttpSettings"), "HttpVoiceV2AppId") },
      mode,
    );
    // numbers.yml: CreateSipPeerOriginationSettings answers 201 with the settings, UpdateSipPeerOriginationSettings
    // a 200 with no body.
    return mode === "create" ? xml(201, el(ORIGINATION, originationElement(settings))) : { status: 200 };
  };
}

const SMS = "SipPeerSmsFeatureResponse";

function smsElement(s: Record<string, string>): XmlElement {
  const order = ["TollFree", "ShortCode", "Protocol", "Zone1", "Zone2", "Zone3", "Zone4", "Zone5"];
  return el(
    "SipPeerSmsFeature",
    el("SipPeerSmsFeatureSettings", ...order.map((k) => tx(k, s[k] ?? (k === "Protocol" ? "HTTP" : "false")))),
    el("HttpSettings", tx("ProxyPeerId", "569238")),
  );
}

/** 200 always (RetrieveSipPeerSmsFeature); a location without the feature answers the root alone (our choice). */
const getSms: ProvisioningHandler = (m, req) => {
  const feature = m.getSmsFeature(accountOf(req), req.params.siteId, req.params.peerId);
  return xml(200, el(SMS, feature && smsElement(feature)));
};

const createSms: ProvisioningHandler = (m, req) => {
  const n = parseBody(req.body, "SipPeerSmsFeature");
  const s = child(n, "SipPeerSmsFeatureSettings");
  const settings: Record<string, string> = {};
  for (const key of Object.keys(s ?? {})) settings[key] = text(s, key) ?? "";
  return xml(
    201,
    el(SMS, smsElement(m.createSmsFeature(accountOf(req), req.params.siteId, req.params.peerId, settings))),
  );
};

const deleteSms: ProvisioningHandler = (m, req) => {
  m.deleteSmsFeature(accountOf(req), req.params.siteId, req.params.peerId);
  return { status: 200 };
};

const APP_SETTINGS = "ApplicationsSettingsResponse";

function appSettingsDocument(appId: string | undefined): XmlElement {
  return el(APP_SETTINGS, el("ApplicationsSettings", tx("HttpMessagingV2AppId", appId)));
}

const getAppSettings: ProvisioningHandler = (m, req) =>
  xml(200, appSettingsDocument(m.getMessagingApp(accountOf(req), req.params.siteId, req.params.peerId)));

const putAppSettings: ProvisioningHandler = (m, req) => {
  const n = parseBody(req.body, "ApplicationsSettings");
  const bare = text(n, "#text");
  const appId = text(n, "HttpMessagingV2AppId");
  const remove = bare?.trim() === "REMOVE" && appId === undefined;
  if (!remove && bare !== undefined && bare.trim() !== "") {
    throw refuse(400, [
      {
        code: C.invalidMessagingAppId,
        description: "The HttpMessagingV2AppId must either valid string or have 'REMOVE' value",
      },
    ]);
  }
  const linked = m.setMessagingApp(accountOf(req), req.params.siteId, req.params.peerId, {
    remove,
    httpMessagingV2AppId: appId,
  });
  return xml(200, appSettingsDocument(linked));
};

// ---- routes ------------------------------------------------------------------------------------------------------

/** One provisioning route: method, path below the API prefix, the root of its error documents, its handler. */
export interface ProvisioningRoute {
  method: string;
  path: string;
  errorRoot: string;
  handle: ProvisioningHandler;
}

const APPLICATIONS = "/accounts/:accountId/applications";
const SITES = "/accounts/:accountId/sites";
const PEER = `${SITES}/:siteId/sippeers/:peerId`;

function route(method: string, path: string, errorRoot: string, handle: ProvisioningHandler): ProvisioningRoute {
  return { method, path, errorRoot, handle: answering(errorRoot, handle) };
}

/** Every provisioning route of the Dashboard API the emulator serves. */
export const PROVISIONING_ROUTES: readonly ProvisioningRoute[] = [
  route("GET", APPLICATIONS, APPS, listApplications),
  route("POST", APPLICATIONS, APPS, createApplication),
  route("GET", `${APPLICATIONS}/:applicationId`, APPS, getApplication),
  route("PUT", `${APPLICATIONS}/:applicationId`, APPS, putApplication),
  route("PATCH", `${APPLICATIONS}/:applicationId`, APPS, patchApplication),
  route("DELETE", `${APPLICATIONS}/:applicationId`, APPS, deleteApplication),
  route("GET", `${APPLICATIONS}/:applicationId/associatedsippeers`, "AssociatedSipPeersResponse", associatedSipPeers),
  route("GET", SITES, "SitesResponse", listSites),
  route("POST", SITES, "SiteResponse", createSite),
  route("GET", `${SITES}/:siteId`, "SiteResponse", getSite),
  route("PUT", `${SITES}/:siteId`, "SiteResponse", putSite),
  route("DELETE", `${SITES}/:siteId`, "SiteResponse", deleteSite),
  route("GET", `${SITES}/:siteId/sippeers`, "TNSipPeersResponse", listPeers),
  route("POST", `${SITES}/:siteId/sippeers`, "SipPeerResponse", createPeer),
  route("GET", PEER, "SipPeerResponse", getPeer),
  route("PUT", PEER, "SipPeerResponse", putPeer),
  route("DELETE", PEER, "SipPeerResponse", deletePeer),
  route("GET", `${PEER}/tns`, "SipPeerTelephoneNumbersResponse", peerNumbers),
  route("GET", `${PEER}/products/origination/settings`, ORIGINATION, getOrigination),
  route("POST", `${PEER}/products/origination/settings`, ORIGINATION, setOrigination("create")),
  route("PUT", `${PEER}/products/origination/settings`, ORIGINATION, setOrigination("update")),
  route("GET", `${PEER}/products/messaging/features/sms`, SMS, getSms),
  route("POST", `${PEER}/products/messaging/features/sms`, SMS, createSms),
  route("DELETE", `${PEER}/products/messaging/features/sms`, SMS, deleteSms),
  route("GET", `${PEER}/products/messaging/applicationSettings`, APP_SETTINGS, getAppSettings),
  route("PUT", `${PEER}/products/messaging/applicationSettings`, APP_SETTINGS, putAppSettings),
];
