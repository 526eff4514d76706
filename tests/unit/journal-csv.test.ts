import { describe, expect, it } from 'vitest';
import { csvCell, journalCsv } from '../../src/main/journal/journal-csv.js';
import type { JournalEntry } from '../../src/shared/outbox.js';

const entry: JournalEntry = {
  id: 'id-1',
  state: 'sent',
  time: '2026-11-22T08:00:00.000Z',
  profile: 'Firma',
  transport: 'smtp',
  from: 'b@firma.example',
  to: ['a@x.de', 'c@y.de'],
  cc: [],
  bcc: [],
  subject: 'Mahnung; "dringend"',
  reference: '=HYPERLINK("x")',
  attachments: [{ filename: 'Müller.pdf', size: 10, sha256: 'ab' }],
  messageId: '<m@firma.example>',
  response: '250 2.0.0 Ok',
  attempts: 1,
  file: '/data/outbox/messages/id-1.eml',
};

describe('journal CSV for a German Excel', () => {
  it('has a BOM, ";" and CRLF, quotes what needs it and defuses formulas', () => {
    const csv = journalCsv([entry], (c) => c);
    expect(csv.startsWith('\ufefftime;state;')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toContain(';"Mahnung; ""dringend""";');
    expect(row).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(row).toContain(';a@x.de, c@y.de;');
    expect(row).toContain(';Müller.pdf;10;ab;<m@firma.example>;250 2.0.0 Ok;1;;');
    expect(csvCell(-5)).toBe('-5');
  });
});
