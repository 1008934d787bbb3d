import { expect } from "chai";
import {
  ConfigError,
  isLoopbackHost,
  numbersSettings,
  requireVoiceSettings,
  setStackConfig,
  voiceSettings,
} from "../../provider/config";

const env = {
  BANDWIDTH_ACCOUNT_ID: "env-account",
  BANDWIDTH_USERNAME: "env-user",
  BANDWIDTH_PASSWORD: "env-password-s3cret",
};

describe("configuration", () => {
  afterEach(() => setStackConfig(undefined));

  it("reads credentials from the environment with Bandwidth's default endpoints", () => {
    expect(numbersSettings(env)).to.deep.equal({
      dashboardUrl: "https://dashboard.bandwidth.com/api",
      accountId: "env-account",
      username: "env-user",
      password: "env-password-s3cret",
    });
  });

  it("lets stack config win over the environment", () => {
    setStackConfig({ get: (k) => ({ "bandwidth:accountId": "stack-account" })[k] });
    expect(numbersSettings(env).accountId).to.equal("stack-account");
    expect(numbersSettings(env).username).to.equal("env-user");
  });

  it("names both the config key and the variable of every missing credential, and no value", () => {
    expect(() => numbersSettings({ BANDWIDTH_PASSWORD: "p-s3cret" }))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:accountId \(or BANDWIDTH_ACCOUNT_ID\), bandwidth:username \(or BANDWIDTH_USERNAME\)/)
      .and.not.match(/s3cret/);
  });

  it("treats Voice v1 as unused when none of its credentials is set, and as an error when some are", () => {
    expect(voiceSettings({})).to.equal(undefined);
    expect(() => voiceSettings({ BANDWIDTH_USER_ID: "u-1" })).to.throw(ConfigError, /bandwidth:apiToken/);
    expect(() => requireVoiceSettings({})).to.throw(ConfigError, /bandwidth:userId/);
  });

  it("refuses http:// to a non-loopback host unless explicitly allowed", () => {
    expect(() => numbersSettings({ ...env, BANDWIDTH_DASHBOARD_URL: "http://api.example.com/api" })).to.throw(
      ConfigError,
      /clear text/,
    );
    expect(
      numbersSettings({
        ...env,
        BANDWIDTH_DASHBOARD_URL: "http://api.example.com/api",
        BANDWIDTH_ALLOW_INSECURE_HTTP: "true",
      }).dashboardUrl,
    ).to.equal("http://api.example.com/api");
    expect(numbersSettings({ ...env, BANDWIDTH_DASHBOARD_URL: "http://127.0.0.1:4000/api/" }).dashboardUrl).to.equal(
      "http://127.0.0.1:4000/api",
    );
  });

  it("refuses credentials embedded in an endpoint URL", () => {
    expect(() => numbersSettings({ ...env, BANDWIDTH_DASHBOARD_URL: "https://u:p@dashboard.example/api" })).to.throw(
      ConfigError,
      /must not carry credentials/,
    );
  });

  it("knows the loopback hosts", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) expect(isLoopbackHost(h), h).to.equal(true);
    for (const h of ["10.0.0.1", "example.com", "128.0.0.1"]) expect(isLoopbackHost(h), h).to.equal(false);
  });
});
