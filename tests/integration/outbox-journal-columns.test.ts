// The journal's columns and the search index (schema version 3) are filled from what is already
// there when an older database is upgraded, and kept by the database on every change after it: the
// CSV export, which reads those columns, gives exactly the lines the entries themselves give (the
// records are the truth), for a database made by schema version 2 and for a data folder made before
// the database; the free-text search finds a message by part of its reference, subject or recipient.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { insertMessage } from '../../src/main/outbox/db/rows.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/outbox/db/schema.js';
import { journalCsvHeader, journalCsvLine } from '../../src/main/journal/journal-csv.js';
import type { OutboxRecord } from '../../src/main/outbox/outbox-record.js';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import type { JournalEntry, OutboxState } from '../../src/shared/outbox.js';
import { ROOT, runCli, tempHome } from '../helpers/cli.js';

const t = createI18n('en').t;

/** A message as the outbox records it; `i` varies everything the journal shows. */
function message(i: number, state: OutboxState): { record: OutboxRecord; state: OutboxState } {
  const at = new Date(Date.UTC(2026, 0, 1 + i, 8, 30, i)).toISOString();
  const id = `0000000${i}-0000-4000-8000-000000000000`.slice(-36);
  const to = i % 2 ? [`Kunde${i}@Example.org`, `zweite${i}@example.org`] : [`kunde${i}@example.org`];
  const attachments = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    filename: k ? `Anlage ${k}; "Kopie".pdf` : `Mahnung-R-${i}-Müller.pdf`,
    size: 1000 * i + k,
    sha256: String(k).repeat(64),
  }));
  const done = state !== 'queued' && state !== 'sending';
  const record = {
    v: 1,
    rev: done ? 3 : 1,
    id,
    createdAt: at,
    updatedAt: at,
    profileId: 'profile-0001',
    profileName: i % 2 ? 'Firma; Nord' : 'Firma',
    transport: i % 4 === 3 ? 'system-mail' : 'smtp',
    from: 'buchhaltung@firma.example',
    to,
    cc: i % 3 === 0 ? ['chef@firma.example'] : [],
    bcc: i % 5 === 0 ? ['archiv@firma.example', 'revision@firma.example'] : [],
    subject: i === 4 ? '=SUMME(A1) "dringend"\nzweite Zeile' : `Mahnung R-${i} für Müller`,
    ...(i % 2 ? { kind: 'mahnung' } : {}),
    ...(i === 6 ? {} : { reference: i === 5 ? `-R-${i}` : `R-${i}` }),
    attachments,
    messageId: `<m${i}@firma.example>`,
    size: 5000 + i,
    attempts: done ? 1 + (i % 2) : 0,
    ...(state === 'sent' || state === 'partial'
      ? { response: `250 2.0.0 Ok: queued as Q${i}`, accepted: to, rejected: [], sentAt: at }
      : {}),
    ...(state === 'partial'
      ? { refused: [{ address: `zweite${i}@example.org`, response: '550 5.1.1 No such user' }] }
      : {}),
    ...(state === 'failed' || state === 'unknown'
      ? {
          error: {
            code: state === 'failed' ? 'recipientsRejected' : 'sendOutcomeUnknown',
            category: state === 'failed' ? 'rejected' : 'connection',
            exitCode: state === 'failed' ? 5 : 4,
            params: { id },
            ...(state === 'failed' ? { response: '550 5.1.1 No such user' } : {}),
          },
        }
      : {}),
    ...(i % 3 === 1 ? { controlCopy: 'kontrolle@firma.example' } : {}),
    ...(i % 4 === 1 ? { receipts: { delivery: true, read: i % 8 === 1 } } : {}),
    ...(state === 'handedOff' ? { sentAt: at, response: 'Thunderbird' } : {}),
    batch: { scope: '/daten/lauf.csv', key: `R-${i}`, row: i },
    history: [{ at, state: 'queued' }, ...(done ? [{ at, state }] : [])],
    eml: `messages/${id}.eml`,
    draft: {
      from: { address: 'buchhaltung@firma.example', name: 'Firma' },
      to,
      cc: [],
      bcc: [],
      replyTo: [],
      subject: 'x',
      text: 'x',
      attachments: [],
    },
  };
  return { record: record as unknown as OutboxRecord, state };
}

const STATES: OutboxState[] = ['sent', 'failed', 'unknown', 'partial', 'handedOff', 'queued', 'sent'];
const MESSAGES = Array.from({ length: 21 }, (_, i) => message(i + 1, STATES[i % STATES.length]!));

/** A data folder whose database was made by schema version 2 (before the journal's columns). */
function version2Folder(): string {
  const home = tempHome('opos-journal-columns-');
  mkdirSync(path.join(home, 'outbox', 'messages'), { recursive: true });
  const db = new Database(path.join(home, 'outbox', 'outbox.db'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('BEGIN');
  for (const m of MIGRATIONS.slice(0, 2)) db.exec(m);
  db.exec('PRAGMA user_version = 2');
  for (const m of MESSAGES) {
    insertMessage(db, m.record, m.state, m.record.eml);
    writeFileSync(path.join(home, 'outbox', m.record.eml), `Message-ID: ${m.record.messageId}\r\n`);
  }
  db.exec('COMMIT');
  db.close();
  return home;
}

function userVersion(home: string): number {
  const db = new Database(path.join(home, 'outbox', 'outbox.db'));
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}

/** The export through the CLI, and the lines the journal's entries (read from the records) give. */
async function csvAndExpected(home: string): Promise<{ csv: string; expected: string; rows: number }> {
  const out = path.join(home, 'journal.csv');
  const csv = await runCli(['journal', '--csv', '--output', out, '--lang', 'en'], { home });
  expect(csv.code, csv.stderr).toBe(0);
  const json = await runCli(['journal', '--json', '--lang', 'en'], { home });
  expect(json.code, json.stderr).toBe(0);
  const entries = json.lines<JournalEntry>();
  const message = (e: JournalEntry) => (e.error as unknown as { message: string }).message;
  const expected =
    journalCsvHeader((c) => t(`batch:fields.${c}`)) +
    entries.map((e) => journalCsvLine(e, message, (s) => t(`batch:states.${s}`))).join('');
  return { csv: readFileSync(out, 'utf8'), expected, rows: entries.length };
}

describe('the journal columns and the search index of an upgraded database', () => {
  it('a schema-2 database is upgraded with every message in the CSV export, equal to its record', async () => {
    const home = version2Folder();
    expect(userVersion(home)).toBe(2);
    const list = await runCli(['outbox', 'list', '--json'], { home });
    expect(list.code, list.stderr).toBe(0);
    expect(list.lines()).toHaveLength(MESSAGES.length);
    expect(userVersion(home)).toBe(SCHEMA_VERSION);

    const { csv, expected, rows } = await csvAndExpected(home);
    expect(rows).toBe(MESSAGES.filter((m) => m.state !== 'queued').length);
    expect(csv).toBe(expected);
    expect(csv).toContain(';"Firma; Nord";smtp;');
    expect(csv).toContain(';zweite4@example.org (550 5.1.1 No such user)\r\n'); // partial: refused

    // the search finds part of a reference, a subject and a recipient (any case), the newest first
    const store = new OutboxStore(home);
    const search = async (s: string, state?: OutboxState) => {
      const refs: Array<string | undefined> = [];
      const q = { view: 'outbox' as const, search: s, limit: 100, ...(state ? { state } : {}) };
      for await (const e of store.query(q, true)) refs.push(e.reference);
      return refs;
    };
    expect(await search('r-13')).toEqual(['R-13']);
    expect(await search('SUMME(A1)')).toEqual(['R-4']);
    expect(await search('ZWEITE15@')).toEqual(['R-15']);
    expect(await search('archiv@firma')).toEqual(['R-20', 'R-15', 'R-10', '-R-5']);
    expect(await search('archiv@firma', 'sent')).toEqual(['R-15']); // with another filter
    expect(await search('R-2')).toEqual(['R-21', 'R-20', 'R-2']); // "R-2" is in too
    expect(await search('R-')).toHaveLength(MESSAGES.length); // shorter than a trigram: read, not indexed

    // after the upgrade the database keeps the columns itself: a failed message sent again
    const failed = (await store.inState('failed'))[0]!;
    const requeued = await store.transition(failed, 'queued', { attempts: 0, code: 'retry' });
    const claimed = (await store.claim(requeued))!;
    const sentAt = new Date().toISOString();
    await store.transition(claimed, 'sent', { attempts: 1, response: '250 resent', sentAt });
    await store.close();
    const after = await csvAndExpected(home);
    expect(after.csv).toBe(after.expected);
    expect(after.csv).toContain(';250 resent;1;;');
  });

  it('a data folder made before the database has the same lines in the export as in its records', async () => {
    const home = tempHome('opos-journal-columns-v1-');
    cpSync(path.join(ROOT, 'tests/fixtures/data-folder-v1'), home, { recursive: true });
    const { csv, expected, rows } = await csvAndExpected(home);
    expect(rows).toBe(4); // sent, failed, and two unknown
    expect(csv).toBe(expected);
  });
});
