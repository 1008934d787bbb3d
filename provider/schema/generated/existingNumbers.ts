// Generated from provider/schema/existingNumbers.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type { NumberMessagingArgs, NumberMessaging, NumberSetting } from "./shared";

/** The arguments of an ExistingNumbers: which numbers already on the account it manages. */
export interface ExistingNumbersArgs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  telephoneNumbers: pulumi.Input<pulumi.Input<string>[]>;
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  releaseOnDelete?: pulumi.Input<boolean>;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  voiceConfigurationPackageId?: pulumi.Input<string>;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  messaging?: pulumi.Input<NumberMessagingArgs>;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  callingNameDisplay?: pulumi.Input<boolean>;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  portOutPasscode?: pulumi.Input<string>;
  /** How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  timeoutSeconds?: pulumi.Input<number>;
}

/** The checked, normalised inputs of an ExistingNumbers as the provider sees them. */
export interface ExistingNumbersInputs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  telephoneNumbers: string[];
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  releaseOnDelete: boolean;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  voiceConfigurationPackageId?: string;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  messaging?: NumberMessaging;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  callingNameDisplay?: boolean;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  portOutPasscode?: string;
  /** How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  timeoutSeconds: number;
  /** `project/stack/resource-name`, set by the resource class: names the resource in progress lines and errors. */
  resourceKey?: string;
}

/** What an ExistingNumbers holds after create, update or refresh: its inputs and what it holds. */
export interface ExistingNumbersOutputs extends ExistingNumbersInputs {
  /** The numbers held in E.164 (+1...), index for index with `telephoneNumbers`. */
  e164Numbers: string[];
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  accountId: string;
  /** The orders Bandwidth named as the numbers' own when the stack took them: a number later found in service under another order (disconnected and reconnected by someone else) is no longer this resource's and is never disconnected or re-configured by it. */
  orderIds: string[];
  /** Each number's settings as Bandwidth reports them, keyed by the 10-digit number: what the resource's option orders and package assignment set, and on refresh what Bandwidth holds now (a change made outside the stack shows, and the next `pulumi up` sets the program's values again). Empty when no setting is given. */
  numberSettings?: Record<string, NumberSetting>;
}

/** The outputs a ExistingNumbers resource declares: each a `pulumi.Output` of what the state holds. */
export interface ExistingNumbersResourceOutputs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  readonly telephoneNumbers: pulumi.Output<string[]>;
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  readonly releaseOnDelete: pulumi.Output<boolean>;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  readonly voiceConfigurationPackageId: pulumi.Output<string | undefined>;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  readonly messaging: pulumi.Output<NumberMessaging | undefined>;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  readonly callingNameDisplay: pulumi.Output<boolean | undefined>;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  readonly portOutPasscode: pulumi.Output<string | undefined>;
  /** How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  readonly timeoutSeconds: pulumi.Output<number>;
  /** The numbers held in E.164 (+1...), index for index with `telephoneNumbers`. */
  readonly e164Numbers: pulumi.Output<string[]>;
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  readonly accountId: pulumi.Output<string>;
  /** The orders Bandwidth named as the numbers' own when the stack took them: a number later found in service under another order (disconnected and reconnected by someone else) is no longer this resource's and is never disconnected or re-configured by it. */
  readonly orderIds: pulumi.Output<string[]>;
  /** Each number's settings as Bandwidth reports them, keyed by the 10-digit number: what the resource's option orders and package assignment set, and on refresh what Bandwidth holds now (a change made outside the stack shows, and the next `pulumi up` sets the program's values again). Empty when no setting is given. */
  readonly numberSettings: pulumi.Output<Record<string, NumberSetting> | undefined>;
}
