// Generated from provider/schema/phoneNumberOrder.ts, provider/schema/existingNumbers.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** Text messaging on the numbers: SMS on or off, and the 10DLC campaign US carriers require. */
export interface NumberMessagingArgs {
  /** SMS on (`true`) or off (`false`) on each number: TN option `Sms`. */
  sms?: pulumi.Input<boolean>;
  /** The 10DLC campaign each number is assigned to (TN option `A2pSettings`, action `asSpecified`); US carriers refuse messages from an unassigned number. Needs SMS on. */
  campaignId?: pulumi.Input<string>;
  /** The campaign's message class, sent with `campaignId`. */
  messageClass?: pulumi.Input<string>;
}

/** Text messaging on the numbers: SMS on or off, and the 10DLC campaign US carriers require. As checked and kept in state. */
export interface NumberMessaging {
  /** SMS on (`true`) or off (`false`) on each number: TN option `Sms`. */
  sms?: boolean;
  /** The 10DLC campaign each number is assigned to (TN option `A2pSettings`, action `asSpecified`); US carriers refuse messages from an unassigned number. Needs SMS on. */
  campaignId?: string;
  /** The campaign's message class, sent with `campaignId`. */
  messageClass?: string;
}

/** One number's settings as read back from Bandwidth. */
export interface NumberSettingArgs {
  /** The voice configuration package the number is assigned to (of the one the resource manages). */
  voiceConfigurationPackageId?: pulumi.Input<string>;
  /** Whether SMS is on (`MessagingSettings/SmsEnabled`). */
  sms?: pulumi.Input<boolean>;
  /** Its 10DLC campaign (`MessagingSettings/CampaignId`). */
  campaignId?: pulumi.Input<string>;
  /** Its message class (`MessagingSettings/MessageClass`). */
  messageClass?: pulumi.Input<string>;
  /** Whether calling name display is on (`TnOptions`). */
  callingNameDisplay?: pulumi.Input<boolean>;
  /** Whether the resource's `portOutPasscode` was set on the number. Bandwidth never reads a passcode back, so this is what the resource's own TN option orders reported. */
  portOutPasscodeSet?: pulumi.Input<boolean>;
}

/** One number's settings as read back from Bandwidth. As checked and kept in state. */
export interface NumberSetting {
  /** The voice configuration package the number is assigned to (of the one the resource manages). */
  voiceConfigurationPackageId?: string;
  /** Whether SMS is on (`MessagingSettings/SmsEnabled`). */
  sms?: boolean;
  /** Its 10DLC campaign (`MessagingSettings/CampaignId`). */
  campaignId?: string;
  /** Its message class (`MessagingSettings/MessageClass`). */
  messageClass?: string;
  /** Whether calling name display is on (`TnOptions`). */
  callingNameDisplay?: boolean;
  /** Whether the resource's `portOutPasscode` was set on the number. Bandwidth never reads a passcode back, so this is what the resource's own TN option orders reported. */
  portOutPasscodeSet?: boolean;
}
