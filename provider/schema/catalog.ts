/** Every resource and function the package declares, in the order it documents them. */
import { getAvailableNumbersSchema } from "./getAvailableNumbers";
import { phoneNumberOrderSchema } from "./phoneNumberOrder";
import type { FunctionSchema, ResourceSchema } from "./types";

/** Every resource's schema. */
export const RESOURCE_SCHEMAS: readonly ResourceSchema[] = [phoneNumberOrderSchema];

/** Every function's schema. */
export const FUNCTION_SCHEMAS: readonly FunctionSchema[] = [getAvailableNumbersSchema];
