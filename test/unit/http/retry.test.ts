import { expect } from "chai";
import {
  backoffDelay,
  isIdempotentMethod,
  isRetryable,
  parseRateLimitReset,
  parseRetryAfter,
  provablyNotSent,
  resetTimeFromHeaders,
} from "../../../provider/http/retry";

const NOW = Date.UTC(2024, 0, 1, 12, 0, 0);

describe("backoff math", () => {
  it("grows the full-jitter ceiling exponentially from the base", () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 10_000 };
    const almostOne = () => 0.999999;
    expect(backoffDelay(0, opts, almostOne)).to.equal(99);
    expect(backoffDelay(1, opts, almostOne)).to.equal(199);
    expect(backoffDelay(3, opts, almostOne)).to.equal(799);
  });

  it("caps every wait at maxDelayMs", () => {
    expect(backoffDelay(30, { baseDelayMs: 100, maxDelayMs: 5_000 }, () => 0.999999)).to.be.below(5_000);
  });

  it("uses full jitter: a random draw of 0 waits 0 ms", () => {
    expect(backoffDelay(5, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0)).to.equal(0);
  });

  it("spreads real draws across the whole window", () => {
    const draws = Array.from({ length: 200 }, () => backoffDelay(2, { baseDelayMs: 100, maxDelayMs: 10_000 }));
    expect(Math.min(...draws)).to.be.below(100);
    expect(Math.max(...draws))
      .to.be.above(300)
      .and.below(400);
  });
});

describe("X-RateLimit-Reset", () => {
  const inTenSeconds = NOW + 10_000;

  it("reads epoch seconds on the Numbers API", () => {
    expect(parseRateLimitReset(String(inTenSeconds / 1000), "seconds", NOW)?.getTime()).to.equal(inTenSeconds);
  });

  it("reads epoch milliseconds on Voice v1", () => {
    expect(parseRateLimitReset(String(inTenSeconds), "milliseconds", NOW)?.getTime()).to.equal(inTenSeconds);
  });

  it("tolerates milliseconds where seconds were declared, and the reverse, by magnitude", () => {
    expect(parseRateLimitReset(String(inTenSeconds), "seconds", NOW)?.getTime()).to.equal(inTenSeconds);
    expect(parseRateLimitReset(String(inTenSeconds / 1000), "milliseconds", NOW)?.getTime()).to.equal(inTenSeconds);
  });

  it("reads a small number as a delta in seconds", () => {
    expect(parseRateLimitReset("5", "seconds", NOW)?.getTime()).to.equal(NOW + 5_000);
  });

  it("ignores absent or non-numeric values", () => {
    expect(parseRateLimitReset(undefined, "seconds", NOW)).to.equal(undefined);
    expect(parseRateLimitReset("soon", "seconds", NOW)).to.equal(undefined);
  });
});

describe("Retry-After", () => {
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", NOW)?.getTime()).to.equal(NOW + 3_000);
    expect(parseRetryAfter(new Date(NOW + 7_000).toUTCString(), NOW)?.getTime()).to.equal(NOW + 7_000);
    expect(parseRetryAfter("garbage", NOW)).to.equal(undefined);
  });

  it("takes the later of Retry-After and X-RateLimit-Reset", () => {
    const at = resetTimeFromHeaders(
      { "retry-after": "2", "x-ratelimit-reset": String((NOW + 9_000) / 1000) },
      "seconds",
      NOW,
    );
    expect(at?.getTime()).to.equal(NOW + 9_000);
    expect(resetTimeFromHeaders({}, "seconds", NOW)).to.equal(undefined);
  });
});

describe("retry decision", () => {
  it("treats GET, PUT and DELETE as idempotent and POST as not", () => {
    expect(["GET", "put", "DELETE"].every(isIdempotentMethod)).to.equal(true);
    expect(isIdempotentMethod("POST")).to.equal(false);
  });

  it("retries 429, 502, 503 and 504 for idempotent calls and nothing else", () => {
    for (const status of [429, 502, 503, 504])
      expect(isRetryable({ kind: "status", status }, true), `${status}`).to.equal(true);
    for (const status of [400, 401, 404, 409, 500])
      expect(isRetryable({ kind: "status", status }, true), `${status}`).to.equal(false);
  });

  it("re-sends a POST only after a 429 or a connection refused before connect", () => {
    expect(isRetryable({ kind: "status", status: 429 }, false)).to.equal(true);
    expect(isRetryable({ kind: "status", status: 503 }, false)).to.equal(false);
    expect(isRetryable({ kind: "network", transportCode: "ECONNREFUSED" }, false)).to.equal(true);
    expect(isRetryable({ kind: "network", transportCode: "ECONNRESET" }, false)).to.equal(false);
    expect(isRetryable({ kind: "network", transportCode: "UND_ERR_SOCKET" }, false)).to.equal(false);
    expect(isRetryable({ kind: "network", transportCode: "UND_ERR_HEADERS_TIMEOUT" }, false)).to.equal(false);
    expect(isRetryable({ kind: "network" }, false)).to.equal(false);
  });

  it("retries any network error for an idempotent call", () => {
    expect(isRetryable({ kind: "network", transportCode: "ECONNRESET" }, true)).to.equal(true);
  });

  it("counts only pre-connect failures as provably not sent", () => {
    expect(provablyNotSent("ECONNREFUSED")).to.equal(true);
    expect(provablyNotSent("UND_ERR_CONNECT_TIMEOUT")).to.equal(true);
    expect(provablyNotSent("ECONNRESET")).to.equal(false);
    expect(provablyNotSent(undefined)).to.equal(false);
  });
});
