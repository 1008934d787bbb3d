import { expect } from "chai";
import { ApiError } from "../../provider/http/errors";
import { closeSharedPools } from "../../provider/http/transport";
import { NumbersClient } from "../../provider/numbers/client";
import { type CannedServer, reply, startCannedServer, uniqueAccount } from "../integration/clients/cannedServer";
import { rejection } from "../integration/resources/support";
import { missingPaths, xmlPaths } from "./paths";
import * as doc from "./platform-fixtures";

// The TN option order calls the number settings make, against numbers.yml's own examples.
describe("contract: the Numbers client's TN option orders and number details follow numbers.yml", function () {
  this.timeout(10_000);
  const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 2_000 };
  let server: CannedServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => closeSharedPools());

  async function answering(status: number, body: string, headers: Record<string, string> = {}) {
    server = await startCannedServer((_req, res) => reply(res, status, body, headers));
    const accountId = uniqueAccount("contract");
    const client = new NumbersClient({
      dashboardUrl: `${server.url}/api`,
      accountId,
      auth: { kind: "basic", username: "user", password: "pass" },
      transport: FAST,
    });
    return { client, accountId, server };
  }

  it("create: every element sent sits where the documented request puts it; the 201 example's id and RECEIVED are read", async () => {
    const { client, accountId, server: s } = await answering(201, doc.TNOPTION_ORDER_CREATE_RESPONSE);
    const created = await client.createTnOptionOrder({
      groups: [
        {
          telephoneNumbers: ["+12018551020"],
          sms: "on",
          callingNameDisplay: "on",
          portOutPasscode: "a1b2c3",
          a2p: { action: "asSpecified", campaignId: "campaignId010", messageClass: "M" },
        },
        { telephoneNumbers: ["2018551025"], callingNameDisplay: "off" },
      ],
    });
    expect(created).to.deep.equal({ orderId: "ddbdc72e-dc27-490c-904e-d0c11291b095", status: "RECEIVED" });
    const sent = s.requests[0];
    expect(sent.method).to.equal("POST");
    expect(sent.url).to.equal(`/api/accounts/${accountId}/tnoptions`);
    expect(missingPaths(xmlPaths(sent.body), xmlPaths(doc.TNOPTION_ORDER_CREATE_REQUEST))).to.deep.equal([]);
    // Numbers go as 10 digits, as the reference's example and the CLI's stripE164 send them.
    expect(sent.body).to.contain("<TelephoneNumber>2018551020</TelephoneNumber>").and.not.contain("+1");
  });

  it("create refused with the 409 example: a typed ApiError carrying Bandwidth's code, sent once", async () => {
    const { client, server: s } = await answering(409, doc.TNOPTION_ORDER_409_RESPONSE);
    const err = await rejection(
      client.createTnOptionOrder({ groups: [{ telephoneNumbers: ["2018551020"], sms: "on" }] }),
    );
    expect(err).to.be.instanceOf(ApiError);
    expect((err as unknown as ApiError).errors.map((e) => e.code)).to.deep.equal(["5200"]);
    expect(s.requests).to.have.length(1);
  });

  it("read: the 200 example is COMPLETE with no error", async () => {
    const { client } = await answering(200, doc.TNOPTION_ORDER_GET_RESPONSE);
    const o = await client.getTnOptionOrder("409033ee-88ec-43e3-85f3-538f30733963");
    expect(o).to.deep.include({ orderId: "409033ee-88ec-43e3-85f3-538f30733963", status: "COMPLETE", errors: [] });
    expect(o.orderCreateDate).to.equal("2016-01-15T11:22:58.789Z");
  });

  it("tndetails: the example's number and SMS state are read; what it does not show stays unset", async () => {
    const { client, server: s } = await answering(200, doc.TN_DETAILS_RESPONSE);
    const d = await client.getTnDetails("+12018981023");
    expect(s.requests[0].url).to.equal("/api/tns/2018981023/tndetails");
    expect(d).to.deep.equal({
      telephoneNumber: "2018981023",
      smsEnabled: true,
      campaignId: undefined,
      messageClass: undefined,
      callingNameDisplay: undefined,
    });
  });
});
