// Checks of flag values shared by many commands: one of a list, a whole number in a range. Kept apart
// from the profile flags so a listing command loads no profile schema.
import { MailError } from '../main/errors/mail-error.js';

export function oneOf<T extends string>(flag: string, allowed: readonly T[], value: unknown): T {
  const found = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
  if (!found)
    throw new MailError('invalidOption', { detail: `${flag} ${String(value)}: ${allowed.join(' | ')}` });
  return found;
}

export function wholeNumber(flag: string, value: unknown, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new MailError('invalidOption', { detail: `${flag} ${String(value)} (${min}–${max})` });
  return n;
}
