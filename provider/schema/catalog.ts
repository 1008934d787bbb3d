/** Every resource and function the package declares, in the order it documents them. */
import { applicationSchema } from "./application";
import { existingNumbersSchema } from "./existingNumbers";
import { getAvailableNumbersSchema } from "./getAvailableNumbers";
import { locationSchema } from "./location";
import { phoneNumberOrderSchema } from "./phoneNumberOrder";
import { siteSchema } from "./site";
import { voiceConfigurationPackageSchema } from "./voiceConfigurationPackage";
import { voiceImportSchema } from "./voiceImport";
import type { FunctionSchema, ResourceSchema } from "./types";

/** Every resource's schema. */
export const RESOURCE_SCHEMAS: readonly ResourceSchema[] = [
  phoneNumberOrderSchema,
  voiceImportSchema,
  applicationSchema,
  siteSchema,
  locationSchema,
  voiceConfigurationPackageSchema,
  existingNumbersSchema,
];

/** Every function's schema. */
export const FUNCTION_SCHEMAS: readonly FunctionSchema[] = [getAvailableNumbersSchema];
