import { expect } from "chai";
import { providers } from "../../../provider";
import { type DisconnectInfo, NumbersClient } from "../../../provider/numbers";
import { type PhoneNumberOrderInputs } from "../../../provider/resources/phoneNumberOrder";
import { releaseNumbers } from "../../../provider/orders/teardown";
import { emulatorSuite, engineCreate } from "./support";

const order = providers.phoneNumberOrder;

/** An error about a disconnect as a whole: it names no number, so no resource sharing the disconnect owns it. */
const WHOLE = { code: "9999", description: "an error about the disconnect as a whole" };

/**
 * A disconnect that ends PARTIAL or FAILED with an error naming no number (the emulator names a number in every
 * error, so the answer is rewritten on its way back; requests and numbers are the emulator's own). A resource whose
 * number the disconnect neither took nor named learns that number's fate from the account, not from the error.
 */
describe("PhoneNumberOrder teardown after an error naming no number", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;

  /** A client whose disconnect reads report `rewrite` of what the emulator answered. */
  const clientAnswering = (rewrite: (d: DisconnectInfo) => DisconnectInfo) => {
    const client = new NumbersClient({
      dashboardUrl: ctx.emu.dashboardUrl,
      accountId: account(),
      auth: { kind: "basic", username: ctx.emu.credentials.username, password: ctx.emu.credentials.password },
    });
    const read = client.getDisconnect.bind(client);
    client.getDisconnect = async (id: string) => rewrite(await read(id));
    return client;
  };
  const held = async (name: string) => {
    const { outs } = await engineCreate(order, {
      siteId: ctx.emu.credentials.siteId,
      areaCode: "919",
      resourceKey: `proj/test/${name}`,
    });
    return { inputs: outs as unknown as PhoneNumberOrderInputs, tn: (outs.telephoneNumbers as string[])[0] };
  };

  it("a number the account no longer has counts as disconnected, whatever the error about the whole says", async () => {
    const { inputs, tn } = await held("gone");
    const client = clientAnswering((d) =>
      d.status === "COMPLETE" ? { ...d, status: "PARTIAL", disconnectedNumbers: [], errors: [WHOLE] } : d,
    );
    const { gone, problems } = await releaseNumbers(client, inputs, [tn], Date.now() + 10_000);
    expect(problems).to.deep.equal([]);
    expect([...gone]).to.deep.equal([tn]);
    expect(ctx.emu.model.numbersInService(account())).to.deep.equal([]);
  });

  it("a number still in service is a problem that quotes the error about the whole, so the resource stays", async () => {
    const { inputs, tn } = await held("kept");
    ctx.emu.setDelays({ disconnectDelayMs: 60_000 }); // Bandwidth has not acted yet when the answer says FAILED
    const client = clientAnswering((d) => ({ ...d, status: "FAILED", disconnectedNumbers: [], errors: [WHOLE] }));
    const { gone, problems } = await releaseNumbers(client, inputs, [tn], Date.now() + 10_000);
    expect([...gone]).to.deep.equal([]);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include(`without disconnecting ${tn}`).and.include("9999 an error about the disconnect");
    expect(ctx.emu.model.numbersInService(account())).to.deep.equal([tn]);
  });
});
