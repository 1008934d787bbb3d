import {
  DEMO_ACCOUNT,
  type DemoCredentials,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../../emulator";

/** A second account, to prove isolation. */
export const OTHER_ACCOUNT = {
  accountId: "9900002",
  username: "other",
  password: "other-password",
  userId: "u-other0002",
  apiToken: "t-other0002",
  apiSecret: "other-api-secret",
  sites: [{ siteId: "771", peerIds: ["881"] }],
};

/** The demo account's seed, as a mutable copy so a test can pass it beside another account. */
export const DEMO = {
  ...DEMO_ACCOUNT,
  sites: DEMO_ACCOUNT.sites.map((site) => ({ ...site, peerIds: [...site.peerIds] })),
};

/** Short delays so the suite stays fast. */
export function fastEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 60, ...options });
}

export function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

/** A Numbers API call with the account's Dashboard credentials. */
export async function numbersCall(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: string,
  creds: Pick<DemoCredentials, "username" | "password"> = emu.credentials,
): Promise<Reply> {
  const res = await fetch(`${emu.dashboardUrl}${path}`, {
    method,
    headers: { Authorization: basic(creds.username, creds.password), "Content-Type": "application/xml" },
    body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A v1 call with the account's API token and secret. */
export async function voiceCall(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  creds: Pick<DemoCredentials, "apiToken" | "apiSecret"> = emu.credentials,
): Promise<Reply> {
  const res = await fetch(`${emu.voiceUrl}${path}`, {
    method,
    headers: { Authorization: basic(creds.apiToken, creds.apiSecret), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** The mandatory `provider` block of a v1 import (Bandwidth's v1 import reference), naming the account's API User. */
export function providerBlock(c: Pick<DemoCredentials, "accountId" | "username" | "password">) {
  return {
    providerName: "bandwidth-dashboard",
    properties: { accountId: c.accountId, userName: c.username, password: c.password },
  };
}

/** Text of every `<name>` element (leaf elements only). */
export function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]);
}

/** Text of the first `<name>` element. */
export function tag(xml: string, name: string): string | undefined {
  return tags(xml, name)[0];
}

/** The inner XML of the first `<name>...</name>` block. */
export function block(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds an `<Order>` body around one order-type element. */
export function orderXml(
  typeElement: string,
  fields: Record<string, string>,
  extra: Record<string, string> = { SiteId: "461" },
): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join("");
  const common = Object.entries(extra)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join("");
  return `<?xml version="1.0"?><Order>${common}<${typeElement}>${inner}</${typeElement}></Order>`;
}

/** Order of specific numbers. */
export function existingNumbersXml(tns: string[], extra: Record<string, string> = { SiteId: "461" }): string {
  const list = tns.map((tn) => `<TelephoneNumber>${tn}</TelephoneNumber>`).join("");
  return orderXml("ExistingTelephoneNumberOrderType", { TelephoneNumberList: list }, extra);
}

/** A disconnect body in the seed's spelling. */
export function disconnectXml(tns: string[], name = "teardown", extraType = ""): string {
  const list = tns.map((tn) => `<TelephoneNumber>${tn}</TelephoneNumber>`).join("");
  return `<?xml version="1.0"?><DisconnectTelephoneNumberOrder><name>${name}</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList>${list}</TelephoneNumberList>${extraType}</DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`;
}

/** Places an order and returns its id (asserting the 201). */
export async function placeOrder(emu: RunningEmulator, body: string): Promise<string> {
  const res = await numbersCall(emu, "POST", `/accounts/${emu.credentials.accountId}/orders`, body);
  if (res.status !== 201) throw new Error(`order not created: ${res.status} ${res.body}`);
  return tag(res.body, "id")!;
}

/** Polls an order until it leaves RECEIVED; returns the final body. */
export async function waitOrder(emu: RunningEmulator, id: string, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/orders/${id}`);
    if (tag(res.body, "OrderStatus") !== "RECEIVED") return res.body;
    if (Date.now() > deadline) throw new Error(`order ${id} still RECEIVED`);
    await sleep(10);
  }
}

/** Polls a disconnect until it leaves RECEIVED; returns the final body. */
export async function waitDisconnect(emu: RunningEmulator, id: string, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/disconnects/${id}`);
    if (tag(res.body, "OrderStatus") !== "RECEIVED") return res.body;
    if (Date.now() > deadline) throw new Error(`disconnect ${id} still RECEIVED`);
    await sleep(10);
  }
}

/** Orders `quantity` numbers in an area code and returns them once COMPLETE. */
export async function orderNumbers(emu: RunningEmulator, areaCode: string, quantity: number): Promise<string[]> {
  const id = await placeOrder(
    emu,
    orderXml("AreaCodeSearchAndOrderType", { AreaCode: areaCode, Quantity: String(quantity) }),
  );
  const body = await waitOrder(emu, id);
  if (tag(body, "OrderStatus") !== "COMPLETE") throw new Error(`order not COMPLETE: ${body}`);
  return tags(body, "FullNumber");
}
