// Generated from provider/schema/location.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";

/** The arguments of a Location: a SIP peer under a Site, linked to a voice and/or a messaging application. */
export interface LocationArgs {
  /** The Site the location belongs to. Changing it replaces the location. */
  siteId: pulumi.Input<string>;
  /** The location's name (PeerName, at most 50 characters, unique in its site). Updated in place. Default: the resource name. */
  name?: pulumi.Input<string>;
  /** A description (at most 50 characters). Updated in place. */
  description?: pulumi.Input<string>;
  /** Whether this is the site's default location (orders without a `peerId` land on it; one per site). Updated in place. Left out, Bandwidth decides (the first location of a site becomes its default). */
  isDefault?: pulumi.Input<boolean>;
  /** A Voice-V2 Application's id: inbound calls to this location's numbers go to it (origination settings, HTTP voice). Changing it relinks in place; removing it returns the location's voice to SIP. */
  voiceApplicationId?: pulumi.Input<string>;
  /** A Messaging-V2 Application's id: messages of this location's numbers go to it (the SMS feature is enabled first). Changing it relinks in place; removing it unlinks messaging (`REMOVE`) and deletes the SMS feature. */
  messagingApplicationId?: pulumi.Input<string>;
}

/** The checked inputs of a Location. */
export interface LocationInputs {
  /** The Site the location belongs to. Changing it replaces the location. */
  siteId: string;
  /** The location's name (PeerName, at most 50 characters, unique in its site). Updated in place. Default: the resource name. */
  name: string;
  /** A description (at most 50 characters). Updated in place. */
  description?: string;
  /** Whether this is the site's default location (orders without a `peerId` land on it; one per site). Updated in place. Left out, Bandwidth decides (the first location of a site becomes its default). */
  isDefault?: boolean;
  /** A Voice-V2 Application's id: inbound calls to this location's numbers go to it (origination settings, HTTP voice). Changing it relinks in place; removing it returns the location's voice to SIP. */
  voiceApplicationId?: string;
  /** A Messaging-V2 Application's id: messages of this location's numbers go to it (the SMS feature is enabled first). Changing it relinks in place; removing it unlinks messaging (`REMOVE`) and deletes the SMS feature. */
  messagingApplicationId?: string;
}

/** What a Location holds: its inputs as Bandwidth reports them, plus its id. */
export interface LocationOutputs extends LocationInputs {
  /** Bandwidth's id of the SIP peer, also the resource id: pass it as a PhoneNumberOrder's `peerId`. */
  locationId: string;
}

/** The outputs a Location resource declares: each a `pulumi.Output` of what the state holds. */
export interface LocationResourceOutputs {
  /** The Site the location belongs to. Changing it replaces the location. */
  readonly siteId: pulumi.Output<string>;
  /** The location's name (PeerName, at most 50 characters, unique in its site). Updated in place. Default: the resource name. */
  readonly name: pulumi.Output<string>;
  /** A description (at most 50 characters). Updated in place. */
  readonly description: pulumi.Output<string | undefined>;
  /** Whether this is the site's default location (orders without a `peerId` land on it; one per site). Updated in place. Left out, Bandwidth decides (the first location of a site becomes its default). */
  readonly isDefault: pulumi.Output<boolean | undefined>;
  /** A Voice-V2 Application's id: inbound calls to this location's numbers go to it (origination settings, HTTP voice). Changing it relinks in place; removing it returns the location's voice to SIP. */
  readonly voiceApplicationId: pulumi.Output<string | undefined>;
  /** A Messaging-V2 Application's id: messages of this location's numbers go to it (the SMS feature is enabled first). Changing it relinks in place; removing it unlinks messaging (`REMOVE`) and deletes the SMS feature. */
  readonly messagingApplicationId: pulumi.Output<string | undefined>;
  /** Bandwidth's id of the SIP peer, also the resource id: pass it as a PhoneNumberOrder's `peerId`. */
  readonly locationId: pulumi.Output<string>;
}
