// The outbox's and the journal's filters as SQL: state, a time range, a reference, a recipient, a
// search over reference, recipient and subject, a limit, and a cursor for paging newest first. Every
// filter has its index (schema.ts; the search: a trigram index, for searches of three characters or
// more), so a page costs the same with a million messages as with ten.
import path from 'node:path';
import type { OutboxEntry, OutboxState } from '../../../shared/outbox.js';
import type { Db } from './outbox-db.js';
import {
  ENTRY_COLUMNS,
  ENTRY_JSON_COLUMNS,
  entryJsonOfRow,
  entryOfRow,
  stmt,
  type MessageRow,
} from './rows.js';

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

/**
 * Up to this many matches the search reads the trigram index's matches; a term found in more messages
 * (a word of every subject) reads the messages newest first instead, where a page stops early.
 */
const SEARCH_INDEX_MAX = 10_000;

/** Whether the trigram index is the faster way to a search's matches (see SEARCH_INDEX_MAX). */
function searchByIndex(db: Db | undefined, phrase: string): boolean {
  if (!db) return true;
  const { n } = stmt(
    db,
    `SELECT count(*) AS n FROM (SELECT rowid FROM search WHERE search MATCH ? LIMIT ${SEARCH_INDEX_MAX + 1})`,
  ).get(phrase) as { n: number };
  return n <= SEARCH_INDEX_MAX;
}

/** The SQL of a query; with the database, the search picks its way (searchByIndex). */
export function buildQuery(q: MessageQuery, db?: Db): BuiltQuery {
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
  // the trigram index (schema.ts): the search as one phrase is a case-insensitive substring
  const phrase = q.search && `"${q.search.replace(/"/g, '""')}"`;
  const indexed = Boolean(q.search && phrase && [...q.search].length >= 3);
  const alone = q.view === 'outbox' && !clauses.length && q.limit !== undefined;
  if (indexed && alone) {
    // a page of the search alone: the newest matches straight from the index, however many there are
    const older = q.before !== undefined ? 'AND rowid < ?' : '';
    clauses.push(
      `seq IN (SELECT rowid FROM search WHERE search MATCH ? ${older} ORDER BY rowid DESC LIMIT ?)`,
    );
    params.push(phrase, ...(q.before !== undefined ? [q.before] : []), q.limit);
  } else if (indexed && searchByIndex(db, phrase!)) {
    clauses.push('seq IN (SELECT rowid FROM search WHERE search MATCH ?)');
    params.push(phrase);
  } else if (q.search) {
    // shorter than a trigram, or in very many messages: the messages are read (the newest first; a
    // page stops early)
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

/** The rows a query selects, in its order (newest first with `newestFirst`), streamed. */
function* queryRows<R>(
  db: Db,
  q: MessageQuery,
  columns: string,
  newestFirst: boolean,
  raw = false,
): Generator<R> {
  const { where, params, time } = buildQuery(q, db);
  const order = q.view === 'journal' ? `${time}, seq` : 'seq';
  const desc = order
    .split(', ')
    .map((c) => `${c} DESC`)
    .join(', ');
  if (q.limit !== undefined) {
    const rows = stmt(db, `SELECT ${columns} FROM messages ${where} ORDER BY ${desc} LIMIT ?`)
      .raw(raw)
      .all(...params, q.limit) as R[];
    if (!newestFirst) rows.reverse();
    yield* rows;
    return;
  }
  yield* stmt(db, `SELECT ${columns} FROM messages ${where} ORDER BY ${newestFirst ? desc : order}`)
    .raw(raw)
    .iterate(...params) as IterableIterator<R>;
}

/** The entries a query selects, in its order (newest first with `newestFirst`), streamed. */
export function* queryEntries(
  db: Db,
  root: string,
  q: MessageQuery,
  newestFirst = false,
): Generator<OutboxEntry> {
  for (const r of queryRows<MessageRow>(db, q, ENTRY_COLUMNS, newestFirst))
    yield entryOfRow(r, path.join(root, r.eml));
}

/**
 * The same entries as JSON text (`outbox list --json`), each error with its text (`message`, from
 * the error's JSON), mostly without parsing the record (entryJsonOfRow).
 */
export function* queryEntryJson(
  db: Db,
  root: string,
  q: MessageQuery,
  message: (errorJson: string) => string,
): Generator<string> {
  for (const r of queryRows<MessageRow>(db, q, ENTRY_JSON_COLUMNS, false))
    yield entryJsonOfRow(r, path.join(root, r.eml), message);
}

/**
 * What a journal entry's JSON line is made of (src/main/journal/journal-json.ts), after the state, the
 * stored copy's place and the journal time: the record's fields as JSON text (SQLite reads the record
 * once per row, in C), null where the record has none.
 */
export const JOURNAL_JSON_FIELDS = [
  'sentAt',
  'updatedAt',
  'id',
  'profileName',
  'transport',
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'kind',
  'reference',
  'attachments',
  'messageId',
  'response',
  'attempts',
  'error',
  'redirectedFrom',
  'controlCopy',
  'receipts',
  'refused',
  'handoff',
] as const;
const JOURNAL_JSON_COLUMNS = `state, eml, journal_time, ${JOURNAL_JSON_FIELDS.map((f) => `record -> '$.${f}'`).join(', ')}`;

/** The journal's entries a filter selects as JOURNAL_JSON_FIELDS rows, oldest first, streamed. */
export function* journalJsonRows(db: Db, q: Omit<MessageQuery, 'view'>): Generator<JournalRow> {
  yield* queryRows<JournalRow>(db, { ...q, view: 'journal' }, JOURNAL_JSON_COLUMNS, false, true);
}

/**
 * The journal's columns as the CSV export reads them (the journal table, schema.ts), in this order:
 * one array per message, no JSON to parse.
 */
export const JOURNAL_ROW_COLUMNS = [
  'journal_time',
  'state',
  'profile',
  'transport',
  'sender',
  'to_list',
  'cc_list',
  'bcc_list',
  'subject',
  'kind',
  'reference',
  'attachment_names',
  'attachment_sizes',
  'attachment_sha256',
  'message_id',
  'response',
  'attempts',
  'error',
  'eml',
  'id',
  'control_copy',
  'delivery_receipt',
  'read_receipt',
  'refused',
] as const;

/** A journal row: the values of JOURNAL_ROW_COLUMNS (null for a missing text). */
export type JournalRow = Array<string | number | null>;

/** Journal rows a filter selects, oldest first (with a limit: the newest `limit`), streamed. */
export function* journalRows(db: Db, q: Omit<MessageQuery, 'view'>): Generator<JournalRow> {
  const { where, params } = buildQuery({ ...q, view: 'journal' }, db);
  const columns = JOURNAL_ROW_COLUMNS.join(', ');
  if (q.limit !== undefined) {
    const rows = stmt(
      db,
      `SELECT ${columns} FROM journal ${where} ORDER BY journal_time DESC, seq DESC LIMIT ?`,
    )
      .raw(true)
      .all(...params, q.limit) as JournalRow[];
    yield* rows.reverse();
    return;
  }
  yield* stmt(db, `SELECT ${columns} FROM journal ${where} ORDER BY journal_time, seq`)
    .raw(true)
    .iterate(...params) as IterableIterator<JournalRow>;
}
