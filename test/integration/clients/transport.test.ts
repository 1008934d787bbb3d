import { inspect } from "node:util";
import { expect } from "chai";
import {
  ApiError,
  type BandwidthError,
  DeadlineError,
  NotFoundError,
  RateLimitedError,
  TransportError,
  UnauthorizedError,
} from "../../../provider/http/errors";
import {
  closeSharedPools,
  Transport,
  type TransportEvent,
  type TransportOptions,
} from "../../../provider/http/transport";
import { describeXmlErrors } from "../../../provider/numbers/xml";
import { type CannedServer, freePort, reply, startCannedServer, uniqueAccount } from "./cannedServer";

const PASSWORD = "Sup3r-Secret-Pw";
const BASIC = Buffer.from(`user:${PASSWORD}`).toString("base64");

const FAST: Partial<TransportOptions> = {
  baseDelayMs: 10,
  maxDelayMs: 40,
  maxAttempts: 4,
  deadlineMs: 5_000,
  headersTimeoutMs: 2_000,
  bodyTimeoutMs: 2_000,
  describeErrors: describeXmlErrors,
};

function transportFor(url: string, options: Partial<TransportOptions> = {}, account = uniqueAccount()): Transport {
  return new Transport({
    baseUrl: `${url}/api`,
    username: "user",
    password: PASSWORD,
    account,
    options: { ...FAST, ...options },
  });
}

async function failure(p: Promise<unknown>): Promise<BandwidthError> {
  try {
    await p;
  } catch (err) {
    return err as BandwidthError;
  }
  throw new Error("expected the call to fail");
}

function expectNoSecret(err: Error): void {
  for (const rendering of [err.message, String(err.stack), inspect(err, { depth: 10 }), JSON.stringify(err)]) {
    expect(rendering).to.not.include(PASSWORD);
    expect(rendering).to.not.include(BASIC);
  }
}

describe("transport over real sockets", function () {
  this.timeout(10_000);
  let server: CannedServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  after(async () => {
    await closeSharedPools();
  });

  it("sends Basic auth to the base URL's path prefix and returns status, headers and body", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, "<Ok/>", { "x-extra": "1" }));
    const res = await transportFor(server.url).request({
      method: "GET",
      path: "/accounts/1/orders",
      query: { page: 1, status: ["COMPLETE", "FAILED"], skip: undefined },
    });
    expect(res).to.deep.include({ status: 200, body: "<Ok/>" });
    expect(res.headers["x-extra"]).to.equal("1");
    expect(server.requests[0].url).to.equal("/api/accounts/1/orders?page=1&status=COMPLETE&status=FAILED");
    expect(server.requests[0].headers.authorization).to.equal(`Basic ${BASIC}`);
  });

  it("waits for X-RateLimit-Reset (epoch seconds) after a 429, then succeeds", async () => {
    let resetAt = 0;
    server = await startCannedServer((_req, res, n) => {
      if (n === 0) {
        resetAt = Date.now() + 300;
        reply(res, 429, "", { "x-ratelimit-reset": String(resetAt / 1000) });
      } else reply(res, 200, "<Ok/>");
    });
    const events: TransportEvent[] = [];
    const res = await transportFor(server.url, { onEvent: (e) => events.push(e) }).request({
      method: "POST",
      path: "accounts/1/orders",
      body: "<Order/>",
      category: "ORDER",
    });
    expect(res.status).to.equal(200);
    expect(server.requests).to.have.length(2);
    expect(server.requests[1].at).to.be.at.least(resetAt - 5);
    expect(events.map((e) => e.type)).to.deep.equal(["rate-limited", "retry"]);
  });

  it("pauses every caller of the same account and category after a 429 (shared limiter)", async () => {
    let resetAt = 0;
    server = await startCannedServer((req, res) => {
      if (req.url.includes("first") && resetAt === 0) {
        resetAt = Date.now() + 300;
        reply(res, 429, "", { "x-ratelimit-reset": String(resetAt / 1000) });
      } else reply(res, 200, "<Ok/>");
    });
    const account = uniqueAccount();
    const a = transportFor(server.url, {}, account);
    const b = transportFor(server.url, {}, account);
    const first = a.request({ method: "GET", path: "first", category: "HISTORY" });
    await new Promise((r) => setTimeout(r, 50));
    await b.request({ method: "GET", path: "second", category: "HISTORY" });
    await first;
    const second = server.requests.find((r) => r.url.includes("second"));
    expect(second?.at).to.be.at.least(resetAt - 5);
  });

  it("throws RateLimitedError with resetAt when the reset lies beyond the deadline", async () => {
    const resetAt = Date.now() + 60_000;
    server = await startCannedServer((_req, res) =>
      reply(res, 429, "", { "x-ratelimit-reset": String(Math.ceil(resetAt / 1000)) }),
    );
    const err = await failure(transportFor(server.url, { deadlineMs: 500 }).request({ method: "GET", path: "x" }));
    expect(err).to.be.instanceOf(RateLimitedError);
    expect((err as RateLimitedError).resetAt?.getTime()).to.be.closeTo(Math.ceil(resetAt / 1000) * 1000, 1);
    expect(server.requests).to.have.length(1);
  });

  it("retries a 503 for a GET", async () => {
    server = await startCannedServer((_req, res, n) => (n < 2 ? reply(res, 503, "") : reply(res, 200, "<Ok/>")));
    const res = await transportFor(server.url).request({ method: "GET", path: "x" });
    expect(res.status).to.equal(200);
    expect(server.requests).to.have.length(3);
  });

  it("does not retry a 503 for a POST", async () => {
    server = await startCannedServer((_req, res) => reply(res, 503, ""));
    const err = await failure(transportFor(server.url).request({ method: "POST", path: "x", body: "<Order/>" }));
    expect(err).to.be.instanceOf(ApiError);
    expect(err.status).to.equal(503);
    expect(server.requests).to.have.length(1);
  });

  it("gives up after maxAttempts with the last error", async () => {
    server = await startCannedServer((_req, res) => reply(res, 502, ""));
    const err = await failure(transportFor(server.url, { maxAttempts: 3 }).request({ method: "GET", path: "x" }));
    expect(err).to.be.instanceOf(ApiError);
    expect(err.status).to.equal(502);
    expect(server.requests).to.have.length(3);
  });

  it("never re-sends a POST whose socket is reset after the request was written", async () => {
    // The server reads the whole request, then resets the socket without answering.
    server = await startCannedServer((_req, res) => {
      res.socket?.destroy();
    });
    const err = await failure(
      transportFor(server.url).request({ method: "POST", path: "accounts/1/orders", body: "<Order/>" }),
    );
    expect(err).to.be.instanceOf(TransportError);
    expect((err as TransportError).mayHaveReachedServer).to.equal(true);
    expect(server.requests).to.have.length(1);
    expectNoSecret(err);
  });

  it("does re-send a GET whose socket is reset", async () => {
    server = await startCannedServer((_req, res, n) => {
      if (n === 0) res.socket?.destroy();
      else reply(res, 200, "<Ok/>");
    });
    const res = await transportFor(server.url).request({ method: "GET", path: "x" });
    expect(res.status).to.equal(200);
    expect(server.requests).to.have.length(2);
  });

  it("re-sends a POST refused before connect, once the server is up", async () => {
    const port = await freePort();
    let starting: Promise<CannedServer> | undefined;
    const events: TransportEvent[] = [];
    const transport = transportFor(`http://127.0.0.1:${port}`, {
      baseDelayMs: 100,
      maxDelayMs: 100,
      maxAttempts: 10,
      onEvent: (e) => {
        events.push(e);
        starting ??= startCannedServer((_req, res) => reply(res, 201, "<OrderResponse/>"), port);
      },
    });
    const res = await transport.request({ method: "POST", path: "accounts/1/orders", body: "<Order/>" });
    server = await starting;
    expect(res.status).to.equal(201);
    expect(server?.requests).to.have.length(1);
    expect(events[0]).to.include({ type: "retry", reason: "TRANSPORT" });
  });

  it("surfaces a refused connection as a TransportError that did not reach the server", async () => {
    const port = await freePort();
    const err = await failure(
      transportFor(`http://127.0.0.1:${port}`, { maxAttempts: 2 }).request({ method: "POST", path: "x", body: "<a/>" }),
    );
    expect(err).to.be.instanceOf(TransportError);
    expect((err as TransportError).mayHaveReachedServer).to.equal(false);
    expect((err as TransportError).transportCode).to.equal("ECONNREFUSED");
    expectNoSecret(err);
  });

  // undici checks these timeouts on a coarse (about 1 s) clock, so this test takes a few seconds.
  it("times out waiting for headers: retried for GET, not for POST", async () => {
    server = await startCannedServer(() => undefined);
    const fast = { headersTimeoutMs: 60, maxAttempts: 2 };
    const getErr = await failure(transportFor(server.url, fast).request({ method: "GET", path: "slow" }));
    expect(getErr).to.be.instanceOf(TransportError);
    expect((getErr as TransportError).transportCode).to.equal("UND_ERR_HEADERS_TIMEOUT");
    expect(server.requests.filter((r) => r.method === "GET")).to.have.length(2);

    const postErr = await failure(
      transportFor(server.url, fast).request({ method: "POST", path: "slow", body: "<a/>" }),
    );
    expect((postErr as TransportError).mayHaveReachedServer).to.equal(true);
    expect(server.requests.filter((r) => r.method === "POST")).to.have.length(1);
  });

  it("stops at the total deadline with a DeadlineError", async () => {
    server = await startCannedServer(() => undefined);
    const started = Date.now();
    const err = await failure(transportFor(server.url, { deadlineMs: 150 }).request({ method: "GET", path: "slow" }));
    expect(err).to.be.instanceOf(DeadlineError);
    expect(Date.now() - started).to.be.below(1_500);
  });

  it("refuses a response body over the size cap", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, "x".repeat(5_000)));
    const err = await failure(
      transportFor(server.url, { maxResponseBytes: 1_000 }).request({ method: "GET", path: "x" }),
    );
    expect(err).to.be.instanceOf(TransportError);
    expect(err.message).to.include("exceeds 1000 bytes");
    expect(server.requests).to.have.length(1);
  });

  it("maps 401, 403 and 404 to typed errors without any credential, even when the server echoes them", async () => {
    server = await startCannedServer((req, res, n) => {
      const echo = `<ResponseStatus><ErrorCode>1001</ErrorCode><Description>denied for ${req.headers.authorization} ${PASSWORD}</Description></ResponseStatus>`;
      reply(res, [401, 403, 404][n % 3], `<R>${echo}</R>`);
    });
    const t = transportFor(server.url);
    const errors = [
      await failure(t.request({ method: "GET", path: "a" })),
      await failure(t.request({ method: "GET", path: "b" })),
      await failure(t.request({ method: "GET", path: "c" })),
    ];
    expect(errors[0]).to.be.instanceOf(UnauthorizedError);
    expect(errors[1]).to.be.instanceOf(UnauthorizedError);
    expect(errors[2]).to.be.instanceOf(NotFoundError);
    expect(errors[0].errors[0].code).to.equal("1001");
    for (const err of errors) expectNoSecret(err);
  });

  it("keeps every error of a 400 body in ApiError and its message", async () => {
    server = await startCannedServer((_req, res) =>
      reply(
        res,
        400,
        "<OrderResponse><ErrorList><Error><Code>5005</Code><Description>unavailable</Description>" +
          "<TelephoneNumber>9195550001</TelephoneNumber></Error><Error><Code>5022</Code><Description>SiteId is required</Description>" +
          "</Error></ErrorList></OrderResponse>",
      ),
    );
    const err = await failure(transportFor(server.url).request({ method: "POST", path: "o", body: "<Order/>" }));
    expect(err).to.be.instanceOf(ApiError);
    expect(err.errors.map((e) => e.code)).to.deep.equal(["5005", "5022"]);
    expect(err.message).to.include("9195550001").and.include("SiteId is required");
  });

  it("follows an absolute URL on its own origin but refuses another origin", async () => {
    server = await startCannedServer((_req, res) => reply(res, 200, "<Ok/>"));
    const t = transportFor(server.url);
    await t.request({ method: "GET", path: `${server.url}/api/next?page=2` });
    expect(server.requests[0].url).to.equal("/api/next?page=2");
    const err = await failure(t.request({ method: "GET", path: "https://elsewhere.example/steal" }));
    expect(err.code).to.equal("INVALID_REQUEST");
  });
});
