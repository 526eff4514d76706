// Finding the dead ends of Simple MAPI before the call, from `reg query` output in reg.exe's format
// (English and German Windows): no default mail program, only the new Outlook. Pure functions: the
// reg.exe answers below stand in for a Windows registry, which does not exist here.
import { describe, expect, it } from 'vitest';
import {
  defaultValueOf,
  expandEnv,
  judgeMailClient,
  parseRegQuery,
  readMailClientFacts,
  REG_QUERIES,
  type RegRunner,
} from '../../src/main/handoff/windows/mail-client-registry.js';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

const OUTLOOK_DEFAULT = crlf([
  '',
  'HKEY_CURRENT_USER\\Software\\Clients\\Mail',
  '    (Default)    REG_SZ    Microsoft Outlook',
  '',
]);
const THUNDERBIRD_DEFAULT_DE = crlf([
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail',
  '    (Standard)    REG_SZ    Mozilla Thunderbird',
  '',
]);
const UNSET_EN = crlf([
  '',
  'HKEY_CURRENT_USER\\Software\\Clients\\Mail',
  '    (Default)    REG_SZ    (value not set)',
  '',
]);
const UNSET_DE = crlf([
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail',
  '    (Standard)    REG_SZ    (Wert nicht festgelegt)',
  '',
]);
const OUTLOOK_CLIENT = crlf([
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail\\Microsoft Outlook',
  '    (Default)    REG_SZ    Microsoft Outlook',
  '    DLLPath    REG_SZ    C:\\Program Files\\Microsoft Office\\root\\Office16\\MAPIR.DLL',
  '    DLLPathEx    REG_EXPAND_SZ    %ProgramFiles%\\Microsoft Office\\root\\Office16\\OLMAPI32.DLL',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail\\Microsoft Outlook\\Protocols',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail\\Microsoft Outlook\\shell',
  '',
]);
const THUNDERBIRD_CLIENT = crlf([
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Clients\\Mail\\Mozilla Thunderbird',
  '    (Standard)    REG_SZ    Mozilla Thunderbird',
  '    DLLPath    REG_SZ    C:\\Program Files\\Mozilla Thunderbird\\mozMapi32_InUse.dll',
  '',
]);
const CLASSIC_OUTLOOK = crlf([
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE',
  '    (Default)    REG_SZ    C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE',
  '',
]);
const NEW_OUTLOOK_ON = crlf([
  '',
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Preferences',
  '    UseNewOutlook    REG_DWORD    0x1',
  '',
]);

/** A registry as reg.exe would answer it: argv → output; a missing key is '' (reg exits 1). */
function registry(answers: Array<[readonly string[], string]>): RegRunner & { asked: string[][] } {
  const asked: string[][] = [];
  const fn = (args: readonly string[]) => {
    asked.push([...args]);
    return Promise.resolve(answers.find(([a]) => a.join('\0') === args.join('\0'))?.[1] ?? '');
  };
  return Object.assign(fn, { asked });
}

describe('reg query output', () => {
  it('reads values whatever the language, and leaves out an unset default', () => {
    expect(defaultValueOf(OUTLOOK_DEFAULT)).toBe('Microsoft Outlook');
    expect(defaultValueOf(THUNDERBIRD_DEFAULT_DE)).toBe('Mozilla Thunderbird');
    expect(defaultValueOf(UNSET_EN)).toBeNull();
    expect(defaultValueOf(UNSET_DE)).toBeNull();
    expect(defaultValueOf('')).toBeNull();
    expect(parseRegQuery(OUTLOOK_CLIENT).map((v) => v.name)).toEqual(['(Default)', 'DLLPath', 'DLLPathEx']);
  });

  it('expands REG_EXPAND_SZ variables case-insensitively', () => {
    expect(expandEnv('%ProgramFiles%\\x\\%Nope%.dll', { PROGRAMFILES: 'C:\\Program Files' })).toBe(
      'C:\\Program Files\\x\\%Nope%.dll',
    );
  });
});

describe('which mail program answers Simple MAPI', () => {
  it('classic Outlook as the default: its MAPI DLL (DllPathEx first)', async () => {
    const reg = registry([
      [REG_QUERIES.defaultUser, OUTLOOK_DEFAULT],
      [REG_QUERIES.client('Microsoft Outlook'), OUTLOOK_CLIENT],
      [REG_QUERIES.classicOutlook, CLASSIC_OUTLOOK],
    ]);
    const facts = await readMailClientFacts(reg, () => Promise.resolve(true), {
      ProgramFiles: 'C:\\Program Files',
    });
    expect(facts).toEqual({
      defaultClient: 'Microsoft Outlook',
      dll: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OLMAPI32.DLL',
      classicOutlook: true,
      newOutlook: true,
    });
    // classic and new side by side: MAPI still reaches the classic one
    expect(judgeMailClient(facts)).toEqual({ ok: true, program: 'Microsoft Outlook', dll: facts.dll });
    // the user's choice wins: the machine-wide default is not asked
    expect(reg.asked).not.toContainEqual([...REG_QUERIES.defaultMachine]);
  });

  it('Thunderbird as the machine-wide default (HKCU unset)', async () => {
    const reg = registry([
      [REG_QUERIES.defaultUser, UNSET_EN],
      [REG_QUERIES.defaultMachine, THUNDERBIRD_DEFAULT_DE],
      [REG_QUERIES.client('Mozilla Thunderbird'), THUNDERBIRD_CLIENT],
    ]);
    const facts = await readMailClientFacts(reg);
    expect(judgeMailClient(facts)).toEqual({
      ok: true,
      program: 'Mozilla Thunderbird',
      dll: 'C:\\Program Files\\Mozilla Thunderbird\\mozMapi32_InUse.dll',
    });
  });

  it('no mail program at all: noDefaultMailClient', async () => {
    const facts = await readMailClientFacts(registry([]));
    expect(facts).toEqual({ defaultClient: null, dll: null, classicOutlook: false, newOutlook: false });
    expect(judgeMailClient(facts)).toEqual({ ok: false, code: 'noDefaultMailClient' });
  });

  it('only the new Outlook (its alias, or the switch, without classic Outlook): newOutlookOnly', async () => {
    const alias = await readMailClientFacts(registry([]), () => Promise.resolve(true));
    expect(judgeMailClient(alias)).toEqual({ ok: false, code: 'newOutlookOnly' });
    // a leftover "Microsoft Outlook" registration after classic Outlook was removed
    const leftover = await readMailClientFacts(
      registry([
        [REG_QUERIES.defaultUser, OUTLOOK_DEFAULT],
        [REG_QUERIES.newOutlookSwitch, NEW_OUTLOOK_ON],
      ]),
    );
    expect(leftover.newOutlook).toBe(true);
    expect(judgeMailClient(leftover)).toEqual({ ok: false, code: 'newOutlookOnly' });
    // Thunderbird as default beside the new Outlook works
    expect(
      judgeMailClient({
        defaultClient: 'Mozilla Thunderbird',
        dll: null,
        classicOutlook: false,
        newOutlook: true,
      }),
    ).toMatchObject({ ok: true });
  });
});
