import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeText,
  detectDelimiter,
  openManifest,
  parseCsvManifest,
  parseJsonManifest,
} from '../../src/main/batch/manifest-read.js';
import { batchItems } from '../../src/main/batch/precheck.js';
import { tempDir } from '../helpers/temp.js';
import { fillTemplate } from '../../src/main/batch/template.js';

describe('manifest reading', () => {
  it('decodes UTF-8 (with or without BOM) and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\ufeffFällig', 'utf8'))).toEqual({ text: 'Fällig', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('Fällig', 'utf8'))).toEqual({ text: 'Fällig', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Fällig €', 'windows-1252'))).toEqual({
      text: 'Fällig €',
      encoding: 'windows-1252',
    });
  });

  it('detects the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('to;subject;text\na,b;c;d')).toBe(';');
    expect(detectDelimiter('to,subject,"a;b;c"\n')).toBe(',');
  });

  it('matches German and English column names case-insensitively; other columns are placeholders', () => {
    const m = parseCsvManifest(
      'EMPFÄNGER,Betreff,TEXT,Anhänge,ART,Referenz,Kunde\n"a@x.de, b@y.de",Hallo,T,a.pdf|sub/b.pdf,Mahnung,R1,Meier\n,,,,,,\n',
      '/data/lauf.csv',
    );
    expect(m.delimiter).toBe(',');
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]).toMatchObject({
      row: 1,
      to: ['a@x.de', 'b@y.de'],
      subject: 'Hallo',
      attachments: ['/data/a.pdf', '/data/sub/b.pdf'],
      kind: 'Mahnung',
      reference: 'R1',
    });
    expect(m.rows[0]!.fields.Kunde).toBe('Meier');
  });

  it('reports rows with a wrong number of cells', () => {
    const m = parseCsvManifest('to;subject\na@x.de;Hallo;zu viel\n', '/d/l.csv');
    expect(m.problems).toEqual([{ row: 1, code: 'columnCount', params: { found: 3, expected: 2 } }]);
  });

  it('reads JSON arrays and { defaults, messages } with fields', () => {
    const a = parseJsonManifest('[{"to":"a@x.de","subject":"S","fields":{"Name":"N"}}]', '/d/l.json');
    expect(a.rows[0]).toMatchObject({ to: ['a@x.de'], subject: 'S', fields: { Name: 'N' } });
    const b = parseJsonManifest(
      '{"defaults":{"subject":"D","fields":{"Firma":"F"}},"messages":[{"to":["a@x.de"],"fields":{"Name":"N"}},{"to":"b@x.de","subject":"X"}]}',
      '/d/l.json',
    );
    expect(b.rows.map((r) => [r.subject, r.fields.Firma, r.fields.Name])).toEqual([
      ['D', 'F', 'N'],
      ['X', 'F', undefined],
    ]);
  });

  it('a run sends what was checked: every pass reads the manifest as it was opened', async () => {
    const file = path.join(tempDir('opos-manifest-'), 'lauf.csv');
    writeFileSync(file, 'to;subject;Referenz\na@x.de;Mahnung 1;R-1\nb@x.de;Mahnung 2;R-2\n');
    const source = await openManifest(file);
    writeFileSync(file, 'to;subject;Referenz\nc@x.de;geändert;R-9\n'); // edited during the run
    const pass = () => [...batchItems(source)].map((i) => [i.row, i.reference, i.draft.to, i.draft.subject]);
    const first = pass();
    expect(first).toEqual([
      [1, 'R-1', ['a@x.de'], 'Mahnung 1'],
      [2, 'R-2', ['b@x.de'], 'Mahnung 2'],
    ]);
    expect(pass()).toEqual(first);
  });

  it('refuses a manifest without a recipient column when it is opened, before any row is checked', async () => {
    const file = path.join(tempDir('opos-manifest-'), 'lauf.csv');
    writeFileSync(file, 'Name;Betreff\nMeier;Hallo\n');
    await expect(openManifest(file)).rejects.toMatchObject({ code: 'manifestUnreadable' });
  });

  it('fills {{placeholders}} case-insensitively and reports missing or empty ones', () => {
    expect(fillTemplate('Hallo {{ name }}, {{Betrag}} €', { Name: 'Meier', Betrag: '5' })).toEqual({
      text: 'Hallo Meier, 5 €',
      missing: [],
    });
    expect(fillTemplate('{{A}} {{B}}', { A: ' ' }).missing).toEqual(['A', 'B']);
  });
});
