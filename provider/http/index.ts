/** The shared HTTP layer: transport, retry policy, rate limiter and typed errors. */
export * from "./errors";
export * from "./ratelimit";
export * from "./retry";
export * from "./transport";
export * from "./oauth";
