/** The Universal Platform's JSON API (voice configuration packages) and the shared client per account. */
import { createHash } from "node:crypto";
import { platformSettings } from "../config";
import { PlatformClient } from "./client";

export * from "./client";

const clients = new Map<string, PlatformClient>();

/**
 * The platform client for the configured account (a ConfigError naming what is missing). One client per distinct
 * settings, so every resource of a deployment shares its pool, token and limiter.
 */
export function platformClient(): PlatformClient {
  const s = platformSettings();
  // Secrets stay out of the key: a digest tells credentials apart without keeping them in a second place.
  const key = JSON.stringify([
    s.apiUrl,
    s.accountId,
    createHash("sha256").update(JSON.stringify(s.auth)).digest("hex"),
  ]);
  let client = clients.get(key);
  if (!client) {
    client = new PlatformClient(s);
    clients.set(key, client);
  }
  return client;
}
