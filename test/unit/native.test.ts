// The native provider's translation layer, without the engine: secrets in and out, the detailed diff, previews,
// configuration and URNs. The engine-driven lifecycle is in test/e2e/native.test.ts.
import { expect } from "chai";
import { numbersSettings, setStackConfig } from "../../provider/config";
import { BandwidthProvider, concealed, revealed, urnParts } from "../../provider/native/provider";
import { applicationSchema } from "../../provider/schema/application";
import { UNKNOWN } from "../../provider/validation";

const SECRET_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const secret = (value: unknown) => ({ [SECRET_KEY]: SECRET_SIG, value });
const URN = "urn:pulumi:dev::proj::bandwidth:index:PhoneNumberOrder::numbers";

describe("the native provider's translation layer", () => {
  const lines: Array<[string, string | undefined]> = [];
  const provider = new BandwidthProvider((line, urn) => lines.push([line, urn]));
  after(() => setStackConfig(undefined));

  it("reveals secrets at any depth and remembers which top-level inputs held one", () => {
    const { values, secret: held } = revealed({ a: secret("x"), b: { c: [secret("y")] }, d: 1 });
    expect(values).to.deep.equal({ a: "x", b: { c: ["y"] }, d: 1 });
    expect([...held].sort()).to.deep.equal(["a", "b"]);
  });

  it("marks as secret what the schema declares secret and what arrived secret, never an unknown", () => {
    const secretField = Object.entries(applicationSchema.fields).find(([, f]) => f.secret)![0];
    const out = concealed(
      { [secretField]: "pw", name: "n", other: UNKNOWN, given: "g" },
      applicationSchema,
      new Set(["given", "other"]),
    );
    expect(out[secretField]).to.deep.equal(secret("pw"));
    expect(out.given).to.deep.equal(secret("g"));
    expect(out.name).to.equal("n");
    expect(out.other).to.equal(UNKNOWN);
  });

  it("reads the project, stack, type and name from a URN, a parent's type chain included", () => {
    expect(urnParts("urn:pulumi:prod::app::pkg:index:Parent$bandwidth:index:Site::main::x")).to.deep.equal({
      stack: "prod",
      project: "app",
      type: "bandwidth:index:Site",
      name: "main::x",
    });
  });

  it("check fills what the dynamic class adds: the resource name and the resource key from the URN", async () => {
    const { inputs, failures } = await provider.check(URN, {}, { siteId: "461", areaCode: "919" });
    expect(failures).to.deep.equal([]);
    expect(inputs).to.include({ name: "numbers", resourceKey: "proj/dev/numbers", quantity: 1 });
    expect(inputs.customerOrderId).to.match(/^pulumi-[0-9a-f]{24}$/);
  });

  it("the detailed diff names each changed input and whether it replaces", async () => {
    const olds = (await provider.check(URN, {}, { siteId: "461", areaCode: "919", quantity: 2 })).inputs;
    const grown = (await provider.check(URN, olds, { siteId: "461", areaCode: "919", quantity: 3 })).inputs;
    const state = { ...olds, telephoneNumbers: ["9195550001", "9195550002"], orderType: "AreaCodeSearchAndOrderType" };
    const update = await provider.diff("o-1", URN, state, grown);
    expect(update).to.deep.include({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(update.detailedDiff).to.deep.equal({ quantity: "update" });

    const moved = (await provider.check(URN, olds, { siteId: "461", areaCode: "415", quantity: 2 })).inputs;
    const replace = await provider.diff("o-1", URN, state, moved);
    expect(replace.replaces).to.include("areaCode");
    expect(replace.detailedDiff.areaCode).to.equal("update-replace");

    // With the inputs the engine recorded, the comparison is input against input.
    const recorded = await provider.diff("o-1", URN, state, grown, olds);
    expect(recorded.detailedDiff).to.deep.equal({ quantity: "update" });

    const same = await provider.diff("o-1", URN, state, olds);
    expect(same).to.deep.include({ changes: false, detailedDiff: {} });
  });

  it("a preview's create touches nothing and leaves every output only Bandwidth knows unknown", () => {
    const { id, outs } = provider.previewCreate(URN, { siteId: "461", quantity: 2 });
    expect(id).to.equal("");
    expect(outs).to.include({ siteId: "461", quantity: 2, orderIds: UNKNOWN, telephoneNumbers: UNKNOWN });
  });

  it("configure installs the stack's settings, by config variable or by argument, for later calls", () => {
    const variables = { accountId: "111", clientId: "c", clientSecret: "s" };
    provider.configure(
      Object.fromEntries(Object.entries(variables).map(([k, v]) => [`bandwidth:config:${k}`, v])),
      undefined,
    );
    expect(numbersSettings({}).accountId).to.equal("111");
    provider.configure({}, { accountId: "222", clientId: "c", clientSecret: secret("s") });
    expect(numbersSettings({}).accountId).to.equal("222");
  });

  it("checkConfig names a setting the provider does not know", () => {
    const { failures } = provider.checkConfig({ accountId: "1", acountId: "typo" });
    expect(failures.map((f) => f.property)).to.deep.equal(["acountId"]);
  });

  it("an unknown resource type or function is an error naming it", async () => {
    await provider.check("urn:pulumi:dev::proj::bandwidth:index:Nope::x", {}, {}).then(
      () => expect.fail("accepted"),
      (e: Error) => expect(e.message).to.include("bandwidth:index:Nope"),
    );
    await provider.invoke("bandwidth:index:nope", {}).then(
      () => expect.fail("accepted"),
      (e: Error) => expect(e.message).to.include("bandwidth:index:nope"),
    );
  });
});
