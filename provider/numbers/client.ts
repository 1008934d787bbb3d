/**
 * The Numbers ("Dashboard") API client: search, new-number orders, disconnects and number lookups, in XML over the
 * shared transport. Every GET of orders, disconnects and TNs counts against the HISTORY rate-limit category.
 */
import {
  ApiError,
  type ApiErrorDetail,
  type BandwidthError,
  InvalidRequestError,
  MalformedResponseError,
  NotFoundError,
} from "../http/errors";
import type { NumbersAuth } from "../config";
import { type Authorizer, BasicAuthorizer, sharedClientCredentials } from "../http/oauth";
import { Transport, type TransportOptions } from "../http/transport";
import { progress } from "../resources/lifecycle";
import { orderTypeElement, searchQuery, tenDigitNumber } from "./orderTypes";
import type {
  AvailableNumber,
  AvailableNumbersQuery,
  DisconnectInfo,
  MoveOrderInfo,
  NewDisconnect,
  NewMove,
  NewOrder,
  OrderInfo,
  OrderSummary,
  NewTnOptionOrder,
  TelephoneNumberInfo,
  TnDetails,
  TnOptionGroup,
  TnOptionOrderInfo,
} from "./types";
import {
  child,
  descend,
  describeXmlErrors,
  isoDate,
  nodes,
  readErrorDetails,
  readXml,
  text,
  texts,
  writeXml,
  type XmlInput,
  type XmlNode,
} from "./xml";

/** Rate-limit categories of the Numbers API. */
export const NumbersCategory = {
  ORDER: "ORDER",
  SEARCH: "SEARCH",
  DISCONNECT: "DISCONNECT",
  HISTORY: "HISTORY",
  /** `inserviceNumbers`, metered apart from HISTORY. */
  INSERVICE_NPANXX: "INSERVICE_NPANXX",
} as const;

/** Where and as whom the Numbers client talks. */
export interface NumbersClientOptions {
  /** Prefix before `/accounts/...`, e.g. `https://api.bandwidth.com/api`. */
  dashboardUrl: string;
  accountId: string;
  /** OAuth 2.0 client credentials, or a legacy API User's username and password. */
  auth: NumbersAuth;
  transport?: Partial<TransportOptions>;
}

let basicWarned = false;

/**
 * The Authorization source of the Dashboard API: the process-wide token of a client credential, or HTTP Basic for a
 * legacy API User (with one warning per process that Bandwidth retires it on 2026-12-02).
 */
export function dashboardAuthorizer(auth: NumbersAuth): Authorizer {
  if (auth.kind === "client-credentials") return sharedClientCredentials(auth);
  if (!basicWarned) {
    basicWarned = true;
    progress(
      "warning: the Numbers API is using a legacy API User (bandwidth:username/bandwidth:password), which Bandwidth " +
        "retires on 2026-12-02; set bandwidth:clientId and bandwidth:clientSecret (OAuth 2.0 client credentials).",
    );
  }
  return new BasicAuthorizer(auth.username, auth.password);
}

const XML = "application/xml; charset=utf-8";
/** Rows asked for per page of a list; Bandwidth's largest documented page. */
const LIST_PAGE_SIZE = 1000;
/** The only values Bandwidth's orders and disconnects lists take for `status` (anything else: 400, code 15518). */
export const LIST_STATUS_FILTERS: ReadonlySet<string> = new Set(["complete", "partial", "failed", "backordered"]);
const LIST_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the orders and disconnects lists, as Bandwidth documents them. */
export interface OrderListFilter {
  /** Orders placed with this CustomerOrderId (not unique on Bandwidth's side). */
  customerOrderId?: string;
  /** Only complete, partial, failed or backordered: a pending order is found by a date range and its row's status. */
  status?: string | string[];
  /** yyyy-mm-dd: orders created on or after that day. */
  startDate?: string;
  /** yyyy-mm-dd: orders created on or before that day. */
  endDate?: string;
  /** Orders that carry this 10-digit number. */
  tn?: string;
  /** Rows per page, 1 to 1000 (default 1000). */
  size?: number;
  /** Stop after this many pages (default: every page). */
  maxPages?: number;
}

/** One row of the disconnects list. */
export interface DisconnectSummary {
  orderId: string;
  customerOrderId?: string;
  /** The row's own OrderStatus. */
  status: string;
  /** ISO 8601. */
  orderDate?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
  countOfTNs: number;
}

/**
 * The cursor in a `<Links><next>` value such as `Link=<https://…/orders?page=7093ae…&size=100>;rel="next";`: the
 * `page` query parameter of the URL inside the angle brackets (an order id, or `1`).
 */
export function nextCursor(link: string | undefined): string | undefined {
  if (!link) return undefined;
  const url = /<([^>]+)>/.exec(link)?.[1] ?? link.trim();
  try {
    return new URL(url, "http://cursor.invalid").searchParams.get("page") ?? undefined;
  } catch {
    return undefined;
  }
}

/** The query of one list page; a filter Bandwidth would refuse is refused here, before any request. */
function listQuery(f: OrderListFilter): Record<string, string | string[] | undefined> {
  const status = f.status === undefined ? [] : Array.isArray(f.status) ? f.status : [f.status];
  for (const s of status) {
    if (!LIST_STATUS_FILTERS.has(s.toLowerCase())) {
      throw new InvalidRequestError(
        `Bandwidth's order lists filter status by complete, partial, failed or backordered only, not "${s}"`,
      );
    }
  }
  for (const [name, value] of [
    ["startDate", f.startDate],
    ["endDate", f.endDate],
  ] as const) {
    if (value !== undefined && !LIST_DATE.test(value)) {
      throw new InvalidRequestError(`${name} of an order list is yyyy-mm-dd, not "${value}"`);
    }
  }
  const size = f.size ?? LIST_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > LIST_PAGE_SIZE) {
    throw new InvalidRequestError(`an order list's page size is 1 to ${LIST_PAGE_SIZE}, not ${size}`);
  }
  return {
    size: String(size),
    customerOrderId: f.customerOrderId,
    status: status.length > 0 ? status.map((s) => s.toLowerCase()) : undefined,
    startdate: f.startDate,
    enddate: f.endDate,
    tn: f.tn === undefined ? undefined : tenDigitNumber(f.tn),
  };
}

// A safety stop for a list that never ends (a misbehaving server), far above any real account's order count.
const MAX_PAGES = 1000;

function lastPathSegment(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const path = location.split(/[?#]/)[0].replace(/\/+$/, "");
  const segment = path.slice(path.lastIndexOf("/") + 1);
  return segment ? decodeURIComponent(segment) : undefined;
}

function count(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isNaN(n) ? fallback : n;
}

// A 2xx body without an id either reports errors (ApiError, every one quoted) or is not what the API sends.
function missingId(kind: string, errors: ApiErrorDetail[]): BandwidthError {
  if (errors.length > 0) return new ApiError({ method: "POST", errors }, `${kind} not created`);
  return new MalformedResponseError(`${kind} created but neither the body nor Location carries its id`, {
    method: "POST",
  });
}

/** Numbers under a list element, whether written bare (`<FullNumber>`) or wrapped (`<TelephoneNumber><FullNumber>`). */
function numbersIn(list: XmlNode | undefined): string[] {
  const bare = [...texts(list, "FullNumber"), ...texts(list, "TelephoneNumber")];
  const wrapped = nodes(list, "TelephoneNumber").flatMap((tn) => texts(tn, "FullNumber"));
  return [...bare, ...wrapped];
}

/**
 * The transport of a Dashboard API client (Numbers and provisioning calls alike): the account's base URL, its
 * authorizer, Bandwidth's X-RateLimit-Reset in seconds, and its XML error reader.
 */
export function dashboardTransport(opts: NumbersClientOptions): Transport {
  return new Transport({
    baseUrl: opts.dashboardUrl,
    authorizer: dashboardAuthorizer(opts.auth),
    account: opts.accountId,
    options: { rateLimitResetUnit: "seconds", describeErrors: describeXmlErrors, ...opts.transport },
  });
}

/** The Numbers API client. */
export class NumbersClient {
  private readonly transport: Transport;
  private readonly accountId: string;

  constructor(opts: NumbersClientOptions) {
    this.accountId = opts.accountId;
    this.transport = dashboardTransport(opts);
  }

  private accountPath(...segments: string[]): string {
    return ["accounts", this.accountId, ...segments].map(encodeURIComponent).join("/");
  }

  private async get(path: string, category: string, query?: Record<string, string | string[] | undefined>) {
    const res = await this.transport.request({ method: "GET", path, query, category, accept: XML });
    return { doc: readXml(res.body, this.transport.options.maxResponseBytes), headers: res.headers };
  }

  private async send(method: "POST" | "PUT", path: string, category: string, root: string, body: XmlInput) {
    const res = await this.transport.request({
      method,
      path,
      category,
      accept: XML,
      contentType: XML,
      body: writeXml(root, body as { [name: string]: XmlInput }),
    });
    return { doc: readXml(res.body, this.transport.options.maxResponseBytes), headers: res.headers };
  }

  /** Searches available numbers (`GET /accounts/{a}/availableNumbers`); an empty result is an empty array. */
  async searchAvailableNumbers(q: AvailableNumbersQuery): Promise<AvailableNumber[]> {
    const { doc } = await this.get(this.accountPath("availableNumbers"), NumbersCategory.SEARCH, searchQuery(q));
    const result = child(doc, "SearchResult");
    const details = nodes(child(result, "TelephoneNumberDetailList"), "TelephoneNumberDetail");
    if (details.length > 0) {
      return details
        .map((d) => ({
          telephoneNumber: text(d, "FullNumber") ?? text(d, "TelephoneNumber") ?? "",
          city: text(d, "City"),
          lata: text(d, "Lata"),
          rateCenter: text(d, "RateCenter"),
          state: text(d, "State"),
        }))
        .filter((n) => n.telephoneNumber !== "");
    }
    return texts(child(result, "TelephoneNumberList"), "TelephoneNumber").map((telephoneNumber) => ({
      telephoneNumber,
    }));
  }

  /**
   * Places a new-number order (`POST /accounts/{a}/orders`). Quantity, PartialAllowed and BackOrderRequested are
   * always sent. A lost response surfaces as a TransportError with `mayHaveReachedServer`: find the order with
   * `listOrders({ customerOrderId })` before placing it again.
   */
  async createOrder(o: NewOrder): Promise<{ orderId: string; status: string; location?: string }> {
    const body: { [name: string]: XmlInput } = {
      Name: o.name,
      CustomerOrderId: o.customerOrderId,
      SiteId: o.siteId,
      PeerId: o.peerId,
      PartialAllowed: o.partialAllowed,
      BackOrderRequested: o.backOrderRequested,
      TnAttributes: o.tnAttributes?.length ? { TnAttribute: o.tnAttributes } : undefined,
      ...orderTypeElement(o.criteria),
    };
    const { doc, headers } = await this.send("POST", this.accountPath("orders"), NumbersCategory.ORDER, "Order", body);
    const response = child(doc, "OrderResponse");
    const orderId = text(child(response, "Order"), "Id") ?? lastPathSegment(headers.location);
    if (!orderId) {
      throw missingId("order", readErrorDetails(doc));
    }
    return { orderId, status: text(response, "OrderStatus") ?? "RECEIVED", location: headers.location };
  }

  /** Reads an order (`GET /accounts/{a}/orders/{id}`); a FAILED order is returned, not thrown, with every error. */
  async getOrder(orderId: string): Promise<OrderInfo> {
    const { doc } = await this.get(this.accountPath("orders", orderId), NumbersCategory.HISTORY);
    const response = child(doc, "OrderResponse") ?? {};
    const order = child(response, "Order");
    const completedNumbers = numbersIn(child(response, "CompletedNumbers"));
    const failedNumbers = numbersIn(child(response, "FailedNumbers"));
    // The echoed order-type element (e.g. AreaCodeSearchAndOrderType) says which kind of order this is, and with what.
    const orderType = Object.keys(order ?? {}).find((name) => /OrderType$/.test(name));
    const echoed = orderType ? child(order, orderType) : undefined;
    const orderTypeFields: Record<string, string> = {};
    for (const [name, value] of Object.entries(echoed ?? {})) {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        orderTypeFields[name] = String(value);
      }
    }
    return {
      orderId,
      status: text(response, "OrderStatus") ?? "",
      name: text(order, "Name"),
      customerOrderId: text(order, "CustomerOrderId"),
      siteId: text(order, "SiteId"),
      peerId: text(order, "PeerId"),
      orderType,
      orderTypeFields: orderType ? orderTypeFields : undefined,
      orderCreateDate: isoDate(text(order, "OrderCreateDate") ?? text(response, "OrderCreateDate")),
      lastModifiedDate: isoDate(text(response, "LastModifiedDate")),
      orderCompleteDate: isoDate(text(response, "OrderCompleteDate")),
      completedNumbers,
      failedNumbers,
      completedQuantity: count(text(response, "CompletedQuantity"), completedNumbers.length),
      failedQuantity: count(text(response, "FailedQuantity"), failedNumbers.length),
      errors: readErrorDetails(response),
      summary: text(response, "Summary"),
    };
  }

  /** Renames an order, sets its CustomerOrderId, or closes a BACKORDERED order (`PUT /accounts/{a}/orders/{id}`). */
  async updateOrder(
    orderId: string,
    u: { name?: string; customerOrderId?: string; closeOrder?: boolean },
  ): Promise<void> {
    await this.send("PUT", this.accountPath("orders", orderId), NumbersCategory.ORDER, "Order", {
      Name: u.name,
      CustomerOrderId: u.customerOrderId,
      CloseOrder: u.closeOrder,
    });
  }

  /**
   * Follows the cursor pages of an orders or disconnects list: `page=1`, then the id named by the previous answer's
   * `<Links><next>` (never a page number). An empty list may answer 404 or 204: both are no rows.
   */
  private async listPages(
    what: "orders" | "disconnects",
    f: OrderListFilter,
  ): Promise<{ rows: XmlNode[]; complete: boolean }> {
    const query = listQuery(f);
    const rows: XmlNode[] = [];
    const seen = new Set<string>();
    // Complete unless the page cap stops the walk while a next page is named.
    let complete = false;
    for (let page = "1", pages = 0; pages < (f.maxPages ?? MAX_PAGES); pages++) {
      seen.add(page);
      let res;
      try {
        res = await this.transport.request({
          method: "GET",
          path: this.accountPath(what),
          query: { page, ...query },
          category: NumbersCategory.HISTORY,
          accept: XML,
        });
      } catch (err) {
        if (err instanceof NotFoundError) {
          complete = true; // Bandwidth answers an empty disconnects list with 404
          break;
        }
        throw err;
      }
      if (res.status === 204 || res.body.length === 0) {
        complete = true;
        break;
      }
      const doc = readXml(res.body, this.transport.options.maxResponseBytes);
      const list = descend(doc, "ResponseSelectWrapper", "ListOrderIdUserIdDate");
      const pageRows = nodes(list, "OrderIdUserIdDate");
      rows.push(...pageRows);
      const next = nextCursor(text(child(list, "Links"), "next"));
      // A cursor seen before would loop: stop there, and do not call what was read whole.
      if (pageRows.length === 0 || next === undefined || seen.has(next)) {
        complete = next === undefined || pageRows.length === 0;
        break;
      }
      page = next;
    }
    return { rows, complete };
  }

  /**
   * Lists orders (`GET /accounts/{a}/orders`), every cursor page, with Bandwidth's documented filters; each row
   * carries its own OrderStatus. A status filter other than complete, partial, failed or backordered is refused
   * (InvalidRequestError) before any request.
   */
  async listOrders(f: OrderListFilter = {}): Promise<OrderSummary[]> {
    return (await this.listOrderPages(f)).orders;
  }

  /**
   * `listOrders`, saying whether the list is whole: `complete` is false when `maxPages` stopped the walk while the
   * last page still named a next one (however many rows Bandwidth put on each page).
   */
  async listOrderPages(f: OrderListFilter = {}): Promise<{ orders: OrderSummary[]; complete: boolean }> {
    const { rows, complete } = await this.listPages("orders", f);
    const orders = rows.map((row) => ({
      orderId: text(row, "orderId") ?? text(row, "Id") ?? "",
      customerOrderId: text(row, "CustomerOrderId"),
      status: text(row, "OrderStatus") ?? "",
      orderDate: isoDate(text(row, "OrderDate")),
      lastModifiedDate: isoDate(text(row, "LastModifiedDate")),
      countOfTNs: count(text(row, "CountOfTNs"), 0),
      orderType: text(row, "OrderType"),
    }));
    return { orders, complete };
  }

  /** Lists disconnect orders (`GET /accounts/{a}/disconnects`) like `listOrders`; 404 (no disconnects) is empty. */
  async listDisconnects(f: OrderListFilter = {}): Promise<DisconnectSummary[]> {
    return (await this.listDisconnectPages(f)).rows;
  }

  /** `listDisconnects`, saying whether the list is whole (as `listOrderPages` does). */
  async listDisconnectPages(f: OrderListFilter = {}): Promise<{ rows: DisconnectSummary[]; complete: boolean }> {
    const { rows, complete } = await this.listPages("disconnects", f);
    return {
      rows: rows.map((row) => ({
        orderId: text(row, "OrderId") ?? text(row, "Id") ?? "",
        customerOrderId: text(row, "CustomerOrderId"),
        status: text(row, "OrderStatus") ?? "",
        orderDate: isoDate(text(row, "OrderDate")),
        lastModifiedDate: isoDate(text(row, "LastModifiedDate")),
        countOfTNs: count(text(row, "CountOfTNs"), 0),
      })),
      complete,
    };
  }

  /** Places a disconnect order (`POST /accounts/{a}/disconnects`) for 10-digit numbers. */
  async createDisconnect(d: NewDisconnect): Promise<{ orderId: string; status: string }> {
    const body: { [name: string]: XmlInput } = {
      name: d.name,
      CustomerOrderId: d.customerOrderId,
      DisconnectTelephoneNumberOrderType: {
        TelephoneNumberList: { TelephoneNumber: d.telephoneNumbers.map(tenDigitNumber) },
        DisconnectMode: d.disconnectMode,
        Protected: d.protected,
      },
    };
    const { doc, headers } = await this.send(
      "POST",
      this.accountPath("disconnects"),
      NumbersCategory.DISCONNECT,
      "DisconnectTelephoneNumberOrder",
      body,
    );
    const response = child(doc, "DisconnectTelephoneNumberOrderResponse");
    const orderId = text(child(response, "OrderRequest"), "Id") ?? lastPathSegment(headers.location);
    if (!orderId) {
      throw missingId("disconnect", readErrorDetails(doc));
    }
    return { orderId, status: text(response, "OrderStatus") ?? "RECEIVED" };
  }

  /** Reads a disconnect order (`GET /accounts/{a}/disconnects/{id}`) with every error it reports. */
  async getDisconnect(id: string): Promise<DisconnectInfo> {
    const { doc } = await this.get(this.accountPath("disconnects", id), NumbersCategory.HISTORY);
    const response = child(doc, "DisconnectTelephoneNumberOrderResponse") ?? {};
    const request = child(response, "OrderRequest");
    return {
      orderId: text(request, "Id") ?? id,
      status: text(response, "OrderStatus") ?? "",
      disconnectedNumbers: numbersIn(child(response, "DisconnectedTelephoneNumberList")),
      requestedNumbers: numbersIn(descend(request, "DisconnectTelephoneNumberOrderType", "TelephoneNumberList")),
      errors: readErrorDetails(response),
      orderCreateDate: isoDate(text(request, "OrderCreateDate")),
    };
  }

  /**
   * Places a move order (`POST /accounts/{a}/moveTns`, numbers.yml CreateMoveTnsOrder): the numbers go to the site and
   * location named, and the order says when it is done. A refusal is an ApiError carrying each documented code.
   */
  async createMoveOrder(m: NewMove): Promise<{ orderId: string; status: string }> {
    const { doc, headers } = await this.send(
      "POST",
      this.accountPath("moveTns"),
      NumbersCategory.ORDER,
      "MoveTnsOrder",
      {
        CustomerOrderId: m.customerOrderId,
        SiteId: m.siteId,
        SipPeerId: m.sipPeerId,
        TelephoneNumbers: { TelephoneNumber: m.telephoneNumbers.map(tenDigitNumber) },
      },
    );
    const order = descend(doc, "MoveTnsOrderResponse", "MoveTnsOrder");
    const orderId = text(order, "OrderId") ?? lastPathSegment(headers.location);
    if (!orderId) throw missingId("move order", readErrorDetails(doc));
    return { orderId, status: text(order, "ProcessingStatus") ?? "RECEIVED" };
  }

  /**
   * Move orders that carry a number and a CustomerOrderId (`GET /accounts/{a}/moveTns?tn=&customerOrderId=`, both
   * required by the reference): how a move whose answer was lost is found. A 404 or 204 is none.
   */
  async findMoveOrders(customerOrderId: string, tn: string): Promise<Array<{ orderId: string; status: string }>> {
    let doc: XmlNode;
    try {
      ({ doc } = await this.get(this.accountPath("moveTns"), NumbersCategory.HISTORY, {
        tn: tenDigitNumber(tn),
        customerOrderId,
      }));
    } catch (err) {
      if (err instanceof NotFoundError) return [];
      throw err;
    }
    return nodes(child(doc, "MoveTnsOrders"), "MoveTnsOrderSummary")
      .map((row) => ({ orderId: text(row, "OrderId") ?? "", status: text(row, "OrderStatus") ?? "" }))
      .filter((row) => row.orderId !== "");
  }

  /** Reads a move order (`GET /accounts/{a}/moveTns/{id}`); FAILED and PARTIAL are returned with every error. */
  async getMoveOrder(orderId: string): Promise<MoveOrderInfo> {
    const { doc } = await this.get(this.accountPath("moveTns", orderId), NumbersCategory.HISTORY);
    // The reference's example is a bare <MoveTnsOrder>; the create answer wraps it: read either.
    const order = child(doc, "MoveTnsOrder") ?? descend(doc, "MoveTnsOrderResponse", "MoveTnsOrder") ?? {};
    return {
      orderId: text(order, "OrderId") ?? orderId,
      status: text(order, "ProcessingStatus") ?? "",
      siteId: text(order, "SiteId"),
      sipPeerId: text(order, "SipPeerId"),
      telephoneNumbers: texts(child(order, "TelephoneNumbers"), "TelephoneNumber"),
      errors: readErrorDetails({ Errors: child(order, "Errors") ?? {} }),
      orderCreateDate: isoDate(text(order, "OrderCreateDate")),
      lastModifiedDate: isoDate(text(order, "LastModifiedDate")),
    };
  }

  /**
   * Places a TN option order (`POST /accounts/{a}/tnoptions`, numbers.yml CreateTnOptionOrder): one `<TnOptionGroup>`
   * per set of options, its numbers 10-digit. Bandwidth answers RECEIVED and applies it later; poll
   * `getTnOptionOrder`. A refusal (400, 409) is an ApiError with Bandwidth's code.
   */
  async createTnOptionOrder(o: NewTnOptionOrder): Promise<{ orderId: string; status: string }> {
    const { doc, headers } = await this.send(
      "POST",
      this.accountPath("tnoptions"),
      NumbersCategory.ORDER,
      "TnOptionOrder",
      {
        CustomerOrderId: o.customerOrderId,
        TnOptionGroups: { TnOptionGroup: o.groups.map(optionGroupElement) },
      },
    );
    const order = descend(doc, "TnOptionOrderResponse", "TnOptionOrder");
    const orderId = text(order, "OrderId") ?? lastPathSegment(headers.location);
    if (!orderId) throw missingId("TN option order", readErrorDetails(doc));
    return { orderId, status: text(order, "ProcessingStatus") ?? "RECEIVED" };
  }

  /** Reads a TN option order (`GET /accounts/{a}/tnoptions/{id}`); PARTIAL and FAILED come with one error per number. */
  async getTnOptionOrder(orderId: string): Promise<TnOptionOrderInfo> {
    const { doc } = await this.get(this.accountPath("tnoptions", orderId), NumbersCategory.HISTORY);
    const order = child(doc, "TnOptionOrder") ?? descend(doc, "TnOptionOrderResponse", "TnOptionOrder") ?? {};
    return {
      orderId: text(order, "OrderId") ?? orderId,
      status: text(order, "ProcessingStatus") ?? "",
      errors: readErrorDetails({ ErrorList: child(order, "ErrorList") ?? {} }),
      orderCreateDate: isoDate(text(order, "OrderCreateDate")),
    };
  }

  /** A number's messaging settings and line options (`GET /tns/{tn}/tndetails`, numbers.yml RetrieveTnDetails). */
  async getTnDetails(tn: string): Promise<TnDetails> {
    const number = tenDigitNumber(tn);
    const { doc } = await this.get(`tns/${encodeURIComponent(number)}/tndetails`, NumbersCategory.HISTORY);
    const details = descend(doc, "TelephoneNumberResponse", "TelephoneNumberDetails") ?? {};
    const messaging = child(details, "MessagingSettings");
    const sms = text(messaging, "SmsEnabled");
    return {
      telephoneNumber: text(details, "FullNumber") ?? number,
      smsEnabled: sms === undefined ? undefined : sms.toLowerCase() === "true",
      campaignId: text(messaging, "CampaignId"),
      messageClass: text(messaging, "MessageClass"),
      callingNameDisplay: text(child(details, "TnOptions"), "CallingNameDisplay"),
    };
  }

  /** A number's status and last order (`GET /tns/{tn}`, not account-scoped); NotFoundError when unknown. */
  async getTelephoneNumber(tn: string): Promise<TelephoneNumberInfo> {
    const number = tenDigitNumber(tn);
    const { doc } = await this.get(`tns/${encodeURIComponent(number)}`, NumbersCategory.HISTORY);
    const r = child(doc, "TelephoneNumberResponse") ?? {};
    return {
      telephoneNumber: text(r, "TelephoneNumber") ?? text(r, "FullNumber") ?? number,
      status: text(r, "Status"),
      lastModifiedDate: isoDate(text(r, "LastModifiedDate")),
      orderCreateDate: isoDate(text(r, "OrderCreateDate")),
      orderId: text(r, "OrderId"),
      orderType: text(r, "OrderType"),
      siteId: text(r, "SiteId"),
      accountId: text(r, "AccountId"),
    };
  }

  /** Whether a number is in service on this account (`GET /accounts/{a}/inserviceNumbers/{tn}`: 200 yes, 404 no). */
  async isInService(tn: string): Promise<boolean> {
    try {
      await this.transport.request({
        method: "GET",
        path: this.accountPath("inserviceNumbers", tenDigitNumber(tn)),
        category: NumbersCategory.INSERVICE_NPANXX,
        accept: XML,
      });
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }
}

/** One `<TnOptionGroup>` in the element order of Bandwidth's example: options, A2pSettings, then the numbers. */
function optionGroupElement(g: TnOptionGroup): { [name: string]: XmlInput } {
  return {
    CallingNameDisplay: g.callingNameDisplay,
    PortOutPasscode: g.portOutPasscode,
    Sms: g.sms,
    A2pSettings: g.a2p && { MessageClass: g.a2p.messageClass, CampaignId: g.a2p.campaignId, Action: g.a2p.action },
    TelephoneNumbers: { TelephoneNumber: g.telephoneNumbers.map(tenDigitNumber) },
  };
}
