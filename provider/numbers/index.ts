/** The Numbers ("Dashboard") API: client, order-type table, XML reader/writer and types. */
export * from "./client";
export * from "./orderTypes";
export * from "./types";
export * from "./xml";
