// The connection profile ("Verbindungsprofil"): what the OPOS dialog's fields hold, as one zod schema
// shared by the core, the CLI and the renderer. No secret ever lives here: passwords, client secrets
// and token-cache keys are in the OS keychain (see src/main/secrets).
import { z } from 'zod';

/** The registry of what each kind means is src/shared/connection-kinds.ts. */
export const CONNECTION_KINDS = [
  'smtp',
  'graph',
  'system-mail',
  'windows-standard',
  'outlook',
  'test-mailbox',
] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** MailKit's SecureSocketOptions names, as the OPOS dialog shows them. */
export const SECURITY_MODES = ['None', 'Auto', 'SslOnConnect', 'StartTls', 'StartTlsWhenAvailable'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** How the profile authenticates: nothing, "Anmelden" with user + password, or OAuth 2.0. */
export const AUTH_METHODS = ['none', 'password', 'oauth'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** OPOS "OAuth 2.0" (silent: cached tokens only) versus "OAuth mit Dialog" (browser when needed). */
export const OAUTH_MODES = ['silent', 'dialog'] as const;
export type OAuthMode = (typeof OAUTH_MODES)[number];

export const OAUTH_PROVIDERS = ['microsoft', 'google'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

export const MICROSOFT_CLOUDS = ['global', 'usgov', 'china'] as const;
export type MicrosoftCloud = (typeof MICROSOFT_CLOUDS)[number];

export const MAIL_KINDS = ['mahnung', 'zahlungsavis'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const PROFILE_NAME_MAX = 64;

// Printable text without control characters (no CR/LF header injection through profile fields).
const singleLine = (max: number) =>
  z
    .string()
    .max(max)

    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'control-characters' });

export const profileNameSchema = singleLine(PROFILE_NAME_MAX)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { message: 'empty' });

export const oauthSettingsSchema = z.object({
  mode: z.enum(OAUTH_MODES).default('dialog'),
  provider: z.enum(OAUTH_PROVIDERS).default('microsoft'),
  /** Application (client) ID; empty = the build's built-in ID, if it has one. */
  clientId: singleLine(200).default(''),
  /** Microsoft directory (tenant) ID: GUID, domain, `organizations` or `common`. */
  tenantId: singleLine(200).default(''),
  cloud: z.enum(MICROSOFT_CLOUDS).default('global'),
  /** Advanced: sign-in base URL (sovereign or test deployments). */
  authorityUrl: singleLine(500).default(''),
  /** Advanced: Microsoft Graph base URL. */
  graphUrl: singleLine(500).default(''),
});
export type OAuthSettings = z.infer<typeof oauthSettingsSchema>;

export const throttleSchema = z.object({
  /** Messages per minute, 0 = unlimited. */
  perMinute: z.number().int().min(0).max(100_000).default(0),
  /** Messages per day, 0 = unlimited. */
  perDay: z.number().int().min(0).max(10_000_000).default(0),
  /** How often a temporary failure is tried in all (first attempt included). */
  maxAttempts: z.number().int().min(1).max(50).default(5),
});
export type ThrottleSettings = z.infer<typeof throttleSchema>;

/** Hand-off kinds: open the mail program's compose window (the user sends), or let it send directly. */
export const HANDOFF_MODES = ['compose', 'send'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

export const handoffSettingsSchema = z.object({
  mode: z.enum(HANDOFF_MODES).default('compose'),
  /** A batch through a hand-off opens one window per row: more rows than this are refused. */
  maxBatchRows: z.number().int().min(1).max(10_000).default(20),
});
export type HandoffSettings = z.infer<typeof handoffSettingsSchema>;

/**
 * What every message of the profile gets (the OPOS dialog's global e-mail settings): a Kontrollkopie
 * (Bcc, envelope only), a Reply-To, a signature under the text, and the receipts it asks for.
 */
export const messageSettingsSchema = z.object({
  /** Kontrollkopie: this address gets a Bcc of every message; empty = off. */
  controlCopy: singleLine(320).default(''),
  /** Reply-To of every message that names none itself; empty = none. */
  replyTo: singleLine(320).default(''),
  /** Appended to every text, after an empty line; empty = none. */
  signature: z.string().max(10_000).default(''),
  /** Zustellbestätigung: SMTP DSN (NOTIFY=SUCCESS,FAILURE, RET=HDRS, ENVID) where the server offers it. */
  deliveryReceipt: z.boolean().default(false),
  /** Lesebestätigung: a Disposition-Notification-To header with the sender's address. */
  readReceipt: z.boolean().default(false),
});
export type MessageSettings = z.infer<typeof messageSettingsSchema>;

export const profileSchema = z.object({
  /** Stable identity: keychain entries and token caches hang on it, so a rename keeps them. */
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  name: profileNameSchema,
  connection: z.enum(CONNECTION_KINDS),
  fromAddress: singleLine(320).default(''),
  fromName: singleLine(200).default(''),
  host: singleLine(253).default(''),
  /** 0 = the default port of the security mode. */
  port: z.number().int().min(0).max(65535).default(0),
  security: z.enum(SECURITY_MODES).default('StartTls'),
  auth: z.enum(AUTH_METHODS).default('none'),
  /** "Profil": the login user name. */
  user: singleLine(320).default(''),
  allowPlaintextAuth: z.boolean().default(false),
  /** Extra CA certificate (PEM) to trust for this profile's server. */
  caFile: singleLine(4096).default(''),
  /** Maximum encoded message size in KB, 0 = no limit. */
  maxSizeKb: z.number().int().min(0).max(10_000_000).default(0),
  oauth: oauthSettingsSchema.default(oauthSettingsSchema.parse({})),
  throttle: throttleSchema.default(throttleSchema.parse({})),
  handoff: handoffSettingsSchema.default(handoffSettingsSchema.parse({})),
  messages: messageSettingsSchema.default(messageSettingsSchema.parse({})),
});
export type Profile = z.infer<typeof profileSchema>;
/** What a caller may give when creating or editing (id is assigned by the store). */
export type ProfileInput = Partial<Omit<Profile, 'id'>> & { name: string };
/** A change to a profile: only the fields it names (nested settings too). */
export type ProfilePatch = Partial<Omit<Profile, 'id' | 'oauth' | 'throttle' | 'handoff' | 'messages'>> & {
  oauth?: Partial<OAuthSettings>;
  throttle?: Partial<ThrottleSettings>;
  handoff?: Partial<HandoffSettings>;
  messages?: Partial<Profile['messages']>;
};

export const PROFILES_FILE_VERSION = 1;
export const profilesFileSchema = z.object({
  version: z.literal(PROFILES_FILE_VERSION),
  active: z.string(),
  profiles: z.array(profileSchema),
});
export type ProfilesFile = z.infer<typeof profilesFileSchema>;

/** Default port for each security mode (mail-facts.md). */
export function defaultPort(security: SecurityMode): number {
  return security === 'SslOnConnect' ? 465 : 25;
}

export function effectivePort(p: Pick<Profile, 'port' | 'security'>): number {
  return p.port > 0 ? p.port : defaultPort(p.security);
}

/** Auto resolves by port: 465 → SslOnConnect, anything else → StartTlsWhenAvailable. */
export function effectiveSecurity(p: Pick<Profile, 'port' | 'security'>): Exclude<SecurityMode, 'Auto'> {
  if (p.security !== 'Auto') return p.security;
  return effectivePort(p) === 465 ? 'SslOnConnect' : 'StartTlsWhenAvailable';
}

/** Modes that may end in plain text: the UI and the CLI warn where they are chosen. */
export function mayEndInPlainText(security: SecurityMode): boolean {
  return security === 'None' || security === 'Auto' || security === 'StartTlsWhenAvailable';
}

/** The profile's fields as the registry (src/shared/connection-kinds.ts) names them. */
export const PROFILE_FIELDS = [
  'host',
  'port',
  'security',
  'auth',
  'user',
  'password',
  'allowPlaintextAuth',
  'caFile',
  'maxSizeKb',
  'fromAddress',
  'fromName',
  'oauth',
  'handoff',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
