// Attachments the desktop app may send: only files the user chose in the main process's open dialog or
// dropped from disk, and only PDFs. The renderer gets an opaque token per file and can name nothing
// else; a send resolves tokens back to paths here, in the main process.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AttachmentHandle } from '../../shared/ipc/contract.js';
import { MailError } from '../errors/mail-error.js';

/** Larger files are refused before anything is read (no mail server takes them anyway). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
const PDF_MAGIC = '%PDF-';

interface Registered {
  path: string;
  name: string;
  size: number;
}

/** Checks that `file` is an absolute path to a readable regular file that starts like a PDF. */
export async function checkPdf(file: string): Promise<{ path: string; name: string; size: number }> {
  const name = path.basename(file);
  if (!path.isAbsolute(file)) throw new MailError('attachmentMissing', { file });
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MailError('attachmentMissing', { file });
    throw new MailError('attachmentUnreadable', { file: name, detail: code ?? 'error' }, { cause: e });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size < PDF_MAGIC.length || stat.size > MAX_ATTACHMENT_BYTES)
      throw new MailError('attachmentNotPdf', { file: name });
    const head = Buffer.alloc(PDF_MAGIC.length);
    await handle.read(head, 0, head.length, 0);
    if (head.toString('latin1') !== PDF_MAGIC) throw new MailError('attachmentNotPdf', { file: name });
    return { path: file, name, size: stat.size };
  } finally {
    await handle.close();
  }
}

export class AttachmentRegistry {
  private readonly byToken = new Map<string, Registered>();

  /** Registers files after checking each; all or nothing. */
  async register(files: string[]): Promise<AttachmentHandle[]> {
    const checked = [];
    for (const f of files) checked.push(await checkPdf(f));
    return checked.map((c) => {
      const token = randomUUID();
      this.byToken.set(token, c);
      return { token, name: c.name, size: c.size };
    });
  }

  /** The registered file behind a token; unknown tokens are an error, never a guess. */
  resolve(token: string): Registered {
    const found = this.byToken.get(token);
    if (!found) throw new MailError('attachmentMissing', { file: token });
    return found;
  }

  release(tokens: string[]): void {
    for (const t of tokens) this.byToken.delete(t);
  }

  get size(): number {
    return this.byToken.size;
  }
}
