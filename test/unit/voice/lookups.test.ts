import { expect } from "chai";
import type { VoiceClient, VoiceNumber } from "../../../provider/voice";
import { VoiceLookups } from "../../../provider/voice/lookups";

/** A v1 user holding `count` numbers, counting the lists and GETs it answers. */
function fakeClient(count: number) {
  const numbers: VoiceNumber[] = Array.from({ length: count }, (_, i) => ({
    id: `n-${i}`,
    number: `+1919555${String(i).padStart(4, "0")}`,
    city: "Raleigh",
  }));
  const calls = { lists: 0, gets: 0 };
  const client = {
    async listNumbers() {
      calls.lists += 1;
      return numbers;
    },
    async findNumber(idOrE164: string) {
      calls.gets += 1;
      return numbers.find((n) => n.id === idOrE164 || n.number === idOrE164);
    },
  } as unknown as VoiceClient;
  return { client, calls };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("v1 number lookups", () => {
  it("a lookup after an import waits for the imports still under way and shares one list with them", async () => {
    const { client, calls } = fakeClient(20);
    const lookups = new VoiceLookups(client);
    const imports = Array.from({ length: 8 }, () => lookups.beginImport());
    const first = lookups.byId("n-0");
    imports[0].end();
    await sleep(100); // well past the 30 ms window: the batch still waits for the seven imports under way
    expect(calls).to.deep.equal({ lists: 0, gets: 0 });
    const rest = imports.slice(1).map((imp, i) => {
      const found = lookups.byId(`n-${i + 1}`);
      imp.end();
      return found;
    });
    const found = await Promise.all([first, ...rest]);
    expect(found.map((n) => n?.id)).to.deep.equal(["n-0", "n-1", "n-2", "n-3", "n-4", "n-5", "n-6", "n-7"]);
    expect(calls).to.deep.equal({ lists: 1, gets: 0 });
  });

  it("does not wait past a second for an import that is held back", async () => {
    const { client, calls } = fakeClient(3);
    const lookups = new VoiceLookups(client);
    lookups.beginImport(); // never ends, as an import waiting for the import limit
    const t0 = Date.now();
    expect((await lookups.byId("n-1"))?.id).to.equal("n-1");
    expect(Date.now() - t0).to.be.within(900, 1_500);
    expect(calls).to.deep.equal({ lists: 0, gets: 1 });
  });

  it("once a list has shown one page, two lookups together cost one list instead of two GETs", async () => {
    const { client, calls } = fakeClient(30);
    const lookups = new VoiceLookups(client);
    await Promise.all(Array.from({ length: 8 }, (_, i) => lookups.byId(`n-${i}`)));
    expect(calls).to.deep.equal({ lists: 1, gets: 0 });
    const pair = await Promise.all([lookups.byId("n-20"), lookups.byNumber("+19195550021")]);
    expect(pair.map((n) => n?.id)).to.deep.equal(["n-20", "n-21"]);
    expect(calls).to.deep.equal({ lists: 2, gets: 0 });
    expect(await lookups.byId("n-22")).to.include({ city: "Raleigh" });
    expect(calls).to.deep.equal({ lists: 2, gets: 1 });
  });
});
