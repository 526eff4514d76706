// The `opos-mail` command as a user runs it: spawned process, exit codes, --json, languages, data folder.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_PDF, tempHome } from '../helpers/cli.js';

describe('opos-mail', () => {
  it('prints its version and help', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')).version);
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    for (const cmd of ['profile', 'test', 'send', 'demo']) expect(h.stdout).toContain(cmd);
  });

  it('a fresh data folder has the Testpostfach active; demo writes a real .eml with the sample PDF', async () => {
    const home = tempHome();
    const list = await runCli(['profile', 'list', '--json'], { home });
    expect(list.code).toBe(0);
    expect(list.json()).toMatchObject({
      active: 'Testpostfach',
      profiles: [{ name: 'Testpostfach', connection: 'test-mailbox', active: true }],
    });
    const demo = await runCli(['demo'], { home });
    expect(demo.code, demo.stderr).toBe(0);
    const files = readdirSync(path.join(home, 'test-mailbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(demo.stdout).toContain(path.join(home, 'test-mailbox', files[0]!));
    const mail = await PostalMime.parse(readFileSync(path.join(home, 'test-mailbox', files[0]!)));
    expect(mail.subject).toBe('Mahnung zur Rechnung 2026-0815');
    expect(mail.attachments[0]!.filename).toBe('Mahnung_2026-0815_Müller.pdf');
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(readFileSync(SAMPLE_PDF))).toBe(
      true,
    );
  });

  it('--home wins over OPOS_MAIL_HOME', async () => {
    const env = tempHome();
    const flag = tempHome();
    const r = await runCli(['--home', flag, 'profile', 'list'], { home: env });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(flag, 'profiles.json'))).toBe(true);
    expect(existsSync(path.join(env, 'profiles.json'))).toBe(false);
  });

  it('manages profiles: add, list, show, use, edit, remove', async () => {
    const home = tempHome();
    const add = await runCli(
      [
        'profile',
        'add',
        'Hausbank Mail',
        '--host',
        'mail.firma.example',
        '--port',
        '587',
        '--security',
        'starttls',
        '--from',
        'opos@firma.example',
        '--from-name',
        'OPOS Buchhaltung',
        '--max-size-kb',
        '20480',
        '--json',
      ],
      { home },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.json()).toMatchObject({
      name: 'Hausbank Mail',
      connection: 'smtp',
      security: 'StartTls',
      port: 587,
      maxSizeKb: 20480,
      active: false,
    });
    const dup = await runCli(['profile', 'add', 'hausbank mail', '--host', 'x.example'], { home });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('gibt es schon');
    const use = await runCli(['profile', 'use', 'Hausbank Mail'], { home });
    expect(use.code).toBe(0);
    expect((await runCli(['profile', 'list', '--json'], { home })).json()).toMatchObject({
      active: 'Hausbank Mail',
    });
    const edit = await runCli(
      ['profile', 'edit', 'Hausbank Mail', '--security', 'SslOnConnect', '--port', '0', '--json'],
      { home },
    );
    expect(edit.json()).toMatchObject({ security: 'SslOnConnect', port: 0, effectivePort: 465 });
    const show = await runCli(['profile', 'show', 'Hausbank Mail'], { home });
    expect(show.stdout).toContain('465 (Standard für SslOnConnect)');
    const rm = await runCli(['profile', 'remove', 'Hausbank Mail'], { home });
    expect(rm.code).toBe(0);
    expect((await runCli(['profile', 'list', '--json'], { home })).json()).toMatchObject({
      active: 'Testpostfach',
    });
    const last = await runCli(['profile', 'remove', 'Testpostfach'], { home });
    expect(last.code).toBe(2);
  });

  it('refuses incomplete profiles and bad flags with exit 2, naming the problem', async () => {
    const home = tempHome();
    const noHost = await runCli(['profile', 'add', 'X', '--from', 'a@firma.example'], { home });
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toContain('„Server“ muss ausgefüllt sein');
    const badMode = await runCli(
      ['profile', 'add', 'X', '--host', 'h.example', '--from', 'a@firma.example', '--security', 'TLS'],
      { home },
    );
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('StartTlsWhenAvailable');
    const badPort = await runCli(
      ['profile', 'add', 'X', '--host', 'h.example', '--from', 'a@firma.example', '--port', '99999'],
      { home },
    );
    expect(badPort.code).toBe(2);
    const unknown = await runCli(
      ['send', '--profile', 'Gibtsnicht', '--to', 'a@b.de', '--subject', 'x', '--json'],
      { home },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({ status: 'error', error: { code: 'profileUnknown', exitCode: 2 } });
    const missing = await runCli(
      ['send', '--to', 'a@b.de', '--subject', 'x', '--attach', '/nonexistent/Mahnung.pdf'],
      { home },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/Mahnung.pdf');
    const flag = await runCli(['send', '--to', 'a@b.de', '--subject', 'x', '--frobnicate'], { home });
    expect(flag.code).toBe(2);
    const noTo = await runCli(['send', '--subject', 'x'], { home });
    expect(noTo.code).toBe(2);
  });

  it('loses no change when several processes edit the profiles at the same time', async () => {
    const home = tempHome();
    await runCli(['profile', 'list'], { home });
    const names = ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs'];
    const runs = await Promise.all(
      names.map((n) =>
        runCli(['profile', 'add', n, '--host', 'smtp.example.org', '--from', 'a@firma.example'], { home }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const list = (await runCli(['profile', 'list', '--json'], { home })).json<{
      profiles: Array<{ name: string }>;
    }>();
    expect(list.profiles.map((p) => p.name).sort()).toEqual([...names, 'Testpostfach'].sort());
    expect(readdirSync(home).filter((f) => f.includes('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('never overwrites a damaged or newer profiles file', async () => {
    const home = tempHome();
    const file = path.join(home, 'profiles.json');
    writeFileSync(file, '{ "version": 1, "active": ');
    const r = await runCli(['profile', 'add', 'X', '--host', 'h.example', '--from', 'a@firma.example'], {
      home,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('beschädigt');
    expect(readFileSync(file, 'utf8')).toBe('{ "version": 1, "active": ');
    const newer = JSON.stringify({ version: 99, active: 'Zukunft', profiles: [] });
    writeFileSync(file, newer);
    const r2 = await runCli(['profile', 'use', 'Zukunft'], { home });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('neueren Version');
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('speaks German by default, English and Dutch on request or from the locale', async () => {
    const home = tempHome();
    const args = ['send', '--to', 'kaputt', '--subject', 'x'];
    expect((await runCli(args, { home, env: { LANG: 'C' } })).stderr).toContain('ist ungültig');
    expect((await runCli(['--lang', 'en', ...args], { home })).stderr).toContain('is not valid');
    expect((await runCli(args, { home, env: { LANG: 'nl_NL.UTF-8' } })).stderr).toContain('is ongeldig');
    const de = await runCli(args, { home, env: { LANG: 'nl_NL.UTF-8' } });
    expect(de.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace without --debug
  });

  it('reports a connection failure with exit 4 in words', async () => {
    const home = tempHome();
    await runCli(
      ['profile', 'add', 'Tot', '--host', '127.0.0.1', '--port', '1', '--from', 'a@firma.example', '--use'],
      { home },
    );
    const r = await runCli(['test', '--json'], { home });
    expect(r.code).toBe(4);
    expect(r.json()).toMatchObject({ error: { code: 'connectFailed' } });
    expect(r.stderr).toContain('Keine Verbindung zu 127.0.0.1:1');
  });
});
