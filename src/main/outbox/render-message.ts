// Renders one message into its file in the outbox: the exact bytes that will be sent, composed once,
// written in large blocks and fsynced (`flush`) before the file is renamed into messages/. Runs in the
// render worker (a second core while the first one sends) or, where no worker is available, in-process.
import { promises as fs } from 'node:fs';
import type { Profile } from '../../shared/profile.js';
import { renderToFile, type NormalisedDraft } from '../mail/compose.js';

export interface RenderJob {
  draft: NormalisedDraft;
  messageId: string;
  /** ISO date of the Date header. */
  date: string;
  maxSizeKb: Profile['maxSizeKb'];
  tmp: string;
  target: string;
}

/** Writes the message durably to `target`; returns its size. Throws MailError tooLargeLocal. */
export async function renderMessage(job: RenderJob): Promise<number> {
  try {
    const size = await renderToFile(job.draft, job.messageId, new Date(job.date), job.tmp, job.maxSizeKb);
    await fs.rename(job.tmp, job.target);
    return size;
  } catch (e) {
    await fs.rm(job.tmp, { force: true });
    throw e;
  }
}
