// The journal as CSV for a German Excel: `;` as delimiter, UTF-8 with BOM (so umlauts survive a
// double-click), CRLF line ends, local time as `YYYY-MM-DD HH:MM:SS`. Cells that Excel would read as a
// formula (=, +, -, @ at the start) get a leading apostrophe: subjects come from outside.
import type { JournalEntry } from '../../shared/outbox.js';
import type { JournalRow } from '../outbox/db/queries.js';

export const JOURNAL_COLUMNS = [
  'time',
  'state',
  'profile',
  'transport',
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'kind',
  'reference',
  'attachments',
  'attachmentSizes',
  'attachmentSha256',
  'messageId',
  'response',
  'attempts',
  'error',
  'file',
  'id',
  // what the message asked for (per-profile settings or the message's own)
  'controlCopy',
  'deliveryReceipt',
  'readReceipt',
  'refused',
] as const;
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Something in a cell that needs a look: a formula's start, or what must be quoted. */
const SPECIAL = /^[=+\-@\t\r]|[;"\r\n]/;

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type JournalCsvOptions = {
  header: (c: JournalColumn) => string;
  errorText?: (e: JournalEntry) => string;
  stateText?: (state: JournalEntry['state']) => string;
};

/** The first line: the BOM and the column names. */
export function journalCsvHeader(header: (c: JournalColumn) => string): string {
  return '\uFEFF' + JOURNAL_COLUMNS.map((c) => csvCell(header(c))).join(';') + '\r\n';
}

/** One entry's line (with its CRLF). */
export function journalCsvLine(
  e: JournalEntry,
  errorText: (e: JournalEntry) => string = (x) => x.error?.code ?? '',
  stateText: (state: JournalEntry['state']) => string = (state) => state,
): string {
  const cell: Record<JournalColumn, string | number> = {
    time: localTime(e.time),
    state: stateText(e.state),
    profile: e.profile,
    transport: e.transport,
    from: e.from,
    to: e.to.join(', '),
    cc: e.cc.join(', '),
    bcc: e.bcc.join(', '),
    subject: e.subject,
    kind: e.kind ?? '',
    reference: e.reference ?? '',
    attachments: e.attachments.map((a) => a.filename).join(' | '),
    attachmentSizes: e.attachments.map((a) => a.size).join(' | '),
    attachmentSha256: e.attachments.map((a) => a.sha256).join(' | '),
    messageId: e.messageId,
    response: e.response,
    attempts: e.attempts,
    error: e.error ? errorText(e) : '',
    file: e.file,
    id: e.id,
    controlCopy: e.controlCopy ?? '',
    deliveryReceipt: e.receipts?.delivery ? 1 : 0,
    readReceipt: e.receipts?.read ? 1 : 0,
    refused: (e.refused ?? []).map((r) => `${r.address} (${r.response})`).join(' | '),
  };
  return JOURNAL_COLUMNS.map((c) => csvCell(cell[c])).join(';') + '\r\n';
}

export function journalCsv(
  entries: JournalEntry[],
  header: (c: JournalColumn) => string,
  errorText?: (e: JournalEntry) => string,
  stateText?: (state: JournalEntry['state']) => string,
): string {
  return journalCsvHeader(header) + entries.map((e) => journalCsvLine(e, errorText, stateText)).join('');
}

/**
 * One journal row's line (with its CRLF), read as columns (db/queries.ts journalRows): the same line
 * journalCsvLine gives for the entry, without building the entry. `file` gives the stored copy's
 * path from the row's `eml`, `errorText` the text of an error from its JSON.
 */
export function journalCsvRowLine(
  row: JournalRow,
  file: (eml: string) => string,
  errorText: (errorJson: string) => string,
  stateText: (state: JournalEntry['state']) => string,
): string {
  const [
    time,
    state,
    profile,
    transport,
    from,
    to,
    cc,
    bcc,
    subject,
    kind,
    reference,
    names,
    sizes,
    sha256,
    messageId,
    response,
    attempts,
    error,
    eml,
    id,
    controlCopy,
    delivery,
    read,
    refused,
  ] = row;
  const text = (v: string | number | null | undefined) => (v == null ? '' : csvCell(v));
  return (
    `${localTime(time as string)};${csvCell(stateText(state as JournalEntry['state']))};${text(profile)};` +
    `${text(transport)};${text(from)};${text(to)};${text(cc)};${text(bcc)};${text(subject)};` +
    `${text(kind)};${text(reference)};${text(names)};${text(sizes)};${text(sha256)};` +
    `${text(messageId)};${text(response)};${csvCell(attempts as number)};` +
    `${error == null ? '' : csvCell(errorText(error as string))};${csvCell(file(eml as string))};` +
    `${text(id)};${text(controlCopy)};${delivery ? 1 : 0};${read ? 1 : 0};${text(refused)}\r\n`
  );
}
