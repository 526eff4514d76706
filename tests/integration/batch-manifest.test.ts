// Batch manifests as ERPs and a German Excel write them, through `opos-mail batch` against a real SMTP
// server: the pre-check refuses a manifest with bad rows as a whole and lists every problem; Excel's
// CSV (`;`, BOM, Windows-1252 umlauts) and JSON with defaults are read right; dry run and redirect
// mode send nothing to the recipients; the daily limit stops the run and leaves the rest queued.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import type { JournalEntry } from '../../src/shared/outbox.js';
import { FAST_RETRY, smtpHome, workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { runCli, SAMPLE_PDF } from '../helpers/cli.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';

const servers: FaultySmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server() {
  const s = await startFaultySmtpServer({ keepRaw: true });
  servers.push(s);
  return s;
}

type Line = BatchLine & { summary?: Record<string, number> };

describe('batch manifests', () => {
  it('refuses a manifest with bad rows as a whole, listing every problem with its row (exit 2)', async () => {
    const s = await server();
    const home = await smtpHome(s.port, ['--max-size-kb', '200']);
    const dir = workDir();
    writeFileSync(path.join(dir, 'fake.pdf'), 'Dies ist eine Textdatei, kein PDF.\n');
    writePdf(path.join(dir, 'gross.pdf'), 400_000);
    writeFileSync(path.join(dir, 'ok.pdf'), readFileSync(SAMPLE_PDF));
    const csv = [
      'to;subject;text;attachments;reference;Betrag',
      'gut@example.org;Mahnung {{reference}};Betrag {{Betrag}};ok.pdf;R-1;10,00',
      'kein-at-zeichen.example.org;Mahnung;Betrag {{Betrag}};ok.pdf;R-2;20,00',
      'gut@example.org;Mahnung;Betrag {{Betrag}};fehlt.pdf;R-3;30,00',
      'gut@example.org;Mahnung;Betrag {{Betrag}};fake.pdf;R-4;40,00',
      'gut@example.org;Mahnung;Betrag {{Betrag}};gross.pdf;R-5;50,00',
      'gut@example.org;Mahnung;Betrag {{Betrag}} fällig am {{Faellig}};ok.pdf;R-6;60,00',
      'gut@example.org;Mahnung;Betrag {{Betrag}};ok.pdf;R-7;',
    ].join('\n');
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(manifest, csv);

    const r = await runCli(['batch', manifest, '--json', '--lang', 'en'], { home });
    expect(r.code).toBe(2);
    const lines = r.lines<Line>();
    const invalid = lines.filter((l) => l.state === 'invalid');
    expect(invalid.map((l) => [l.row, l.problems!.map((p) => p.code)])).toEqual([
      [2, ['badAddress']],
      [3, ['attachmentMissing']],
      [4, ['attachmentNotPdf']],
      [5, ['tooLarge']],
      [6, ['placeholderMissing']],
      [7, ['placeholderMissing']],
    ]);
    expect(invalid[3]!.problems![0]!.message).toContain('200 KB');
    expect(invalid.map((l) => l.reference)).toEqual(['R-2', 'R-3', 'R-4', 'R-5', 'R-6', 'R-7']);
    expect(invalid[4]!.problems![0]!.params).toEqual({ name: 'Faellig' });
    expect(lines.at(-1)).toMatchObject({ summary: { sent: 0, invalid: 6 } });
    expect(r.stderr).toContain('Nothing was sent');
    expect(s.dataCount).toBe(0);

    const human = await runCli(['batch', manifest], { home });
    expect(human.code).toBe(2);
    for (const row of [2, 3, 4, 5, 6, 7]) expect(human.stderr).toContain(`Zeile ${row}:`);
    expect(human.stderr).toContain('kein PDF');
    expect(s.dataCount).toBe(0);
  });

  it('reads a German Excel CSV (";", Windows-1252 umlauts) and one with a UTF-8 BOM alike', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writeFileSync(path.join(dir, 'Mahnung Müller.pdf'), readFileSync(SAMPLE_PDF));
    const text = [
      'Empfänger;Betreff;Text;Anhänge;Art;Referenz;Name;Betrag;Fällig',
      'mueller@example.org;Zahlungserinnerung für {{Name}};"Sehr geehrter Herr {{Name}},\nbitte überweisen Sie {{Betrag}} € bis {{Fällig}}.";Mahnung Müller.pdf;Mahnung;D-1001;Jürgen Müller;1.234,56;15.12.2026',
    ].join('\r\n');
    const cp1252 = path.join(dir, 'excel-ansi.csv');
    writeFileSync(cp1252, iconv.encode(text, 'windows-1252'));
    const bom = path.join(dir, 'excel-utf8.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));

    for (const manifest of [cp1252, bom]) {
      const r = await runCli(['batch', manifest, '--json'], { home });
      expect(r.code, r.stderr).toBe(0);
      expect(r.lines<Line>()[0]).toMatchObject({ row: 1, reference: 'D-1001', state: 'sent' });
    }
    expect(s.accepted).toHaveLength(2);
    for (const m of s.accepted) {
      const mail = await PostalMime.parse(m.raw);
      expect(mail.subject).toBe('Zahlungserinnerung für Jürgen Müller');
      expect(mail.text).toContain('bitte überweisen Sie 1.234,56 € bis 15.12.2026.');
      expect(mail.attachments[0]!.filename).toBe('Mahnung Müller.pdf');
      expect(mail.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('mahnung');
    }

    // the journal as CSV for a German Excel: BOM, ";", localised headings and states, umlauts intact
    const csvFile = path.join(dir, 'journal.csv');
    const journal = await runCli(['journal', '--csv', '--output', csvFile], { home });
    expect(journal.code, journal.stderr).toBe(0);
    const csv = readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, first] = csv.toString('utf8').slice(1).split('\r\n');
    expect(head!.split(';').slice(0, 3)).toEqual(['Zeit', 'Status', 'Profil']);
    expect(first).toContain(';gesendet;Firma;smtp;buchhaltung@firma.example;mueller@example.org;');
    expect(first).toContain(';Zahlungserinnerung für Jürgen Müller;mahnung;D-1001;Mahnung Müller.pdf;');
  });

  it('reads JSON with defaults; --dry-run and --redirect-to send nothing to the recipients', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writeFileSync(path.join(dir, 'a.pdf'), readFileSync(SAMPLE_PDF));
    const manifest = path.join(dir, 'lauf.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        defaults: {
          subject: 'Zahlungsavis {{reference}}',
          text: 'Guten Tag {{Name}}',
          kind: 'zahlungsavis',
          attachments: ['a.pdf'],
        },
        messages: [
          { to: 'lieferant1@example.org', reference: 'ZA-1', fields: { Name: 'Erste GmbH' } },
          {
            to: ['lieferant2@example.org', 'buchhaltung@lieferant2.example'],
            cc: 'chef@example.org',
            reference: 'ZA-2',
            fields: { Name: 'Zweite AG' },
          },
        ],
      }),
    );

    const dry = await runCli(['batch', manifest, '--dry-run', '--json'], { home });
    expect(dry.code, dry.stderr).toBe(0);
    expect(
      dry
        .lines<Line>()
        .filter((l) => l.row)
        .map((l) => [l.state, l.dryRun]),
    ).toEqual([
      ['sent', true],
      ['sent', true],
    ]);
    expect(readdirSync(path.join(home, 'test-mailbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    expect(s.dataCount).toBe(0);

    const redirected = await runCli(['batch', manifest, '--redirect-to', 'test@firma.example', '--json'], {
      home,
    });
    expect(redirected.code, redirected.stderr).toBe(0);
    expect(s.accepted.map((m) => m.to)).toEqual([['test@firma.example'], ['test@firma.example']]);
    const second = await PostalMime.parse(s.accepted.find((m) => m.reference === 'ZA-2')!.raw);
    expect(second.subject).toBe('Zahlungsavis ZA-2');
    expect(second.text).toContain('lieferant2@example.org, buchhaltung@lieferant2.example, chef@example.org');
    expect(second.headers.find((h) => h.key === 'x-opos-original-recipients')?.value).toContain(
      'chef@example.org',
    );

    // the redirected test run does not count as the real one
    const real = await runCli(['batch', manifest, '--json'], { home });
    expect(real.code, real.stderr).toBe(0);
    const real2 = s.accepted.slice(2).sort((a, b) => a.reference.localeCompare(b.reference));
    expect(real2.map((m) => m.to)).toEqual([
      ['lieferant1@example.org'],
      ['lieferant2@example.org', 'buchhaltung@lieferant2.example', 'chef@example.org'],
    ]);
  });

  it('every row arrives with its own PDF, and each stored copy is exactly what the server got', async () => {
    // rendered messages reuse the memory of sent ones: PDFs of very different sizes must never mix
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const lines = ['to;subject;text;attachments;reference'];
    const pdfs = new Map<string, Buffer>();
    for (let i = 1; i <= 120; i++) {
      const size = [900, 250_000, 60_000, 140_000, 3_000][i % 5]! + i * 7;
      const file = writePdf(path.join(dir, `Beleg-${i}.pdf`), size);
      pdfs.set(`R-${i}`, readFileSync(file));
      lines.push(`kunde${i}@example.org;Beleg R-${i};Anbei Beleg ${i};Beleg-${i}.pdf;R-${i}`);
    }
    writeFileSync(path.join(dir, 'belege.csv'), lines.join('\r\n') + '\r\n');
    const r = await runCli(['batch', path.join(dir, 'belege.csv'), '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(s.accepted).toHaveLength(120);
    const journal = (await runCli(['journal', '--json'], { home })).lines<JournalEntry>();
    const stored = new Map(journal.map((j) => [j.messageId, j]));
    for (const m of s.accepted) {
      const mail = await PostalMime.parse(m.raw);
      const reference = mail.headers.find((h) => h.key === 'x-opos-reference')!.value;
      expect(mail.text?.trim()).toBe(`Anbei Beleg ${reference.slice(2)}`);
      expect(
        Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(pdfs.get(reference)!),
        reference,
      ).toBe(true);
      const entry = stored.get(m.messageId)!;
      expect(entry.reference).toBe(reference);
      expect(readFileSync(entry.file).equals(m.raw), reference).toBe(true);
    }
  });

  it('the same file again skips what was sent and says how to start a new run; --run NAME sends anew', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const manifest = writeManifest(dir, 3, writePdf(path.join(dir, 'Mahnung.pdf'), 5000));
    expect((await runCli(['batch', manifest], { home })).code).toBe(0);
    expect(s.accepted).toHaveLength(3);

    // next month's export, same path, same references: nothing goes out, and the user is told why
    const again = await runCli(['batch', manifest], { home });
    expect(again.code, again.stderr).toBe(0);
    expect(s.accepted).toHaveLength(3);
    expect(again.stderr).toContain('3 übersprungen');
    expect(again.stderr).toMatch(
      /3 Zeile\(n\) wurden übersprungen: Ein früherer Lauf .* --run \d{4}-\d{2}\./,
    );

    const named = await runCli(['batch', manifest, '--run', '2026-12'], { home });
    expect(named.code, named.stderr).toBe(0);
    expect(s.accepted).toHaveLength(6);
    expect(named.stderr).not.toContain('wurden übersprungen');
  });

  it('stops at the daily limit (exit 6) and leaves the rest queued for later', async () => {
    const s = await server();
    const home = await smtpHome(s.port, ['--per-day', '3']);
    const dir = workDir();
    const manifest = writeManifest(dir, 5, writePdf(path.join(dir, 'm.pdf'), 5_000));
    const r = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY });
    expect(r.code).toBe(6);
    const last = r.lines<{ summary: Record<string, number>; stopped: { code: string } }>().at(-1)!;
    expect(last.summary).toMatchObject({ sent: 3, queued: 2 });
    expect(last.stopped.code).toBe('dailyLimitReached');
    expect(s.accepted).toHaveLength(3);
    const again = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY });
    expect(again.code).toBe(6);
    expect(again.lines().at(-1)).toMatchObject({ summary: { sent: 0, skipped: 3, queued: 2 } });
    expect(s.accepted).toHaveLength(3);
  });
});
