/**
 * VoiceConfigurationPackage's schema: every field once. The operations are in
 * provider/resources/voiceConfigurationPackage.ts.
 */
import type { ResourceSchema } from "./types";

export const voiceConfigurationPackageSchema: ResourceSchema = {
  name: "VoiceConfigurationPackage",
  source: "provider/schema/voiceConfigurationPackage.ts",
  description:
    "A voice configuration package of a Universal Platform account: the voice settings (the Voice-V2 application " +
    "calls go to) shared by the numbers assigned to it. JSON at `bandwidth:apiUrl`, authenticated with OAuth client " +
    "credentials only.",
  argsDescription:
    "The arguments of a VoiceConfigurationPackage: the voice settings (chiefly the Voice-V2 application) that the " +
    "numbers assigned to it share. Every field is updated in place; the package keeps its id.",
  inputsDescription: "The checked inputs of a VoiceConfigurationPackage.",
  outputsDescription: "What a VoiceConfigurationPackage holds.",
  fields: {
    name: {
      type: "string",
      description: "The package's name (at most 255 characters: Bandwidth publishes no limit). Updated in place.",
      role: "input",
      change: "update",
      default: { computed: "the resource name" },
      always: true,
    },
    description: {
      type: "string",
      description: "A description (at most 255 characters). Updated in place; removing it clears it.",
      role: "input",
      change: "update",
    },
    httpVoiceV2ApplicationId: {
      type: "string",
      description:
        "A Voice-V2 Application's id: calls to the package's numbers go to it. Updated in place; removing it clears " +
        "the package's application.",
      role: "input",
      change: "update",
    },
    voiceConfigurationPackageId: {
      type: "string",
      description: "Bandwidth's id of the package, also the resource id: the package numbers are assigned to.",
      role: "output",
      always: true,
    },
  },
};
