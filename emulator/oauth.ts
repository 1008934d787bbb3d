/**
 * Bandwidth's OAuth 2.0 token endpoint as the emulator plays it: client credentials in, expiring bearer tokens out,
 * one set of tokens per account. Tokens are random and opaque (Bandwidth's are JWTs; nothing may read inside them).
 */
import { randomBytes } from "node:crypto";

/** How the emulator authenticates the Numbers API. */
export interface AuthPolicy {
  /** Lifetime of an issued token, in seconds (`expires_in`). */
  tokenLifetimeSeconds: number;
  /** False answers HTTP Basic on the Numbers API with 401, as Bandwidth does from 2026-12-02. */
  legacyBasicAuth: boolean;
}

/** The policy of a freshly started emulator: tokens for an hour, as every SDK fixture shows; Basic still accepted. */
export const DEFAULT_AUTH_POLICY: Readonly<AuthPolicy> = { tokenLifetimeSeconds: 3600, legacyBasicAuth: true };

interface Issued {
  accountId: string;
  expiresAtMs: number;
}

/** Issues and checks bearer tokens. */
export class TokenIssuer {
  private readonly tokens = new Map<string, Issued>();

  /** A new token for the account, valid for `lifetimeSeconds`. */
  issue(accountId: string, lifetimeSeconds: number, now = Date.now()): { accessToken: string; expiresIn: number } {
    this.sweep(now);
    const accessToken = randomBytes(24).toString("base64url");
    this.tokens.set(accessToken, { accountId, expiresAtMs: now + lifetimeSeconds * 1000 });
    return { accessToken, expiresIn: lifetimeSeconds };
  }

  /** The account a token belongs to, or undefined for a token that is unknown or expired. */
  accountOf(token: string, now = Date.now()): string | undefined {
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAtMs <= now) return undefined;
    return issued.accountId;
  }

  /** Forgets every token (an emulator reset). */
  clear(): void {
    this.tokens.clear();
  }

  private sweep(now: number): void {
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs <= now) this.tokens.delete(token);
  }
}

/** The client id and secret of an account seed: its own, or derived from the account so every seed has a pair. */
export function clientCredentialsOf(seed: {
  accountId: string;
  password: string;
  clientId?: string;
  clientSecret?: string;
}): { clientId: string; clientSecret: string } {
  return {
    clientId: seed.clientId ?? `client-${seed.accountId}`,
    clientSecret: seed.clientSecret ?? `${seed.password}-client-secret`,
  };
}

/** The token endpoint's path under the emulator's origin (Bandwidth: https://api.bandwidth.com/api/v1/oauth2/token). */
export const TOKEN_PATH = "/api/v1/oauth2/token";

/**
 * Masks what a request body may carry in clear: passwords and port-out passcodes in XML, JSON and form bodies, and
 * client secrets.
 */
export function redactBody(body: string): string {
  return body
    .replace(/<(Password|PortOutPasscode)>[\s\S]*?<\/\1>/gi, "<$1>[REDACTED]</$1>")
    .replace(/("(?:password|portOutPasscode|clientSecret|client_secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[REDACTED]"')
    .replace(/((?:^|&)(?:password|client_secret)=)[^&]*/gi, "$1[REDACTED]");
}
