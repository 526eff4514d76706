// What crosses the boundaries between the core, the CLI, IPC and the renderer: a draft message, the
// report of a connection (what really happened on the wire), and the result of a send.
import type { ConnectionKind, MailKind, SecurityMode } from './profile.js';

export interface AttachmentRef {
  /** Absolute path (the renderer never names paths itself: they come from the main process's dialog). */
  path: string;
  /** Name shown to the recipient; defaults to the file's name. */
  filename?: string;
}

export interface MailDraft {
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  subject: string;
  text?: string;
  html?: string;
  attachments?: AttachmentRef[];
  kind?: MailKind;
  /** e.g. debtor or invoice number, carried in an X-OPOS-Reference header and the journal. */
  reference?: string;
  /** Per message: Zustellbestätigung (DSN) and Lesebestätigung; the profile's settings otherwise. */
  receipts?: { delivery?: boolean; read?: boolean };
}

/** What a message asked for (recorded in the journal). */
export interface ReceiptRequest {
  /** Zustellbestätigung: DSN NOTIFY=SUCCESS,FAILURE, RET=HDRS, ENVID=outbox ID (where offered). */
  delivery: boolean;
  /** Lesebestätigung: Disposition-Notification-To. */
  read: boolean;
}

export type TlsMode = 'implicit' | 'starttls' | 'none';

export interface ConnectionReport {
  kind: ConnectionKind;
  host?: string;
  port?: number;
  /** The profile's setting and what it resolved to (Auto → SslOnConnect or StartTlsWhenAvailable). */
  security?: SecurityMode;
  effectiveSecurity?: Exclude<SecurityMode, 'Auto'>;
  tls: { used: boolean; mode: TlsMode; version?: string; cipher?: string };
  auth: { used: boolean; mechanism?: string; user?: string };
  /** Authentication mechanisms the server offered. */
  offeredAuth?: string[];
  /** SMTP SIZE limit in bytes announced by the server; null when none was announced. */
  serverSizeLimit?: number | null;
  extensions?: string[];
  /** SMTP: whether the server offers DSN, i.e. whether a Zustellbestätigung can be asked for. */
  dsn?: boolean;
  /** Test mailbox: the folder messages are written to. */
  folder?: string;
  /** Graph: the mailbox used. */
  mailbox?: string;
  /** Hand-off kinds: the mail program that would receive the message, and how. */
  handoff?: HandoffInfo;
}

/** A recipient the server refused while it accepted others (RCPT TO answered 4xx/5xx). */
export interface RefusedRecipient {
  address: string;
  /** The server's reply, e.g. `550 5.1.1 <kunde@example.org>: User unknown`. */
  response: string;
}

/**
 * partial: the server took the message for some recipients and refused others (`refused` names
 * them): never reported as sent, never sent again automatically (the accepted ones have it).
 */
export type SendStatus = 'sent' | 'accepted' | 'stored' | 'handedOff' | 'partial';

/** How a message reached the mail program on the desk. */
export const HANDOFF_METHODS = ['compose', 'draft', 'direct'] as const;
export type HandoffMethod = (typeof HANDOFF_METHODS)[number];

/** Which mail program received a handed-off message, and how (the journal keeps it). */
export interface HandoffInfo {
  /** The program's name as the user knows it (e.g. "Thunderbird"). */
  program: string;
  /** Its identity on the system: desktop entry, bundle id or executable. */
  programId?: string;
  /** compose: its compose window opened; draft: an .eml draft opened; direct: the program sent it. */
  method: HandoffMethod;
  /** draft: the .eml file handed over. */
  file?: string;
}

export interface SendResult {
  /**
   * sent: the SMTP server took it (250); accepted: queued by the Graph API (202); stored: test mailbox;
   * handedOff: the mail program on the desk has it (whether the user sends it there is not knowable).
   */
  status: SendStatus;
  messageId: string;
  response: string;
  accepted: string[];
  rejected: string[];
  /** Status `partial`: each refused recipient with the server's reply. */
  refused?: RefusedRecipient[];
  /** Encoded size in bytes. */
  size: number;
  connection: ConnectionReport;
  /** Test mailbox: the .eml written; a hand-off as a draft: the draft handed over. */
  file?: string;
  /** handedOff: which program, how. */
  handoff?: HandoffInfo;
  /** The message's ID in the outbox (`opos-mail outbox show ID`); its stored copy is in the journal. */
  outboxId?: string;
}
