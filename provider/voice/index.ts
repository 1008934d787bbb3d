/** The Voice & Messaging v1 phoneNumbers API: client and types. */
export * from "./client";
export * from "./types";
