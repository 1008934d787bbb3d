import { expect } from "chai";
import { setStackConfig } from "../../../provider/config";
import { implementation } from "../../../provider/resources/voiceImport";

describe("VoiceImport provider block", () => {
  const saved: Record<string, string | undefined> = {};
  // Other suites of the same process may have exported a username/password: this case has none.
  beforeEach(() => {
    for (const name of ["BANDWIDTH_USERNAME", "BANDWIDTH_PASSWORD"]) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    setStackConfig(undefined);
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  });

  it("fails a create with client credentials only, saying a v1 import needs an API User's username/password", async () => {
    const stack: Record<string, string> = {
      "bandwidth:accountId": "9900001",
      "bandwidth:clientId": "client-1",
      "bandwidth:clientSecret": "Client-5ecret-Value",
      "bandwidth:userId": "u-1",
      "bandwidth:apiToken": "t-1",
      "bandwidth:apiSecret": "V1-5ecret-Value",
      // Unreachable on purpose: the error must come before any request.
      "bandwidth:voiceUrl": "http://127.0.0.1:9",
    };
    setStackConfig({ get: (k) => stack[k] });
    let caught: unknown;
    try {
      await implementation.create({ number: "+19195550100", adoptExisting: false });
    } catch (err) {
      caught = err;
    }
    const message = (caught as Error)?.message ?? "";
    expect(caught).to.be.instanceOf(Error);
    expect(message).to.include("bandwidth:username");
    expect(message).to.include("bandwidth:password");
    expect(message)
      .to.match(/Application/)
      .and.match(/Location/)
      .and.match(/needs no import/);
    expect(message).to.not.include("5ecret");
  });
});
