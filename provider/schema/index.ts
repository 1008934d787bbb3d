/**
 * The package's schema: one module per resource and one per function, each declaring every field once. Everything
 * else (the resources' TypeScript types, the diff's lists, the README tables, the Pulumi package schema) is read
 * from here; `npm run generate` writes the generated files.
 */
export * from "./types";
export { FUNCTION_SCHEMAS, RESOURCE_SCHEMAS } from "./catalog";
export { configVariables, type ConfigVariable } from "./config";
export { packageSchema } from "./package";
