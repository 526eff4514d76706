// The automatic migration of a data folder made before the database (record logs in outbox/log, the
// stored copies in queue/, claimed/ and messages/): on first start every message is read from the
// logs (for each one the line of highest revision, with the draft of its first) and written into a new
// database under a temporary name, which is renamed to outbox.db only once it is complete and on disk.
// Nothing of the old data is changed or moved: the stored copies stay where they are (the database
// records each one's path), and a migration that fails leaves the old folder exactly as it was, with
// an error that says so. A message a process was sending when the old version stopped (its file in
// claimed/, no newer line) becomes `unknown`: the server may have it, so it is never resent without
// the user's decision.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorInfo } from '../../../shared/errors.js';
import { MailError } from '../../errors/mail-error.js';
import { syncDir } from '../../platform/atomic-write.js';
import { withFileLock } from '../../platform/file-lock.js';
import { STATE_PRECEDENCE, type LogLine, type OutboxRecord } from '../outbox-record.js';
import { readLogLines } from '../record-log.js';
import { OutboxDb } from './outbox-db.js';
import { catchUpSearch } from './search-index.js';
import { insertMessage } from './rows.js';

type Latest = Map<string, { line: LogLine; draft?: OutboxRecord['draft'] }>;

function merge(latest: Latest, line: LogLine): void {
  const seen = latest.get(line.record.id);
  const draft = line.record.draft ?? seen?.draft;
  if (
    !seen ||
    line.record.rev > seen.line.record.rev ||
    (line.record.rev === seen.line.record.rev &&
      (STATE_PRECEDENCE[line.state] ?? 0) > (STATE_PRECEDENCE[seen.line.state] ?? 0))
  )
    latest.set(line.record.id, { line, ...(draft ? { draft } : {}) });
  else if (draft && !seen.draft) seen.draft = draft;
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** True when the outbox folder holds record logs of the version before the database. */
export async function hasLegacyLogs(root: string): Promise<boolean> {
  return (await names(path.join(root, 'log'))).some((n) => n.endsWith('.jsonl'));
}

/**
 * Migrates the record logs of `root` into the database file `dbFile` (which must not exist yet).
 * Throws outboxMigrationFailed, with the old data untouched, when anything goes wrong.
 */
export async function importLegacy(root: string, dbFile: string): Promise<number> {
  return withFileLock(path.join(root, 'migrate.lock'), async () => {
    if (await fs.stat(dbFile).catch(() => null)) return 0; // another process was faster
    const tmp = `${dbFile}.migrating`;
    try {
      for (const suffix of ['', '-wal', '-shm']) await fs.rm(tmp + suffix, { force: true });
      const count = await build(root, tmp);
      await fs.rename(tmp, dbFile);
      await syncDir(root);
      return count;
    } catch (e) {
      for (const suffix of ['', '-wal', '-shm'])
        await fs.rm(tmp + suffix, { force: true }).catch(() => undefined);
      throw new MailError(
        'outboxMigrationFailed',
        { folder: root, detail: e instanceof Error ? e.message : String(e) },
        { cause: e },
      );
    }
  });
}

async function build(root: string, file: string): Promise<number> {
  const logDir = path.join(root, 'log');
  const latest: Latest = new Map();
  for (const name of (await names(logDir)).filter((n) => n.endsWith('.jsonl')))
    for (const line of await readLogLines<LogLine>(path.join(logDir, name)))
      if (line?.record?.id) merge(latest, line);
  // the newest claim of each message: claimed/<id>@<pid>@<rev>.eml
  const claims = new Map<string, { rev: number; rel: string }>();
  for (const name of await names(path.join(root, 'claimed'))) {
    const m = /^([0-9a-f-]+)@(\d+)@(\d+)\.eml$/i.exec(name);
    if (!m) continue;
    const seen = claims.get(m[1]!);
    if (!seen || Number(m[3]) > seen.rev) claims.set(m[1]!, { rev: Number(m[3]), rel: `claimed/${name}` });
  }
  const out = new OutboxDb(file);
  let count = 0;
  try {
    out.transaction((db) => {
      for (const { line, draft } of latest.values()) {
        if (!draft) continue; // its first line was lost already: the old version did not list it either
        let state: string = line.state;
        let record: OutboxRecord = { ...line.record, draft };
        let eml = state === 'queued' ? `queue/${record.id}@${record.rev}.eml` : `messages/${record.eml}`;
        const claim = claims.get(record.id);
        if (claim && claim.rev >= record.rev) {
          eml = claim.rel;
          if (state === 'queued' && claim.rev === record.rev) {
            // it was being sent when the old version stopped
            const at = new Date().toISOString();
            const error: ErrorInfo = {
              code: 'sendOutcomeUnknown',
              category: 'connection',
              exitCode: 4,
              params: { id: record.id },
            };
            state = 'unknown';
            record = {
              ...record,
              rev: record.rev + 1,
              updatedAt: at,
              error,
              history: [...record.history, { at, state: 'unknown', code: 'interrupted' }],
            };
            delete record.nextAttemptAt;
          }
        }
        insertMessage(db, record, state, eml, { duplicateRows: true });
        count++;
      }
      catchUpSearch(db);
    });
    await out.durable();
    // everything into the database file itself: only that file is renamed
    out.db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    out.close();
  }
  // the new file complete on disk before it gets its real name
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return count;
}
