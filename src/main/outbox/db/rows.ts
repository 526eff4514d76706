// A message's row in the outbox database and back: the record as JSON plus the columns the views
// filter by (see schema.ts). The state is checked against OUTBOX_STATES here, not in SQL.
import { OUTBOX_STATES, type OutboxEntry, type OutboxState } from '../../../shared/outbox.js';
import type { OutboxRecord } from '../outbox-record.js';
import type Database from 'libsql';
import type { Db } from './outbox-db.js';

type Stmt = Database.Statement<unknown[]>;

/** The columns every read selects (the draft only where a message may be sent). */
export const ROW_COLUMNS = 'seq, id, state, rev, eml, claim_pid, claim_start, pruned_at, record';
/** What a listing needs: the public entry. */
export const ENTRY_COLUMNS = 'state, eml, record';
/** The same, and the error's JSON as SQLite writes it (entryJsonOfRow). */
export const ENTRY_JSON_COLUMNS = `${ENTRY_COLUMNS}, record -> '$.error' AS error`;

export interface MessageRow {
  seq: number;
  id: string;
  state: string;
  rev: number;
  eml: string;
  claim_pid: number | null;
  claim_start: string | null;
  pruned_at: string | null;
  record: string;
  draft?: string;
  error?: string | null;
}

export function checkState(state: string): OutboxState {
  if (!(OUTBOX_STATES as readonly string[]).includes(state))
    throw new Error(`unknown outbox state "${state}" in the database (written by a newer version?)`);
  return state as OutboxState;
}

/** When a message left the queue (the journal's time); null while it is queued or being sent. */
export function journalTime(
  record: Pick<OutboxRecord, 'sentAt' | 'updatedAt'>,
  state: string,
): string | null {
  return state === 'queued' || state === 'sending' ? null : (record.sentAt ?? record.updatedAt);
}

/** The record's JSON column: everything but the draft, and the revision and file that are columns. */
export function recordJson(record: OutboxRecord): string {
  const { draft: _draft, rev: _rev, eml: _eml, ...rest } = record;
  return JSON.stringify(rest);
}

const cache = new WeakMap<Db, Map<string, Stmt>>();

/** A prepared statement, prepared once per connection. */
export function stmt(db: Db, sql: string): Stmt {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map<string, Stmt>()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare<unknown[]>(sql)));
  return s;
}

function isUniqueViolation(e: unknown): boolean {
  return String((e as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT');
}

/**
 * Inserts a new message with its recipients. Returns false when its batch row is already taken by
 * another message that is not failed (the unique (run, row) index). With duplicateRows (the
 * migration of old data, where a row may have been sent twice before), such a message is kept
 * without a row identity instead.
 */
export function insertMessage(
  db: Db,
  record: OutboxRecord,
  state: string,
  eml: string,
  options: { duplicateRows?: boolean } = {},
): boolean {
  checkState(state);
  const insert = (batch: boolean) =>
    stmt(
      db,
      `INSERT INTO messages (id, state, rev, created_at, updated_at, journal_time, profile_id, reference,
           subject, batch_scope, batch_key, eml, record, draft)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      state,
      record.rev,
      record.createdAt,
      record.updatedAt,
      journalTime(record, state),
      record.profileId,
      record.reference ?? null,
      record.subject,
      batch ? (record.batch?.scope ?? null) : null,
      batch ? (record.batch?.key ?? null) : null,
      eml,
      recordJson(record),
      JSON.stringify(record.draft),
    );
  let result;
  try {
    result = insert(true);
  } catch (e) {
    if (!isUniqueViolation(e) || !record.batch) throw e;
    if (!options.duplicateRows) return false;
    result = insert(false);
  }
  const seq = Number(result.lastInsertRowid);
  const add = stmt(db, 'INSERT INTO recipients (seq, address) VALUES (?, ?)');
  for (const a of new Set([...record.to, ...record.cc, ...record.bcc].map((x) => x.toLowerCase())))
    add.run(seq, a);
  return true;
}

export { isUniqueViolation };

/** The public entry of a row (no draft needed). */
export function entryOfRow(row: Pick<MessageRow, 'state' | 'record'>, file: string): OutboxEntry {
  const r = JSON.parse(row.record) as Omit<OutboxRecord, 'draft' | 'rev' | 'eml'> & { v?: number };
  const { v: _v, ...rest } = r;
  return { ...rest, state: checkState(row.state), file };
}

/** How the record's JSON begins (recordJson: the record version first). */
const RECORD_START = `{"v":1,`;

/**
 * The public entry's JSON, with the error's text added as `message`: the text
 * JSON.stringify({ ...entry, error: { ...entry.error, message } }) gives, made by splicing the
 * record's JSON (records are written by recordJson, so neither `state` nor `file` is in them) instead
 * of parsing it; a record it cannot splice safely is parsed.
 */
export function entryJsonOfRow(
  row: Pick<MessageRow, 'state' | 'record' | 'error'>,
  file: string,
  message: (errorJson: string) => string,
): string {
  const { record, error } = row;
  const tail = `,"state":${JSON.stringify(checkState(row.state))},"file":${JSON.stringify(file)}}`;
  if (record.startsWith(RECORD_START) && record.length > RECORD_START.length + 1) {
    const body = record.slice(RECORD_START.length, -1);
    if (!error) return `{${body}${tail}`;
    const key = `"error":${error}`;
    const at = body.indexOf(key);
    if (at >= 0 && error.endsWith('}') && error.length > 2)
      return `{${body.slice(0, at)}"error":${error.slice(0, -1)},"message":${JSON.stringify(
        message(error),
      )}}${body.slice(at + key.length)}${tail}`;
  }
  const e = entryOfRow(row, file);
  return JSON.stringify(
    e.error ? { ...e, error: { ...e.error, message: message(JSON.stringify(e.error)) } } : e,
  );
}
