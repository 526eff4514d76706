// The OAuth 2.0 sign-in of the product (implements OAuthController): OPOS "OAuth 2.0" (silent: cached
// tokens only, refreshed silently; sign-in needed → signInRequired, no browser) and "OAuth mit Dialog"
// (silent first, then the system browser through the injected BrowserOpener, RFC 8252: loopback
// redirect, PKCE, state checked, a time-out; then the very send that needed it continues).
import type { Language } from '../../shared/i18n/types.js';
import type { SignInStatus } from '../../shared/oauth.js';
import type { OAuthProvider, Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import {
  loadBuiltInClients,
  purposeOf,
  resolveOAuth,
  scopesFor,
  type BuiltInClients,
  type ResolvedOAuth,
  type TokenPurpose,
} from './config.js';
import { agentFor } from './http.js';
import { createPkce, randomState, startLoopback } from './loopback.js';
import type { BrowserOpener, OAuthController } from './oauth-controller.js';
import { mapOAuthError } from './oauth-errors.js';
import type { ProviderSession, TokenResult } from './provider-session.js';
import { EncryptedTokenCache } from './token-cache.js';

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const SIGN_IN_FIXES = new Set<string>(['signInRequired', 'oauthRefreshExpired', 'oauthConsentMissing']);

export interface OAuthServiceOptions {
  dataFolder: string;
  secrets: SecretStore;
  /** Opens the authorization URL in the system browser (Electron: shell.openExternal). */
  openBrowser: BrowserOpener;
  /** How long to wait for the browser sign-in (default 5 minutes; OPOS_MAIL_OAUTH_TIMEOUT_S overrides). */
  timeoutMs?: number;
  /** Language of the page the browser shows after the sign-in. */
  language?: Language;
  /** The build's built-in application IDs (default: resources/oauth-clients.json). */
  builtInClients?: BuiltInClients;
  /** Told when an interactive sign-in starts and ends (e.g. the desktop app shows "waiting for browser"). */
  onSignInProgress?: (event: {
    profileId: string;
    phase: 'browser' | 'done' | 'failed';
    url?: string;
  }) => void;
}

export class OAuthService implements OAuthController {
  private readonly builtIn: BuiltInClients;
  private readonly pending = new Map<string, { promise: Promise<TokenResult>; abort: AbortController }>();

  constructor(private readonly options: OAuthServiceOptions) {
    this.builtIn = options.builtInClients ?? loadBuiltInClients();
  }

  builtInApps(): Record<OAuthProvider, boolean> {
    return {
      microsoft: Boolean(this.builtIn.microsoft.clientId),
      google: Boolean(this.builtIn.google.clientId),
    };
  }

  private timeoutMs(): number {
    const fromEnv = Number(process.env.OPOS_MAIL_OAUTH_TIMEOUT_S);
    if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv * 1000;
    return this.options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  }

  private cacheOf(profile: Profile): EncryptedTokenCache {
    return new EncryptedTokenCache(this.options.dataFolder, this.options.secrets, profile.id);
  }

  private async session(profile: Profile): Promise<{ config: ResolvedOAuth; session: ProviderSession }> {
    const config = await resolveOAuth(profile, this.options.secrets, this.builtIn);
    const cache = this.cacheOf(profile);
    const agent = agentFor(profile);
    // the provider libraries load only when a profile signs in (keeps every other command fast)
    const session =
      config.provider === 'microsoft'
        ? new (await import('./microsoft.js')).MicrosoftSession(config, cache, agent)
        : new (await import('./google.js')).GoogleSession(config, cache, agent);
    return { config, session };
  }

  private errorContext(profile: Profile, config: ResolvedOAuth) {
    return {
      profile,
      clientId: config.clientId,
      tenant: config.tenant,
      authority: config.authority || 'https://accounts.google.com',
    };
  }

  async status(profile: Profile): Promise<SignInStatus> {
    const { session } = await this.session(profile);
    return session.status(scopesFor(profile, purposeOf(profile)));
  }

  async accessToken(profile: Profile, purpose: TokenPurpose): Promise<{ token: string; user: string }> {
    const { config, session } = await this.session(profile);
    const scopes = scopesFor(profile, purpose);
    const cache = this.cacheOf(profile);
    let result: TokenResult | null = null;
    let needSignIn: MailError = new MailError('signInRequired', { profile: profile.name });
    try {
      result = await cache.locked(() => session.silent(scopes, profile.user));
    } catch (e) {
      const mapped = mapOAuthError(e, this.errorContext(profile, config));
      // what a new sign-in can fix: none cached, refresh token expired or revoked, consent needed now
      if (!SIGN_IN_FIXES.has(mapped.code)) throw mapped;
      needSignIn = mapped;
    }
    if (!result) {
      // OPOS "OAuth 2.0": never a dialog; the user signs in with `opos-mail login` or the app
      if (profile.oauth.mode !== 'dialog') throw needSignIn;
      result = await this.interactive(profile, config, session, scopes);
    }
    return { token: result.token, user: result.account || profile.user };
  }

  async signIn(profile: Profile): Promise<SignInStatus> {
    const { config, session } = await this.session(profile);
    const r = await this.interactive(profile, config, session, scopesFor(profile, purposeOf(profile)));
    return { signedIn: true, account: r.account, expiresAt: r.expiresOn.toISOString() };
  }

  /** Cancels a sign-in that waits for the browser (the dialog's "Abbrechen"). */
  cancelSignIn(profile: Profile): void {
    this.pending.get(profile.id)?.abort.abort();
  }

  async signOut(profile: Profile): Promise<void> {
    this.cancelSignIn(profile);
    await this.cacheOf(profile).remove();
  }

  /** One browser sign-in per profile at a time: concurrent callers share it. */
  private interactive(
    profile: Profile,
    config: ResolvedOAuth,
    session: ProviderSession,
    scopes: string[],
  ): Promise<TokenResult> {
    const running = this.pending.get(profile.id);
    if (running) return running.promise;
    const abort = new AbortController();
    const promise = this.browserSignIn(profile, config, session, scopes, abort.signal).finally(() =>
      this.pending.delete(profile.id),
    );
    this.pending.set(profile.id, { promise, abort });
    return promise;
  }

  private async browserSignIn(
    profile: Profile,
    config: ResolvedOAuth,
    session: ProviderSession,
    scopes: string[],
    signal: AbortSignal,
  ): Promise<TokenResult> {
    const state = randomState();
    const pkce = createPkce();
    const notify = this.options.onSignInProgress;
    const loopback = await startLoopback({
      host: config.redirectHost,
      state,
      issuer: (iss) => session.issuerMatches(iss),
      timeoutMs: this.timeoutMs(),
      language: this.options.language ?? 'de',
      signal,
    });
    const ctx = this.errorContext(profile, config);
    try {
      let url: string;
      try {
        url = await session.authorizationUrl({
          scopes,
          redirectUri: loopback.redirectUri,
          state,
          codeChallenge: pkce.challenge,
          loginHint: profile.user,
        });
      } catch (e) {
        throw mapOAuthError(e, ctx);
      }
      notify?.({ profileId: profile.id, phase: 'browser', url });
      try {
        await this.options.openBrowser(url);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        throw new MailError('oauthCancelled', { detail: `browser: ${detail.slice(0, 200)}` }, { cause: e });
      }
      let code: string;
      try {
        ({ code } = await loopback.response);
      } catch (e) {
        throw mapOAuthError(e, ctx);
      }
      try {
        const result = await this.cacheOf(profile).locked(() =>
          session.redeem({ scopes, code, redirectUri: loopback.redirectUri, codeVerifier: pkce.verifier }),
        );
        notify?.({ profileId: profile.id, phase: 'done' });
        return result;
      } catch (e) {
        const mapped = mapOAuthError(e, ctx);
        // a refused code is not an expired sign-in: say what the provider said
        throw mapped.code === 'oauthRefreshExpired'
          ? new MailError('oauthCancelled', { detail: 'invalid_grant (authorization code)' }, { cause: e })
          : mapped;
      }
    } catch (e) {
      notify?.({ profileId: profile.id, phase: 'failed' });
      throw e;
    } finally {
      loopback.close();
    }
  }
}
