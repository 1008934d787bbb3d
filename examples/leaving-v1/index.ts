// The hybrid stack (examples/hybrid) after leaving the v1 import (README "Leaving the v1 import"): the same
// PhoneNumberOrder, now with a peerId, so its numbers were moved into a location linked to Voice-V2 and Messaging-V2
// applications; the VoiceImports are gone, which un-imported the numbers from v1 without disconnecting any.
// Run against a stack made by examples/hybrid, in two `pulumi up`s: first this program with the VoiceImports of the
// hybrid example still in it (the order's update moves the numbers), then this program as it is (the imports'
// deletes un-import them).
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();
const siteId = config.get("siteId") ?? "461";

const voice = new bw.Application("voice", {
  serviceType: "Voice-V2",
  callInitiatedCallbackUrl: config.get("callUrl") ?? "https://example.com/calls",
});
const messaging = new bw.Application("messaging", {
  serviceType: "Messaging-V2",
  inboundCallbackUrl: config.get("messageUrl") ?? "https://example.com/messages",
});
const location = new bw.Location("calls", {
  siteId,
  voiceApplicationId: voice.applicationId,
  messagingApplicationId: messaging.applicationId,
});

// The resource name and every input but peerId are the hybrid example's: the same order, updated in place.
const numbers = new bw.PhoneNumberOrder("numbers", {
  siteId,
  peerId: location.locationId,
  areaCode: config.get("areaCode") ?? "919",
  quantity: config.getNumber("quantity") ?? 2,
  name: config.get("orderName") ?? "pulumi-bandwidth hybrid example",
  timeoutSeconds: config.getNumber("timeoutSeconds"),
});

export const telephoneNumbers = numbers.e164Numbers;
export const locationId = location.locationId;
export const moveOrderIds = numbers.moveOrderIds;
