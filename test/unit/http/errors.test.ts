import { inspect } from "node:util";
import { expect } from "chai";
import {
  ApiError,
  BandwidthError,
  DeadlineError,
  mayHaveReachedServer,
  NotFoundError,
  RateLimitedError,
  TokenUnavailableError,
  TransportError,
  UnauthorizedError,
} from "../../../provider/http/errors";
import { Transport } from "../../../provider/http/transport";

const PASSWORD = "s3cret-Pa55word";

describe("Bandwidth error classes", () => {
  it("count a lost answer, a deadline after sending and a 5xx as possibly acted on, and nothing else", () => {
    const at = { method: "POST", url: "https://example.test/orders" };
    expect(mayHaveReachedServer(new TransportError("reset", { ...at, mayHaveReachedServer: true }))).to.equal(true);
    expect(mayHaveReachedServer(new TransportError("refused", { ...at, mayHaveReachedServer: false }))).to.equal(false);
    expect(mayHaveReachedServer(new DeadlineError("late", { ...at, mayHaveReachedServer: true }))).to.equal(true);
    expect(mayHaveReachedServer(new DeadlineError("queued", { ...at, mayHaveReachedServer: false }))).to.equal(false);
    for (const status of [500, 502, 503, 504])
      expect(mayHaveReachedServer(new ApiError({ ...at, status }))).to.equal(true);
    for (const status of [400, 401, 404, 409, 429])
      expect(mayHaveReachedServer(new ApiError({ ...at, status }))).to.equal(false);
    expect(mayHaveReachedServer(new Error("not from the transport"))).to.equal(false);
  });

  it("count a token endpoint's 503 as nothing sent: the call that waited for the token never left", () => {
    const token = { method: "POST", url: "https://api.bandwidth.com/api/v1/oauth2/token", status: 503 };
    expect(mayHaveReachedServer(new TokenUnavailableError("no token", token))).to.equal(false);
    expect(mayHaveReachedServer(new RateLimitedError({ ...token, resetAt: new Date() }))).to.equal(false);
    expect(new TokenUnavailableError("no token", token).code).to.equal("TOKEN_UNAVAILABLE");
  });

  it("give each class its stable code and keep them all BandwidthErrors", () => {
    const fields = { method: "GET", url: "https://example.test/x", status: 400 };
    const cases: [BandwidthError, string][] = [
      [new TransportError("boom", { ...fields, mayHaveReachedServer: true }), "TRANSPORT"],
      [new RateLimitedError(fields), "RATE_LIMITED"],
      [new NotFoundError(fields), "NOT_FOUND"],
      [new UnauthorizedError(fields), "UNAUTHORIZED"],
      [new ApiError(fields), "API_ERROR"],
      [new DeadlineError("late", { ...fields, mayHaveReachedServer: false }), "DEADLINE"],
    ];
    for (const [err, code] of cases) {
      expect(err.code).to.equal(code);
      expect(err).to.be.instanceOf(BandwidthError);
      expect(err.status).to.equal(400);
      expect(err.name).to.equal(err.constructor.name);
    }
  });

  it("quote every code, description and TN in the message", () => {
    const err = new ApiError({
      method: "POST",
      url: "https://dashboard.example/api/accounts/1/orders",
      status: 400,
      errors: [
        { code: "5005", description: "unavailable", telephoneNumber: "9195550001" },
        { code: "5016", description: "invalid SiteId" },
      ],
    });
    expect(err.message).to.include("5005").and.include("unavailable").and.include("9195550001");
    expect(err.message).to.include("5016").and.include("invalid SiteId");
    expect(err.message).to.include("POST https://dashboard.example/api/accounts/1/orders");
    expect(err.hasErrorCode("5016")).to.equal(true);
  });

  it("carry the reset time on RateLimitedError", () => {
    const resetAt = new Date(Date.UTC(2030, 0, 1));
    const err = new RateLimitedError({ resetAt, category: "ORDER" });
    expect(err.resetAt).to.equal(resetAt);
    expect(err.message).to.include("2030-01-01").and.include("ORDER");
  });

  it("never contain the password, even when the base URL carried it", () => {
    const transport = new Transport({
      baseUrl: `https://user:${PASSWORD}@dashboard.example/api`,
      username: "user",
      password: PASSWORD,
      account: "1",
    });
    const url = transport.url("accounts/1/orders").toString();
    expect(url).to.equal("https://dashboard.example/api/accounts/1/orders");
    const err = new TransportError("reset", { method: "POST", url, mayHaveReachedServer: true });
    const basic = Buffer.from(`user:${PASSWORD}`).toString("base64");
    for (const rendering of [
      err.message,
      String(err.stack),
      inspect(err, { depth: 10 }),
      JSON.stringify(err),
      inspect(transport),
    ]) {
      expect(rendering).to.not.include(PASSWORD);
      expect(rendering).to.not.include(basic);
    }
  });
});
