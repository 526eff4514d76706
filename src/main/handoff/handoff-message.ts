// What a hand-off gives the mail program, taken from the outbox's stored message: recipients, subject
// and text from its draft, the PDFs from the stored bytes themselves (so what the program gets is what
// the journal's SHA-256 describes), copied into the message's hand-off folder.
import PostalMime from 'postal-mime';
import type { Readable } from 'node:stream';
import type { PreparedMessage } from '../mail/compose.js';
import { writeHandoffFile } from './handoff-folder.js';
import type { HandoffMessage } from './mail-programs.js';

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

export async function handoffMessage(
  message: PreparedMessage,
  raw: Buffer,
  dir: string,
  /** The profile's own sender ('' = the mail program's default account). */
  from: string,
): Promise<HandoffMessage> {
  const parsed = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const files: string[] = [];
  for (const a of parsed.attachments) {
    const content = new Uint8Array(a.content as ArrayBuffer);
    files.push(await writeHandoffFile(dir, a.filename ?? 'Anhang.pdf', content));
  }
  const d = message.draft;
  return {
    from,
    to: d.to,
    cc: d.cc,
    bcc: d.bcc,
    subject: d.subject,
    text: d.text.replace(/\r\n/g, '\n'),
    files,
  };
}
