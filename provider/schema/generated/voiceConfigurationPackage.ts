// Generated from provider/schema/voiceConfigurationPackage.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** The arguments of a VoiceConfigurationPackage: the voice settings (chiefly the Voice-V2 application) that the numbers assigned to it share. Every field is updated in place; the package keeps its id. */
export interface VoiceConfigurationPackageArgs {
  /** The package's name (at most 255 characters: Bandwidth publishes no limit). Updated in place. Default: the resource name. */
  name?: pulumi.Input<string>;
  /** A description (at most 255 characters). Updated in place; removing it clears it. */
  description?: pulumi.Input<string>;
  /** A Voice-V2 Application's id: calls to the package's numbers go to it. Updated in place; removing it clears the package's application. */
  httpVoiceV2ApplicationId?: pulumi.Input<string>;
}

/** The checked inputs of a VoiceConfigurationPackage. */
export interface VoiceConfigurationPackageInputs {
  /** The package's name (at most 255 characters: Bandwidth publishes no limit). Updated in place. Default: the resource name. */
  name: string;
  /** A description (at most 255 characters). Updated in place; removing it clears it. */
  description?: string;
  /** A Voice-V2 Application's id: calls to the package's numbers go to it. Updated in place; removing it clears the package's application. */
  httpVoiceV2ApplicationId?: string;
}

/** What a VoiceConfigurationPackage holds. */
export interface VoiceConfigurationPackageOutputs extends VoiceConfigurationPackageInputs {
  /** Bandwidth's id of the package, also the resource id: the package numbers are assigned to. */
  voiceConfigurationPackageId: string;
}

/** The outputs a VoiceConfigurationPackage resource declares: each a `pulumi.Output` of what the state holds. */
export interface VoiceConfigurationPackageResourceOutputs {
  /** The package's name (at most 255 characters: Bandwidth publishes no limit). Updated in place. Default: the resource name. */
  readonly name: pulumi.Output<string>;
  /** A description (at most 255 characters). Updated in place; removing it clears it. */
  readonly description: pulumi.Output<string | undefined>;
  /** A Voice-V2 Application's id: calls to the package's numbers go to it. Updated in place; removing it clears the package's application. */
  readonly httpVoiceV2ApplicationId: pulumi.Output<string | undefined>;
  /** Bandwidth's id of the package, also the resource id: the package numbers are assigned to. */
  readonly voiceConfigurationPackageId: pulumi.Output<string>;
}
