/** Application's schema: every field once. The operations are in provider/resources/application.ts. */
import type { Field, FieldType, ObjectType, ResourceSchema } from "./types";

/** Basic-auth credentials Bandwidth sends with its callbacks. */
export const callbackCredentialsType: ObjectType = {
  name: "CallbackCredentials",
  argsName: "CallbackCredentialsArgs",
  valueName: "CallbackCredentialsValue",
  description:
    "Basic-auth credentials Bandwidth sends with its callbacks. Kept secret in state; Bandwidth never echoes the password.",
  properties: {
    userId: { type: "string", description: "The user name Bandwidth sends (6 to 63 characters).", required: true },
    password: {
      type: "string",
      description: "The password Bandwidth sends (6 to 63 characters).",
      required: true,
      secret: true,
    },
  },
};

const METHOD: FieldType = { enum: ["GET", "POST"] };

const setting = (type: FieldType, description: string, secret = false): Field => ({
  type,
  description,
  role: "input",
  change: "update",
  ...(secret && { secret }),
});

const creds = (description: string): Field => setting({ object: callbackCredentialsType }, description, true);

export const applicationSchema: ResourceSchema = {
  name: "Application",
  source: "provider/schema/application.ts",
  description:
    "A Voice-V2 or Messaging-V2 application: the callbacks Bandwidth calls for the numbers of every Location linked " +
    "to it. Bandwidth's current (v2) model; no import of numbers is involved.",
  argsDescription:
    "The arguments of an Application: a Voice-V2 or Messaging-V2 application on the Bandwidth Dashboard account.",
  inputsDescription: "The checked inputs of an Application.",
  outputsDescription: "What an Application holds: the inputs as Bandwidth reports them, plus its id.",
  fields: {
    serviceType: {
      type: { enum: ["Voice-V2", "Messaging-V2"] },
      description:
        "`Voice-V2` or `Messaging-V2`. Bandwidth never changes it (12964), so changing it replaces the application.",
      role: "input",
      change: "replace",
      required: true,
    },
    name: {
      type: "string",
      description: "The application's name in Bandwidth (AppName). Updated in place.",
      role: "input",
      change: "update",
      default: { computed: "the resource name" },
      always: true,
    },
    callInitiatedCallbackUrl: setting(
      "string",
      "Voice: where Bandwidth sends the call-initiated callback (required for Voice-V2). Updated in place.",
    ),
    callInitiatedMethod: setting(
      METHOD,
      "Voice: the call-initiated callback's method (Bandwidth's default POST). Updated in place.",
    ),
    callStatusCallbackUrl: setting(
      "string",
      "Voice: where Bandwidth sends call status callbacks (rejected, hung up, ...). Updated in place; removing it clears it.",
    ),
    callStatusMethod: setting(
      METHOD,
      "Voice: the call status callbacks' method (Bandwidth's default POST). Updated in place.",
    ),
    callbackCreds: creds(
      "Voice: credentials sent with the call callbacks (the URLs must then be https). Updated in place.",
    ),
    callInitiatedFallbackUrl: setting(
      "string",
      "Voice: where Bandwidth retries the call-initiated callback when the main URL fails. Updated in place; removing it clears it.",
    ),
    callInitiatedFallbackMethod: setting(METHOD, "Voice: the fallback callback's method. Updated in place."),
    callInitiatedFallbackCreds: creds(
      "Voice: credentials sent with the fallback callback (its URL must then be https). Updated in place.",
    ),
    callbackTimeout: setting(
      "integer",
      "Voice: seconds Bandwidth waits for a callback answer, 1 to 25. Updated in place.",
    ),
    inboundCallbackUrl: setting(
      "string",
      "Messaging: where Bandwidth sends inbound messages (required for Messaging-V2). Updated in place.",
    ),
    outboundCallbackUrl: setting(
      "string",
      "Messaging: where Bandwidth sends delivery status of outbound messages. Updated in place; removing it clears it.",
    ),
    inboundCallbackCreds: creds(
      "Messaging: credentials sent with inbound callbacks (the URL must then be https). Updated in place.",
    ),
    outboundCallbackCreds: creds(
      "Messaging: credentials sent with outbound status callbacks (the URL must then be https). Updated in place.",
    ),
    requestedCallbackTypes: setting(
      { array: { enum: ["message-delivered", "message-failed", "message-sending"] } },
      "Messaging: which status callbacks to receive (kept sorted). Updated in place.",
    ),
    applicationId: {
      type: "string",
      description:
        "Bandwidth's id of the application (a UUID), also the resource id: pass it as a Location's " +
        "`voiceApplicationId` or `messagingApplicationId`.",
      role: "output",
      always: true,
    },
  },
};
