// Renders one message into its file in the outbox: the exact bytes that will be sent, composed once,
// written and fsynced before the file is renamed into messages/. Runs in the render worker (a second
// core while the first one sends) or, where no worker is available, in-process.
//
// Messages whose attachments are small (every Mahnung and Zahlungsavis) are rendered in memory: each
// attachment is read once, hashed and encoded from those bytes, the file is written in one go, and
// the bytes are handed to the sender, which then never reads the file back. Larger messages are
// streamed from the attachments to the file and from the file to the server, never held in memory.
import { promises as fs } from 'node:fs';
import type { Profile } from '../../shared/profile.js';
import { checkLocalSize, renderToBuffer, renderToFile, type NormalisedDraft } from '../mail/compose.js';
import { writeNewFileSynced } from '../platform/atomic-write.js';

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
}

export interface RenderResult {
  size: number;
  /** SHA-256 of each attachment as encoded (in-memory rendering only; otherwise hashed by the caller). */
  attachmentSha256?: string[];
  /** The stored bytes, for sending without reading the file back (in-memory rendering only). */
  bytes?: Buffer;
}

/** Writes the message durably to `target`. Throws MailError (tooLargeLocal, attachment errors). */
export async function renderMessage(job: RenderJob): Promise<RenderResult> {
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
    return result;
  } catch (e) {
    await fs.rm(job.tmp, { force: true });
    throw e;
  }
}
