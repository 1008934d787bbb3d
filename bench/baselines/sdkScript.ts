/**
 * The baseline: what a user writes without this package. Bandwidth's official `@bandwidth/numbers` SDK places the
 * order and the disconnect; the SDK does not poll, so the script polls at a fixed interval (500 ms is what Bandwidth's
 * v1 SDK does; 2 s is another common choice); v1 imports are plain fetch calls. The SDK ignores X-RateLimit-Reset, so
 * the script does what users do: on a 429, sleep one second and try again.
 */
import type { NumberLifecycle } from "../lifecycle";
import { AREA_CODE } from "../settings";

/** The slice of the untyped SDK the script calls (promisified `*Async` methods). */
interface NumbersSdk {
  Client: new (
    accountId: string,
    userName: string,
    password: string,
    clientId: undefined,
    clientSecret: undefined,
    options: { apiEndPoint: string },
  ) => unknown;
  Order: {
    createAsync(client: unknown, order: object): Promise<{ order: { id: string } }>;
    getAsync(client: unknown, id: string): Promise<SdkOrder>;
  };
  Disconnect: {
    createAsync(client: unknown, name: string, numbers: string[]): Promise<{ orderRequest: { id: string } }>;
    getAsync(client: unknown, id: string, query: object): Promise<{ orderStatus: string }>;
  };
}

/** An order as the SDK's XML layer hands it back: one-element lists come as scalars. */
interface SdkOrder {
  orderStatus: string;
  completedNumbers?: { telephoneNumber: OneOrMany<{ fullNumber: string }> };
}

type OneOrMany<T> = T | T[];

// A plain require: the SDK ships no type declarations.
const numbers = require("@bandwidth/numbers") as NumbersSdk;

/** Credentials and endpoints, as a user's script would read them from its environment. */
export interface SdkScriptSettings {
  dashboardUrl: string;
  accountId: string;
  username: string;
  password: string;
  voiceUrl: string;
  userId: string;
  apiToken: string;
  apiSecret: string;
}

/** The state of one number between steps. */
export interface SdkNumber {
  tn: string;
  numberId?: string;
}

const FINAL = new Set(["COMPLETE", "PARTIAL", "FAILED"]);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries a call answered 429 after one second, forever: the usual hand-written fix. */
async function on429Retry<R>(call: () => Promise<R>): Promise<R> {
  for (;;) {
    try {
      return await call();
    } catch (e) {
      if ((e as { status?: number }).status !== 429) throw e;
      await sleep(1000);
    }
  }
}

/** Reads settings from the BANDWIDTH_* variables the provider also reads. */
export function sdkSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SdkScriptSettings {
  const get = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    dashboardUrl: get("BANDWIDTH_DASHBOARD_URL"),
    accountId: get("BANDWIDTH_ACCOUNT_ID"),
    username: get("BANDWIDTH_USERNAME"),
    password: get("BANDWIDTH_PASSWORD"),
    voiceUrl: get("BANDWIDTH_VOICE_URL"),
    userId: get("BANDWIDTH_USER_ID"),
    apiToken: get("BANDWIDTH_API_TOKEN"),
    apiSecret: get("BANDWIDTH_API_SECRET"),
  };
}

/** The SDK script as a contender, polling every `pollMs`. */
export function sdkLifecycle(s: SdkScriptSettings, pollMs: number, tag: string): NumberLifecycle<SdkNumber> {
  const client = new numbers.Client(s.accountId, s.username, s.password, undefined, undefined, {
    apiEndPoint: s.dashboardUrl,
  });
  const v1 = `${s.voiceUrl}/v1/users/${s.userId}/phoneNumbers`;
  const v1Auth = `Basic ${Buffer.from(`${s.apiToken}:${s.apiSecret}`).toString("base64")}`;

  const v1Call = (method: string, url: string, body?: object) =>
    on429Retry(async () => {
      const res = await fetch(url, {
        method,
        headers: { Authorization: v1Auth, "Content-Type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      await res.arrayBuffer();
      if (!res.ok) throw Object.assign(new Error(`v1 ${method} ${res.status}`), { status: res.status });
      return res;
    });

  return {
    async order(index) {
      const placed = await on429Retry(() =>
        numbers.Order.createAsync(client, {
          name: `number-${index}`,
          siteId: "461",
          customerOrderId: `${tag}-${index}`,
          areaCodeSearchAndOrderType: { areaCode: AREA_CODE, quantity: 1 },
        }),
      );
      const orderId = placed.order.id;
      for (;;) {
        await sleep(pollMs);
        const order = await on429Retry(() => numbers.Order.getAsync(client, orderId));
        if (!FINAL.has(order.orderStatus)) continue;
        if (order.orderStatus !== "COMPLETE") throw new Error(`order ${orderId} ${order.orderStatus}`);
        const completed = order.completedNumbers?.telephoneNumber;
        const first = Array.isArray(completed) ? completed[0] : completed;
        if (!first) throw new Error(`order ${orderId} COMPLETE without numbers`);
        return { orderId, state: { tn: first.fullNumber } };
      }
    },
    async importNumber(state) {
      // The provider block is mandatory in v1's import reference: the Dashboard account and user the number is on.
      const res = await v1Call("POST", v1, {
        number: `+1${state.tn}`,
        provider: {
          providerName: "bandwidth-dashboard",
          properties: { accountId: s.accountId, userName: s.username, password: s.password },
        },
      });
      const numberId = res.headers.get("location")?.split("/").pop();
      if (!numberId) throw new Error(`import of ${state.tn} answered without a Location`);
      return { ...state, numberId };
    },
    async unimport(state) {
      if (state.numberId) await v1Call("DELETE", `${v1}/${state.numberId}`);
      return { tn: state.tn };
    },
    async release(state) {
      const placed = await on429Retry(() =>
        numbers.Disconnect.createAsync(client, `disconnect ${state.tn}`, [state.tn]),
      );
      const id = placed.orderRequest.id;
      for (;;) {
        await sleep(pollMs);
        const d = await on429Retry(() => numbers.Disconnect.getAsync(client, id, {}));
        if (!FINAL.has(d.orderStatus)) continue;
        if (d.orderStatus !== "COMPLETE") throw new Error(`disconnect ${id} ${d.orderStatus}`);
        return;
      }
    },
  };
}
