// The durable outbox, kept like a Maildir in <data>/outbox:
//   messages/<id>.eml        the exact RFC 5322 bytes, written to tmp/, fsynced, renamed: before any network I/O
//   queue/ sent/ failed/ unknown/<id>.json   the record; its folder is its state
//   sending/<id>@<pid>.json  claimed by a process (an atomic rename out of queue/, so only one process wins)
// Every record write is temp file + fsync + rename + fsync of the folder. A record carries a revision;
// when a crash leaves two copies, the higher revision is the truth and the other is removed.
import { randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorInfo } from '../../shared/errors.js';
import type { MailDraft } from '../../shared/mail.js';
import {
  OUTBOX_STATES,
  type OutboxBatchInfo,
  type OutboxEntry,
  type OutboxState,
} from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { newMessageId, normaliseDraft, type NormalisedDraft, type PreparedMessage } from '../mail/compose.js';
import { Renderer } from './renderer.js';
import { DirSync } from './dir-sync.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { FileHashCache } from './file-hash.js';
import { RECORD_VERSION, STATE_PRECEDENCE, type LocatedRecord, type OutboxRecord } from './outbox-record.js';

export const OUTBOX_FOLDER = 'outbox';

export interface EnqueueOptions {
  batch?: OutboxBatchInfo;
  redirectedFrom?: string[];
  hashes?: FileHashCache;
  /** Render on the worker thread (batches: a second core); single messages render in-process. */
  renderOnWorker?: boolean;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function now(): string {
  return new Date().toISOString();
}

export class OutboxStore {
  readonly root: string;
  private folders: Promise<void> | undefined;
  private readonly syncs = new Map<string, DirSync>();
  private readonly renderer = new Renderer();

  constructor(readonly dataFolder: string) {
    this.root = path.join(dataFolder, OUTBOX_FOLDER);
  }

  /** Stops the render worker (it also lets the process exit on its own when idle). */
  async close(): Promise<void> {
    await this.renderer.close();
  }

  private syncDir(dir: string): Promise<void> {
    let s = this.syncs.get(dir);
    if (!s) this.syncs.set(dir, (s = new DirSync(dir)));
    return s.sync();
  }

  /** Temp file in the same folder, fsync, rename, folder sync (group-committed). */
  private writeAtomic(file: string, data: string): Promise<void> {
    return writeFileAtomic(file, data, { syncDir: (dir) => this.syncDir(dir) });
  }

  dir(name: OutboxState | 'messages' | 'tmp'): string {
    return path.join(this.root, name);
  }

  emlPath(record: OutboxRecord): string {
    return path.join(this.dir('messages'), record.eml);
  }

  private ensureFolders(): Promise<void> {
    this.folders ??= (async () => {
      for (const d of [...OUTBOX_STATES, 'messages', 'tmp'] as const)
        await fs.mkdir(this.dir(d), { recursive: true, mode: 0o700 });
    })();
    return this.folders;
  }

  /**
   * Renders the message and stores it durably (bytes first, then the record in queue/). Input errors
   * (addresses, attachments, size) are thrown before anything is stored.
   */
  async enqueue(
    profile: Profile,
    draft: MailDraft | NormalisedDraft,
    options: EnqueueOptions = {},
  ): Promise<LocatedRecord> {
    await this.ensureFolders();
    const id = randomUUID();
    const tmp = path.join(this.dir('tmp'), `${id}.eml`);
    const eml = `${id}.eml`;
    const d = 'from' in draft ? draft : await normaliseDraft(profile, draft);
    const messageId = newMessageId(d.from.address);
    const size = await this.renderer.render(Boolean(options.renderOnWorker), {
      draft: d,
      messageId,
      date: new Date().toISOString(),
      maxSizeKb: profile.maxSizeKb,
      tmp,
      target: path.join(this.dir('messages'), eml),
    });
    await this.syncDir(this.dir('messages'));
    const hashes = options.hashes ?? new FileHashCache();
    const at = now();
    const record: OutboxRecord = {
      v: RECORD_VERSION,
      rev: 1,
      id,
      createdAt: at,
      updatedAt: at,
      profileId: profile.id,
      profileName: profile.name,
      transport: profile.connection,
      from: d.from.address,
      to: d.to,
      cc: d.cc,
      bcc: d.bcc,
      subject: d.subject,
      ...(d.kind ? { kind: d.kind } : {}),
      ...(d.reference ? { reference: d.reference } : {}),
      attachments: await Promise.all(
        d.attachments.map(async (a) => ({
          filename: a.filename,
          size: a.size,
          sha256: await hashes.get(a.path),
        })),
      ),
      messageId,
      size,
      attempts: 0,
      ...(options.batch ? { batch: options.batch } : {}),
      ...(options.redirectedFrom ? { redirectedFrom: options.redirectedFrom } : {}),
      history: [{ at, state: 'queued' }],
      eml,
      draft: d,
    };
    const file = path.join(this.dir('queued'), `${id}.json`);
    try {
      await this.writeAtomic(file, JSON.stringify(record));
    } catch (e) {
      await fs.rm(path.join(this.dir('messages'), eml), { force: true });
      throw e;
    }
    return { record, state: 'queued', path: file };
  }

  /**
   * Claims a queued message for sending: an atomic rename into sending/ (only one process can win),
   * made durable before the caller touches the network. Returns the claimed copy, or null when another
   * process was faster.
   */
  async claim(located: LocatedRecord): Promise<LocatedRecord | null> {
    if (located.state !== 'queued') return null;
    const target = path.join(this.dir('sending'), `${located.record.id}@${process.pid}.json`);
    try {
      await fs.rename(located.path, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    // the claim is durable before the caller touches the network; should the removal from queued/
    // not survive a crash, the sending copy wins the tie (STATE_PRECEDENCE) and the message is unknown
    await this.syncDir(this.dir('sending'));
    return { record: located.record, state: 'sending', path: target, pid: process.pid };
  }

  /**
   * Moves a message to a new state with an updated record: the new copy is written (durably) first,
   * then the old one removed, so a crash in between leaves two copies and the newer one wins.
   */
  async transition(
    located: LocatedRecord,
    state: Exclude<OutboxState, 'sending'>,
    patch: Partial<OutboxRecord> & { code?: string } = {},
  ): Promise<LocatedRecord> {
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
    if (state !== 'queued') delete record.nextAttemptAt;
    const file = path.join(this.dir(state), `${record.id}.json`);
    await this.writeAtomic(file, JSON.stringify(record));
    if (located.path !== file) await fs.rm(located.path, { force: true });
    return { record, state, path: file };
  }

  /** Every message, one copy each (the newest revision), oldest first. */
  async list(): Promise<LocatedRecord[]> {
    const best = new Map<string, LocatedRecord>();
    for (const copy of await this.allCopies()) {
      const seen = best.get(copy.record.id);
      if (!seen || newer(copy, seen)) best.set(copy.record.id, copy);
    }
    return [...best.values()].sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt));
  }

  async get(id: string): Promise<LocatedRecord> {
    if (!/^[0-9a-f-]{8,64}$/i.test(id)) throw new MailError('outboxUnknownId', { id });
    const found = (await this.list()).find((r) => r.record.id === id || r.record.id.startsWith(id));
    if (!found) throw new MailError('outboxUnknownId', { id });
    return found;
  }

  /**
   * Cleans up after a crash: stale copies are removed, and a message left in sending/ by a process
   * that no longer runs becomes `unknown` (the server may have accepted it, so it is never resent
   * without the user's decision). Returns the records that became unknown.
   */
  async recover(): Promise<LocatedRecord[]> {
    const copies = await this.allCopies();
    const best = new Map<string, LocatedRecord>();
    for (const c of copies) {
      const seen = best.get(c.record.id);
      if (!seen || newer(c, seen)) best.set(c.record.id, c);
    }
    const orphaned: LocatedRecord[] = [];
    for (const c of copies) {
      const winner = best.get(c.record.id)!;
      if (c !== winner) {
        // never remove the claim of a live sender: its outcome will be written over it
        if (c.state === 'sending' && c.pid !== undefined && isAlive(c.pid) && c.pid !== process.pid) continue;
        await fs.rm(c.path, { force: true });
      } else if (c.state === 'sending' && c.pid !== undefined && !isAlive(c.pid)) {
        orphaned.push(c);
      }
    }
    const out: LocatedRecord[] = [];
    for (const c of orphaned) {
      const error: ErrorInfo = {
        code: 'sendOutcomeUnknown',
        category: 'connection',
        exitCode: 4,
        params: { id: c.record.id },
      };
      out.push(await this.transition(c, 'unknown', { error, code: 'interrupted' }));
    }
    return out;
  }

  /** Streams the stored bytes; never holds the message in memory. */
  prepared(record: OutboxRecord, onEnd?: () => void): PreparedMessage {
    const file = this.emlPath(record);
    return {
      envelope: { from: record.from, to: [...new Set([...record.to, ...record.cc, ...record.bcc])] },
      messageId: record.messageId,
      size: record.size,
      draft: record.draft,
      attachments: record.draft.attachments,
      raw: () => {
        const s = createReadStream(file, { highWaterMark: 256 * 1024 });
        if (onEnd) s.once('end', onEnd);
        return s;
      },
    };
  }

  /** The public view of a record. */
  entry(located: LocatedRecord): OutboxEntry {
    const { v: _v, rev: _rev, eml: _eml, draft: _draft, ...rest } = located.record;
    return { ...rest, state: located.state, file: this.emlPath(located.record) };
  }

  private async allCopies(): Promise<LocatedRecord[]> {
    const out: LocatedRecord[] = [];
    for (const state of OUTBOX_STATES) {
      const dir = this.dir(state);
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const files = names.filter((n) => n.endsWith('.json') && !n.startsWith('.'));
      const loaded = await mapLimit(files, 32, async (name) => {
        const file = path.join(dir, name);
        let record: OutboxRecord;
        try {
          record = JSON.parse(await fs.readFile(file, 'utf8')) as OutboxRecord;
        } catch {
          return null; // vanished (moved by another process) or torn beyond repair: skipped
        }
        const pid = state === 'sending' ? Number(/@(\d+)\.json$/.exec(name)?.[1]) : undefined;
        return { record, state, path: file, ...(pid ? { pid } : {}) };
      });
      for (const r of loaded) if (r) out.push(r);
    }
    return out;
  }
}

function newer(a: LocatedRecord, b: LocatedRecord): boolean {
  if (a.record.rev !== b.record.rev) return a.record.rev > b.record.rev;
  return STATE_PRECEDENCE[a.state] > STATE_PRECEDENCE[b.state];
}

/** Runs `fn` over items with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
