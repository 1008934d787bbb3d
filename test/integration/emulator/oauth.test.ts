import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { basic, DEMO, fastEmulator, OTHER_ACCOUNT } from "./calls";

const CLIENT_ID = "demo-client";
const CLIENT_SECRET = "demo-client-secret";

async function token(
  emu: RunningEmulator,
  opts: { authorization?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(emu.tokenUrl, {
    method: "POST",
    headers: {
      authorization: opts.authorization ?? basic(CLIENT_ID, CLIENT_SECRET),
      "content-type": opts.contentType ?? "application/x-www-form-urlencoded",
    },
    body: opts.body ?? "grant_type=client_credentials",
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function inService(emu: RunningEmulator, authorization: string, accountId = DEMO.accountId): Promise<number> {
  const res = await fetch(`${emu.dashboardUrl}/accounts/${accountId}/inserviceNumbers`, {
    headers: { authorization },
  });
  await res.arrayBuffer();
  return res.status;
}

describe("emulator: OAuth 2.0 client credentials on the Numbers API", function () {
  this.timeout(10_000);
  let emu: RunningEmulator;

  afterEach(async () => {
    await emu?.close();
  });

  it("issues a bearer token with expires_in for the client credentials grant, and the Numbers API takes it", async () => {
    emu = await fastEmulator();
    expect(emu.tokenUrl).to.equal(`${emu.url}/api/v1/oauth2/token`);
    expect(emu.credentials).to.include({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const { status, json } = await token(emu);
    expect(status).to.equal(200);
    expect(json).to.include({ token_type: "bearer", expires_in: 3600 });
    expect(json.access_token).to.be.a("string").with.length.above(20);
    expect([200, 204]).to.include(await inService(emu, `Bearer ${String(json.access_token)}`));
  });

  it("refuses a wrong secret (401 invalid_client), another grant (400) and a non-form body (400)", async () => {
    emu = await fastEmulator();
    const wrong = await token(emu, { authorization: basic(CLIENT_ID, "nope") });
    expect(wrong.status).to.equal(401);
    expect(wrong.json.error).to.equal("invalid_client");
    const grant = await token(emu, { body: "grant_type=password" });
    expect(grant.status).to.equal(400);
    expect(grant.json.error).to.equal("unsupported_grant_type");
    const json = await token(emu, { contentType: "application/json", body: '{"grant_type":"client_credentials"}' });
    expect(json.status).to.equal(400);
  });

  it("answers an expired token with 401", async () => {
    emu = await fastEmulator({ tokenLifetimeSeconds: 1 });
    const { json } = await token(emu);
    expect(json.expires_in).to.equal(1);
    const bearer = `Bearer ${String(json.access_token)}`;
    expect(await inService(emu, bearer)).to.not.equal(401);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await inService(emu, bearer)).to.equal(401);
  });

  it("answers an unknown token with 401 and another account's token with 403", async () => {
    emu = await fastEmulator({ accounts: [DEMO, OTHER_ACCOUNT] });
    expect(await inService(emu, "Bearer not-a-token-we-issued")).to.equal(401);
    const other = await token(emu, {
      authorization: basic(`client-${OTHER_ACCOUNT.accountId}`, `${OTHER_ACCOUNT.password}-client-secret`),
    });
    expect(other.status).to.equal(200);
    expect(await inService(emu, `Bearer ${String(other.json.access_token)}`)).to.equal(403);
  });

  it("refuses legacy Basic auth on the Numbers API when switched off, as Bandwidth does from 2026-12-02", async () => {
    emu = await fastEmulator({ legacyBasicAuth: false });
    expect(await inService(emu, basic(DEMO.username, DEMO.password))).to.equal(401);
    const { json } = await token(emu);
    expect(await inService(emu, `Bearer ${String(json.access_token)}`)).to.not.equal(401);
    emu.setAuthPolicy({ legacyBasicAuth: true });
    expect(await inService(emu, basic(DEMO.username, DEMO.password))).to.not.equal(401);
  });

  it("keeps tokens, client secrets and passwords out of its request log", async () => {
    emu = await fastEmulator();
    const { json } = await token(emu);
    await inService(emu, `Bearer ${String(json.access_token)}`);
    await fetch(`${emu.voiceUrl}/v1/users/${DEMO.userId}/phoneNumbers`, {
      method: "POST",
      headers: { authorization: basic(DEMO.apiToken, DEMO.apiSecret), "content-type": "application/json" },
      body: JSON.stringify({
        number: "+19195550100",
        provider: {
          providerName: "bandwidth-dashboard",
          properties: { accountId: DEMO.accountId, userName: DEMO.username, password: DEMO.password },
        },
      }),
    }).then((r) => r.arrayBuffer());
    const log = JSON.stringify(emu.requestLog());
    expect(log).to.include("oauth2/token").and.include("phoneNumbers");
    for (const secret of [String(json.access_token), CLIENT_SECRET, DEMO.password, DEMO.apiSecret]) {
      expect(log).to.not.include(secret);
    }
  });
});
