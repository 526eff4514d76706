// "Outlook": hands a message to classic Outlook through its object model, by running the PowerShell
// script shipped in resources/windows/outlook-handoff.ps1 (never assembled from strings). Every piece
// of data, the password of "Anmelden" included, goes to the script as JSON on stdin: argv holds only
// the fixed switches and the script's path. The script answers with one JSON line; this module turns
// its stage and HRESULT into a result or a MailError.
import { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors.js';
import { MailError } from '../../errors/mail-error.js';
import { resourceFile } from '../../platform/resources.js';
import { describeExit, runProcess, type ChildOutcome, type RunOptions } from '../child-process.js';
import type { HandoffDraft, HandoffMode } from './mapi-request.js';

export const OUTLOOK_SCRIPT_NAME = 'outlook-handoff.ps1';
export const RESULT_MARK = 'OPOS-OUTLOOK-RESULT ';

/** The script's input: every key always present (the script runs under Set-StrictMode). */
export const outlookInputSchema = z.object({
  version: z.literal(1),
  action: z.enum(['display', 'send', 'test']),
  from: z.string().nullable(),
  logon: z.object({ profile: z.string(), password: z.string() }).nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ path: z.string(), name: z.string() })),
});
export type OutlookInput = z.infer<typeof outlookInputSchema>;

export const outlookOutputSchema = z.union([
  z.object({
    ok: z.literal(true),
    action: z.enum(['display', 'send', 'test']),
    program: z.string(),
    profile: z.string().nullable(),
    account: z.string().nullable(),
    accountFallback: z.boolean(),
    unresolved: z.array(z.string()).nullable().optional(),
  }),
  z.object({
    ok: z.literal(false),
    stage: z.string(),
    hresult: z.string().nullable(),
    detail: z.string().nullable(),
    newOutlook: z.boolean().optional(),
    names: z.union([z.array(z.string()), z.string()]).optional(),
    file: z.string().optional(),
  }),
]);
export type OutlookOutput = z.infer<typeof outlookOutputSchema>;

export interface OutlookSettings {
  /** The profile's sender address: picks the Outlook account that sends. */
  from?: string | null;
  /** "Anmelden": an Outlook profile and its password (from the keychain). */
  logon?: { profile: string; password: string } | null;
}

/** The JSON the script reads (pure; the message as it is, no quoting of any kind needed). */
export function outlookInput(
  draft: HandoffDraft | null,
  action: OutlookInput['action'],
  settings: OutlookSettings,
): OutlookInput {
  return {
    version: 1,
    action,
    from: settings.from || null,
    logon: settings.logon ?? null,
    to: draft?.to ?? [],
    cc: draft?.cc ?? [],
    bcc: draft?.bcc ?? [],
    subject: draft?.subject ?? '',
    body: (draft?.text ?? '').replace(/\r?\n/g, '\r\n'),
    attachments: (draft?.attachments ?? []).map((a) => ({ path: a.path, name: a.filename })),
  };
}

/** The fixed argv: switches and the script's path, nothing else. */
export function outlookArgv(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-STA', '-ExecutionPolicy', 'Bypass', '-File', script];
}

/** The script in the app's resources (packaged), or in the project's resources/ (CLI, tests). */
export function outlookScriptPath(): string {
  return resourceFile(`windows/${OUTLOOK_SCRIPT_NAME}`);
}

const E_ABORT = '0x80004004';
const CO_E_SERVER_EXEC_FAILURE = '0x80080005';
const REGDB_E_CLASSNOTREG = '0x80040154';

/** What a failed stage of the script means for the user. */
export function outlookError(
  out: Extract<OutlookOutput, { ok: false }>,
  settings: OutlookSettings,
): MailError {
  const hr = out.hresult?.toUpperCase().replace(/^0X/, '0x') ?? null;
  const detail = [hr, out.detail].filter(Boolean).join(' ');
  const make = (code: ErrorCode, params: Record<string, string> = {}) =>
    new MailError(code, { detail, ...params });
  if (hr === E_ABORT) return make('outlookGuardDenied');
  if (hr === CO_E_SERVER_EXEC_FAILURE) return make('outlookElevated');
  switch (out.stage) {
    case 'create':
      if (hr === REGDB_E_CLASSNOTREG) return make(out.newOutlook ? 'newOutlookOnly' : 'outlookNotInstalled');
      return make('outlookFailed');
    case 'profile':
      return make('outlookProfileUnknown', { outlookProfile: settings.logon?.profile ?? '' });
    case 'logon':
      return make('outlookLogonFailed', { outlookProfile: settings.logon?.profile ?? '' });
    case 'account':
      return make('outlookAccountNotFound', { from: settings.from ?? '' });
    case 'recipients':
      return make('outlookRecipientsUnresolved', {
        names: ([] as string[]).concat(out.names ?? []).join(', '),
      });
    case 'attach':
      return make('outlookAttachmentUnreadable', { file: out.file ?? '' });
    case 'request':
      return new MailError('handoffHelperFailed', { detail });
    default:
      return make('outlookFailed');
  }
}

export interface OutlookResult {
  action: OutlookInput['action'];
  /** `Microsoft Outlook 16.0.…`. */
  program: string;
  /** The Outlook profile in use. */
  profile: string | null;
  /** The sending account's name. */
  account: string | null;
  /** The sender address has no account in Outlook: its default account was used (a warning). */
  accountFallback: boolean;
  /** Display only: recipients Outlook could not resolve (the user sees them in the window). */
  unresolved: string[];
}

/** The script's answer line, or null when it printed none that parses. */
export function parseOutlookOutput(stdout: string): OutlookOutput | null {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(RESULT_MARK));
  if (!line) return null;
  try {
    const parsed = outlookOutputSchema.safeParse(JSON.parse(line.slice(RESULT_MARK.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type ProcessRunner = (
  command: string,
  args: readonly string[],
  input: string,
  options: RunOptions,
) => Promise<ChildOutcome>;

export interface OutlookHandoffOptions extends OutlookSettings {
  /** Default `powershell.exe` (Windows PowerShell 5.1, on every Windows 10/11). */
  powershell?: string;
  script?: string;
  run?: ProcessRunner;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Runs the script: `display`/`send` a message, or `test` (which profile and account would be used). */
export async function runOutlook(
  draft: HandoffDraft | null,
  action: OutlookInput['action'],
  options: OutlookHandoffOptions = {},
): Promise<OutlookResult> {
  const input = outlookInputSchema.parse(outlookInput(draft, action, options));
  const run = options.run ?? runProcess;
  let outcome: ChildOutcome;
  try {
    outcome = await run(
      options.powershell ?? 'powershell.exe',
      outlookArgv(options.script ?? outlookScriptPath()),
      JSON.stringify(input),
      {
        env: options.env ?? process.env,
        windowsHide: true,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  } catch (e) {
    throw new MailError('handoffHelperFailed', { detail: (e as Error).message }, { cause: e });
  }
  const out = parseOutlookOutput(outcome.stdout);
  if (!out) {
    const said = outcome.stderr.trim().split(/\r?\n/).pop();
    const exit = describeExit(outcome);
    throw new MailError('handoffHelperFailed', { detail: said ? `${exit}: ${said}` : exit });
  }
  if (!out.ok) throw outlookError(out, options);
  return {
    action: out.action,
    program: out.program,
    profile: out.profile,
    account: out.account,
    accountFallback: out.accountFallback,
    unresolved: out.unresolved ?? [],
  };
}

export function outlookAction(mode: HandoffMode): 'display' | 'send' {
  return mode === 'compose' ? 'display' : 'send';
}
