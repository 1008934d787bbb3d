/**
 * A canned Numbers API that refuses what Bandwidth's orders-list reference refuses: a missing `page` or `size`, a
 * `size` over 1000, a `status` other than complete|partial|failed|backordered (400, code 15518), and a numbered page
 * (`page` must be `1` or an order id named by a previous `<Links><next>`). An empty list answers 404. Orders and
 * disconnects are read by id. Everything else in it is state the test sets.
 */
import type { ServerResponse } from "node:http";
import { type CannedServer, reply, type SeenRequest, startCannedServer } from "../clients/cannedServer";

/** One order or disconnect as the canned server holds it. */
export interface CannedOrder {
  id: string;
  status: string;
  /** yyyy-mm-dd of its creation. */
  date: string;
  customerOrderId?: string;
  completedNumbers?: string[];
  /** A disconnect's ErrorList entries (a number, or none for an error about the order as a whole). */
  errors?: Array<{ code: string; description: string; telephoneNumber?: string }>;
}

/** The canned server and the state a test changes while it runs. */
export interface StrictOrdersServer extends CannedServer {
  orders: Map<string, CannedOrder>;
  disconnects: Map<string, CannedOrder>;
  /** Answers every list with this status instead (e.g. 500 or 503), while set. */
  listFailsWith?: number;
  /** A disconnect placed by POST completes this many ms later. */
  disconnectMs: number;
  /** Puts at most this many rows on a page, whatever `size` asks (a server may page smaller than asked). */
  rowsPerPage?: number;
  /** How a disconnect of these numbers ends, instead of COMPLETE with all of them. */
  disconnectOutcome?: (numbers: string[]) => Pick<CannedOrder, "status" | "completedNumbers" | "errors">;
  /** Delays the direct read of these order or disconnect ids by so many ms. */
  slowReads: Map<string, number>;
  /** The list requests refused as Bandwidth would refuse them, with why. */
  refused: string[];
  /** The requests for lists of orders / disconnects, and for single orders. */
  lists(): SeenRequest[];
  reads(): SeenRequest[];
}

const ALLOWED_STATUS = new Set(["complete", "partial", "failed", "backordered"]);

function refuse(res: ServerResponse, root: string, code: string, description: string): void {
  reply(
    res,
    400,
    `<${root}><ResponseStatus><ErrorCode>${code}</ErrorCode><Description>${description}</Description></ResponseStatus></${root}>`,
  );
}

function listBody(base: string, rows: CannedOrder[], next: string | undefined, size: number, idTag: string): string {
  const items = rows
    .map(
      (o) =>
        `<OrderIdUserIdDate><CountOfTNs>${o.completedNumbers?.length ?? 0}</CountOfTNs>` +
        (o.customerOrderId ? `<CustomerOrderId>${o.customerOrderId}</CustomerOrderId>` : "") +
        `<OrderDate>${o.date}T00:00:00.000Z</OrderDate><OrderType>new_number</OrderType>` +
        `<${idTag}>${o.id}</${idTag}><OrderStatus>${o.status}</OrderStatus></OrderIdUserIdDate>`,
    )
    .join("");
  const nextLink = next ? `<next>Link=&lt;${base}?page=${next}&amp;size=${size}&gt;;rel="next";</next>` : "";
  return (
    `<ResponseSelectWrapper><ListOrderIdUserIdDate><TotalCount>${rows.length}</TotalCount>` +
    `<Links><first>Link=&lt;${base}?page=1&amp;size=${size}&gt;;rel="first";</first>${nextLink}</Links>` +
    `${items}</ListOrderIdUserIdDate></ResponseSelectWrapper>`
  );
}

function orderBody(o: CannedOrder): string {
  const numbers = (o.completedNumbers ?? [])
    .map((tn) => `<TelephoneNumber><FullNumber>${tn}</FullNumber></TelephoneNumber>`)
    .join("");
  return (
    `<OrderResponse><CompletedQuantity>${o.completedNumbers?.length ?? 0}</CompletedQuantity>` +
    `<Order><OrderCreateDate>${o.date}T00:00:00.000Z</OrderCreateDate>` +
    (o.customerOrderId ? `<CustomerOrderId>${o.customerOrderId}</CustomerOrderId>` : "") +
    `<SiteId>461</SiteId></Order><OrderStatus>${o.status}</OrderStatus>` +
    `<CompletedNumbers>${numbers}</CompletedNumbers></OrderResponse>`
  );
}

// The shape of a disconnect's <Error> in the SDK fixture (Code, Description, TelephoneNumber when it names one).
function errorXml(e: { code: string; description: string; telephoneNumber?: string }): string {
  const tn = e.telephoneNumber ? `<TelephoneNumber>${e.telephoneNumber}</TelephoneNumber>` : "";
  return `<Error><Code>${e.code}</Code><Description>${e.description}</Description>${tn}</Error>`;
}

function disconnectBody(o: CannedOrder): string {
  const numbers = (o.completedNumbers ?? []).map((tn) => `<TelephoneNumber>${tn}</TelephoneNumber>`).join("");
  return (
    `<DisconnectTelephoneNumberOrderResponse><orderRequest><OrderCreateDate>${o.date}T00:00:00.000Z</OrderCreateDate>` +
    `<id>${o.id}</id></orderRequest><DisconnectedTelephoneNumberList>${numbers}</DisconnectedTelephoneNumberList>` +
    `<ErrorList>${(o.errors ?? []).map(errorXml).join("")}</ErrorList>` +
    `<OrderStatus>${o.status}</OrderStatus></DisconnectTelephoneNumberOrderResponse>`
  );
}

/** Starts the strict canned server. */
export async function startStrictOrdersServer(): Promise<StrictOrdersServer> {
  const state = {
    orders: new Map<string, CannedOrder>(),
    disconnects: new Map<string, CannedOrder>(),
    slowReads: new Map<string, number>(),
    refused: [] as string[],
    listFailsWith: undefined as number | undefined,
    disconnectOutcome: undefined as StrictOrdersServer["disconnectOutcome"],
    disconnectMs: 300,
    rowsPerPage: undefined as number | undefined,
  };
  const server = await startCannedServer(async (req, res) => {
    const url = new URL(req.url, "http://canned");
    const list = /^\/api\/accounts\/[^/]+\/(orders|disconnects)$/.exec(url.pathname);
    if (req.method === "GET" && list) {
      const what = list[1];
      const q = url.searchParams;
      const page = q.get("page");
      const size = Number(q.get("size"));
      const store = what === "orders" ? state.orders : state.disconnects;
      const all = [...store.values()].filter(
        (o) =>
          (!q.get("customerOrderId") || o.customerOrderId === q.get("customerOrderId")) &&
          (!q.get("startdate") || o.date >= q.get("startdate")!) &&
          (!q.get("enddate") || o.date <= q.get("enddate")!),
      );
      const statuses = q.getAll("status").flatMap((s) => s.split(","));
      if (page === null || q.get("size") === null) {
        state.refused.push(`missing page or size: ${req.url}`);
        return refuse(res, "ResponseSelectWrapper", "1003", "page and size are required");
      }
      if (!Number.isInteger(size) || size < 1 || size > 1000) {
        state.refused.push(`size ${q.get("size")}`);
        return refuse(res, "ResponseSelectWrapper", "1003", "size must be 1 to 1000");
      }
      const badStatus = statuses.find((s) => !ALLOWED_STATUS.has(s));
      if (badStatus !== undefined) {
        state.refused.push(`status ${badStatus}`);
        return refuse(res, "ResponseSelectWrapper", "15518", `Invalid status ${badStatus}`);
      }
      if (state.listFailsWith !== undefined) return reply(res, state.listFailsWith, "");
      const rows = all.filter((o) => statuses.length === 0 || statuses.includes(o.status.toLowerCase()));
      const start = page === "1" ? 0 : rows.findIndex((o) => o.id === page);
      if (start < 0) {
        state.refused.push(`page ${page} is not an order id of this list`);
        return refuse(res, "ResponseSelectWrapper", "1003", `page ${page} is not a valid cursor`);
      }
      const served = Math.min(size, state.rowsPerPage ?? size);
      const slice = rows.slice(start, start + served);
      if (slice.length === 0) return reply(res, 404, "");
      const next = rows[start + served]?.id;
      return reply(
        res,
        200,
        listBody(`http://canned${url.pathname}`, slice, next, size, what === "orders" ? "orderId" : "OrderId"),
      );
    }
    if (req.method === "POST" && /^\/api\/accounts\/[^/]+\/disconnects$/.test(url.pathname)) {
      const id = `dc${state.disconnects.size + 1}`;
      const numbers = [...req.body.matchAll(/<TelephoneNumber>(\d{10})<\/TelephoneNumber>/g)].map((m) => m[1]);
      const record: CannedOrder = { id, status: "RECEIVED", date: new Date().toISOString().slice(0, 10) };
      state.disconnects.set(id, record);
      setTimeout(
        () =>
          state.disconnects.set(id, {
            ...record,
            ...(state.disconnectOutcome?.(numbers) ?? { status: "COMPLETE", completedNumbers: numbers }),
          }),
        state.disconnectMs,
      );
      return reply(
        res,
        201,
        `<DisconnectTelephoneNumberOrderResponse><orderRequest><id>${id}</id></orderRequest><OrderStatus>RECEIVED</OrderStatus></DisconnectTelephoneNumberOrderResponse>`,
        { location: `http://canned${url.pathname}/${id}` },
      );
    }
    const one = /^\/api\/accounts\/[^/]+\/(orders|disconnects)\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const store = one[1] === "orders" ? state.orders : state.disconnects;
      const delay = state.slowReads.get(decodeURIComponent(one[2]));
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const o = store.get(decodeURIComponent(one[2]));
      if (!o) return reply(res, 404, "");
      return reply(res, 200, one[1] === "orders" ? orderBody(o) : disconnectBody(o));
    }
    return reply(res, 404, "");
  });
  const isList = (r: SeenRequest) => /\/(orders|disconnects)(\?|$)/.test(r.url);
  // The handler reads `state`, so the test's changes to the returned object (the same object) take effect.
  return Object.assign(state, server, {
    lists: () => server.requests.filter(isList),
    reads: () => server.requests.filter((r) => !isList(r)),
  }) as StrictOrdersServer;
}
