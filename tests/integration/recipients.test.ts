// Recipients with display names through the real command and a real SMTP server: the name reaches
// the header (RFC 2047-encoded), the envelope has the bare address, lists split right; a manifest row
// with `"Weiß, Jörg" <…>` passes the pre-check; what is really invalid is refused (exit 2).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpHome, workDir, writePdf } from '../helpers/batch-fixtures.js';
import { runCli, SAMPLE_PDF } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(): Promise<TestSmtpServer> {
  const s = await startSmtpServer({ mode: 'plain' });
  servers.push(s);
  return s;
}

// several runs of the command per test: generous on a loaded machine
describe('recipients with display names', { timeout: 120_000 }, () => {
  it('send --to "Jörg Weiß <…>" and a list with a quoted comma: names in the header, bare envelope', async () => {
    const smtp = await server();
    const home = await smtpHome(smtp.port, ['--no-login']);
    const r = await runCli(
      [
        'send',
        '--to',
        'Jörg Weiß <joerg@example.test>',
        '--cc',
        '"Müller, Anna" <anna@müller.de>; buchhaltung@example.org',
        '--subject',
        'Mahnung',
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home },
    );
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.json()).toMatchObject({
      status: 'sent',
      accepted: ['joerg@example.test', 'anna@xn--mller-kva.de', 'buchhaltung@example.org'],
    });
    const [msg] = smtp.messages;
    // (smtp-server shows the IDN domain it received as xn--mller-kva.de in Unicode)
    expect(msg!.to).toEqual(['joerg@example.test', 'anna@müller.de', 'buchhaltung@example.org']);
    const mail = await PostalMime.parse(msg!.raw);
    expect(mail.to).toEqual([{ name: 'Jörg Weiß', address: 'joerg@example.test' }]);
    expect(mail.cc).toEqual([
      { name: 'Müller, Anna', address: 'anna@xn--mller-kva.de' },
      { name: '', address: 'buchhaltung@example.org' },
    ]);
    // the outbox and the journal keep the name too
    const journal = (await runCli(['journal', '--json'], { home })).lines<{ to: string[] }>();
    expect(journal[0]!.to).toEqual(['Jörg Weiß <joerg@example.test>']);
  });

  it('refuses what is really invalid, naming it (exit 2), and sends nothing', async () => {
    const smtp = await server();
    const home = await smtpHome(smtp.port, ['--no-login']);
    for (const bad of ['Jörg Weiß joerg@example.test', 'Jörg <joerg@example.test', 'Name <a@b>']) {
      const r = await runCli(['send', '--to', bad, '--subject', 'x', '--json'], { home });
      expect(r.code, bad).toBe(2);
      expect(r.json()).toMatchObject({ error: { code: 'invalidAddress', params: { address: bad } } });
    }
    expect(smtp.messages).toHaveLength(0);
  });

  it('a manifest row with display names passes the pre-check and is sent with them', async () => {
    const smtp = await server();
    const home = await smtpHome(smtp.port, ['--no-login']);
    const dir = workDir();
    writePdf(path.join(dir, 'm.pdf'), 5_000);
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(
      manifest,
      [
        'Empfänger;Betreff;Anhänge;Referenz',
        '"""Weiß, Jörg"" <joerg@example.test>; Kasse <kasse@example.test>";Mahnung 1;m.pdf;R-1',
        'kein name joerg@example.test;Mahnung 2;m.pdf;R-2',
      ].join('\r\n') + '\r\n',
    );
    const bad = await runCli(['batch', manifest, '--json'], { home });
    expect(bad.code).toBe(2);
    const invalid = bad.lines<{ row?: number; state?: string }>().filter((l) => l.state === 'invalid');
    expect(invalid.map((l) => l.row)).toEqual([2]);

    writeFileSync(
      manifest,
      [
        'Empfänger;Betreff;Anhänge;Referenz',
        '"""Weiß, Jörg"" <joerg@example.test>; Kasse <kasse@example.test>";Mahnung 1;m.pdf;R-1',
      ].join('\r\n') + '\r\n',
    );
    const ok = await runCli(['batch', manifest, '--json'], { home });
    expect(ok.code, ok.stderr).toBe(0);
    const mail = await PostalMime.parse(smtp.messages[0]!.raw);
    expect(mail.to).toEqual([
      { name: 'Weiß, Jörg', address: 'joerg@example.test' },
      { name: 'Kasse', address: 'kasse@example.test' },
    ]);
    expect(smtp.messages[0]!.to).toEqual(['joerg@example.test', 'kasse@example.test']);
  });
});
