// Generated from provider/schema/phoneNumberOrder.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type { NumberMessagingArgs, NumberMessaging, NumberSetting } from "./shared";

/** The arguments of a PhoneNumberOrder: where the numbers go, how to choose them, and how to wait and let go. */
export interface PhoneNumberOrderArgs {
  /** The site (sub-account) the numbers are ordered into. Changing it moves the numbers there in place (one move order), never replaces them. */
  siteId: pulumi.Input<string>;
  /** The SIP peer (location) under the site; none means the site's default. Changing it moves the numbers there in place (one move order), never replaces them. */
  peerId?: pulumi.Input<string>;
  /** The order's name in Bandwidth (at most 50 characters). Changing it renames every order in place. Default: the resource name. */
  name?: pulumi.Input<string>;
  /** How many numbers to hold (1 to 5000; the API's own default of 5000 never applies). Raising it places an extra order for the difference; lowering it disconnects the surplus. Default: `1`. */
  quantity?: pulumi.Input<number>;
  /** Specific numbers to order (10-digit or +1 E.164): one way to choose numbers. Adding or removing numbers orders or disconnects just those. As an output: the numbers held, 10-digit, each at its own index. */
  telephoneNumbers?: pulumi.Input<pulumi.Input<string>[]>;
  /** Choose numbers in this area code (NPA). */
  areaCode?: pulumi.Input<string>;
  /** Choose numbers in this NPA-NXX (6 digits). */
  npaNxx?: pulumi.Input<string>;
  /** Choose numbers in this NPA-NXX-X (7 digits). */
  npaNxxx?: pulumi.Input<string>;
  /** Choose numbers in this rate center (needs `state`). */
  rateCenter?: pulumi.Input<string>;
  /** Choose numbers in this city (needs `state`). */
  city?: pulumi.Input<string>;
  /** Two-letter state: alone it chooses numbers anywhere in the state; with `rateCenter` or `city` it qualifies them. */
  state?: pulumi.Input<string>;
  /** Choose numbers in this ZIP code (NNNNN or NNNNN-NNNN). */
  zip?: pulumi.Input<string>;
  /** Choose numbers in this LATA (up to 5 digits). */
  lata?: pulumi.Input<string>;
  /** Choose a toll-free number spelling this vanity (4 to 7 letters or digits). */
  tollFreeVanity?: pulumi.Input<string>;
  /** Choose toll-free numbers matching this pattern, such as `8**` or `87*`. */
  tollFreeWildCardPattern?: pulumi.Input<string>;
  /** Choose local numbers containing this vanity (4 to 7 letters or digits; give `areaCode` beside it). */
  localVanity?: pulumi.Input<string>;
  /** With `localVanity`: only numbers that end in it. */
  endsIn?: pulumi.Input<boolean>;
  /** With `npaNxx`, `npaNxxx` or `rateCenter`: accept numbers from the local calling area when the exact area is short. */
  enableLCA?: pulumi.Input<boolean>;
  /** Reservation ids of reserved `telephoneNumbers`; numbers added later are ordered with the reservation ids added with them. */
  reservationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Attributes for the new numbers; Bandwidth knows `Protected`. */
  tnAttributes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Accept fewer numbers than asked for (Bandwidth then answers PARTIAL). False: a shortage fails the order. Default: `false`. */
  partialAllowed?: pulumi.Input<boolean>;
  /** Let a shortage wait as a backorder (BACKORDERED can last days); Bandwidth refuses it for specific numbers, NPA-NXX(X) and vanity. Default: `false`. */
  backOrderRequested?: pulumi.Input<boolean>;
  /** Bandwidth's CustomerOrderId (up to 40 letters, digits, dashes, spaces), sent with every order; it lets a retried create find its own order. An explicit id is never adopted: give a new one with any change that replaces the resource. Default: derived from the Pulumi organization, project, stack, resource name, site, peer and every input whose change replaces the resource. */
  customerOrderId?: pulumi.Input<string>;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  voiceConfigurationPackageId?: pulumi.Input<string>;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  messaging?: pulumi.Input<NumberMessagingArgs>;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  callingNameDisplay?: pulumi.Input<boolean>;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  portOutPasscode?: pulumi.Input<string>;
  /** DisconnectMode sent when numbers are disconnected: `normal` (Bandwidth's default), `soft-remove` or `purge`. */
  disconnectMode?: pulumi.Input<string>;
  /** `Protected` sent with a disconnect: TRUE, FALSE or UNCHANGED. */
  disconnectProtected?: pulumi.Input<string>;
  /** How long one `pulumi up` or `destroy` waits for an order, move or disconnect before leaving it pending (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Manage this existing order's numbers instead of placing an order; without `quantity` every number of the adopted order is kept. */
  adoptOrderId?: pulumi.Input<string>;
}

/** The checked, normalised inputs of a PhoneNumberOrder as the provider sees them. */
export interface PhoneNumberOrderInputs {
  /** The site (sub-account) the numbers are ordered into. Changing it moves the numbers there in place (one move order), never replaces them. */
  siteId: string;
  /** The SIP peer (location) under the site; none means the site's default. Changing it moves the numbers there in place (one move order), never replaces them. */
  peerId?: string;
  /** The order's name in Bandwidth (at most 50 characters). Changing it renames every order in place. Default: the resource name. */
  name: string;
  /** How many numbers to hold (1 to 5000; the API's own default of 5000 never applies). Raising it places an extra order for the difference; lowering it disconnects the surplus. Default: `1`. */
  quantity?: number;
  /** Specific numbers to order (10-digit or +1 E.164): one way to choose numbers. Adding or removing numbers orders or disconnects just those. As an output: the numbers held, 10-digit, each at its own index. */
  telephoneNumbers?: string[];
  /** Choose numbers in this area code (NPA). */
  areaCode?: string;
  /** Choose numbers in this NPA-NXX (6 digits). */
  npaNxx?: string;
  /** Choose numbers in this NPA-NXX-X (7 digits). */
  npaNxxx?: string;
  /** Choose numbers in this rate center (needs `state`). */
  rateCenter?: string;
  /** Choose numbers in this city (needs `state`). */
  city?: string;
  /** Two-letter state: alone it chooses numbers anywhere in the state; with `rateCenter` or `city` it qualifies them. */
  state?: string;
  /** Choose numbers in this ZIP code (NNNNN or NNNNN-NNNN). */
  zip?: string;
  /** Choose numbers in this LATA (up to 5 digits). */
  lata?: string;
  /** Choose a toll-free number spelling this vanity (4 to 7 letters or digits). */
  tollFreeVanity?: string;
  /** Choose toll-free numbers matching this pattern, such as `8**` or `87*`. */
  tollFreeWildCardPattern?: string;
  /** Choose local numbers containing this vanity (4 to 7 letters or digits; give `areaCode` beside it). */
  localVanity?: string;
  /** With `localVanity`: only numbers that end in it. */
  endsIn?: boolean;
  /** With `npaNxx`, `npaNxxx` or `rateCenter`: accept numbers from the local calling area when the exact area is short. */
  enableLCA?: boolean;
  /** Reservation ids of reserved `telephoneNumbers`; numbers added later are ordered with the reservation ids added with them. */
  reservationIds?: string[];
  /** Attributes for the new numbers; Bandwidth knows `Protected`. */
  tnAttributes?: string[];
  /** Accept fewer numbers than asked for (Bandwidth then answers PARTIAL). False: a shortage fails the order. Default: `false`. */
  partialAllowed: boolean;
  /** Let a shortage wait as a backorder (BACKORDERED can last days); Bandwidth refuses it for specific numbers, NPA-NXX(X) and vanity. Default: `false`. */
  backOrderRequested: boolean;
  /** Bandwidth's CustomerOrderId (up to 40 letters, digits, dashes, spaces), sent with every order; it lets a retried create find its own order. An explicit id is never adopted: give a new one with any change that replaces the resource. Default: derived from the Pulumi organization, project, stack, resource name, site, peer and every input whose change replaces the resource. */
  customerOrderId: string;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  voiceConfigurationPackageId?: string;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  messaging?: NumberMessaging;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  callingNameDisplay?: boolean;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  portOutPasscode?: string;
  /** DisconnectMode sent when numbers are disconnected: `normal` (Bandwidth's default), `soft-remove` or `purge`. */
  disconnectMode?: string;
  /** `Protected` sent with a disconnect: TRUE, FALSE or UNCHANGED. */
  disconnectProtected?: string;
  /** How long one `pulumi up` or `destroy` waits for an order, move or disconnect before leaving it pending (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  timeoutSeconds: number;
  /** Manage this existing order's numbers instead of placing an order; without `quantity` every number of the adopted order is kept. */
  adoptOrderId?: string;
  /** `project/stack/resource-name`, set by the resource class: names the resource in progress lines and ids. */
  resourceKey?: string;
  /** The Pulumi organization, set by the resource class: part of the derived CustomerOrderId. */
  organization?: string;
}

/** What a PhoneNumberOrder holds after create, update or refresh: its inputs and what it holds. */
export interface PhoneNumberOrderOutputs extends PhoneNumberOrderInputs {
  /** Specific numbers to order (10-digit or +1 E.164): one way to choose numbers. Adding or removing numbers orders or disconnects just those. As an output: the numbers held, 10-digit, each at its own index. */
  telephoneNumbers: string[];
  /** Bandwidth's order-type element of this resource's orders, e.g. AreaCodeSearchAndOrderType. */
  orderType: string;
  /** Every order placed or adopted for this resource, oldest first; the first is the resource id. */
  orderIds: string[];
  /** Orders not final yet (still RECEIVED or BACKORDERED when a wait ran out): the next `pulumi up` resumes them. */
  pendingOrderIds: string[];
  /** The status of the most recent order: COMPLETE, PARTIAL, BACKORDERED, ... */
  orderStatus: string;
  /** The numbers held in E.164 (+1...), index for index with `telephoneNumbers`. */
  e164Numbers: string[];
  /** Numbers Bandwidth reported as failed in this resource's orders. */
  failedNumbers: string[];
  /** When the first order was created. */
  orderCreateDate?: string;
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  accountId?: string;
  /** Positions in `telephoneNumbers` whose numbers were lost since the last update (seen by refresh). The next `pulumi up` puts replacements there, so every surviving number keeps its index. */
  vacatedSlots: number[];
  /** Move orders that moved the numbers to another site or location, oldest first. Bandwidth names a moved number's move order as its order, so these count as the resource's own orders. */
  moveOrderIds: string[];
  /** Each number's settings as Bandwidth reports them, keyed by the 10-digit number: what the resource's option orders and package assignment set, and on refresh what Bandwidth holds now (a change made outside the stack shows, and the next `pulumi up` sets the program's values again). Empty when no setting is given. */
  numberSettings?: Record<string, NumberSetting>;
}

/** The outputs a PhoneNumberOrder resource declares: each a `pulumi.Output` of what the state holds. */
export interface PhoneNumberOrderResourceOutputs {
  /** The site (sub-account) the numbers are ordered into. Changing it moves the numbers there in place (one move order), never replaces them. */
  readonly siteId: pulumi.Output<string>;
  /** The SIP peer (location) under the site; none means the site's default. Changing it moves the numbers there in place (one move order), never replaces them. */
  readonly peerId: pulumi.Output<string | undefined>;
  /** The order's name in Bandwidth (at most 50 characters). Changing it renames every order in place. Default: the resource name. */
  readonly name: pulumi.Output<string>;
  /** How many numbers to hold (1 to 5000; the API's own default of 5000 never applies). Raising it places an extra order for the difference; lowering it disconnects the surplus. Default: `1`. */
  readonly quantity: pulumi.Output<number | undefined>;
  /** Specific numbers to order (10-digit or +1 E.164): one way to choose numbers. Adding or removing numbers orders or disconnects just those. As an output: the numbers held, 10-digit, each at its own index. */
  readonly telephoneNumbers: pulumi.Output<string[]>;
  /** Choose numbers in this area code (NPA). */
  readonly areaCode: pulumi.Output<string | undefined>;
  /** Choose numbers in this NPA-NXX (6 digits). */
  readonly npaNxx: pulumi.Output<string | undefined>;
  /** Choose numbers in this NPA-NXX-X (7 digits). */
  readonly npaNxxx: pulumi.Output<string | undefined>;
  /** Choose numbers in this rate center (needs `state`). */
  readonly rateCenter: pulumi.Output<string | undefined>;
  /** Choose numbers in this city (needs `state`). */
  readonly city: pulumi.Output<string | undefined>;
  /** Two-letter state: alone it chooses numbers anywhere in the state; with `rateCenter` or `city` it qualifies them. */
  readonly state: pulumi.Output<string | undefined>;
  /** Choose numbers in this ZIP code (NNNNN or NNNNN-NNNN). */
  readonly zip: pulumi.Output<string | undefined>;
  /** Choose numbers in this LATA (up to 5 digits). */
  readonly lata: pulumi.Output<string | undefined>;
  /** Choose a toll-free number spelling this vanity (4 to 7 letters or digits). */
  readonly tollFreeVanity: pulumi.Output<string | undefined>;
  /** Choose toll-free numbers matching this pattern, such as `8**` or `87*`. */
  readonly tollFreeWildCardPattern: pulumi.Output<string | undefined>;
  /** Choose local numbers containing this vanity (4 to 7 letters or digits; give `areaCode` beside it). */
  readonly localVanity: pulumi.Output<string | undefined>;
  /** With `localVanity`: only numbers that end in it. */
  readonly endsIn: pulumi.Output<boolean | undefined>;
  /** With `npaNxx`, `npaNxxx` or `rateCenter`: accept numbers from the local calling area when the exact area is short. */
  readonly enableLCA: pulumi.Output<boolean | undefined>;
  /** Reservation ids of reserved `telephoneNumbers`; numbers added later are ordered with the reservation ids added with them. */
  readonly reservationIds: pulumi.Output<string[] | undefined>;
  /** Attributes for the new numbers; Bandwidth knows `Protected`. */
  readonly tnAttributes: pulumi.Output<string[] | undefined>;
  /** Accept fewer numbers than asked for (Bandwidth then answers PARTIAL). False: a shortage fails the order. Default: `false`. */
  readonly partialAllowed: pulumi.Output<boolean>;
  /** Let a shortage wait as a backorder (BACKORDERED can last days); Bandwidth refuses it for specific numbers, NPA-NXX(X) and vanity. Default: `false`. */
  readonly backOrderRequested: pulumi.Output<boolean>;
  /** Bandwidth's CustomerOrderId (up to 40 letters, digits, dashes, spaces), sent with every order; it lets a retried create find its own order. An explicit id is never adopted: give a new one with any change that replaces the resource. Default: derived from the Pulumi organization, project, stack, resource name, site, peer and every input whose change replaces the resource. */
  readonly customerOrderId: pulumi.Output<string>;
  /** Assign every number to this voice configuration package (calls go to its Voice-V2 application): one bulk assignment. Changing it moves the numbers to the new package; removing it takes them out of the package. In place: no number is ordered or released. */
  readonly voiceConfigurationPackageId: pulumi.Output<string | undefined>;
  /** SMS and the 10DLC campaign on every number, set by one TN option order. In place; an option removed from the program is left on the numbers as it is. */
  readonly messaging: pulumi.Output<NumberMessaging | undefined>;
  /** Calling name display on every number (TN option `CallingNameDisplay`). In place; removed from the program, it is left as it is. */
  readonly callingNameDisplay: pulumi.Output<boolean | undefined>;
  /** The passcode another carrier must quote to port the numbers out (TN option `PortOutPasscode`, 4 to 10 letters or digits). Secret in state, outputs, progress lines and errors; Bandwidth never reads it back. In place; removed from the program, it is left as it is. Secret: never shown in clear in state, diffs or logs. */
  readonly portOutPasscode: pulumi.Output<string | undefined>;
  /** DisconnectMode sent when numbers are disconnected: `normal` (Bandwidth's default), `soft-remove` or `purge`. */
  readonly disconnectMode: pulumi.Output<string | undefined>;
  /** `Protected` sent with a disconnect: TRUE, FALSE or UNCHANGED. */
  readonly disconnectProtected: pulumi.Output<string | undefined>;
  /** How long one `pulumi up` or `destroy` waits for an order, move or disconnect before leaving it pending (Pulumi's customTimeouts do not reach dynamic resources). Default: `900`. */
  readonly timeoutSeconds: pulumi.Output<number>;
  /** Manage this existing order's numbers instead of placing an order; without `quantity` every number of the adopted order is kept. */
  readonly adoptOrderId: pulumi.Output<string | undefined>;
  /** Bandwidth's order-type element of this resource's orders, e.g. AreaCodeSearchAndOrderType. */
  readonly orderType: pulumi.Output<string>;
  /** Every order placed or adopted for this resource, oldest first; the first is the resource id. */
  readonly orderIds: pulumi.Output<string[]>;
  /** Orders not final yet (still RECEIVED or BACKORDERED when a wait ran out): the next `pulumi up` resumes them. */
  readonly pendingOrderIds: pulumi.Output<string[]>;
  /** The status of the most recent order: COMPLETE, PARTIAL, BACKORDERED, ... */
  readonly orderStatus: pulumi.Output<string>;
  /** The numbers held in E.164 (+1...), index for index with `telephoneNumbers`. */
  readonly e164Numbers: pulumi.Output<string[]>;
  /** Numbers Bandwidth reported as failed in this resource's orders. */
  readonly failedNumbers: pulumi.Output<string[]>;
  /** When the first order was created. */
  readonly orderCreateDate: pulumi.Output<string | undefined>;
  /** The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused. */
  readonly accountId: pulumi.Output<string | undefined>;
  /** Positions in `telephoneNumbers` whose numbers were lost since the last update (seen by refresh). The next `pulumi up` puts replacements there, so every surviving number keeps its index. */
  readonly vacatedSlots: pulumi.Output<number[]>;
  /** Move orders that moved the numbers to another site or location, oldest first. Bandwidth names a moved number's move order as its order, so these count as the resource's own orders. */
  readonly moveOrderIds: pulumi.Output<string[]>;
  /** Each number's settings as Bandwidth reports them, keyed by the 10-digit number: what the resource's option orders and package assignment set, and on refresh what Bandwidth holds now (a change made outside the stack shows, and the next `pulumi up` sets the program's values again). Empty when no setting is given. */
  readonly numberSettings: pulumi.Output<Record<string, NumberSetting> | undefined>;
}
