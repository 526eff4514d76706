// What the outbox and the journal expose to the CLI and (over IPC) to the desktop app. The state names
// are a promise to ERPs' scripts (`outbox list --json`, `journal --json`, `batch --json`): keep them.
import type { ErrorInfo } from './errors.js';
import type { HandoffInfo, ReceiptRequest, RefusedRecipient } from './mail.js';
import type { ConnectionKind, MailKind } from './profile.js';

// `partial`: delivered to some recipients while the server refused others (`refused` names them);
// final like `sent`: it is never sent again automatically, the accepted recipients have it.
export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'handedOff',
  'failed',
  'unknown',
  'partial',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * The Postausgang's search starts at this many characters: from three on it reads the trigram index
 * (src/main/outbox/db/schema.ts), a shorter text would read every message (seconds at a million).
 */
export const SEARCH_MIN_LENGTH = 3;

/**
 * States in which a message has left us for good: a server took it (`sent`), or the mail program on the
 * desk did (`handedOff`: whether the user then sent it there cannot be known), or a server took it for
 * some recipients only (`partial`: the accepted ones have it). Never sent again.
 */
export const DONE_STATES = ['sent', 'handedOff', 'partial'] as const satisfies readonly OutboxState[];
export type DoneState = (typeof DONE_STATES)[number];
export function isDone(state: OutboxState): state is DoneState {
  return (DONE_STATES as readonly OutboxState[]).includes(state);
}

export interface OutboxAttachment {
  filename: string;
  size: number;
  sha256: string;
}

export interface OutboxHistoryEntry {
  at: string;
  state: OutboxState;
  code?: string;
  response?: string;
}

/** Where a message came from when it belongs to a batch ("Mahnlauf"). */
export interface OutboxBatchInfo {
  /** The run: the manifest's absolute path (or --run NAME), plus the redirect address if any. */
  scope: string;
  /** The row's identity: its reference, or the hash of its content. */
  key: string;
  /** 1-based data row of the manifest. */
  row: number;
}

/** One message of the outbox with everything the journal (Versandnachweis) needs. */
export interface OutboxEntry {
  id: string;
  state: OutboxState;
  createdAt: string;
  updatedAt: string;
  profileId: string;
  profileName: string;
  transport: ConnectionKind;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  kind?: MailKind;
  reference?: string;
  attachments: OutboxAttachment[];
  messageId: string;
  /** Encoded size in bytes. */
  size: number;
  /** Absolute path of the stored copy: the exact bytes that were (or will be) sent. */
  file: string;
  attempts: number;
  nextAttemptAt?: string;
  /** The server's final reply, e.g. `250 2.0.0 Ok: queued as …` or Graph's `202 Accepted`. */
  response?: string;
  accepted?: string[];
  rejected?: string[];
  /** State `partial`: the refused recipients with the server's replies. */
  refused?: RefusedRecipient[];
  sentAt?: string;
  /** Why it failed (failed) or what was last seen (queued after a temporary failure, unknown). */
  error?: ErrorInfo;
  /** handedOff: which mail program received it, and how. */
  handoff?: HandoffInfo;
  batch?: OutboxBatchInfo;
  /** Umleitungsmodus: the recipients the row named (the message went to the redirect address). */
  redirectedFrom?: string[];
  /** The profile's Kontrollkopie (a Bcc in the envelope only). */
  controlCopy?: string;
  /** The receipts the message asked for (Zustellbestätigung only where the server offers DSN). */
  receipts?: ReceiptRequest;
  history: OutboxHistoryEntry[];
}

/** One row of the journal (the proof of sending), flat enough for a CSV line. */
export type JournalEntry = Pick<
  OutboxEntry,
  | 'id'
  | 'transport'
  | 'from'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'subject'
  | 'kind'
  | 'reference'
  | 'attachments'
  | 'messageId'
  | 'attempts'
  | 'file'
  | 'error'
  | 'redirectedFrom'
  | 'controlCopy'
  | 'receipts'
  | 'refused'
  | 'handoff'
> & {
  state: Exclude<OutboxState, 'queued' | 'sending'>;
  /** When the message left the queue. */
  time: string;
  profile: string;
  response: string;
};

// The Postausgang view (issue 16): one page of messages, change notifications, retention in the app.

/** One page of the outbox, newest first. */
export interface OutboxPage {
  entries: OutboxEntry[];
  /** The cursor for the next (older) page, null when this is the last one. */
  older: number | null;
}

/** The outbox changed (a message queued, a state changed, messages pruned), by any process. */
export interface OutboxChange {
  /** When the change was noticed (ISO 8601). */
  at: string;
}

/** What pruning before a date would delete, asked before the user confirms. */
export interface PrunePreview {
  /** Stored copies (.eml) that would be deleted (of messages not pruned before). */
  files: number;
  /** Journal rows that would be deleted with the journal. */
  rows: number;
  /** The latest date allowed without an explicit override (six years back), YYYY-MM-DD. */
  earliest: string;
  /** The date lies less than six years back (HGB § 257, AO § 147, GoBD). */
  tooRecent: boolean;
}
