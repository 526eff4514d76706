// The outbox's database and what is read from it: the messages as the sending code sees them, the
// listings of the Postausgang, the CLI and the journal, and the search index, completed before a search
// reads it. OutboxStore (outbox-store.ts) adds every change of state on top. The database is opened on
// first use; a data folder of the version before the database is migrated then (db/legacy-import.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OutboxEntry, OutboxState } from '../../shared/outbox.js';
import { MailError } from '../errors/mail-error.js';
import { hasLegacyLogs, importLegacy } from './db/legacy-import.js';
import { locatedRows } from './db/located.js';
import { BATCH_ROW_SQL, SENT_TIMES_SQL } from './db/lookups.js';
import { OutboxDb } from './db/outbox-db.js';
import { countPrunable } from './db/prune-preview.js';
import { queryEntries, type MessageQuery } from './db/queries.js';
import { ROW_COLUMNS, stmt } from './db/rows.js';
import { catchUpSearch, searchBehind } from './db/search-index.js';
import type { LocatedRecord, OutboxRecord } from './outbox-record.js';

export const OUTBOX_FOLDER = 'outbox';
export const DATABASE_FILE = 'outbox.db';

type Folder = 'messages' | 'tmp' | 'queue' | 'claimed' | 'log';

export class OutboxReads {
  readonly root: string;
  private opened: Promise<OutboxDb> | undefined;
  private handle: OutboxDb | undefined;

  constructor(readonly dataFolder: string) {
    this.root = path.join(dataFolder, OUTBOX_FOLDER);
  }

  /** Closes the database (opened again on the next use). */
  protected async closeDatabase(): Promise<void> {
    await this.opened?.catch(() => undefined);
    this.handle?.close();
    this.handle = undefined;
    this.opened = undefined;
  }

  dir(name: Folder): string {
    return path.join(this.root, name);
  }

  /** The stored copy's place. */
  emlPath(record: Pick<OutboxRecord, 'eml'>): string {
    return path.join(this.root, record.eml);
  }

  /** The database, opened (and an old data folder migrated) on first use. */
  protected database(): Promise<OutboxDb> {
    this.opened ??= (async () => {
      for (const d of ['messages', 'tmp'] as const)
        await fs.mkdir(this.dir(d), { recursive: true, mode: 0o700 });
      const file = path.join(this.root, DATABASE_FILE);
      if (!(await fs.stat(file).catch(() => null)) && (await hasLegacyLogs(this.root)))
        await importLegacy(this.root, file);
      return (this.handle = new OutboxDb(file));
    })();
    this.opened.catch(() => (this.opened = undefined));
    return this.opened;
  }

  /** The database, its search index complete when the query searches (db/search-index.ts). */
  protected async databaseFor(q: Pick<MessageQuery, 'search'>): Promise<OutboxDb> {
    const handle = await this.database();
    if (q.search) this.catchUpSearch(handle);
    return handle;
  }

  /**
   * Adds the messages queued since it last ran to the search index, in one transaction (a batch's or
   * an outbox run's end: the next search need not). Not synced: the index is rebuilt from the messages.
   */
  async indexSearch(): Promise<void> {
    this.catchUpSearch(await this.database());
  }

  private catchUpSearch(handle: OutboxDb): void {
    if (searchBehind(handle.db)) handle.transaction(catchUpSearch);
  }

  /** A message by id, with its draft; undefined when there is none. */
  protected async find(id: string): Promise<LocatedRecord | undefined> {
    const { db } = await this.database();
    return locatedRows(db, this.root, `SELECT ${ROW_COLUMNS}, draft FROM messages WHERE id = ?`, id)[0];
  }

  /** Every message with its draft, oldest first (tests and small folders; views use query()). */
  async list(): Promise<LocatedRecord[]> {
    const { db } = await this.database();
    return locatedRows(db, this.root, `SELECT ${ROW_COLUMNS}, draft FROM messages ORDER BY seq`);
  }

  /** The messages in a state, with their drafts, oldest first. */
  async inState(state: OutboxState): Promise<LocatedRecord[]> {
    const { db } = await this.database();
    return locatedRows(
      db,
      this.root,
      `SELECT ${ROW_COLUMNS}, draft FROM messages WHERE state = ? ORDER BY seq`,
      state,
    );
  }

  /** The message holding a batch row in its run: the one not failed, else the newest failed one. */
  async byBatchRow(scope: string, key: string): Promise<LocatedRecord | undefined> {
    const { db } = await this.database();
    return locatedRows(db, this.root, BATCH_ROW_SQL, scope, key)[0];
  }

  /** When this profile's messages were sent (or handed off) since `since` (for the daily limit). */
  async sentTimes(profileId: string, since: Date): Promise<number[]> {
    const { db } = await this.database();
    const rows = stmt(db, SENT_TIMES_SQL).all(profileId, since.toISOString()) as Array<{ t: string }>;
    return rows.map((r) => Date.parse(r.t));
  }

  async get(id: string): Promise<LocatedRecord> {
    if (!/^[0-9a-f-]{8,64}$/i.test(id)) throw new MailError('outboxUnknownId', { id });
    const { db } = await this.database();
    const lower = id.toLowerCase();
    const found = locatedRows(
      db,
      this.root,
      `SELECT ${ROW_COLUMNS}, draft FROM messages WHERE id >= ? AND id < ? ORDER BY id LIMIT 1`,
      lower,
      `${lower}\uffff`,
    )[0];
    if (!found) throw new MailError('outboxUnknownId', { id });
    return found;
  }

  /**
   * The entries a query selects, streamed in its order (outbox: creation; journal: time left the
   * queue), newest first with `newestFirst`. With a limit, the newest `limit` ones.
   */
  async *query(q: MessageQuery, newestFirst = false): AsyncGenerator<OutboxEntry> {
    const { db } = await this.databaseFor(q);
    yield* queryEntries(db, this.root, q, newestFirst);
  }

  /** What prune(before) would delete: stored copies still there, and journal rows (db/prune-preview.ts). */
  async prunable(before: Date): Promise<{ files: number; rows: number }> {
    return countPrunable((await this.database()).db, before);
  }

  /** A message's place in the outbox's order (the paging cursor of the Postausgang), by its id. */
  async seqOf(id: string): Promise<number | undefined> {
    const { db } = await this.database();
    const r = stmt(db, 'SELECT seq FROM messages WHERE id = ?').get(id) as { seq: number } | undefined;
    return r?.seq;
  }

  /** The database file's path, once it exists (the change watcher opens its own connection to it). */
  async databaseFile(): Promise<string> {
    return (await this.database()).file;
  }

  /** The database (for the benchmark and tests). */
  async connection(): Promise<OutboxDb> {
    return this.database();
  }

  /** The public view of a record. */
  entry(located: LocatedRecord): OutboxEntry {
    const { v: _v, rev: _rev, eml: _eml, draft: _draft, ...rest } = located.record;
    return { ...rest, state: located.state, file: located.path };
  }
}
