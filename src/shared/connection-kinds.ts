// The connection kinds ("Verbindungsart") as one registry, the way GitHub Desktop lists its external
// editors: everything the profile checks, the dialog, the CLI and the outbox need to know about a kind
// is one entry here. Adding a kind is this entry, a transport file (src/main/transports/registry.ts),
// catalogue strings (typed by kind, so a missing one is a compile error) and, where needed, a fieldset.
import type { SendStatus } from './mail.js';
import { THROTTLE_PRESETS } from './throttle-presets.js';
import {
  CONNECTION_KINDS,
  PROFILE_FIELDS,
  type AuthMethod,
  type ConnectionKind,
  type HandoffMode,
  type OAuthProvider,
  type Profile,
  type ProfileField,
} from './profile.js';

/** The operating systems a kind can work on (`process.platform` names). */
export type Platform = 'win32' | 'darwin' | 'linux';

/** How the connection test's report is laid out: a server, a folder, or a mail program. */
export type ReportShape = 'server' | 'folder' | 'program';

/** What an OAuth sign-in of this kind is for (the scopes differ). */
export type TokenPurpose = 'smtp' | 'graph';

/** The starting values of a "Neu …" entry (everything else from the schema's defaults). */
export type ProfileTemplateValues = Partial<Omit<Profile, 'id' | 'name'>>;

export interface ConnectionKindSpec {
  /** Profile fields this kind uses; the others stay visible but disabled, with the kind's reason. */
  fields: readonly ProfileField[];
  /** Allowed authentication methods; the first is the default when a profile switches to this kind. */
  auth: readonly AuthMethod[];
  /** OAuth providers this kind can sign in with (empty: no OAuth). */
  oauthProviders: readonly OAuthProvider[];
  /** What an OAuth token is requested for. */
  oauthPurpose: TokenPurpose | null;
  /** A sender address is required (a hand-off or the test mailbox can do without). */
  needsSender: boolean;
  /** Parallel sessions a batch uses by default. */
  defaultConnections: number;
  /** The outcome of a successful send: sent (server 250), accepted (Graph 202), stored, handedOff. */
  outcome: SendStatus;
  /** The message goes to the mail program on the desk, not to a server (one window per message). */
  handoff: boolean;
  /** Hand-off kinds: the modes they offer (compose window, or the program sends directly). */
  handoffModes: readonly HandoffMode[];
  /** Where the kind can work; null = everywhere. Elsewhere it is shown, disabled, with the reason. */
  platforms: readonly Platform[] | null;
  report: ReportShape;
  /** "Neu …" entries (their ids name `ui:templates.<id>` and `ui:templates.descriptions.<id>`). */
  templates: Readonly<Record<string, ProfileTemplateValues>>;
}

/** A server kind uses every field but the hand-off's. */
const SERVER_FIELDS = PROFILE_FIELDS.filter((f) => f !== 'handoff');

export const CONNECTION_KIND_SPECS = {
  smtp: {
    fields: SERVER_FIELDS,
    auth: ['none', 'password', 'oauth'],
    oauthProviders: ['microsoft', 'google'],
    oauthPurpose: 'smtp',
    needsSender: true,
    defaultConnections: 2,
    outcome: 'sent',
    handoff: false,
    handoffModes: [],
    platforms: null,
    report: 'server',
    templates: {
      m365: {
        connection: 'smtp',
        host: 'smtp.office365.com',
        port: 587,
        security: 'StartTls',
        auth: 'oauth',
        oauth: { provider: 'microsoft', mode: 'dialog' } as Profile['oauth'],
        throttle: { ...THROTTLE_PRESETS.microsoft365 } as Profile['throttle'],
      },
      google: {
        connection: 'smtp',
        host: 'smtp.gmail.com',
        port: 587,
        security: 'StartTls',
        auth: 'oauth',
        oauth: { provider: 'google', mode: 'dialog' } as Profile['oauth'],
        throttle: { ...THROTTLE_PRESETS['google-workspace'] } as Profile['throttle'],
      },
      smtp: { connection: 'smtp', port: 587, security: 'StartTls', auth: 'password' },
    },
  },
  graph: {
    fields: ['fromAddress', 'fromName', 'maxSizeKb', 'oauth'],
    auth: ['oauth'],
    oauthProviders: ['microsoft'],
    oauthPurpose: 'graph',
    needsSender: true,
    defaultConnections: 4,
    outcome: 'accepted',
    handoff: false,
    handoffModes: [],
    platforms: null,
    report: 'server',
    templates: {
      graph: {
        connection: 'graph',
        auth: 'oauth',
        oauth: { provider: 'microsoft', mode: 'dialog' } as Profile['oauth'],
      },
    },
  },
  'system-mail': {
    fields: ['fromAddress', 'fromName', 'maxSizeKb', 'handoff'],
    auth: ['none'],
    oauthProviders: [],
    oauthPurpose: null,
    needsSender: false,
    defaultConnections: 1,
    outcome: 'handedOff',
    handoff: true,
    handoffModes: ['compose'],
    platforms: null,
    report: 'program',
    templates: { systemMail: { connection: 'system-mail', auth: 'none' } },
  },
  // Simple MAPI (MAPISendMailW) to the default mail program: it sends with its own account and settings
  'windows-standard': {
    fields: ['maxSizeKb', 'handoff'],
    auth: ['none'],
    oauthProviders: [],
    oauthPurpose: null,
    needsSender: false,
    defaultConnections: 1,
    outcome: 'handedOff',
    handoff: true,
    handoffModes: ['compose', 'send'],
    platforms: ['win32'],
    report: 'program',
    templates: { windowsStandard: { connection: 'windows-standard', auth: 'none' } },
  },
  // classic Outlook's object model: the sender picks the account; "Anmelden" = Outlook profile + password
  outlook: {
    fields: ['fromAddress', 'auth', 'user', 'password', 'maxSizeKb', 'handoff'],
    auth: ['none', 'password'],
    oauthProviders: [],
    oauthPurpose: null,
    needsSender: false,
    defaultConnections: 1,
    outcome: 'handedOff',
    handoff: true,
    handoffModes: ['compose', 'send'],
    platforms: ['win32'],
    report: 'program',
    templates: { outlook: { connection: 'outlook', auth: 'none' } },
  },
  'test-mailbox': {
    fields: ['fromAddress', 'fromName', 'maxSizeKb'],
    auth: ['none'],
    oauthProviders: [],
    oauthPurpose: null,
    needsSender: false,
    defaultConnections: 1,
    outcome: 'stored',
    handoff: false,
    handoffModes: [],
    platforms: null,
    report: 'folder',
    templates: {
      testMailbox: { connection: 'test-mailbox', auth: 'none', fromAddress: 'buchhaltung@example.com' },
    },
  },
} as const satisfies Record<ConnectionKind, ConnectionKindSpec>;

export function kindSpec(kind: ConnectionKind): ConnectionKindSpec {
  return CONNECTION_KIND_SPECS[kind];
}

/** The "Neu …" entries of every kind, in the registry's order. */
export type TemplateId = {
  [K in ConnectionKind]: Extract<keyof (typeof CONNECTION_KIND_SPECS)[K]['templates'], string>;
}[ConnectionKind];
export const TEMPLATE_IDS = CONNECTION_KINDS.flatMap(
  (k) => Object.keys(CONNECTION_KIND_SPECS[k].templates) as TemplateId[],
);
export function templateValues(id: TemplateId): ProfileTemplateValues {
  for (const k of CONNECTION_KINDS) {
    const templates: Readonly<Record<string, ProfileTemplateValues>> = CONNECTION_KIND_SPECS[k].templates;
    if (templates[id]) return templates[id];
  }
  throw new Error(`unknown template ${id}`);
}

/** The authentication a profile really uses with its kind (a kind that allows only one forces it). */
export function effectiveAuth(kind: ConnectionKind, auth: AuthMethod): AuthMethod {
  const allowed = kindSpec(kind).auth;
  return allowed.includes(auth) ? auth : allowed[0]!;
}

/** Whether a field applies to a kind, given the authentication method chosen. */
export function fieldApplies(
  kind: ConnectionKind,
  field: ProfileField,
  auth: AuthMethod = 'password',
): boolean {
  const spec = kindSpec(kind);
  if (!spec.fields.includes(field)) return false;
  const a = effectiveAuth(kind, auth);
  if (field === 'password') return a === 'password';
  if (field === 'oauth') return a === 'oauth';
  if (field === 'user') return a !== 'none';
  // a password may be sent unencrypted when the user allows it; an OAuth token never is
  if (field === 'allowPlaintextAuth') return a === 'password';
  return true;
}

/**
 * Why a field is disabled, as a catalogue key: the kind's own reason (`ui:disabled.kinds.<kind>`), or
 * the authentication's (`ui:disabled.<reason>`); null when it applies.
 */
export function disabledReasonKey(
  kind: ConnectionKind,
  field: ProfileField,
  auth: AuthMethod,
): string | null {
  if (fieldApplies(kind, field, auth)) return null;
  if (!kindSpec(kind).fields.includes(field)) return `ui:disabled.kinds.${kind}`;
  if (field === 'oauth') return 'ui:disabled.notOAuth';
  if (field === 'password' && effectiveAuth(kind, auth) === 'oauth') return 'ui:disabled.notPassword';
  if (field === 'allowPlaintextAuth' && effectiveAuth(kind, auth) === 'oauth')
    return 'ui:formPolish.plainNeverOAuth';
  return 'ui:disabled.noAuth';
}

/** Whether a kind works on this system (`process.platform` in the core, the app's platform in the UI). */
export function kindAvailableOn(kind: ConnectionKind, platform: string): boolean {
  const only = kindSpec(kind).platforms;
  return only === null || (only as readonly string[]).includes(platform);
}

/** Whether a profile signs in with OAuth 2.0 (its kind forces it, or it chose it). */
export function usesOAuth(p: Pick<Profile, 'connection' | 'auth'>): boolean {
  return fieldApplies(p.connection, 'oauth', p.auth);
}
