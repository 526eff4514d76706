// The durable outbox, in <data>/outbox:
//   messages/<id>.eml   each message's exact RFC 5322 bytes: written to tmp/, fsynced and renamed here
//                       before its record exists and before any network I/O (the Maildir discipline);
//                       the file never moves again (data folders of the version before the database
//                       keep theirs in queue/ or claimed/: the database records where each one is)
//   outbox.db           the SQLite database (db/): each message's state, revision and record, and the
//                       journal, which is the same rows seen from the time they left the queue
// A state change is one short write transaction, conditional on the revision the caller saw, so of
// two processes only one can change a message: claiming a queued message for sending is
// `queued → sending` with the claimant's identity (PID and process start, see process-identity.ts),
// and is on disk before the network is touched. A batch row is queued at most once per run: the
// unique (run, row) index is checked in the transaction that queues it. After a crash, a message whose
// claim's holder no longer runs (its PID is gone, or belongs to a process started at another time)
// becomes `unknown` (the server may have it): it is never resent without the user's decision.
// This file holds the changes of state; the reads and listings are its base class (outbox-reads.ts).
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorInfo } from '../../shared/errors.js';
import type { MailDraft } from '../../shared/mail.js';
import type { OutboxBatchInfo, OutboxEntry, OutboxState } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import type { NormalisedDraft, PreparedMessage } from '../mail/compose.js';
import { holderAlive, selfIdentity } from '../platform/process-identity.js';
import { DirSyncs } from './dir-sync.js';
import { pruneMessages } from './db/prune.js';
import {
  journalJsonRows,
  journalRows,
  queryEntryJson,
  type JournalRow,
  type MessageQuery,
} from './db/queries.js';
import { checkState, insertMessage, isUniqueViolation, journalTime, recordJson, stmt } from './db/rows.js';
import { OutboxReads } from './outbox-reads.js';
import { newRecord, type LocatedRecord, type OutboxRecord } from './outbox-record.js';
import { preparedMessage } from './prepared-message.js';
import type { Renderer } from './renderer.js';

export { DATABASE_FILE, OUTBOX_FOLDER } from './outbox-reads.js';

export interface EnqueueOptions {
  batch?: OutboxBatchInfo;
  redirectedFrom?: string[];
  /** Render on the worker thread (batches: a second core); single messages render in-process. */
  renderOnWorker?: boolean;
}

/** What queueing a batch row gave: the new message, or the one another run queued for the row. */
export type RowEnqueued = { queued: LocatedRecord } | { taken: LocatedRecord };

// Composing and rendering are loaded when a message is queued, not by a listing (once: the module
// system keeps it).
const loadCompose = () => import('../mail/compose.js');

function now(): string {
  return new Date().toISOString();
}

export class OutboxStore extends OutboxReads {
  private readonly dirSyncs = new DirSyncs();
  private rendering: Renderer | undefined;
  /** The render worker, started once on first use (concurrent enqueues share it). */
  private renderingStarted: Promise<Renderer> | undefined;

  /** Stops the render worker and closes the database. */
  async close(): Promise<void> {
    const renderer = await this.renderingStarted?.catch(() => undefined);
    this.renderingStarted = undefined;
    this.rendering = undefined;
    await renderer?.close();
    await this.closeDatabase();
  }

  /** Renders the message and stores it durably (bytes first, then the record). */
  async enqueue(
    profile: Profile,
    draft: MailDraft | NormalisedDraft,
    options: EnqueueOptions = {},
  ): Promise<LocatedRecord> {
    const r = await this.enqueueRow(profile, draft, options);
    if ('taken' in r) throw new MailError('outboxBusy', { id: r.taken.record.id });
    return r.queued;
  }

  /**
   * Renders and stores a message; for a batch row, queues it only when no other message (not failed)
   * holds the row in its run, and otherwise returns that one (the rendered file is removed). Input
   * errors (addresses, attachments, size) are thrown before anything is stored.
   */
  async enqueueRow(
    profile: Profile,
    draft: MailDraft | NormalisedDraft,
    options: EnqueueOptions = {},
  ): Promise<RowEnqueued> {
    const db = await this.database();
    const { newMessageId, normaliseDraft } = await loadCompose();
    this.renderingStarted ??= import('./renderer.js').then(
      ({ Renderer }) => (this.rendering = new Renderer()),
    );
    const renderer = await this.renderingStarted;
    const id = randomUUID();
    const eml = `messages/${id}.eml`;
    const d = 'from' in draft ? draft : await normaliseDraft(profile, draft);
    const messageId = newMessageId(d.from.address);
    const at = now();
    const record = newRecord(profile, d, { id, eml, messageId, at }, options);
    const file = this.emlPath(record);
    const rendered = await renderer.render(
      Boolean(options.renderOnWorker),
      {
        draft: d,
        messageId,
        date: at,
        maxSizeKb: profile.maxSizeKb,
        tmp: path.join(this.dir('tmp'), `${id}.eml`),
        target: file,
        record,
      },
      { syncDir: (dir) => this.dirSyncs.sync(dir) },
    );
    let inserted: boolean;
    try {
      inserted = await db.write((c) => insertMessage(c, rendered.record, 'queued', eml));
    } catch (e) {
      await fs.rm(file, { force: true });
      throw e;
    }
    if (!inserted) {
      await fs.rm(file, { force: true });
      if (rendered.bytes)
        this.release({ record: rendered.record, state: 'queued', path: file, bytes: rendered.bytes });
      const taken = options.batch && (await this.byBatchRow(options.batch.scope, options.batch.key));
      if (!taken) throw new MailError('outboxBusy', { id });
      return { taken };
    }
    const { bytes } = rendered;
    return { queued: { record: rendered.record, state: 'queued', path: file, ...(bytes ? { bytes } : {}) } };
  }

  /**
   * Claims a queued message for sending (queued → sending, with this process as holder), durably
   * before the caller touches the network. Null when it is no longer queued as seen (another
   * process was faster, or its state changed).
   */
  async claim(located: LocatedRecord): Promise<LocatedRecord | null> {
    if (located.state !== 'queued') return null;
    const db = await this.database();
    const me = selfIdentity();
    const { record } = located;
    const rev = record.rev + 1;
    const changed = await db.write(
      (c) =>
        stmt(
          c,
          `UPDATE messages SET state = 'sending', rev = ?, claim_pid = ?, claim_start = ?
           WHERE id = ? AND state = 'queued' AND rev = ?`,
        ).run(rev, me.pid, me.start, record.id, record.rev).changes,
    );
    if (!changed) return null;
    return {
      record: { ...record, rev },
      state: 'sending',
      path: located.path,
      pid: me.pid,
      start: me.start,
      ...(located.bytes ? { bytes: located.bytes } : {}),
    };
  }

  /**
   * Moves a message to a new state, conditional on the revision the caller saw. Throws outboxBusy when
   * another process has it or changed it meanwhile, outboxFileMissing when its stored copy is gone.
   */
  async transition(
    located: LocatedRecord,
    state: Exclude<OutboxState, 'sending'>,
    patch: Partial<OutboxRecord> & { code?: string } = {},
  ): Promise<LocatedRecord> {
    const me = selfIdentity();
    if (located.state === 'sending' && (located.pid !== me.pid || located.start !== me.start))
      throw new MailError('outboxBusy', { id: located.record.id });
    if (located.state !== 'sending') {
      const present = await fs.access(located.path).then(
        () => true,
        () => false,
      );
      if (!present) throw await this.notTaken(located);
    }
    return this.apply(located, state, patch);
  }

  /** Writes the new state if the message is still as `located` saw it. */
  private async apply(
    located: LocatedRecord,
    state: Exclude<OutboxState, 'sending'>,
    patch: Partial<OutboxRecord> & { code?: string },
  ): Promise<LocatedRecord> {
    checkState(state);
    const db = await this.database();
    const { code, ...fields } = patch;
    const at = now();
    const record: OutboxRecord = {
      ...located.record,
      ...fields,
      rev: located.record.rev + 1,
      updatedAt: at,
      history: [
        ...located.record.history,
        {
          at,
          state,
          ...(code ? { code } : {}),
          ...(fields.response ? { response: fields.response } : {}),
        },
      ],
    };
    if (state !== 'failed' && state !== 'unknown' && !patch.error) delete record.error;
    if (state !== 'partial') delete record.refused;
    if (state !== 'queued') delete record.nextAttemptAt;
    let changed: number;
    try {
      changed = await db.write(
        (c) =>
          stmt(
            c,
            `UPDATE messages SET state = ?, rev = ?, updated_at = ?, journal_time = ?, record = ?,
               claim_pid = NULL, claim_start = NULL
             WHERE id = ? AND rev = ? AND state = ?`,
          ).run(
            state,
            record.rev,
            at,
            journalTime(record, state),
            recordJson(record),
            record.id,
            located.record.rev,
            located.state,
          ).changes,
      );
    } catch (e) {
      // requeueing a failed row of a run that has queued the row anew meanwhile
      if (isUniqueViolation(e)) throw new MailError('outboxBusy', { id: record.id }, { cause: e });
      throw e;
    }
    if (!changed) throw new MailError('outboxBusy', { id: record.id });
    return { record, state, path: located.path };
  }

  /** Why a message could not be changed: its file is gone (record unchanged), or another process has it. */
  private async notTaken(located: LocatedRecord): Promise<MailError> {
    const { id, rev } = located.record;
    const current = await this.find(id);
    if (current && current.state === located.state && current.record.rev === rev)
      return new MailError('outboxFileMissing', { id, file: located.path });
    return new MailError('outboxBusy', { id });
  }

  /** The entries a query selects (as query()), after recovering from a crash (recover()). */
  async *entries(q: MessageQuery, newestFirst = false): AsyncGenerator<OutboxEntry> {
    await this.recover();
    yield* this.query(q, newestFirst);
  }

  /**
   * The entries a query selects as JSON text, oldest first, streamed, after recovering from a crash:
   * each error with its text as `message` (from the error's JSON; `outbox list --json`).
   */
  async entryJson(q: MessageQuery, message: (errorJson: string) => string): Promise<Iterable<string>> {
    await this.recover();
    const { db } = await this.databaseFor(q);
    return queryEntryJson(db, this.root, q, message);
  }

  /** The journal's entries a filter selects as JSON rows (journal-json.ts), oldest first, streamed. */
  async journalJsonRows(filter: Omit<MessageQuery, 'view'>): Promise<Iterable<JournalRow>> {
    await this.recover();
    const { db } = await this.databaseFor(filter);
    return journalJsonRows(db, filter);
  }

  /**
   * The journal's rows a filter selects as plain columns (the CSV export), oldest first, streamed,
   * after recovering from a crash (the stored copy's place is `eml`, inside `root`).
   */
  async journalRows(filter: Omit<MessageQuery, 'view'>): Promise<Iterable<JournalRow>> {
    await this.recover();
    const { db } = await this.databaseFor(filter);
    return journalRows(db, filter);
  }

  /**
   * Cleans up after a crash: a message claimed by a process that no longer runs (its PID is gone, or
   * is now another process's) was being sent when it died, and becomes `unknown`. Returns those.
   */
  async recover(): Promise<LocatedRecord[]> {
    const out: LocatedRecord[] = [];
    for (const l of await this.inState('sending')) {
      if (holderAlive({ pid: l.pid ?? 0, start: l.start ?? '' })) continue;
      const error: ErrorInfo = {
        code: 'sendOutcomeUnknown',
        category: 'connection',
        exitCode: 4,
        params: { id: l.record.id },
      };
      try {
        out.push(await this.apply(l, 'unknown', { error, code: 'interrupted' }));
      } catch (e) {
        if (!(e instanceof MailError && e.code === 'outboxBusy')) throw e; // another recovery was faster
      }
    }
    return out;
  }

  /**
   * Retention: deletes the stored copies of the messages that left the queue before `before` and,
   * with `withJournal`, their rows (the journal) too (db/prune.ts).
   */
  async prune(before: Date, withJournal: boolean): Promise<{ files: number; rows: number }> {
    return pruneMessages(await this.database(), this.root, before, withJournal);
  }

  /** The stored message for sending (prepared-message.ts). */
  prepared(located: LocatedRecord, onEnd?: () => void): PreparedMessage {
    return preparedMessage(located, onEnd);
  }

  /**
   * After a message was sent: its kept bytes are not needed any more, and their memory serves a
   * message rendered later (the bytes, and every other view of them, are unusable afterwards).
   */
  release(located: LocatedRecord): void {
    const { bytes } = located;
    if (!bytes) return;
    delete located.bytes;
    this.rendering?.recycle(bytes);
  }
}
