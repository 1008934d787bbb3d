/** ExistingNumbers' schema: every field once. The operations are in provider/resources/existingNumbers.ts. */
import { numberSettingsInputs, numberSettingsOutput } from "./numberSettings";
import type { ResourceSchema } from "./types";

export const existingNumbersSchema: ResourceSchema = {
  name: "ExistingNumbers",
  source: "provider/schema/existingNumbers.ts",
  description:
    "Numbers already in service on the account (ordered by hand, ported in) brought under a stack: create checks " +
    "each is in service on this account and orders nothing; destroy leaves them in service unless `releaseOnDelete`.",
  argsDescription: "The arguments of an ExistingNumbers: which numbers already on the account it manages.",
  inputsDescription: "The checked, normalised inputs of an ExistingNumbers as the provider sees them.",
  outputsDescription: "What an ExistingNumbers holds after create, update or refresh: its inputs and what it holds.",
  fields: {
    telephoneNumbers: {
      type: { array: "string" },
      description:
        "The numbers to manage (10-digit or +1 E.164), each already in service on this account; one that is not " +
        "fails the create or update before anything changes. Adding or removing a number is in place: nothing is " +
        "ordered, and a removed number stays in service unless `releaseOnDelete`. As an output: the numbers held, " +
        "10-digit, in the program's order.",
      role: "input",
      change: "update",
      required: true,
      alwaysInOutputs: true,
      stable: true,
    },
    releaseOnDelete: {
      type: "boolean",
      description:
        "Disconnect the numbers when they leave the stack (destroy, or removed from `telephoneNumbers`). False: " +
        "they stay in service on the account, as they were before the stack took them.",
      role: "input",
      change: "setting",
      default: false,
      always: true,
    },
    ...numberSettingsInputs,
    timeoutSeconds: {
      type: "integer",
      description:
        "How long one `pulumi up` or `destroy` waits for a disconnect before leaving it to the next run (Pulumi's " +
        "customTimeouts do not reach dynamic resources).",
      role: "input",
      change: "setting",
      default: 900,
      always: true,
    },
    resourceKey: {
      type: "string",
      description:
        "`project/stack/resource-name`, set by the resource class: names the resource in progress lines and errors.",
      role: "internal",
    },
    e164Numbers: {
      type: { array: "string" },
      description: "The numbers held in E.164 (+1...), index for index with `telephoneNumbers`.",
      role: "output",
      always: true,
      stable: true,
    },
    accountId: {
      type: "string",
      description:
        "The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused.",
      role: "output",
      always: true,
      stable: true,
    },
    orderIds: {
      type: { array: "string" },
      description:
        "The orders Bandwidth named as the numbers' own when the stack took them: a number later found in service " +
        "under another order (disconnected and reconnected by someone else) is no longer this resource's and is " +
        "never disconnected or re-configured by it.",
      role: "output",
      always: true,
      stable: true,
    },
    numberSettings: numberSettingsOutput,
  },
};
