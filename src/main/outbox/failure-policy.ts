// What a failed attempt means for the message and for the run. A failure after the message's bytes were
// handed over completely, without a final reply, is ambiguous: the server may have accepted it.
import { categoryOf, type ErrorCode } from '../../shared/errors.js';
import type { MailError } from '../errors/mail-error.js';

/**
 * retry: temporary (4xx, Retry-After, network trouble before the message was complete);
 * fail: permanent (5xx, invalid recipient, too large); unknown: the outcome cannot be known;
 * pause: authentication or keychain trouble, which stops the profile's queue instead of burning it.
 */
export type Verdict = 'retry' | 'fail' | 'unknown' | 'pause';

/** A mail program that cannot take a message will not take it a minute later either. */
const NEVER_RETRIED: ReadonlySet<ErrorCode> = new Set(['handoffNoProgram', 'handoffFailed']);

export function verdictFor(e: MailError, dataComplete: boolean): Verdict {
  if (NEVER_RETRIED.has(e.code)) return 'fail';
  const category = categoryOf(e.code);
  if (category === 'auth' || category === 'keychain') return 'pause';
  if (category === 'temporary') return 'retry';
  if (category === 'connection') return dataComplete ? 'unknown' : 'retry';
  if (category === 'unexpected') return dataComplete ? 'unknown' : 'fail';
  return 'fail';
}

/** For a session that cannot be opened: worth trying again later (network), or stop now (settings). */
export function sessionFailureIsTransient(e: MailError): boolean {
  return (
    e.code === 'temporary' ||
    e.code === 'connectFailed' ||
    e.code === 'timeout' ||
    e.code === 'connectionLost' ||
    e.code === 'hostNotFound'
  );
}

function baseDelayMs(): number {
  const fromEnv = Number(process.env.OPOS_MAIL_RETRY_BASE_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 10_000;
}

const MAX_DELAY_MS = 10 * 60_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * The wait before attempt `attempt + 1` (attempt = attempts made so far, 1-based): the server's
 * Retry-After when it gave one, else exponential backoff with jitter (10 s, 20 s, 40 s, … up to 10 min;
 * OPOS_MAIL_RETRY_BASE_MS changes the base).
 */
export function retryDelayMs(attempt: number, e: MailError): number {
  const after = Number(e.params.retryAfterSeconds);
  if (Number.isFinite(after) && after > 0) return Math.min(after * 1000, MAX_RETRY_AFTER_MS);
  const base = baseDelayMs();
  const exp = Math.min(base * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(exp * (0.9 + Math.random() * 0.2));
}
