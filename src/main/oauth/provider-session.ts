// What the sign-in controller needs from one provider (Microsoft through MSAL, Google through
// google-auth-library): silent tokens from the encrypted cache, the authorization URL, the code
// exchange, and the sign-in state read from the cache without any network.
import type { SignInStatus } from '../../shared/oauth.js';

export interface TokenResult {
  token: string;
  /** The signed-in account (e-mail / UPN). */
  account: string;
  expiresOn: Date;
}

export interface AuthorizationRequest {
  scopes: string[];
  redirectUri: string;
  state: string;
  codeChallenge: string;
  loginHint: string;
}

export interface CodeRedemption {
  scopes: string[];
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export interface ProviderSession {
  /** A token from the cache (refreshed silently when needed); null when nothing usable is cached. */
  silent(scopes: string[], loginHint: string): Promise<TokenResult | null>;
  authorizationUrl(req: AuthorizationRequest): Promise<string>;
  redeem(req: CodeRedemption): Promise<TokenResult>;
  /** Whether an `iss` in the authorization response names this provider (RFC 9207). */
  issuerMatches(iss: string): boolean;
  status(scopes: string[]): Promise<SignInStatus>;
}
