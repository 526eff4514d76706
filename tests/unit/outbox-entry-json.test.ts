// `outbox list --json` splices each line from the record's JSON (db/rows.ts entryJsonOfRow) instead of
// parsing it: every line must be exactly what serialising the entry gives, for records with and
// without errors, quotes, line breaks, non-ASCII text and error parameters of every kind.
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { queryEntries, queryEntryJson } from '../../src/main/outbox/db/queries.js';
import { insertMessage } from '../../src/main/outbox/db/rows.js';
import { MIGRATIONS } from '../../src/main/outbox/db/schema.js';
import { journalEntryOf } from '../../src/main/journal/journal.js';
import { journalJsonLine } from '../../src/main/journal/journal-json.js';
import { journalJsonRows } from '../../src/main/outbox/db/queries.js';
import type { OutboxRecord } from '../../src/main/outbox/outbox-record.js';

function record(i: number): { record: OutboxRecord; state: string } {
  const at = new Date(Date.UTC(2026, 1, i)).toISOString();
  const id = `0000000${i}-0000-4000-8000-000000000000`.slice(-36);
  const state = ['sent', 'failed', 'unknown', 'queued'][i % 4]!;
  const error = {
    code: i % 4 === 1 ? 'recipientsRejected' : 'sendOutcomeUnknown',
    category: 'rejected',
    exitCode: 5,
    params: i % 3 ? { id, recipients: `a${i}@x.de, "Ü" <b@x.de>` } : {},
    ...(i % 2 ? { response: '550 5.1.1 "No such user"\r\nsecond line' } : {}),
  };
  return {
    state,
    record: {
      v: 1,
      rev: 2,
      id,
      createdAt: at,
      updatedAt: at,
      profileId: 'p',
      profileName: 'Firma "Nord" – Müller',
      transport: 'smtp',
      from: 'b@firma.example',
      to: [`k${i}@example.org`],
      cc: [],
      bcc: [],
      subject: i % 5 ? `Mahnung R-${i} {"error":{}}` : 'Zeile 1\nZeile 2 \u2028 \\ "',
      attachments: [{ filename: 'a.pdf', size: 1, sha256: 'ab' }],
      messageId: `<m${i}@firma.example>`,
      size: 10,
      attempts: 1,
      ...(state === 'failed' || state === 'unknown' ? { error } : {}),
      ...(state === 'sent' ? { sentAt: at, response: '250 2.0.0 "Ok"' } : {}),
      ...(i % 6 === 0 ? { kind: i % 12 ? 'mahnung' : '' } : {}),
      ...(i % 7 ? { reference: i % 5 ? `R-${i}` : '' } : {}),
      ...(i % 5 === 2 ? { controlCopy: 'kontrolle@firma.example', receipts: { delivery: true } } : {}),
      ...(i % 6 === 1 ? { redirectedFrom: [`echt${i}@example.org`], refused: [] } : {}),
      ...(i % 8 === 3 ? { handoff: { program: 'Thunderbird', method: 'xdg-email', file: '/t/x.eml' } } : {}),
      history: [{ at, state: 'queued', code: 'error' }],
      eml: `messages/${id}.eml`,
      draft: {} as OutboxRecord['draft'],
    } as unknown as OutboxRecord,
  };
}

function database() {
  const db = new Database(':memory:');
  for (const m of MIGRATIONS) db.exec(m);
  for (let i = 1; i <= 24; i++) {
    const { record: r, state } = record(i);
    insertMessage(db, r, state, r.eml);
  }
  return db;
}

const message = (json: string) => `Text für ${JSON.stringify(JSON.parse(json))}`;

describe('JSON lines put together from the records without parsing them', () => {
  it('outbox list: equal the serialised entries with the error text added', () => {
    const db = database();
    const expected = [...queryEntries(db, '/daten', { view: 'outbox' })].map((e) =>
      JSON.stringify(
        e.error ? { ...e, error: { ...e.error, message: message(JSON.stringify(e.error)) } } : e,
      ),
    );
    const lines = [...queryEntryJson(db, '/daten', { view: 'outbox' }, message)];
    expect(lines).toHaveLength(24);
    expect(lines).toEqual(expected);
    expect(lines.filter((l) => l.includes('"message":"Text für'))).toHaveLength(12);
    db.close();
  });

  it('journal: equal the serialised journal entries with the error text added', () => {
    const db = database();
    const expected: string[] = [];
    for (const e of queryEntries(db, '/daten', { view: 'journal' })) {
      const j = journalEntryOf(e)!;
      expected.push(
        JSON.stringify(
          j.error ? { ...j, error: { ...j.error, message: message(JSON.stringify(j.error)) } } : j,
        ),
      );
    }
    const lines = [...journalJsonRows(db, {})].map((row) =>
      journalJsonLine(row, (eml) => `/daten/${eml}`, message),
    );
    expect(lines).toHaveLength(18); // not the queued ones
    expect(lines).toEqual(expected);
    db.close();
  });
});
