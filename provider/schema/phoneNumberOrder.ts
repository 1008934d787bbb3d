/** PhoneNumberOrder's schema: every field once. The operations are in provider/resources/phoneNumberOrder.ts. */
import { numberSettingsInputs, numberSettingsOutput } from "./numberSettings";
import type { Field, ResourceSchema } from "./types";

const criterion = (description: string, type: Field["type"] = "string"): Field => ({
  type,
  description,
  role: "input",
  change: "replace",
});

const held = (type: Field["type"], description: string, always = true): Field => ({
  type,
  description,
  role: "output",
  always,
  stable: true,
});

export const phoneNumberOrderSchema: ResourceSchema = {
  name: "PhoneNumberOrder",
  source: "provider/schema/phoneNumberOrder.ts",
  description:
    "Telephone numbers owned by a stack: ordered on create (polled to completion), scaled by extra orders and " +
    "disconnects, moved in place to another site or location, and un-imported and disconnected on destroy.",
  argsDescription:
    "The arguments of a PhoneNumberOrder: where the numbers go, how to choose them, and how to wait and let go.",
  inputsDescription: "The checked, normalised inputs of a PhoneNumberOrder as the provider sees them.",
  outputsDescription: "What a PhoneNumberOrder holds after create, update or refresh: its inputs and what it holds.",
  fields: {
    siteId: {
      type: "string",
      description:
        "The site (sub-account) the numbers are ordered into. Changing it moves the numbers there in place (one " +
        "move order), never replaces them.",
      role: "input",
      change: "update",
      required: true,
      stable: true,
    },
    peerId: {
      type: "string",
      description:
        "The SIP peer (location) under the site; none means the site's default. Changing it moves the numbers there " +
        "in place (one move order), never replaces them.",
      role: "input",
      change: "update",
      stable: true,
    },
    name: {
      type: "string",
      description: "The order's name in Bandwidth (at most 50 characters). Changing it renames every order in place.",
      role: "input",
      change: "update",
      default: { computed: "the resource name" },
      always: true,
    },
    quantity: {
      type: "integer",
      description:
        "How many numbers to hold (1 to 5000; the API's own default of 5000 never applies). Raising it places an " +
        "extra order for the difference; lowering it disconnects the surplus.",
      role: "input",
      change: "update",
      default: 1,
    },
    telephoneNumbers: {
      type: { array: "string" },
      description:
        "Specific numbers to order (10-digit or +1 E.164): one way to choose numbers. Adding or removing numbers " +
        "orders or disconnects just those. As an output: the numbers held, 10-digit, each at its own index.",
      role: "input",
      change: "update",
      alwaysInOutputs: true,
      stable: true,
    },
    areaCode: criterion("Choose numbers in this area code (NPA)."),
    npaNxx: criterion("Choose numbers in this NPA-NXX (6 digits)."),
    npaNxxx: criterion("Choose numbers in this NPA-NXX-X (7 digits)."),
    rateCenter: criterion("Choose numbers in this rate center (needs `state`)."),
    city: criterion("Choose numbers in this city (needs `state`)."),
    state: criterion(
      "Two-letter state: alone it chooses numbers anywhere in the state; with `rateCenter` or `city` it qualifies them.",
    ),
    zip: criterion("Choose numbers in this ZIP code (NNNNN or NNNNN-NNNN)."),
    lata: criterion("Choose numbers in this LATA (up to 5 digits)."),
    tollFreeVanity: criterion("Choose a toll-free number spelling this vanity (4 to 7 letters or digits)."),
    tollFreeWildCardPattern: criterion("Choose toll-free numbers matching this pattern, such as `8**` or `87*`."),
    localVanity: criterion(
      "Choose local numbers containing this vanity (4 to 7 letters or digits; give `areaCode` beside it).",
    ),
    endsIn: criterion("With `localVanity`: only numbers that end in it.", "boolean"),
    enableLCA: criterion(
      "With `npaNxx`, `npaNxxx` or `rateCenter`: accept numbers from the local calling area when the exact area is short.",
      "boolean",
    ),
    reservationIds: {
      type: { array: "string" },
      description:
        "Reservation ids of reserved `telephoneNumbers`; numbers added later are ordered with the reservation ids " +
        "added with them.",
      role: "input",
      change: "setting",
    },
    tnAttributes: {
      type: { array: "string" },
      description: "Attributes for the new numbers; Bandwidth knows `Protected`.",
      role: "input",
      change: "setting",
    },
    partialAllowed: {
      type: "boolean",
      description:
        "Accept fewer numbers than asked for (Bandwidth then answers PARTIAL). False: a shortage fails the order.",
      role: "input",
      change: "setting",
      default: false,
      always: true,
    },
    backOrderRequested: {
      type: "boolean",
      description:
        "Let a shortage wait as a backorder (BACKORDERED can last days); Bandwidth refuses it for specific numbers, " +
        "NPA-NXX(X) and vanity.",
      role: "input",
      change: "setting",
      default: false,
      always: true,
    },
    customerOrderId: {
      type: "string",
      description:
        "Bandwidth's CustomerOrderId (up to 40 letters, digits, dashes, spaces), sent with every order; it lets a " +
        "retried create find its own order. An explicit id is never adopted: give a new one with any change that " +
        "replaces the resource.",
      role: "input",
      change: "setting",
      default: {
        computed:
          "derived from the Pulumi organization, project, stack, resource name, site, peer and every input whose change replaces the resource",
      },
      always: true,
    },
    ...numberSettingsInputs,
    disconnectMode: {
      type: "string",
      description:
        "DisconnectMode sent when numbers are disconnected: `normal` (Bandwidth's default), `soft-remove` or `purge`.",
      role: "input",
      change: "setting",
    },
    disconnectProtected: {
      type: "string",
      description: "`Protected` sent with a disconnect: TRUE, FALSE or UNCHANGED.",
      role: "input",
      change: "setting",
    },
    timeoutSeconds: {
      type: "integer",
      description:
        "How long one `pulumi up` or `destroy` waits for an order, move or disconnect before leaving it pending " +
        "(Pulumi's customTimeouts do not reach dynamic resources).",
      role: "input",
      change: "setting",
      default: 900,
      always: true,
    },
    adoptOrderId: {
      type: "string",
      description:
        "Manage this existing order's numbers instead of placing an order; without `quantity` every number of the " +
        "adopted order is kept.",
      role: "input",
      change: "replace",
    },
    resourceKey: {
      type: "string",
      description:
        "`project/stack/resource-name`, set by the resource class: names the resource in progress lines and ids.",
      role: "internal",
    },
    organization: {
      type: "string",
      description: "The Pulumi organization, set by the resource class: part of the derived CustomerOrderId.",
      role: "internal",
    },
    orderType: held(
      "string",
      "Bandwidth's order-type element of this resource's orders, e.g. AreaCodeSearchAndOrderType.",
    ),
    orderIds: held(
      { array: "string" },
      "Every order placed or adopted for this resource, oldest first; the first is the resource id.",
    ),
    pendingOrderIds: held(
      { array: "string" },
      "Orders not final yet (still RECEIVED or BACKORDERED when a wait ran out): the next `pulumi up` resumes them.",
    ),
    orderStatus: held("string", "The status of the most recent order: COMPLETE, PARTIAL, BACKORDERED, ..."),
    e164Numbers: held(
      { array: "string" },
      "The numbers held in E.164 (+1...), index for index with `telephoneNumbers`.",
    ),
    failedNumbers: held({ array: "string" }, "Numbers Bandwidth reported as failed in this resource's orders."),
    orderCreateDate: held("string", "When the first order was created.", false),
    accountId: held(
      "string",
      "The Bandwidth account the numbers are on; a refresh, update or destroy with another account's credentials is refused.",
      false,
    ),
    vacatedSlots: {
      type: { array: "integer" },
      description:
        "Positions in `telephoneNumbers` whose numbers were lost since the last update (seen by refresh). The next " +
        "`pulumi up` puts replacements there, so every surviving number keeps its index.",
      role: "output",
      always: true,
    },
    moveOrderIds: held(
      { array: "string" },
      "Move orders that moved the numbers to another site or location, oldest first. Bandwidth names a moved " +
        "number's move order as its order, so these count as the resource's own orders.",
    ),
    numberSettings: numberSettingsOutput,
  },
};
