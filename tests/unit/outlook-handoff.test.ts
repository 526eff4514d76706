// Outlook's hand-off script: the JSON it reads (made by our code from hostile values), its fixed argv,
// its answer mapped to the errors a user sees, and its text (static: no user data, no way to run data
// as code, nothing written to files).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import {
  outlookArgv,
  outlookError,
  outlookInput,
  outlookInputSchema,
  outlookScriptPath,
  parseOutlookOutput,
  type OutlookOutput,
} from '../../src/main/handoff/windows/outlook-handoff.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import { ROOT } from '../helpers/cli.js';

const HOSTILE = [
  `"; Remove-Item -Recurse C:\\ ; "`,
  `'$(Start-Process calc)'`,
  '`$env:USERPROFILE` @(1) ${x} $true',
  'Zeile 1\nZeile 2\r\n\u0000\u2028',
  'Müller & Söhne <büro@bäckerei.de> „Mahnung“ 😀',
  '</script><!-- --%> & | ; ` ^ %PATH% !x!',
  'x'.repeat(10_000),
];

describe('the script input', () => {
  it('carries hostile values through JSON unchanged, the password included', () => {
    const [a, b, c, d, e, f, g] = HOSTILE as [string, string, string, string, string, string, string];
    const input = outlookInput(
      {
        to: ['kunde@example.org'],
        cc: ['büro@bäckerei-köln.de'],
        bcc: [],
        subject: a + b,
        text: c + d,
        attachments: [{ path: `C:\\Temp\\${e}.pdf`, filename: f }],
      },
      'display',
      { from: 'buchhaltung@firma.de', logon: { profile: b, password: g + a } },
    );
    const wire = JSON.stringify(outlookInputSchema.parse(input));
    const back = JSON.parse(wire) as typeof input;
    expect(back).toEqual(input);
    expect(back.subject).toBe(a + b);
    expect(back.body).toBe(c + 'Zeile 1\r\nZeile 2\r\n\u0000\u2028');
    expect(back.logon).toEqual({ profile: b, password: g + a });
    expect(back.attachments).toEqual([{ path: `C:\\Temp\\${e}.pdf`, name: f }]);
    // every key is present (the script runs under Set-StrictMode)
    expect(Object.keys(back).sort()).toEqual(
      ['action', 'attachments', 'bcc', 'body', 'cc', 'from', 'logon', 'subject', 'to', 'version'].sort(),
    );
    const test = outlookInput(null, 'test', {});
    expect(test).toMatchObject({ action: 'test', from: null, logon: null, to: [], attachments: [] });
  });

  it('argv is the fixed switches and the script, nothing else', () => {
    expect(outlookArgv('C:\\OPOS\\resources\\windows\\outlook-handoff.ps1')).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-STA',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      'C:\\OPOS\\resources\\windows\\outlook-handoff.ps1',
    ]);
  });
});

describe('the script text', () => {
  const script = readFileSync(outlookScriptPath(), 'utf8');

  it('is the resource file of the project', () => {
    expect(outlookScriptPath()).toBe(path.join(ROOT, 'resources', 'windows', 'outlook-handoff.ps1'));
  });

  it('holds no user data and never runs data as code or writes it anywhere', () => {
    expect(script).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i); // no e-mail address
    for (const forbidden of [
      /Invoke-Expression/i,
      /\biex\b/i,
      /\[ScriptBlock\]::Create/i,
      /Add-Content|Set-Content|Out-File|Export-|Tee-Object|Start-Transcript/i,
      /Write-Host|Write-Output/i,
      /\$args\b/i,
    ])
      expect(script).not.toMatch(forbidden);
    // the input only from stdin, the answer only as the marked line
    expect(script).toContain('[Console]::OpenStandardInput()');
    expect(script).toContain("'OPOS-OUTLOOK-RESULT '");
  });
});

describe('the script answer', () => {
  const fail = (stage: string, hresult: string | null, extra: object = {}) =>
    ({ ok: false, stage, hresult, detail: 'x', ...extra }) as Extract<OutlookOutput, { ok: false }>;
  const settings = { from: 'buchhaltung@firma.de', logon: { profile: 'Buchhaltung', password: 'geheim' } };
  const cases: Array<[ReturnType<typeof fail>, string, number]> = [
    [fail('create', '0x80040154'), 'outlookNotInstalled', 2],
    [fail('create', '0x80040154', { newOutlook: true }), 'newOutlookOnly', 2],
    [fail('create', '0x80080005'), 'outlookElevated', 4],
    [fail('send', '0x80004004'), 'outlookGuardDenied', 3],
    [fail('account', '0x80004004'), 'outlookGuardDenied', 3],
    [fail('profile', null), 'outlookProfileUnknown', 2],
    [fail('logon', '0x8004010F'), 'outlookLogonFailed', 3],
    [fail('account', null), 'outlookAccountNotFound', 2],
    [fail('recipients', null, { names: ['a@b', 'ungültig'] }), 'outlookRecipientsUnresolved', 2],
    [fail('recipients', null, { names: 'einzeln' }), 'outlookRecipientsUnresolved', 2],
    [fail('attach', null, { file: 'C:\\x\\Mahnung.pdf' }), 'outlookAttachmentUnreadable', 2],
    [fail('display', '0x80020009'), 'outlookFailed', 1],
    [fail('request', null), 'handoffHelperFailed', 1],
  ];

  it.each(cases)('%o → %s (exit %i), said in de/en/nl without the password', (out, code, exitCode) => {
    const e = outlookError(out, settings);
    expect(e).toBeInstanceOf(MailError);
    expect([e.code, e.exitCode]).toEqual([code, exitCode]);
    for (const lang of ['de', 'en', 'nl'] as const) {
      const message = createI18n(lang).t(`core:errors.${e.code}`, e.params);
      expect(message).not.toMatch(/errors\.|\{\{/);
      expect(message).not.toContain('geheim');
    }
    if (code === 'outlookRecipientsUnresolved')
      expect(createI18n('de').t('core:errors.outlookRecipientsUnresolved', e.params)).toContain(
        ([] as string[]).concat(out.names ?? []).join(', '),
      );
    if (code === 'outlookProfileUnknown') expect(e.params.outlookProfile).toBe('Buchhaltung');
    if (code === 'outlookAttachmentUnreadable') expect(e.params.file).toBe('C:\\x\\Mahnung.pdf');
  });

  it('finds the marked line among other output, and nothing in garbage', () => {
    const ok = {
      ok: true,
      action: 'display',
      program: 'Microsoft Outlook 16.0.0.1',
      profile: 'Outlook',
      account: 'buchhaltung@firma.de',
      accountFallback: false,
      unresolved: [],
    };
    expect(parseOutlookOutput(`WARNUNG: etwas\r\nOPOS-OUTLOOK-RESULT ${JSON.stringify(ok)}\r\n`)).toEqual(ok);
    expect(parseOutlookOutput('OPOS-OUTLOOK-RESULT {kaputt')).toBeNull();
    expect(parseOutlookOutput('')).toBeNull();
  });
});
