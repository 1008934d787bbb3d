// Bandwidth's current (v2) model: no import. A site holds a location (SIP peer); the location is linked to a
// Voice-V2 and a Messaging-V2 application; numbers ordered into the location use both. `pulumi destroy` disconnects
// the numbers, unlinks and deletes the location, then deletes the site and the applications: the engine takes that
// order from the outputs each resource is built from, with no step of yours.
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();
const baseUrl = config.get("callbackBaseUrl") ?? "https://callbacks.example.com";
// Optional basic auth on the callbacks: `pulumi config set --secret callbackPassword ...` (kept secret in state).
const callbackPassword = config.getSecret("callbackPassword");
const callbackCreds = callbackPassword
  ? { userId: config.get("callbackUser") ?? "bandwidth", password: callbackPassword }
  : undefined;

const site = new bw.Site("site", {
  name: config.get("siteName") ?? "v2 demo",
  description: "Created by the pulumi-bandwidth v2 example",
});

const voice = new bw.Application("voice", {
  serviceType: "Voice-V2",
  name: "v2 demo voice",
  callInitiatedCallbackUrl: config.get("voiceCallbackUrl") ?? `${baseUrl}/calls/initiated`,
  callStatusCallbackUrl: `${baseUrl}/calls/status`,
  callbackCreds,
});

// Blue/green messaging: `pulumi config set messagingSlot green` creates the green application, relinks the location
// to it in place, and only then deletes the blue one, so messages always have an application to go to.
const slot = config.get("messagingSlot") ?? "blue";
const messaging = new bw.Application(`messaging-${slot}`, {
  serviceType: "Messaging-V2",
  name: `v2 demo messaging ${slot}`,
  inboundCallbackUrl: `${baseUrl}/messages/${slot}`,
  requestedCallbackTypes: ["message-delivered", "message-failed"],
  inboundCallbackCreds: callbackCreds,
});

const location = new bw.Location("location", {
  siteId: site.siteId,
  name: config.get("locationName") ?? "v2 demo location",
  voiceApplicationId: voice.applicationId,
  messagingApplicationId: messaging.applicationId,
});

const numbers = new bw.PhoneNumberOrder("numbers", {
  siteId: site.siteId,
  peerId: location.locationId,
  areaCode: config.get("areaCode") ?? "919",
  quantity: config.getNumber("quantity") ?? 2,
  name: "pulumi-bandwidth v2 example",
});

export const telephoneNumbers = numbers.e164Numbers;
export const siteId = site.siteId;
export const locationId = location.locationId;
export const voiceApplicationId = voice.applicationId;
export const messagingApplicationId = messaging.applicationId;
