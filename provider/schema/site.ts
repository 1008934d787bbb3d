/** Site's schema: every field once. The operations are in provider/resources/site.ts. */
import type { ObjectType, ResourceSchema } from "./types";

const part = (description: string, required = false) => ({ type: "string" as const, description, required });

/** A site's postal address, as Bandwidth's site reference describes it. */
export const siteAddressType: ObjectType = {
  name: "SiteAddress",
  argsName: "SiteAddressArgs",
  valueName: "SiteAddress",
  valueModule: "../../provisioning",
  description: "A site's postal address, as Bandwidth's site reference describes it.",
  properties: {
    houseNumber: part("House number, e.g. `900`.", true),
    houseSuffix: part("House suffix, e.g. `1/2`."),
    preDirectional: part("Direction before the street name, e.g. `N`."),
    streetName: part("Street name, e.g. `Main Campus`.", true),
    streetSuffix: part("Street suffix, e.g. `Dr`."),
    postDirectional: part("Direction after the street name, e.g. `NW`."),
    addressLine2: part("Second address line (suite, apartment)."),
    city: part("City.", true),
    stateCode: part("Two-letter state code.", true),
    zip: part("ZIP code (5 digits).", true),
    plusFour: part("ZIP+4 extension (4 digits)."),
    county: part("County."),
    country: part("Country (Bandwidth's default: the United States)."),
    addressType: { type: { enum: ["Billing", "Service"] }, description: "`Billing` or `Service`.", required: true },
  },
};

export const siteSchema: ResourceSchema = {
  name: "Site",
  source: "provider/schema/site.ts",
  description:
    "A site (sub-account) of the Bandwidth Dashboard account: the parent of Locations, and the siteId of orders.",
  argsDescription: "The arguments of a Site: a sub-account of the Bandwidth Dashboard account, which holds Locations.",
  inputsDescription: "The checked inputs of a Site.",
  outputsDescription: "What a Site holds.",
  fields: {
    name: {
      type: "string",
      description: "The site's name (at most 10 characters, as Bandwidth's reference says). Updated in place.",
      role: "input",
      change: "update",
      default: { computed: "the resource name" },
      always: true,
    },
    description: { type: "string", description: "A description. Updated in place.", role: "input", change: "update" },
    customerName: {
      type: "string",
      description: "A customer name for the site. Updated in place.",
      role: "input",
      change: "update",
    },
    address: {
      type: { object: siteAddressType },
      description:
        "The site's address. Bandwidth's reference requires one on some accounts; its 2026 CLI creates sites without. " +
        "Updated in place; an address dropped from the program is left as it is (Bandwidth offers no way to remove one).",
      role: "input",
      change: "update",
    },
    siteId: {
      type: "string",
      description: "Bandwidth's id of the site, also the resource id: a Location's and a PhoneNumberOrder's siteId.",
      role: "output",
      always: true,
    },
  },
};
