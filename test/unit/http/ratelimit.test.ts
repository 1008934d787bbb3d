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
    while (now < 2_000) now += Math.max(1, bucket.tryTake(now) === 0 ? 100 : 0); // only 10 a second get through
    bucket.pause(new Date(2_000), 2_000);
    expect(bucket.ratePerSecond).to.be.below(20);
    now = 2_000;
    while (now < 14_000) now += Math.max(1, bucket.tryTake(now));
    expect(bucket.ratePerSecond).to.equal(100);
    const back = bucket.history.find((h) => h.ratePerSecond === 100 && h.atMs > 2_000)!;
    expect(back.atMs - 2_000).to.be.at.most(12_000);
  });

  it("counts the requests it admits per second and notes each 429 pause, for the benchmark's report", () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5 }, 0);
    let now = 0;
    while (now < 3_000) now += Math.max(1, bucket.tryTake(now));
    bucket.pause(new Date(4_000), 3_000);
    bucket.pause(new Date(4_000), 3_001); // the same pause, reported by another request in flight
    const t = bucket.timeline();
    expect(t.binMs).to.equal(1_000);
    expect(t.admitted).to.deep.equal([14, 10, 10]); // the burst of 5 plus 9 refills, then 10 a second
    expect(t.pauses).to.deep.equal([{ atMs: 3_000, untilMs: 4_000 }]);
  });

  it("against a server that takes 10 a second, admits the server's rate within seconds of its first 429", () => {
    // Virtual time: 8 callers each send as soon as the bucket lets them; the server is a token bucket of its own
    // (10 a second, burst 100) that answers 429 with a reset in whole seconds, as the Numbers API does.
    const server = { tokens: 100, at: 0 };
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 200 }, 0);
    const wakes = Array.from({ length: 8 }, () => 0);
    let first429: number | undefined;
    let refused = 0;
    let accepted = 0;
    for (;;) {
      const i = wakes.indexOf(Math.min(...wakes));
      const now = wakes[i];
      if (now >= 60_000) break;
      const wait = bucket.tryTake(now);
      if (wait > 0) {
        wakes[i] = now + wait;
        continue;
      }
      server.tokens = Math.min(100, server.tokens + ((now - server.at) * 10) / 1000);
      server.at = now;
      if (server.tokens >= 1) {
        server.tokens -= 1;
        accepted += 1;
        wakes[i] = now + 200; // the caller's next request comes after the order's processing time
      } else {
        const reset = Math.ceil((now + ((1 - server.tokens) / 10) * 1000) / 1000) * 1000;
        first429 ??= now;
        refused += 1;
        bucket.pause(new Date(reset), now);
        wakes[i] = reset;
      }
    }
    const t = bucket.timeline();
    const start = Math.ceil(first429! / 1000) + 3; // a few seconds after the first 429
    const later = t.admitted.slice(start, -1);
    expect(later.length).to.be.above(30);
    // No client-side collapse: every later second admits what the server takes (10), give or take one.
    expect(Math.min(...later)).to.be.at.least(9);
    expect(Math.max(...later)).to.be.at.most(11);
    // And it learns that rate instead of drawing a 429 at every reset: at most 1 % of requests refused.
    expect(refused / (accepted + refused)).to.be.at.most(0.01);
  });
});
