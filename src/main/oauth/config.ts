// Who to talk to for a profile's sign-in: the provider's hosts (national clouds, or the advanced base
// URL overrides), the application (client) ID (the profile's own, else the build's built-in one) and
// the scopes per purpose (SMTP XOAUTH2 or the Graph API).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MicrosoftCloud, OAuthProvider, Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { kindSpec, type TokenPurpose } from '../../shared/connection-kinds.js';

export type { TokenPurpose } from '../../shared/connection-kinds.js';

/** Microsoft's hosts per national cloud: sign-in, Graph, and the Exchange Online resource for SMTP. */
export const MICROSOFT_CLOUD_HOSTS: Record<
  MicrosoftCloud,
  { login: string; graph: string; outlook: string }
> = {
  global: {
    login: 'https://login.microsoftonline.com',
    graph: 'https://graph.microsoft.com',
    outlook: 'https://outlook.office.com',
  },
  usgov: {
    login: 'https://login.microsoftonline.us',
    graph: 'https://graph.microsoft.us',
    outlook: 'https://outlook.office365.us',
  },
  china: {
    login: 'https://login.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    outlook: 'https://partner.outlook.cn',
  },
};

export const GOOGLE_ENDPOINTS = {
  issuer: 'https://accounts.google.com',
  authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
  revocation: 'https://oauth2.googleapis.com/revoke',
};
export const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/';

export interface BuiltInClients {
  microsoft: { clientId: string };
  google: { clientId: string; clientSecret: string };
}

const EMPTY: BuiltInClients = { microsoft: { clientId: '' }, google: { clientId: '', clientSecret: '' } };

/**
 * The build's built-in application IDs: `oauth-clients.json` in the app's resources (electron-builder
 * extraResources), or `resources/oauth-clients.json` of the project for the CLI. OPOS_MAIL_OAUTH_CLIENTS
 * names another file (administrators, tests).
 */
export function loadBuiltInClients(env: NodeJS.ProcessEnv = process.env): BuiltInClients {
  const candidates: string[] = [];
  if (env.OPOS_MAIL_OAUTH_CLIENTS) candidates.push(env.OPOS_MAIL_OAUTH_CLIENTS);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'oauth-clients.json'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources', 'oauth-clients.json'));
    dir = path.dirname(dir);
  }
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuiltInClients>;
      return {
        microsoft: { clientId: String(raw.microsoft?.clientId ?? '') },
        google: {
          clientId: String(raw.google?.clientId ?? ''),
          clientSecret: String(raw.google?.clientSecret ?? ''),
        },
      };
    } catch {
      return EMPTY;
    }
  }
  return EMPTY;
}

export interface ResolvedOAuth {
  provider: OAuthProvider;
  clientId: string;
  /** Google desktop clients only (not confidential, but Google's token endpoint wants it). */
  clientSecret?: string;
  /** Microsoft: the authority URL (base + tenant); Google: the base of a custom provider, or ''. */
  authority: string;
  /** The sign-in base URL was overridden (sovereign or test deployment): OIDC discovery, no Microsoft cloud lookup. */
  customAuthority: boolean;
  tenant: string;
  /** Graph API base including the version, e.g. https://graph.microsoft.com/v1.0 */
  graphBase: string;
  /** Host the loopback redirect names: Microsoft registers http://localhost, Google http://127.0.0.1. */
  redirectHost: 'localhost' | '127.0.0.1';
}

function trimSlash(s: string): string {
  return s.trim().replace(/\/+$/, '');
}

export async function resolveOAuth(
  profile: Profile,
  secrets: SecretStore,
  builtIn: BuiltInClients,
): Promise<ResolvedOAuth> {
  const o = profile.oauth;
  const providers: readonly string[] = kindSpec(profile.connection).oauthProviders;
  if (!providers.includes(o.provider))
    throw new MailError('invalidOption', {
      detail: `${profile.connection}: --provider ${providers.join(' | ') || '—'}`,
    });
  if (o.provider === 'microsoft') {
    const clientId = o.clientId || builtIn.microsoft.clientId;
    if (!clientId)
      throw new MailError('oauthNotConfigured', {
        provider: 'Microsoft Entra ID',
        profile: profile.name,
      });
    const hosts = MICROSOFT_CLOUD_HOSTS[o.cloud];
    const tenant = o.tenantId.trim();
    const custom = Boolean(o.authorityUrl.trim());
    const base = custom ? trimSlash(o.authorityUrl) : hosts.login;
    return {
      provider: 'microsoft',
      clientId,
      authority: custom ? (tenant ? `${base}/${tenant}` : base) : `${base}/${tenant || 'common'}`,
      customAuthority: custom,
      tenant: tenant || 'common',
      graphBase: `${o.graphUrl.trim() ? trimSlash(o.graphUrl) : hosts.graph}/v1.0`,
      redirectHost: 'localhost',
    };
  }
  const ownClient = Boolean(o.clientId);
  const clientId = o.clientId || builtIn.google.clientId;
  if (!clientId)
    throw new MailError('oauthNotConfigured', { provider: 'Google Cloud', profile: profile.name });
  const clientSecret = ownClient
    ? ((await secrets.get(profile.id, 'client-secret')) ?? '')
    : builtIn.google.clientSecret;
  return {
    provider: 'google',
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    authority: trimSlash(o.authorityUrl),
    customAuthority: Boolean(o.authorityUrl.trim()),
    tenant: '',
    graphBase: '',
    redirectHost: '127.0.0.1',
  };
}

/** The scopes a purpose needs (MSAL adds openid, profile and offline_access itself). */
export function scopesFor(profile: Profile, purpose: TokenPurpose): string[] {
  if (profile.oauth.provider === 'google') return ['openid', 'email', GOOGLE_MAIL_SCOPE];
  const hosts = MICROSOFT_CLOUD_HOSTS[profile.oauth.cloud];
  if (purpose === 'smtp') return [`${hosts.outlook}/SMTP.Send`];
  // Mail.ReadWrite: draft + upload session for attachments of 3 MB and more; Mail.Send.Shared: send as
  // a shared mailbox or on behalf of another user when the sender differs from the signed-in user.
  return [`${hosts.graph}/Mail.Send`, `${hosts.graph}/Mail.ReadWrite`, `${hosts.graph}/Mail.Send.Shared`];
}

/** What a profile signs in for: its connection decides. */
export function purposeOf(profile: Profile): TokenPurpose {
  return kindSpec(profile.connection).oauthPurpose ?? 'smtp';
}

/** The SMTP submission servers of the providers (XOAUTH2): used when an OAuth profile names no server. */
export function oauthSmtpDefaults(
  provider: OAuthProvider,
  cloud: MicrosoftCloud,
): { host: string; port: number; security: 'StartTls' | 'SslOnConnect' } {
  if (provider === 'google') return { host: 'smtp.gmail.com', port: 465, security: 'SslOnConnect' };
  const host = { global: 'smtp.office365.com', usgov: 'smtp.office365.us', china: 'smtp.partner.outlook.cn' }[
    cloud
  ];
  return { host, port: 587, security: 'StartTls' };
}
