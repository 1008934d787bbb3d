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

describe("TN option orders shared by a deployment", function () {
  this.timeout(10_000);

  it("with nothing more coming, an order goes out shortly after its last caller instead of waiting out the 2 s gap", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client);
    const deadlineMs = Date.now() + 30_000;
    await batcher.apply(cnam("9195550100"), { deadlineMs, moreComing: () => false });
    const asked = Date.now();
    // Two callers 10 ms apart: the quiet window merges them into one order.
    const second = batcher.apply(cnam("9195550101"), { deadlineMs, moreComing: () => false });
    await new Promise((r) => setTimeout(r, 10));
    const third = batcher.apply(cnam("9195550102"), { deadlineMs, moreComing: () => false });
    const [a, b] = await Promise.all([second, third]);
    expect(placed).to.have.length(2);
    expect(placed[1].numbers).to.deep.equal(["9195550101", "9195550102"]);
    expect(placed[1].atMs - asked).to.be.below(500);
    expect([a.applied, b.applied]).to.deep.equal([["9195550101"], ["9195550102"]]);
  });

  it("while more callers are coming, the next order waits out the 2 s gap and carries every number asked meanwhile", async () => {
    const { client, placed } = fakeClient();
    const batcher = new TnOptionBatcher(client);
    const deadlineMs = Date.now() + 30_000;
    await batcher.apply(cnam("9195550100"), { deadlineMs, moreComing: () => true });
    const after = placed[0].atMs;
    const later = [batcher.apply(cnam("9195550101"), { deadlineMs, moreComing: () => true })];
    await new Promise((r) => setTimeout(r, 300));
    later.push(batcher.apply(cnam("9195550102"), { deadlineMs, moreComing: () => true }));
    await Promise.all(later);
    expect(placed).to.have.length(2);
    expect(placed[1].numbers).to.deep.equal(["9195550101", "9195550102"]);
    expect(placed[1].atMs - after).to.be.at.least(1900);
  });
});
