/** The Dashboard API's provisioning calls (applications, sites, locations) and the shared client per account. */
import { numbersSettings } from "../config";
import { ProvisioningClient } from "./client";

export * from "./client";
export * from "./types";

const clients = new Map<string, ProvisioningClient>();

/**
 * The provisioning client for the configured account, built from the same settings as the Numbers client (a
 * ConfigError naming what is missing). One client per distinct settings, so resources share its pool and limiter.
 */
export function provisioningClient(): ProvisioningClient {
  const s = numbersSettings();
  const key = JSON.stringify([s.dashboardUrl, s.accountId, s.username, s.password]);
  let client = clients.get(key);
  if (!client) {
    client = new ProvisioningClient(s);
    clients.set(key, client);
  }
  return client;
}
