// The small pure parts of the OAuth and Graph code: how BROWSER is run, Retry-After, and how provider
// and Graph answers map onto the product's outcomes (exit codes).
import { describe, expect, it } from 'vitest';
import { reportLines } from '../../src/cli/output.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import { profileSchema } from '../../src/shared/profile.js';
import { mapGraphError, retryAfterSeconds } from '../../src/main/graph/graph-client.js';
import { resolveOAuth, scopesFor } from '../../src/main/oauth/config.js';
import { mapOAuthError } from '../../src/main/oauth/oauth-errors.js';
import { browserCommand, splitCommandLine } from '../../src/main/oauth/system-browser.js';
import { AuthorizationError } from '../../src/main/oauth/loopback.js';
import type { SecretStore } from '../../src/main/secrets/secret-store.js';

const URL_ = 'https://login.example/authorize?a=1&b=2';

const profile = (over: Record<string, unknown> = {}) =>
  profileSchema.parse({
    id: 'abcdefgh-1234',
    name: 'P',
    connection: 'smtp',
    host: 'smtp.office365.com',
    fromAddress: 'a@b.example',
    user: 'a@b.example',
    auth: 'oauth',
    ...over,
  });

const noSecrets: SecretStore = {
  get: () => Promise.resolve(null),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(false),
  deleteAll: () => Promise.resolve(),
};
const noBuiltIn = { microsoft: { clientId: '' }, google: { clientId: '', clientSecret: '' } };

describe('BROWSER', () => {
  it('splits like a shell word list and replaces %s, without a shell', () => {
    expect(splitCommandLine(`"/opt/My Browser/run" --new-window 'a b' c\\ d`)).toEqual([
      '/opt/My Browser/run',
      '--new-window',
      'a b',
      'c d',
    ]);
    expect(browserCommand(URL_, { BROWSER: 'firefox --private-window %s' }, 'linux')).toEqual({
      command: 'firefox',
      args: ['--private-window', URL_],
    });
    expect(browserCommand(URL_, { BROWSER: 'w3m' }, 'linux')).toEqual({ command: 'w3m', args: [URL_] });
  });

  it('uses the platform opener otherwise', () => {
    expect(browserCommand(URL_, {}, 'linux').command).toBe('xdg-open');
    expect(browserCommand(URL_, {}, 'darwin')).toEqual({ command: 'open', args: [URL_] });
    expect(browserCommand(URL_, {}, 'win32')).toEqual({
      command: 'rundll32.exe',
      args: ['url.dll,FileProtocolHandler', URL_],
    });
  });
});

describe('configuration', () => {
  it('national clouds pick the sign-in, Graph and SMTP resource hosts', async () => {
    const us = profile({
      connection: 'graph',
      oauth: { clientId: 'x', cloud: 'usgov', tenantId: 'firma.us' },
    });
    const r = await resolveOAuth(us, noSecrets, noBuiltIn);
    expect(r.authority).toBe('https://login.microsoftonline.us/firma.us');
    expect(r.graphBase).toBe('https://graph.microsoft.us/v1.0');
    expect(scopesFor(us, 'graph')).toContain('https://graph.microsoft.us/Mail.ReadWrite');
    expect(scopesFor(profile({ oauth: { cloud: 'china' } }), 'smtp')).toEqual([
      'https://partner.outlook.cn/SMTP.Send',
    ]);
    expect(scopesFor(profile({ oauth: { provider: 'google' } }), 'smtp')).not.toContain('offline_access');
  });

  it('without any client ID: oauthNotConfigured (exit 3)', async () => {
    await expect(resolveOAuth(profile(), noSecrets, noBuiltIn)).rejects.toMatchObject({
      code: 'oauthNotConfigured',
      exitCode: 3,
    });
    const built = await resolveOAuth(profile(), noSecrets, {
      ...noBuiltIn,
      microsoft: { clientId: 'built-in' },
    });
    expect(built.clientId).toBe('built-in');
  });
});

describe('error mapping', () => {
  const ctx = {
    profile: profile(),
    clientId: 'cid',
    tenant: 'firma',
    authority: 'https://login.example/firma',
  };
  const msal = (errorCode: string, errorMessage: string) => ({ errorCode, errorMessage });

  it.each([
    [msal('invalid_grant', 'AADSTS70008: The refresh token has expired'), 'oauthRefreshExpired'],
    [
      msal('invalid_grant', 'AADSTS65001: The user or administrator has not consented'),
      'oauthConsentMissing',
    ],
    [msal('invalid_request', 'AADSTS90002: Tenant firma not found'), 'oauthWrongTenant'],
    [msal('unauthorized_client', 'AADSTS700016: Application not found in the directory'), 'oauthAppUnknown'],
    [msal('interaction_required', 'AADSTS50076: MFA'), 'signInRequired'],
    [new AuthorizationError('access_denied', 'End-User aborted interaction'), 'oauthCancelled'],
    [
      {
        response: {
          data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
        },
      },
      'oauthRefreshExpired',
    ],
    [
      {
        response: { data: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } },
      },
      'oauthAppUnknown',
    ],
    [
      Object.assign(new Error('self-signed certificate in certificate chain'), {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      }),
      'certUntrusted',
    ],
  ])('%o → %s', (e, code) => {
    const m = mapOAuthError(e, ctx);
    expect(m.code).toBe(code);
    expect(m.exitCode).toBe(code === 'certUntrusted' ? 4 : 3);
  });

  it('Graph answers', () => {
    const res = (status: number, code = '', headers: Record<string, string> = {}) => ({
      status,
      headers,
      body: Buffer.from(JSON.stringify({ error: { code, message: 'm' } })),
    });
    expect(mapGraphError(res(429, 'ApplicationThrottled'), 'P', 30)).toMatchObject({
      code: 'temporary',
      exitCode: 6,
      params: { retryAfterSeconds: 30 },
    });
    expect(mapGraphError(res(403, 'ErrorAccessDenied'), 'P').code).toBe('oauthConsentMissing');
    expect(mapGraphError(res(403, 'ErrorSendAsDenied'), 'P').code).toBe('rejected');
    expect(mapGraphError(res(401, 'InvalidAuthenticationToken'), 'P').code).toBe('oauthTokenRejected');
    expect(mapGraphError(res(413, 'ErrorMessageSizeExceeded'), 'P').exitCode).toBe(7);
    expect(mapGraphError(res(400, 'ErrorInvalidRecipients'), 'P').exitCode).toBe(5);
  });

  it('Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(undefined)).toBeUndefined();
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterSeconds('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30);
  });
});

describe('Graph report', () => {
  it('reads well: the mailbox, HTTPS, the signed-in account', () => {
    const i18n = createI18n('de');
    const t = i18n.t.bind(i18n);
    const lines = reportLines(t, {
      kind: 'graph',
      tls: { used: true, mode: 'implicit', version: 'TLSv1.3' },
      auth: { used: true, mechanism: 'OAuth 2.0 (Bearer)', user: 'alice@firma.example' },
      mailbox: 'team@firma.example',
    }).join('\n');
    expect(lines).toContain('Microsoft Graph (team@firma.example)');
    expect(lines).toContain('alice@firma.example');
    expect(lines).not.toContain('undefined');
  });
});
