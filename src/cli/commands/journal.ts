// `opos-mail journal`: the proof of sending (Versandnachweis), as text, JSON lines or CSV for Excel.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { JournalEntry } from '../../shared/outbox.js';
import { MailError } from '../../main/errors/mail-error.js';
import { journalCsvHeader, journalCsvLine, localTime } from '../../main/journal/journal-csv.js';
import type { CliContext } from '../context.js';
import { infoMessage } from '../batch-output.js';
import { addQueryOptions, parseDate, queryOf, type QueryFlags } from '../query-flags.js';

/** `2026-11-01`, `01.11.2026` (local midnight) or an ISO date-time. */
export function parseSince(value: string): Date {
  return parseDate('--since', value);
}

function journalJson(ctx: CliContext, e: JournalEntry) {
  return e.error ? { ...e, error: { ...e.error, message: infoMessage(ctx.t, e.error) } } : e;
}

/** Writes to a stream, waiting while its buffer is full (the export runs in constant memory). */
async function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function registerJournalCommand(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('journal')
    .description(
      'the journal (Versandnachweis): time, recipients, attachments with SHA-256, Message-ID, server reply',
    );
  addQueryOptions(cmd, 'messages that left the queue')
    .option('--csv', 'CSV for Excel (";", UTF-8 with BOM)')
    .option('--json', 'one JSON object per line per message')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: QueryFlags & { csv?: boolean; json?: boolean; output?: string }) => {
      if (opts.csv && opts.json) throw new MailError('invalidOption', { detail: '--csv / --json' });
      const query = queryOf(opts);
      const entries = ctx.service().journalEntries(query);
      const out = opts.output ? createWriteStream(opts.output, { mode: 0o600 }) : ctx.io.stdout;
      const errorText = (e: JournalEntry) => (e.error ? infoMessage(ctx.t, e.error) : '');
      const stateText = (state: JournalEntry['state']) => ctx.t(`batch:states.${state}`);
      let count = 0;
      if (opts.csv)
        await writeTo(
          out,
          journalCsvHeader((c) => ctx.t(`batch:fields.${c}`)),
        );
      for await (const e of entries) {
        count++;
        if (opts.csv) await writeTo(out, journalCsvLine(e, errorText, stateText));
        else if (opts.json) await writeTo(out, JSON.stringify(journalJson(ctx, e)) + '\n');
        else
          await writeTo(
            out,
            `${localTime(e.time)}  ${stateText(e.state).padEnd(14)} ${e.to.join(', ')}  „${e.subject}“${e.reference ? ` [${e.reference}]` : ''}  ${e.messageId}  ${e.response}\n`,
          );
      }
      if (!count && !opts.csv && !opts.json) await writeTo(out, ctx.t('batch:journalEmpty') + '\n');
      if (opts.output) {
        const file = out as ReturnType<typeof createWriteStream>;
        await new Promise<void>((resolve, reject) => {
          file.once('error', reject);
          file.end(() => resolve());
        });
      }
    });
}
