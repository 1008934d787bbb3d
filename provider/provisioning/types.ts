/**
 * Shapes of the Dashboard API's provisioning objects (applications, sites, SIP peers) as the client reads and writes
 * them. Plain data: every id stays a string.
 */

/** The two service types of Bandwidth's current (v2) applications. */
export type ServiceType = "Voice-V2" | "Messaging-V2";

/** HTTP method Bandwidth uses for a callback. */
export type CallbackMethod = "GET" | "POST";

/** Basic-auth credentials Bandwidth sends with callbacks; the password is never echoed back by Bandwidth. */
export interface CallbackCredentials {
  userId: string;
  password?: string;
}

/** The messaging callback types an application may ask for. */
export const CALLBACK_TYPES = ["message-delivered", "message-failed", "message-sending"] as const;

/** One of the messaging callback types. */
export type CallbackType = (typeof CALLBACK_TYPES)[number];

/** An application as written (POST/PUT) or read (GET); undefined fields are absent from the XML. */
export interface ApplicationFields {
  serviceType: ServiceType;
  appName: string;
  callInitiatedCallbackUrl?: string;
  callInitiatedMethod?: CallbackMethod;
  callStatusCallbackUrl?: string;
  callStatusMethod?: CallbackMethod;
  callbackCreds?: CallbackCredentials;
  callInitiatedFallbackUrl?: string;
  callInitiatedFallbackMethod?: CallbackMethod;
  callInitiatedFallbackCreds?: CallbackCredentials;
  callbackTimeout?: number;
  inboundCallbackUrl?: string;
  outboundCallbackUrl?: string;
  inboundCallbackCreds?: CallbackCredentials;
  outboundCallbackCreds?: CallbackCredentials;
  requestedCallbackTypes?: CallbackType[];
}

/** An application as Bandwidth reports it. */
export interface ApplicationInfo extends Omit<ApplicationFields, "serviceType"> {
  applicationId: string;
  /** As echoed; Bandwidth's examples show both `Voice-V2` and `Voice`. */
  serviceType: string;
}

/** A location (SIP peer) that references an application. */
export interface AssociatedSipPeer {
  siteId: string;
  siteName?: string;
  peerId: string;
  peerName?: string;
}

/** A postal address of a site. */
export interface SiteAddress {
  /** House number. */
  houseNumber: string;
  /** House suffix. */
  houseSuffix?: string;
  /** Direction before the street name. */
  preDirectional?: string;
  /** Street name. */
  streetName: string;
  /** Street suffix. */
  streetSuffix?: string;
  /** Direction after the street name. */
  postDirectional?: string;
  /** Second address line. */
  addressLine2?: string;
  /** City. */
  city: string;
  /** Two-letter state code. */
  stateCode: string;
  /** ZIP code. */
  zip: string;
  /** ZIP+4 extension. */
  plusFour?: string;
  /** County. */
  county?: string;
  /** Country. */
  country?: string;
  /** `Billing` or `Service`. */
  addressType: "Billing" | "Service";
}

/** A site (sub-account) as written. */
export interface SiteFields {
  name: string;
  description?: string;
  customerName?: string;
  customerProvidedId?: string;
  address?: SiteAddress;
}

/** A site as Bandwidth reports it. */
export interface SiteInfo extends Omit<SiteFields, "address"> {
  siteId: string;
  address?: Partial<SiteAddress> & Record<string, string | undefined>;
}

/** A SIP peer (location) as written. */
export interface SipPeerFields {
  peerName: string;
  description?: string;
  isDefaultPeer?: boolean;
}

/** A SIP peer as Bandwidth reports it. */
export interface SipPeerInfo extends SipPeerFields {
  peerId: string;
  siteId: string;
}

/** Origination (inbound voice) settings of a location: SIP, or HTTP with a Voice-V2 application. */
export interface OriginationSettings {
  voiceProtocol: string;
  httpVoiceV2AppId?: string;
}

/** The SMS feature of a location, as Bandwidth's programmatic setup guide enables it. */
export interface SmsFeatureSettings {
  tollFree: boolean;
  shortCode: boolean;
  zone1: boolean;
  zone2: boolean;
  zone3: boolean;
  zone4: boolean;
  zone5: boolean;
}
