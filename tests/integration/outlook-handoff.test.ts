// Outlook's hand-off through a real child process: a TEST DOUBLE stands in for powershell.exe (neither
// Windows PowerShell nor pwsh can be installed here), records its argv and stdin and answers as the
// script would. Shows that the data, the password included, travels on stdin only, the script file is
// passed unchanged, and every kind of answer becomes the right result or error.
import { chmodSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import { outlookScriptPath, runOutlook } from '../../src/main/handoff/windows/outlook-handoff.js';
import { tempDir } from '../helpers/temp.js';

/** A stand-in for powershell.exe: records argv and stdin, prints $DOUBLE_OUT, exits $DOUBLE_EXIT. */
function powershellDouble(): { exe: string; argv: () => string[]; stdin: () => string; dir: string } {
  const dir = tempDir('opos-pwsh-double-');
  const exe = path.join(dir, 'powershell-double');
  writeFileSync(
    exe,
    [
      '#!/bin/sh',
      '# TEST DOUBLE of powershell.exe',
      'for a in "$@"; do printf "%s\\n" "$a"; done > "$DOUBLE_DIR/argv"',
      'cat > "$DOUBLE_DIR/stdin"',
      'printf "%s" "$DOUBLE_OUT"',
      'printf "%s" "$DOUBLE_ERR" >&2',
      'exit "${DOUBLE_EXIT:-0}"',
      '',
    ].join('\n'),
  );
  chmodSync(exe, 0o755);
  return {
    exe,
    dir,
    argv: () => readFileSync(path.join(dir, 'argv'), 'utf8').split('\n').slice(0, -1),
    stdin: () => readFileSync(path.join(dir, 'stdin'), 'utf8'),
  };
}

const draft = {
  to: ['jürgen.müller@bäckerei-köln.de'],
  cc: ['büro@example.org'],
  bcc: ['archiv@example.org'],
  subject: `Mahnung "4711" '$(calc)' ; | \``,
  text: 'Sehr geehrter Herr Müller,\nbitte zahlen Sie.',
  attachments: [{ path: 'C:\\OPOS\\handoff\\a1\\Mahnung D-1001.pdf', filename: 'Mahnung D-1001.pdf' }],
};
const PASSWORD = `pa"ss' $(w0rd) ; ü`;

function answer(o: object): string {
  return `Some noise\r\nOPOS-OUTLOOK-RESULT ${JSON.stringify(o)}\r\n`;
}

describe('Outlook hand-off through a child process', () => {
  it('passes everything on stdin, the script file unchanged, and reads the answer', async () => {
    const ps = powershellDouble();
    const scriptBefore = readFileSync(outlookScriptPath(), 'utf8');
    const env = {
      ...process.env,
      DOUBLE_DIR: ps.dir,
      DOUBLE_OUT: answer({
        ok: true,
        action: 'display',
        program: 'Microsoft Outlook 16.0.18129.20158',
        profile: 'Outlook',
        account: 'Buchhaltung',
        accountFallback: true,
        unresolved: ['büro@example.org'],
      }),
    };
    const result = await runOutlook(draft, 'display', {
      powershell: ps.exe,
      env,
      from: 'buchhaltung@firma.de',
      logon: { profile: 'Buchhaltung', password: PASSWORD },
    });
    expect(result).toEqual({
      action: 'display',
      program: 'Microsoft Outlook 16.0.18129.20158',
      profile: 'Outlook',
      account: 'Buchhaltung',
      accountFallback: true,
      unresolved: ['büro@example.org'],
    });
    expect(ps.argv()).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-STA',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      outlookScriptPath(),
    ]);
    const input = JSON.parse(ps.stdin()) as Record<string, unknown>;
    expect(input).toEqual({
      version: 1,
      action: 'display',
      from: 'buchhaltung@firma.de',
      logon: { profile: 'Buchhaltung', password: PASSWORD },
      to: draft.to,
      cc: draft.cc,
      bcc: draft.bcc,
      subject: draft.subject,
      body: 'Sehr geehrter Herr Müller,\r\nbitte zahlen Sie.',
      attachments: [{ path: draft.attachments[0]!.path, name: 'Mahnung D-1001.pdf' }],
    });
    // the script is the shipped file, untouched; the password is in no argument and no file but stdin's record
    expect(readFileSync(outlookScriptPath(), 'utf8')).toBe(scriptBefore);
    expect(scriptBefore).not.toContain(PASSWORD);
    expect(ps.argv().join('\n')).not.toContain('w0rd');
    expect((await fs.readdir(ps.dir)).sort()).toEqual(['argv', 'powershell-double', 'stdin']);
  });

  it('"Verbindung testen" sends no message data', async () => {
    const ps = powershellDouble();
    const env = {
      ...process.env,
      DOUBLE_DIR: ps.dir,
      DOUBLE_OUT: answer({
        ok: true,
        action: 'test',
        program: 'Microsoft Outlook 16.0',
        profile: 'Outlook',
        account: 'buchhaltung@firma.de',
        accountFallback: false,
      }),
    };
    const result = await runOutlook(null, 'test', { powershell: ps.exe, env, from: 'buchhaltung@firma.de' });
    expect(result).toMatchObject({
      action: 'test',
      account: 'buchhaltung@firma.de',
      accountFallback: false,
      unresolved: [],
    });
    expect(JSON.parse(ps.stdin())).toMatchObject({
      action: 'test',
      to: [],
      subject: '',
      attachments: [],
      logon: null,
    });
  });

  it('a structured failure becomes the matching error', async () => {
    const ps = powershellDouble();
    const env = {
      ...process.env,
      DOUBLE_DIR: ps.dir,
      DOUBLE_OUT: answer({
        ok: false,
        stage: 'create',
        hresult: '0x80040154',
        detail: 'Class not registered',
        newOutlook: true,
      }),
    };
    const err = await runOutlook(draft, 'send', { powershell: ps.exe, env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).code).toBe('newOutlookOnly');
    expect(JSON.parse(ps.stdin())).toMatchObject({ action: 'send' });
  });

  it('a script that dies without an answer, or no PowerShell at all, is a clear error', async () => {
    const ps = powershellDouble();
    const env = {
      ...process.env,
      DOUBLE_DIR: ps.dir,
      DOUBLE_OUT: '',
      DOUBLE_ERR: 'Zeile 12: Fehler',
      DOUBLE_EXIT: '1',
    };
    const died = await runOutlook(draft, 'display', { powershell: ps.exe, env }).catch((e: unknown) => e);
    expect((died as MailError).code).toBe('handoffHelperFailed');
    expect((died as MailError).params.detail).toBe('exit code 1: Zeile 12: Fehler');
    const missing = await runOutlook(draft, 'display', { powershell: path.join(ps.dir, 'nope.exe') }).catch(
      (e: unknown) => e,
    );
    expect((missing as MailError).code).toBe('handoffHelperFailed');
    expect((missing as MailError).params.detail).toContain('ENOENT');
  });
});
