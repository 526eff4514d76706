// Step 1: the domain's MX records. Microsoft 365 (Exchange Online Protection) and Google Workspace are
// recognised by their MX hosts and offered with OAuth (and, for Microsoft, the Graph API) — the mail
// of such a domain is delivered there, so this is what the provider itself publishes. A domain behind
// a mail gateway hides its provider: then the later steps answer. The MX hosts also feed the ISPDB
// look-up by MX host and the guesses.
import type { Proposal } from '../../shared/autoconfig.js';
import { oauthSettingsSchema, throttleSchema } from '../../shared/profile.js';
import { THROTTLE_PRESETS } from '../../shared/throttle-presets.js';
import { oauthSmtpDefaults } from '../oauth/config.js';
import type { Resolver } from '../platform/dns.js';

export type MxProvider = 'microsoft' | 'google';

/** Exchange Online: `<tenant>.mail.protection.outlook.com`, and the newer `*.mx.microsoft`. */
export function isMicrosoftMx(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.endsWith('.mail.protection.outlook.com') || h.endsWith('.mx.microsoft');
}

/** Google Workspace: `smtp.google.com`, `aspmx.l.google.com` and its `alt1…alt4` hosts. */
export function isGoogleMx(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'smtp.google.com' || h === 'aspmx.l.google.com' || /^alt\d+\.aspmx\.l\.google\.com$/.test(h);
}

export function providerOfMx(hosts: string[]): MxProvider | null {
  if (hosts.some(isMicrosoftMx)) return 'microsoft';
  if (hosts.some(isGoogleMx)) return 'google';
  return null;
}

/** MX hosts by preference (lowest first); empty when the domain has none. Throws on DNS failure. */
export async function mxHosts(resolver: Resolver, domain: string): Promise<string[]> {
  try {
    const records = await resolver.resolveMx(domain);
    return records
      .filter((r) => r.exchange && r.exchange !== '.')
      .sort((a, b) => a.priority - b.priority)
      .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw e;
  }
}

/** The proposals for a provider recognised by MX: OAuth over SMTP, and for Microsoft also the Graph API. */
export function mxProposals(
  provider: MxProvider,
  address: string,
  domain: string,
  mxHost: string,
): Proposal[] {
  const smtp = oauthSmtpDefaults(provider, 'global');
  const fromMx = {
    connection: 'dns-mx',
    host: 'dns-mx',
    port: 'dns-mx',
    security: 'dns-mx',
    auth: 'dns-mx',
    oauthProvider: 'dns-mx',
    user: 'address',
    fromAddress: 'address',
  } as const;
  const name = provider === 'microsoft' ? 'Microsoft 365' : 'Google Workspace';
  const oauth = oauthSettingsSchema.parse({
    provider,
    mode: 'dialog',
    ...(provider === 'microsoft' ? { tenantId: domain } : {}),
  });
  // the provider's sending limits, as the "Neu …" templates have them
  const throttle = throttleSchema.parse(
    THROTTLE_PRESETS[provider === 'microsoft' ? 'microsoft365' : 'google-workspace'],
  );
  const proposals: Proposal[] = [
    {
      step: 'mx',
      source: 'dns-mx',
      origin: mxHost,
      provider: name,
      label: `${name} (OAuth, SMTP)`,
      profile: {
        connection: 'smtp',
        host: smtp.host,
        port: smtp.port,
        security: smtp.security,
        auth: 'oauth',
        user: address,
        fromAddress: address,
        oauth,
        throttle,
      },
      sources: provider === 'microsoft' ? { ...fromMx, tenantId: 'dns-mx' } : fromMx,
      warnings: [],
      trustworthy: true,
    },
  ];
  if (provider === 'microsoft')
    proposals.push({
      step: 'mx',
      source: 'dns-mx',
      origin: mxHost,
      provider: name,
      label: 'Microsoft Graph API',
      profile: {
        connection: 'graph',
        auth: 'oauth',
        user: address,
        fromAddress: address,
        oauth,
        throttle,
      },
      sources: {
        connection: 'dns-mx',
        auth: 'dns-mx',
        oauthProvider: 'dns-mx',
        tenantId: 'dns-mx',
        user: 'address',
        fromAddress: 'address',
      },
      warnings: [],
      trustworthy: true,
    });
  return proposals;
}
