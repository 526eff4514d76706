// A new profile from an e-mail address: what the lookup (src/main/autoconfig) found, step by step, and
// where each proposed setting came from. Shared by the core, the CLI, IPC and the assistant dialog.
import type { ProfileInput } from './profile.js';

/** The lookup's steps in the order their answers are trusted (the first trustworthy one wins). */
export const LOOKUP_STEPS = ['mx', 'autoconfig', 'srv', 'ispdb', 'guess'] as const;
export type LookupStep = (typeof LOOKUP_STEPS)[number];

/**
 * Where a setting came from, shown next to it: the DNS (MX or SRV records), the provider's own
 * configuration file, the bundled ISPDB, a guess that the connection test confirmed, or the address.
 */
export const SETTING_SOURCES = ['dns-mx', 'provider-config', 'dns-srv', 'ispdb', 'guess', 'address'] as const;
export type SettingSource = (typeof SETTING_SOURCES)[number];

/** The profile fields a proposal fills in (each gets a source). */
export const PROPOSED_FIELDS = [
  'connection',
  'host',
  'port',
  'security',
  'auth',
  'user',
  'fromAddress',
  'oauthProvider',
  'tenantId',
] as const;
export type ProposedField = (typeof PROPOSED_FIELDS)[number];

/** What makes a proposal less than trustworthy; such a proposal never wins, it is only shown. */
export const PROPOSAL_WARNINGS = [
  /** The server would be reached without encryption (no TLS, no STARTTLS). */
  'plainText',
  /** An SRV record points outside the address's domain (RFC 6186 §6: the user should confirm). */
  'otherDomain',
] as const;
export type ProposalWarning = (typeof PROPOSAL_WARNINGS)[number];

export interface Proposal {
  /** The step that found it and its source label. */
  step: LookupStep;
  source: SettingSource;
  /** Where exactly: the MX host, the configuration URL, the SRV name, the ISPDB entry, the probed server. */
  origin: string;
  /** The provider's name where known (Microsoft 365, Google Workspace, an ISPDB display name). */
  provider?: string;
  /** A short label of the offer, e.g. "Microsoft 365 (OAuth, SMTP)" or "smtp.firma.de:465 SslOnConnect". */
  label: string;
  /** The proposed profile without its name. */
  profile: Omit<ProfileInput, 'name'>;
  /** Per proposed field, where it came from. */
  sources: Partial<Record<ProposedField, SettingSource>>;
  warnings: ProposalWarning[];
  /** True when it may win: encrypted and from a source the lookup trusts. */
  trustworthy: boolean;
}

export type StepStatus = 'found' | 'nothing' | 'refused' | 'failed' | 'skipped';

/** Why a step found nothing usable (each has a sentence in de/en/nl under `core:setup.reasons`). */
export const STEP_REASONS = [
  'noRecords',
  'notProvider',
  'timeout',
  'dnsFailed',
  'httpStatus',
  'redirectToHttp',
  'tooManyRedirects',
  'tooLarge',
  'malformed',
  'badHostname',
  'plainTextOnly',
  'tlsFailed',
  'connectFailed',
  'notInIspdb',
  'notNeeded',
  'noOutgoingServer',
] as const;
export type StepReason = (typeof STEP_REASONS)[number];

export interface StepReport {
  step: LookupStep;
  status: StepStatus;
  /** What was asked, e.g. `_submissions._tcp.firma.de` or the configuration URL. */
  detail: string;
  reason?: StepReason;
  /** Milliseconds the step took. */
  ms: number;
}

export interface LookupResult {
  address: string;
  domain: string;
  /** The winning proposal: the first trustworthy one in step order; null when nothing trustworthy was found. */
  proposal: Proposal | null;
  /** Every other proposal found (also those with warnings), in step order. */
  alternatives: Proposal[];
  steps: StepReport[];
  /** Milliseconds the whole lookup took. */
  ms: number;
}

/**
 * A server name as DNS allows it (letters, digits, hyphens, dots; in its ASCII form), or an IP address.
 * Control characters, spaces, slashes, `@` and anything else are refused: a hostile configuration file
 * must not smuggle text into the profile.
 */
export function isSafeServerName(name: string): boolean {
  if (/[\u0000-\u0020\u007f-\u009f]/.test(name)) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return name.split('.').every((n) => Number(n) <= 255);
  if (name.length > 253) return false;
  return name
    .replace(/\.$/, '')
    .split('.')
    .every((label) => /^(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$/.test(label));
}

/** The i18n key of each proposed field's label (shared by the CLI and the assistant). */
export const PROPOSED_FIELD_LABEL_KEYS: Record<ProposedField, string> = {
  connection: 'core:fields.connection',
  host: 'core:fields.host',
  port: 'core:fields.port',
  security: 'core:fields.security',
  auth: 'core:fields.auth',
  user: 'core:fields.user',
  fromAddress: 'core:fields.fromAddress',
  oauthProvider: 'setup:fields.oauthProvider',
  tenantId: 'core:fields.oauthTenantId',
};

/** A proposed field's value as text (`auth` as `password`, `oauth` or `none`: callers put it in words). */
export function proposedValue(p: Proposal, field: ProposedField): string {
  switch (field) {
    case 'oauthProvider':
      return p.profile.oauth?.provider ?? '';
    case 'tenantId':
      return p.profile.oauth?.tenantId ?? '';
    default:
      return String(p.profile[field] ?? '');
  }
}
