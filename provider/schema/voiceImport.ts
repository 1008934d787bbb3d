/** VoiceImport's schema: every field once. The operations are in provider/resources/voiceImport.ts. */
import type { Field, ResourceSchema } from "./types";

const reported = (description: string): Field => ({ type: "string", description, role: "output" });

export const voiceImportSchema: ResourceSchema = {
  name: "VoiceImport",
  source: "provider/schema/voiceImport.ts",
  description: "One number imported into Bandwidth's Voice & Messaging v1 API, so an application can use it.",
  argsDescription:
    "The arguments of a VoiceImport: one number enabled for programmatic voice and messaging (Voice & Messaging v1).",
  inputsDescription: "The checked inputs of a VoiceImport.",
  outputsDescription: "What a VoiceImport holds: its inputs and v1's record of the number.",
  fields: {
    number: {
      type: "string",
      description:
        "The number to import, E.164 (+1...) or 10-digit, normalised to E.164; it must be in service on the Bandwidth " +
        "account. Changing it replaces the import (the old import is deleted first).",
      role: "input",
      change: "replace",
      required: true,
    },
    applicationId: {
      type: "string",
      description:
        "The v1 application (`a-...`) that handles the number's calls and messages. Updated in place; removing it detaches the number.",
      role: "input",
      change: "update",
    },
    name: {
      type: "string",
      description: "A label for the number in v1 (v1 fills in one of its own when left out). Updated in place.",
      role: "input",
      change: "update",
    },
    fallbackNumber: {
      type: "string",
      description: "Where calls go when the application cannot be reached (E.164). Updated in place.",
      role: "input",
      change: "update",
    },
    adoptExisting: {
      type: "boolean",
      description:
        "Take over the number if it is already imported (v1 answers 409 for a duplicate) instead of failing the create.",
      role: "input",
      change: "setting",
      default: false,
      always: true,
    },
    numberId: {
      type: "string",
      description: "v1's id of the number (`n-...`), also the resource id.",
      role: "output",
      always: true,
    },
    nationalNumber: reported("The number as v1 formats it nationally, e.g. (919) 555-1234."),
    city: reported("The number's city, as v1 reports it."),
    state: reported("The number's state, as v1 reports it."),
    numberState: reported("v1's numberState, e.g. enabled."),
    createdTime: reported("When v1 created the number."),
  },
};
