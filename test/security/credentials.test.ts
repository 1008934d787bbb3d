import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { type AccountSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { providers } from "../../provider";
import { setStackConfig } from "../../provider/config";
import { setProgressSink } from "../../provider/resources/lifecycle";
import { engineCreate } from "../integration/resources/support";
import { inLane, laneEnv } from "../reliability/lanes";

const PASSWORD = "Recognisable-Dashboard-Pa55word";
const SECRET = "Recognisable-V1-Api-5ecret";
const SEED: AccountSeed = {
  accountId: "8812345",
  username: "scan-user",
  password: PASSWORD,
  userId: "u-scan0001",
  apiToken: "t-scan0001",
  apiSecret: SECRET,
};

/** Every form a credential could leak in: as is, in Basic auth, URL-encoded. */
const NEEDLES = [
  PASSWORD,
  SECRET,
  Buffer.from(`${SEED.username}:${PASSWORD}`).toString("base64"),
  Buffer.from(`${SEED.apiToken}:${SECRET}`).toString("base64"),
  encodeURIComponent(PASSWORD),
];

function everything(e: unknown): string {
  const err = e as Error & Record<string, unknown>;
  const own = Object.fromEntries(Object.getOwnPropertyNames(err).map((k) => [k, err[k]]));
  let cause = "";
  for (let c = err?.cause as Error | undefined; c; c = (c as Error & { cause?: Error }).cause) {
    cause += `${c.message} ${c.stack} ${JSON.stringify(c)}`;
  }
  return `${String(err)} ${err?.stack} ${JSON.stringify(own)} ${cause}`;
}

function expectClean(text: string, what: string) {
  for (const needle of NEEDLES) expect(text.includes(needle), `${what} carries a credential`).to.equal(false);
}

describe("security: no credential in serialized providers, errors, progress lines or outputs", function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  const lines: string[] = [];
  const env = () => laneEnv(emu, SEED);
  const args = (extra: Record<string, unknown> = {}) => ({
    siteId: "461",
    resourceKey: "proj/scan/numbers",
    areaCode: "919",
    ...extra,
  });

  before(async () => {
    emu = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20, agingMs: 40, accounts: [SEED] });
    setStackConfig(undefined);
    setProgressSink((l) => lines.push(l));
  });
  after(async () => {
    setProgressSink(undefined);
    await emu.close();
  });

  it("the serialized providers hold no credential, even with credentials in the environment", async () => {
    await inLane(env(), async () => {
      for (const [name, provider] of Object.entries(providers)) {
        const text = (await pulumi.runtime.serializeFunction(() => provider)).text;
        expectClean(text, `serialized ${name}`);
        expect(text).to.include("pulumi-bandwidth/internal/resources/");
      }
    });
  });

  it("failing operations (401, 5xx, reset, FAILED order, failed disconnect) carry no credential", async () => {
    const seen: unknown[] = [];
    const outputs: unknown[] = [];
    await inLane(env(), async () => {
      // wrong password: the server answers 401
      await inLane({ ...env(), BANDWIDTH_PASSWORD: `${PASSWORD}-wrong` }, () =>
        engineCreate(providers.phoneNumberOrder, args()).catch((e) => seen.push(e)),
      );
      emu.setFaults([
        { method: "POST", path: "/orders$", kind: "status", status: 500, times: 3 },
        { method: "GET", path: "/orders/", kind: "reset-before", times: 5 },
      ]);
      await engineCreate(providers.phoneNumberOrder, args({ name: "faulted" })).catch((e) => seen.push(e));
      emu.setFaults([]);
      await engineCreate(providers.phoneNumberOrder, args({ areaCode: "907", quantity: 9 })).catch((e) => seen.push(e));
      const created = await engineCreate(providers.phoneNumberOrder, args({ name: "kept", quantity: 1 }));
      outputs.push(created);
      const voice = await engineCreate(providers.voiceImport, { number: (created.outs.e164Numbers as string[])[0] });
      outputs.push(voice);
      await engineCreate(providers.voiceImport, { number: (created.outs.e164Numbers as string[])[0] }).catch((e) =>
        seen.push(e),
      );
      emu.setFaults([{ method: "POST", path: "/disconnects$", kind: "status", status: 400, times: 1 }]);
      await providers.phoneNumberOrder.delete!(created.id, created.outs).catch((e) => seen.push(e));
      emu.setFaults([{ method: "DELETE", path: "/phoneNumbers/", kind: "status", status: 503, times: 9 }]);
      await providers.voiceImport.delete!(voice.id, voice.outs).catch((e) => seen.push(e));
      emu.setFaults([]);
      await providers.voiceImport.delete!(voice.id, voice.outs);
      await providers.phoneNumberOrder.delete!(created.id, created.outs);
    });
    expect(seen.length).to.be.at.least(6);
    for (const e of seen) expectClean(everything(e), `error "${(e as Error).message}"`);
    expectClean(JSON.stringify(outputs), "outputs");
    expect(lines.length).to.be.greaterThan(0);
    expectClean(lines.join("\n"), "progress lines");
    expect(emu.model.numbersInService(SEED.accountId)).to.deep.equal([]);
  });

  it("a missing credential error names the setting and carries no other credential", async () => {
    emu.setFaults([]);
    const err = await inLane({ ...env(), BANDWIDTH_PASSWORD: "" }, () =>
      engineCreate(providers.phoneNumberOrder, args()).catch((e: Error) => e),
    );
    expect((err as Error).message).to.match(/bandwidth:password \(or BANDWIDTH_PASSWORD\)/);
    expectClean(everything(err), "missing-credential error");
  });
});
