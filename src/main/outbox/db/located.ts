// A message's row as the sending code sees it: the record with its draft and revision, its state,
// where its stored copy is, and who holds its claim.
import type { NormalisedDraft } from '../../mail/compose.js';
import type { LocatedRecord, OutboxRecord } from '../outbox-record.js';
import type { Db } from './outbox-db.js';
import { checkState, stmt, type MessageRow } from './rows.js';
import path from 'node:path';

/** A row (ROW_COLUMNS and the draft) as a LocatedRecord; `root` is the outbox folder. */
export function locatedOfRow(row: MessageRow, root: string): LocatedRecord {
  const parsed = JSON.parse(row.record) as Omit<OutboxRecord, 'rev' | 'eml' | 'draft'>;
  const draft = row.draft ? (JSON.parse(row.draft) as NormalisedDraft) : (undefined as never);
  const record: OutboxRecord = { ...parsed, rev: row.rev, eml: row.eml, draft };
  const state = checkState(row.state);
  return {
    record,
    state,
    path: path.join(root, row.eml),
    ...(state === 'sending' && row.claim_pid !== null
      ? { pid: row.claim_pid, start: row.claim_start ?? '' }
      : {}),
  };
}

/** The rows a query selects (ROW_COLUMNS and the draft), as LocatedRecords. */
export function locatedRows(db: Db, root: string, sql: string, ...params: unknown[]): LocatedRecord[] {
  return (stmt(db, sql).all(...params) as MessageRow[]).map((r) => locatedOfRow(r, root));
}
