// The outbox's record of one message: the public entry plus what is needed to send it again after a
// restart (the normalised draft, the revision every state change counts up), and the lines of the
// record log of the version before the database (read once, by the migration).
import type { OutboxBatchInfo, OutboxEntry, OutboxState } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import type { NormalisedDraft } from '../mail/compose.js';

export const RECORD_VERSION = 1;

export interface OutboxRecord extends Omit<OutboxEntry, 'state' | 'file'> {
  v: typeof RECORD_VERSION;
  /** Grows with every state change; of a message's log lines the highest one is the truth. */
  rev: number;
  /** The stored message's path inside the outbox folder (the record log's lines: inside messages/). */
  eml: string;
  draft: NormalisedDraft;
}

/** One line of the record log: a message's record as of one state change (see record-log.ts). */
export interface LogLine {
  state: Exclude<OutboxState, 'sending'>;
  /** Without the draft after the first line: it never changes, the queued line has it. */
  record: Omit<OutboxRecord, 'draft'> & { draft?: NormalisedDraft };
}

/** A message as found in the outbox: its state, and where its stored bytes are right now. */
export interface LocatedRecord {
  record: OutboxRecord;
  state: OutboxState;
  /** Absolute path of the stored message. */
  path: string;
  /** The process that is sending it (state `sending` only): its PID and start (process-identity.ts). */
  pid?: number;
  start?: string;
  /**
   * The stored message's bytes, kept in memory from rendering to its first attempt so the sender
   * need not read the file back (small messages only; never persisted, dropped by any transition).
   */
  bytes?: Buffer;
}

/**
 * Tie-break between old log lines of equal revision (later wins); with revisions growing on every
 * change it only mattered for copies written by concurrent recoveries, which agree.
 */
export const STATE_PRECEDENCE: Partial<Record<OutboxState, number>> = {
  queued: 0,
  sending: 1,
  unknown: 2,
  failed: 3,
  sent: 4,
  partial: 4,
  handedOff: 4,
};

/** A new message's record as it is queued (size and the attachments' SHA-256 follow from rendering). */
export function newRecord(
  profile: Profile,
  d: NormalisedDraft,
  made: { id: string; eml: string; messageId: string; at: string },
  options: { batch?: OutboxBatchInfo; redirectedFrom?: string[] },
): OutboxRecord {
  const { id, eml, messageId, at } = made;
  return {
    v: RECORD_VERSION,
    rev: 1,
    id,
    createdAt: at,
    updatedAt: at,
    profileId: profile.id,
    profileName: profile.name,
    transport: profile.connection,
    from: d.from.address,
    to: d.to,
    cc: d.cc,
    bcc: d.bcc,
    subject: d.subject,
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.reference ? { reference: d.reference } : {}),
    attachments: d.attachments.map((a) => ({ filename: a.filename, size: a.size, sha256: '' })), // hashed when rendered
    messageId,
    size: 0, // known once rendered
    attempts: 0,
    ...(options.batch ? { batch: options.batch } : {}),
    ...(options.redirectedFrom ? { redirectedFrom: options.redirectedFrom } : {}),
    ...(d.controlCopy ? { controlCopy: d.controlCopy } : {}),
    ...(d.receipts ? { receipts: d.receipts } : {}),
    history: [{ at, state: 'queued' }],
    eml,
    draft: d,
  };
}
