// Generated from provider/schema/site.ts by `npm run generate`: do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type { SiteAddress } from "../../provisioning";

/** A site's postal address, as Bandwidth's site reference describes it. */
export interface SiteAddressArgs {
  /** House number, e.g. `900`. */
  houseNumber: pulumi.Input<string>;
  /** House suffix, e.g. `1/2`. */
  houseSuffix?: pulumi.Input<string>;
  /** Direction before the street name, e.g. `N`. */
  preDirectional?: pulumi.Input<string>;
  /** Street name, e.g. `Main Campus`. */
  streetName: pulumi.Input<string>;
  /** Street suffix, e.g. `Dr`. */
  streetSuffix?: pulumi.Input<string>;
  /** Direction after the street name, e.g. `NW`. */
  postDirectional?: pulumi.Input<string>;
  /** Second address line (suite, apartment). */
  addressLine2?: pulumi.Input<string>;
  /** City. */
  city: pulumi.Input<string>;
  /** Two-letter state code. */
  stateCode: pulumi.Input<string>;
  /** ZIP code (5 digits). */
  zip: pulumi.Input<string>;
  /** ZIP+4 extension (4 digits). */
  plusFour?: pulumi.Input<string>;
  /** County. */
  county?: pulumi.Input<string>;
  /** Country (Bandwidth's default: the United States). */
  country?: pulumi.Input<string>;
  /** `Billing` or `Service`. */
  addressType: pulumi.Input<"Billing" | "Service">;
}

/** The arguments of a Site: a sub-account of the Bandwidth Dashboard account, which holds Locations. */
export interface SiteArgs {
  /** The site's name (at most 10 characters, as Bandwidth's reference says). Updated in place. Default: the resource name. */
  name?: pulumi.Input<string>;
  /** A description. Updated in place. */
  description?: pulumi.Input<string>;
  /** A customer name for the site. Updated in place. */
  customerName?: pulumi.Input<string>;
  /** The site's address. Bandwidth's reference requires one on some accounts; its 2026 CLI creates sites without. Updated in place; an address dropped from the program is left as it is (Bandwidth offers no way to remove one). */
  address?: pulumi.Input<SiteAddressArgs>;
}

/** The checked inputs of a Site. */
export interface SiteInputs {
  /** The site's name (at most 10 characters, as Bandwidth's reference says). Updated in place. Default: the resource name. */
  name: string;
  /** A description. Updated in place. */
  description?: string;
  /** A customer name for the site. Updated in place. */
  customerName?: string;
  /** The site's address. Bandwidth's reference requires one on some accounts; its 2026 CLI creates sites without. Updated in place; an address dropped from the program is left as it is (Bandwidth offers no way to remove one). */
  address?: SiteAddress;
}

/** What a Site holds. */
export interface SiteOutputs extends SiteInputs {
  /** Bandwidth's id of the site, also the resource id: a Location's and a PhoneNumberOrder's siteId. */
  siteId: string;
}

/** The outputs a Site resource declares: each a `pulumi.Output` of what the state holds. */
export interface SiteResourceOutputs {
  /** The site's name (at most 10 characters, as Bandwidth's reference says). Updated in place. Default: the resource name. */
  readonly name: pulumi.Output<string>;
  /** A description. Updated in place. */
  readonly description: pulumi.Output<string | undefined>;
  /** A customer name for the site. Updated in place. */
  readonly customerName: pulumi.Output<string | undefined>;
  /** The site's address. Bandwidth's reference requires one on some accounts; its 2026 CLI creates sites without. Updated in place; an address dropped from the program is left as it is (Bandwidth offers no way to remove one). */
  readonly address: pulumi.Output<SiteAddress | undefined>;
  /** Bandwidth's id of the site, also the resource id: a Location's and a PhoneNumberOrder's siteId. */
  readonly siteId: pulumi.Output<string>;
}
