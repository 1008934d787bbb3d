/**
 * check and diff of Application, Site and Location: what `pulumi preview` runs. No credential and no emulator is
 * configured here, so any network call would fail with a configuration error.
 */
import { expect } from "chai";
import { providers } from "../../../provider";
import { setStackConfig } from "../../../provider/config";
import { UNKNOWN } from "../../../provider/validation";

const app = providers.application;
const site = providers.site;
const location = providers.location;

describe("v2 preview: check and diff make no call", () => {
  const saved = { ...process.env };
  before(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith("BANDWIDTH_")) delete process.env[key];
    setStackConfig(undefined);
  });
  after(() => Object.assign(process.env, saved));

  const voice = {
    serviceType: "Voice-V2",
    name: "v",
    callInitiatedCallbackUrl: "https://example.com/a",
    callbackCreds: { userId: "callback-user", password: "callback-pass" },
  };

  it("Application: unknown values pass check; a changed URL is an update, a changed password too, the service type a replace", async () => {
    const preview = await app.check!({}, { ...voice, callInitiatedCallbackUrl: UNKNOWN });
    expect(preview.failures).to.deep.equal([]);
    const { inputs } = await app.check!({}, voice);
    const olds = { ...inputs, applicationId: "id-1", callInitiatedMethod: "POST" };
    expect(await app.diff!("id-1", olds, inputs)).to.include({ changes: false });
    const url = (await app.check!({}, { ...voice, callInitiatedCallbackUrl: "https://example.com/b" })).inputs;
    expect(await app.diff!("id-1", olds, url)).to.deep.include({ changes: true, replaces: [] });
    const password = (
      await app.check!({}, { ...voice, callbackCreds: { userId: "callback-user", password: "rotated-pass" } })
    ).inputs;
    expect(await app.diff!("id-1", olds, password)).to.deep.include({ changes: true, replaces: [] });
    const messaging = (
      await app.check!({}, { serviceType: "Messaging-V2", name: "v", inboundCallbackUrl: "https://m.example.com" })
    ).inputs;
    expect((await app.diff!("id-1", olds, messaging)).replaces).to.deep.equal(["serviceType"]);
  });

  it("Application: every bad input is a failure naming the field", async () => {
    const { failures } = await app.check!(
      {},
      {
        serviceType: "Voice-V3",
        name: "v",
        callInitiatedCallbackUrl: "ftp://x",
        callbackTimeout: 30,
        callStatusMethod: "PUT",
      },
    );
    expect(failures!.map((f) => f.property).sort()).to.deep.equal(
      ["callInitiatedCallbackUrl", "callStatusMethod", "callbackTimeout", "serviceType"].sort(),
    );
    const missing = await app.check!({}, { serviceType: "Messaging-V2", name: "m" });
    expect(missing.failures!.map((f) => f.property)).to.deep.equal(["inboundCallbackUrl"]);
  });

  it("Location: siteId is a replace; links, name and description are updates; isDefault only when set", async () => {
    const { inputs } = await location.check!({}, { siteId: "10001", name: "loc", voiceApplicationId: "app-1" });
    const olds = { ...inputs, locationId: "700001", isDefault: true };
    expect(await location.diff!("700001", olds, inputs)).to.include({ changes: false });
    const relinked = (
      await location.check!(
        {},
        { siteId: "10001", name: "loc", voiceApplicationId: "app-2", messagingApplicationId: "m-1" },
      )
    ).inputs;
    expect(await location.diff!("700001", olds, relinked)).to.deep.include({ changes: true, replaces: [] });
    const moved = (await location.check!({}, { siteId: "10002", name: "loc" })).inputs;
    expect((await location.diff!("700001", olds, moved)).replaces).to.deep.equal(["siteId"]);
    const bad = await location.check!({}, { siteId: "site-x", name: "x".repeat(51), isDefault: "maybe" });
    expect(bad.failures!.map((f) => f.property).sort()).to.deep.equal(["isDefault", "name", "siteId"]);
    expect((await location.check!({}, { siteId: UNKNOWN, name: "loc" })).failures).to.deep.equal([]);
  });

  it("Site: a name over 10 characters and an incomplete address are failures; an address Bandwidth completed is no change", async () => {
    const bad = await site.check!({}, { name: "a-very-long-site", address: { city: "Raleigh" } });
    expect(bad.failures!.map((f) => f.property)).to.include.members(["name", "address.houseNumber", "address.zip"]);
    const address = {
      houseNumber: "900",
      streetName: "Main",
      city: "Raleigh",
      stateCode: "nc",
      zip: "27606",
      addressType: "Service",
    };
    const { inputs } = await site.check!({}, { name: "hq", address });
    expect((inputs.address as Record<string, string>).stateCode).to.equal("NC");
    const olds = { ...inputs, siteId: "10001", address: { ...(inputs.address as object), country: "United States" } };
    expect(await site.diff!("10001", olds, inputs)).to.include({ changes: false });
    const renamed = (await site.check!({}, { name: "hq2", address })).inputs;
    expect(await site.diff!("10001", olds, renamed)).to.include({ changes: true });
  });
});
