/**
 * pulumi-bandwidth: Bandwidth phone numbers as Pulumi resources.
 *
 * - PhoneNumberOrder orders numbers on the Numbers (Dashboard) API and disconnects them on destroy.
 * - VoiceImport imports a number into the Voice & Messaging v1 API and un-imports it on destroy.
 * - getAvailableNumbers searches the inventory from a program.
 * - Application, Site and Location set up Bandwidth's current (v2) model: numbers ordered into a Location use the
 *   applications linked to it, with no import.
 * - VoiceConfigurationPackage holds the voice settings of numbers on a Universal Platform account.
 * - ExistingNumbers brings numbers already in service on the account under a stack, with no order.
 *
 * @module pulumi-bandwidth
 */
import { applicationProvider } from "./resources/application";
import { existingNumbersProvider } from "./resources/existingNumbers";
import { locationProvider } from "./resources/location";
import { phoneNumberOrderProvider } from "./resources/phoneNumberOrder";
import { siteProvider } from "./resources/site";
import { voiceConfigurationPackageProvider } from "./resources/voiceConfigurationPackage";
import { voiceImportProvider } from "./resources/voiceImport";

export {
  Application,
  type ApplicationArgs,
  type ApplicationInputs,
  type ApplicationOutputs,
  type CallbackCredentialsArgs,
  type CallbackCredentialsValue,
} from "./resources/application";
export { ConfigError, type ConfigSource, SETTINGS } from "./config";
export {
  AccountMismatchError,
  AlreadyExistsError,
  CustomerOrderIdClashError,
  DisconnectPartialError,
  InUseError,
  LegacyImportRefusedError,
  MayHaveReachedServerError,
  MoveRefusedError,
  NotOnAccountError,
  OrderFailedError,
  OrderStillPendingError,
  ResourceError,
  type ResourceErrorCode,
  SettingsIncompleteError,
} from "./errors";
export { ResourceInitError } from "./resources/lifecycle";
export type { NumberMessaging, NumberMessagingArgs, NumberSetting, NumberSettingArgs } from "./schema/generated/shared";
export {
  ApiError,
  type ApiErrorDetail,
  BandwidthError,
  type BandwidthErrorFields,
  DeadlineError,
  NotFoundError,
  RateLimitedError,
  TokenRefusedError,
  TokenUnavailableError,
  TransportError,
  UnauthorizedError,
} from "./http";
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
export {
  getLocationNumbers,
  Location,
  type LocationArgs,
  type LocationInputs,
  type LocationNumber,
  type LocationNumbersQuery,
  type LocationOutputs,
} from "./resources/location";
export type { SiteAddress } from "./provisioning";
export { Site, type SiteAddressArgs, type SiteArgs, type SiteInputs, type SiteOutputs } from "./resources/site";
export {
  VoiceConfigurationPackage,
  type VoiceConfigurationPackageArgs,
  type VoiceConfigurationPackageInputs,
  type VoiceConfigurationPackageOutputs,
} from "./resources/voiceConfigurationPackage";
export {
  ExistingNumbers,
  type ExistingNumbersArgs,
  type ExistingNumbersInputs,
  type ExistingNumbersOutputs,
  importExistingNumbers,
} from "./resources/existingNumbers";
export { type AvailableNumber, type AvailableNumbersQuery, getAvailableNumbers } from "./search";
/** The full search of the Numbers API that {@link AvailableNumbersQuery} narrows (it adds `protected` and `orderBy`). */
export type { AvailableNumbersQuery as NumbersSearchQuery } from "./numbers/types";
export { type Failure, ValidationError } from "./validation";

/** The dynamic resource providers themselves (pulumi.dynamic.ResourceProvider), for tests and advanced use. */
export const providers = {
  /** The provider behind {@link PhoneNumberOrder}: orders numbers on create, disconnects them on delete. */
  phoneNumberOrder: phoneNumberOrderProvider,
  /** The provider behind {@link VoiceImport}: imports a number into Voice v1 on create, un-imports it on delete. */
  voiceImport: voiceImportProvider,
  /** The provider of Application. */
  application: applicationProvider,
  /** The provider of Site. */
  site: siteProvider,
  /** The provider of Location. */
  location: locationProvider,
  /** The provider of VoiceConfigurationPackage. */
  voiceConfigurationPackage: voiceConfigurationPackageProvider,
  /** The provider of ExistingNumbers: takes numbers already on the account, orders nothing. */
  existingNumbers: existingNumbersProvider,
};
