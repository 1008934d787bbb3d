import type { AccountSeed } from "./accounts";

/** A request as the handlers see it: already routed and authenticated. */
export interface ApiRequest {
  method: string;
  /** Path without the API prefix and without the query. */
  path: string;
  query: URLSearchParams;
  body: string;
  /** Path parameters captured by the route. */
  params: Record<string, string>;
  /** Absolute URL of the API prefix the client used, e.g. "http://127.0.0.1:4000/api" (for Location headers). */
  baseUrl: string;
  /** The authenticated account (Numbers and v1 routes). */
  account?: Required<AccountSeed>;
}

/** A response before it is written to the socket. */
export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
