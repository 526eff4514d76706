// The `opos-mail` command's promises to people and scripts (issue 12): `outbox run --profile` matches
// names as everywhere else and refuses unknown ones; `profile add/edit --json` carry their warnings;
// `outbox list --json | head -c 600` ends quietly; manifest cells reach the terminal with their control
// characters shown escaped, never interpreted (server replies arrive with them blanked by the SMTP
// client already; provider errors: microsoft-errors.test.ts). Real SMTP servers on loopback.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_RETRY, smtpHome, workDir } from '../helpers/batch-fixtures.js';
import { BIN, runCli, tempHome } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(opts: Parameters<typeof startSmtpServer>[0] = { mode: 'plain' }) {
  const s = await startSmtpServer(opts);
  servers.push(s);
  return s;
}

const ESC = '\u001b';

describe('outbox run --profile', () => {
  it('matches the name case-insensitively and refuses an unknown one (exit 2)', async () => {
    const gone = await startSmtpServer({ mode: 'plain' });
    const closedPort = gone.port;
    await gone.close();
    const home = await smtpHome(closedPort); // profile "Firma", nothing listens there any more
    const failed = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'Mahnung', '--json'], {
      home,
      env: FAST_RETRY,
    });
    expect(failed.code).toBe(4);
    const s = await server();
    expect((await runCli(['profile', 'edit', 'Firma', '--port', String(s.port)], { home })).code).toBe(0);
    expect((await runCli(['outbox', 'retry'], { home })).code).toBe(0);

    const unknown = await runCli(['outbox', 'run', '--profile', 'Unbekannt', '--json'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({ error: { code: 'profileUnknown' } });
    expect(s.messages).toHaveLength(0);

    const r = await runCli(['outbox', 'run', '--profile', 'firma', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines<{ summary?: { sent: number } }>().at(-1)?.summary?.sent).toBe(1);
    expect(s.messages).toHaveLength(1);
  });
});

describe('profile add/edit --json', () => {
  it('puts the plain-text warning into the JSON', async () => {
    const home = tempHome();
    const r = await runCli(
      [
        'profile',
        'add',
        'Auto',
        '--host',
        'mail.example.org',
        '--security',
        'Auto',
        '--from',
        'a@example.org',
        '--json',
      ],
      { home },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({
      name: 'Auto',
      warnings: [{ code: 'mayEndInPlainText', message: expect.stringContaining('Auto') }],
    });
    const safe = await runCli(['profile', 'edit', 'Auto', '--security', 'StartTls', '--json'], { home });
    expect(safe.json()).toMatchObject({ security: 'StartTls', warnings: [] });
  });
});

describe('standard output closed early', () => {
  it('`outbox list --json | head -c 600` ends quietly', async () => {
    const home = tempHome();
    const dir = workDir();
    const rows = ['to;subject;text;reference'];
    for (let i = 1; i <= 120; i++)
      rows.push(`kunde${i}@example.org;${'Zahlungserinnerung '.repeat(40)}${i};Text;R-${i}`);
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(manifest, rows.join('\r\n') + '\r\n');
    const batch = await runCli(['batch', manifest, '--json'], { home, timeoutMs: 120_000 });
    expect(batch.code, batch.stderr).toBe(0);
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" outbox list --json | head -c 600 >/dev/null`],
      { env: { ...process.env, OPOS_MAIL_HOME: home }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});

describe('control characters from outside are shown, not interpreted', () => {
  it('in a manifest cell (the pre-check names the bad address)', async () => {
    const s = await server();
    const home = await smtpHome(s.port);
    const dir = workDir();
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(manifest, `to;subject;text;reference\r\nkunde${ESC}[2J@example.org;M;t;R-1\r\n`);
    const b = await runCli(['batch', manifest], { home });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('\\x1b[2J');
    expect(b.stderr).not.toContain(ESC);
  });
});
