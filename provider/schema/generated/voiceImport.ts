// Generated from provider/schema/voiceImport.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** The arguments of a VoiceImport: one number enabled for programmatic voice and messaging (Voice & Messaging v1). */
export interface VoiceImportArgs {
  /** The number to import, E.164 (+1...) or 10-digit, normalised to E.164; it must be in service on the Bandwidth account. Changing it replaces the import (the old import is deleted first). */
  number: pulumi.Input<string>;
  /** The v1 application (`a-...`) that handles the number's calls and messages. Updated in place; removing it detaches the number. */
  applicationId?: pulumi.Input<string>;
  /** A label for the number in v1 (v1 fills in one of its own when left out). Updated in place. */
  name?: pulumi.Input<string>;
  /** Where calls go when the application cannot be reached (E.164). Updated in place. */
  fallbackNumber?: pulumi.Input<string>;
  /** Take over the number if it is already imported (v1 answers 409 for a duplicate) instead of failing the create. Default: `false`. */
  adoptExisting?: pulumi.Input<boolean>;
}

/** The checked inputs of a VoiceImport. */
export interface VoiceImportInputs {
  /** The number to import, E.164 (+1...) or 10-digit, normalised to E.164; it must be in service on the Bandwidth account. Changing it replaces the import (the old import is deleted first). */
  number: string;
  /** The v1 application (`a-...`) that handles the number's calls and messages. Updated in place; removing it detaches the number. */
  applicationId?: string;
  /** A label for the number in v1 (v1 fills in one of its own when left out). Updated in place. */
  name?: string;
  /** Where calls go when the application cannot be reached (E.164). Updated in place. */
  fallbackNumber?: string;
  /** Take over the number if it is already imported (v1 answers 409 for a duplicate) instead of failing the create. Default: `false`. */
  adoptExisting: boolean;
}

/** What a VoiceImport holds: its inputs and v1's record of the number. */
export interface VoiceImportOutputs extends VoiceImportInputs {
  /** v1's id of the number (`n-...`), also the resource id. */
  numberId: string;
  /** The number as v1 formats it nationally, e.g. (919) 555-1234. */
  nationalNumber?: string;
  /** The number's city, as v1 reports it. */
  city?: string;
  /** The number's state, as v1 reports it. */
  state?: string;
  /** v1's numberState, e.g. enabled. */
  numberState?: string;
  /** When v1 created the number. */
  createdTime?: string;
}

/** The outputs a VoiceImport resource declares: each a `pulumi.Output` of what the state holds. */
export interface VoiceImportResourceOutputs {
  /** The number to import, E.164 (+1...) or 10-digit, normalised to E.164; it must be in service on the Bandwidth account. Changing it replaces the import (the old import is deleted first). */
  readonly number: pulumi.Output<string>;
  /** The v1 application (`a-...`) that handles the number's calls and messages. Updated in place; removing it detaches the number. */
  readonly applicationId: pulumi.Output<string | undefined>;
  /** A label for the number in v1 (v1 fills in one of its own when left out). Updated in place. */
  readonly name: pulumi.Output<string | undefined>;
  /** Where calls go when the application cannot be reached (E.164). Updated in place. */
  readonly fallbackNumber: pulumi.Output<string | undefined>;
  /** Take over the number if it is already imported (v1 answers 409 for a duplicate) instead of failing the create. Default: `false`. */
  readonly adoptExisting: pulumi.Output<boolean>;
  /** v1's id of the number (`n-...`), also the resource id. */
  readonly numberId: pulumi.Output<string>;
  /** The number as v1 formats it nationally, e.g. (919) 555-1234. */
  readonly nationalNumber: pulumi.Output<string | undefined>;
  /** The number's city, as v1 reports it. */
  readonly city: pulumi.Output<string | undefined>;
  /** The number's state, as v1 reports it. */
  readonly state: pulumi.Output<string | undefined>;
  /** v1's numberState, e.g. enabled. */
  readonly numberState: pulumi.Output<string | undefined>;
  /** When v1 created the number. */
  readonly createdTime: pulumi.Output<string | undefined>;
}
