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

  it("pauses on a 429 without halving once per request in flight, then runs at the rate the server accepted", () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 10 }, 0);
    let now = 0;
    let granted = 0;
    while (now < 2_000) {
      const wait = bucket.tryTake(now);
      if (wait === 0) granted += 1;
      else now += wait;
    }
    // The server took 2 s worth at 100/s, then 429s every request in flight for the same reset.
    for (let i = 0; i < 50; i++) bucket.pause(new Date(3_000), 2_000);
    expect(bucket.pausedUntilMs).to.equal(3_000);
    expect(bucket.tryTake(2_500)).to.equal(500);
    expect(bucket.ratePerSecond).to.be.within(90, 100, `granted ${granted} in 2 s`);
  });

  it("recovers from a low learned rate to the configured one within seconds", () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 1 }, 0);
    let now = 0;
    while (now < 1_000) now += Math.max(1, bucket.tryTake(now) === 0 ? 100 : 0); // only 10 a second get through
    bucket.pause(new Date(2_000), 1_000);
    expect(bucket.ratePerSecond).to.be.below(20);
    now = 2_000;
    while (now < 14_000) now += Math.max(1, bucket.tryTake(now));
    expect(bucket.ratePerSecond).to.equal(100);
    const back = bucket.history.find((h) => h.ratePerSecond === 100 && h.atMs > 2_000)!;
    expect(back.atMs - 2_000).to.be.at.most(12_000);
  });
});
