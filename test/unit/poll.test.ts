import { expect } from "chai";
import { pollDelay, pollUntil } from "../../provider/poll";

describe("pollUntil", () => {
  it("returns the first value that is done, without timing out", async () => {
    const statuses = ["RECEIVED", "PROCESSING", "COMPLETE"];
    let calls = 0;
    const result = await pollUntil({
      fetch: async () => statuses[Math.min(calls++, statuses.length - 1)],
      done: (s) => s === "COMPLETE",
      deadlineMs: Date.now() + 5_000,
      initialDelayMs: 5,
      maxDelayMs: 10,
    });
    expect(result).to.deep.equal({ value: "COMPLETE", timedOut: false });
    expect(calls).to.equal(3);
  });

  it("returns the last value with timedOut at the deadline instead of throwing", async () => {
    const started = Date.now();
    let calls = 0;
    const result = await pollUntil({
      fetch: async () => {
        calls++;
        return "BACKORDERED";
      },
      done: () => false,
      deadlineMs: started + 80,
      initialDelayMs: 10,
      maxDelayMs: 20,
    });
    expect(result).to.deep.equal({ value: "BACKORDERED", timedOut: true });
    expect(Date.now() - started)
      .to.be.at.least(75)
      .and.below(1_000);
    expect(calls).to.be.greaterThan(2);
  });

  it("reports progress on each status change and at least every progressEveryMs", async () => {
    const seq = ["RECEIVED", "RECEIVED", "PROCESSING", "PROCESSING", "PROCESSING", "PROCESSING", "COMPLETE"];
    let i = 0;
    const reported: string[] = [];
    await pollUntil({
      fetch: async () => seq[Math.min(i++, seq.length - 1)],
      done: (s) => s === "COMPLETE",
      deadlineMs: Date.now() + 5_000,
      initialDelayMs: 20,
      maxDelayMs: 20,
      factor: 1,
      progressEveryMs: 25,
      describe: (s) => s,
      onProgress: (s) => reported.push(s),
    });
    expect(reported[0]).to.equal("RECEIVED");
    expect(reported).to.include("COMPLETE");
    // Four PROCESSING polls ~10-20 ms apart: at least one repeat report once 25 ms pass without a change.
    expect(reported.filter((s) => s === "PROCESSING").length).to.be.at.least(2);
  });

  it("rejects when the signal aborts and makes no further fetch", async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = pollUntil({
      fetch: async () => {
        calls++;
        return "RECEIVED";
      },
      done: () => false,
      deadlineMs: Date.now() + 5_000,
      initialDelayMs: 1_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("stop")), 10);
    let caught: unknown;
    try {
      await pending;
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).to.equal("stop");
    expect(calls).to.equal(1);
  });

  it("propagates a fetch error instead of hanging", async () => {
    let caught: unknown;
    try {
      await pollUntil({
        fetch: async () => {
          throw new Error("order lookup failed");
        },
        done: () => true,
        deadlineMs: Date.now() + 1_000,
      });
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).to.equal("order lookup failed");
  });
});

describe("poll delay", () => {
  it("grows by the factor, is capped, and never drops below half the step", () => {
    expect(pollDelay(0, 100, 1_000, 2, () => 0)).to.equal(50);
    expect(pollDelay(2, 100, 1_000, 2, () => 0.999999)).to.equal(399);
    expect(pollDelay(10, 100, 1_000, 2, () => 0.999999)).to.equal(999);
    expect(pollDelay(10, 100, 1_000, 2, () => 0)).to.equal(500);
  });
});
