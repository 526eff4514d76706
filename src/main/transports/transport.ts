// One interface for every way a message leaves: SMTP, the test mailbox, the Graph API, and later the
// hand-offs to the desktop mail program. A session is one connection (or its equivalent): batches
// reuse it for many messages; a single send opens, sends and closes.
import type { ConnectionReport, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import type { PreparedMessage } from '../mail/compose.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { TokenPurpose } from '../../shared/connection-kinds.js';
import type { NodeScriptLauncher } from '../handoff/child-process.js';

export interface TransportSession {
  /** What really happened when the session was set up (TLS, authentication, limits). */
  readonly report: ConnectionReport;
  send(message: PreparedMessage): Promise<SendResult>;
  close(): Promise<void>;
}

export interface Transport {
  readonly profile: Profile;
  /**
   * Connect, secure, authenticate; throws MailError with a user-facing code on failure. `signal` ends
   * the waits of the set-up (connection, greeting, a browser sign-in) with `operationCancelled`.
   */
  openSession(signal?: AbortSignal): Promise<TransportSession>;
}

/** Supplies OAuth access tokens for SMTP XOAUTH2 and the Graph API (see src/main/oauth). */
export interface AccessTokenSource {
  accessToken(profile: Profile, purpose: TokenPurpose): Promise<{ token: string; user: string }>;
  /** Ends a sign-in that waits for the browser (it then fails with oauthCancelled). */
  cancelSignIn?(profile: Profile): void;
}

/** What a transport needs from its surroundings. */
export interface TransportContext {
  dataFolder: string;
  secrets: SecretStore;
  tokens?: AccessTokenSource;
  /** Resolves a server name to the address to connect to (OPOS_MAIL_DNS_SERVER); system DNS when absent. */
  resolveHost?: (host: string) => Promise<string>;
  /** Connection, greeting and socket time-out for this use (the profile lookup's short probes). */
  setupTimeoutMs?: number;
  /** How the Simple MAPI helper is started (the app: a utility process; default: plain Node). */
  handoffHelpers?: HandoffHelpers;
}

export interface HandoffHelpers {
  launchNodeScript: NodeScriptLauncher;
  /** The built mapi-child.js of this build. */
  mapiChildScript: string;
  /** Default `powershell.exe` (tests: a stand-in). */
  powershell?: string;
}

export async function testConnection(transport: Transport, signal?: AbortSignal): Promise<ConnectionReport> {
  const session = await transport.openSession(signal);
  await session.close();
  return session.report;
}
