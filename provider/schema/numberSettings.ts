/**
 * The number settings PhoneNumberOrder and ExistingNumbers both take, declared once and spread into both schemas:
 * applied to every number the resource holds (numbers added later too), each changed in place, never by replacing a
 * number. The operations are in provider/orders/settings.ts.
 */
import type { Field, ObjectType } from "./types";

/** The messaging input: SMS and the 10DLC campaign, set by TN option orders. */
export const numberMessagingType: ObjectType = {
  name: "NumberMessaging",
  argsName: "NumberMessagingArgs",
  valueName: "NumberMessaging",
  description: "Text messaging on the numbers: SMS on or off, and the 10DLC campaign US carriers require.",
  properties: {
    sms: {
      type: "boolean",
      description: "SMS on (`true`) or off (`false`) on each number: TN option `Sms`.",
    },
    campaignId: {
      type: "string",
      description:
        "The 10DLC campaign each number is assigned to (TN option `A2pSettings`, action `asSpecified`); US " +
        "carriers refuse messages from an unassigned number. Needs SMS on.",
    },
    messageClass: {
      type: "string",
      description: "The campaign's message class, sent with `campaignId`.",
    },
  },
};

/** One number's settings as Bandwidth reports them. */
export const numberSettingType: ObjectType = {
  name: "NumberSetting",
  argsName: "NumberSettingArgs",
  valueName: "NumberSetting",
  description: "One number's settings as read back from Bandwidth.",
  properties: {
    voiceConfigurationPackageId: {
      type: "string",
      description: "The voice configuration package the number is assigned to (of the one the resource manages).",
    },
    sms: { type: "boolean", description: "Whether SMS is on (`MessagingSettings/SmsEnabled`)." },
    campaignId: { type: "string", description: "Its 10DLC campaign (`MessagingSettings/CampaignId`)." },
    messageClass: { type: "string", description: "Its message class (`MessagingSettings/MessageClass`)." },
    callingNameDisplay: { type: "boolean", description: "Whether calling name display is on (`TnOptions`)." },
    portOutPasscodeSet: {
      type: "boolean",
      description:
        "Whether the resource's `portOutPasscode` was set on the number. Bandwidth never reads a passcode back, " +
        "so this is what the resource's own TN option orders reported.",
    },
  },
};

const setting = (type: Field["type"], description: string, secret = false): Field => ({
  type,
  description,
  role: "input",
  change: "update",
  ...(secret && { secret }),
});

/** The settings' inputs, in the order they are documented. */
export const numberSettingsInputs: Readonly<Record<string, Field>> = {
  voiceConfigurationPackageId: setting(
    "string",
    "Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk " +
      "assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In " +
      "place: no number is ordered or released.",
  ),
  messaging: setting(
    { object: numberMessagingType },
    "SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the " +
      "program is left on the numbers as it is.",
  ),
  callingNameDisplay: setting(
    "boolean",
    "Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it " +
      "is left as it is.",
  ),
  portOutPasscode: setting(
    "string",
    "The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 " +
      "letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In " +
      "place; removed from the program, it is left as it is.",
    true,
  ),
};

/** The settings' output: each number's settings as read back. */
export const numberSettingsOutput: Field = {
  type: { map: { object: numberSettingType } },
  description:
    "Each number's settings as Bandwidth reports them, keyed by the 10-digit number: what the resource's option " +
    "orders and package assignment set, and on refresh what Bandwidth holds now (a change made outside the stack " +
    "shows, and the next `pulumi up` sets the program's values again). Empty when no setting is given.",
  role: "output",
};
