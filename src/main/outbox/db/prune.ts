// Retention in the database: deletes the stored copies of the messages that left the queue before a
// date and, on request, their rows (the journal). Queued messages and those being sent are never
// touched. Files go first, in chunks: a crash in between leaves a row whose copy is gone, never a copy
// without its row. The six-year check is the caller's (retention.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OutboxDb } from './outbox-db.js';
import { stmt } from './rows.js';

/** Messages pruned per transaction. */
const CHUNK = 2000;

export async function pruneMessages(
  handle: OutboxDb,
  root: string,
  before: Date,
  withJournal: boolean,
): Promise<{ files: number; rows: number }> {
  const select = stmt(
    handle.db,
    `SELECT seq, eml FROM messages
     WHERE journal_time IS NOT NULL AND journal_time < ? AND state NOT IN ('queued', 'sending')
       AND (? OR pruned_at IS NULL)
     ORDER BY journal_time LIMIT ${CHUNK}`,
  );
  let files = 0;
  let rows = 0;
  for (;;) {
    const chunk = select.all(before.toISOString(), withJournal ? 1 : 0) as Array<{
      seq: number;
      eml: string;
    }>;
    if (!chunk.length) break;
    for (const { eml } of chunk) {
      const file = path.resolve(root, eml);
      if (!file.startsWith(root + path.sep)) continue; // only ever inside the outbox
      const removed = await fs.rm(file).then(
        () => true,
        (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
      );
      if (removed) files++;
    }
    const at = new Date().toISOString();
    await handle.write((c) => {
      const change = withJournal
        ? stmt(c, 'DELETE FROM messages WHERE seq = ?')
        : stmt(c, 'UPDATE messages SET pruned_at = ? WHERE seq = ?');
      for (const { seq } of chunk) change.run(...(withJournal ? [seq] : [at, seq]));
    });
    if (withJournal) rows += chunk.length;
  }
  return { files, rows };
}
