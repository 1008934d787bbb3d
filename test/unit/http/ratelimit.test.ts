import { expect } from "chai";
import { RateLimitWaitTooLong, sharedBucket, TokenBucket } from "../../../provider/http/ratelimit";

describe("token bucket", () => {
  it("allows a burst, then asks the caller to wait for the refill", () => {
    const t0 = 1_000_000;
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 }, t0);
    expect(bucket.tryTake(t0)).to.equal(0);
    expect(bucket.tryTake(t0)).to.equal(0);
    expect(bucket.tryTake(t0)).to.equal(100);
    expect(bucket.tryTake(t0 + 100)).to.equal(0);
  });

  it("pauses every caller until the reset time and never shortens a pause", () => {
    const t0 = 1_000_000;
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 100 }, t0);
    bucket.pause(new Date(t0 + 5_000));
    bucket.pause(new Date(t0 + 1_000));
    expect(bucket.tryTake(t0)).to.equal(5_000);
    expect(bucket.tryTake(t0 + 5_000)).to.equal(0);
  });

  it("refuses to wait past the caller's deadline", async () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 100 });
    bucket.pause(new Date(Date.now() + 60_000));
    let caught: unknown;
    try {
      await bucket.acquire(Date.now() + 10);
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(RateLimitWaitTooLong);
  });

  it("shares one bucket per origin, account and category across the process", () => {
    const a = sharedBucket({ origin: "https://x.test", account: "acct-share", category: "ORDER" });
    const b = sharedBucket({ origin: "https://x.test", account: "acct-share", category: "ORDER" });
    const c = sharedBucket({ origin: "https://x.test", account: "acct-share", category: "SEARCH" });
    const d = sharedBucket({ origin: "https://x.test", account: "acct-other", category: "ORDER" });
    expect(a).to.equal(b);
    expect(a).to.not.equal(c);
    expect(a).to.not.equal(d);
  });
});
