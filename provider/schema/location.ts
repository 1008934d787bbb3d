/** Location's schema: every field once. The operations are in provider/resources/location.ts. */
import type { ResourceSchema } from "./types";

export const locationSchema: ResourceSchema = {
  name: "Location",
  source: "provider/schema/location.ts",
  description:
    "A location (SIP peer) under a Site, linked to a Voice-V2 and/or Messaging-V2 Application. Numbers ordered into " +
    "it (PhoneNumberOrder's `peerId: location.locationId`) use those applications: Bandwidth's current (v2) model.",
  argsDescription:
    "The arguments of a Location: a SIP peer under a Site, linked to a voice and/or a messaging application.",
  inputsDescription: "The checked inputs of a Location.",
  outputsDescription: "What a Location holds: its inputs as Bandwidth reports them, plus its id.",
  fields: {
    siteId: {
      type: "string",
      description: "The Site the location belongs to. Changing it replaces the location.",
      role: "input",
      change: "replace",
      required: true,
    },
    name: {
      type: "string",
      description: "The location's name (PeerName, at most 50 characters, unique in its site). Updated in place.",
      role: "input",
      change: "update",
      default: { computed: "the resource name" },
      always: true,
    },
    description: {
      type: "string",
      description: "A description (at most 50 characters). Updated in place.",
      role: "input",
      change: "update",
    },
    isDefault: {
      type: "boolean",
      description:
        "Whether this is the site's default location (orders without a `peerId` land on it; one per site). Updated " +
        "in place. Left out, Bandwidth decides (the first location of a site becomes its default).",
      role: "input",
      change: "update",
    },
    voiceApplicationId: {
      type: "string",
      description:
        "A Voice-V2 Application's id: inbound calls to this location's numbers go to it (origination settings, HTTP " +
        "voice). Changing it relinks in place; removing it returns the location's voice to SIP.",
      role: "input",
      change: "update",
    },
    messagingApplicationId: {
      type: "string",
      description:
        "A Messaging-V2 Application's id: messages of this location's numbers go to it (the SMS feature is enabled " +
        "first). Changing it relinks in place; removing it unlinks messaging (`REMOVE`) and deletes the SMS feature.",
      role: "input",
      change: "update",
    },
    locationId: {
      type: "string",
      description: "Bandwidth's id of the SIP peer, also the resource id: pass it as a PhoneNumberOrder's `peerId`.",
      role: "output",
      always: true,
    },
  },
};
