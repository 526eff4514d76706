// Nothing leaves while a row would fail (issue 12): the batch pre-check refuses what the render would
// refuse — line breaks in attachment names, text that is too large once encoded as quoted-printable,
// header runs longer than a line may be — and turns odd manifests (placeholders named like Object's
// properties, deeply nested JSON) into row-level problems (exit 2) instead of crashing. A single send
// refuses the same long header, and a non-ASCII local part where the server has no SMTPUTF8.
// Against a real SMTP server on loopback, through the real `opos-mail` command.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import { smtpHome, workDir, writePdf } from '../helpers/batch-fixtures.js';
import { runCli } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(opts: { smtputf8?: boolean } = {}) {
  const s = await startSmtpServer({ mode: 'plain', ...opts });
  servers.push(s);
  return s;
}

type Line = BatchLine & { summary?: Record<string, number> };

function problemsOf(lines: Line[]) {
  return lines
    .filter((l) => l.state === 'invalid')
    .map((l) => [l.row, l.problems!.map((p) => [p.code, p.params.field ?? p.params.name ?? ''])]);
}

describe('the pre-check refuses what the render would refuse', () => {
  it('a line break in an attachment’s name: exit 2, nothing sent', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writePdf(path.join(dir, 'ok.pdf'), 2000);
    writePdf(path.join(dir, 'Rechnung\nBcc: spion@example.net.pdf'), 2000);
    const manifest = path.join(dir, 'lauf.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        { to: 'a@example.org', subject: 'M1', text: 'x', attachments: ['ok.pdf'], reference: 'R-1' },
        {
          to: 'b@example.org',
          subject: 'M2',
          text: 'x',
          attachments: ['Rechnung\nBcc: spion@example.net.pdf'],
          reference: 'R-2',
        },
      ]),
    );
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(problemsOf(r.lines<Line>())).toEqual([[2, [['controlCharacter', 'attachment']]]]);
    expect(s.messages).toHaveLength(0);
  });

  it('non-ASCII text larger than the limit once encoded: exit 2, nothing sent', async () => {
    const s = await server();
    const home = await smtpHome(s.port, ['--max-size-kb', '40']);
    const dir = workDir();
    const manifest = path.join(dir, 'lauf.csv');
    // 20,000 bytes of UTF-8 are about 62,000 as quoted-printable
    writeFileSync(
      manifest,
      `to;subject;text;reference\r\na@example.org;M1;kurz;R-1\r\nb@example.org;M2;${'ü'.repeat(10_000)};R-2\r\n`,
    );
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(problemsOf(r.lines<Line>())).toEqual([[2, [['tooLarge', '']]]]);
    expect(s.messages).toHaveLength(0);
    // the estimate is not far above the truth: the same text fits a limit a little above its real size
    const fits = await smtpHome(s.port, ['--max-size-kb', '70']);
    const sent = await runCli(['batch', manifest, '--json'], { home: fits });
    expect(sent.code, sent.stderr).toBe(0);
    expect(s.messages).toHaveLength(2);
    expect(Math.max(...s.messages.map((m) => m.raw.length))).toBeGreaterThan(40 * 1024);
  });

  it('a subject or reference with a 3,000-character run: refused, not sent as one 3,000-character line', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const manifest = path.join(dir, 'lauf.csv');
    const long = 'x'.repeat(3000);
    writeFileSync(
      manifest,
      `to;subject;text;reference\r\na@example.org;M1;t;R-1\r\nb@example.org;${long};t;R-2\r\nc@example.org;M3;t;${long}\r\n`,
    );
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(problemsOf(r.lines<Line>())).toEqual([
      [2, [['headerTooLong', 'subject']]],
      [3, [['headerTooLong', 'reference']]],
    ]);
    expect(s.messages).toHaveLength(0);

    const one = await runCli(['send', '--to', 'a@example.org', '--subject', long, '--json'], { home });
    expect(one.code).toBe(2);
    expect(one.json()).toMatchObject({ error: { code: 'headerTooLong', params: { field: 'subject' } } });
    // a long subject with spaces is folded into lines of at most 998 characters
    const folded = await runCli(
      ['send', '--to', 'a@example.org', '--subject', 'Mahnung '.repeat(400).trim(), '--json'],
      { home },
    );
    expect(folded.code, folded.stderr).toBe(0);
    const lines = s.messages[0]!.raw.toString('latin1').split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('placeholders named constructor, __proto__ and toString: row-level problems, exit 2', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(
      manifest,
      'to;subject;text;reference;toString\r\n' +
        'a@example.org;M {{toString}};t;R-1;Wert\r\n' +
        'b@example.org;M;{{constructor}} {{__proto__}};R-2;Wert\r\n',
    );
    const r = await runCli(['batch', manifest, '--json', '--lang', 'en'], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/is not a function|unexpected/i);
    expect(problemsOf(r.lines<Line>())).toEqual([
      [
        2,
        [
          ['placeholderMissing', 'constructor'],
          ['placeholderMissing', '__proto__'],
        ],
      ],
    ]);
    expect(s.messages).toHaveLength(0);
  });

  it('a deeply nested JSON manifest: a row-level problem, exit 2', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const manifest = path.join(dir, 'lauf.json');
    const deep = '['.repeat(20_000) + '"x"' + ']'.repeat(20_000);
    writeFileSync(
      manifest,
      `[{"to":"a@example.org","subject":"M1","text":"t","reference":"R-1"},` +
        `{"to":"b@example.org","subject":"M2","text":"t","reference":"R-2","fields":{"Betrag":${deep}}}]`,
    );
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(problemsOf(r.lines<Line>())).toEqual([[2, [['fieldInvalid', 'fields.Betrag']]]]);
    expect(s.messages).toHaveLength(0);
  });
});

describe('a non-ASCII local part needs SMTPUTF8', () => {
  it('is refused before anything is sent when the server does not offer it (exit 2)', async () => {
    const plain = await server({ smtputf8: false });
    const home = await smtpHome(plain.port);
    const r = await runCli(['send', '--to', 'müller@example.org', '--subject', 'Mahnung', '--json'], {
      home,
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.json()).toMatchObject({
      status: 'error',
      error: { code: 'smtputf8Required', params: { address: 'müller@example.org' } },
    });
    expect(plain.messages).toHaveLength(0);

    const utf8 = await server();
    const ok = await runCli(['send', '--to', 'müller@example.org', '--subject', 'Mahnung', '--json'], {
      home: await smtpHome(utf8.port),
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(utf8.messages.map((m) => m.to)).toEqual([['müller@example.org']]);
  });
});

describe('the pre-check reads the manifest one slice of rows at a time', () => {
  it('checks 60,000 rows in a 32 MB heap (holding every row would need more)', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    writePdf(path.join(dir, 'a.pdf'), 2000);
    const lines = ['to;subject;text;attachments;reference;Name'];
    for (let i = 1; i <= 60_000; i++)
      lines.push(
        `kunde${i}@example.org;Mahnung {{reference}};Sehr geehrte/r {{Name}};a.pdf;R-${i};Kunde ${i}`,
      );
    lines.push('kein-at-zeichen;Mahnung;x;a.pdf;R-X;Z');
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(manifest, lines.join('\r\n') + '\r\n');
    const r = await runCli(['batch', manifest, '--json'], {
      home,
      env: { NODE_OPTIONS: '--max-old-space-size=32' },
      timeoutMs: 150_000,
    });
    expect(r.code, r.stderr.slice(0, 500)).toBe(2);
    expect(problemsOf(r.lines<Line>())).toEqual([[60_001, [['badAddress', 'to']]]]);
    expect(s.messages).toHaveLength(0);
  }, 180_000);
});
