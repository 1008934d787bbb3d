import { expect } from "chai";
import { getAvailableNumbers, providers } from "../../../provider";
import { child, readXml, texts } from "../../../provider/numbers/xml";
import { emulatorSuite, engineCreate, engineUpdate, rejection } from "./support";

const order = providers.phoneNumberOrder;

/**
 * Reserved numbers are ordered with their reservation ids (`ExistingTelephoneNumberOrderType` holds a
 * `ReservationIdList` next to the `TelephoneNumberList`: Bandwidth's CreateOrder reference and the PHP SDK's reserved
 * order fixture). A number added to a resource later is ordered by an extra order, which must carry the reservation
 * ids added with it, and only those: the first order's reservations are used up.
 */
describe("PhoneNumberOrder reserved numbers", function () {
  this.timeout(30_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const args = (extra: Record<string, unknown>) => ({
    siteId: ctx.emu.credentials.siteId,
    resourceKey: "proj/test/reserved",
    ...extra,
  });
  /** The ReservationIdList of each order POST, in the order they were sent. */
  const reservationsSent = () =>
    ctx.emu
      .requestLog()
      .filter((r) => r.method === "POST" && /\/orders$/.test(r.path))
      .map((r) => {
        const type = child(child(readXml(r.body ?? ""), "Order"), "ExistingTelephoneNumberOrderType");
        return {
          numbers: texts(child(type, "TelephoneNumberList"), "TelephoneNumber"),
          reservations: texts(child(type, "ReservationIdList"), "ReservationId"),
        };
      });

  it("an extra order for an added reserved number carries the reservation id added with it", async () => {
    const [a, b, c] = (await getAvailableNumbers({ areaCode: "919", quantity: 3 })).map((n) => n.telephoneNumber);
    const first = await engineCreate(order, args({ telephoneNumbers: [a, b], reservationIds: ["res-a", "res-b"] }));
    const up = await engineUpdate(
      order,
      first.id,
      first.outs,
      args({ telephoneNumbers: [a, b, c], reservationIds: ["res-a", "res-b", "res-c"] }),
    );
    expect(up.diff.replaces ?? []).to.deep.equal([], "adding a number updates in place");
    expect(up.outs.telephoneNumbers).to.deep.equal([a, b, c]);
    expect(reservationsSent()).to.deep.equal([
      { numbers: [a, b], reservations: ["res-a", "res-b"] },
      { numbers: [c], reservations: ["res-c"] },
    ]);
    expect(ctx.emu.model.listOrders(account())).to.have.length(2);
  });

  it("an extra order for an added number that is not reserved sends no reservation id", async () => {
    const [a, b] = (await getAvailableNumbers({ areaCode: "919", quantity: 2 })).map((n) => n.telephoneNumber);
    const first = await engineCreate(order, args({ telephoneNumbers: [a], reservationIds: ["res-a"] }));
    await engineUpdate(order, first.id, first.outs, args({ telephoneNumbers: [a, b], reservationIds: ["res-a"] }));
    expect(reservationsSent()).to.deep.equal([
      { numbers: [a], reservations: ["res-a"] },
      { numbers: [b], reservations: [] },
    ]);
  });
  it("a reserved number whose extra order failed keeps its reservation id out of the state, so the retry sends it again", async () => {
    const [a] = (await getAvailableNumbers({ areaCode: "919", quantity: 1 })).map((n) => n.telephoneNumber);
    const c = "9195550142"; // not in stock yet: its first order fails
    expect(ctx.emu.model.tn(c)).to.equal(undefined);
    const first = await engineCreate(order, args({ telephoneNumbers: [a], reservationIds: ["res-a"] }));
    const wanted = args({ telephoneNumbers: [a, c], reservationIds: ["res-a", "res-c"] });
    const failed = await rejection(engineUpdate(order, first.id, first.outs, wanted));
    const kept = failed.properties as Record<string, unknown>;
    expect(kept, failed.message).to.be.an("object");
    expect(kept.telephoneNumbers).to.deep.equal([a]);
    expect(kept.reservationIds).to.deep.equal(["res-a"], "res-c is not used up yet");
    ctx.emu.model.restockNumbers([c]);
    const retried = await engineUpdate(order, first.id, kept, wanted);
    expect(retried.outs.telephoneNumbers).to.deep.equal([a, c]);
    expect(retried.outs.reservationIds).to.deep.equal(["res-a", "res-c"]);
    expect(reservationsSent()).to.deep.equal([
      { numbers: [a], reservations: ["res-a"] },
      { numbers: [c], reservations: ["res-c"] },
      { numbers: [c], reservations: ["res-c"] },
    ]);
  });
});
