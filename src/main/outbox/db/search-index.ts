// The free-text search's index (the FTS5 table `search`, schema.ts) is filled in bulk: it holds every
// message up to the highest seq it holds, and the messages after that are added in one transaction
// before a search reads it (OutboxStore) and when a batch or an outbox run ends. A message's seq is
// higher than every message's before it, so "after the highest indexed" is exactly what is missing
// (pruning the newest indexed message takes it out of the index too, by the delete trigger). The
// write transaction makes two processes catching up at once add each message once.
import type { Db } from './outbox-db.js';
import { stmt } from './rows.js';
import { searchValues } from './schema.js';

const INDEXED_TOP = 'SELECT rowid AS top FROM search ORDER BY rowid DESC LIMIT 1';

/** Whether messages are missing from the search index (a read; cheap). */
export function searchBehind(db: Db): boolean {
  const { top } = stmt(db, 'SELECT max(seq) AS top FROM messages').get() as { top: number | null };
  const indexed = (stmt(db, INDEXED_TOP).get() as { top: number } | undefined)?.top ?? 0;
  return (top ?? 0) > indexed;
}

/** Adds the missing messages to the search index; run it inside a write transaction. */
export function catchUpSearch(db: Db): number {
  return stmt(
    db,
    `INSERT INTO search (rowid, reference, subject, recipients)
       SELECT ${searchValues('messages')} FROM messages
       WHERE seq > ifnull((${INDEXED_TOP}), 0) ORDER BY seq`,
  ).run().changes;
}
