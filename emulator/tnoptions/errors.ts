import { EmulatorError, type ErrorDetail } from "../errors";

/**
 * The codes Bandwidth documents for TN option orders and the per-number read (Bandwidth/api-docs
 * `site/docs/numbers/errors.mdx`, and the examples of `site/specs/numbers.yml` under `/accounts/{accountId}/tnoptions`
 * and `/tns/{tn}/tndetails`).
 */
export const TNOPTION_CODES = {
  invalidTn: "5070",
  duplicateTn: "5072",
  tnRequired: "5073",
  notOnAccount: "5076",
  callingNameDisplay: "5079",
  callForward: "5080",
  numberFormat: "5081",
  rewriteUser: "5082",
  rpidFormat: "5089",
  protected: "5108",
  sms: "5113",
  noAttribute: "5115",
  finalDestinationUri: "5122",
  smsOffForA2p: "5132",
  a2pAttributeWithAction: "5134",
  a2pAction: "5138",
  portOutPasscode: "5193",
  routePlanNotEnabled: "5200",
  customerOrderId: "5052",
  tnNotValid: "12512",
  tnNotFound: "12738",
  /** Our choice: no document gives a code for a bad PindropEnabled or CallVerificationEnabled value. */
  undocumented: "",
} as const;

/** The descriptions errors.mdx gives with each code (its `%s` filled in by the caller where it has one). */
export const TNOPTION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [TNOPTION_CODES.notOnAccount]: "Number does not belong to this account.",
  [TNOPTION_CODES.smsOffForA2p]: "SMS attribute should be 'ON' for provisioning A2P",
};

/** A TN option order breaks a documented rule: refused whole, nothing recorded (HTTP 400). */
export class TnOptionOrderInvalid extends EmulatorError {
  constructor(details: ErrorDetail[]) {
    super("TN_OPTION_ORDER_INVALID", details.map((d) => `${d.code}: ${d.description}`).join("; "), details);
  }
}

/** The order asks for a feature the account does not have, such as an origination route plan (HTTP 409). */
export class TnOptionFeatureNotEnabled extends EmulatorError {
  constructor(detail: ErrorDetail) {
    super("TN_OPTION_FEATURE_NOT_ENABLED", `${detail.code}: ${detail.description}`, [detail]);
  }
}

/** No TN option order with that id on this account (HTTP 404). */
export class TnOptionOrderNotFound extends EmulatorError {
  constructor(orderId: string) {
    super("TN_OPTION_ORDER_NOT_FOUND", `TN option order ${orderId} not found`, [
      { code: "", description: "The resource does not exist" },
    ]);
  }
}

/** The per-number read names something that is not a telephone number (HTTP 400, 12512). */
export class TelephoneNumberInvalid extends EmulatorError {
  constructor(tn: string) {
    super("TELEPHONE_NUMBER_INVALID", `Telephone number '${tn}' is not valid`, [
      { code: TNOPTION_CODES.tnNotValid, description: `Telephone number '${tn}' is not valid` },
    ]);
  }
}

/** The per-number read names a number not in service on the caller's account (HTTP 404, 12738). */
export class TelephoneNumberNotFound extends EmulatorError {
  constructor(tn: string) {
    super("TELEPHONE_NUMBER_NOT_FOUND", `Telephone number ${tn} not found`, [
      { code: TNOPTION_CODES.tnNotFound, description: `Telephone number ${tn} not found` },
    ]);
  }
}

/** Bandwidth's description of an option value it refuses (errors.mdx), by option; the passcode is never quoted. */
const INVALID_OPTION: Readonly<Record<string, (value: string) => string>> = {
  sms: (v) => `Sms '${v}' is invalid. Valid values are: on, off, unchanged`,
  callingNameDisplay: (v) =>
    `CallingNameDisplay '${v}' is invalid. Valid values are: on, off, unchanged, systemDefault`,
  portOutPasscode: () =>
    "Port-Out Passcode is invalid. Passcode should has between 4 and 10 alpha-numeric characters | unchanged | systemDefault",
  numberFormat: (v) => `Number Format '${v}' is invalid.`,
  rpidFormat: (v) => `RPID Format '${v}' is invalid.`,
  rewriteUser: (v) => `Rewrite User '${v}' is invalid.`,
  callForward: (v) => `Call Forwarding number '${v}' is not a valid 10-digit telephone number.`,
  protected: (v) => `Protected attribute '${v}' is invalid. Valid values: TRUE, FALSE, UNCHANGED`,
  finalDestinationUri: () => "The format of the FinalDestinationURI needs to match the form 'name@ip-address:port'.",
  // Our wording: no document describes these two refusals.
  pindropEnabled: (v) => `PindropEnabled '${v}' is invalid. Valid values are: true, false`,
  callVerificationEnabled: (v) => `CallVerificationEnabled '${v}' is invalid. Valid values are: true, false`,
};

/** The description of a refused option value, as Bandwidth words it for its code. */
export function describeInvalid(code: string, option: string, value: string): string {
  return INVALID_OPTION[option]?.(value) ?? `${code}: '${value}' is invalid`;
}
