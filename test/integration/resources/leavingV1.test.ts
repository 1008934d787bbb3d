import { expect } from "chai";
import { providers } from "../../../provider";
import { emulatorSuite, engineCreate, engineUpdate } from "./support";

const order = providers.phoneNumberOrder;
const voiceImport = providers.voiceImport;
const app = providers.application;
const location = providers.location;

/**
 * README "Leaving the v1 import", driven the engine's way: step 1 adds applications and a location and moves the
 * order's numbers into it (an update); step 2 removes the VoiceImports (deletes, with their old outputs). Orders,
 * disconnects, moves and numbers are counted: the same numbers stay in service throughout.
 */
describe("leaving the v1 import for a linked location, without losing a number", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const site = () => ctx.emu.credentials.siteId;
  const inService = () => ctx.emu.model.numbersInService(account());
  const orders = () => ctx.emu.model.listOrders(account()).length;
  const disconnects = () => ctx.emu.model.listDisconnects(account()).length;
  const imported = () => ctx.emu.model.listVoiceNumbers(ctx.emu.credentials.userId);

  it("moves the numbers into the location, then un-imports them: 1 order, 0 disconnects, the same numbers", async () => {
    // The v1 stack: two numbers, each imported.
    const orderArgs = { siteId: site(), resourceKey: "proj/test/numbers", areaCode: "919", quantity: 2 };
    const numbers = await engineCreate(order, orderArgs);
    const held = numbers.outs.telephoneNumbers as string[];
    const imports = await Promise.all(
      (numbers.outs.e164Numbers as string[]).map((n) =>
        engineCreate(voiceImport, { number: n, applicationId: "a-v1" }),
      ),
    );
    expect(imported()).to.have.length(2);

    // Step 1: applications, a location linked to them, and the order's peerId set to it.
    const voice = await engineCreate(app, {
      serviceType: "Voice-V2",
      name: "voice",
      callInitiatedCallbackUrl: "https://example.com/calls",
    });
    const messaging = await engineCreate(app, {
      serviceType: "Messaging-V2",
      name: "messaging",
      inboundCallbackUrl: "https://example.com/messages",
    });
    const loc = await engineCreate(location, {
      siteId: site(),
      name: "calls",
      voiceApplicationId: voice.id,
      messagingApplicationId: messaging.id,
    });
    const moved = await engineUpdate(order, numbers.id, numbers.outs, { ...orderArgs, peerId: loc.id });
    expect(moved.diff.replaces ?? []).to.deep.equal([]);
    expect(moved.outs.telephoneNumbers).to.deep.equal(held);
    expect(moved.outs.moveOrderIds).to.have.length(1);
    expect(ctx.emu.model.provisioning.peerNumbers(account(), site(), loc.id)).to.have.members(held);

    // Step 2: the VoiceImports leave the program; the engine deletes them with their old outputs.
    for (const v of imports) await voiceImport.delete!(v.id, v.outs);

    expect(imported()).to.deep.equal([]);
    expect(inService()).to.have.members(held);
    expect(orders()).to.equal(1);
    expect(disconnects()).to.equal(0);
    // The next `pulumi up` of the new program changes nothing.
    const again = await engineUpdate(order, numbers.id, moved.outs, { ...orderArgs, peerId: loc.id });
    expect(again.diff.changes).to.equal(false);
  });
});
