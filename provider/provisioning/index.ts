/** The Dashboard API's provisioning calls (applications, sites, locations) and the shared client per account. */
import { createHash } from "node:crypto";
import { numbersSettings } from "../config";
import { MayHaveReachedServerError } from "../errors";
import { DeadlineError, TransportError } from "../http/errors";
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
  // Secrets stay out of the key: a digest tells credentials apart without keeping them in a second place.
  const key = JSON.stringify([
    s.dashboardUrl,
    s.accountId,
    createHash("sha256").update(JSON.stringify(s.auth)).digest("hex"),
  ]);
  let client = clients.get(key);
  if (!client) {
    client = new ProvisioningClient(s);
    clients.set(key, client);
  }
  return client;
}

/**
 * The error for a failed create of an application, site or location. Nothing of Bandwidth's provisioning calls can be
 * looked up by an id of ours, so an answer lost in transit cannot be adopted safely: a MayHaveReachedServerError
 * names what now carries the same name, for the user to check. Any other failure created nothing and is passed on
 * as it is (the resource's wrapper says so and what to run next).
 */
export async function createFailure(who: string, e: unknown, sameName: () => Promise<string[]>): Promise<unknown> {
  const lost = (e instanceof TransportError || e instanceof DeadlineError) && e.mayHaveReachedServer;
  if (!lost) return e;
  const ids = await sameName().catch(() => [] as string[]);
  const found = ids.length > 0 ? ` Bandwidth now holds one with the same name: ${ids.join(", ")}.` : "";
  return new MayHaveReachedServerError(
    `${who}: the answer to the create was lost (${e.message}), so it may have been created.${found}`,
    "If that is this one, delete it in the Bandwidth Dashboard (or keep it and give the resource another name), " +
      "then run `pulumi up` again",
    undefined,
    { cause: e },
  );
}
