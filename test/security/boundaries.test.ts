import { networkInterfaces } from "node:os";
import { expect } from "chai";
import { request } from "undici";
import { DEMO_ACCOUNT, type RunningEmulator, startEmulator } from "../../emulator";
import { NUMBERS_ROUTES, VOICE_ROUTES } from "../../emulator/routes";
import { providers } from "../../provider";
import { ConfigError, numbersSettings, voiceSettings } from "../../provider/config";
import { NumbersClient } from "../../provider/numbers";
import { readXml } from "../../provider/numbers/xml";
import { startCannedServer } from "../integration/clients/cannedServer";
import { engineCreate } from "../integration/resources/support";
import { inLane, laneEnv } from "../reliability/lanes";

const OTHER = {
  accountId: "9900002",
  username: "other",
  password: "other-password",
  userId: "u-other0001",
  apiToken: "t-other0001",
  apiSecret: "other-api-secret",
};
const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** A concrete path for every route of the emulator (ids filled in; 404 behind auth is fine). */
function everyRoute(accountId: string, userId: string): Array<{ method: string; path: string; api: string }> {
  const ids: Record<string, string> = { accountId, userId, tn: "9195550000" };
  const fill = (source: string) =>
    source
      .replace(/\(\?<(\w+)>[^)]*\)/g, (_, name: string) => ids[name] ?? "some-id")
      .replace(/^\^|\/\?\$$/g, "")
      .replace(/\\/g, "");
  return [
    ...NUMBERS_ROUTES.map((r) => ({ method: r.method, path: `/api${fill(r.pattern.source)}`, api: "numbers" })),
    ...VOICE_ROUTES.map((r) => ({ method: r.method, path: fill(r.pattern.source), api: "voice" })),
  ];
}

describe("security: endpoints, the XML reader and the emulator's boundaries", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, accounts: [DEMO_ACCOUNT, OTHER] });
  });
  after(() => emu.close());

  describe("http:// endpoints", () => {
    const creds = { BANDWIDTH_ACCOUNT_ID: "1", BANDWIDTH_USERNAME: "u", BANDWIDTH_PASSWORD: "p" };
    const v1 = { BANDWIDTH_USER_ID: "u-1", BANDWIDTH_API_TOKEN: "t", BANDWIDTH_API_SECRET: "s" };

    it("refuses http:// to a non-loopback host for both APIs, naming the setting and the way out", () => {
      for (const host of ["example.com", "10.0.0.5", "192.0.2.2", "[2001:db8::1]", "localhost.example.com"]) {
        const env = {
          ...creds,
          ...v1,
          BANDWIDTH_DASHBOARD_URL: `http://${host}/api`,
          BANDWIDTH_VOICE_URL: `http://${host}`,
        };
        expect(() => numbersSettings(env), host).to.throw(
          ConfigError,
          /bandwidth:dashboardUrl uses http:\/\/.*clear text.*BANDWIDTH_ALLOW_INSECURE_HTTP/,
        );
        expect(() => voiceSettings(env), host).to.throw(ConfigError, /bandwidth:voiceUrl uses http:\/\//);
      }
    });

    it("accepts http:// to loopback, and to any host only when explicitly allowed", () => {
      for (const host of ["127.0.0.1:8080", "localhost", "[::1]:9", "127.9.9.9"]) {
        expect(numbersSettings({ ...creds, BANDWIDTH_DASHBOARD_URL: `http://${host}/api` }).dashboardUrl).to.match(
          /^http:/,
        );
      }
      const env = {
        ...creds,
        BANDWIDTH_DASHBOARD_URL: "http://example.com/api",
        BANDWIDTH_ALLOW_INSECURE_HTTP: "true",
      };
      expect(numbersSettings(env).dashboardUrl).to.equal("http://example.com/api");
      expect(() => numbersSettings({ ...env, BANDWIDTH_ALLOW_INSECURE_HTTP: "no" })).to.throw(ConfigError);
    });

    it("refuses credentials in the URL and schemes other than http(s)", () => {
      expect(() => numbersSettings({ ...creds, BANDWIDTH_DASHBOARD_URL: "https://u:p@example.com/api" })).to.throw(
        /must not carry credentials/,
      );
      expect(() => numbersSettings({ ...creds, BANDWIDTH_DASHBOARD_URL: "ftp://example.com" })).to.throw(/https:\/\//);
    });

    it("a resource pointed at http://non-loopback fails before any request leaves", async () => {
      const before = emu.requestLog().length;
      const err = await inLane(
        laneEnv(emu, DEMO_ACCOUNT, { BANDWIDTH_DASHBOARD_URL: `http://192.0.2.2:${emu.port}/api` }),
        () => engineCreate(providers.phoneNumberOrder, { siteId: "461", areaCode: "919", resourceKey: "p/s/n" }),
      ).catch((e: Error) => e);
      expect((err as Error).message).to.match(/clear text/);
      expect(emu.requestLog().length).to.equal(before);
    });
  });

  describe("the XML reader", () => {
    it("does not expand an entity-expansion bomb and stays within bounded memory", () => {
      const entities = ['<!ENTITY a0 "lolololololololololololololololololololol">'];
      for (let i = 1; i <= 10; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
      const bomb = `<?xml version="1.0"?><!DOCTYPE r [${entities.join("")}]><OrderResponse><OrderStatus>&a10;</OrderStatus></OrderResponse>`;
      const heapBefore = process.memoryUsage().heapUsed;
      let status: unknown;
      try {
        const doc = readXml(bomb);
        status = (doc.OrderResponse as Record<string, unknown>)?.OrderStatus;
      } catch (e) {
        status = (e as Error).message;
      }
      const grownMb = mb(process.memoryUsage().heapUsed - heapBefore);
      expect(String(status).length).to.be.below(1000, "the entity was not expanded");
      expect(grownMb).to.be.below(50);
    });

    it("refuses a 50 MB XML body unread, with bounded memory", () => {
      const body = `<OrderResponse>${"<CompletedNumbers><TelephoneNumber><FullNumber>9195550000</FullNumber></TelephoneNumber></CompletedNumbers>".repeat(500_000)}</OrderResponse>`;
      expect(mb(Buffer.byteLength(body))).to.be.above(50); // also flattens the string before measuring
      const heapBefore = process.memoryUsage().heapUsed;
      expect(() => readXml(body)).to.throw(/exceeds/);
      expect(mb(process.memoryUsage().heapUsed - heapBefore)).to.be.below(20);
    });

    it("the client refuses a 50 MB response from a server, reading no more than its cap", async () => {
      const chunk = Buffer.alloc(1024 * 1024, "<a>x</a>");
      const server = await startCannedServer(async (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/xml" });
        for (let i = 0; i < 50 && !res.destroyed; i++) {
          if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
        }
        res.end();
      });
      try {
        const client = new NumbersClient({
          dashboardUrl: `${server.url}/api`,
          accountId: "1",
          auth: { kind: "basic", username: "u", password: "p" },
          transport: { maxAttempts: 1 },
        });
        global.gc?.();
        const rssBefore = process.memoryUsage().rss;
        const err = await client.getOrder("big").catch((e: Error & { code?: string }) => e);
        const grown = mb(process.memoryUsage().rss - rssBefore);
        expect((err as Error).message).to.match(/exceeds/);
        expect(grown, `RSS grew ${grown.toFixed(1)} MiB`).to.be.below(120);
      } finally {
        await server.close();
      }
    });
  });

  describe("the emulator", () => {
    const call = (method: string, path: string, auth?: string, host = "127.0.0.1", port = emu.port) =>
      request(`http://${host}:${port}${path}`, {
        method: method as "GET",
        headers: auth ? { authorization: auth } : {},
        body:
          method === "GET" || method === "DELETE"
            ? undefined
            : method === "POST" && path.startsWith("/v1")
              ? "{}"
              : "<x/>",
      }).then(async (r) => {
        await r.body.text();
        return r.statusCode;
      });

    it("requires Basic auth on every route: none, wrong secret or a malformed header is 401", async () => {
      const routes = everyRoute(DEMO_ACCOUNT.accountId, DEMO_ACCOUNT.userId);
      expect(routes.length).to.equal(NUMBERS_ROUTES.length + VOICE_ROUTES.length);
      for (const r of routes) {
        const user = r.api === "voice" ? DEMO_ACCOUNT.apiToken : DEMO_ACCOUNT.username;
        for (const auth of [undefined, basic(user, "wrong"), "Basic !!!", "Bearer x", basic("", "")]) {
          expect(await call(r.method, r.path, auth), `${r.method} ${r.path} with ${auth}`).to.equal(401);
        }
      }
      const before = emu.model.accountSummary(DEMO_ACCOUNT.accountId);
      expect(before.orders + before.imported + before.disconnects).to.equal(0, "nothing was created unauthenticated");
    });

    it("keeps accounts apart: one account's credentials on another's routes are refused (403)", async () => {
      for (const r of everyRoute(OTHER.accountId, OTHER.userId).filter((x) => !x.path.includes("/tns/"))) {
        const auth =
          r.api === "voice"
            ? basic(DEMO_ACCOUNT.apiToken, DEMO_ACCOUNT.apiSecret)
            : basic(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
        expect(await call(r.method, r.path, auth), `${r.method} ${r.path}`).to.equal(403);
      }
      const other = emu.model.accountSummary(OTHER.accountId);
      expect(other.orders + other.imported + other.disconnects).to.equal(0);
    });

    it("keeps accounts apart: an order of one account is invisible to the other", async () => {
      const mine = new NumbersClient({
        dashboardUrl: emu.dashboardUrl,
        accountId: DEMO_ACCOUNT.accountId,
        auth: { kind: "basic", username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password },
      });
      const theirs = new NumbersClient({
        dashboardUrl: emu.dashboardUrl,
        accountId: OTHER.accountId,
        auth: { kind: "basic", username: OTHER.username, password: OTHER.password },
      });
      const { orderId } = await mine.createOrder({
        name: "mine",
        siteId: "461",
        customerOrderId: "apart-1",
        partialAllowed: false,
        backOrderRequested: false,
        criteria: { areaCode: "919", quantity: 1 },
      });
      expect(await theirs.listOrders({ customerOrderId: "apart-1" })).to.deep.equal([]);
      const status = await call(
        "GET",
        `/api/accounts/${OTHER.accountId}/orders/${orderId}`,
        basic(OTHER.username, OTHER.password),
      );
      expect(status).to.equal(404);
    });

    it("serves the admin API to loopback peers", async () => {
      expect(await call("GET", "/_emulator/state")).to.equal(200);
    });

    it("refuses the admin API to a non-loopback peer (403), while the APIs still answer it", async function () {
      const address = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && !i.internal && i.family === "IPv4")?.address;
      if (!address) this.skip();
      const open = await startEmulator({ host: "0.0.0.0", accounts: [DEMO_ACCOUNT] });
      try {
        expect(await call("GET", "/_emulator/state", undefined, address!, open.port)).to.equal(403);
        expect(await call("POST", "/_emulator/reset", undefined, address!, open.port)).to.equal(403);
        expect(await call("PUT", "/_emulator/faults", undefined, address!, open.port)).to.equal(403);
        expect(await call("GET", "/_emulator/state", undefined, "127.0.0.1", open.port)).to.equal(200);
        const auth = basic(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
        const list = `/api/accounts/${DEMO_ACCOUNT.accountId}/orders?page=1&size=10`;
        // 404: the account has no order yet, Bandwidth's answer to an empty list
        expect(await call("GET", list, auth, address!, open.port)).to.be.oneOf([200, 404]);
      } finally {
        await open.close();
      }
    });
  });
});
