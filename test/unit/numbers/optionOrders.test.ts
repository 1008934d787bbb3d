import { expect } from "chai";
import type { NumbersClient, TnOptionGroup } from "../../../provider/numbers";
import { TnOptionBatcher } from "../../../provider/numbers/optionOrders";

/** An account whose TN option orders complete at once, recording the numbers of each order placed and when. */
function fakeClient() {
  const placed: Array<{ atMs: number; numbers: string[] }> = [];
  const client = {
    async createTnOptionOrder(o: { groups: TnOptionGroup[] }) {
      placed.push({ atMs: Date.now(), numbers: o.groups.flatMap((g) => g.telephoneNumbers) });
      return { orderId: `o-${placed.length}`, status: "RECEIVED" };
    },
    async getTnOptionOrder(orderId: string) {
      return { orderId, status: "COMPLETE", errors: [] };
    },
  } as unknown as NumbersClient;
  return { client, placed };
}

const cnam = (tn: string): TnOptionGroup[] => [{ callingNameDisplay: "on", telephoneNumbers: [tn] }];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("TN option orders shared by a deployment", function () {
  this.timeout(10_000);

  it("with no step on its way, an order goes out shortly after its last caller and carries every caller within the quiet window", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client);
    const deadlineMs = Date.now() + 30_000;
    await batcher.apply(cnam("9195550100"), { deadlineMs });
    const asked = Date.now();
    // Two callers 10 ms apart: the quiet window merges them into one order.
    const second = batcher.apply(cnam("9195550101"), { deadlineMs });
    await sleep(10);
    const third = batcher.apply(cnam("9195550102"), { deadlineMs });
    const [a, b] = await Promise.all([second, third]);
    expect(placed).to.have.length(2);
    expect(placed[1].numbers).to.deep.equal(["9195550101", "9195550102"]);
    expect(placed[1].atMs - asked).to.be.below(500);
    expect([a.applied, b.applied]).to.deep.equal([["9195550101"], ["9195550102"]]);
  });

  it("while a step is on its way, the queued order waits for it (here 2.5 s) and carries its numbers, then goes out at once", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client);
    const deadlineMs = Date.now() + 30_000;
    const arrived = batcher.expect();
    const first = batcher.apply(cnam("9195550100"), { deadlineMs });
    await sleep(2_500);
    expect(placed).to.have.length(0);
    arrived();
    const second = batcher.apply(cnam("9195550101"), { deadlineMs });
    const arrivedAt = Date.now();
    await Promise.all([first, second]);
    expect(placed).to.have.length(1);
    expect(placed[0].numbers).to.deep.equal(["9195550100", "9195550101"]);
    expect(placed[0].atMs - arrivedAt).to.be.below(500);
    arrived(); // a second call changes nothing: the count cannot go below zero and hold nothing
    await batcher.apply(cnam("9195550102"), { deadlineMs });
    expect(placed).to.have.length(2);
  });

  it("a step that ends without asking (its create failed) lets the queue go within the quiet window", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client);
    const gaveUp = batcher.expect();
    const first = batcher.apply(cnam("9195550100"), { deadlineMs: Date.now() + 30_000 });
    await sleep(300);
    expect(placed).to.have.length(0);
    const endedAt = Date.now();
    gaveUp();
    await first;
    expect(placed).to.have.length(1);
    expect(placed[0].atMs - endedAt).to.be.below(500);
  });

  it("a step that stays away holds the queue no longer than the hold, and no longer than leaves the hold before a caller's deadline", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client, 1_000);
    batcher.expect(); // never arrives
    const asked = Date.now();
    await batcher.apply(cnam("9195550100"), { deadlineMs: asked + 30_000 });
    expect(placed[0].atMs - asked).to.be.within(950, 1_500);
    // A caller due 1.2 s from now: its order leaves at least the hold (1 s) before that deadline.
    const again = Date.now();
    await batcher.apply(cnam("9195550101"), { deadlineMs: again + 1_200 });
    expect(placed[1].atMs - again).to.be.below(500);
  });
});
