/**
 * pulumi-bandwidth: Bandwidth phone numbers as Pulumi resources.
 *
 * - PhoneNumberOrder orders numbers on the Numbers (Dashboard) API and disconnects them on destroy.
 * - VoiceImport imports a number into the Voice & Messaging v1 API and un-imports it on destroy.
 * - getAvailableNumbers searches the inventory from a program.
 */
import { phoneNumberOrderProvider } from "./resources/phoneNumberOrder";
import { voiceImportProvider } from "./resources/voiceImport";

export { ConfigError, type ConfigSource, SETTINGS } from "./config";
export { ApiError, BandwidthError, NotFoundError, RateLimitedError, TransportError, UnauthorizedError } from "./http";
export {
  PhoneNumberOrder,
  type PhoneNumberOrderArgs,
  type PhoneNumberOrderInputs,
  type PhoneNumberOrderOutputs,
} from "./resources/phoneNumberOrder";
export {
  VoiceImport,
  type VoiceImportArgs,
  type VoiceImportInputs,
  type VoiceImportOutputs,
} from "./resources/voiceImport";
export { type AvailableNumber, type AvailableNumbersQuery, getAvailableNumbers } from "./search";
export { type Failure, ValidationError } from "./validation";

/** The dynamic resource providers themselves (pulumi.dynamic.ResourceProvider), for tests and advanced use. */
export const providers = {
  /** The provider behind {@link PhoneNumberOrder}: orders numbers on create, disconnects them on delete. */
  phoneNumberOrder: phoneNumberOrderProvider,
  /** The provider behind {@link VoiceImport}: imports a number into Voice v1 on create, un-imports it on delete. */
  voiceImport: voiceImportProvider,
};
