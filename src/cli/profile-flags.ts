// The flags of `profile add` / `profile edit`, each mapped onto a profile field. Features add their
// flags here (one entry each), so add and edit always accept the same set.
import type { Command } from 'commander';
import {
  CONNECTION_KINDS,
  HANDOFF_MODES,
  MICROSOFT_CLOUDS,
  OAUTH_MODES,
  OAUTH_PROVIDERS,
  SECURITY_MODES,
  type HandoffSettings,
  type OAuthSettings,
  type Profile,
} from '../shared/profile.js';
import { THROTTLE_PRESETS, THROTTLE_PRESET_NAMES } from '../shared/throttle-presets.js';
import type { ThrottleSettings } from '../shared/profile.js';
import { messageSettingsFlags } from './message-settings-flags.js';
import { oneOf, wholeNumber } from './flag-values.js';

export type ProfilePatch = Partial<Omit<Profile, 'id'>>;
type Options = Record<string, unknown>;

export interface ProfileFlag {
  /** commander flag syntax, e.g. `--host <name>` */
  flags: string;
  description: string;
  /** Applies the parsed option (already known to be set) to the patch. */
  apply(value: unknown, patch: ProfilePatch, opts: Options): void;
  /** commander's camel-cased option key. */
  key: string;
}

export { oneOf, wholeNumber };

export const profileFlags: ProfileFlag[] = [
  {
    flags: '--connection <kind>',
    key: 'connection',
    description: `connection kind: ${CONNECTION_KINDS.join(' | ')}`,
    apply: (v, p) => (p.connection = oneOf('--connection', CONNECTION_KINDS, v)),
  },
  { flags: '--host <name>', key: 'host', description: 'SMTP server', apply: (v, p) => (p.host = str(v)) },
  {
    flags: '--port <n>',
    key: 'port',
    description: 'port (0 = the default of the security mode: 465 for SslOnConnect, else 25)',
    apply: (v, p) => (p.port = wholeNumber('--port', v, 0, 65535)),
  },
  {
    flags: '--security <mode>',
    key: 'security',
    description: `security: ${SECURITY_MODES.join(' | ')}`,
    apply: (v, p) => (p.security = oneOf('--security', SECURITY_MODES, v)),
  },
  {
    flags: '--login',
    key: 'login',
    description: '"Anmelden": log in with user name and password',
    apply: (v, p) => (p.auth = v ? 'password' : 'none'),
  },
  { flags: '--no-login', key: 'login', description: 'no login', apply: () => undefined },
  {
    flags: '--user <name>',
    key: 'user',
    description: 'user name ("Profil")',
    apply: (v, p) => (p.user = str(v)),
  },
  {
    flags: '--allow-plaintext-auth',
    key: 'allowPlaintextAuth',
    description: 'allow sending the password over an unencrypted connection',
    apply: (v, p) => (p.allowPlaintextAuth = Boolean(v)),
  },
  {
    flags: '--no-allow-plaintext-auth',
    key: 'allowPlaintextAuth',
    description: 'never send the password unencrypted (default)',
    apply: () => undefined,
  },
  {
    flags: '--ca-file <path>',
    key: 'caFile',
    description: 'extra CA certificate (PEM) to trust for this server ("" removes it)',
    apply: (v, p) => (p.caFile = v ? resolvePath(str(v)) : ''),
  },
  {
    flags: '--from <address>',
    key: 'from',
    description: 'sender address',
    apply: (v, p) => (p.fromAddress = str(v)),
  },
  {
    flags: '--from-name <name>',
    key: 'fromName',
    description: 'sender display name',
    apply: (v, p) => (p.fromName = str(v)),
  },
  {
    flags: '--max-size-kb <n>',
    key: 'maxSizeKb',
    description: 'maximum encoded message size in KB (0 = no limit)',
    apply: (v, p) => (p.maxSizeKb = wholeNumber('--max-size-kb', v, 0, 10_000_000)),
  },
  // OAuth 2.0 ("OAuth 2.0" = silent, "OAuth mit Dialog" = dialog), see docs/oauth.md
  {
    flags: '--oauth <mode>',
    key: 'oauth',
    description:
      'sign in with OAuth 2.0: silent ("OAuth 2.0", cached sign-in only) | dialog ("OAuth mit Dialog")',
    apply: (v, p) => {
      p.auth = 'oauth';
      oauthPatch(p).mode = oneOf('--oauth', OAUTH_MODES, v);
    },
  },
  {
    flags: '--provider <name>',
    key: 'provider',
    description: `OAuth provider: ${OAUTH_PROVIDERS.join(' | ')}`,
    apply: (v, p) => (oauthPatch(p).provider = oneOf('--provider', OAUTH_PROVIDERS, v)),
  },
  {
    flags: '--client-id <id>',
    key: 'clientId',
    description: 'application (client) ID ("" = the built-in one of this build)',
    apply: (v, p) => (oauthPatch(p).clientId = str(v).trim()),
  },
  {
    flags: '--tenant-id <id>',
    key: 'tenantId',
    description: 'Microsoft directory (tenant) ID: GUID, domain, organizations or common',
    apply: (v, p) => (oauthPatch(p).tenantId = str(v).trim()),
  },
  {
    flags: '--client-secret-stdin',
    key: 'clientSecretStdin',
    description: "read the Google desktop client's secret from standard input (kept in the keychain)",
    apply: () => undefined,
  },
  {
    flags: '--cloud <name>',
    key: 'cloud',
    description: `Microsoft cloud: ${MICROSOFT_CLOUDS.join(' | ')}`,
    apply: (v, p) => (oauthPatch(p).cloud = oneOf('--cloud', MICROSOFT_CLOUDS, v)),
  },
  {
    flags: '--authority-url <url>',
    key: 'authorityUrl',
    description: 'advanced: sign-in base URL (sovereign or test deployments; "" = the default)',
    apply: (v, p) => (oauthPatch(p).authorityUrl = str(v).trim()),
  },
  {
    flags: '--graph-url <url>',
    key: 'graphUrl',
    description: 'advanced: Microsoft Graph base URL ("" = the default of the cloud)',
    apply: (v, p) => (oauthPatch(p).graphUrl = str(v).trim()),
  },
  // hand-off to the mail program on the desk (connection kinds with `handoff` in the registry)
  {
    flags: '--handoff <mode>',
    key: 'handoff',
    description: `hand-off kinds: ${HANDOFF_MODES.join(' | ')} (compose window, or the program sends directly)`,
    apply: (v, p) => (handoffPatch(p).mode = oneOf('--handoff', HANDOFF_MODES, v)),
  },
  {
    flags: '--handoff-max-rows <n>',
    key: 'handoffMaxRows',
    description: 'hand-off kinds: refuse batches with more rows than this (each opens a window)',
    apply: (v, p) => (handoffPatch(p).maxBatchRows = wholeNumber('--handoff-max-rows', v, 1, 10_000)),
  },
  // sending limits (docs/batch.md); a preset first, single flags override it
  {
    flags: '--throttle-preset <name>',
    key: 'throttlePreset',
    description: `sending limits of a provider: ${THROTTLE_PRESET_NAMES.join(' | ')}`,
    apply: (v, p) =>
      Object.assign(throttlePatch(p), THROTTLE_PRESETS[oneOf('--throttle-preset', THROTTLE_PRESET_NAMES, v)]),
  },
  {
    flags: '--per-minute <n>',
    key: 'perMinute',
    description: 'at most this many messages per minute (0 = no limit)',
    apply: (v, p) => (throttlePatch(p).perMinute = wholeNumber('--per-minute', v, 0, 100_000)),
  },
  {
    flags: '--per-day <n>',
    key: 'perDay',
    description: 'at most this many messages per 24 hours (0 = no limit)',
    apply: (v, p) => (throttlePatch(p).perDay = wholeNumber('--per-day', v, 0, 10_000_000)),
  },
  {
    flags: '--max-attempts <n>',
    key: 'maxAttempts',
    description: 'attempts in all for a temporary failure (4xx, network), first one included',
    apply: (v, p) => (throttlePatch(p).maxAttempts = wholeNumber('--max-attempts', v, 1, 50)),
  },
  // per-profile message settings (Kontrollkopie, Reply-To, signature, receipts)
  ...messageSettingsFlags,
];

function handoffPatch(p: ProfilePatch): Partial<HandoffSettings> {
  return (p.handoff ??= {} as HandoffSettings);
}

function throttlePatch(p: ProfilePatch): Partial<ThrottleSettings> {
  return (p.throttle ??= {} as ThrottleSettings);
}

function resolvePath(p: string): string {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? p : `${process.cwd()}/${p}`;
}

export function addProfileFlags(cmd: Command): Command {
  for (const f of profileFlags) cmd.option(f.flags, f.description);
  return cmd;
}

/** Builds a patch from the options that were actually given. */
export function patchFromOptions(opts: Options): ProfilePatch {
  const patch: ProfilePatch = {};
  const seen = new Set<string>();
  for (const f of profileFlags) {
    if (seen.has(f.key) || opts[f.key] === undefined) continue;
    seen.add(f.key);
    f.apply(opts[f.key], patch, opts);
  }
  return patch;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The patch's OAuth part; only the fields that were given are set (the store merges them). */
function oauthPatch(p: ProfilePatch): Partial<OAuthSettings> {
  p.oauth ??= {} as OAuthSettings;
  return p.oauth;
}
