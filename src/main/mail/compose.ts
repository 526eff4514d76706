// Builds the RFC 5322 / MIME message with nodemailer's composer: UTF-8 subjects and names, PDF
// attachments with non-ASCII file names, Message-ID, Date. Messages held in memory are written out in
// one pass by mime-serialize.ts, byte for byte what the composer's build() gives. Refuses header
// injection, invalid addresses and missing attachments before anything is built.
import { createHash, randomUUID } from 'node:crypto';
import { kindSpec } from '../../shared/connection-kinds.js';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import { bareAddress, normaliseAddress, normaliseRecipient, parseMailbox } from '../../shared/address.js';
import { HEADER_WORD_MAX, headerProblem } from '../../shared/header-check.js';
import type { MailDraft, ReceiptRequest } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { readWholeFile, type Buffers } from '../platform/buffer-pool.js';
import { envelopeOf, type Envelope } from './envelope.js';
import { serializeMime } from './mime-serialize.js';

export { envelopeOf, type Envelope } from './envelope.js';

export interface AttachmentInfo {
  path: string;
  filename: string;
  size: number;
}

/** A message ready to go: the envelope, the encoded bytes (as a fresh stream each time), its size. */
export interface PreparedMessage {
  envelope: Envelope;
  /** The outbox's ID of the message (the DSN's ENVID), when it comes from the outbox. */
  outboxId?: string;
  messageId: string;
  size: number;
  draft: NormalisedDraft;
  attachments: AttachmentInfo[];
  raw(): Readable;
}

export interface NormalisedDraft extends Required<
  Pick<MailDraft, 'to' | 'cc' | 'bcc' | 'replyTo' | 'subject'>
> {
  from: { address: string; name: string };
  text: string;
  html?: string;
  attachments: AttachmentInfo[];
  kind?: MailDraft['kind'];
  reference?: string;
  originalRecipients?: string[];
  /** The profile's Kontrollkopie: a Bcc in the envelope only. */
  controlCopy?: string;
  /** Receipts asked for (only present when one is). */
  receipts?: ReceiptRequest;
}

function checkText(field: string, value: string | undefined): void {
  const problem = headerProblem(value);
  if (problem === 'controlCharacter') throw new MailError('invalidHeader', { field });
  if (problem === 'headerTooLong') throw new MailError('headerTooLong', { field, max: HEADER_WORD_MAX });
}

function checkAddresses(field: string, list: string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of list ?? []) {
    checkText(field, raw);
    const a = normaliseRecipient(raw); // a display name is kept for the header
    if (!a) throw new MailError('invalidAddress', { address: raw, field });
    out.push(a);
  }
  return out;
}

/** What a failed read of an attachment means to the user: missing, or there but unreadable. */
function attachmentError(file: string, e: unknown): MailError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new MailError('attachmentMissing', { file });
  return new MailError('attachmentUnreadable', { file, detail: code ?? 'error' });
}

async function checkAttachment(
  ref: { path: string; filename?: string },
  openCheck: boolean,
): Promise<AttachmentInfo> {
  const filename = ref.filename ?? path.basename(ref.path);
  checkText('attachment', filename);
  let stat;
  try {
    stat = await fs.stat(ref.path);
  } catch (e) {
    throw attachmentError(ref.path, e);
  }
  if (!stat.isFile()) throw new MailError('attachmentUnreadable', { file: ref.path, detail: 'not a file' });
  if (openCheck)
    try {
      const h = await fs.open(ref.path, 'r');
      await h.close();
    } catch (e) {
      throw new MailError('attachmentUnreadable', {
        file: ref.path,
        detail: (e as NodeJS.ErrnoException).code ?? 'error',
      });
    }
  return { path: path.resolve(ref.path), filename, size: stat.size };
}

/**
 * Checks a draft against the profile and returns its normalised form; throws MailError on bad input.
 * `readableChecked`: the caller has read every attachment already (the batch pre-check), so only
 * their sizes are taken.
 */
export async function normaliseDraft(
  profile: Profile,
  draft: MailDraft,
  options: { readableChecked?: boolean } = {},
): Promise<NormalisedDraft> {
  if (!profile.fromAddress && kindSpec(profile.connection).needsSender)
    throw new MailError('noSender', { profile: profile.name });
  const fromAddress = normaliseAddress(profile.fromAddress || 'test@example.com');
  if (!fromAddress) throw new MailError('invalidAddress', { address: profile.fromAddress, field: 'from' });
  checkText('fromName', profile.fromName);
  checkText('subject', draft.subject);
  checkText('reference', draft.reference);
  const to = checkAddresses('to', draft.to);
  const cc = checkAddresses('cc', draft.cc);
  const bcc = checkAddresses('bcc', draft.bcc);
  const replyTo = checkAddresses('replyTo', draft.replyTo);
  if (to.length + cc.length + bcc.length === 0) throw new MailError('noRecipients');
  const attachments: AttachmentInfo[] = [];
  for (const a of draft.attachments ?? [])
    attachments.push(await checkAttachment(a, !options.readableChecked));
  const settings = profileMessageSettings(profile, draft);
  return {
    from: { address: fromAddress, name: profile.fromName },
    to,
    cc,
    bcc,
    replyTo: replyTo.length ? replyTo : settings.replyTo,
    subject: draft.subject,
    text: withSignature(draft.text ?? '', profile.messages.signature),
    ...(draft.html !== undefined ? { html: draft.html } : {}),
    attachments,
    ...(draft.kind ? { kind: draft.kind } : {}),
    ...(draft.reference ? { reference: draft.reference } : {}),
    ...(settings.controlCopy ? { controlCopy: settings.controlCopy } : {}),
    ...(settings.receipts.delivery || settings.receipts.read ? { receipts: settings.receipts } : {}),
  };
}

/** The profile's Reply-To, Kontrollkopie and receipts for a draft (its own choices win). */
function profileMessageSettings(profile: Profile, draft: MailDraft) {
  const m = profile.messages;
  const address = (field: string, value: string): string | undefined => {
    if (!value) return undefined;
    checkText(field, value);
    const a = normaliseAddress(value);
    if (!a) throw new MailError('invalidAddress', { address: value, field });
    return a;
  };
  const replyTo = address('replyTo', m.replyTo);
  return {
    replyTo: replyTo ? [replyTo] : [],
    controlCopy: address('controlCopy', m.controlCopy),
    receipts: {
      delivery: draft.receipts?.delivery ?? m.deliveryReceipt,
      read: draft.receipts?.read ?? m.readReceipt,
    },
  };
}

/** The text with the profile's signature under it, after an empty line. */
function withSignature(text: string, signature: string): string {
  if (!signature.trim()) return text;
  return text.trim() ? `${text.replace(/\s+$/, '')}\n\n${signature}` : signature;
}

function contentTypeFor(filename: string): string | undefined {
  return /\.pdf$/i.test(filename) ? 'application/pdf' : undefined;
}

/**
 * The composer options for a normalised draft: attachments streamed from disk, or, when `contents`
 * holds their bytes (already read, in draft order), taken from memory.
 */
function composerOptions(d: NormalisedDraft, messageId: string, date: Date, contents?: Buffer[]) {
  const headers: Record<string, string> = {};
  if (d.kind) headers['X-OPOS-Kind'] = d.kind;
  if (d.reference) headers['X-OPOS-Reference'] = d.reference;
  if (d.originalRecipients?.length) headers['X-OPOS-Original-Recipients'] = d.originalRecipients.join(', ');
  if (d.receipts?.read) headers['Disposition-Notification-To'] = d.from.address;
  return {
    from: d.from.name ? { name: d.from.name, address: d.from.address } : d.from.address,
    to: d.to.map(mailbox),
    cc: d.cc.map(mailbox),
    bcc: d.bcc.map(mailbox),
    replyTo: d.replyTo.length ? d.replyTo.map(mailbox) : undefined,
    subject: d.subject,
    // CRLF throughout: nodemailer's quoted-printable keeps a bare LF of the text as it is, and the
    // SMTP data phase would turn it into CRLF, so the stored copy would not be the bytes sent
    text: crlf(d.text),
    html: crlf(d.html),
    messageId,
    date,
    headers,
    attachments: d.attachments.map((a, i) => ({
      filename: a.filename,
      ...(contents ? { content: contents[i] } : { path: a.path }),
      contentType: contentTypeFor(a.filename),
    })),
    textEncoding: 'quoted-printable' as const,
  };
}

/** A normalised recipient as the composer takes it: the name is encoded by it (RFC 2047), never parsed again. */
function mailbox(recipient: string): string | { name: string; address: string } {
  const m = parseMailbox(recipient);
  return m?.name ? m : bareAddress(recipient);
}

function crlf<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : text.replace(/\r\n|\r|\n/g, '\r\n')) as T;
}

export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'opos-mail.local';
  return `<${randomUUID()}@${domain}>`;
}

/** Streams the encoded message (Bcc not included in the headers). */
export function composeStream(d: NormalisedDraft, messageId: string, date: Date): Readable {
  const composer = new MailComposer(composerOptions(d, messageId, date));
  return composer.compile().createReadStream();
}

/**
 * The envelope: sender plus every to, cc and bcc recipient and the Kontrollkopie (bcc and the
 * Kontrollkopie only here, never in the headers).
 */
/**
 * Prepares a message for sending: normalises and checks it, renders it once into `file` (so the size
 * is known before connecting and every attempt sends exactly the same bytes), and checks the profile's
 * maximum message size on the encoded result.
 */
export async function prepareMessage(
  profile: Profile,
  draft: MailDraft | NormalisedDraft,
  file: string,
): Promise<PreparedMessage> {
  const d = 'from' in draft ? draft : await normaliseDraft(profile, draft);
  const messageId = newMessageId(d.from.address);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const size = await renderToFile(d, messageId, new Date(), file, profile.maxSizeKb);
  return {
    envelope: envelopeOf(d),
    messageId,
    size,
    draft: d,
    attachments: d.attachments,
    raw: () => createReadStream(file),
  };
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

/**
 * Renders the message once into `file` (which must not exist): composed, written in large blocks and
 * fsynced, then its encoded size checked against the profile's limit. Returns the size in bytes.
 */
export async function renderToFile(
  d: NormalisedDraft,
  messageId: string,
  date: Date,
  file: string,
  maxSizeKb: number,
): Promise<number> {
  await pipeline(
    composeStream(d, messageId, date),
    coalesce(256 * 1024),
    createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: 1 << 20, flush: true }),
  );
  const size = (await fs.stat(file)).size;
  checkLocalSize({ maxSizeKb }, size);
  return size;
}

/** A message rendered in memory, with the SHA-256 of each attachment exactly as it was encoded. */
export interface RenderedMessage {
  bytes: Buffer;
  attachmentSha256: string[];
}

/**
 * Renders the whole message into memory (for messages small enough to hold): every attachment is read
 * once, hashed from those very bytes (the proof names what was sent, even should the file change
 * afterwards) and encoded by the composer without further file reads.
 */
export async function renderToBuffer(
  d: NormalisedDraft,
  messageId: string,
  date: Date,
  buffers?: Buffers,
): Promise<RenderedMessage> {
  const contents: Buffer[] = [];
  try {
    for (const a of d.attachments) {
      try {
        contents.push(await (buffers ? readWholeFile(a.path, buffers) : fs.readFile(a.path)));
      } catch (e) {
        throw attachmentError(a.path, e); // removed or locked since it was checked
      }
    }
    const tree = new MailComposer(composerOptions(d, messageId, date, contents)).compile();
    const bytes =
      serializeMime(tree, buffers ? (size) => buffers.take(size) : undefined) ??
      (await new Promise<Buffer>((resolve, reject) =>
        tree.build((err, out) => (err ? reject(err) : resolve(out))),
      ));
    return { bytes, attachmentSha256: contents.map((c) => createHash('sha256').update(c).digest('hex')) };
  } finally {
    // the attachments' bytes are encoded and hashed: their memory serves the next message
    if (buffers) for (const c of contents) buffers.give(c);
  }
}

export function checkLocalSize(profile: Pick<Profile, 'maxSizeKb'>, size: number): void {
  if (profile.maxSizeKb > 0 && size > profile.maxSizeKb * 1024)
    throw new MailError('tooLargeLocal', { size: Math.ceil(size / 1024), limit: profile.maxSizeKb });
}
