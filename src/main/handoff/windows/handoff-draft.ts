// The message as the Windows hand-offs give it to the mail program: recipients, subject and text from
// the outbox's draft, the PDFs as copies in the data folder's hand-off folder (named as the recipient
// sees them; Outlook shows a file's own name), taken from the stored bytes like system-mail does.
import path from 'node:path';
import { newHandoffDir } from '../handoff-folder.js';
import { handoffMessage, readAll } from '../handoff-message.js';
import type { PreparedMessage } from '../../mail/compose.js';
import type { HandoffDraft } from './mapi-request.js';

export async function windowsHandoffDraft(
  message: PreparedMessage,
  dataFolder: string,
  from: string,
): Promise<HandoffDraft> {
  const raw = await readAll(message.raw());
  const dir = await newHandoffDir(dataFolder, message.draft.reference ?? message.draft.subject);
  const m = await handoffMessage(message, raw, dir, from);
  return {
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    text: m.text,
    attachments: m.files.map((f) => ({ path: f, filename: path.basename(f) })),
  };
}
