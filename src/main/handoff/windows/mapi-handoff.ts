// "Windows-Standard": hands a message to the default mail program through Simple MAPI
// (MAPISendMailW), in a child process (mapi-child.ts), and turns every way that can end into a result
// or a MailError whose message says what to do: the 28 return codes, a provider that crashes, a
// library that cannot be loaded, and the dead ends found before the call (no default mail program,
// only the new Outlook).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MailError } from '../../errors/mail-error.js';
import { describeExit, spawnNodeScript, type NodeScriptLauncher } from '../child-process.js';
import { errorForMapiCode, mapiCodeName } from './mapi-codes.js';
import { judgeMailClient, readMailClientFacts, type MailClientFacts } from './mail-client-registry.js';
import {
  ANSWER_MARK,
  CALLING_MARK,
  mapiAnswerSchema,
  mapiRequestFor,
  type HandoffDraft,
  type HandoffMode,
  type MapiAnswer,
} from './mapi-request.js';

/**
 * The MAPI library: mapi32.dll on Windows. OPOS_MAIL_MAPI_LIBRARY names another one — FOR TESTS ONLY
 * (the test double in tests/helpers/mapi-double.c); it also turns off the registry check.
 */
export function mapiLibrary(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (env.OPOS_MAIL_MAPI_LIBRARY) return env.OPOS_MAIL_MAPI_LIBRARY;
  return platform === 'win32' ? 'mapi32.dll' : null;
}

export const MAPI_CHILD_SCRIPT = fileURLToPath(new URL('./mapi-child.js', import.meta.url));

export interface MapiHandoffOptions {
  mode: HandoffMode;
  /** Default: mapiLibrary(). */
  library?: string;
  /** How the child script is started (default: plain Node; the app passes a utilityProcess launcher). */
  launcher?: NodeScriptLauncher;
  /** The compiled mapi-child.js (default: beside this module). */
  childScript?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** The facts about the default mail program (default: read from the registry on Windows). */
  mailClient?: () => Promise<MailClientFacts>;
  /** false: the caller has checked the mail program already (a transport session, once). */
  precheck?: boolean;
}

export interface MapiHandoffResult {
  mode: HandoffMode;
  /** The default mail program that took the message, when known (`Microsoft Outlook`). */
  program: string | null;
  library: string;
}

async function newOutlookAliasExists(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.LOCALAPPDATA) return false;
  return fs
    .access(path.join(env.LOCALAPPDATA, 'Microsoft', 'WindowsApps', 'olk.exe'))
    .then(() => true)
    .catch(() => false);
}

/** Which program would answer, or the dead end as a MailError (Windows; null elsewhere / in tests). */
export async function checkMailClient(
  options: Pick<MapiHandoffOptions, 'env' | 'mailClient'> = {},
): Promise<{ program: string; dll: string | null } | null> {
  const env = options.env ?? process.env;
  if (!options.mailClient && (process.platform !== 'win32' || env.OPOS_MAIL_MAPI_LIBRARY)) return null;
  const facts = await (
    options.mailClient ?? (() => readMailClientFacts(undefined, () => newOutlookAliasExists(env), env))
  )();
  const verdict = judgeMailClient(facts);
  if (!verdict.ok) throw new MailError(verdict.code);
  return { program: verdict.program, dll: verdict.dll };
}

/** The marked answer line in the child's stdout, if any. */
export function findAnswer(stdout: string): MapiAnswer | null {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(ANSWER_MARK));
  if (!line) return null;
  try {
    const parsed = mapiAnswerSchema.safeParse(JSON.parse(line.slice(ANSWER_MARK.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The error a finished MAPISendMailW call stands for (null: success). */
export function mapiCallError(code: number): MailError | null {
  const error = errorForMapiCode(code);
  return error ? new MailError(error, { mapiCode: code, mapiName: mapiCodeName(code) }) : null;
}

export async function handOffViaMapi(
  draft: HandoffDraft,
  options: MapiHandoffOptions,
): Promise<MapiHandoffResult> {
  const env = options.env ?? process.env;
  const library = options.library ?? mapiLibrary(env);
  if (!library) throw new MailError('notSupportedHere', { kind: 'windows-standard', detail: 'Windows' });
  const client =
    options.precheck === false
      ? null
      : await checkMailClient({ env, ...(options.mailClient ? { mailClient: options.mailClient } : {}) });
  const request = mapiRequestFor(draft, options.mode, library, process.platform === 'win32');
  const launch = options.launcher ?? spawnNodeScript;
  let outcome;
  try {
    outcome = await launch(options.childScript ?? MAPI_CHILD_SCRIPT, JSON.stringify(request), {
      env,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    throw new MailError('handoffHelperFailed', { detail: (e as Error).message }, { cause: e });
  }
  const answer = findAnswer(outcome.stdout);
  if (!answer) {
    const exit = describeExit(outcome);
    // past the mark the provider had the message: it may have queued it before it fell over
    if (outcome.stdout.includes(CALLING_MARK)) throw new MailError('mapiProviderCrashed', { detail: exit });
    const said = outcome.stderr.trim().split(/\r?\n/).pop();
    throw new MailError('handoffHelperFailed', { detail: said ? `${exit}: ${said}` : exit });
  }
  if (answer.stage === 'load') throw new MailError('mapiUnavailable', { detail: answer.detail });
  if (answer.stage !== 'called') throw new MailError('handoffHelperFailed', { detail: answer.detail });
  const error = mapiCallError(answer.code);
  if (error) throw error;
  return { mode: options.mode, program: client?.program ?? null, library };
}
