// Microsoft Entra ID through @azure/msal-node: a public client (no secret), PKCE, loopback redirect
// http://localhost:<port>, MSAL's token cache persisted through a cache plugin into the encrypted file.
// National clouds use Microsoft's hosts; an overridden sign-in base URL (sovereign or test deployment)
// is treated as a generic OpenID Connect authority (knownAuthorities + protocolMode OIDC).
import type https from 'node:https';
import {
  InteractionRequiredAuthError,
  LogLevel,
  ProtocolMode,
  PublicClientApplication,
  ResponseMode,
  type AccountInfo,
  type AuthenticationResult,
  type TokenCacheContext,
} from '@azure/msal-node';
import type { SignInStatus } from '../../shared/oauth.js';
import type { ResolvedOAuth } from './config.js';
import { httpsRequest } from './http.js';
import type {
  AuthorizationRequest,
  CodeRedemption,
  ProviderSession,
  TokenResult,
} from './provider-session.js';
import type { EncryptedTokenCache } from './token-cache.js';

interface NetworkResponse<T> {
  headers: Record<string, string>;
  body: T;
  status: number;
}

/** MSAL's network module on node:https, so a profile's extra CA is trusted (and nothing else changes). */
class MsalNetwork {
  /** MSAL reports failed requests without their cause; the cause is kept here (certificate, refused…). */
  lastError: Error | undefined;
  /** The last OAuth error a server answered with (MSAL hides the one of a failed metadata lookup). */
  lastRefusal: { error: string; description: string } | undefined;

  failure(): Error | undefined {
    return this.lastError;
  }

  refused(): { error: string; description: string } | undefined {
    return this.lastRefusal;
  }

  constructor(private readonly agent: https.Agent) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: { headers?: Record<string, string> },
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: string,
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    let res;
    try {
      res = await httpsRequest(url, this.agent, {
        method,
        ...(options?.headers ? { headers: options.headers } : {}),
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        timeoutMs: timeout ?? 30_000,
      });
    } catch (e) {
      this.lastError = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    let body: T;
    try {
      body = JSON.parse(res.body.toString('utf8') || '{}') as T;
    } catch {
      body = { error: 'invalid_response', error_description: `HTTP ${res.status}` } as T;
    }
    const refusal = body as { error?: unknown; error_description?: unknown };
    if (res.status >= 400 && typeof refusal.error === 'string')
      this.lastRefusal = {
        error: refusal.error,
        description: typeof refusal.error_description === 'string' ? refusal.error_description : '',
      };
    return { headers: res.headers, body, status: res.status };
  }
}

interface MsalCacheJson {
  Account?: Record<string, { username?: string; home_account_id?: string }>;
  AccessToken?: Record<string, { home_account_id?: string; target?: string; expires_on?: string }>;
  RefreshToken?: Record<string, { home_account_id?: string }>;
}

function sameUser(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export class MicrosoftSession implements ProviderSession {
  private readonly pca: PublicClientApplication;
  private readonly network: MsalNetwork;

  constructor(
    private readonly config: ResolvedOAuth,
    private readonly cache: EncryptedTokenCache,
    agent: https.Agent,
  ) {
    this.network = new MsalNetwork(agent);
    const cachePlugin = {
      beforeCacheAccess: async (ctx: TokenCacheContext) => {
        const text = await cache.read();
        ctx.tokenCache.deserialize(text ?? '{}');
      },
      afterCacheAccess: async (ctx: TokenCacheContext) => {
        // every change (a new sign-in, a refresh with a rotated refresh token) is written at once
        if (ctx.cacheHasChanged) await cache.write(ctx.tokenCache.serialize());
      },
    };
    this.pca = new PublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: config.authority,
        ...(config.customAuthority ? { knownAuthorities: [new URL(config.authority).host] } : {}),
      },
      cache: { cachePlugin },
      system: {
        networkClient: this.network,
        ...(config.customAuthority ? { protocolMode: ProtocolMode.OIDC } : {}),
        loggerOptions: {
          logLevel: LogLevel.Error,
          piiLoggingEnabled: false,
          loggerCallback: () => undefined,
        },
      },
    });
  }

  private pick(accounts: AccountInfo[], hint: string): AccountInfo | undefined {
    if (hint) {
      const match = accounts.find((a) => sameUser(a.username, hint));
      if (match) return match;
    }
    return accounts[0];
  }

  private result(r: AuthenticationResult | null): TokenResult {
    if (!r?.accessToken)
      throw new InteractionRequiredAuthError('no_tokens_found', 'no access token in the answer');
    return {
      token: r.accessToken,
      account: r.account?.username ?? '',
      expiresOn: r.expiresOn ?? new Date(Date.now() + 3600_000),
    };
  }

  /** Runs an MSAL call; a failed request surfaces with its real cause (MSAL hides it). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    this.network.lastError = undefined;
    this.network.lastRefusal = undefined;
    try {
      return await fn();
    } catch (e) {
      const code = (e as { errorCode?: unknown }).errorCode;
      const cause = this.network.failure();
      const lookup =
        code === 'network_error' || code === 'endpoints_resolution_error' || code === 'openid_config_error';
      if (cause instanceof Error && lookup) throw cause;
      // the sign-in server answered the lookup with an error (e.g. AADSTS90002, unknown tenant)
      const refusal = this.network.refused();
      if (lookup && refusal)
        throw Object.assign(new Error(refusal.description || refusal.error), {
          errorCode: refusal.error,
          errorMessage: refusal.description,
        });
      throw e;
    }
  }

  async silent(scopes: string[], loginHint: string): Promise<TokenResult | null> {
    return this.guard(async () => {
      const account = this.pick(await this.pca.getAllAccounts(), loginHint);
      if (!account) return null;
      return this.result(await this.pca.acquireTokenSilent({ account, scopes }));
    });
  }

  async authorizationUrl(req: AuthorizationRequest): Promise<string> {
    return this.guard(() =>
      this.pca.getAuthCodeUrl({
        scopes: req.scopes,
        redirectUri: req.redirectUri,
        // form_post keeps the code out of the browser's history (MSAL's own interactive flow does the same)
        responseMode: ResponseMode.FORM_POST,
        state: req.state,
        codeChallenge: req.codeChallenge,
        codeChallengeMethod: 'S256',
        ...(req.loginHint ? { loginHint: req.loginHint } : {}),
      }),
    );
  }

  async redeem(req: CodeRedemption): Promise<TokenResult> {
    const r = await this.guard(() =>
      this.pca.acquireTokenByCode({
        code: req.code,
        scopes: req.scopes,
        redirectUri: req.redirectUri,
        codeVerifier: req.codeVerifier,
      }),
    );
    // one mailbox per profile: an account signed in before with another identity is forgotten
    const tokenCache = this.pca.getTokenCache();
    for (const a of await tokenCache.getAllAccounts())
      if (a.homeAccountId !== r.account?.homeAccountId) await tokenCache.removeAccount(a);
    return this.result(r);
  }

  issuerMatches(iss: string): boolean {
    try {
      return new URL(iss).origin === new URL(this.config.authority).origin;
    } catch {
      return false;
    }
  }

  async status(scopes: string[]): Promise<SignInStatus> {
    const text = await this.cache.read();
    if (!text) return { signedIn: false };
    const json = JSON.parse(text) as MsalCacheJson;
    const accounts = Object.values(json.Account ?? {});
    const account = accounts[0];
    if (!account || Object.keys(json.RefreshToken ?? {}).length === 0) return { signedIn: false };
    const wanted = scopes.map((s) => s.toLowerCase());
    let expires = 0;
    for (const at of Object.values(json.AccessToken ?? {})) {
      const target = (at.target ?? '').toLowerCase().split(' ');
      if (wanted.every((s) => target.includes(s))) expires = Math.max(expires, Number(at.expires_on ?? 0));
    }
    return {
      signedIn: true,
      ...(account.username ? { account: account.username } : {}),
      ...(expires ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
    };
  }
}
