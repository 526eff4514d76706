// The outbox's and the journal's filters as SQL: state, a time range, a reference, a recipient, a
// search over reference, recipient and subject, a limit, and a cursor for paging newest first. Every
// filter has its index (schema.ts), so a page costs the same with a million messages as with ten.
import path from 'node:path';
import type { OutboxEntry, OutboxState } from '../../../shared/outbox.js';
import type { Db } from './outbox-db.js';
import { ENTRY_COLUMNS, entryOfRow, stmt, type MessageRow } from './rows.js';

export interface MessageQuery {
  state?: OutboxState;
  since?: Date;
  until?: Date;
  reference?: string;
  /** A recipient (to, cc or bcc), compared case-insensitively. */
  to?: string;
  /** Part of the reference, a recipient's address or the subject (the view's search field). */
  search?: string;
  /** At most this many: the newest ones (still returned in the query's order). */
  limit?: number;
  /** Paging newest first: only messages older than this one (its `seq`). */
  before?: number;
  /**
   * `outbox`: every message, by creation time (since/until compare it); `journal`: only those that
   * left the queue, by the time they did.
   */
  view: 'outbox' | 'journal';
}

export interface BuiltQuery {
  where: string;
  params: unknown[];
  /** The column the time range and the order use. */
  time: string;
}

export function buildQuery(q: MessageQuery): BuiltQuery {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const time = q.view === 'journal' ? 'journal_time' : 'created_at';
  if (q.view === 'journal') clauses.push('journal_time IS NOT NULL');
  if (q.state) {
    clauses.push('state = ?');
    params.push(q.state);
  }
  if (q.since) {
    clauses.push(`${time} >= ?`);
    params.push(q.since.toISOString());
  }
  if (q.until) {
    clauses.push(`${time} < ?`);
    params.push(q.until.toISOString());
  }
  if (q.reference !== undefined) {
    clauses.push('reference = ?');
    params.push(q.reference);
  }
  if (q.to !== undefined) {
    clauses.push('seq IN (SELECT seq FROM recipients WHERE address = ?)');
    params.push(q.to.trim().toLowerCase());
  }
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(
      `(reference LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\'
        OR seq IN (SELECT seq FROM recipients WHERE address LIKE ? ESCAPE '\\'))`,
    );
    params.push(like, like, like.toLowerCase());
  }
  if (q.before !== undefined) {
    clauses.push('seq < ?');
    params.push(q.before);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, time };
}

/** The entries a query selects, in its order (newest first with `newestFirst`), streamed. */
export function* queryEntries(
  db: Db,
  root: string,
  q: MessageQuery,
  newestFirst = false,
): Generator<OutboxEntry> {
  const { where, params, time } = buildQuery(q);
  const order = q.view === 'journal' ? `${time}, seq` : 'seq';
  const desc = order
    .split(', ')
    .map((c) => `${c} DESC`)
    .join(', ');
  if (q.limit !== undefined) {
    const rows = stmt(db, `SELECT ${ENTRY_COLUMNS} FROM messages ${where} ORDER BY ${desc} LIMIT ?`).all(
      ...params,
      q.limit,
    ) as MessageRow[];
    if (!newestFirst) rows.reverse();
    for (const r of rows) yield entryOfRow(r, path.join(root, r.eml));
    return;
  }
  const it = stmt(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM messages ${where} ORDER BY ${newestFirst ? desc : order}`,
  ).iterate(...params) as IterableIterator<MessageRow>;
  for (const r of it) yield entryOfRow(r, path.join(root, r.eml));
}
