import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import {
  basic,
  DEMO,
  disconnectXml,
  fastEmulator,
  numbersCall,
  OTHER_ACCOUNT,
  orderNumbers,
  waitDisconnect,
} from "./calls";
import { bearer, platformCall, voiceApplication } from "./platform";

interface Envelope<T> {
  data: T;
  errors: Array<{ type: string; description: string; code?: string }>;
  page?: { pageSize: number; afterCursor?: string };
}
interface Package {
  voiceConfigurationPackageId: string;
  name: string;
  description?: string;
  httpVoiceV2ApplicationId?: string;
}
interface ErrorBody {
  errors: Array<{ type: string; description: string; code?: string }>;
}

describe("emulator: voice configuration packages (JSON at the API host's root)", function () {
  this.timeout(10_000);
  let emu: RunningEmulator;
  let auth: string;
  let packages: string;
  let appId: string;

  before(async () => {
    emu = await fastEmulator({ accounts: [DEMO, OTHER_ACCOUNT] });
  });
  beforeEach(async () => {
    emu.reset();
    auth = await bearer(emu);
    packages = `/v2/accounts/${emu.credentials.accountId}/voiceConfigurationPackages`;
    appId = await voiceApplication(emu, auth);
  });
  after(() => emu.close());

  async function create(body: Record<string, unknown>): Promise<Package> {
    const res = await platformCall(emu, auth, "POST", packages, body);
    expect(res.status, res.body).to.equal(201);
    return (res.json as Envelope<Package>).data;
  }

  async function bulk(id: string, action: string, phoneNumbers: unknown) {
    return platformCall(emu, auth, "POST", `${packages}/${id}/phoneNumbers/bulk`, { action, phoneNumbers });
  }

  async function numbersOf(id: string): Promise<string[]> {
    const res = await platformCall(
      emu,
      auth,
      "GET",
      `/v2/accounts/${emu.credentials.accountId}/phoneNumbers/voice?voiceConfigurationPackageId=${id}`,
    );
    expect(res.status, res.body).to.equal(200);
    return (res.json as Envelope<Array<{ phoneNumber: string }>>).data.map((n) => n.phoneNumber);
  }

  it("creates, reads, lists, patches only the fields sent, and deletes a package", async () => {
    const created = await create({
      name: "Voice VCP",
      description: "For voice calls",
      httpVoiceV2ApplicationId: appId,
    });
    expect(created).to.include({ name: "Voice VCP", description: "For voice calls", httpVoiceV2ApplicationId: appId });
    const id = created.voiceConfigurationPackageId;
    expect(id).to.be.a("string").and.not.equal("");

    const got = await platformCall(emu, auth, "GET", `${packages}/${id}`);
    expect(got.status).to.equal(200);
    expect((got.json as Envelope<Package>).data).to.deep.include({
      name: "Voice VCP",
      httpVoiceV2ApplicationId: appId,
    });

    const patched = await platformCall(emu, auth, "PATCH", `${packages}/${id}`, { name: "Renamed" });
    expect(patched.status, patched.body).to.equal(200);
    expect((patched.json as Envelope<Package>).data).to.include({ name: "Renamed", description: "For voice calls" });

    const listed = await platformCall(emu, auth, "GET", packages);
    expect((listed.json as Envelope<Package[]>).data.map((p) => p.name)).to.deep.equal(["Renamed"]);

    expect((await platformCall(emu, auth, "DELETE", `${packages}/${id}`)).status).to.equal(204);
    const gone = await platformCall(emu, auth, "GET", `${packages}/${id}`);
    expect(gone.status).to.equal(404);
    expect((gone.json as ErrorBody).errors[0].type).to.equal("not-found");
  });

  it("refuses a package without a name, with a non-string field, or naming no Voice-V2 application of the account", async () => {
    for (const body of [
      { description: "x" },
      { name: "" },
      { name: 7 },
      { name: "v", httpVoiceV2ApplicationId: "nope" },
    ]) {
      const res = await platformCall(emu, auth, "POST", packages, body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect((res.json as ErrorBody).errors[0].type).to.equal("validation");
    }
    const listed = await platformCall(emu, auth, "GET", packages);
    expect((listed.json as Envelope<Package[]>).data).to.deep.equal([]);
  });

  it("is served at the host's root only, to bearer tokens of the account in the path, with JSON errors", async () => {
    const underApi = await fetch(`${emu.dashboardUrl}${packages}`, { headers: { authorization: auth } });
    expect(underApi.status).to.equal(404);
    const c = emu.credentials;
    const withBasic = await platformCall(emu, basic(c.username, c.password), "GET", packages);
    expect(withBasic.status).to.equal(401);
    expect((withBasic.json as ErrorBody).errors[0].type).to.equal("unauthorized");
    const other = await bearer(emu, {
      clientId: `client-${OTHER_ACCOUNT.accountId}`,
      clientSecret: "other-password-client-secret",
    });
    const foreign = await platformCall(emu, other, "GET", packages);
    expect(foreign.status).to.equal(403);
    expect(
      emu
        .requestLog()
        .filter((r) => r.path === packages)
        .map((r) => r.api),
    ).to.include("vcp");
    const put = await platformCall(emu, auth, "PUT", `${packages}/any`, { name: "x" });
    expect(put.status).to.equal(405);
    expect((put.json as ErrorBody).errors[0].type).to.equal("method-not-allowed");
    const unknown = await platformCall(emu, auth, "GET", `/v2/accounts/${emu.credentials.accountId}/nothingHere`);
    expect(unknown.status).to.equal(404);
    expect((unknown.json as ErrorBody).errors[0].type).to.equal("not-found");
  });

  it("assigns E.164 numbers in bulk (200, null body), moves a number from another package, shows them on the page, and removes them", async () => {
    const [a, b] = await orderNumbers(emu, "910", 2);
    const first = (await create({ name: "first" })).voiceConfigurationPackageId;
    const second = (await create({ name: "second" })).voiceConfigurationPackageId;
    const added = await bulk(first, "ADD", [`+1${a}`, `+1${b}`]);
    expect(added.status, added.body).to.equal(200);
    expect(added.body).to.equal("null");
    expect(await numbersOf(first)).to.deep.equal([`+1${a}`, `+1${b}`].sort());

    expect((await bulk(second, "ADD", [`+1${b}`])).status).to.equal(200);
    expect(await numbersOf(first)).to.deep.equal([`+1${a}`]);
    expect(await numbersOf(second)).to.deep.equal([`+1${b}`]);

    const page = (await (await fetch(`${emu.url}/_emulator/page/state`)).json()) as {
      packages: Array<{ name: string; phoneNumbers: string[] }>;
      numbers: Array<{ telephoneNumber: string; voiceConfigurationPackageId?: string }>;
    };
    expect(page.packages.map((p) => [p.name, p.phoneNumbers])).to.deep.equal([
      ["first", [`+1${a}`]],
      ["second", [`+1${b}`]],
    ]);
    expect(page.numbers.find((n) => n.telephoneNumber === b)?.voiceConfigurationPackageId).to.equal(second);

    expect((await bulk(first, "REMOVE", [`+1${a}`])).status).to.equal(200);
    expect(await numbersOf(first)).to.deep.equal([]);
  });

  it("refuses, assigning nothing: 10-digit numbers, numbers not in service on the account (VCS-0044), a bad action", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const id = (await create({ name: "p" })).voiceConfigurationPackageId;
    const tenDigit = await bulk(id, "ADD", [a]);
    expect(tenDigit.status).to.equal(400);
    const absent = await bulk(id, "ADD", [`+1${a}`, "+19195550100"]);
    expect(absent.status).to.equal(400);
    expect((absent.json as ErrorBody).errors[0]).to.include({ code: "VCS-0044" });
    expect((absent.json as ErrorBody).errors[0].description).to.contain("+19195550100");
    expect((await bulk(id, "MOVE", [`+1${a}`])).status).to.equal(400);
    expect((await bulk(id, "ADD", [])).status).to.equal(400);
    expect(await numbersOf(id)).to.deep.equal([]);
  });

  it("refuses to REMOVE numbers that are not on the package, and removes none of the list", async () => {
    const [a, b] = await orderNumbers(emu, "910", 2);
    const id = (await create({ name: "p" })).voiceConfigurationPackageId;
    await bulk(id, "ADD", [`+1${a}`]);
    const res = await bulk(id, "REMOVE", [`+1${a}`, `+1${b}`]);
    expect(res.status).to.equal(400);
    expect((res.json as ErrorBody).errors[0].description).to.contain(`+1${b}`);
    expect(await numbersOf(id)).to.deep.equal([`+1${a}`]);
  });

  it("refuses to delete a package while numbers are assigned (409 naming them), and deletes it once they are removed", async () => {
    const [a] = await orderNumbers(emu, "910", 1);
    const id = (await create({ name: "p" })).voiceConfigurationPackageId;
    await bulk(id, "ADD", [`+1${a}`]);
    const refused = await platformCall(emu, auth, "DELETE", `${packages}/${id}`);
    expect(refused.status).to.equal(409);
    expect((refused.json as ErrorBody).errors[0]).to.include({ type: "conflict" });
    expect((refused.json as ErrorBody).errors[0].description).to.contain(`+1${a}`);
    expect((await platformCall(emu, auth, "GET", `${packages}/${id}`)).status).to.equal(200);
    await bulk(id, "REMOVE", [`+1${a}`]);
    expect((await platformCall(emu, auth, "DELETE", `${packages}/${id}`)).status).to.equal(204);
  });

  it("a disconnected number leaves its package", async () => {
    const [a, b] = await orderNumbers(emu, "910", 2);
    const id = (await create({ name: "p" })).voiceConfigurationPackageId;
    await bulk(id, "ADD", [`+1${a}`, `+1${b}`]);
    const res = await numbersCall(
      emu,
      "POST",
      `/accounts/${emu.credentials.accountId}/disconnects`,
      disconnectXml([a]),
    );
    expect(res.status, res.body).to.equal(201);
    await waitDisconnect(emu, /<id>([^<]+)<\/id>/.exec(res.body)![1]);
    expect(await numbersOf(id)).to.deep.equal([`+1${b}`]);
  });

  it("lists the account's voice numbers a page at a time with afterCursor", async () => {
    const tns = (await orderNumbers(emu, "910", 3)).map((tn) => `+1${tn}`).sort();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i += 1) {
      const path = `/v2/accounts/${emu.credentials.accountId}/phoneNumbers/voice?limit=2${cursor ? `&afterCursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (await platformCall(emu, auth, "GET", path)).json as Envelope<Array<{ phoneNumber: string }>>;
      seen.push(...page.data.map((n) => n.phoneNumber));
      cursor = page.page?.afterCursor;
      if (!cursor) break;
    }
    expect(seen).to.deep.equal(tns);
  });
});
