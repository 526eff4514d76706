// Renders one message into its file in the outbox: the exact bytes that will be sent, composed once,
// written and fsynced before the file is renamed into queue/. Runs in the render worker (a second
// core while the first one sends) or, where no worker is available, in-process.
//
// Messages whose attachments are small (every Mahnung and Zahlungsavis) are rendered in memory: each
// attachment is read once, hashed and encoded from those bytes, the file is written in one go, and
// the bytes are handed to the sender, which then never reads the file back. Larger messages are
// streamed from the attachments to the file and from the file to the server, never held in memory.
//
// The file's part of the enqueue is done here: the file, its rename into messages/ and the folder sync;
// the record (completed here with the size and the attachments' SHA-256) is then written to the
// database by the store, on the main thread.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../shared/profile.js';
import { checkLocalSize, renderToBuffer, renderToFile, type NormalisedDraft } from '../mail/compose.js';
import { writeNewFileSynced } from '../platform/atomic-write.js';
import type { Buffers } from '../platform/buffer-pool.js';
import { sha256File } from './file-hash.js';
import type { OutboxRecord } from './outbox-record.js';

/** Up to this much attachment data a message is rendered in memory. */
const IN_MEMORY_ATTACHMENTS = 2 * 1024 * 1024;
/** Messages up to this size stay in memory from rendering to their first attempt. */
const KEEP_IN_MEMORY = 1024 * 1024;

/** The folder sync of the thread doing the work (group-committed). */
export interface QueueLog {
  syncDir(dir: string): Promise<void>;
}

export interface RenderJob {
  draft: NormalisedDraft;
  messageId: string;
  /** ISO date of the Date header. */
  date: string;
  maxSizeKb: Profile['maxSizeKb'];
  tmp: string;
  target: string;
  /** The queued record; its size and the attachments' SHA-256 are filled in here. */
  record: OutboxRecord;
}

export interface RenderResult {
  /** The queued record, to be written by the store. */
  record: OutboxRecord;
  /** The stored bytes, for sending without reading the file back (rendered in memory, up to 1 MB). */
  bytes?: Buffer;
}

/**
 * Writes the message durably to `target` and completes its queued record. Throws MailError
 * (tooLargeLocal, attachment errors); nothing is left behind then.
 */
export async function renderMessage(
  job: RenderJob,
  queue: QueueLog,
  buffers?: Buffers,
): Promise<RenderResult> {
  let placed = false;
  let bytes: Buffer | undefined;
  try {
    let size: number;
    let sha256: string[];
    const attached = job.draft.attachments.reduce((n, a) => n + a.size, 0);
    if (attached <= IN_MEMORY_ATTACHMENTS) {
      const rendered = await renderToBuffer(job.draft, job.messageId, new Date(job.date), buffers);
      bytes = rendered.bytes;
      size = bytes.length;
      sha256 = rendered.attachmentSha256;
      checkLocalSize({ maxSizeKb: job.maxSizeKb }, size);
      await writeNewFileSynced(job.tmp, bytes);
    } else {
      size = await renderToFile(job.draft, job.messageId, new Date(job.date), job.tmp, job.maxSizeKb);
      sha256 = await Promise.all(job.draft.attachments.map((a) => sha256File(a.path)));
    }
    await fs.rename(job.tmp, job.target);
    placed = true;
    await queue.syncDir(path.dirname(job.target));
    const record: OutboxRecord = {
      ...job.record,
      size,
      attachments: job.record.attachments.map((a, i) => ({ ...a, sha256: sha256[i]! })),
    };
    if (bytes && bytes.length > KEEP_IN_MEMORY) {
      // not kept for sending (it will be streamed from the file): its memory serves the next message
      buffers?.give(bytes);
      bytes = undefined;
    }
    return { record, ...(bytes ? { bytes } : {}) };
  } catch (e) {
    if (bytes) buffers?.give(bytes);
    await fs.rm(placed ? job.target : job.tmp, { force: true });
    throw e;
  }
}
