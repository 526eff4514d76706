// The `profile add/edit` flags of the per-profile message settings: Kontrollkopie (Bcc), Reply-To,
// signature, Zustellbestätigung (DSN) and Lesebestätigung.
import { readFileSync } from 'node:fs';
import type { MessageSettings } from '../shared/profile.js';
import { MailError } from '../main/errors/mail-error.js';
import type { ProfileFlag, ProfilePatch } from './profile-flags.js';

function messages(p: ProfilePatch): Partial<MessageSettings> {
  return (p.messages ??= {} as MessageSettings);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function readSignature(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MailError('attachmentMissing', { file });
    throw new MailError('attachmentUnreadable', { file, detail: code ?? 'error' });
  }
}

export const messageSettingsFlags: ProfileFlag[] = [
  {
    flags: '--control-copy <address>',
    key: 'controlCopy',
    description: 'Kontrollkopie: a Bcc of every message to this address, envelope only ("" = off)',
    apply: (v, p) => (messages(p).controlCopy = text(v).trim()),
  },
  {
    flags: '--reply-to <address>',
    key: 'replyTo',
    description: 'Reply-To of every message that names none itself ("" = none)',
    apply: (v, p) => (messages(p).replyTo = text(v).trim()),
  },
  {
    flags: '--signature <text>',
    key: 'signature',
    description: 'signature appended to every text ("" = none)',
    apply: (v, p) => (messages(p).signature = text(v).replace(/\\n/g, '\n')),
  },
  {
    flags: '--signature-file <file>',
    key: 'signatureFile',
    description: 'read the signature from a UTF-8 file',
    apply: (v, p) => (messages(p).signature = readSignature(text(v))),
  },
  {
    flags: '--delivery-receipt',
    key: 'deliveryReceipt',
    description: 'Zustellbestätigung: ask the server for a DSN of every message (where it offers DSN)',
    apply: (v, p) => (messages(p).deliveryReceipt = Boolean(v)),
  },
  {
    flags: '--no-delivery-receipt',
    key: 'deliveryReceipt',
    description: 'no delivery receipts (default)',
    apply: () => undefined,
  },
  {
    flags: '--read-receipt',
    key: 'readReceipt',
    description: 'Lesebestätigung: ask for a read receipt (Disposition-Notification-To)',
    apply: (v, p) => (messages(p).readReceipt = Boolean(v)),
  },
  {
    flags: '--no-read-receipt',
    key: 'readReceipt',
    description: 'no read receipts (default)',
    apply: () => undefined,
  },
];
