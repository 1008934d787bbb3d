/** Letting numbers go: un-import from Voice v1, then one (shared) disconnect order polled to a final status. */
import { numbersClient, optionalVoiceClient, sharedWaits, voiceLookups } from "../clients";
import { DisconnectPartialError, OrderStillPendingError } from "../errors";
import { BandwidthError } from "../http";
import type { NumbersClient } from "../numbers";
import { isPending } from "../numbers/watch";
import type { PhoneNumberOrderInputs, PhoneNumberOrderOutputs } from "../resources/phoneNumberOrder";
import { mapLimit, progress } from "../resources/lifecycle";
import { toE164 } from "../validation";
import { absorb, deadlineOf, holdingOf, label, ownOrderIds, sameAccount } from "./holding";
import { describeLost, proveOwnership } from "./ownership";
import { describe, settle } from "./placement";
import { unassign } from "./settings";

/** Disconnect errors that mean the number is already off the account, so there is nothing left to bill. */
export const ALREADY_GONE_CODES = new Set(["5006", "5076", "12738"]);

/** How a disconnect is sent: the PhoneNumberOrder inputs it reads (other resources send Bandwidth's defaults). */
export type DisconnectSettings = Partial<
  Pick<PhoneNumberOrderInputs, "disconnectMode" | "disconnectProtected" | "voiceConfigurationPackageId">
>;

/**
 * The hybrid teardown for some numbers: take them out of the resource's voice configuration package (when it has
 * one), un-import each from Voice v1 (when v1 credentials are configured), then one disconnect order polled to a
 * final status. Returns the numbers now off the account and what went wrong for others.
 * `who` names the resource in progress lines (a PhoneNumberOrder's label by default).
 */
export async function releaseNumbers(
  client: NumbersClient,
  inputs: DisconnectSettings & { resourceKey?: string; name?: string },
  tns: string[],
  deadlineMs: number,
  who: string = label(inputs),
): Promise<{ gone: Set<string>; problems: string[] }> {
  if (inputs.voiceConfigurationPackageId) await unassign(who, inputs.voiceConfigurationPackageId, tns);
  const voice = optionalVoiceClient();
  if (voice) {
    const unimported = await mapLimit(tns, 8, async (tn) => {
      const found = await voiceLookups(voice).byNumber(toE164(tn));
      if (!found) return 0;
      try {
        await voice.deleteNumber(found.id);
      } catch (e) {
        if (!(e instanceof BandwidthError && e.code === "NOT_FOUND")) throw e;
      }
      return 1;
    });
    const count = unimported.reduce((a: number, b: number) => a + b, 0);
    if (count > 0) progress(`${who}: un-imported ${count} number(s) from Voice v1`);
  }
  let lastStatus = "";
  const outcome = await sharedWaits(client).disconnects.disconnect(tns, {
    deadlineMs,
    disconnectMode: inputs.disconnectMode,
    protected: inputs.disconnectProtected as "TRUE" | "FALSE" | "UNCHANGED" | undefined,
    onStatus: (d, elapsedMs) => {
      if (d.status === lastStatus) return;
      lastStatus = d.status;
      progress(`${who}: disconnect ${d.disconnectId} is ${d.status} (${Math.round(elapsedMs / 1000)}s)`);
    },
  });
  const id = outcome.disconnectId;
  if (outcome.timedOut)
    return { gone: new Set(), problems: [`disconnect ${id} still ${outcome.status} at the deadline`] };
  if (outcome.status === "COMPLETE") return { gone: new Set(tns), problems: [] };
  const gone = new Set(outcome.disconnected);
  const problems: string[] = [];
  for (const e of outcome.errors) {
    // "Already gone" only when the error says so and the account confirms the number is not in service: 5006 is
    // documented generically as a disconnect error, and only its "not associated with your account" form means gone.
    const saysGone =
      ALREADY_GONE_CODES.has(e.code) &&
      e.telephoneNumber !== undefined &&
      (e.code !== "5006" || /not associated with your account/i.test(e.description));
    if (saysGone && !(await client.isInService(e.telephoneNumber!))) gone.add(e.telephoneNumber!);
    else problems.push(`disconnect ${id} ${outcome.status}: ${describe(e)}`);
  }
  // Numbers the disconnect neither took nor named: an error about the disconnect as a whole cannot be pinned on one
  // resource sharing it, so the account says each number's fate.
  const named = new Set(outcome.errors.map((e) => e.telephoneNumber));
  const unnamed = tns.filter((tn) => !gone.has(tn) && !named.has(tn));
  const inService = await mapLimit(unnamed, 8, (tn) => client.isInService(tn));
  const left = unnamed.filter((tn, i) => {
    if (!inService[i]) gone.add(tn);
    return inService[i];
  });
  if (left.length > 0) {
    const why = outcome.unattributed.map(describe).join("; ");
    problems.push(
      `disconnect ${id} ended ${outcome.status} without disconnecting ${left.join(", ")}${why ? `: ${why}` : ""}`,
    );
  }
  return { gone, problems };
}

/** Deletes a PhoneNumberOrder: closes open backorders, settles pending orders, then un-imports and disconnects every number held. */
export async function destroy(_id: string, props: PhoneNumberOrderOutputs): Promise<void> {
  const h = holdingOf(props);
  sameAccount(props, h);
  const client = numbersClient();
  const who = label(props);
  const deadline = deadlineOf(props);
  for (const orderId of [...h.pendingOrderIds]) {
    const order = await client.getOrder(orderId);
    if (order.status === "BACKORDERED") {
      // A backorder left open would fill later and bill numbers nobody manages.
      await client.updateOrder(orderId, { closeOrder: true });
      progress(`${who}: closed backorder ${orderId}`);
      absorb(h, await client.getOrder(orderId));
      h.pendingOrderIds = h.pendingOrderIds.filter((p) => p !== orderId);
    } else if (isPending(order.status)) {
      const { timedOut } = await settle(client, h, orderId, deadline, who);
      if (timedOut) throw new OrderStillPendingError(who, orderId, h.orderStatus);
    } else {
      absorb(h, order);
    }
  }
  if (h.telephoneNumbers.length === 0) return;
  // Only numbers still under the resource's own orders are let go: a retried destroy runs on the old outputs, and a
  // number may have been disconnected behind the stack's back and reconnected by another order since.
  const { owned, lost } = await proveOwnership(client, h.telephoneNumbers, {
    orderIds: ownOrderIds(h),
    accountId: h.accountId!,
    since: h.orderCreateDate,
  });
  if (lost.length > 0) {
    progress(`${who}: not disconnecting ${lost.length} number(s) no longer this resource's: ${describeLost(lost)}`);
  }
  if (owned.length === 0) return;
  const { gone, problems } = await releaseNumbers(client, props, owned, deadline);
  if (problems.length > 0) {
    const left = owned.filter((tn) => !gone.has(tn));
    throw new DisconnectPartialError(
      `${who}: could not disconnect ${left.length} number(s) (${left.join(", ")}): ${problems.join("; ")}`,
      "The resource stays in the stack; run `pulumi destroy` again to retry what is left.",
      left,
      problems,
    );
  }
  progress(`${who}: disconnected ${owned.length} number(s)`);
}
