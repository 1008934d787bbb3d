import { type ErrorDetail, ValidationError } from "../errors";
import type { ApiRequest, ApiResponse } from "../http-types";
import type { InventoryNumber } from "../inventory";
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
import { CODES } from "./errors";
import {
  type DisconnectRecord,
  type DisconnectRequest,
  type MoveRecord,
  type MoveRequest,
  type NumbersModel,
  type OrderRecord,
  type OrderRequest,
  type OrderTypeInput,
  parseSearchQuery,
  type TnRecord,
} from "./models";

// ---- XML in ----------------------------------------------------------------------------------------------------

/** Parses a request body; malformed XML → ValidationError. Returns the root element's content. */
export function parseXmlBody(body: string, rootNames: string[]): { root: string; node: XmlNode } {
  const doc = readXml(body);
  if (doc === undefined) {
    throw new ValidationError([{ code: "1002", description: "The request body is not well-formed XML" }]);
  }
  for (const name of rootNames) {
    const node = doc[name]?.[0];
    if (node !== undefined) return { root: name, node: typeof node === "object" ? (node as XmlNode) : {} };
  }
  throw new ValidationError([{ code: "1002", description: `Expected a <${rootNames[0]}> document` }]);
}

const child = xmlChild;
const text = xmlText;
const texts = xmlTexts;

/** List elements inside order types, and the element of each item. */
const LIST_ITEMS: Readonly<Record<string, string>> = {
  TelephoneNumberList: "TelephoneNumber",
  ReservationIdList: "ReservationId",
};

/** Reads `<Order>`: common fields plus every child whose name ends in "OrderType". */
export function parseOrder(body: string): OrderRequest {
  const { node } = parseXmlBody(body, ["Order"]);
  const orderTypes: OrderTypeInput[] = [];
  for (const [element, values] of Object.entries(node)) {
    if (!element.endsWith("OrderType")) continue;
    for (const value of values) {
      const typeNode = typeof value === "object" ? (value as XmlNode) : {};
      const fields: OrderTypeInput["fields"] = Object.keys(typeNode).map((field) => {
        const item = LIST_ITEMS[field];
        return item ? [field, texts(child(typeNode, field), item)] : [field, text(typeNode, field) ?? ""];
      });
      orderTypes.push({ element, fields });
    }
  }
  return {
    name: text(node, "Name", "name"),
    customerOrderId: text(node, "CustomerOrderId"),
    siteId: text(node, "SiteId"),
    peerId: text(node, "PeerId"),
    partialAllowed: text(node, "PartialAllowed"),
    backOrderRequested: text(node, "BackOrderRequested"),
    tnAttributes: node.TnAttributes ? texts(child(node, "TnAttributes"), "TnAttribute") : undefined,
    orderTypes,
  };
}

/** Reads the `<Order>` of a PUT (rename or close). */
export function parseOrderUpdate(body: string): { name?: string; customerOrderId?: string; closeOrder?: string } {
  const { node } = parseXmlBody(body, ["Order"]);
  return {
    name: text(node, "Name", "name"),
    customerOrderId: text(node, "CustomerOrderId"),
    closeOrder: text(node, "CloseOrder"),
  };
}

/** Reads `<DisconnectTelephoneNumberOrder>`; accepts `<name>` and `<Name>`. */
export function parseDisconnect(body: string): DisconnectRequest {
  const { node } = parseXmlBody(body, ["DisconnectTelephoneNumberOrder"]);
  const type = child(node, "DisconnectTelephoneNumberOrderType");
  return {
    name: text(node, "name", "Name"),
    customerOrderId: text(node, "CustomerOrderId"),
    numbers: texts(child(type, "TelephoneNumberList"), "TelephoneNumber"),
    disconnectMode: text(type, "DisconnectMode") ?? text(node, "DisconnectMode"),
    protected: text(type, "Protected") ?? text(node, "Protected"),
  };
}

/** Reads `<MoveTnsOrder>` (numbers.yml CreateMoveTnsOrder). */
export function parseMove(body: string): MoveRequest {
  const { node } = parseXmlBody(body, ["MoveTnsOrder"]);
  return {
    customerOrderId: text(node, "CustomerOrderId"),
    sourceAccountId: text(node, "SourceAccountId"),
    e911ServiceAction: text(node, "E911ServiceAction"),
    siteId: text(node, "SiteId"),
    sipPeerId: text(node, "SipPeerId"),
    numbers: texts(child(node, "TelephoneNumbers"), "TelephoneNumber"),
  };
}

// ---- documents -------------------------------------------------------------------------------------------------

function errorElement(e: ErrorDetail): XmlElement {
  return el("Error", tx("Code", e.code), tx("Description", e.description), tx("TelephoneNumber", e.telephoneNumber));
}

function errorList(errors: ErrorDetail[]): XmlElement | undefined {
  return errors.length > 0 ? el("ErrorList", ...errors.map(errorElement)) : undefined;
}

/** A 400/404 with `<Root><ErrorList>...` (orders, disconnects) or bare `<Error>`s (searches). */
export function errorDocument(status: number, root: string, errors: ErrorDetail[]): ApiResponse {
  if (root === "SearchResult") return xmlResponse(status, el(root, ...errors.map(errorElement)));
  if (root === "TelephoneNumberResponse" || root === "ResponseStatus") {
    const e = errors[0];
    return xmlResponse(
      status,
      el(root, el("ResponseStatus", tx("ErrorCode", e?.code), tx("Description", e?.description))),
    );
  }
  return xmlResponse(status, el(root, errorList(errors)));
}

function orderTypeElement(t: OrderTypeInput): XmlElement {
  return el(
    t.element,
    ...t.fields.map(([field, value]) =>
      Array.isArray(value) ? el(field, ...value.map((v) => tx(LIST_ITEMS[field] ?? "Item", v))) : tx(field, value),
    ),
  );
}

function orderEcho(o: OrderRecord, withId: boolean): XmlElement {
  return el(
    "Order",
    tx("CustomerOrderId", o.customerOrderId),
    tx("Name", o.name),
    tx("OrderCreateDate", o.orderCreateDate),
    tx("PeerId", o.peerId),
    tx("BackOrderRequested", o.backOrderRequested),
    withId && tx("id", o.id),
    orderTypeElement(o.orderType),
    tx("PartialAllowed", o.partialAllowed),
    tx("SiteId", o.siteId),
    o.tnAttributes && el("TnAttributes", ...o.tnAttributes.map((a) => tx("TnAttribute", a))),
  );
}

/** `GET /orders/{id}`: the full OrderResponse; the echo carries no `<id>` (documented quirk). */
export function orderDocument(o: OrderRecord): XmlElement {
  const finished = o.status !== "RECEIVED";
  return el(
    "OrderResponse",
    tx("CompletedQuantity", o.completedNumbers.length),
    tx("CreatedByUser", o.createdByUser),
    errorList(o.errors),
    o.failedNumbers.length > 0 && el("FailedNumbers", ...o.failedNumbers.map((tn) => tx("FullNumber", tn))),
    tx("LastModifiedDate", o.lastModifiedDate),
    tx("OrderCompleteDate", o.orderCompleteDate),
    orderEcho(o, false),
    tx("OrderStatus", o.status),
    o.completedNumbers.length > 0 &&
      el("CompletedNumbers", ...o.completedNumbers.map((tn) => el("TelephoneNumber", tx("FullNumber", tn)))),
    finished && tx("Summary", o.summary),
    tx("FailedQuantity", o.failedNumbers.length),
  );
}

function disconnectDocument(d: DisconnectRecord, full: boolean): XmlElement {
  return el(
    "DisconnectTelephoneNumberOrderResponse",
    full &&
      d.status !== "RECEIVED" &&
      el("DisconnectedTelephoneNumberList", ...d.disconnected.map((tn) => tx("TelephoneNumber", tn))),
    full && d.status !== "RECEIVED" && el("ErrorList", ...d.errors.map(errorElement)),
    el(
      "orderRequest",
      // A disconnect's GET echoes its Name (an SDK fixture shows it); the guide's 201 answer does not.
      full && tx("Name", d.name),
      tx("CustomerOrderId", d.customerOrderId),
      tx("OrderCreateDate", d.orderCreateDate),
      tx("id", d.id),
      el(
        "DisconnectTelephoneNumberOrderType",
        el("TelephoneNumberList", ...d.numbers.map((tn) => tx("TelephoneNumber", tn))),
        tx("DisconnectMode", d.disconnectMode),
        tx("Protected", d.protected),
      ),
    ),
    tx("OrderStatus", d.status),
  );
}

function tnDetail(n: InventoryNumber): XmlElement {
  return el(
    "TelephoneNumberDetail",
    tx("City", n.city),
    tx("LATA", n.lata),
    tx("RateCenter", n.rateCenter),
    tx("State", n.state),
    tx("TelephoneNumber", n.fullNumber),
  );
}

/** The list statuses Bandwidth's orders and disconnects lists take; any other value is refused with 15518. */
const LIST_STATUSES = ["complete", "partial", "failed", "backordered"];
const MAX_PAGE_SIZE = 1000;

/** A list query as Bandwidth documents it: `page` is a cursor (`1`, then an id from `<Links><next>`), `size` ≤ 1000. */
interface ListQuery {
  page: string;
  size: number;
  status?: string[];
  customerOrderId?: string;
  startDate?: string;
  endDate?: string;
  tn?: string;
}

function parseListQuery(query: URLSearchParams): ListQuery {
  const errors: ErrorDetail[] = [];
  const page = query.get("page");
  const sizeText = query.get("size");
  // Bandwidth requires both; "%s is required" is its documented 1003.
  if (page === null || page === "") errors.push({ code: CODES.required, description: "page is required" });
  if (sizeText === null || sizeText === "") errors.push({ code: CODES.required, description: "size is required" });
  const size = Number(sizeText);
  if (sizeText && (!/^\d+$/.test(sizeText) || size < 1 || size > MAX_PAGE_SIZE)) {
    errors.push({ code: CODES.listSize, description: `size must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  const statuses = query.getAll("status").flatMap((v) => v.split(","));
  for (const status of statuses) {
    if (!LIST_STATUSES.includes(status.toLowerCase())) {
      errors.push({
        code: CODES.badListStatus,
        description: `${status} is not a valid status; use one of ${LIST_STATUSES.join(", ")}`,
      });
    }
  }
  const dates: Record<string, string | undefined> = {};
  for (const name of ["startdate", "enddate"]) {
    const value = query.get(name) ?? query.get(name.replace("date", "Date")) ?? undefined;
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      errors.push({ code: CODES.listDate, description: `${name} must be yyyy-mm-dd` });
    }
    dates[name] = value;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    page: page!,
    size,
    status: statuses.length > 0 ? statuses.map((v) => v.toUpperCase()) : undefined,
    customerOrderId: query.get("customerOrderId") ?? undefined,
    startDate: dates.startdate,
    endDate: dates.enddate,
    tn: query.get("tn") ?? undefined,
  };
}

/** The page that starts at the cursor: `1` is the first item; any other value must be the id of a listed item. */
function pageOf<T>(items: T[], q: ListQuery, idOf: (item: T) => string): { slice: T[]; next?: string } {
  let start = 0;
  if (q.page !== "1") {
    start = items.findIndex((item) => idOf(item) === q.page);
    // A numbered page (page=2) is read as an order id by Bandwidth: one that names no listed order is refused.
    if (start < 0) {
      throw new ValidationError([
        { code: CODES.listCursor, description: `page ${q.page} names no order in this list` },
      ]);
    }
  }
  const slice = items.slice(start, start + q.size);
  const next = items[start + q.size];
  return { slice, next: next === undefined ? undefined : idOf(next) };
}

function links(req: ApiRequest, size: number, next: string | undefined): XmlElement {
  const base = `${req.baseUrl}${req.path}`;
  const q = (p: string) => {
    const params = new URLSearchParams(req.query);
    params.set("page", p);
    params.set("size", String(size));
    return `<${base}?${params}>`;
  };
  return el(
    "Links",
    tx("first", `Link=${q("1")};rel="first";`),
    next !== undefined && tx("next", `Link=${q(next)};rel="next";`),
  );
}

// ---- handlers ----------------------------------------------------------------------------------------------------

/** `GET /accounts/{a}/availableNumbers` */
export function searchAvailableNumbers(model: NumbersModel, req: ApiRequest): ApiResponse {
  const query = parseSearchQuery(Object.fromEntries(req.query));
  const found = model.search(query);
  if (found.length === 0) return xmlResponse(200, el("SearchResult", tx("ResultCount", 0)));
  return xmlResponse(
    200,
    el(
      "SearchResult",
      tx("ResultCount", found.length),
      query.enableTNDetail
        ? el("TelephoneNumberDetailList", ...found.map(tnDetail))
        : el("TelephoneNumberList", ...found.map((n) => tx("TelephoneNumber", n.fullNumber))),
    ),
  );
}

/** `POST /accounts/{a}/orders` → 201 + Location, lower-case `<id>` in the echo. */
export function createOrder(model: NumbersModel, req: ApiRequest): ApiResponse {
  const order = model.placeOrder(req.params.accountId, parseOrder(req.body));
  return xmlResponse(201, el("OrderResponse", orderEcho(order, true), tx("OrderStatus", order.status)), {
    Location: `${req.baseUrl}/accounts/${order.accountId}/orders/${order.id}`,
  });
}

/** `GET /accounts/{a}/orders/{id}` */
export function getOrder(model: NumbersModel, req: ApiRequest): ApiResponse {
  return xmlResponse(200, orderDocument(model.getOrder(req.params.accountId, req.params.orderId)));
}

/** `PUT /accounts/{a}/orders/{id}` (rename, CloseOrder): 200 with an empty `<OrderResponse/>` (numbers.yml UpdateOrder). */
export function updateOrder(model: NumbersModel, req: ApiRequest): ApiResponse {
  model.updateOrder(req.params.accountId, req.params.orderId, parseOrderUpdate(req.body));
  return xmlResponse(200, el("OrderResponse"));
}

/**
 * The list shape orders and disconnects share: one page of `OrderIdUserIdDate` rows with paging links. An empty
 * list answers `empty`, each list's documented 404.
 */
function orderList<T>(
  req: ApiRequest,
  q: ListQuery,
  items: T[],
  idOf: (item: T) => string,
  row: (item: T) => XmlChild[],
  empty: ApiResponse,
): ApiResponse {
  if (items.length === 0) return empty;
  const { slice, next } = pageOf(items, q, idOf);
  return xmlResponse(
    200,
    el(
      "ResponseSelectWrapper",
      el(
        "ListOrderIdUserIdDate",
        tx("TotalCount", items.length),
        links(req, q.size, next),
        ...slice.map((item) => el("OrderIdUserIdDate", ...row(item))),
      ),
    ),
  );
}

/** `GET /accounts/{a}/orders?customerOrderId=&status=&page=&size=` */
export function listOrders(model: NumbersModel, req: ApiRequest): ApiResponse {
  const q = parseListQuery(req.query);
  const orders = model.listOrders(req.params.accountId, q);
  return orderList(
    req,
    q,
    orders,
    (o) => o.id,
    (o) => [
      tx("CountOfTNs", o.completedNumbers.length),
      tx("CustomerOrderId", o.customerOrderId),
      tx("userId", o.createdByUser),
      tx("lastModifiedDate", o.lastModifiedDate),
      tx("OrderDate", o.orderCreateDate),
      tx("OrderType", "new_number"),
      tx("orderId", o.id),
      tx("OrderStatus", o.status),
    ],
    // numbers.yml ListOrders documents its 404 ("Not Found") with no body.
    { status: 404 },
  );
}

/** `POST /accounts/{a}/disconnects` → 201 + Location. */
export function createDisconnect(model: NumbersModel, req: ApiRequest): ApiResponse {
  const d = model.placeDisconnect(req.params.accountId, parseDisconnect(req.body));
  return xmlResponse(201, disconnectDocument(d, false), {
    Location: `${req.baseUrl}/accounts/${d.accountId}/disconnects/${d.id}`,
  });
}

/** `GET /accounts/{a}/disconnects/{id}` */
export function getDisconnect(model: NumbersModel, req: ApiRequest): ApiResponse {
  return xmlResponse(200, disconnectDocument(model.getDisconnect(req.params.accountId, req.params.disconnectId), true));
}

/** `GET /accounts/{a}/disconnects` — note the capitalised `<OrderId>` here (documented quirk). */
export function listDisconnects(model: NumbersModel, req: ApiRequest): ApiResponse {
  const q = parseListQuery(req.query);
  const all = model.listDisconnects(req.params.accountId, q);
  return orderList(
    req,
    q,
    all,
    (d) => d.id,
    (d) => [
      tx("CountOfTNs", d.numbers.length),
      tx("CustomerOrderId", d.customerOrderId),
      tx("userId", d.createdByUser),
      tx("lastModifiedDate", d.lastModifiedDate),
      tx("OrderId", d.id),
      tx("OrderType", "disconnect"),
      tx("OrderDate", d.orderCreateDate),
      tx("OrderStatus", d.status),
    ],
    // numbers.yml ReadDisconnectOrders: 404 "No disconnect orders are present", its example a bare `<Links><first>`.
    xmlResponse(404, el("Links", tx("first", `Link=<${req.baseUrl}${req.path}?page=1&size=${q.size}>;rel="first";`))),
  );
}

function tnDocument(rec: TnRecord): XmlElement {
  return el(
    "TelephoneNumberResponse",
    tx("TelephoneNumber", rec.fullNumber),
    tx("Status", rec.status),
    tx("LastModifiedDate", rec.lastModifiedDate),
    tx("OrderCreateDate", rec.orderCreateDate),
    tx("OrderId", rec.orderId),
    tx("OrderType", rec.orderType),
    tx("SiteId", rec.siteId),
    tx("AccountId", rec.accountId),
  );
}

/**
 * A move order as numbers.yml's examples show it: `<MoveTnsOrder>` with ProcessingStatus, the numbers (those asked
 * for while RECEIVED, those moved once final) and `<Errors><Error>` naming each number it could not move.
 */
function moveDocument(m: MoveRecord): XmlElement {
  const final = m.status !== "RECEIVED";
  return el(
    "MoveTnsOrder",
    tx("OrderCreateDate", m.orderCreateDate),
    tx("AccountId", m.accountId),
    tx("SourceAccountId", m.sourceAccountId),
    tx("CreatedByUser", m.createdByUser),
    tx("OrderId", m.id),
    tx("CustomerOrderId", m.customerOrderId),
    tx("LastModifiedDate", m.lastModifiedDate),
    tx("SiteId", m.siteId),
    tx("SipPeerId", m.sipPeerId),
    el("TelephoneNumbers", ...(final ? m.moved : m.numbers).map((tn) => tx("TelephoneNumber", tn))),
    tx("ProcessingStatus", m.status),
    m.errors.length > 0 &&
      el(
        "Errors",
        ...m.errors.map((e) =>
          el(
            "Error",
            tx("Code", e.code),
            tx("Description", e.description),
            el("TelephoneNumbers", tx("TelephoneNumber", e.telephoneNumber)),
          ),
        ),
      ),
  );
}

/**
 * `POST /accounts/{a}/moveTns` → 201 `<MoveTnsOrderResponse><MoveTnsOrder>` and a Location; a refusal is the
 * documented 400 `<MoveTnsOrderResponse><ProcessingStatus>FAILED</ProcessingStatus><Errors><Code/><Description/>`.
 */
export function createMove(model: NumbersModel, req: ApiRequest): ApiResponse {
  let move: MoveRecord;
  try {
    move = model.placeMove(req.params.accountId, parseMove(req.body));
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return xmlResponse(
      400,
      el(
        "MoveTnsOrderResponse",
        tx("ProcessingStatus", "FAILED"),
        ...err.details.map((e) => el("Errors", tx("Code", e.code), tx("Description", e.description))),
      ),
    );
  }
  return xmlResponse(201, el("MoveTnsOrderResponse", moveDocument(move)), {
    Location: `${req.baseUrl}/accounts/${move.accountId}/moveTns/${move.id}`,
  });
}

/**
 * `GET /accounts/{a}/moveTns?tn=&customerOrderId=`: the reference marks both filters required (1003 without them);
 * rows as in its example, `<MoveTnsOrders><TotalCount/><MoveTnsOrderSummary>…`. No match is an empty list.
 */
export function listMoves(model: NumbersModel, req: ApiRequest): ApiResponse {
  const tn = req.query.get("tn") ?? "";
  const customerOrderId = req.query.get("customerOrderId") ?? "";
  const missing = [...(tn === "" ? ["tn"] : []), ...(customerOrderId === "" ? ["customerOrderId"] : [])].map(
    (name) => ({ code: CODES.required, description: `${name} is required` }),
  );
  if (missing.length > 0) throw new ValidationError(missing);
  const rows = model
    .listMoves(req.params.accountId)
    .filter((m) => m.customerOrderId === customerOrderId && m.numbers.includes(tn.replace(/^\+?1(?=\d{10}$)/, "")));
  return xmlResponse(
    200,
    el(
      "MoveTnsOrders",
      tx("TotalCount", rows.length),
      ...rows.map((m) =>
        el(
          "MoveTnsOrderSummary",
          tx("accountId", m.accountId),
          tx("SourceAccountId", m.sourceAccountId),
          tx("CountOfTNs", m.numbers.length),
          tx("CustomerOrderId", m.customerOrderId),
          tx("userId", m.createdByUser),
          tx("lastModifiedDate", m.lastModifiedDate),
          tx("OrderDate", m.orderCreateDate),
          tx("OrderType", "move_tn_orders"),
          tx("OrderStatus", m.status),
          tx("OrderId", m.id),
        ),
      ),
    ),
  );
}

/** `GET /accounts/{a}/moveTns/{id}`: the bare `<MoveTnsOrder>` of numbers.yml's ReadMoveTnsOrder example. */
export function getMove(model: NumbersModel, req: ApiRequest): ApiResponse {
  return xmlResponse(200, moveDocument(model.getMove(req.params.accountId, req.params.orderId)));
}

/** `GET /tns/{tn}`: answers for any number Bandwidth knows, whichever account holds it. */
export function getTn(model: NumbersModel, req: ApiRequest): ApiResponse {
  const rec = model.tn(req.params.tn);
  if (!rec) {
    return errorDocument(404, "TelephoneNumberResponse", [
      { code: "12738", description: `Telephone number ${req.params.tn} not found` },
    ]);
  }
  return xmlResponse(200, tnDocument(rec));
}

/** `GET /accounts/{a}/inserviceNumbers/{tn}`: 200 empty body or 404. */
export function getInServiceNumber(model: NumbersModel, req: ApiRequest): ApiResponse {
  return { status: model.isInService(req.params.accountId, req.params.tn) ? 200 : 404 };
}

/** `GET /accounts/{a}/inserviceNumbers`: the account's numbers in service. */
export function listInServiceNumbers(model: NumbersModel, req: ApiRequest): ApiResponse {
  const numbers = model.numbersInService(req.params.accountId);
  // Bandwidth documents 204 with no body for an account with nothing in service.
  if (numbers.length === 0) return { status: 204 };
  return xmlResponse(
    200,
    el(
      "TNs",
      tx("TotalCount", numbers.length),
      el("TelephoneNumbers", tx("Count", numbers.length), ...numbers.map((tn) => tx("TelephoneNumber", tn))),
    ),
  );
}
