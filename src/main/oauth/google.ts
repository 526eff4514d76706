// Google through google-auth-library's OAuth2Client: a desktop-app client (its secret is not
// confidential but Google's token endpoint wants it), PKCE, loopback redirect http://127.0.0.1:<port>,
// a refresh token from access_type=offline (Google has no offline_access scope). The cache is our own
// small JSON document in the encrypted file; every token response is written back at once.
import type https from 'node:https';
import { CodeChallengeMethod, OAuth2Client, type Credentials } from 'google-auth-library';
import type { SignInStatus } from '../../shared/oauth.js';
import { MailError } from '../errors/mail-error.js';
import { GOOGLE_ENDPOINTS, type ResolvedOAuth } from './config.js';
import { httpsRequest, mapNetworkError } from './http.js';
import type {
  AuthorizationRequest,
  CodeRedemption,
  ProviderSession,
  TokenResult,
} from './provider-session.js';
import type { EncryptedTokenCache } from './token-cache.js';

interface GoogleCache {
  version: 1;
  provider: 'google';
  account: string;
  refreshToken?: string;
  accessToken?: string;
  /** ms since the epoch */
  expiresAt?: number;
  scope?: string;
}

/** MSAL's margin: a token closer than this to its expiry is refreshed first. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

interface Endpoints {
  issuer: string;
  authorization: string;
  token: string;
  revocation: string;
}

/** Reads the claims of an ID token received directly from the token endpoint over TLS (OIDC 3.1.3.7). */
function idTokenEmail(idToken: string | null | undefined, clientId: string): string {
  if (!idToken) return '';
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      email?: string;
      aud?: string | string[];
    };
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return aud.includes(clientId) ? (payload.email ?? '') : '';
  } catch {
    return '';
  }
}

export class GoogleSession implements ProviderSession {
  private endpoints: Endpoints | undefined;

  constructor(
    private readonly config: ResolvedOAuth,
    private readonly cache: EncryptedTokenCache,
    private readonly agent: https.Agent,
  ) {}

  /** Google's own endpoints, or those a custom base URL announces through OpenID Connect discovery. */
  private async resolveEndpoints(): Promise<Endpoints> {
    if (this.endpoints) return this.endpoints;
    if (!this.config.customAuthority) return (this.endpoints = GOOGLE_ENDPOINTS);
    const url = `${this.config.authority}/.well-known/openid-configuration`;
    let res;
    try {
      res = await httpsRequest(url, this.agent, { timeoutMs: 30_000 });
    } catch (e) {
      throw mapNetworkError(e, url);
    }
    if (res.status !== 200)
      throw new MailError('unexpected', { detail: `OpenID discovery ${url}: HTTP ${res.status}` });
    const d = JSON.parse(res.body.toString('utf8')) as Record<string, string | undefined>;
    if (!d.authorization_endpoint || !d.token_endpoint)
      throw new MailError('unexpected', { detail: `OpenID discovery ${url}: endpoints missing` });
    return (this.endpoints = {
      issuer: d.issuer ?? this.config.authority,
      authorization: d.authorization_endpoint,
      token: d.token_endpoint,
      revocation: d.revocation_endpoint ?? GOOGLE_ENDPOINTS.revocation,
    });
  }

  private async client(redirectUri?: string): Promise<OAuth2Client> {
    const e = await this.resolveEndpoints();
    return new OAuth2Client({
      clientId: this.config.clientId,
      ...(this.config.clientSecret ? { clientSecret: this.config.clientSecret } : {}),
      ...(redirectUri ? { redirectUri } : {}),
      endpoints: {
        oauth2AuthBaseUrl: e.authorization,
        oauth2TokenUrl: e.token,
        oauth2RevokeUrl: e.revocation,
      },
      transporterOptions: { agent: this.agent },
    });
  }

  private async readCache(): Promise<GoogleCache | null> {
    const text = await this.cache.read();
    if (!text) return null;
    try {
      const c = JSON.parse(text) as GoogleCache;
      return c.provider === 'google' ? c : null;
    } catch {
      return null;
    }
  }

  private async store(previous: GoogleCache | null, t: Credentials, account?: string): Promise<GoogleCache> {
    const next: GoogleCache = {
      version: 1,
      provider: 'google',
      account: account || previous?.account || '',
      // Google does not rotate refresh tokens, but if it sends a new one, that one is kept
      ...((t.refresh_token ?? previous?.refreshToken)
        ? { refreshToken: (t.refresh_token ?? previous?.refreshToken)! }
        : {}),
      ...(t.access_token ? { accessToken: t.access_token } : {}),
      ...(t.expiry_date ? { expiresAt: t.expiry_date } : {}),
      ...((t.scope ?? previous?.scope) ? { scope: (t.scope ?? previous?.scope)! } : {}),
    };
    await this.cache.write(JSON.stringify(next));
    return next;
  }

  private toResult(c: GoogleCache): TokenResult {
    return { token: c.accessToken!, account: c.account, expiresOn: new Date(c.expiresAt ?? 0) };
  }

  async silent(_scopes: string[], _loginHint: string): Promise<TokenResult | null> {
    const cached = await this.readCache();
    if (!cached) return null;
    if (cached.accessToken && (cached.expiresAt ?? 0) - Date.now() > EXPIRY_MARGIN_MS)
      return this.toResult(cached);
    if (!cached.refreshToken) return null;
    const client = await this.client();
    client.setCredentials({ refresh_token: cached.refreshToken });
    await client.getAccessToken();
    const next = await this.store(cached, client.credentials);
    if (!next.accessToken) return null;
    return this.toResult(next);
  }

  async authorizationUrl(req: AuthorizationRequest): Promise<string> {
    const client = await this.client(req.redirectUri);
    return client.generateAuthUrl({
      // a refresh token comes from access_type=offline (and prompt=consent to get one again)
      access_type: 'offline',
      prompt: 'consent',
      scope: req.scopes,
      state: req.state,
      code_challenge: req.codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      redirect_uri: req.redirectUri,
      ...(req.loginHint ? { login_hint: req.loginHint } : {}),
    });
  }

  async redeem(req: CodeRedemption): Promise<TokenResult> {
    const client = await this.client(req.redirectUri);
    const { tokens } = await client.getToken({
      code: req.code,
      codeVerifier: req.codeVerifier,
      redirect_uri: req.redirectUri,
    });
    const account = idTokenEmail(tokens.id_token, this.config.clientId);
    const next = await this.store(null, tokens, account);
    if (!next.accessToken) throw new MailError('unexpected', { detail: 'no access token in the answer' });
    return this.toResult(next);
  }

  issuerMatches(iss: string): boolean {
    const expected = this.endpoints?.issuer ?? GOOGLE_ENDPOINTS.issuer;
    return iss === expected;
  }

  async status(): Promise<SignInStatus> {
    const c = await this.readCache();
    if (!c?.refreshToken && !c?.accessToken) return { signedIn: false };
    return {
      signedIn: true,
      ...(c.account ? { account: c.account } : {}),
      ...(c.expiresAt ? { expiresAt: new Date(c.expiresAt).toISOString() } : {}),
    };
  }
}
