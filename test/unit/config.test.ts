import { expect } from "chai";
import {
  ConfigError,
  dashboardApiUser,
  isLoopbackHost,
  numbersSettings,
  platformSettings,
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

  it("reads a legacy API User from the environment with Bandwidth's default endpoint", () => {
    expect(numbersSettings(env)).to.deep.equal({
      dashboardUrl: "https://api.bandwidth.com/api",
      accountId: "env-account",
      auth: { kind: "basic", username: "env-user", password: "env-password-s3cret" },
    });
  });

  it("authenticates with client credentials and Bandwidth's token URL when they are set, even beside a username", () => {
    const both = { ...env, BANDWIDTH_CLIENT_ID: "client-1", BANDWIDTH_CLIENT_SECRET: "client-s3cret" };
    expect(numbersSettings(both).auth).to.deep.equal({
      kind: "client-credentials",
      clientId: "client-1",
      clientSecret: "client-s3cret",
      tokenUrl: "https://api.bandwidth.com/api/v1/oauth2/token",
    });
  });

  it("refuses half a client credential instead of falling back to the username", () => {
    expect(() => numbersSettings({ ...env, BANDWIDTH_CLIENT_ID: "client-1" }))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:clientSecret \(or BANDWIDTH_CLIENT_SECRET\)/)
      .and.not.match(/s3cret/);
  });

  it("asks for client credentials first when nothing is configured, and names the legacy alternative", () => {
    expect(() => numbersSettings({ BANDWIDTH_ACCOUNT_ID: "1" }))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:clientId \(or BANDWIDTH_CLIENT_ID\), bandwidth:clientSecret/)
      .and.matches(/2026-12-02/);
  });

  it("lets stack config win over the environment", () => {
    setStackConfig({ get: (k) => ({ "bandwidth:accountId": "stack-account" })[k] });
    expect(numbersSettings(env).accountId).to.equal("stack-account");
    expect(numbersSettings(env).auth).to.include({ kind: "basic", username: "env-user" });
  });

  it("names both the config key and the variable of every missing credential, and no value", () => {
    expect(() => numbersSettings({ BANDWIDTH_PASSWORD: "p-s3cret" }))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:accountId \(or BANDWIDTH_ACCOUNT_ID\), bandwidth:username \(or BANDWIDTH_USERNAME\)/)
      .and.not.match(/s3cret/);
  });

  it("explains that a v1 import needs an API User when only client credentials are configured", () => {
    const oauthOnly = { BANDWIDTH_ACCOUNT_ID: "1", BANDWIDTH_CLIENT_ID: "c", BANDWIDTH_CLIENT_SECRET: "c-s3cret" };
    expect(() => dashboardApiUser(oauthOnly))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:username.*bandwidth:password/)
      .and.matches(/Application/)
      .and.not.match(/s3cret/);
    expect(dashboardApiUser(env)).to.deep.equal({
      accountId: "env-account",
      username: "env-user",
      password: "env-password-s3cret",
    });
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

  it("voice configuration packages: the API host's root (default https://api.bandwidth.com, stack config first) and client credentials", () => {
    const oauth = { BANDWIDTH_ACCOUNT_ID: "1", BANDWIDTH_CLIENT_ID: "c", BANDWIDTH_CLIENT_SECRET: "c-s3cret" };
    expect(platformSettings(oauth)).to.deep.equal({
      apiUrl: "https://api.bandwidth.com",
      accountId: "1",
      auth: {
        kind: "client-credentials",
        clientId: "c",
        clientSecret: "c-s3cret",
        tokenUrl: "https://api.bandwidth.com/api/v1/oauth2/token",
      },
    });
    expect(platformSettings({ ...oauth, BANDWIDTH_API_URL: "http://127.0.0.1:4000/" }).apiUrl).to.equal(
      "http://127.0.0.1:4000",
    );
    setStackConfig({ get: (k) => (k === "bandwidth:apiUrl" ? "https://api.test.example" : undefined) });
    expect(platformSettings({ ...oauth, BANDWIDTH_API_URL: "https://api.env.example" }).apiUrl).to.equal(
      "https://api.test.example",
    );
    setStackConfig(undefined);
    expect(() => platformSettings({ ...oauth, BANDWIDTH_API_URL: "http://api.example.com" })).to.throw(
      ConfigError,
      /bandwidth:apiUrl uses http:\/\/ to api.example.com/,
    );
  });

  it("voice configuration packages refuse a legacy API User alone, naming the client credential settings and no value", () => {
    expect(() => platformSettings(env))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/bandwidth:clientId \(or BANDWIDTH_CLIENT_ID\), bandwidth:clientSecret/)
      .and.matches(/client credentials only/)
      .and.not.match(/s3cret/);
  });

  it("knows the loopback hosts", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) expect(isLoopbackHost(h), h).to.equal(true);
    for (const h of ["10.0.0.1", "example.com", "128.0.0.1"]) expect(isLoopbackHost(h), h).to.equal(false);
  });
});
