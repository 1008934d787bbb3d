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

  it("learns a lower rate from a 429 and recovers it after a run of requests without one", () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 200 }, 0);
    bucket.pause(new Date(1_000));
    expect(bucket.ratePerSecond).to.equal(50);
    bucket.pause(new Date(1_000)); // the same pause, reported by a request already in flight
    expect(bucket.ratePerSecond).to.equal(50);
    let now = 1_000;
    for (let i = 0; i < 50; i++) {
      now += bucket.tryTake(now);
      expect(bucket.tryTake(now)).to.equal(0);
    }
    expect(bucket.ratePerSecond).to.equal(62.5);
  });
});
