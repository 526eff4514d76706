// What `prune` would delete before a date, counted without deleting: the stored copies still there
// (messages not pruned before) and the journal rows. The same selection as prune.ts (messages that
// left the queue before the date; queued and sending ones never), by the journal_time index.
import type { Db } from './outbox-db.js';
import { stmt } from './rows.js';

export function countPrunable(db: Db, before: Date): { files: number; rows: number } {
  const r = stmt(
    db,
    `SELECT count(*) AS rows, coalesce(sum(pruned_at IS NULL), 0) AS files FROM messages
     WHERE journal_time IS NOT NULL AND journal_time < ? AND state NOT IN ('queued', 'sending')`,
  ).get(before.toISOString()) as { rows: number; files: number };
  return { files: Number(r.files), rows: Number(r.rows) };
}
