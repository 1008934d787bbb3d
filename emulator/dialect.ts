import type { EmulatorError } from "./errors";
import type { ApiResponse } from "./http-types";

/**
 * How one API says things on the wire that are not the answer to its own call: a refusal its model raised, a
 * rate limit, a failed authentication, an injected fault, a path it does not serve. The server asks the route's
 * dialect and stays generic; a missing method falls back to the Numbers API's empty-bodied answers.
 */
export interface ApiDialect {
  /** The answer to a refusal raised by the model; `errorRoot` is the route's error document root, if it has one. */
  refusal(err: EmulatorError, errorRoot: string | undefined): ApiResponse;
  /** HTTP 429, with the time at which a token is back. */
  rateLimited?(resetAtMs: number): ApiResponse;
  /** HTTP 401 (no credentials, unknown or expired token, or credentials this API does not take). */
  unauthorized?(): ApiResponse;
  /** HTTP 403 (a valid token for another account). */
  forbidden?(): ApiResponse;
  /** An injected fault's status. */
  fault?(status: number): ApiResponse;
  /** A path this API does not serve (404) or does not serve with this method (405). */
  noRoute?(status: 404 | 405): ApiResponse;
}
