// Generated from provider/schema/application.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** Basic-auth credentials Bandwidth sends with its callbacks. Kept secret in state; Bandwidth never echoes the password. */
export interface CallbackCredentialsArgs {
  /** The user name Bandwidth sends (6 to 63 characters). */
  userId: pulumi.Input<string>;
  /** The password Bandwidth sends (6 to 63 characters). Secret: never shown in clear in state, diffs or logs. */
  password: pulumi.Input<string>;
}

/** Basic-auth credentials Bandwidth sends with its callbacks. Kept secret in state; Bandwidth never echoes the password. As checked and kept in state. */
export interface CallbackCredentialsValue {
  /** The user name Bandwidth sends (6 to 63 characters). */
  userId: string;
  /** The password Bandwidth sends (6 to 63 characters). Secret: never shown in clear in state, diffs or logs. */
  password: string;
}

/** The arguments of an Application: a Voice-V2 or Messaging-V2 application on the Bandwidth Dashboard account. */
export interface ApplicationArgs {
  /** `Voice-V2` or `Messaging-V2`. Bandwidth never changes it (12964), so changing it replaces the application. */
  serviceType: pulumi.Input<"Voice-V2" | "Messaging-V2">;
  /** The application's name in Bandwidth (AppName). Updated in place. Default: the resource name. */
  name?: pulumi.Input<string>;
  /** Voice: where Bandwidth sends the call-initiated callback (required for Voice-V2). Updated in place. */
  callInitiatedCallbackUrl?: pulumi.Input<string>;
  /** Voice: the call-initiated callback's method (Bandwidth's default POST). Updated in place. */
  callInitiatedMethod?: pulumi.Input<"GET" | "POST">;
  /** Voice: where Bandwidth sends call status callbacks (rejected, hung up, ...). Updated in place; removing it clears it. */
  callStatusCallbackUrl?: pulumi.Input<string>;
  /** Voice: the call status callbacks' method (Bandwidth's default POST). Updated in place. */
  callStatusMethod?: pulumi.Input<"GET" | "POST">;
  /** Voice: credentials sent with the call callbacks (the URLs must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  callbackCreds?: pulumi.Input<CallbackCredentialsArgs>;
  /** Voice: where Bandwidth retries the call-initiated callback when the main URL fails. Updated in place; removing it clears it. */
  callInitiatedFallbackUrl?: pulumi.Input<string>;
  /** Voice: the fallback callback's method. Updated in place. */
  callInitiatedFallbackMethod?: pulumi.Input<"GET" | "POST">;
  /** Voice: credentials sent with the fallback callback (its URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  callInitiatedFallbackCreds?: pulumi.Input<CallbackCredentialsArgs>;
  /** Voice: seconds Bandwidth waits for a callback answer, 1 to 25. Updated in place. */
  callbackTimeout?: pulumi.Input<number>;
  /** Messaging: where Bandwidth sends inbound messages (required for Messaging-V2). Updated in place. */
  inboundCallbackUrl?: pulumi.Input<string>;
  /** Messaging: where Bandwidth sends delivery status of outbound messages. Updated in place; removing it clears it. */
  outboundCallbackUrl?: pulumi.Input<string>;
  /** Messaging: credentials sent with inbound callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  inboundCallbackCreds?: pulumi.Input<CallbackCredentialsArgs>;
  /** Messaging: credentials sent with outbound status callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  outboundCallbackCreds?: pulumi.Input<CallbackCredentialsArgs>;
  /** Messaging: which status callbacks to receive (kept sorted). Updated in place. */
  requestedCallbackTypes?: pulumi.Input<pulumi.Input<"message-delivered" | "message-failed" | "message-sending">[]>;
}

/** The checked inputs of an Application. */
export interface ApplicationInputs {
  /** `Voice-V2` or `Messaging-V2`. Bandwidth never changes it (12964), so changing it replaces the application. */
  serviceType: "Voice-V2" | "Messaging-V2";
  /** The application's name in Bandwidth (AppName). Updated in place. Default: the resource name. */
  name: string;
  /** Voice: where Bandwidth sends the call-initiated callback (required for Voice-V2). Updated in place. */
  callInitiatedCallbackUrl?: string;
  /** Voice: the call-initiated callback's method (Bandwidth's default POST). Updated in place. */
  callInitiatedMethod?: "GET" | "POST";
  /** Voice: where Bandwidth sends call status callbacks (rejected, hung up, ...). Updated in place; removing it clears it. */
  callStatusCallbackUrl?: string;
  /** Voice: the call status callbacks' method (Bandwidth's default POST). Updated in place. */
  callStatusMethod?: "GET" | "POST";
  /** Voice: credentials sent with the call callbacks (the URLs must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  callbackCreds?: CallbackCredentialsValue;
  /** Voice: where Bandwidth retries the call-initiated callback when the main URL fails. Updated in place; removing it clears it. */
  callInitiatedFallbackUrl?: string;
  /** Voice: the fallback callback's method. Updated in place. */
  callInitiatedFallbackMethod?: "GET" | "POST";
  /** Voice: credentials sent with the fallback callback (its URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  callInitiatedFallbackCreds?: CallbackCredentialsValue;
  /** Voice: seconds Bandwidth waits for a callback answer, 1 to 25. Updated in place. */
  callbackTimeout?: number;
  /** Messaging: where Bandwidth sends inbound messages (required for Messaging-V2). Updated in place. */
  inboundCallbackUrl?: string;
  /** Messaging: where Bandwidth sends delivery status of outbound messages. Updated in place; removing it clears it. */
  outboundCallbackUrl?: string;
  /** Messaging: credentials sent with inbound callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  inboundCallbackCreds?: CallbackCredentialsValue;
  /** Messaging: credentials sent with outbound status callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  outboundCallbackCreds?: CallbackCredentialsValue;
  /** Messaging: which status callbacks to receive (kept sorted). Updated in place. */
  requestedCallbackTypes?: ("message-delivered" | "message-failed" | "message-sending")[];
}

/** What an Application holds: the inputs as Bandwidth reports them, plus its id. */
export interface ApplicationOutputs extends ApplicationInputs {
  /** Bandwidth's id of the application (a UUID), also the resource id: pass it as a Location's `voiceApplicationId` or `messagingApplicationId`. */
  applicationId: string;
}

/** The outputs a Application resource declares: each a `pulumi.Output` of what the state holds. */
export interface ApplicationResourceOutputs {
  /** `Voice-V2` or `Messaging-V2`. Bandwidth never changes it (12964), so changing it replaces the application. */
  readonly serviceType: pulumi.Output<"Voice-V2" | "Messaging-V2">;
  /** The application's name in Bandwidth (AppName). Updated in place. Default: the resource name. */
  readonly name: pulumi.Output<string>;
  /** Voice: where Bandwidth sends the call-initiated callback (required for Voice-V2). Updated in place. */
  readonly callInitiatedCallbackUrl: pulumi.Output<string | undefined>;
  /** Voice: the call-initiated callback's method (Bandwidth's default POST). Updated in place. */
  readonly callInitiatedMethod: pulumi.Output<"GET" | "POST" | undefined>;
  /** Voice: where Bandwidth sends call status callbacks (rejected, hung up, ...). Updated in place; removing it clears it. */
  readonly callStatusCallbackUrl: pulumi.Output<string | undefined>;
  /** Voice: the call status callbacks' method (Bandwidth's default POST). Updated in place. */
  readonly callStatusMethod: pulumi.Output<"GET" | "POST" | undefined>;
  /** Voice: credentials sent with the call callbacks (the URLs must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  readonly callbackCreds: pulumi.Output<CallbackCredentialsValue | undefined>;
  /** Voice: where Bandwidth retries the call-initiated callback when the main URL fails. Updated in place; removing it clears it. */
  readonly callInitiatedFallbackUrl: pulumi.Output<string | undefined>;
  /** Voice: the fallback callback's method. Updated in place. */
  readonly callInitiatedFallbackMethod: pulumi.Output<"GET" | "POST" | undefined>;
  /** Voice: credentials sent with the fallback callback (its URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  readonly callInitiatedFallbackCreds: pulumi.Output<CallbackCredentialsValue | undefined>;
  /** Voice: seconds Bandwidth waits for a callback answer, 1 to 25. Updated in place. */
  readonly callbackTimeout: pulumi.Output<number | undefined>;
  /** Messaging: where Bandwidth sends inbound messages (required for Messaging-V2). Updated in place. */
  readonly inboundCallbackUrl: pulumi.Output<string | undefined>;
  /** Messaging: where Bandwidth sends delivery status of outbound messages. Updated in place; removing it clears it. */
  readonly outboundCallbackUrl: pulumi.Output<string | undefined>;
  /** Messaging: credentials sent with inbound callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  readonly inboundCallbackCreds: pulumi.Output<CallbackCredentialsValue | undefined>;
  /** Messaging: credentials sent with outbound status callbacks (the URL must then be https). Updated in place. Secret: never shown in clear in state, diffs or logs. */
  readonly outboundCallbackCreds: pulumi.Output<CallbackCredentialsValue | undefined>;
  /** Messaging: which status callbacks to receive (kept sorted). Updated in place. */
  readonly requestedCallbackTypes: pulumi.Output<
    ("message-delivered" | "message-failed" | "message-sending")[] | undefined
  >;
  /** Bandwidth's id of the application (a UUID), also the resource id: pass it as a Location's `voiceApplicationId` or `messagingApplicationId`. */
  readonly applicationId: pulumi.Output<string>;
}
