// A Universal Platform account (Bandwidth after the API-user retirement of 2026-12-02): a site holds a location linked
// to a Messaging-V2 application; a Voice-V2 application answers calls through a voice configuration package; numbers
// ordered into the location are assigned to the package, assigned to a 10DLC campaign with SMS on, and show the
// caller's name. Every setting is changed in place: no number is ordered or released for it. `pulumi destroy` takes
// the numbers out of the package and disconnects them, then deletes the package, the location, the site and the
// applications: the engine takes that order from the outputs each resource is built from.
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();
const baseUrl = config.get("callbackBaseUrl") ?? "https://callbacks.example.com";

const site = new bw.Site("site", {
  name: config.get("siteName") ?? "UP example", // at most 10 characters
  description: "Created by the pulumi-bandwidth Universal Platform example",
});

// Messaging still links through the location (its SMS feature and messaging application settings).
const messaging = new bw.Application("messaging", {
  serviceType: "Messaging-V2",
  name: "universal platform messaging",
  inboundCallbackUrl: `${baseUrl}/messages`,
  requestedCallbackTypes: ["message-delivered", "message-failed"],
});
const location = new bw.Location("location", {
  siteId: site.siteId,
  name: config.get("locationName") ?? "universal platform location",
  messagingApplicationId: messaging.applicationId,
});

// Voice goes through a package: calls to the numbers assigned to it go to its Voice-V2 application.
const voice = new bw.Application("voice", {
  serviceType: "Voice-V2",
  name: "universal platform voice",
  callInitiatedCallbackUrl: `${baseUrl}/calls/initiated`,
  callStatusCallbackUrl: `${baseUrl}/calls/status`,
});
const inbound = new bw.VoiceConfigurationPackage("inbound", {
  description: "calls to the Universal Platform example's numbers",
  httpVoiceV2ApplicationId: voice.applicationId,
});

// The settings apply to every number the order holds, those a larger quantity adds included.
const numbers = new bw.PhoneNumberOrder("numbers", {
  siteId: site.siteId,
  peerId: location.locationId,
  areaCode: config.get("areaCode") ?? "919",
  quantity: config.getNumber("quantity") ?? 2,
  name: "pulumi-bandwidth universal platform example",
  voiceConfigurationPackageId: inbound.voiceConfigurationPackageId,
  messaging: { sms: true, campaignId: config.require("campaignId"), messageClass: config.get("messageClass") },
  callingNameDisplay: config.getBoolean("callingNameDisplay") ?? true,
});

export const telephoneNumbers = numbers.e164Numbers;
export const numberSettings = numbers.numberSettings;
export const siteId = site.siteId;
export const locationId = location.locationId;
export const voiceConfigurationPackageId = inbound.voiceConfigurationPackageId;
export const voiceApplicationId = voice.applicationId;
export const messagingApplicationId = messaging.applicationId;
