// The filters `opos-mail journal` and `opos-mail outbox list` share: --since, --until, --state,
// --reference, --to, --limit. Dates are local days (YYYY-MM-DD or DD.MM.YYYY) or ISO date-times;
// --until includes the day it names.
import type { Command } from 'commander';
import { OUTBOX_STATES } from '../shared/outbox.js';
import { MailError } from '../main/errors/mail-error.js';
import type { MessageQuery } from '../main/outbox/db/queries.js';
import { oneOf, wholeNumber } from './flag-values.js';

export interface QueryFlags {
  since?: string;
  until?: string;
  state?: string;
  reference?: string;
  to?: string;
  limit?: string;
}

/** A date flag: `2026-11-01`, `01.11.2026` (local midnight; `endOfDay`: the next midnight) or ISO. */
export function parseDate(flag: string, value: string, endOfDay = false): Date {
  let d: Date | undefined;
  const v = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const day = endOfDay ? 1 : 0;
  if (german) d = new Date(Number(german[3]), Number(german[2]) - 1, Number(german[1]) + day);
  else if (iso) d = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]) + day);
  else if (/^\d{4}-\d{2}-\d{2}T/.test(v)) d = new Date(v);
  if (!d || Number.isNaN(d.getTime()))
    throw new MailError('invalidOption', { detail: `${flag} ${value} (YYYY-MM-DD)` });
  return d;
}

export function addQueryOptions(cmd: Command, what: string): Command {
  return cmd
    .option('--since <date>', `only ${what} from this day on (YYYY-MM-DD or DD.MM.YYYY)`)
    .option('--until <date>', `only ${what} up to and including this day`)
    .option('--state <state>', `only this state: ${OUTBOX_STATES.join(' | ')}`)
    .option('--reference <ref>', 'only this reference (Belegnummer), exactly')
    .option('--to <address>', 'only messages to this address (to, cc or bcc)')
    .option('--limit <n>', 'only the newest N');
}

export function queryOf(opts: QueryFlags): Omit<MessageQuery, 'view'> {
  return {
    ...(opts.since ? { since: parseDate('--since', opts.since) } : {}),
    ...(opts.until ? { until: parseDate('--until', opts.until, true) } : {}),
    ...(opts.state ? { state: oneOf('--state', OUTBOX_STATES, opts.state) } : {}),
    ...(opts.reference !== undefined ? { reference: opts.reference } : {}),
    ...(opts.to !== undefined ? { to: opts.to } : {}),
    ...(opts.limit !== undefined ? { limit: wholeNumber('--limit', opts.limit, 1, 10_000_000) } : {}),
  };
}
