import { expect } from "chai";
import type { ApiError, UnauthorizedError } from "../../provider/http/errors";
import { closeSharedPools } from "../../provider/http/transport";
import { PlatformClient } from "../../provider/platform/client";
import {
  type CannedServer,
  reply,
  type SeenRequest,
  startCannedServer,
  uniqueAccount,
} from "../integration/clients/cannedServer";
import { rejection } from "../integration/resources/support";
import { jsonPaths, missingPaths } from "./paths";
import * as doc from "./platform-fixtures";

const TOKEN_PATH = "/api/v1/oauth2/token";
const TOKEN = "contract-token-value";

/** One canned answer per request of the API (the token endpoint answers apart). */
interface Answer {
  status: number;
  body?: unknown;
}

// The package client sends the bodies Bandwidth's CLI sends, and reads the answers the CLI's tests read.
describe("contract: the voice configuration package client speaks the shapes of Bandwidth's CLI", function () {
  this.timeout(10_000);
  const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 2_000 };
  let server: CannedServer | undefined;
  let accountId: string;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => closeSharedPools());

  async function answering(answers: Answer[]): Promise<{ client: PlatformClient; api: () => SeenRequest[] }> {
    let next = 0;
    server = await startCannedServer((req, res) => {
      if (req.url === TOKEN_PATH) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ access_token: TOKEN, token_type: "Bearer", expires_in: 3600 }));
        return;
      }
      const a = answers[Math.min(next++, answers.length - 1)];
      if (a.body === undefined) reply(res, a.status);
      else reply(res, a.status, JSON.stringify(a.body), { "content-type": "application/json" });
    });
    accountId = uniqueAccount("platform");
    const client = new PlatformClient({
      apiUrl: server.url,
      accountId,
      auth: {
        kind: "client-credentials",
        clientId: `client-${accountId}`,
        clientSecret: "contract-s3cret",
        tokenUrl: `${server.url}${TOKEN_PATH}`,
      },
      transport: FAST,
    });
    const api = () => server!.requests.filter((r) => r.url !== TOKEN_PATH);
    return { client, api };
  }

  it("create: the CLI's body, POSTed as JSON with a bearer token at /v2/accounts/{a}; the id read where the CLI reads it", async () => {
    const { client, api } = await answering([
      { status: 201, body: doc.VCP_CREATE_RESPONSE },
      { status: 200, body: doc.VCP_GET_RESPONSE },
    ]);
    const created = await client.createPackage(doc.VCP_CREATE_REQUEST);
    expect(created).to.deep.equal({
      voiceConfigurationPackageId: "vcp-456",
      name: "VCP 1",
      description: undefined,
      httpVoiceV2ApplicationId: undefined,
    });
    const [post, get] = api();
    expect(post.method).to.equal("POST");
    expect(post.url).to.equal(`/v2/accounts/${accountId}/voiceConfigurationPackages`);
    expect(post.headers.authorization).to.equal(`Bearer ${TOKEN}`);
    expect(post.headers["content-type"]).to.match(/^application\/json/);
    expect(JSON.parse(post.body)).to.deep.equal(doc.VCP_CREATE_REQUEST);
    // The create answer carries the id only: the package is read back.
    expect(`${get.method} ${get.url}`).to.equal(`GET /v2/accounts/${accountId}/voiceConfigurationPackages/vcp-456`);
  });

  it("GET and list: the CLI's envelope read to the packages it shows", async () => {
    const { client } = await answering([
      { status: 200, body: doc.VCP_GET_RESPONSE },
      { status: 200, body: doc.VCP_LIST_RESPONSE },
    ]);
    expect(await client.getPackage("abc")).to.include({ voiceConfigurationPackageId: "abc", name: "VCP 1" });
    const all = await client.listPackages();
    expect(all.map((p) => [p.voiceConfigurationPackageId, p.name])).to.deep.equal([
      ["abc", "VCP 1"],
      ["def", "VCP 2"],
    ]);
  });

  it("update: PATCH with the CLI's update body", async () => {
    const { client, api } = await answering([{ status: 200, body: doc.VCP_GET_RESPONSE }]);
    await client.updatePackage("abc", doc.VCP_UPDATE_REQUEST);
    const [patch] = api();
    expect(`${patch.method} ${patch.url}`).to.equal(`PATCH /v2/accounts/${accountId}/voiceConfigurationPackages/abc`);
    expect(missingPaths(jsonPaths(doc.VCP_UPDATE_REQUEST), jsonPaths(JSON.parse(patch.body)))).to.deep.equal([]);
    expect(JSON.parse(patch.body)).to.deep.equal(doc.VCP_UPDATE_REQUEST);
  });

  it("bulk assign: the CLI's body with E.164 numbers (10-digit input converted); the null answer is success", async () => {
    const { client, api } = await answering([{ status: 200, body: null }]);
    await client.bulk("vcp-456", "ADD", ["9195551234", "+19195551235"]);
    const [post] = api();
    expect(`${post.method} ${post.url}`).to.equal(
      `POST /v2/accounts/${accountId}/voiceConfigurationPackages/vcp-456/phoneNumbers/bulk`,
    );
    expect(JSON.parse(post.body)).to.deep.equal(doc.VCP_BULK_ASSIGN_REQUEST);
  });

  it("bulk assign refused with VCS-0044: a typed ApiError carrying Bandwidth's code, not sent again", async () => {
    const { client, api } = await answering([{ status: 400, body: doc.VCP_NOT_ASSIGNABLE_RESPONSE }]);
    const err = (await rejection(client.bulk("vcp-456", "ADD", ["+19195551234"]))) as unknown as ApiError;
    expect(err.code).to.equal("API_ERROR");
    expect(err.status).to.equal(400);
    expect(err.hasErrorCode("VCS-0044")).to.equal(true);
    expect(api()).to.have.length(1);
  });

  it("403 from the platform: UnauthorizedError quoting its type and description, never the token or secret", async () => {
    const { client } = await answering([{ status: 403, body: doc.PLATFORM_FORBIDDEN_RESPONSE }]);
    const err = (await rejection(client.getPackage("abc"))) as unknown as UnauthorizedError;
    expect(err.code).to.equal("UNAUTHORIZED");
    expect(err.errors).to.deep.equal([
      { code: "forbidden", description: "client does not have access rights to the content" },
    ]);
    expect(err.message).not.to.contain(TOKEN);
    expect(err.message).not.to.contain("contract-s3cret");
  });

  it("a package's numbers: the CLI's listing read page after page by afterCursor", async () => {
    const { client, api } = await answering([
      { status: 200, body: doc.VOICE_NUMBERS_RESPONSE },
      { status: 200, body: { data: [{ phoneNumber: "+19195551235" }], page: {} } },
    ]);
    expect(await client.listPackageNumbers("vcp-456")).to.deep.equal(["+19195551234", "+19195551235"]);
    const [first, second] = api().map((r) => new URL(r.url, "http://x"));
    expect(first.pathname).to.equal(`/v2/accounts/${accountId}/phoneNumbers/voice`);
    expect(first.searchParams.get("voiceConfigurationPackageId")).to.equal("vcp-456");
    expect(first.searchParams.get("afterCursor")).to.equal(null);
    expect(second.searchParams.get("afterCursor")).to.equal("+19195551234");
  });
});
