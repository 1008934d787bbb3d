/** Shapes of the Voice & Messaging v1 ("Catapult") phoneNumbers API. */

/** A number imported into Voice v1. */
export interface VoiceNumber {
  /** The `n-...` number id. */
  id: string;
  /** E.164, e.g. +19195551234. */
  number: string;
  /** e.g. "(919) 555-1234". */
  nationalNumber?: string;
  name?: string;
  applicationId?: string;
  city?: string;
  state?: string;
  /** e.g. enabled. */
  numberState?: string;
  createdTime?: string;
  fallbackNumber?: string;
  price?: string;
}

/** A number to import. */
export interface VoiceNumberImport {
  /** E.164. */
  number: string;
  name?: string;
  applicationId?: string;
}

/**
 * The Dashboard account and API User that a v1 import's mandatory `provider` block names (Bandwidth's v1 import
 * reference: providerName and the three properties are all "Mandatory: Yes"). The password never reaches an error.
 */
export interface DashboardProvider {
  accountId: string;
  userName: string;
  password: string;
}

/** Fields that can be changed in place; `applicationId: ""` detaches the application. */
export interface VoiceNumberUpdate {
  applicationId?: string;
  name?: string;
  fallbackNumber?: string;
}

/** Filters of the numbers list. */
export interface VoiceNumberFilter {
  applicationId?: string;
  state?: string;
  name?: string;
  city?: string;
  numberState?: string;
  /** Page size (default 100). */
  size?: number;
}
