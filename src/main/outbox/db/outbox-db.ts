// The outbox's SQLite database (<data>/outbox/outbox.db): opened in WAL mode, so the app and any number
// of CLI processes read and write it at the same time (writers wait for each other up to BUSY_MS;
// every write transaction is a few statements long). Binding: libsql, see docs/batch.md ("Die
// Datenbank").
//
// Durability: a write resolves only once it is on disk, as every state change did before. SQLite's
// synchronous=FULL would fsync the WAL inside every commit, on the main thread, while messages are
// being sent; instead commits run with synchronous=NORMAL and the caller awaits one fdatasync of the
// WAL file, on libuv's thread pool, shared by every commit that happened meanwhile (group commit).
// That is the same guarantee: the commit's frames are in the WAL when COMMIT returns, and the fsync
// puts them on disk before anything that depends on them happens. (A checkpoint that moved them into
// the database file meanwhile synced that file itself.)
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'libsql';
import { MailError } from '../../errors/mail-error.js';
import { syncDir } from '../../platform/atomic-write.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

const open = promisify(fs.open);
const fdatasync = promisify(fs.fdatasync);
const close = promisify(fs.close);

/** How long a writer waits for another process's transaction before giving up (outboxBusy). */
const BUSY_MS = 15_000;

export type Db = Database.Database;

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Opens (creating when missing) and migrates the database; throws outboxNewer for a newer schema. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function migrate(db: Db, file: string): void {
  const version = () => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version() === SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    const from = version(); // another process may have migrated it meanwhile
    if (from > SCHEMA_VERSION) throw new MailError('outboxNewer', { file, version: from });
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

export class OutboxDb {
  readonly db: Db;
  private readonly wal: string;
  /** The WAL, open for syncing from the first sync until close (see walDescriptor). */
  private walFd: number | undefined;
  /** The sync under way, and the next one, which every commit made until it begins joins. */
  private running: Promise<void> | undefined;
  private pending: Promise<void> | undefined;
  private dirSynced = false;

  constructor(readonly file: string) {
    this.db = openDatabase(file);
    this.wal = `${file}-wal`;
  }

  /** Runs `fn` in one write transaction; resolves with its result once the commit is on disk. */
  async write<T>(fn: (db: Db) => T): Promise<T> {
    const result = this.transaction(fn);
    await this.durable();
    return result;
  }

  /** Runs `fn` in one write transaction (committed, not yet synced: await durable()). */
  transaction<T>(fn: (db: Db) => T): T {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if (isBusy(e)) throw new MailError('outboxBusy', { id: '*' }, { cause: e });
      throw e;
    }
    try {
      const result = fn(this.db);
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /**
   * Resolves once everything committed so far is on disk: one fdatasync for every commit waiting.
   * A sync not yet begun takes every commit made before it begins; it begins after the current turn
   * of the event loop and after the sync before it, so the commits made meanwhile (a message's
   * outcome and the claim of the next one, the other connections' claims, new messages) share it.
   */
  durable(): Promise<void> {
    if (this.pending) return this.pending;
    const previous = this.running?.catch(() => undefined);
    const pending = (async () => {
      await previous;
      await new Promise<void>((resolve) => setImmediate(resolve));
      // from here on a new commit needs the next sync: this one may already be under way
      this.pending = undefined;
      const running = this.syncWal();
      this.running = running;
      try {
        await running;
      } finally {
        if (this.running === running) this.running = undefined;
      }
    })();
    this.pending = pending;
    return pending;
  }

  private async syncWal(): Promise<void> {
    const fd = await this.walDescriptor();
    // no WAL: the last connection checkpointed it into the (synced) database file
    if (fd === undefined) return;
    await fdatasync(fd);
    if (!this.dirSynced) {
      // the WAL's and the database's names must survive a crash too
      await syncDir(path.dirname(this.file));
      this.dirSynced = true;
    }
  }

  /**
   * The WAL's descriptor, opened once: while this connection is open SQLite keeps the WAL file (it
   * is deleted only when the last connection closes, and reset in place otherwise), so the
   * descriptor stays the file SQLite writes to, and a sync costs one system call instead of three.
   */
  private async walDescriptor(): Promise<number | undefined> {
    if (this.walFd !== undefined) return this.walFd;
    try {
      const fd = await open(this.wal, 'r+');
      if (this.walFd !== undefined || !this.db.open) {
        await close(fd);
        return this.walFd;
      }
      return (this.walFd = fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  close(): void {
    const fd = this.walFd;
    this.walFd = undefined;
    // a sync under way still has the descriptor: it is closed once that sync is done
    if (fd !== undefined)
      if (this.running) void this.running.catch(() => undefined).then(() => fs.close(fd, () => undefined));
      else fs.closeSync(fd);
    if (this.db.open) this.db.close();
  }
}
