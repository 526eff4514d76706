// Renders one message into its file in the outbox: the exact bytes that will be sent, composed once,
// written and fsynced before the file is renamed into queue/. Runs in the render worker (a second
// core while the first one sends) or, where no worker is available, in-process.
//
// Messages whose attachments are small (every Mahnung and Zahlungsavis) are rendered in memory: each
// attachment is read once, hashed and encoded from those bytes, the file is written in one go, and
// the bytes are handed to the sender, which then never reads the file back. Larger messages are
// streamed from the attachments to the file and from the file to the server, never held in memory.
//
// On the worker the whole enqueue is done here, off the sending thread: the file, its rename, the
// folder sync and the queued record line in the worker's own record log (group-committed like the
// main thread's). In-process, the store does the last two itself.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../shared/profile.js';
import { checkLocalSize, renderToBuffer, renderToFile, type NormalisedDraft } from '../mail/compose.js';
import { writeNewFileSynced } from '../platform/atomic-write.js';
import { DirSync } from './dir-sync.js';
import { sha256File } from './file-hash.js';
import type { LogLine, OutboxRecord } from './outbox-record.js';
import { RecordLog } from './record-log.js';

/** Up to this much attachment data a message is rendered in memory. */
export const IN_MEMORY_ATTACHMENTS = 2 * 1024 * 1024;

export interface RenderJob {
  draft: NormalisedDraft;
  messageId: string;
  /** ISO date of the Date header. */
  date: string;
  maxSizeKb: Profile['maxSizeKb'];
  tmp: string;
  target: string;
  /**
   * Worker only: the queued record (size and attachment hashes still to be filled in) and the log
   * folder; the worker makes the file's place durable and appends the record line itself.
   */
  log?: { dir: string; record: OutboxRecord };
}

export interface RenderResult {
  size: number;
  /** SHA-256 of each attachment (as encoded, when rendered in memory). */
  attachmentSha256?: string[];
  /** The stored bytes, for sending without reading the file back (in-memory rendering only). */
  bytes?: Buffer;
  /** The queued record line is durable already (worker). */
  logged?: boolean;
}

// the worker's own log and folder syncs, per outbox
const logs = new Map<string, RecordLog>();
const dirSyncs = new Map<string, DirSync>();

function once<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
}

/** Closes the worker's record logs (before the worker is stopped). */
export async function closeLogs(): Promise<void> {
  await Promise.all([...logs.values()].map((l) => l.close()));
  logs.clear();
}

/**
 * Writes the message durably to `target` (and, with `job.log`, its record). Throws MailError
 * (tooLargeLocal, attachment errors); nothing is left behind then.
 */
export async function renderMessage(job: RenderJob): Promise<RenderResult> {
  let placed = false;
  try {
    let result: RenderResult;
    const attached = job.draft.attachments.reduce((n, a) => n + a.size, 0);
    if (attached <= IN_MEMORY_ATTACHMENTS) {
      const { bytes, attachmentSha256 } = await renderToBuffer(job.draft, job.messageId, new Date(job.date));
      checkLocalSize({ maxSizeKb: job.maxSizeKb }, bytes.length);
      await writeNewFileSynced(job.tmp, bytes);
      result = { size: bytes.length, attachmentSha256, bytes };
    } else {
      const size = await renderToFile(job.draft, job.messageId, new Date(job.date), job.tmp, job.maxSizeKb);
      result = { size };
    }
    await fs.rename(job.tmp, job.target);
    placed = true;
    if (job.log) {
      const folder = path.dirname(job.target);
      await once(dirSyncs, folder, () => new DirSync(folder)).sync();
      const sha256 =
        result.attachmentSha256 ?? (await Promise.all(job.draft.attachments.map((a) => sha256File(a.path))));
      const { draft, ...rest } = job.log.record;
      const record = {
        ...rest,
        size: result.size,
        attachments: rest.attachments.map((a, i) => ({ ...a, sha256: sha256[i]! })),
        draft,
      };
      const dir = job.log.dir;
      await once(logs, dir, () => new RecordLog(dir)).append({ state: 'queued', record } satisfies LogLine);
      result = { ...result, attachmentSha256: sha256, logged: true };
    }
    return result;
  } catch (e) {
    await fs.rm(placed ? job.target : job.tmp, { force: true });
    throw e;
  }
}
