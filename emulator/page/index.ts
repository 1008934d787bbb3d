/**
 * The emulator page: accounts, numbers and their states, orders and disconnects with their errors, v1 imports and
 * the request log, refreshing while a `pulumi up` runs. Served beside the admin API, to loopback peers only.
 */
import type { ApiResponse } from "../http-types";
import { PAGE_PATH, pageHtml, STATE_PATH } from "./html";
import { type PageSource, pageSnapshot } from "./snapshot";

export { PAGE_PATH, REFRESH_MS, STATE_PATH } from "./html";
export { REDACTED, redactBody, redactQuery } from "./redact";
export type { PageAccount, PageModel, PageNumber, PageOrder, PageRequest, PageSnapshot, PageSource } from "./snapshot";
export { pageSnapshot } from "./snapshot";

/**
 * Answers the page's two routes (`GET /_emulator/page` and `GET /_emulator/page/state?limit=N`); `undefined` for
 * any other path, so the admin API handles it. The caller checks the peer is loopback first.
 */
export function handlePage(
  source: PageSource,
  method: string,
  path: string,
  query: URLSearchParams,
): ApiResponse | undefined {
  const route = path.replace(/\/+$/, "");
  if (route !== PAGE_PATH && route !== STATE_PATH) return undefined;
  if (method !== "GET" && method !== "HEAD") {
    return { status: 405, headers: { Allow: "GET, HEAD", "Content-Type": "text/plain" }, body: "GET only" };
  }
  const noStore = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (route === PAGE_PATH) {
    return {
      status: 200,
      headers: {
        ...noStore,
        "Content-Type": "text/html; charset=utf-8",
        // Inline style and script only: nothing else may load, even if a request body held markup.
        "Content-Security-Policy":
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
      },
      body: pageHtml(),
    };
  }
  const limit = Math.min(Math.max(Number(query.get("limit") ?? "200") || 200, 1), 5000);
  return {
    status: 200,
    headers: { ...noStore, "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(pageSnapshot(source, limit)),
  };
}
