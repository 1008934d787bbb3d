import { EmulatorError, type ErrorDetail } from "../errors";

/**
 * The codes Bandwidth documents for applications, sites and locations (Bandwidth/api-docs `site/docs/numbers/
 * errors.mdx` and the OpenAPI examples of `site/specs/numbers.yml`). Where a rule is documented without a code,
 * the emulator answers with a description and no ErrorCode, and the README lists the choice.
 */
export const PROVISIONING_CODES = {
  notNegativeNumber: "1002",
  required: "1003",
  outOfRange: "1006",
  invalidValue: "1008",
  duplicated: "1009",
  siteNotFound: "12016",
  applicationInUse: "12107",
  passwordWithoutUser: "12800",
  invalidServiceType: "12801",
  inboundRequired: "12802",
  invalidUrl: "12803",
  appNameRequired: "12806",
  httpsWithCredentials: "12812",
  invalidMethod: "12961",
  serviceTypeChange: "12964",
  peerNameRequired: "13500",
  peerNameTooLong: "13501",
  peerDescriptionTooLong: "13503",
  defaultRequired: "13522",
  duplicatePeerName: "13524",
  peerHasNumbers: "13555",
  defaultPeerDelete: "13558",
  peerNotFound: "13563",
  peerHasSms: "13613",
  invalidMessagingAppId: "13628",
  applicationNotFound: "13629",
  smsRequired: "13645",
  wrongServiceType: "13648",
  noVoiceApplications: "13650",
  peerHasHttpVoice: "13652",
  /** Not documented: refusals the emulator answers without an ErrorCode (Bandwidth documents the rule, not the code). */
  undocumented: "",
} as const;

/** A refusal with its HTTP status (400, 404 or 409) and Bandwidth's `<ResponseStatus>` details. */
export class ProvisioningError extends EmulatorError {
  constructor(
    readonly status: number,
    details: ErrorDetail[],
  ) {
    super("PROVISIONING", details.map((d) => `${d.code}: ${d.description}`).join("; "), details);
  }
}

/** Builds a ProvisioningError. */
export function refuse(status: number, details: ErrorDetail[]): ProvisioningError {
  return new ProvisioningError(status, details);
}
