/**
 * Application, Site and Location providers against the emulator over real sockets: every link, relink, unlink and
 * documented refusal. Wire sources: Bandwidth/api-docs `site/specs/numbers.yml` and
 * `site/docs/account/programmatic-setup.mdx` (rows in docs/bandwidth-wire-v2.md).
 */
import { expect } from "chai";
import { getLocationNumbers, InUseError, MayHaveReachedServerError, providers } from "../../../provider";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "../resources/support";

const app = providers.application;
const site = providers.site;
const location = providers.location;
const order = providers.phoneNumberOrder;

const SECRET = "s3cret-callback-pass";

describe("v2 resources against the emulator", function () {
  this.timeout(20_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const prov = () => ctx.emu.model.provisioning;
  /** Numbers-API requests since the log was cleared, as "METHOD path-after-account". */
  const calls = () =>
    ctx.emu
      .requestLog()
      .filter((r) => r.api === "numbers")
      .map((r) => `${r.method} ${r.path.replace(/^\/api\/accounts\/\d+/, "")}`);

  const voiceArgs = (extra: Record<string, unknown> = {}) => ({
    serviceType: "Voice-V2",
    name: "voice-app",
    callInitiatedCallbackUrl: "https://example.com/voice/initiated",
    callStatusCallbackUrl: "https://example.com/voice/status",
    callbackCreds: { userId: "callback-user", password: SECRET },
    ...extra,
  });
  const messagingArgs = (name = "sms-app", extra: Record<string, unknown> = {}) => ({
    serviceType: "Messaging-V2",
    name,
    inboundCallbackUrl: "https://example.com/messages",
    requestedCallbackTypes: ["message-delivered", "message-failed"],
    ...extra,
  });

  async function newSite() {
    return engineCreate(site, { name: "v2site", description: "test site" });
  }

  it("Application: create, callback URL updated in place, drift on refresh, password kept secret and never read back", async () => {
    const created = await engineCreate(app, voiceArgs());
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(created.outs).to.include({
      applicationId: created.id,
      serviceType: "Voice-V2",
      callInitiatedMethod: "POST",
    });
    expect(created.outs.callbackCreds).to.deep.equal({ userId: "callback-user", password: SECRET });

    const changed = await engineUpdate(
      app,
      created.id,
      created.outs,
      voiceArgs({ callInitiatedCallbackUrl: "https://example.com/v2" }),
    );
    expect(changed.diff.replaces).to.deep.equal([]);
    expect(changed.diff.changes).to.equal(true);
    expect(prov().getApplication(account(), created.id).callInitiatedCallbackUrl).to.equal("https://example.com/v2");

    // Someone changes the status URL in the Dashboard: refresh shows it, the password stays as the program gave it.
    prov().updateApplication(account(), created.id, { callStatusCallbackUrl: "https://drift.example.com/x" }, "patch");
    const read = await app.read!(created.id, changed.outs);
    expect(read.props!.callStatusCallbackUrl).to.equal("https://drift.example.com/x");
    expect(read.props!.callbackCreds).to.deep.equal({ userId: "callback-user", password: SECRET });
    const again = await app.diff!(
      created.id,
      read.props!,
      (await app.check!({}, voiceArgs({ callInitiatedCallbackUrl: "https://example.com/v2" }))).inputs,
    );
    expect(again.changes).to.equal(true);

    const log = JSON.stringify(ctx.emu.requestLog());
    expect(log).to.include("[REDACTED]");
    expect(log).to.not.include(SECRET);
    expect(JSON.stringify(ctx.emu.model.snapshot())).to.not.include(SECRET);
  });

  it("Application: serviceType change is a replace; a voice setting on a messaging app and http with credentials fail check", async () => {
    const created = await engineCreate(app, voiceArgs());
    const diff = await app.diff!(created.id, created.outs, (await app.check!({}, messagingArgs())).inputs);
    expect(diff.replaces).to.deep.equal(["serviceType"]);
    const bad = await app.check!({}, messagingArgs("m", { callbackTimeout: 5 }));
    expect(bad.failures!.map((f) => f.property)).to.include("callbackTimeout");
    const insecure = await app.check!({}, voiceArgs({ callInitiatedCallbackUrl: "http://example.com/x" }));
    expect(insecure.failures!.map((f) => f.property)).to.include("callInitiatedCallbackUrl");
    const shortPassword = await app.check!(
      {},
      voiceArgs({ callbackCreds: { userId: "callback-user", password: "abc" } }),
    );
    expect(JSON.stringify(shortPassword.failures)).to.include("callbackCreds.password").and.not.include('"abc"');
  });

  it("Site: create, update in place, read-back, and a delete refused while a location remains names it", async () => {
    const s = await newSite();
    expect(s.outs).to.include({ siteId: s.id, name: "v2site", description: "test site" });
    const changed = await engineUpdate(site, s.id, s.outs, { name: "v2site", description: "renamed" });
    expect(changed.diff.changes).to.equal(true);
    expect(prov().getSite(account(), s.id).description).to.equal("renamed");
    const loc = await engineCreate(location, { siteId: s.id, name: "loc-a" });
    const err = await rejection(site.delete!(s.id, changed.outs));
    expect(err.message).to.match(/still has a location: loc-a \(locationId \d+\).*pulumi destroy/);
    expect(err).to.be.instanceOf(InUseError);
    expect(err).to.include({ code: "IN_USE" });
    expect(err.usedBy).to.deep.equal([loc.id]);
    expect(err.nextStep).to.match(/run `pulumi destroy` again$/);
    await location.delete!(loc.id, loc.outs);
    await site.delete!(s.id, changed.outs);
    expect(() => prov().getSite(account(), s.id)).to.throw(/does not exist/);
    expect(await site.read!(s.id, changed.outs)).to.deep.include({ id: "" });
    expect((await rejection(engineCreate(site, { name: "much-too-long-name" }))).message).to.match(/name/);
  });

  it("Location: links voice then messaging in Bandwidth's order, relinks and unlinks in place", async () => {
    const s = await newSite();
    const voice = await engineCreate(app, voiceArgs());
    const sms1 = await engineCreate(app, messagingArgs("sms-1"));
    const sms2 = await engineCreate(app, messagingArgs("sms-2"));
    const start = ctx.emu.requestLog().length;
    const loc = await engineCreate(location, {
      siteId: s.id,
      name: "loc-main",
      voiceApplicationId: voice.id,
      messagingApplicationId: sms1.id,
    });
    const peer = () => prov().getPeer(account(), s.id, loc.id);
    expect(peer()).to.deep.include({
      origination: { voiceProtocol: "HTTP", httpVoiceV2AppId: voice.id },
      messagingAppId: sms1.id,
    });
    expect(loc.outs).to.include({
      locationId: loc.id,
      voiceApplicationId: voice.id,
      messagingApplicationId: sms1.id,
      isDefault: true,
    });
    const sent = calls()
      .slice(start)
      .filter((c) => !c.startsWith("GET"));
    // A new location's origination GET answers SIP (a 200, the only documented answer): the link updates it with PUT.
    expect(sent).to.deep.equal([
      `POST /sites/${s.id}/sippeers`,
      `PUT /sites/${s.id}/sippeers/${loc.id}/products/origination/settings`,
      `POST /sites/${s.id}/sippeers/${loc.id}/products/messaging/features/sms`,
      `PUT /sites/${s.id}/sippeers/${loc.id}/products/messaging/applicationSettings`,
    ]);

    // Swap messaging to another application: one PUT of the application settings, no replace.
    const swapped = await engineUpdate(location, loc.id, loc.outs, {
      siteId: s.id,
      name: "loc-main",
      voiceApplicationId: voice.id,
      messagingApplicationId: sms2.id,
    });
    expect(swapped.diff.replaces).to.deep.equal([]);
    expect(peer().messagingAppId).to.equal(sms2.id);

    // Unlink both: REMOVE then the SMS feature goes; voice back to SIP.
    const before = ctx.emu.requestLog().length;
    const unlinked = await engineUpdate(location, loc.id, swapped.outs, { siteId: s.id, name: "loc-main" });
    expect(peer().messagingAppId).to.equal(undefined);
    expect(peer().smsFeature).to.equal(undefined);
    expect(peer().origination).to.deep.equal({ voiceProtocol: "SIP" });
    expect(unlinked.outs).to.not.have.property("voiceApplicationId");
    const unlinkCalls = ctx.emu
      .requestLog()
      .slice(before)
      .filter((r) => r.method !== "GET");
    expect(unlinkCalls.map((r) => `${r.method} ${r.path.split("/").slice(-2).join("/")}`)).to.deep.equal([
      "PUT origination/settings",
      "PUT messaging/applicationSettings",
      "DELETE features/sms",
    ]);
    expect(unlinkCalls[1].body).to.include("<ApplicationsSettings>REMOVE</ApplicationsSettings>");
    expect(unlinkCalls[0].body).to.include("<VoiceProtocol>SIP</VoiceProtocol>");

    // Refresh shows links made behind the program's back.
    prov().createSmsFeature(account(), s.id, loc.id, { Protocol: "HTTP", Zone1: "true" });
    prov().setMessagingApp(account(), s.id, loc.id, { remove: false, httpMessagingV2AppId: sms1.id });
    expect((await location.read!(loc.id, unlinked.outs)).props!.messagingApplicationId).to.equal(sms1.id);
  });

  it("Application delete refused while a location references it (12107) names the location; after unlinking it goes", async () => {
    const s = await newSite();
    const voice = await engineCreate(app, voiceArgs());
    const loc = await engineCreate(location, { siteId: s.id, name: "uses-app", voiceApplicationId: voice.id });
    const err = await rejection(app.delete!(voice.id, voice.outs));
    expect(err.message).to.match(/still linked to a location: uses-app \(locationId \d+, site \d+\)/);
    expect(err.message).to.match(/pulumi destroy/);
    expect(err).to.be.instanceOf(InUseError);
    expect(err).to.include({ code: "IN_USE" });
    expect(err.usedBy).to.deep.equal([loc.id]);
    await location.delete!(loc.id, loc.outs);
    await app.delete!(voice.id, voice.outs);
    expect(prov().listApplications(account())).to.deep.equal([]);
  });

  it("Location delete: unlink messaging, remove SMS, voice back to SIP, then delete, in that order", async () => {
    const s = await newSite();
    const voice = await engineCreate(app, voiceArgs());
    const sms = await engineCreate(app, messagingArgs());
    const loc = await engineCreate(location, {
      siteId: s.id,
      name: "doomed",
      voiceApplicationId: voice.id,
      messagingApplicationId: sms.id,
    });
    const before = ctx.emu.requestLog().length;
    await location.delete!(loc.id, loc.outs);
    const writes = ctx.emu
      .requestLog()
      .slice(before)
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.path.split("/").slice(-2).join("/")}`);
    expect(writes).to.deep.equal([
      "PUT messaging/applicationSettings",
      "DELETE features/sms",
      "PUT origination/settings",
      `DELETE sippeers/${loc.id}`,
    ]);
    expect(prov().listPeers(account(), s.id)).to.deep.equal([]);
    // Deleting a location already gone counts as done.
    await location.delete!(loc.id, loc.outs);
  });

  it("a location that still holds numbers refuses to go (13555), names them, and unlinks nothing", async () => {
    const s = await newSite();
    const sms = await engineCreate(app, messagingArgs());
    const loc = await engineCreate(location, { siteId: s.id, name: "busy", messagingApplicationId: sms.id });
    const ordered = await engineCreate(order, { siteId: s.id, peerId: loc.id, areaCode: "919", quantity: 2 });
    const numbers = ordered.outs.telephoneNumbers as string[];
    expect(numbers).to.have.length(2);
    expect(prov().peerNumbers(account(), s.id, loc.id)).to.deep.equal([...numbers].sort());
    const held = await getLocationNumbers({ siteId: s.id, locationId: loc.id });
    expect(held.map((n) => n.telephoneNumber)).to.deep.equal([...numbers].sort());
    expect(held[0].e164).to.equal(`+1${held[0].telephoneNumber}`);
    expect((await rejection(getLocationNumbers({ siteId: "x", locationId: "" }))).message).to.match(
      /siteId.*locationId/,
    );
    const err = await rejection(location.delete!(loc.id, loc.outs));
    expect(err.message).to.include(numbers[0]).and.include(numbers[1]);
    expect(err.message).to.match(/13555.*Disconnect them.*move them.*pulumi destroy/);
    expect(err).to.be.instanceOf(InUseError);
    expect(err).to.include({ code: "IN_USE" });
    expect([...(err.usedBy as string[])].sort()).to.deep.equal([...numbers].sort());
    expect(prov().getPeer(account(), s.id, loc.id).messagingAppId).to.equal(sms.id);
    // The emulator's own refusal, too, when the location is deleted directly.
    expect(() => prov().deletePeer(account(), s.id, loc.id)).to.throw(/13555/);
    await order.delete!(ordered.id, ordered.outs);
    await location.delete!(loc.id, loc.outs);
  });

  it("a partly linked location is kept by the engine (partial state) and the next update links the rest", async () => {
    const s = await newSite();
    const voice = await engineCreate(app, voiceArgs());
    const err = await rejection(
      engineCreate(location, {
        siteId: s.id,
        name: "half",
        voiceApplicationId: voice.id,
        messagingApplicationId: voice.id,
      }),
    );
    expect(err).to.include({ code: "PARTIAL" });
    expect(err.message).to.match(/13648/);
    const kept = err.properties as Record<string, unknown>;
    expect(kept).to.include({ voiceApplicationId: voice.id, locationId: err.id });
    expect(kept).to.not.have.property("messagingApplicationId");
    const sms = await engineCreate(app, messagingArgs());
    await engineUpdate(location, err.id as string, kept, {
      siteId: s.id,
      name: "half",
      voiceApplicationId: voice.id,
      messagingApplicationId: sms.id,
    });
    expect(prov().getPeer(account(), s.id, err.id as string).messagingAppId).to.equal(sms.id);
  });

  it("a lost answer to an application create is not retried and the error names the application it may have created", async () => {
    ctx.emu.setFaults([{ method: "POST", path: "/applications$", kind: "reset-after", times: 1 }]);
    const err = await rejection(engineCreate(app, voiceArgs({ name: "lost-answer" })));
    ctx.emu.setFaults([]);
    const created = prov().listApplications(account());
    expect(created).to.have.length(1);
    expect(err.message).to.include(created[0].applicationId);
    expect(err.message).to.match(/answer to the create was lost.*run `pulumi up` again/);
    expect(err).to.be.instanceOf(MayHaveReachedServerError);
    expect(err).to.include({ code: "MAY_HAVE_REACHED_SERVER" });
    expect(ctx.emu.requestLog().filter((r) => r.method === "POST" && /applications$/.test(r.path))).to.have.length(1);
  });

  it("a refused create says nothing was created; Site refresh shows drift and a deleted site is gone", async () => {
    const err = await rejection(engineCreate(location, { siteId: "424242", name: "nowhere" }));
    expect(err.message).to.match(/12016.*Nothing was created: run `pulumi up` again/);
    expect(err.nextStep).to.match(/^Nothing was created: run `pulumi up` again/);
    expect(err.code).to.be.a("string");
    const s = await newSite();
    prov().updateSite(account(), s.id, { name: "renamed", description: "changed elsewhere" });
    const read = await site.read!(s.id, s.outs);
    expect(read.props).to.include({ name: "renamed", description: "changed elsewhere" });
    const diff = await site.diff!(
      s.id,
      read.props!,
      (await site.check!({}, { name: "v2site", description: "test site" })).inputs,
    );
    expect(diff.changes).to.equal(true);
    prov().deleteSite(account(), s.id);
    expect((await site.read!(s.id, s.outs)).id).to.equal("");
  });

  it("orders name sites and locations the v2 model created; an unknown location is refused (5023)", async () => {
    const s = await newSite();
    const loc = await engineCreate(location, { siteId: s.id, name: "orders" });
    const ordered = await engineCreate(order, { siteId: s.id, peerId: loc.id, areaCode: "919" });
    expect(ordered.outs.orderStatus).to.equal("COMPLETE");
    const err = await rejection(engineCreate(order, { siteId: s.id, peerId: "999999", areaCode: "919" }));
    expect(err.message).to.match(/5023/);
    await order.delete!(ordered.id, ordered.outs);
  });
});
