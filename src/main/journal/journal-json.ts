// `opos-mail journal --json`: one line per entry, exactly the text
// JSON.stringify({ ...journalEntryOf(entry), error: { ...error, message } }) gives, put together from
// the record's fields as JSON text read by SQLite (db/queries.ts journalJsonRows) instead of parsing
// every record into objects and serialising them again.
import type { JournalEntry } from '../../shared/outbox.js';
import { checkState } from '../outbox/db/rows.js';
import type { JournalRow } from '../outbox/db/queries.js';

/** JSON text that JavaScript would take as false (the entry leaves such optional fields out). */
function truthy(json: string | number | null | undefined): json is string {
  return json != null && json !== 'null' && json !== '""' && json !== 'false' && json !== '0';
}

/**
 * One journal row's JSON line (without its line end). `file` gives the stored copy's path from the
 * row's `eml`, `message` the text of an error from its JSON.
 */
export function journalJsonLine(
  row: JournalRow,
  file: (eml: string) => string,
  message: (errorJson: string) => string,
): string | null {
  const [state, eml, , sentAt, updatedAt, id, profile, transport, from, to, cc, bcc, subject] = row;
  const [kind, reference, attachments, messageId, response, attempts, error] = row.slice(13);
  const [redirectedFrom, controlCopy, receipts, refused, handoff] = row.slice(20);
  const s = checkState(state as string);
  if (s === 'queued' || s === 'sending') return null;
  const parts: string[] = [];
  const add = (key: string, json: string | number | null | undefined) => {
    if (json != null) parts.push(`"${key}":${json}`);
  };
  add('id', id);
  add('state', JSON.stringify(s satisfies JournalEntry['state']));
  add('time', sentAt != null && sentAt !== 'null' ? sentAt : updatedAt); // sentAt ?? updatedAt
  add('profile', profile);
  add('transport', transport);
  add('from', from);
  add('to', to);
  add('cc', cc);
  add('bcc', bcc);
  add('subject', subject);
  if (truthy(kind)) add('kind', kind);
  if (truthy(reference)) add('reference', reference);
  add('attachments', attachments);
  add('messageId', messageId);
  add('response', response == null || response === 'null' ? '""' : response);
  add('attempts', attempts);
  add('file', JSON.stringify(file(eml as string)));
  if (truthy(error)) {
    const text = JSON.stringify(message(error));
    add(
      'error',
      error.length > 2 && error.endsWith('}')
        ? `${error.slice(0, -1)},"message":${text}}`
        : JSON.stringify({ ...(JSON.parse(error) as object), message: message(error) }),
    );
  }
  if (truthy(redirectedFrom)) add('redirectedFrom', redirectedFrom);
  if (truthy(controlCopy)) add('controlCopy', controlCopy);
  if (truthy(receipts)) add('receipts', receipts);
  if (truthy(refused)) add('refused', refused);
  if (truthy(handoff)) add('handoff', handoff);
  return `{${parts.join(',')}}`;
}
