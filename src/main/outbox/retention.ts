// Retention of the proof of sending: a Mahnung is a commercial letter, which HGB § 257 and AO § 147
// (GoBD) require to be kept for six years. Deleting stored copies (and, on request, journal rows) from
// a date less than six years back is refused unless forced, with the reason.
import { MailError } from '../errors/mail-error.js';

export const RETENTION_YEARS = 6;

/** The latest date `prune --before` accepts without --force: the same day six years ago. */
export function earliestPruneDate(today: Date = new Date()): Date {
  return new Date(today.getFullYear() - RETENTION_YEARS, today.getMonth(), today.getDate());
}

/** A date as the local day it falls on, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Throws pruneTooRecent when `before` lies less than six years back and `force` is not given. */
export function checkRetention(before: Date, force: boolean, today: Date = new Date()): void {
  const earliest = earliestPruneDate(today);
  if (!force && before.getTime() > earliest.getTime())
    throw new MailError('pruneTooRecent', { date: localDay(before), earliest: localDay(earliest) });
}
