// Which program answers Simple MAPI on this Windows machine, found before the call so the obvious dead
// ends get a clear message instead of MAPI_E_FAILURE: no default mail program under
// Software\Clients\Mail (HKCU, then HKLM, as the mapi32 stub reads it), or only the new Outlook (no
// MAPI, no COM). Read with `reg query` (argv only); the parsing and the verdict are pure functions,
// tested with reg.exe's output format on Linux.
import { execFile } from 'node:child_process';
import type { ErrorCode } from '../../../shared/errors.js';

export interface RegValue {
  name: string;
  type: string;
  data: string;
}

/**
 * The values in `reg query` output: lines of four-space-separated `name type data`. The default value's
 * name is localised ("(Default)", "(Standard)", "(Standaard)"); an unset default shows its data in
 * parentheses ("(value not set)", "(Wert nicht festgelegt)") and is left out.
 */
export function parseRegQuery(output: string): RegValue[] {
  const values: RegValue[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!m) continue;
    const data = (m[3] ?? '').trim();
    if (/^\(.*\)$/.test(data)) continue;
    values.push({ name: m[1]!, type: m[2]!, data });
  }
  return values;
}

/** The default value's data from `reg query KEY /ve` output, or null when unset or empty. */
export function defaultValueOf(output: string): string | null {
  const v = parseRegQuery(output)[0];
  return v && v.data ? v.data : null;
}

/** `%SystemRoot%\x.dll` with the variables of `env` expanded (REG_EXPAND_SZ). */
export function expandEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (all, name: string) => {
    const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? (env[key] ?? all) : all;
  });
}

export interface MailClientFacts {
  /** The default mail program's name (`Microsoft Outlook`, `Mozilla Thunderbird`), or null. */
  defaultClient: string | null;
  /** Its MAPI DLL (DllPathEx before DllPath), when registered. */
  dll: string | null;
  /** Classic Outlook installed (App Paths\OUTLOOK.EXE). */
  classicOutlook: boolean;
  /** The new Outlook present (its olk.exe alias) or chosen by the "new Outlook" switch. */
  newOutlook: boolean;
}

export type MailClientVerdict =
  | { ok: true; program: string; dll: string | null }
  | { ok: false; code: Extract<ErrorCode, 'noDefaultMailClient' | 'newOutlookOnly'> };

/**
 * Refuses only what is certain to fail: nothing registered, or the registered "Microsoft Outlook" (or
 * nothing) where only the new Outlook exists. Everything else is left to the call and its return code.
 */
export function judgeMailClient(f: MailClientFacts): MailClientVerdict {
  const onlyNew = f.newOutlook && !f.classicOutlook;
  if (!f.defaultClient) return { ok: false, code: onlyNew ? 'newOutlookOnly' : 'noDefaultMailClient' };
  if (onlyNew && /^microsoft outlook$/i.test(f.defaultClient)) return { ok: false, code: 'newOutlookOnly' };
  return { ok: true, program: f.defaultClient, dll: f.dll };
}

/** The `reg` argv of each question asked, in order (pure; the runner below executes them). */
export const REG_QUERIES = {
  defaultUser: ['query', 'HKCU\\Software\\Clients\\Mail', '/ve'],
  defaultMachine: ['query', 'HKLM\\Software\\Clients\\Mail', '/ve'],
  client: (name: string) => ['query', `HKLM\\Software\\Clients\\Mail\\${name}`],
  classicOutlook: [
    'query',
    'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE',
    '/ve',
  ],
  newOutlookSwitch: [
    'query',
    'HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Preferences',
    '/v',
    'UseNewOutlook',
  ],
} as const;

/** Runs `reg` with argv; resolves its stdout, or '' when the key or value does not exist (exit 1). */
export type RegRunner = (args: readonly string[]) => Promise<string>;

export const runReg: RegRunner = (args) =>
  new Promise((resolve) => {
    execFile('reg', [...args], { windowsHide: true, timeout: 10_000 }, (err, stdout) =>
      resolve(err ? '' : stdout),
    );
  });

/** Gathers the facts with `reg` and whether the new Outlook's alias exists. */
export async function readMailClientFacts(
  reg: RegRunner = runReg,
  newOutlookAliasExists: () => Promise<boolean> = () => Promise.resolve(false),
  env: NodeJS.ProcessEnv = process.env,
): Promise<MailClientFacts> {
  const defaultClient =
    defaultValueOf(await reg(REG_QUERIES.defaultUser)) ??
    defaultValueOf(await reg(REG_QUERIES.defaultMachine));
  let dll: string | null = null;
  if (defaultClient) {
    const values = parseRegQuery(await reg(REG_QUERIES.client(defaultClient)));
    const pick = (n: string) => values.find((v) => v.name.toLowerCase() === n.toLowerCase())?.data;
    const raw = pick('DllPathEx') ?? pick('DllPath');
    dll = raw ? expandEnv(raw, env) : null;
  }
  const classicOutlook = defaultValueOf(await reg(REG_QUERIES.classicOutlook)) !== null;
  const switchValue = parseRegQuery(await reg(REG_QUERIES.newOutlookSwitch))[0]?.data;
  const newOutlook = (await newOutlookAliasExists()) || switchValue === '0x1';
  return { defaultClient, dll, classicOutlook, newOutlook };
}
