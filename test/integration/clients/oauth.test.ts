import { expect } from "chai";
import {
  closeSharedPools,
  RateLimitedError,
  Transport,
  TokenRefusedError,
  UnauthorizedError,
} from "../../../provider/http";
import { ClientCredentialsAuthorizer } from "../../../provider/http/oauth";
import { type CannedServer, reply, type SeenRequest, startCannedServer, uniqueAccount } from "./cannedServer";

const CLIENT_ID = "client-id-1";
const CLIENT_SECRET = "client-secret-s3cret";
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;

/** A token endpoint and a Numbers route on one server, as Bandwidth's api.bandwidth.com serves both. */
interface Fake {
  server: CannedServer;
  tokens: SeenRequest[];
  api: SeenRequest[];
  /** Tokens the API side accepts; the test revokes one to provoke a 401. */
  valid: Set<string>;
}

/** A token endpoint that refuses with `status` until `untilMs`, naming that time the way `hint` says. */
interface Limited {
  status: 429 | 503;
  untilMs: number;
  hint: "x-ratelimit-reset" | "retry-after" | "none";
}

async function fake(
  opts: { expiresIn?: number; refuse?: number; tokenDelayMs?: number; limited?: Limited } = {},
): Promise<Fake> {
  const f = { tokens: [], api: [], valid: new Set<string>() } as unknown as Fake;
  let issued = 0;
  f.server = await startCannedServer(async (req, res) => {
    if (req.url === "/api/v1/oauth2/token") {
      f.tokens.push(req);
      if (opts.tokenDelayMs) await new Promise((r) => setTimeout(r, opts.tokenDelayMs));
      const limited = opts.limited;
      if (limited && Date.now() < limited.untilMs) {
        const headers: Record<string, string> = {};
        if (limited.hint === "x-ratelimit-reset")
          headers["X-RateLimit-Reset"] = String(Math.ceil(limited.untilMs / 1000));
        if (limited.hint === "retry-after")
          headers["Retry-After"] = String(Math.ceil((limited.untilMs - Date.now()) / 1000));
        res.writeHead(limited.status, headers);
        res.end();
        return;
      }
      if (opts.refuse) {
        res.writeHead(opts.refuse, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "invalid_client", error_description: `bad client ${CLIENT_SECRET}` }));
        return;
      }
      const good = req.headers.authorization === BASIC && req.body === "grant_type=client_credentials";
      if (!good) return reply(res, 401, JSON.stringify({ error: "invalid_client" }));
      issued += 1;
      const token = `token-${issued}-abcdef`;
      f.valid.add(token);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: token, token_type: "bearer", expires_in: opts.expiresIn ?? 3600 }));
      return;
    }
    f.api.push(req);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!f.valid.has(token)) return reply(res, 401, "");
    reply(res, 200, "<TNs/>");
  });
  return f;
}

function transport(f: Fake, authorizer: ClientCredentialsAuthorizer): Transport {
  return new Transport({
    baseUrl: `${f.server.url}/api`,
    authorizer,
    account: uniqueAccount(),
    options: { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 5_000 },
  });
}

function authorizer(f: Fake): ClientCredentialsAuthorizer {
  return new ClientCredentialsAuthorizer(
    { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `${f.server.url}/api/v1/oauth2/token` },
    { baseDelayMs: 5 },
  );
}

describe("OAuth 2.0 client credentials on the Numbers API", function () {
  this.timeout(10_000);
  let f: Fake | undefined;

  afterEach(async () => {
    await f?.server.close();
    f = undefined;
  });

  after(async () => {
    await closeSharedPools();
  });

  it("asks the token endpoint as Bandwidth documents: Basic client id:secret, form grant_type=client_credentials", async () => {
    f = await fake();
    await transport(f, authorizer(f)).request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    expect(f.tokens).to.have.length(1);
    expect(f.tokens[0].method).to.equal("POST");
    expect(f.tokens[0].headers.authorization).to.equal(BASIC);
    expect(f.tokens[0].headers["content-type"]).to.equal("application/x-www-form-urlencoded");
    expect(f.tokens[0].body).to.equal("grant_type=client_credentials");
    expect(f.api[0].headers.authorization).to.equal("Bearer token-1-abcdef");
  });

  it("fetches one token for 50 concurrent calls and reuses it", async () => {
    f = await fake({ tokenDelayMs: 100 });
    const t = transport(f, authorizer(f));
    await Promise.all(
      Array.from({ length: 50 }, () => t.request({ method: "GET", path: "accounts/1/inserviceNumbers" })),
    );
    await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    expect(f.tokens).to.have.length(1);
    expect(f.api).to.have.length(51);
    expect(new Set(f.api.map((r) => r.headers.authorization))).to.have.property("size", 1);
  });

  it("fetches a new token shortly before expires_in runs out", async () => {
    f = await fake({ expiresIn: 1 });
    const t = transport(f, authorizer(f));
    await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    await new Promise((r) => setTimeout(r, 1_000));
    await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    expect(f.tokens).to.have.length(2);
    expect(f.api.map((r) => r.headers.authorization)).to.deep.equal(["Bearer token-1-abcdef", "Bearer token-2-abcdef"]);
  });

  it("answers a 401 with exactly one new token and one repeat of the request", async () => {
    f = await fake();
    const t = transport(f, authorizer(f));
    await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    f.valid.clear(); // revoked behind our back
    await Promise.all([1, 2, 3].map(() => t.request({ method: "GET", path: "accounts/1/inserviceNumbers" })));
    expect(f.tokens).to.have.length(2);
    expect(f.api.filter((r) => r.headers.authorization === "Bearer token-2-abcdef")).to.have.length(3);
  });

  it("gives up after one renewal when the new token is refused too", async () => {
    f = await fake();
    const t = transport(f, authorizer(f));
    const fakeRef = f;
    fakeRef.valid.add = () => fakeRef.valid; // the API never accepts any token
    let caught: unknown;
    try {
      await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" });
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(UnauthorizedError);
    expect(f.tokens).to.have.length(2);
    expect(f.api).to.have.length(2);
  });

  for (const [status, hint] of [
    [429, "x-ratelimit-reset"],
    [429, "retry-after"],
    [503, "retry-after"],
  ] as const) {
    it(`waits out a token endpoint's ${status} until its ${hint} time, then 20 waiting calls share one token`, async () => {
      const untilMs = Date.now() + 1_200;
      f = await fake({ limited: { status, untilMs, hint } });
      const t = transport(f, authorizer(f));
      await Promise.all(
        Array.from({ length: 20 }, () => t.request({ method: "GET", path: "accounts/1/inserviceNumbers" })),
      );
      expect(f.api).to.have.length(20);
      expect(new Set(f.api.map((r) => r.headers.authorization))).to.have.property("size", 1);
      // One refused ask, then one at the named time (its header has a whole-second resolution).
      expect(f.tokens).to.have.length(2);
      const named = hint === "x-ratelimit-reset" ? Math.ceil(untilMs / 1000) * 1000 : untilMs - 1_000;
      expect(f.tokens[1].at).to.be.at.least(named);
    });
  }

  it("a token endpoint's reset past the deadline is a RateLimitedError at once, one object per call, and nothing reaches the API", async () => {
    const untilMs = Date.now() + 60_000;
    f = await fake({ limited: { status: 429, untilMs, hint: "x-ratelimit-reset" } });
    const t = transport(f, authorizer(f));
    const started = Date.now();
    const errors = await Promise.all(
      Array.from({ length: 3 }, () =>
        t.request({ method: "GET", path: "accounts/1/inserviceNumbers" }).then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    expect(Date.now() - started).to.be.below(2_000, "no wait that the deadline cannot cover");
    for (const err of errors) {
      expect(err).to.be.instanceOf(RateLimitedError);
      expect((err as RateLimitedError).code).to.equal("RATE_LIMITED");
      expect((err as RateLimitedError).resetAt?.getTime()).to.be.at.least(Math.ceil(untilMs / 1000) * 1000);
    }
    expect(new Set(errors)).to.have.property("size", 3, "each call gets an error object of its own");
    expect(f.tokens).to.have.length(1);
    expect(f.api).to.have.length(0);
    // A call made during the pause gives up without asking the endpoint again.
    const late = await t.request({ method: "GET", path: "accounts/1/inserviceNumbers" }).catch((e: unknown) => e);
    expect(late).to.be.instanceOf(RateLimitedError);
    expect(f.tokens).to.have.length(1);
  });

  for (const status of [400, 401]) {
    it(`turns a ${status} from the token endpoint into an error naming the settings, never the secret`, async () => {
      f = await fake({ refuse: status });
      let caught: unknown;
      try {
        await transport(f, authorizer(f)).request({ method: "GET", path: "accounts/1/inserviceNumbers" });
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(TokenRefusedError);
      const text = `${(caught as Error).message} ${JSON.stringify(caught)}`;
      expect(text)
        .to.match(/bandwidth:clientId/)
        .and.match(/bandwidth:clientSecret/)
        .and.match(/invalid_client/);
      expect(text).not.to.include(CLIENT_SECRET);
      expect(text).not.to.include(BASIC.slice(6));
      expect(f.tokens).to.have.length(1); // a refusal is never repeated
      expect(f.api).to.have.length(0);
    });
  }
});
