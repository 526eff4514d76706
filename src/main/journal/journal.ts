// The journal (Versandnachweis): per message that left the queue, when, through which profile and
// transport, from whom to whom, what (subject, kind, reference, attachments with size and SHA-256),
// the Message-ID, the server's final reply, the attempts, and where the stored copy of the exact bytes
// is. It is the outbox's own rows seen from the time each message left the queue (the database's
// journal view), so it can never disagree with them.
import type { JournalEntry, OutboxEntry } from '../../shared/outbox.js';
import type { MessageQuery } from '../outbox/db/queries.js';
import type { OutboxStore } from '../outbox/outbox-store.js';

/** The journal's entries a filter selects, oldest first, streamed (after recovering from a crash). */
export async function* journalEntries(
  store: OutboxStore,
  filter: Omit<MessageQuery, 'view'> = {},
): AsyncGenerator<JournalEntry> {
  for await (const e of store.entries({ ...filter, view: 'journal' })) {
    const j = journalEntryOf(e);
    if (j) yield j;
  }
}

export function journalEntryOf(e: OutboxEntry): JournalEntry | null {
  if (e.state === 'queued' || e.state === 'sending') return null;
  return {
    id: e.id,
    state: e.state,
    time: e.sentAt ?? e.updatedAt,
    profile: e.profileName,
    transport: e.transport,
    from: e.from,
    to: e.to,
    cc: e.cc,
    bcc: e.bcc,
    subject: e.subject,
    ...(e.kind ? { kind: e.kind } : {}),
    ...(e.reference ? { reference: e.reference } : {}),
    attachments: e.attachments,
    messageId: e.messageId,
    response: e.response ?? '',
    attempts: e.attempts,
    file: e.file,
    ...(e.error ? { error: e.error } : {}),
    ...(e.redirectedFrom ? { redirectedFrom: e.redirectedFrom } : {}),
    ...(e.controlCopy ? { controlCopy: e.controlCopy } : {}),
    ...(e.receipts ? { receipts: e.receipts } : {}),
    ...(e.refused ? { refused: e.refused } : {}),
    ...(e.handoff ? { handoff: e.handoff } : {}),
  };
}
