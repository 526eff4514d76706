// The outbox's record of one message: the public entry plus what is needed to send it again after a
// restart (the normalised draft, the revision that orders the lines of the record log).
import type { OutboxEntry, OutboxState } from '../../shared/outbox.js';
import type { NormalisedDraft } from '../mail/compose.js';

export const RECORD_VERSION = 1;

export interface OutboxRecord extends Omit<OutboxEntry, 'state' | 'file'> {
  v: typeof RECORD_VERSION;
  /** Grows with every state change; of a message's log lines the highest one is the truth. */
  rev: number;
  /** The stored message's file name inside outbox/messages. */
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
  /** Absolute path of the stored message (queue/, claimed/ or messages/, depending on the state). */
  path: string;
  /** The process that is sending it (state `sending` only). */
  pid?: number;
  /**
   * The stored message's bytes, kept in memory from rendering to its first attempt so the sender
   * need not read the file back (small messages only; never persisted, dropped by any transition).
   */
  bytes?: Buffer;
}

/**
 * Tie-break between log lines of equal revision (later wins); with revisions growing on every
 * change it only matters for copies written by concurrent recoveries, which agree.
 */
export const STATE_PRECEDENCE: Record<OutboxState, number> = {
  queued: 0,
  sending: 1,
  unknown: 2,
  failed: 3,
  sent: 4,
  partial: 4,
  handedOff: 4,
};
