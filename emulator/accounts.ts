import { clientCredentialsOf } from "./oauth";

/** A site (sub-account) and the SIP peers (locations) under it. */
export interface SiteSeed {
  /** The site's id. */
  siteId: string;
  /** The ids of the SIP peers (locations) under the site; orders may name any of them. */
  peerIds: string[];
}

/** An account the emulator knows: Dashboard credentials, the linked v1 user and its sites. */
export interface AccountSeed {
  /** The Dashboard account id. */
  accountId: string;
  /** The account's legacy API User name, accepted with HTTP Basic. */
  username: string;
  /** That API User's password. */
  password: string;
  /** The linked Voice & Messaging v1 user (`u-...`). */
  userId: string;
  /** The v1 API token of that user. */
  apiToken: string;
  /** The v1 API secret paired with `apiToken`. */
  apiSecret: string;
  /** OAuth 2.0 client id; default `client-{accountId}`. */
  clientId?: string;
  /** OAuth 2.0 client secret; default derived from the password. */
  clientSecret?: string;
  /** Default: site 461 with peer 651681, and site 462 with no peer. */
  sites?: SiteSeed[];
}

/** The demo account seeded when no `accounts` option is given. */
export const DEMO_ACCOUNT: Readonly<Required<AccountSeed>> = {
  accountId: "9900001",
  username: "demo",
  password: "demo-password",
  userId: "u-demo0001",
  apiToken: "t-demo0001",
  apiSecret: "demo-api-secret",
  clientId: "demo-client",
  clientSecret: "demo-client-secret",
  sites: [
    { siteId: "461", peerIds: ["651681"] },
    { siteId: "462", peerIds: [] },
  ],
};

/** The accounts every API shares: Dashboard credentials, OAuth clients, the linked v1 user and its sites. */
export class Accounts {
  private readonly seeds = new Map<string, Required<AccountSeed>>();

  constructor(accounts: AccountSeed[]) {
    for (const seed of accounts) {
      const full = { sites: DEMO_ACCOUNT.sites, ...seed, ...clientCredentialsOf(seed) } as Required<AccountSeed>;
      this.seeds.set(seed.accountId, full);
    }
  }

  /** All account seeds, in the order given. */
  all(): Required<AccountSeed>[] {
    return [...this.seeds.values()];
  }

  /** The account with this id, or undefined. */
  byId(accountId: string): Required<AccountSeed> | undefined {
    return this.seeds.get(accountId);
  }

  /** The account whose Dashboard API User this is, or undefined. */
  byUsername(username: string): Required<AccountSeed> | undefined {
    return this.all().find((a) => a.username === username);
  }

  /** The account of an OAuth 2.0 client, or undefined. */
  byClientId(clientId: string): Required<AccountSeed> | undefined {
    return this.all().find((a) => a.clientId === clientId);
  }

  /** The account whose v1 API token this is, or undefined. */
  byApiToken(apiToken: string): Required<AccountSeed> | undefined {
    return this.all().find((a) => a.apiToken === apiToken);
  }

  /** The account linked to a v1 user, or undefined. */
  byUserId(userId: string): Required<AccountSeed> | undefined {
    return this.all().find((a) => a.userId === userId);
  }
}
