// Generated from provider/schema/existingNumbers.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** The arguments of an ExistingNumbers: which numbers already on the account it manages. */
export interface ExistingNumbersArgs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  telephoneNumbers: pulumi.Input<pulumi.Input<string>[]>;
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  releaseOnDelete?: pulumi.Input<boolean>;
  /** How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  timeoutSeconds?: pulumi.Input<number>;
}

/** The checked, normalised inputs of an ExistingNumbers as the provider sees them. */
export interface ExistingNumbersInputs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  telephoneNumbers: string[];
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  releaseOnDelete: boolean;
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
}

/** The outputs a ExistingNumbers resource declares: each a `pulumi.Output` of what the state holds. */
export interface ExistingNumbersResourceOutputs {
  /** The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not fails the create or update before anything changes. Adding or removing a number is in place: nothing is ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, 10-digit, in the program's order. */
  readonly telephoneNumbers: pulumi.Output<string[]>;
  /** Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: they stay in service on the account, as they were before the stack took them. Default: `false`. */
  readonly releaseOnDelete: pulumi.Output<boolean>;
  /** How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  readonly timeoutSeconds: pulumi.Output<number>;
  /** The numbers held in E.164 (+1...), index for index with `telephoneNumbers`. */
  readonly e164Numbers: pulumi.Output<string[]>;
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  readonly accountId: pulumi.Output<string>;
  /** The orders Bandwidth named as the numbers' own when the stack took them: a number later found in service under another order (disconnected and reconnected by someone else) is no longer this resource's and is never disconnected or re-configured by it. */
  readonly orderIds: pulumi.Output<string[]>;
}
