// The end-to-end tests drive the same engine tooling as `npm run demo` and the benchmark (scripts/tooling).
export {
  type CreateStackOptions,
  createStack,
  type Engine,
  emulatorStackConfig,
  ensureEngine,
  ensureNativeEngine,
  type LocalStack as TestStack,
  prepareSdkProgram,
  SDK_PACKAGE,
  type StackState,
} from "../../scripts/tooling";
