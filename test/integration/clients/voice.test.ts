import { expect } from "chai";
import { ApiError, NotFoundError } from "../../../provider/http/errors";
import { closeSharedPools } from "../../../provider/http/transport";
import { VoiceClient } from "../../../provider/voice/client";
import { type CannedServer, reply, startCannedServer, uniqueAccount } from "./cannedServer";

const DASHBOARD = { accountId: "9900001", userName: "dash-user", password: "dash-pass-s3cret" };

const SEED_NUMBER = {
  application: "https://api.catapult.inetwork.com/v1/users/u-1/applications/a-asdf",
  id: "n-alghk4678lkghsdf",
  applicationId: "a-asdf",
  number: "+19192302749",
  nationalNumber: "(919) 230-2749",
  name: "+19197258959",
  createdTime: "2018-04-23T18:22:38Z",
  city: "CARY",
  state: "NC",
  price: "0.35",
  numberState: "enabled",
};

function json(res: Parameters<typeof reply>[0], status: number, body: unknown, headers: Record<string, string> = {}) {
  reply(res, status, body === undefined ? "" : JSON.stringify(body), {
    "content-type": "application/json",
    ...headers,
  });
}

describe("VoiceClient against canned v1 answers", function () {
  this.timeout(10_000);
  let server: CannedServer | undefined;
  let userId: string;

  function client(): VoiceClient {
    return new VoiceClient({
      voiceUrl: (server as CannedServer).url,
      userId,
      apiToken: "t-token",
      apiSecret: "api-secret-value",
      transport: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  }

  beforeEach(() => {
    userId = uniqueAccount("u");
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  after(async () => {
    await closeSharedPools();
  });

  it("imports a number and takes its id from an absolute or a relative Location", async () => {
    server = await startCannedServer((_req, res, n) =>
      json(res, 201, undefined, {
        location:
          n === 0
            ? `https://api.catapult.inetwork.com/v1/users/${userId}/phoneNumbers/n-abs`
            : `/v1/users/${userId}/phoneNumbers/n-rel`,
      }),
    );
    expect(await client().importNumber({ number: "+19192302749", name: "main" }, DASHBOARD)).to.deep.equal({
      numberId: "n-abs",
    });
    expect(await client().importNumber({ number: "+19192302750" }, DASHBOARD)).to.deep.equal({ numberId: "n-rel" });
    const seen = server.requests[0];
    expect(seen.method).to.equal("POST");
    expect(seen.url).to.equal(`/v1/users/${userId}/phoneNumbers`);
    // Bandwidth's v1 import reference: the provider block and its three properties are mandatory.
    expect(JSON.parse(seen.body)).to.deep.equal({
      number: "+19192302749",
      name: "main",
      provider: {
        providerName: "bandwidth-dashboard",
        properties: { accountId: "9900001", userName: "dash-user", password: "dash-pass-s3cret" },
      },
    });
    expect(seen.headers.authorization).to.equal(`Basic ${Buffer.from("t-token:api-secret-value").toString("base64")}`);
  });

  it("raises a 409 as ApiError with code duplicate-number", async () => {
    server = await startCannedServer((_req, res) =>
      json(res, 409, {
        category: "conflict",
        code: "duplicate-number",
        message: "Number is already allocated",
        details: [],
      }),
    );
    let caught: unknown;
    try {
      await client().importNumber({ number: "+19192302749" }, DASHBOARD);
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(ApiError);
    expect((caught as ApiError).status).to.equal(409);
    expect((caught as ApiError).hasErrorCode("duplicate-number")).to.equal(true);
    expect((caught as ApiError).message).to.include("Number is already allocated");
    expect(server.requests).to.have.length(1);
  });

  it("never lets the provider block's password reach an error, even when v1 echoes the request body", async () => {
    server = await startCannedServer((req, res) =>
      json(res, 400, { category: "validation-error", code: "bad-request", message: `refused: ${req.body}` }),
    );
    let caught: unknown;
    try {
      await client().importNumber({ number: "+19192302749" }, DASHBOARD);
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(ApiError);
    expect(JSON.parse(server.requests[0].body).provider.properties.password).to.equal(DASHBOARD.password);
    const text = `${(caught as Error).message} ${JSON.stringify(caught)} ${(caught as Error).stack ?? ""}`;
    expect(text).to.include("refused").and.not.include(DASHBOARD.password);
  });

  it("gives a bare 409 the duplicate-number code too", async () => {
    server = await startCannedServer((_req, res) => json(res, 409, undefined));
    let caught: unknown;
    try {
      await client().importNumber({ number: "+19192302749" }, DASHBOARD);
    } catch (err) {
      caught = err;
    }
    expect((caught as ApiError).hasErrorCode("duplicate-number")).to.equal(true);
  });

  it("reads a number by URL-encoded E.164 (seed body) and by id", async () => {
    server = await startCannedServer((_req, res) => json(res, 200, SEED_NUMBER));
    const n = await client().getNumber("+19192302749");
    expect(server.requests[0].url).to.equal(`/v1/users/${userId}/phoneNumbers/%2B19192302749`);
    expect(n).to.deep.equal({
      id: "n-alghk4678lkghsdf",
      number: "+19192302749",
      nationalNumber: "(919) 230-2749",
      name: "+19197258959",
      applicationId: "a-asdf",
      city: "CARY",
      state: "NC",
      numberState: "enabled",
      createdTime: "2018-04-23T18:22:38Z",
      fallbackNumber: undefined,
      price: "0.35",
    });
    await client().getNumber("n-alghk4678lkghsdf");
    expect(server.requests[1].url).to.equal(`/v1/users/${userId}/phoneNumbers/n-alghk4678lkghsdf`);
  });

  it("raises NotFoundError from getNumber and returns undefined from findNumber on 404", async () => {
    server = await startCannedServer((_req, res) =>
      json(res, 404, { category: "not-found", code: "number-not-found", message: "Number not found" }),
    );
    let caught: unknown;
    try {
      await client().getNumber("n-missing");
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(NotFoundError);
    expect((caught as NotFoundError).hasErrorCode("number-not-found")).to.equal(true);
    expect(await client().findNumber("+19195550000")).to.equal(undefined);
  });

  it("lists numbers by following Link rel=next", async () => {
    server = await startCannedServer((req, res) => {
      const page = new URL(req.url, "http://x").searchParams.get("page");
      const base = `${(server as CannedServer).url}/v1/users/${userId}/phoneNumbers`;
      if (page === "0") {
        json(res, 200, [SEED_NUMBER, { ...SEED_NUMBER, id: "n-2", number: "+19192302750" }], {
          link: `<${base}?page=0&size=2>; rel="first", <${base}?page=1&size=2>; rel="next"`,
        });
      } else
        json(res, 200, [{ ...SEED_NUMBER, id: "n-3", number: "+19192302751" }], {
          link: `<${base}?page=0&size=2>; rel="first"`,
        });
    });
    const all = await client().listNumbers({ applicationId: "a-asdf", size: 2 });
    expect(all.map((n) => n.id)).to.deep.equal(["n-alghk4678lkghsdf", "n-2", "n-3"]);
    expect(server.requests[0].url).to.equal(`/v1/users/${userId}/phoneNumbers?page=0&size=2&applicationId=a-asdf`);
    expect(server.requests[1].url).to.equal(`/v1/users/${userId}/phoneNumbers?page=1&size=2`);
  });

  it("updates with POST (not PATCH) and un-imports with DELETE", async () => {
    server = await startCannedServer((_req, res) => json(res, 200, undefined));
    await client().updateNumber("n-1", { applicationId: "", name: "renamed" });
    await client().deleteNumber("n-1");
    expect(server.requests.map((r) => [r.method, r.url])).to.deep.equal([
      ["POST", `/v1/users/${userId}/phoneNumbers/n-1`],
      ["DELETE", `/v1/users/${userId}/phoneNumbers/n-1`],
    ]);
    expect(JSON.parse(server.requests[0].body)).to.deep.equal({ applicationId: "", name: "renamed" });
  });

  it("honours X-RateLimit-Reset in epoch milliseconds after a 429", async () => {
    let resetAt = 0;
    server = await startCannedServer((_req, res, n) => {
      if (n === 0) {
        resetAt = Date.now() + 250;
        json(
          res,
          429,
          { category: "too-many-requests", code: "rate-limit-reached", message: "slow down" },
          {
            "x-ratelimit-reset": String(resetAt),
          },
        );
      } else json(res, 200, SEED_NUMBER);
    });
    const n = await client().getNumber("n-alghk4678lkghsdf");
    expect(n.id).to.equal("n-alghk4678lkghsdf");
    expect(server.requests[1].at).to.be.at.least(resetAt - 5);
  });
});
