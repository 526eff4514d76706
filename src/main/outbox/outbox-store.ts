// The durable outbox, in <data>/outbox:
//   queue/<id>@<rev>.eml      a queued message's exact RFC 5322 bytes: written to tmp/, fsynced, renamed
//                             here before any network I/O (the Maildir discipline)
//   claimed/<id>@<pid>@<rev>.eml   the same file while one process changes its state (sends it, or
//                             puts it back in the queue): an atomic rename, so only one process wins,
//                             made durable before the network is touched
//   messages/<id>.eml         its place once it is sent, failed or unknown (the stored copy)
//   log/<pid>-….jsonl         the record log: one line per state change (record-log.ts)
// Every state change claims the file first, appends the record line, then moves the file to where the
// new state keeps it; the file is in queue/ (under the revision it was queued at, so a stale view can
// never claim it again) exactly while the message may be sent. After a crash, a claim of a dead
// process is settled by the record log: a newer line says where the file goes; none means the process
// died while sending, and the message becomes `unknown` (the server may have it): it is never resent
// without the user's decision.
import { randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ErrorInfo } from '../../shared/errors.js';
import type { MailDraft } from '../../shared/mail.js';
import type { OutboxBatchInfo, OutboxEntry, OutboxState } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import {
  envelopeOf,
  newMessageId,
  normaliseDraft,
  type NormalisedDraft,
  type PreparedMessage,
} from '../mail/compose.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import type { QueueLog } from './render-message.js';
import { Renderer } from './renderer.js';
import { DirSyncs } from './dir-sync.js';
import {
  RECORD_VERSION,
  STATE_PRECEDENCE,
  type LocatedRecord,
  type LogLine,
  type OutboxRecord,
} from './outbox-record.js';
import { logFileName, logFilePid, readLogLines, RecordLog } from './record-log.js';

export const OUTBOX_FOLDER = 'outbox';

export interface EnqueueOptions {
  batch?: OutboxBatchInfo;
  redirectedFrom?: string[];
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

type Folder = 'queue' | 'claimed' | 'messages' | 'log' | 'tmp';
const FOLDERS: Folder[] = ['queue', 'claimed', 'messages', 'log', 'tmp'];

/** Compacts the logs of finished processes once there are this many, untouched for QUIET_MS. */
const COMPACT_AT = 16;
const QUIET_MS = 10 * 60_000;

/** A claim's file name: the message, the sending process, and the revision it was claimed at. */
function claimName(id: string, pid: number, rev: number): string {
  return `${id}@${pid}@${rev}.eml`;
}

function parseClaim(name: string): { id: string; pid: number; rev: number } | null {
  const m = /^([0-9a-f-]+)@(\d+)@(\d+)\.eml$/i.exec(name);
  return m ? { id: m[1]!, pid: Number(m[2]), rev: Number(m[3]) } : null;
}

/** The newest line of each message, with the draft from whichever line carries it. */
type Latest = Map<string, { line: LogLine; draft?: NormalisedDraft }>;

function merge(latest: Latest, line: LogLine): void {
  const seen = latest.get(line.record.id);
  const draft = line.record.draft ?? seen?.draft;
  if (
    !seen ||
    line.record.rev > seen.line.record.rev ||
    (line.record.rev === seen.line.record.rev &&
      STATE_PRECEDENCE[line.state] > STATE_PRECEDENCE[seen.line.state])
  )
    latest.set(line.record.id, { line, ...(draft ? { draft } : {}) });
  else if (draft && !seen.draft) seen.draft = draft;
}

/** The newest line of each message over the given log files. */
async function readLatest(dir: string, names: string[]): Promise<Latest> {
  const latest: Latest = new Map();
  for (const name of names)
    for (const line of await readLogLines<LogLine>(path.join(dir, name)))
      if (line?.record?.id) merge(latest, line);
  return latest;
}

/** A message's full record: its newest line with the draft of its first. */
function recordOf(entry: { line: LogLine; draft: NormalisedDraft }): OutboxRecord {
  return { ...entry.line.record, draft: entry.draft };
}

export class OutboxStore {
  readonly root: string;
  private folders: Promise<void> | undefined;
  private readonly dirSyncs = new DirSyncs();
  private readonly renderer = new Renderer();
  private readonly log: RecordLog;

  constructor(readonly dataFolder: string) {
    this.root = path.join(dataFolder, OUTBOX_FOLDER);
    this.log = new RecordLog(this.dir('log'));
  }

  /** Stops the render worker (it also lets the process exit on its own when idle). */
  async close(): Promise<void> {
    await this.renderer.close();
    await this.log.close();
  }

  private syncDir(dir: string): Promise<void> {
    return this.dirSyncs.sync(dir);
  }

  dir(name: Folder): string {
    return path.join(this.root, name);
  }

  /** The stored copy's permanent place (where it lies once sent, failed or unknown). */
  emlPath(record: OutboxRecord): string {
    return path.join(this.dir('messages'), record.eml);
  }

  /** Where a queued message's file lies: named with the revision it was queued at. */
  private queuePath(record: OutboxRecord): string {
    return path.join(this.dir('queue'), `${record.id}@${record.rev}.eml`);
  }

  private ensureFolders(): Promise<void> {
    this.folders ??= (async () => {
      for (const d of FOLDERS) await fs.mkdir(this.dir(d), { recursive: true, mode: 0o700 });
    })();
    return this.folders;
  }

  /** Where an in-process render logs the queued record (with its draft). */
  private readonly queueLog: QueueLog = {
    syncDir: (dir) => this.syncDir(dir),
    append: (line) => this.log.append(line),
  };

  /** Appends a state change's line, without the draft (the queued line has it); durable on return. */
  private async write(state: LogLine['state'], record: OutboxRecord): Promise<void> {
    const { draft: _draft, ...rest } = record;
    await this.log.append({ state, record: rest } satisfies LogLine);
  }

  /**
   * Renders the message and stores it durably (bytes first, then the record). Input errors
   * (addresses, attachments, size) are thrown before anything is stored.
   */
  async enqueue(
    profile: Profile,
    draft: MailDraft | NormalisedDraft,
    options: EnqueueOptions = {},
  ): Promise<LocatedRecord> {
    await this.ensureFolders();
    const id = randomUUID();
    const eml = `${id}.eml`;
    const d = 'from' in draft ? draft : await normaliseDraft(profile, draft);
    const messageId = newMessageId(d.from.address);
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
      attachments: d.attachments.map((a) => ({ filename: a.filename, size: a.size, sha256: '' })), // hashed when rendered
      messageId,
      size: 0, // known once rendered
      attempts: 0,
      ...(options.batch ? { batch: options.batch } : {}),
      ...(options.redirectedFrom ? { redirectedFrom: options.redirectedFrom } : {}),
      history: [{ at, state: 'queued' }],
      eml,
      draft: d,
    };
    const file = this.queuePath(record);
    const rendered = await this.renderer.render(
      Boolean(options.renderOnWorker),
      {
        draft: d,
        messageId,
        date: at,
        maxSizeKb: profile.maxSizeKb,
        tmp: path.join(this.dir('tmp'), eml),
        target: file,
        record,
        logDir: this.dir('log'),
      },
      this.queueLog,
    );
    const { bytes } = rendered;
    return { record: rendered.record, state: 'queued', path: file, ...(bytes ? { bytes } : {}) };
  }

  /**
   * Claims a queued message for sending: an atomic rename of its file out of queue/ (only one
   * process can win), made durable before the caller touches the network. Returns the claimed
   * message, or null when it is no longer queued (another process was faster, or it was sent).
   */
  async claim(located: LocatedRecord): Promise<LocatedRecord | null> {
    if (located.state !== 'queued') return null;
    return this.take(located, this.queuePath(located.record));
  }

  /** Moves the message's file from `from` into claimed/ (durably); null when it is not there. */
  private async take(located: LocatedRecord, from: string): Promise<LocatedRecord | null> {
    const { record } = located;
    const target = path.join(this.dir('claimed'), claimName(record.id, process.pid, record.rev));
    try {
      await fs.rename(from, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    await this.syncDir(this.dir('claimed'));
    return {
      record,
      state: 'sending',
      path: target,
      pid: process.pid,
      ...(located.bytes ? { bytes: located.bytes } : {}),
    };
  }

  /**
   * Moves a message to a new state: its file is claimed (unless this process holds the claim), the
   * record line made durable, and the file moved to where the new state keeps it (queue/ for queued,
   * messages/ otherwise). Throws outboxBusy when another process has it or its state changed.
   */
  async transition(
    located: LocatedRecord,
    state: Exclude<OutboxState, 'sending'>,
    patch: Partial<OutboxRecord> & { code?: string } = {},
  ): Promise<LocatedRecord> {
    if (located.state === 'sending' && located.pid !== process.pid)
      throw new MailError('outboxBusy', { id: located.record.id });
    const from = located.state === 'sending' ? located : await this.take(located, located.path);
    if (!from) throw await this.notTaken(located);
    const { code, ...fields } = patch;
    const at = now();
    const record: OutboxRecord = {
      ...from.record,
      ...fields,
      rev: from.record.rev + 1,
      updatedAt: at,
      history: [
        ...from.record.history,
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
    await this.write(state, record);
    const target = state === 'queued' ? this.queuePath(record) : this.emlPath(record);
    await fs.rename(from.path, target);
    return { record, state, path: target };
  }

  /**
   * Why a message's file could not be claimed: another process changed it meanwhile (outboxBusy), or,
   * when its record is unchanged, the file itself is gone (deleted or moved by hand).
   */
  private async notTaken(located: LocatedRecord): Promise<MailError> {
    const { id, rev } = located.record;
    const now = (await this.list()).find((l) => l.record.id === id);
    const present = await fs.access(located.path).then(
      () => true,
      () => false,
    );
    if (now && now.state === located.state && now.record.rev === rev && !present)
      return new MailError('outboxFileMissing', { id, file: located.path });
    return new MailError('outboxBusy', { id });
  }

  /** Every message (its newest record), oldest first. */
  async list(): Promise<LocatedRecord[]> {
    const { latest, claims } = await this.load();
    const out: LocatedRecord[] = [];
    for (const { line, draft } of latest.values()) {
      if (!draft) continue; // its first line is lost: nothing could be resent or shown in full
      const record = recordOf({ line, draft });
      const claim = claims.get(record.id);
      if (line.state === 'queued' && claim && claim.rev === record.rev)
        out.push({ record, state: 'sending', path: claim.file, pid: claim.pid });
      else
        out.push({
          record,
          state: line.state,
          path: line.state === 'queued' ? this.queuePath(record) : this.emlPath(record),
        });
    }
    return out.sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt));
  }

  async get(id: string): Promise<LocatedRecord> {
    if (!/^[0-9a-f-]{8,64}$/i.test(id)) throw new MailError('outboxUnknownId', { id });
    const found = (await this.list()).find((r) => r.record.id === id || r.record.id.startsWith(id));
    if (!found) throw new MailError('outboxUnknownId', { id });
    return found;
  }

  /**
   * Cleans up after a crash. A claim left by a process that no longer runs is settled by the record
   * log: a queued message without a newer line was being sent and becomes `unknown` (the server may
   * have accepted it, so it is never resent without the user's decision); otherwise the file goes
   * where its newest line's state keeps it. Returns the messages that became unknown. Also compacts
   * the record logs of finished processes.
   */
  async recover(): Promise<LocatedRecord[]> {
    await this.ensureFolders();
    const { latest, claims } = await this.load();
    const out: LocatedRecord[] = [];
    for (const claim of claims.values()) {
      if (isAlive(claim.pid)) continue;
      // take the dead claim over first (atomic), so concurrent recoveries do not both act on it
      const { id, rev } = claim;
      const mine = path.join(this.dir('claimed'), claimName(id, process.pid, rev));
      try {
        await fs.rename(claim.file, mine);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      const known = latest.get(id);
      if (!known?.draft) {
        await fs.rename(mine, path.join(this.dir('messages'), `${id}.eml`));
        continue;
      }
      const record = recordOf({ line: known.line, draft: known.draft });
      const located: LocatedRecord = { record, state: 'sending', path: mine, pid: process.pid };
      // no line newer than the claim, and queued: the process died while sending
      if (known.line.state === 'queued' && record.rev === rev) {
        const error: ErrorInfo = {
          code: 'sendOutcomeUnknown',
          category: 'connection',
          exitCode: 4,
          params: { id },
        };
        out.push(await this.transition(located, 'unknown', { error, code: 'interrupted' }));
      } else {
        // the new state's line is there, only the move was cut short (or a change never got its line)
        await fs.rename(mine, known.line.state === 'queued' ? this.queuePath(record) : this.emlPath(record));
      }
    }
    await this.compact();
    return out;
  }

  /**
   * The stored message for sending: from the bytes kept since rendering when there are any, otherwise
   * streamed from its file (never read into memory as a whole).
   */
  prepared(located: LocatedRecord, onEnd?: () => void): PreparedMessage {
    const { record } = located;
    // bytes whose memory went back to the renderer have no length left: the file has the message
    const bytes = located.bytes?.length === record.size ? located.bytes : undefined;
    const file = located.path;
    return {
      envelope: envelopeOf(record.draft),
      messageId: record.messageId,
      size: record.size,
      draft: record.draft,
      attachments: record.draft.attachments,
      raw: () => {
        const s = bytes
          ? new Readable({
              read() {
                this.push(bytes);
                this.push(null);
              },
            })
          : createReadStream(file, { highWaterMark: 256 * 1024 });
        if (onEnd) s.once('end', onEnd);
        return s;
      },
    };
  }

  /**
   * After a message was sent: its kept bytes are not needed any more, and their memory serves a
   * message rendered later (the bytes, and every other view of them, are unusable afterwards).
   */
  release(located: LocatedRecord): void {
    const { bytes } = located;
    if (!bytes) return;
    delete located.bytes;
    this.renderer.recycle(bytes);
  }

  /** The public view of a record. */
  entry(located: LocatedRecord): OutboxEntry {
    const { v: _v, rev: _rev, eml: _eml, draft: _draft, ...rest } = located.record;
    return { ...rest, state: located.state, file: located.path };
  }

  /** The newest line of every message, and the claims (by message id) found in claimed/. */
  private async load(): Promise<{
    latest: Latest;
    claims: Map<string, { id: string; pid: number; rev: number; file: string }>;
  }> {
    const logs = (await readNames(this.dir('log'))).filter((n) => n.endsWith('.jsonl'));
    const latest = await readLatest(this.dir('log'), logs);
    const claims = new Map<string, { id: string; pid: number; rev: number; file: string }>();
    for (const name of await readNames(this.dir('claimed'))) {
      const c = parseClaim(name);
      if (!c) continue;
      const seen = claims.get(c.id);
      if (!seen || c.rev > seen.rev) claims.set(c.id, { ...c, file: path.join(this.dir('claimed'), name) });
    }
    return { latest, claims };
  }

  /**
   * Merges the logs of processes that no longer run into one snapshot (newest line of each message,
   * with its draft), written atomically before the merged logs are removed: at worst a crash leaves
   * both, which say the same.
   */
  private async compact(): Promise<void> {
    const dir = this.dir('log');
    const candidates = (await readNames(dir)).filter((n) => {
      const pid = logFilePid(n);
      return pid !== undefined && pid !== process.pid && !isAlive(pid);
    });
    if (candidates.length < COMPACT_AT) return;
    // a process we cannot see (another PID namespace sharing the folder) may still be appending: only
    // logs untouched for a while are merged
    const quiet = Date.now() - QUIET_MS;
    const dead: string[] = [];
    for (const name of candidates) {
      const st = await fs.stat(path.join(dir, name)).catch(() => null);
      if (st && st.mtimeMs < quiet) dead.push(name);
    }
    if (dead.length < COMPACT_AT) return;
    const lines = [...(await readLatest(dir, dead)).values()].map(({ line, draft }) =>
      JSON.stringify({ state: line.state, record: { ...line.record, ...(draft ? { draft } : {}) } }),
    );
    await writeFileAtomic(path.join(dir, logFileName(process.pid, 'snapshot')), lines.join('\n') + '\n', {
      syncDir: (d) => this.syncDir(d),
    });
    for (const name of dead) await fs.rm(path.join(dir, name), { force: true });
  }
}

async function readNames(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
