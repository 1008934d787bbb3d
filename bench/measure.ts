/** Reading the emulator's request log and order records: the ground truth every contender is measured by. */
import type { LoggedRequest } from "../emulator";

/** The account (Numbers API) or v1 user a request was made for, from its path. */
export function ownerOf(entry: LoggedRequest): string | undefined {
  return /\/accounts\/([^/]+)/.exec(entry.path)?.[1] ?? /\/v1\/users\/([^/]+)/.exec(entry.path)?.[1];
}

/** Request counts of one contender over one run. */
export interface RequestCounts {
  total: number;
  rateLimited: number;
  numbers: number;
  voice: number;
  /** Requests per route shape, e.g. "GET /orders/:id". */
  byRoute: Record<string, number>;
}

function routeShape(e: LoggedRequest): string {
  const path = e.path
    .replace(/^\/(api\/v1|api|v1\.0)(?=\/)/, "")
    .replace(/\/accounts\/[^/]+/, "")
    .replace(/\/v1\/users\/[^/]+/, "/v1")
    .replace(/\/(orders|disconnects|phoneNumbers|tnoptions)\/[^/]+/, "/$1/:id");
  // A list is named by its filters (paging aside), so a lookup by CustomerOrderId, a date-bounded list and an
  // unfiltered list of the account's orders are counted apart.
  const names = e.query ? [...new URLSearchParams(e.query).keys()] : [];
  const filters = [...new Set(names.filter((k) => k !== "page" && k !== "size"))].sort();
  const query = names.length === 0 ? "" : filters.length === 0 ? "?page=" : `?${filters.join("&")}`;
  return `${e.method} ${path}${query}`;
}

/** Counts the requests made for any of `owners` (account id and v1 user id) between two instants. */
export function countRequests(
  log: readonly LoggedRequest[],
  owners: ReadonlySet<string>,
  fromMs = Number.NEGATIVE_INFINITY,
  toMs = Number.POSITIVE_INFINITY,
): RequestCounts {
  const counts: RequestCounts = { total: 0, rateLimited: 0, numbers: 0, voice: 0, byRoute: {} };
  for (const e of log) {
    if (e.api === "admin" || e.atMs < fromMs || e.atMs > toMs) continue;
    const owner = ownerOf(e);
    if (owner === undefined || !owners.has(owner)) continue;
    counts.total += 1;
    if (e.status === 429) counts.rateLimited += 1;
    if (e.api === "voice") counts.voice += 1;
    else counts.numbers += 1;
    const shape = routeShape(e);
    counts.byRoute[shape] = (counts.byRoute[shape] ?? 0) + 1;
  }
  return counts;
}

/** Requests answered 429 per route shape for any of `owners`: where several stacks collide. */
export function rateLimitedByRoute(log: readonly LoggedRequest[], owners: ReadonlySet<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of log) {
    if (e.api === "admin" || e.status !== 429) continue;
    const owner = ownerOf(e);
    if (owner === undefined || !owners.has(owner)) continue;
    const shape = routeShape(e);
    out[shape] = (out[shape] ?? 0) + 1;
  }
  return out;
}

/** The q-quantile (0..1) of some numbers, by nearest rank; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** TN option order requests (placing, polling, listing) among counts by route. */
export function optionOrderRequests(byRoute: Readonly<Record<string, number>>): number {
  return Object.entries(byRoute)
    .filter(([route]) => / \/tnoptions(\/|\?|$)/.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}
