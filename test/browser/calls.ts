// Real HTTP calls to the emulator's public APIs, as a client would make them, for the page tests.
import type { RunningEmulator } from "../../emulator";

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
}

/** Places an area-code order on the Numbers API; resolves with the order id. */
export async function placeOrder(emu: RunningEmulator, areaCode: string, quantity: number): Promise<string> {
  const c = emu.credentials;
  const body =
    `<Order><Name>emulator page test</Name><CustomerOrderId>page-${Date.now()}</CustomerOrderId>` +
    `<SiteId>${c.siteId}</SiteId><PeerId>${c.peerId}</PeerId><AreaCodeSearchAndOrderType>` +
    `<AreaCode>${areaCode}</AreaCode><Quantity>${quantity}</Quantity></AreaCodeSearchAndOrderType></Order>`;
  const res = await fetch(`${emu.dashboardUrl}/accounts/${c.accountId}/orders`, {
    method: "POST",
    headers: { Authorization: basic(c.username, c.password), "Content-Type": "application/xml" },
    body,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`order refused: ${res.status} ${text}`);
  const id = /<id>([^<]+)<\/id>/.exec(text)?.[1];
  if (!id) throw new Error(`no order id in ${text}`);
  return id;
}

/** Imports a number into Voice v1 with the mandatory `provider` block (which carries the Dashboard password). */
export async function importNumber(emu: RunningEmulator, e164: string): Promise<void> {
  const c = emu.credentials;
  const res = await fetch(`${emu.voiceUrl}/v1/users/${c.userId}/phoneNumbers`, {
    method: "POST",
    headers: { Authorization: basic(c.apiToken, c.apiSecret), "Content-Type": "application/json" },
    body: JSON.stringify({
      number: e164,
      name: "page test line",
      applicationId: "a-page-test",
      provider: {
        providerName: "bandwidth-dashboard",
        properties: { accountId: c.accountId, userName: c.username, password: c.password },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`import refused: ${res.status} ${await res.text()}`);
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
