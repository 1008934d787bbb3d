import type { ApiDialect } from "../dialect";
import type { EmulatorError } from "../errors";
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
import {
  TelephoneNumberNotFound,
  TnOptionFeatureNotEnabled,
  TnOptionOrderInvalid,
  TnOptionOrderNotFound,
} from "./errors";
import type {
  NumberDetails,
  TnOptionGroupInput,
  TnOptionGroupRecord,
  TnOptionListFilter,
  TnOptionOrderInput,
  TnOptionOrderRecord,
  TnOptionsModel,
  TnOptionValues,
} from "./models";

// ---- XML in ----------------------------------------------------------------------------------------------------

/**
 * Each option's element, in the order Bandwidth's examples list them (the echo follows it). PortOutPasscode is read
 * but never written back: the documented echo of an order drops it.
 */
const OPTION_ELEMENTS: ReadonlyArray<[keyof TnOptionValues, string]> = [
  ["numberFormat", "NumberFormat"],
  ["rpidFormat", "RPIDFormat"],
  ["rewriteUser", "RewriteUser"],
  ["callForward", "CallForward"],
  ["callingNameDisplay", "CallingNameDisplay"],
  ["portOutPasscode", "PortOutPasscode"],
  ["protected", "Protected"],
  ["sms", "Sms"],
  ["finalDestinationUri", "FinalDestinationURI"],
  ["pindropEnabled", "PindropEnabled"],
  ["callVerificationEnabled", "CallVerificationEnabled"],
];
const NEVER_ECHOED = new Set<keyof TnOptionValues>(["portOutPasscode"]);

function parseGroup(g: XmlNode): TnOptionGroupInput {
  const group: TnOptionGroupInput = {
    telephoneNumbers: xmlTexts(xmlChild(g, "TelephoneNumbers"), "TelephoneNumber"),
  };
  for (const [key, element] of OPTION_ELEMENTS) group[key] = xmlText(g, element);
  const a2p = xmlChild(g, "A2pSettings");
  if (a2p) {
    group.a2p = {
      action: xmlText(a2p, "Action"),
      campaignId: xmlText(a2p, "CampaignId"),
      messageClass: xmlText(a2p, "MessageClass"),
    };
  }
  if (g.OriginationRoutePlan !== undefined) group.originationRoutePlan = true;
  return group;
}

/** Reads a `<TnOptionOrder>` body; a body that is not one is refused whole. */
export function parseTnOptionOrder(body: string): TnOptionOrderInput {
  const root = readXml(body)?.TnOptionOrder?.[0];
  if (root === undefined) {
    throw new TnOptionOrderInvalid([{ code: "", description: "Expected a well-formed <TnOptionOrder> document" }]);
  }
  const node = typeof root === "object" ? (root as XmlNode) : {};
  const groups = (xmlChild(node, "TnOptionGroups")?.TnOptionGroup ?? []).map((g) =>
    parseGroup(typeof g === "object" ? (g as XmlNode) : {}),
  );
  return { customerOrderId: xmlText(node, "CustomerOrderId"), name: xmlText(node, "Name"), groups };
}

function parseListFilter(query: URLSearchParams): TnOptionListFilter {
  const status = query
    .getAll("status")
    .flatMap((s) => s.split(","))
    .map((s) => s.trim().toUpperCase());
  return {
    status: status.length > 0 ? status : undefined,
    tn: query.get("tn") ?? undefined,
    customerOrderId: query.get("customerOrderId") ?? undefined,
    orderIdFragment: query.get("orderIdFragment") ?? undefined,
  };
}

// ---- documents -------------------------------------------------------------------------------------------------

function groupElement(g: TnOptionGroupRecord): XmlElement {
  const options: XmlChild[] = OPTION_ELEMENTS.filter(([key]) => !NEVER_ECHOED.has(key)).map(([key, element]) =>
    tx(element, g[key]),
  );
  const a2p =
    g.a2p &&
    el(
      "A2pSettings",
      tx("MessageClass", g.a2p.messageClass),
      tx("CampaignId", g.a2p.campaignId),
      tx("Action", g.a2p.action),
    );
  return el(
    "TnOptionGroup",
    ...options,
    a2p,
    el("TelephoneNumbers", ...g.telephoneNumbers.map((tn) => tx("TelephoneNumber", tn))),
  );
}

/** The order as `TnOptionOrderResponsePayload` (root `<TnOptionOrder>`). */
export function tnOptionOrderElement(o: TnOptionOrderRecord): XmlElement {
  return el(
    "TnOptionOrder",
    tx("OrderCreateDate", o.orderCreateDate),
    tx("AccountId", o.accountId),
    tx("CreatedByUser", o.createdByUser),
    tx("CustomerOrderId", o.customerOrderId),
    tx("Name", o.name),
    tx("OrderId", o.orderId),
    tx("LastModifiedDate", o.lastModifiedDate),
    tx("ProcessingStatus", o.status),
    el("TnOptionGroups", ...o.groups.map(groupElement)),
    el(
      "ErrorList",
      ...o.errors.map((e) =>
        el("Error", tx("Code", e.code), tx("Description", e.description), tx("TelephoneNumber", e.telephoneNumber)),
      ),
    ),
    o.warnings.length > 0 &&
      el(
        "Warnings",
        ...o.warnings.map((w) =>
          el("Warning", tx("TelephoneNumber", w.telephoneNumber), tx("Description", w.description)),
        ),
      ),
  );
}

function summaryElement(o: TnOptionOrderRecord): XmlElement {
  return el(
    "TnOptionOrderSummary",
    tx("accountId", o.accountId),
    tx(
      "CountOfTNs",
      o.groups.reduce((n, g) => n + g.telephoneNumbers.length, 0),
    ),
    tx("CustomerOrderId", o.customerOrderId),
    tx("userId", o.createdByUser),
    tx("lastModifiedDate", o.lastModifiedDate),
    tx("OrderDate", o.orderCreateDate),
    tx("OrderType", "tn_option"),
    tx("OrderStatus", o.status),
    tx("OrderId", o.orderId),
  );
}

const A2P_STATE_ON_WIRE = { OVERRIDDEN: "overridden", OFF: "off" } as const;

/** `TelephoneNumberDetails` of a number in service, with its messaging settings and TN options. */
function detailsElement(d: NumberDetails): XmlElement {
  const s = d.settings;
  const options = OPTION_ELEMENTS.filter(([key]) => !NEVER_ECHOED.has(key) && key !== "sms").map(([key, element]) =>
    tx(element, s?.[key]),
  );
  return el(
    "TelephoneNumberResponse",
    el(
      "TelephoneNumberDetails",
      tx("FullNumber", d.telephoneNumber),
      tx("Status", "Inservice"),
      tx("AccountId", d.accountId),
      d.siteId !== undefined && el("Site", tx("Id", d.siteId)),
      d.peerId !== undefined && el("SipPeer", tx("PeerId", d.peerId)),
      el("ServiceTypes", tx("ServiceType", "Voice"), d.smsEnabled && tx("ServiceType", "Messaging")),
      tx("LastModified", d.lastModified),
      el(
        "MessagingSettings",
        tx("SmsEnabled", d.smsEnabled),
        tx("CampaignId", s?.a2p?.campaignId),
        tx("MessageClass", s?.a2p?.messageClass),
        tx("A2pState", s?.a2p ? A2P_STATE_ON_WIRE[s.a2p.state] : "system_default"),
      ),
      el("TnOptions", ...options),
    ),
  );
}

// ---- handlers --------------------------------------------------------------------------------------------------

type Handler = (model: TnOptionsModel, req: ApiRequest) => ApiResponse;

function accountOf(req: ApiRequest): { accountId: string; user: string } {
  return { accountId: req.params.accountId ?? req.account!.accountId, user: req.account!.username };
}

/** `POST /accounts/{a}/tnoptions`: 201 with the order RECEIVED and its Location. */
export const createTnOptionOrder: Handler = (model, req) => {
  const { accountId, user } = accountOf(req);
  const order = model.placeOrder(accountId, user, parseTnOptionOrder(req.body));
  return xmlResponse(201, el("TnOptionOrderResponse", tnOptionOrderElement(order)), {
    Location: `${req.baseUrl}/accounts/${accountId}/tnoptions/${order.orderId}`,
  });
};

/** `GET /accounts/{a}/tnoptions/{orderId}`: the order with its status, errors and warnings. */
export const getTnOptionOrder: Handler = (model, req) =>
  xmlResponse(200, tnOptionOrderElement(model.getOrder(accountOf(req).accountId, req.params.orderId)));

/** `GET /accounts/{a}/tnoptions`: summaries, or whole orders with `orderDetails=true`. */
export const listTnOptionOrders: Handler = (model, req) => {
  const orders = model.listOrders(accountOf(req).accountId, parseListFilter(req.query)).slice(0, 1000);
  const details = req.query.get("orderDetails") === "true";
  return xmlResponse(
    200,
    el(
      "TnOptionOrderReportResponse",
      el(
        "TnOptionOrders",
        tx("TotalCount", orders.length),
        ...orders.map((o) => (details ? tnOptionOrderElement(o) : summaryElement(o))),
      ),
    ),
  );
};

/** `GET /accounts/{a}/tnoptions/{orderId}/history`: every status the order reached. */
export const tnOptionOrderHistory: Handler = (model, req) => {
  const order = model.getOrder(accountOf(req).accountId, req.params.orderId);
  return xmlResponse(
    200,
    el(
      "OrderHistoryWrapper",
      ...order.history.map((h) =>
        el(
          "OrderHistory",
          tx("OrderDate", h.date),
          tx("Note", h.note),
          tx("Author", h.author),
          tx("Status", h.status.toLowerCase()),
        ),
      ),
    ),
  );
};

/** `GET /tns/{tn}/tndetails`: a number in service on the caller's account, with its settings. */
export const tnDetails: Handler = (model, req) =>
  xmlResponse(200, detailsElement(model.numberDetails(req.account!.accountId, req.params.tn)));

// ---- dialect -----------------------------------------------------------------------------------------------------

/** The HTTP status of each refusal (anything else the model raises is a 400). */
function statusOf(err: EmulatorError): number {
  if (err instanceof TnOptionFeatureNotEnabled) return 409;
  if (err instanceof TnOptionOrderNotFound || err instanceof TelephoneNumberNotFound) return 404;
  // TnOptionOrderInvalid, TelephoneNumberInvalid.
  return 400;
}

/**
 * How TN option orders and the per-number read refuse: `<Root><ResponseStatus><ErrorCode/><Description/>` with the
 * first error (the documented 400, 404 and 409 examples carry one); the rest of the Numbers API's dialect applies.
 */
export const TNOPTIONS_DIALECT: ApiDialect = {
  refusal(err, errorRoot) {
    const e = err.details[0] ?? { code: "", description: err.message };
    return xmlResponse(
      statusOf(err),
      el(
        errorRoot ?? "TnOptionOrderResponse",
        el("ResponseStatus", tx("ErrorCode", e.code || undefined), tx("Description", e.description)),
      ),
    );
  },
};
