import { expect } from "chai";
import { providers, RateLimitedError } from "../../../provider";
import { sharedClientCredentials } from "../../../provider/http/oauth";
import { emulatorSuite, engineCreate, rejection } from "./support";

const order = providers.phoneNumberOrder;
const TOKEN_FAULT_PATH = "/oauth2/token$";
const OAUTH_KEYS = ["BANDWIDTH_CLIENT_ID", "BANDWIDTH_CLIENT_SECRET", "BANDWIDTH_TOKEN_URL"];

/**
 * The token endpoint of an account rate limited or failing while a deployment's resources all wait for the one token
 * they share, driven the engine's way (check then create; delete with the outputs create returned), with orders and
 * numbers counted in the emulator.
 */
describe("PhoneNumberOrder behind a rate-limited or failing OAuth token endpoint", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const inService = () => ctx.emu.model.numbersInService(account());
  const tokenAnswers = (status: number) =>
    ctx.emu.requestLog().filter((r) => r.path.endsWith("/oauth2/token") && r.status === status).length;
  const args = (i: number) => ({
    siteId: ctx.emu.credentials.siteId,
    areaCode: "919",
    quantity: 1,
    resourceKey: `proj/dev/num-${i}`,
  });
  /** What a new provider process starts with: no token yet. */
  const newProcessToken = () =>
    sharedClientCredentials({
      clientId: ctx.emu.credentials.clientId,
      clientSecret: ctx.emu.credentials.clientSecret,
      tokenUrl: ctx.emu.tokenUrl,
    }).forget();

  beforeEach(() => {
    // Client credentials only, as Bandwidth accounts authenticate from 2026-12-02.
    delete process.env.BANDWIDTH_USERNAME;
    delete process.env.BANDWIDTH_PASSWORD;
    process.env.BANDWIDTH_CLIENT_ID = ctx.emu.credentials.clientId;
    process.env.BANDWIDTH_CLIENT_SECRET = ctx.emu.credentials.clientSecret;
    process.env.BANDWIDTH_TOKEN_URL = ctx.emu.tokenUrl;
    newProcessToken();
  });
  after(() => {
    for (const k of OAUTH_KEYS) delete process.env[k];
  });

  it("six creates and then six deletes while the token endpoint answers 429 for two seconds all succeed: one order each, nothing left in service", async () => {
    ctx.emu.setFaults([{ path: TOKEN_FAULT_PATH, kind: "status", status: 429, durationMs: 2_000 }]);
    const created = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => engineCreate(order, args(i))));
    expect(tokenAnswers(429)).to.be.at.least(1, "the token endpoint did refuse");
    expect(ctx.emu.model.listOrders(account())).to.have.length(6, "one order per resource, none twice");
    const numbers = created.flatMap((c) => c.outs.telephoneNumbers as string[]);
    expect(new Set(numbers)).to.have.property("size", 6);
    expect([...inService()].sort()).to.deep.equal([...numbers].sort());

    // `pulumi destroy` is a new process: a new token, asked while the endpoint refuses again.
    ctx.emu.setFaults([{ path: TOKEN_FAULT_PATH, kind: "status", status: 429, durationMs: 2_000 }]);
    newProcessToken();
    const refusedBefore = tokenAnswers(429);
    await Promise.all(created.map((c) => order.delete!(c.id, c.outs)));
    expect(tokenAnswers(429)).to.be.above(refusedBefore, "the token endpoint did refuse the deletes' token");
    expect(inService()).to.deep.equal([]);
    expect(ctx.emu.model.listOrders(account())).to.have.length(6, "no order placed by a delete");
  });

  it("a token endpoint whose reset lies past the deadline fails each create at once with its own RateLimitedError, saying to wait and run `pulumi up` again", async () => {
    ctx.emu.setFaults([{ path: TOKEN_FAULT_PATH, kind: "status", status: 429, durationMs: 600_000 }]);
    const started = Date.now();
    const errors = await Promise.all([0, 1, 2].map((i) => rejection(engineCreate(order, args(i)))));
    expect(Date.now() - started).to.be.below(5_000, "no wait the deadline cannot cover");
    for (const err of errors) {
      expect(err).to.be.instanceOf(RateLimitedError);
      expect(err.code).to.equal("RATE_LIMITED");
      expect(err.nextStep).to.match(/^Nothing is ordered twice.*: wait until \S+Z and run `pulumi up` again$/);
    }
    expect(ctx.emu.model.listOrders(account())).to.have.length(0);
  });

  it("one token failure shared by four creates becomes four errors, each naming only its own resource", async () => {
    ctx.emu.setFaults([{ path: TOKEN_FAULT_PATH, kind: "status", status: 500 }]);
    const errors = await Promise.all([0, 1, 2, 3].map((i) => rejection(engineCreate(order, args(i)))));
    expect(new Set(errors)).to.have.property("size", 4);
    errors.forEach((err, i) => {
      const labels = err.message.match(/PhoneNumberOrder num-\d+/g) ?? [];
      expect(labels, err.message).to.deep.equal([`PhoneNumberOrder num-${i}`]);
      expect(err.code).to.equal("TOKEN_UNAVAILABLE");
      expect(err.nextStep).to.be.a("string");
    });
    expect(ctx.emu.model.listOrders(account())).to.have.length(0);
  });
});
