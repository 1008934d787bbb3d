/**
 * The emulator's provisioning routes on the wire: documented answers and refusals (codes from Bandwidth/api-docs
 * `site/docs/numbers/errors.mdx` and the examples of `site/specs/numbers.yml`), persistence and the state dump.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../../../emulator";

describe("emulator: applications, sites and locations on the wire", function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let auth: string;
  before(async () => {
    emu = await startEmulator({ orderDelayMs: 20, disconnectDelayMs: 20 });
    const c = emu.credentials;
    auth = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  const base = () => `${emu.dashboardUrl}/accounts/${emu.credentials.accountId}`;
  async function call(method: string, path: string, body?: string) {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/xml" },
      body,
    });
    return { status: res.status, location: res.headers.get("location") ?? "", text: await res.text() };
  }
  const code = (text: string) => /<ErrorCode>(\d*)<\/ErrorCode>/.exec(text)?.[1];

  const VOICE_APP =
    "<Application><ServiceType>Voice-V2</ServiceType><AppName>v</AppName>" +
    "<CallInitiatedCallbackUrl>https://a.example.com</CallInitiatedCallbackUrl>" +
    "<CallbackCreds><UserId>login123</UserId><Password>password123</Password></CallbackCreds></Application>";
  const SMS_APP =
    "<Application><ServiceType>Messaging-V2</ServiceType><AppName>m</AppName>" +
    "<InboundCallbackUrl>https://m.example.com</InboundCallbackUrl></Application>";
  const SMS_FEATURE =
    "<SipPeerSmsFeature><SipPeerSmsFeatureSettings><TollFree>false</TollFree><ShortCode>false</ShortCode>" +
    "<Protocol>HTTP</Protocol><Zone1>true</Zone1><Zone2>false</Zone2><Zone3>false</Zone3><Zone4>false</Zone4>" +
    "<Zone5>false</Zone5></SipPeerSmsFeatureSettings><HttpSettings/></SipPeerSmsFeature>";

  async function app(body: string): Promise<string> {
    const r = await call("POST", "/applications", body);
    expect(r.status, r.text).to.equal(201);
    return /<ApplicationId>([^<]+)</.exec(r.text)![1];
  }
  async function sitePeer(): Promise<{ site: string; peer: string }> {
    const s = await call("POST", "/sites", "<Site><Name>wire</Name></Site>");
    expect(s.status).to.equal(201);
    const site = /<Id>(\d+)</.exec(s.text)![1];
    const p = await call("POST", `/sites/${site}/sippeers`, "<SipPeer><PeerName>wirepeer</PeerName></SipPeer>");
    expect(p.status).to.equal(201);
    expect(p.text).to.equal("");
    return { site, peer: p.location.split("/").pop()! };
  }

  it("application create answers 201 with the id in the body and Location; the password is never echoed", async () => {
    const r = await call("POST", "/applications", VOICE_APP);
    expect(r.status).to.equal(201);
    const id = /<ApplicationId>([^<]+)</.exec(r.text)![1];
    expect(r.location).to.match(new RegExp(`/applications/${id}$`));
    expect(r.text).to.include("<UserId>login123</UserId>").and.not.include("password123");
    expect(r.text).to.include("<CallInitiatedMethod>POST</CallInitiatedMethod>");
    expect((await call("GET", `/applications/${id}`)).text).to.not.include("password123");
  });

  it("application refusals: 12806 no name, 12802 no inbound URL, 12964 service type change, 12812 http with credentials, 13629 unknown", async () => {
    expect(
      code(
        (await call("POST", "/applications", "<Application><ServiceType>Voice-V2</ServiceType></Application>")).text,
      ),
    ).to.equal("12806");
    expect(
      code(
        (
          await call(
            "POST",
            "/applications",
            "<Application><ServiceType>Messaging-V2</ServiceType><AppName>x</AppName></Application>",
          )
        ).text,
      ),
    ).to.equal("12802");
    const id = await app(VOICE_APP);
    const change = await call("PUT", `/applications/${id}`, SMS_APP);
    expect([change.status, code(change.text)]).to.deep.equal([400, "12964"]);
    const insecure = await call("POST", "/applications", VOICE_APP.replace("https://a", "http://a"));
    expect(code(insecure.text)).to.equal("12812");
    const unknown = await call("GET", "/applications/nope/associatedsippeers");
    expect([unknown.status, code(unknown.text)]).to.deep.equal([404, "13629"]);
    expect(unknown.text).to.include("<AssociatedSipPeersResponse>");
  });

  it("a second POST of a location's origination settings or SMS feature is refused 400 with 1009, the POSTs' documented status", async () => {
    const { site, peer } = await sitePeer();
    const products = `/sites/${site}/sippeers/${peer}/products`;
    const sip = "<SipPeerOriginationSettings><VoiceProtocol>SIP</VoiceProtocol></SipPeerOriginationSettings>";
    expect((await call("POST", `${products}/origination/settings`, sip)).status).to.equal(201);
    const again = await call("POST", `${products}/origination/settings`, sip);
    expect([again.status, code(again.text)]).to.deep.equal([400, "1009"]);
    expect((await call("POST", `${products}/messaging/features/sms`, SMS_FEATURE)).status).to.equal(201);
    const twice = await call("POST", `${products}/messaging/features/sms`, SMS_FEATURE);
    expect([twice.status, code(twice.text)]).to.deep.equal([400, "1009"]);
  });

  it("linking refusals: 13650 no voice app, 13648 wrong type, 13645 settings before SMS, 13628 bad value", async () => {
    const { site, peer } = await sitePeer();
    const origination = `/sites/${site}/sippeers/${peer}/products/origination/settings`;
    const settings = `/sites/${site}/sippeers/${peer}/products/messaging/applicationSettings`;
    const http = (id: string) =>
      `<SipPeerOriginationSettings><VoiceProtocol>HTTP</VoiceProtocol><HttpSettings><HttpVoiceV2AppId>${id}</HttpVoiceV2AppId></HttpSettings></SipPeerOriginationSettings>`;
    const sms = await app(SMS_APP);
    expect(code((await call("POST", origination, http(sms))).text)).to.equal("13650");
    await app(VOICE_APP);
    expect(code((await call("POST", origination, http(sms))).text)).to.equal("13648");
    const link = `<ApplicationsSettings><HttpMessagingV2AppId>${sms}</HttpMessagingV2AppId></ApplicationsSettings>`;
    expect(code((await call("PUT", settings, link)).text)).to.equal("13645");
    expect(
      (await call("POST", `/sites/${site}/sippeers/${peer}/products/messaging/features/sms`, SMS_FEATURE)).status,
    ).to.equal(201);
    expect(code((await call("PUT", settings, "<ApplicationsSettings>DELETE</ApplicationsSettings>")).text)).to.equal(
      "13628",
    );
    const ok = await call("PUT", settings, link);
    expect(ok.status).to.equal(200);
    expect(ok.text).to.include(`<HttpMessagingV2AppId>${sms}</HttpMessagingV2AppId>`);
    expect((await call("PUT", settings, "<ApplicationsSettings>REMOVE</ApplicationsSettings>")).status).to.equal(200);
  });

  it("location delete refusals: 13613 SMS on, 13652 HTTP voice, 13558 default with siblings; 12107 app in use; 13524, 13563, 12016", async () => {
    const { site, peer } = await sitePeer();
    const p = `/sites/${site}/sippeers/${peer}`;
    const voice = await app(VOICE_APP);
    await call("POST", `${p}/products/messaging/features/sms`, SMS_FEATURE);
    expect(code((await call("DELETE", p)).text)).to.equal("13613");
    expect((await call("DELETE", `${p}/products/messaging/features/sms`)).status).to.equal(200);
    const http = `<SipPeerOriginationSettings><VoiceProtocol>HTTP</VoiceProtocol><HttpSettings><HttpVoiceV2AppId>${voice}</HttpVoiceV2AppId></HttpSettings></SipPeerOriginationSettings>`;
    expect((await call("POST", `${p}/products/origination/settings`, http)).status).to.equal(201);
    const inUse = await call("DELETE", `/applications/${voice}`);
    expect(code(inUse.text)).to.equal("12107");
    expect(inUse.text).to.include("wirepeer");
    const associated = await call("GET", `/applications/${voice}/associatedsippeers`);
    expect(associated.text).to.include(`<PeerId>${peer}</PeerId>`).and.include(`<SiteId>${site}</SiteId>`);
    expect(code((await call("DELETE", p)).text)).to.equal("13652");
    await call(
      "PUT",
      `${p}/products/origination/settings`,
      "<SipPeerOriginationSettings><VoiceProtocol>SIP</VoiceProtocol></SipPeerOriginationSettings>",
    );
    expect(
      (await call("POST", `/sites/${site}/sippeers`, "<SipPeer><PeerName>second</PeerName></SipPeer>")).status,
    ).to.equal(201);
    expect(code((await call("DELETE", p)).text)).to.equal("13558");
    const dup = await call("POST", `/sites/${site}/sippeers`, "<SipPeer><PeerName>second</PeerName></SipPeer>");
    expect([dup.status, code(dup.text)]).to.deep.equal([409, "13524"]);
    expect(code((await call("GET", `/sites/${site}/sippeers/1`)).text)).to.equal("13563");
    const noSite = await call("GET", "/sites/424242");
    expect([noSite.status, code(noSite.text)]).to.deep.equal([404, "12016"]);
    expect((await call("DELETE", `/applications/${voice}`)).status).to.equal(200);
  });

  it("the emulator page shows v2 applications and locations with their links", async () => {
    const { site, peer } = await sitePeer();
    const voice = await app(VOICE_APP);
    const http = `<SipPeerOriginationSettings><VoiceProtocol>HTTP</VoiceProtocol><HttpSettings><HttpVoiceV2AppId>${voice}</HttpVoiceV2AppId></HttpSettings></SipPeerOriginationSettings>`;
    await call("POST", `/sites/${site}/sippeers/${peer}/products/origination/settings`, http);
    const state = (await (await fetch(`${emu.url}/_emulator/page/state`)).json()) as {
      accounts: Array<{
        v2: {
          applications: Array<{ applicationId: string }>;
          sites: Array<{ siteId: string; locations: Array<{ peerId: string; voice?: string }> }>;
        };
      }>;
      requests: Array<{ body?: string }>;
    };
    const v2 = state.accounts[0].v2;
    expect(v2.applications.map((a) => a.applicationId)).to.deep.equal([voice]);
    expect(v2.sites.find((x) => x.siteId === site)!.locations).to.deep.include({
      peerId: peer,
      peerName: "wirepeer",
      isDefaultPeer: true,
      voice,
      sms: false,
    });
    expect(JSON.stringify(state.requests)).to.not.include("password123");
    const html = await (await fetch(`${emu.url}/_emulator/page`)).text();
    expect(html).to.include('data-section="applications"').and.include('data-section="locations"');
  });

  it("persists applications, sites and locations in the state file, and the state dump shows them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bw-v2-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startEmulator({ stateFile });
      const c = first.credentials;
      const a = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;
      const post = (path: string, body: string) =>
        fetch(`${first.dashboardUrl}/accounts/${c.accountId}${path}`, {
          method: "POST",
          headers: { authorization: a },
          body,
        });
      await post("/applications", VOICE_APP);
      const s = await (await post("/sites", "<Site><Name>kept</Name></Site>")).text();
      const siteId = /<Id>(\d+)</.exec(s)![1];
      await post(`/sites/${siteId}/sippeers`, "<SipPeer><PeerName>keptpeer</PeerName></SipPeer>");
      await first.close();
      expect(readFileSync(stateFile, "utf8")).to.include("keptpeer").and.not.include("password123");
      const second = await startEmulator({ stateFile });
      try {
        const dump = (await (await fetch(`${second.url}/_emulator/state`)).json()) as {
          accounts: Array<{
            applications: unknown[];
            sites: Array<{ name: string; locations: Array<{ peerName: string }> }>;
          }>;
        };
        expect(dump.accounts[0].applications).to.have.length(1);
        const kept = dump.accounts[0].sites.find((x) => x.name === "kept")!;
        expect(kept.locations.map((l) => l.peerName)).to.deep.equal(["keptpeer"]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
