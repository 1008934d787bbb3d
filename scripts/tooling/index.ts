/**
 * The engine tooling shared by `npm run demo`, the benchmark and the end-to-end tests: find or build the Pulumi CLI,
 * run a stack on a local backend, and configure a stack for the local emulator.
 */
export { type Engine, type EnsureEngineOptions, ensureEngine, repoRoot } from "./engine";
export { type EmulatorEndpoints, emulatorSettings, emulatorStackConfig } from "./emulatorConfig";
export { type CreateStackOptions, createStack, type LocalStack, type StackConfig, type StackState } from "./stack";
export { ensureNativeEngine, YAML_ENGINE_ARGS } from "./native";
export { buildPluginArchive, type PluginArchive, type PluginArchiveOptions } from "./pluginArchive";
export { prepareSdkProgram, SDK_PACKAGE } from "./sdkProgram";
