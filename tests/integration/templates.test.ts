// E-mail templates (Vorlagen) and the per-profile message settings, through the spawned `opos-mail`
// against real SMTP servers on loopback: the right subject, text and attachment name arrive per kind,
// level and language (from `send --template` and from a German Excel manifest); a missing template or
// placeholder is refused in the pre-check with its row; the Kontrollkopie is in the envelope and not
// in the headers; DSN parameters are on MAIL/RCPT only when the server offers DSN; a damaged import
// leaves the existing templates as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import type { JournalEntry } from '../../src/shared/outbox.js';
import { smtpHome as fixtureHome, workDir } from '../helpers/batch-fixtures.js';
import { runCli, SAMPLE_PDF } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(dsn = false): Promise<TestSmtpServer> {
  const s = await startSmtpServer({ mode: 'plain', dsn });
  servers.push(s);
  return s;
}

/** A data folder with an SMTP profile for the loopback server (no login: the servers take anyone). */
function smtpHome(port: number, extra: string[] = []): Promise<string> {
  return fixtureHome(port, ['--no-login', ...extra]);
}

async function parsed(raw: Buffer) {
  return PostalMime.parse(raw);
}

function headerBlock(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n'));
}

type Line = BatchLine & { summary?: Record<string, number> };

describe('e-mail templates', () => {
  it('send --template fills subject, text and the attachment name per level and language', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const fields = [
      '--field',
      'Name=Jürgen Müller',
      '--field',
      'Betrag=1.234,56 €',
      '--field',
      'Fällig=15.12.2026',
    ];
    const en = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--template',
        'Mahnung 2',
        '--language',
        'en',
        ...fields,
        '--reference',
        'D-1001',
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home },
    );
    expect(en.code, en.stderr).toBe(0);
    const nl = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--template',
        'zahlungsavis',
        '--language',
        'nl',
        ...fields,
        '--reference',
        '2026/11',
        '--attach',
        SAMPLE_PDF,
      ],
      { home },
    );
    expect(nl.code, nl.stderr).toBe(0);
    const de = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--template',
        'Letzte Mahnung',
        ...fields,
        '--reference',
        'D-7',
        '--subject',
        'Eigener Betreff {{Referenz}}',
        '--attach',
        SAMPLE_PDF,
      ],
      { home },
    );
    expect(de.code, de.stderr).toBe(0);

    const [m1, m2, m3] = await Promise.all(s.messages.map((m) => parsed(m.raw)));
    expect(m1!.subject).toBe('Second reminder D-1001');
    expect(m1!.text).toContain('The amount of 1.234,56 € for D-1001 has been due since 15.12.2026');
    expect(m1!.attachments[0]!.filename).toBe('Reminder_D-1001.pdf');
    expect(m1!.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('mahnung');
    expect(m2!.subject).toBe('Betalingsadvies 2026/11');
    expect(m2!.text).toContain('maken wij het bedrag van 1.234,56 € aan u over');
    expect(m2!.attachments[0]!.filename).toBe('Betalingsadvies_2026_11.pdf'); // no folder from a "/"
    expect(m2!.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('zahlungsavis');
    // German by default; the message's own subject is kept, the template's text used
    expect(m3!.subject).toBe('Eigener Betreff D-7');
    expect(m3!.text).toContain('Dies ist unsere letzte Mahnung.');
    expect(m3!.attachments[0]!.filename).toBe('Letzte_Mahnung_D-7.pdf');
  });

  it('send --template refuses missing placeholders and unknown templates before anything is sent', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const missing = await runCli(
      ['send', '--to', 'kunde@example.org', '--template', 'Mahnung 1', '--field', 'Betrag=5 €', '--json'],
      { home },
    );
    expect(missing.code).toBe(2);
    expect(missing.json<{ error: { code: string; params: { names: string } } }>().error).toMatchObject({
      code: 'placeholderMissing',
      params: { names: '{{Referenz}}, {{Fällig}}' },
    });
    const unknown = await runCli(['send', '--to', 'kunde@example.org', '--template', 'Gibt es nicht'], {
      home,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Eine Vorlage „Gibt es nicht“ gibt es nicht');
    const noSubject = await runCli(['send', '--to', 'kunde@example.org', '--body', 'x'], { home });
    expect(noSubject.code).toBe(2);
    expect(s.messages).toHaveLength(0);
  });

  it('a German Excel manifest (Windows-1252, ";") chooses templates by Vorlage, Mahnstufe and Sprache', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writeFileSync(path.join(dir, 'brief.pdf'), readFileSync(SAMPLE_PDF));
    const csv = [
      'Empfänger;Art;Mahnstufe;Sprache;Vorlage;Betreff;Text;Anhänge;Referenz;Name;Betrag;Fällig',
      'a@example.org;mahnung;1;;;;;brief.pdf;R-1;Müller;10,00 €;01.12.2026',
      'b@example.org;mahnung;3;nl;;;;brief.pdf;R-2;Jansen;20,00 €;02.12.2026',
      'c@example.org;mahnung;letzte;Englisch;;;;brief.pdf;R-3;Smith;30,00 €;03.12.2026',
      'd@example.org;zahlungsavis;;;;;;brief.pdf;R-4;Größe GmbH;40,00 €;04.12.2026',
      'e@example.org;;;de;Mahnung 2;;Eigener Text für {{Name}};brief.pdf;R-5;Bäcker;50,00 €;05.12.2026',
    ].join('\r\n');
    const manifest = path.join(dir, 'mahnlauf.csv');
    writeFileSync(manifest, iconv.encode(csv + '\r\n', 'windows-1252'));

    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.lines<Line>().at(-1)).toMatchObject({ summary: { sent: 5, invalid: 0 } });
    const byTo = new Map<string, Awaited<ReturnType<typeof parsed>>>();
    for (const m of s.messages) byTo.set(m.to[0]!, await parsed(m.raw));
    expect(byTo.get('a@example.org')).toMatchObject({ subject: 'Zahlungserinnerung R-1' });
    expect(byTo.get('a@example.org')!.text).toContain(
      'Der Betrag von 10,00 € zu R-1 war am 01.12.2026 fällig',
    );
    expect(byTo.get('a@example.org')!.attachments[0]!.filename).toBe('Mahnung_R-1.pdf');
    expect(byTo.get('b@example.org')).toMatchObject({ subject: 'Derde aanmaning R-2' });
    expect(byTo.get('b@example.org')!.attachments[0]!.filename).toBe('Aanmaning_R-2.pdf');
    expect(byTo.get('c@example.org')).toMatchObject({ subject: 'Final reminder R-3' });
    expect(byTo.get('c@example.org')!.attachments[0]!.filename).toBe('Final_reminder_R-3.pdf');
    expect(byTo.get('d@example.org')).toMatchObject({ subject: 'Zahlungsavis R-4' });
    expect(byTo.get('d@example.org')!.text).toContain('Betrag von 40,00 €');
    // a row with its own text keeps it; the subject comes from its template
    expect(byTo.get('e@example.org')).toMatchObject({ subject: '2. Mahnung R-5' });
    expect(byTo.get('e@example.org')!.text!.trim()).toBe('Eigener Text für Bäcker');
  });

  it('the pre-check refuses rows whose template, level, language or placeholder is missing (nothing sent)', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writeFileSync(path.join(dir, 'brief.pdf'), readFileSync(SAMPLE_PDF));
    const csv = [
      'Empfänger;Art;Mahnstufe;Sprache;Vorlage;Anhänge;Referenz;Betrag;Fällig',
      'a@example.org;mahnung;1;;;brief.pdf;R-1;10,00 €;01.12.2026',
      'b@example.org;;;;Gibt es nicht;brief.pdf;R-2;20,00 €;02.12.2026',
      'c@example.org;mahnung;7;;;brief.pdf;R-3;30,00 €;03.12.2026',
      'd@example.org;mahnung;2;fr;;brief.pdf;R-4;40,00 €;04.12.2026',
      'e@example.org;mahnung;2;;;brief.pdf;R-5;;05.12.2026',
      'f@example.org;mahnung;;;;brief.pdf;R-6;60,00 €;06.12.2026',
    ].join('\r\n');
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(manifest, iconv.encode(csv + '\r\n', 'windows-1252'));

    const r = await runCli(['batch', manifest, '--json', '--lang', 'en'], { home });
    expect(r.code).toBe(2);
    const invalid = r.lines<Line>().filter((l) => l.state === 'invalid');
    expect(invalid.map((l) => [l.row, l.problems!.map((p) => p.code)])).toEqual([
      [2, ['templateUnknown']],
      [3, ['levelInvalid']],
      [4, ['languageInvalid']],
      [5, ['placeholderMissing']],
      [6, ['templateMissing']],
    ]);
    expect(invalid[3]!.problems![0]!.params).toEqual({ name: 'Betrag' });
    expect(invalid[0]!.problems![0]!.message).toContain('there is no template "Gibt es nicht"');
    const human = await runCli(['batch', manifest], { home });
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('Zeile 3: Mahnstufe „7“ unbekannt');
    expect(s.messages).toHaveLength(0);
  });

  it('import of a damaged template file is refused and leaves the existing templates untouched', async () => {
    const home = await smtpHome(1);
    const dir = workDir();
    const exported = path.join(dir, 'vorlagen.json');
    expect((await runCli(['template', 'export', exported], { home })).code).toBe(0);
    const data = JSON.parse(readFileSync(exported, 'utf8')) as {
      templates: Array<{ name: string; texts: Record<string, { subject: string }> }>;
    };
    data.templates[0]!.texts.de!.subject = 'Freundliche Erinnerung {{Referenz}}';
    data.templates.push({ ...data.templates[0]!, name: 'Mahnung 1 (Kanzlei)' });
    writeFileSync(exported, JSON.stringify(data));
    const ok = await runCli(['template', 'import', exported, '--json'], { home });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toEqual({
      added: ['Mahnung 1 (Kanzlei)'],
      replaced: data.templates.slice(0, 5).map((t) => t.name),
    });
    const stored = path.join(home, 'templates.json');
    const before = readFileSync(stored);

    const damaged = path.join(dir, 'kaputt.json');
    writeFileSync(damaged, JSON.stringify(data).slice(0, 200));
    const bad = await runCli(['template', 'import', damaged], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Es wurde nichts importiert, Ihre Vorlagen sind unverändert.');
    const wrong = path.join(dir, 'falsch.json');
    writeFileSync(
      wrong,
      JSON.stringify({ version: 1, templates: [{ name: 'X', kind: 'mahnung', texts: {} }] }),
    );
    expect((await runCli(['template', 'import', wrong], { home })).code).toBe(2);
    expect(readFileSync(stored)).toEqual(before);
    const show = await runCli(['template', 'show', 'mahnung 1', '--json'], { home });
    expect(show.json<{ texts: { de: { subject: string } } }>().texts.de.subject).toBe(
      'Freundliche Erinnerung {{Referenz}}',
    );
    const list = await runCli(['template', 'list', '--json'], { home });
    expect(list.json<{ templates: unknown[] }>().templates).toHaveLength(6);
  });
});

describe('per-profile message settings', () => {
  it('Kontrollkopie in the envelope only, Reply-To and signature; the journal records them', async () => {
    const s = await server();
    const home = await smtpHome(s.port, [
      '--control-copy',
      'archiv@firma.example',
      '--reply-to',
      'forderungen@firma.example',
      '--signature',
      'Buchhaltung\\nFirma GmbH',
    ]);
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'Mahnung', '--body', 'Bitte zahlen.', '--json'],
      { home },
    );
    expect(r.code, r.stderr).toBe(0);
    const m = s.messages[0]!;
    expect(m.to.sort()).toEqual(['archiv@firma.example', 'kunde@example.org']);
    expect(headerBlock(m.raw)).not.toContain('archiv@');
    expect(headerBlock(m.raw)).not.toMatch(/^bcc:/im);
    const mail = await parsed(m.raw);
    expect(mail.replyTo?.[0]?.address).toBe('forderungen@firma.example');
    expect(mail.text!.replace(/\r\n/g, '\n').trimEnd()).toBe('Bitte zahlen.\n\nBuchhaltung\nFirma GmbH');
    const journal = await runCli(['journal', '--json'], { home });
    const entries = journal.lines<JournalEntry>();
    expect(entries[0]).toMatchObject({ controlCopy: 'archiv@firma.example' });
    expect(entries[0]!.receipts).toBeUndefined();
  });

  it('DSN parameters on MAIL and RCPT only when the server offers DSN; read receipt header; per-message override', async () => {
    const withDsn = await server(true);
    const without = await server(false);
    const args = ['--delivery-receipt', '--read-receipt'];
    const homeDsn = await smtpHome(withDsn.port, args);
    const homePlain = await smtpHome(without.port, args);
    const send = (home: string, extra: string[] = []) =>
      runCli(
        ['send', '--to', 'kunde@example.org', '--subject', 'Mahnung', '--body', 'x', '--json', ...extra],
        {
          home,
        },
      );

    const a = await send(homeDsn);
    expect(a.code, a.stderr).toBe(0);
    const outboxId = a.json<{ outboxId: string }>().outboxId;
    expect(withDsn.messages[0]!.mailArgs).toMatchObject({ RET: 'HDRS', ENVID: outboxId });
    expect(withDsn.messages[0]!.rcptArgs).toEqual([{ NOTIFY: 'SUCCESS,FAILURE' }]);
    expect(headerBlock(withDsn.messages[0]!.raw)).toMatch(
      /^Disposition-Notification-To: buchhaltung@firma\.example$/im,
    );
    const off = await send(homeDsn, ['--no-delivery-receipt', '--no-read-receipt']);
    expect(off.code, off.stderr).toBe(0);
    expect(withDsn.messages[1]!.mailArgs).toEqual({});
    expect(withDsn.messages[1]!.rcptArgs).toEqual([{}]);
    expect(headerBlock(withDsn.messages[1]!.raw)).not.toContain('Disposition-Notification-To');

    const b = await send(homePlain);
    expect(b.code, b.stderr).toBe(0);
    expect(without.messages[0]!.mailArgs).toEqual({});
    expect(without.messages[0]!.rcptArgs).toEqual([{}]);
    expect(b.json<{ connection: { dsn: boolean } }>().connection.dsn).toBe(false);
    const test = await runCli(['test'], { home: homePlain });
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('Zustellbestätigung (DSN): vom Server NICHT angeboten');
    const testDsn = await runCli(['test', '--json'], { home: homeDsn });
    expect(testDsn.json<{ connection: { dsn: boolean } }>().connection.dsn).toBe(true);

    const journal = (await runCli(['journal', '--json'], { home: homeDsn })).lines<JournalEntry>();
    expect(journal.map((e) => e.receipts ?? null)).toEqual([{ delivery: true, read: true }, null]);
  });
});
