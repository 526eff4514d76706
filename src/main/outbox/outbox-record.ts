// The outbox's on-disk record of one message: the public entry plus what is needed to send it again
// after a restart (the normalised draft, the revision that orders copies left behind by a crash).
import type { OutboxEntry, OutboxState } from '../../shared/outbox.js';
import type { NormalisedDraft } from '../mail/compose.js';

export const RECORD_VERSION = 1;

export interface OutboxRecord extends Omit<OutboxEntry, 'state' | 'file'> {
  v: typeof RECORD_VERSION;
  /** Grows with every write; when a crash left two copies, the higher one is the truth. */
  rev: number;
  /** The stored message's file name inside outbox/messages. */
  eml: string;
  draft: NormalisedDraft;
}

/** A record as found on disk: its state is the folder it lies in. */
export interface LocatedRecord {
  record: OutboxRecord;
  state: OutboxState;
  /** Absolute path of the record file. */
  path: string;
  /** The process that is sending it (state `sending` only). */
  pid?: number;
}

/**
 * Folder order used to break a tie between copies of equal revision (later wins). A claim moves the
 * record from queued/ to sending/ without a new revision, so at equal revision `sending` beats
 * `queued`: a crash must never turn a message that may have left into a queued one.
 */
export const STATE_PRECEDENCE: Record<OutboxState, number> = {
  queued: 0,
  sending: 1,
  unknown: 2,
  failed: 3,
  sent: 4,
};
