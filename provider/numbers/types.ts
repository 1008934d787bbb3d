/** Shapes exchanged with the Numbers ("Dashboard") API, in Bandwidth's words. */
import type { ApiErrorDetail } from "../http/errors";

export type { ApiErrorDetail };

/**
 * How to choose numbers, shared by search and order: one flat object whose combination of fields selects the order
 * type (see orderTypes.ts). Telephone numbers may be 10-digit or +1 E.164; they are sent as 10 digits.
 */
export interface OrderCriteria {
  /** Specific numbers to order (ExistingTelephoneNumberOrderType). */
  telephoneNumbers?: string[];
  /** Reservations to order (ExistingTelephoneNumberOrderType). */
  reservationIds?: string[];
  /** NPA, e.g. "919". */
  areaCode?: string;
  /** NPA-NXX, 6 digits. */
  npaNxx?: string;
  /** NPA-NXX-X, 7 digits (ordered through CombinedSearchAndOrderType). */
  npaNxxx?: string;
  /** Rate center abbreviation; needs `state`. */
  rateCenter?: string;
  /** Two-letter state. */
  state?: string;
  /** City name; needs `state`. */
  city?: string;
  /** NNNNN or NNNNN-NNNN, kept as a string. */
  zip?: string;
  /** LATA, up to 5 digits. */
  lata?: string;
  /** Toll-free vanity, 4–7 alphanumerics. */
  tollFreeVanity?: string;
  /** Toll-free wildcard like `8**`. */
  tollFreeWildCardPattern?: string;
  /** Local vanity, 4–7 alphanumerics (ordered through CombinedSearchAndOrderType). */
  localVanity?: string;
  /** With `localVanity`: match only numbers ending in it. */
  endsIn?: boolean;
  /** Include numbers in the local calling area. */
  enableLCA?: boolean;
  /** How many numbers (1–5000); always sent, default 1 for orders. */
  quantity?: number;
}

/** A search of available numbers: the criteria (without specific TNs) plus search-only options. */
export interface AvailableNumbersQuery extends Omit<OrderCriteria, "telephoneNumbers" | "reservationIds"> {
  /** NONE, ONLY or MIXED. */
  protected?: string;
  /** fullNumber, npaNxxx, npaNxx or areaCode. */
  orderBy?: string;
}

/** One available number. */
export interface AvailableNumber {
  /** 10 digits. */
  telephoneNumber: string;
  city?: string;
  lata?: string;
  rateCenter?: string;
  state?: string;
}

/** A new-number order. PartialAllowed, BackOrderRequested and Quantity are always sent explicitly. */
export interface NewOrder {
  /** Order name, ≤ 50 characters. */
  name: string;
  siteId: string;
  peerId?: string;
  /** Your own id (≤ 40 letters, digits, dashes, spaces): the way to find the order again after a lost response. */
  customerOrderId?: string;
  partialAllowed: boolean;
  backOrderRequested: boolean;
  /** e.g. ["Protected"]. */
  tnAttributes?: string[];
  criteria: OrderCriteria;
}

/** What the API knows about an order. */
export interface OrderInfo {
  orderId: string;
  /** RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED, BACKORDERED. */
  status: string;
  name?: string;
  customerOrderId?: string;
  siteId?: string;
  peerId?: string;
  /** The order-type element the order was placed with, as Bandwidth echoes it (e.g. AreaCodeSearchAndOrderType). */
  orderType?: string;
  /** The echoed order-type element's single-valued children as sent (e.g. `{ AreaCode: "919", Quantity: "1" }`). */
  orderTypeFields?: Record<string, string>;
  /** ISO 8601. */
  orderCreateDate?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
  /** ISO 8601. */
  orderCompleteDate?: string;
  /** 10-digit numbers assigned by the order. */
  completedNumbers: string[];
  /** 10-digit numbers the order could not assign. */
  failedNumbers: string[];
  completedQuantity: number;
  failedQuantity: number;
  /** Every error in the order's ErrorList. */
  errors: ApiErrorDetail[];
  summary?: string;
}

/** One row of the orders list. */
export interface OrderSummary {
  orderId: string;
  customerOrderId?: string;
  status: string;
  /** ISO 8601. */
  orderDate?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
  countOfTNs: number;
  /** e.g. new_number. */
  orderType?: string;
}

/** A disconnect order to place. */
export interface NewDisconnect {
  /** ≤ 50 characters. */
  name: string;
  /** 10-digit or +1 E.164; sent as 10 digits. */
  telephoneNumbers: string[];
  customerOrderId?: string;
  /** e.g. normal. */
  disconnectMode?: string;
  protected?: "TRUE" | "FALSE" | "UNCHANGED";
}

/** What the API knows about a disconnect order. */
export interface DisconnectInfo {
  orderId: string;
  /** RECEIVED, COMPLETE, PARTIAL, FAILED. */
  status: string;
  disconnectedNumbers: string[];
  requestedNumbers: string[];
  errors: ApiErrorDetail[];
  /** ISO 8601. */
  orderCreateDate?: string;
}

/** A move order (`POST /accounts/{a}/moveTns`): numbers in service on the account go to a site and location. */
export interface NewMove {
  /** Your own id (≤ 40 letters, digits, dashes, spaces). */
  customerOrderId?: string;
  /** The destination site. */
  siteId: string;
  /** The destination location (SIP peer); Bandwidth uses the site's default when absent. */
  sipPeerId?: string;
  /** 10-digit or +1 E.164, at most 5000; sent as 10 digits. */
  telephoneNumbers: string[];
}

/** What the API knows about a move order (`GET /accounts/{a}/moveTns/{id}`). */
export interface MoveOrderInfo {
  orderId: string;
  /** ProcessingStatus: RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED. */
  status: string;
  siteId?: string;
  sipPeerId?: string;
  /** The numbers the answer lists (asked for while pending; the spec's PARTIAL example lists the moved ones). */
  telephoneNumbers: string[];
  /** Every error, one entry per number it names. */
  errors: ApiErrorDetail[];
  /** ISO 8601. */
  orderCreateDate?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
}

/** `/tns/{tn}`: a number's status and the order that last touched it. */
export interface TelephoneNumberInfo {
  telephoneNumber: string;
  /** Inservice, Available, Disconnected, Aging, ... */
  status?: string;
  /** ISO 8601. */
  lastModifiedDate?: string;
  /** ISO 8601. */
  orderCreateDate?: string;
  orderId?: string;
  orderType?: string;
  siteId?: string;
  accountId?: string;
}

/** An option Bandwidth takes as `on` or `off` in a TN option group. */
export type OnOff = "on" | "off";

/** One `<TnOptionGroup>`: options set alike on its numbers (an absent option is left as the number has it). */
export interface TnOptionGroup {
  /** 10-digit or +1 E.164; sent as 10 digits. */
  telephoneNumbers: string[];
  /** `Sms`: text messages to and from the numbers. */
  sms?: OnOff;
  /** `CallingNameDisplay`: the caller's name shown on outbound calls. */
  callingNameDisplay?: OnOff;
  /** `PortOutPasscode`: the passcode another carrier must quote to port the numbers out (write-only). */
  portOutPasscode?: string;
  /** `A2pSettings`: the numbers' 10DLC campaign. */
  a2p?: {
    action: "asSpecified" | "off" | "systemDefault" | "unchanged" | "delete";
    campaignId?: string;
    messageClass?: string;
  };
}

/** A TN option order to place (`POST /accounts/{a}/tnoptions`). */
export interface NewTnOptionOrder {
  /** Your own id (≤ 40 letters, digits, dashes, spaces). */
  customerOrderId?: string;
  groups: TnOptionGroup[];
}

/** What the API knows about a TN option order (`GET /accounts/{a}/tnoptions/{id}`). */
export interface TnOptionOrderInfo {
  orderId: string;
  /** ProcessingStatus: RECEIVED, PROCESSING, COMPLETE, PARTIAL, FAILED. */
  status: string;
  /** Every entry of its ErrorList, one per failed number. */
  errors: ApiErrorDetail[];
  /** ISO 8601. */
  orderCreateDate?: string;
}

/** `/tns/{tn}/tndetails`: a number's messaging settings and line options as Bandwidth holds them now. */
export interface TnDetails {
  telephoneNumber: string;
  /** Whether text messages reach the number (`MessagingSettings/SmsEnabled`). */
  smsEnabled?: boolean;
  /** Its 10DLC campaign (`MessagingSettings/CampaignId`). */
  campaignId?: string;
  /** Its message class (`MessagingSettings/MessageClass`). */
  messageClass?: string;
  /** `TnOptions/CallingNameDisplay`: on, off or absent (the system default). */
  callingNameDisplay?: string;
}
