// One outgoing server offer — from a provider's configuration file, the ISPDB, an SRV record or a
// confirmed guess — checked and turned into a proposed profile. A server name that is not a plain DNS
// name is refused; an offer without encryption is kept only as a warned alternative, never a winner.
import type {
  LookupStep,
  Proposal,
  ProposalWarning,
  SettingSource,
  StepReason,
} from '../../shared/autoconfig.js';
import { isSafeServerName } from '../../shared/autoconfig.js';
import type { AuthMethod, SecurityMode } from '../../shared/profile.js';

/** The mailmaint-autoconfig socket types, and what our security modes make of them. */
export type SocketType = 'SSL' | 'STARTTLS' | 'plain';

export interface ServerOffer {
  hostname: string;
  port: number;
  socketType: SocketType;
  auth: AuthMethod;
  /** The user name, placeholders already replaced. */
  username: string;
}

export const SECURITY_OF: Record<SocketType, SecurityMode> = {
  SSL: 'SslOnConnect',
  STARTTLS: 'StartTls',
  plain: 'None',
};

/** `%EMAILADDRESS%`, `%EMAILLOCALPART%`, `%EMAILDOMAIN%` (mailmaint-autoconfig placeholders). */
export function fillPlaceholders(template: string, address: string): string {
  const at = address.lastIndexOf('@');
  return template
    .replace(/%EMAILADDRESS%/g, address)
    .replace(/%EMAILLOCALPART%/g, address.slice(0, at))
    .replace(/%EMAILDOMAIN%/g, address.slice(at + 1));
}

/**
 * The mailmaint-autoconfig `authentication` values we can send with; null for the others (OAuth2 of
 * other providers, NTLM, GSSAPI). Microsoft 365 and Google sign-in come from step 1 (MX).
 */
export function authOf(value: string): AuthMethod | null {
  switch (value.trim()) {
    case 'password-cleartext':
    case 'plain':
    case 'password-encrypted':
    case 'secure':
      return 'password';
    case 'none':
    case 'client-IP-address':
      return 'none';
    default:
      return null;
  }
}

export type OfferCheck = { ok: true; offer: ServerOffer } | { ok: false; reason: StepReason };

/** Refuses a server name that is not a DNS name, a port out of range, or a user name with control characters. */
export function checkOffer(offer: ServerOffer): OfferCheck {
  const hostname = offer.hostname.trim().replace(/\.$/, '').toLowerCase();
  if (!isSafeServerName(hostname)) return { ok: false, reason: 'badHostname' };
  if (!Number.isInteger(offer.port) || offer.port < 1 || offer.port > 65535)
    return { ok: false, reason: 'malformed' };
  if (/[\u0000-\u001f\u007f-\u009f]/.test(offer.username) || offer.username.length > 320)
    return { ok: false, reason: 'malformed' };
  return { ok: true, offer: { ...offer, hostname } };
}

export function proposalOf(
  offer: ServerOffer,
  where: { step: LookupStep; source: SettingSource; origin: string; provider?: string; address: string },
  extraWarnings: ProposalWarning[] = [],
): Proposal {
  const warnings: ProposalWarning[] = [...extraWarnings];
  if (offer.socketType === 'plain') warnings.push('plainText');
  const security = SECURITY_OF[offer.socketType];
  const s = where.source;
  return {
    step: where.step,
    source: s,
    origin: where.origin,
    ...(where.provider ? { provider: where.provider } : {}),
    label: `${offer.hostname}:${offer.port} ${security}`,
    profile: {
      connection: 'smtp',
      host: offer.hostname,
      port: offer.port,
      security,
      auth: offer.auth,
      user: offer.auth === 'none' ? '' : offer.username || where.address,
      fromAddress: where.address,
    },
    sources: {
      connection: s,
      host: s,
      port: s,
      security: s,
      auth: s,
      ...(offer.auth === 'none' ? {} : { user: offer.username ? s : 'address' }),
      fromAddress: 'address',
    },
    warnings,
    trustworthy: warnings.length === 0 || (warnings.length === 1 && warnings[0] === 'otherDomain'),
  };
}

/** Implicit TLS first (RFC 8314), then STARTTLS, then (warned) plain text; order kept within each. */
export function byPreference(a: ServerOffer, b: ServerOffer): number {
  const rank = { SSL: 0, STARTTLS: 1, plain: 2 } as const;
  return rank[a.socketType] - rank[b.socketType];
}
