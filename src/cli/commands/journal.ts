// `opos-mail journal`: the proof of sending (Versandnachweis), as text, JSON lines or CSV for Excel.
import { forTerminal } from '../terminal-text.js';
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import type { JournalEntry } from '../../shared/outbox.js';
import { MailError } from '../../main/errors/mail-error.js';
import { journalCsv, localTime } from '../../main/journal/journal-csv.js';
import type { CliContext } from '../context.js';
import { infoMessage } from '../batch-output.js';

/** `2026-11-01`, `01.11.2026` (local midnight) or an ISO date-time. */
export function parseSince(value: string): Date {
  let d: Date | undefined;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (german) d = new Date(Number(german[3]), Number(german[2]) - 1, Number(german[1]));
  else if (iso) d = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) d = new Date(value);
  if (!d || Number.isNaN(d.getTime()))
    throw new MailError('invalidOption', { detail: `--since ${value} (YYYY-MM-DD)` });
  return d;
}

function journalJson(ctx: CliContext, e: JournalEntry) {
  return e.error ? { ...e, error: { ...e.error, message: infoMessage(ctx.t, e.error) } } : e;
}

export function registerJournalCommand(program: Command, ctx: CliContext): void {
  program
    .command('journal')
    .description(
      'the journal (Versandnachweis): time, recipients, attachments with SHA-256, Message-ID, server reply',
    )
    .option('--since <date>', 'only from this date on (YYYY-MM-DD or DD.MM.YYYY)')
    .option('--csv', 'CSV for Excel (";", UTF-8 with BOM)')
    .option('--json', 'one JSON object per line per message')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: { since?: string; csv?: boolean; json?: boolean; output?: string }) => {
      if (opts.csv && opts.json) throw new MailError('invalidOption', { detail: '--csv / --json' });
      const since = opts.since ? parseSince(opts.since) : undefined;
      const entries = await ctx.service().journal(since);
      let text: string;
      if (opts.csv)
        text = journalCsv(
          entries,
          (c) => ctx.t(`batch:fields.${c}`),
          (e) => (e.error ? infoMessage(ctx.t, e.error) : ''),
          (state) => ctx.t(`batch:states.${state}`),
        );
      else if (opts.json) text = entries.map((e) => JSON.stringify(journalJson(ctx, e)) + '\n').join('');
      else if (!entries.length) text = ctx.t('batch:journalEmpty') + '\n';
      else
        text = entries
          .map(
            (e) =>
              `${localTime(e.time)}  ${ctx.t(`batch:states.${e.state}`).padEnd(14)} ${e.to.join(', ')}  „${e.subject}“${e.reference ? ` [${e.reference}]` : ''}  ${e.messageId}  ${e.response}\n`,
          )
          .join('');
      if (opts.output) await fs.writeFile(opts.output, text, { mode: 0o600 });
      else ctx.io.stdout.write(opts.csv || opts.json ? text : forTerminal(text));
    });
}
