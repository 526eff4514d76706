// Renders one message into its file in the outbox: the exact bytes that will be sent, composed once,
// written in large blocks and fsynced (`flush`) before the file is renamed into messages/. Runs in the
// render worker (a second core while the first one sends) or, where no worker is available, in-process.
import { createWriteStream, promises as fs } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Profile } from '../../shared/profile.js';
import { checkLocalSize, composeStream, type NormalisedDraft } from '../mail/compose.js';

export interface RenderJob {
  draft: NormalisedDraft;
  messageId: string;
  /** ISO date of the Date header. */
  date: string;
  maxSizeKb: Profile['maxSizeKb'];
  tmp: string;
  target: string;
}

/** Joins the composer's many small chunks into blocks, so the file is written in few system calls. */
function coalesce(size: number): Transform {
  let parts: Buffer[] = [];
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      length += chunk.length;
      if (length < size) return cb();
      const block = Buffer.concat(parts, length);
      parts = [];
      length = 0;
      cb(null, block);
    },
    flush(cb) {
      cb(null, length ? Buffer.concat(parts, length) : undefined);
    },
  });
}

/** Writes the message durably to `target`; returns its size. Throws MailError tooLargeLocal. */
export async function renderMessage(job: RenderJob): Promise<number> {
  try {
    await pipeline(
      composeStream(job.draft, job.messageId, new Date(job.date)),
      coalesce(256 * 1024),
      createWriteStream(job.tmp, { flags: 'wx', mode: 0o600, highWaterMark: 1 << 20, flush: true }),
    );
    const size = (await fs.stat(job.tmp)).size;
    checkLocalSize({ maxSizeKb: job.maxSizeKb } as Profile, size);
    await fs.rename(job.tmp, job.target);
    return size;
  } catch (e) {
    await fs.rm(job.tmp, { force: true });
    throw e;
  }
}
