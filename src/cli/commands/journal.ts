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

/**
 * Writes to a stream in pieces of about 256 KB (one system call each, not one per line), waiting
 * while the stream's buffer is full: the export runs in constant memory.
 */
class PieceWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const piece = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(piece)) await once(this.stream, 'drain');
  }
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
      const stream = opts.output ? createWriteStream(opts.output, { mode: 0o600 }) : ctx.io.stdout;
      const out = new PieceWriter(stream);
      const errorText = (e: JournalEntry) => (e.error ? infoMessage(ctx.t, e.error) : '');
      const stateNames = new Map<string, string>(); // translated once per state, not once per row
      const stateText = (state: JournalEntry['state']) => {
        let name = stateNames.get(state);
        if (name === undefined) stateNames.set(state, (name = ctx.t(`batch:states.${state}`)));
        return name;
      };
      let count = 0;
      if (opts.csv) await out.write(journalCsvHeader((c) => ctx.t(`batch:fields.${c}`)));
      for await (const e of entries) {
        count++;
        if (opts.csv) await out.write(journalCsvLine(e, errorText, stateText));
        else if (opts.json) await out.write(JSON.stringify(journalJson(ctx, e)) + '\n');
        else
          await out.write(
            `${localTime(e.time)}  ${stateText(e.state).padEnd(14)} ${e.to.join(', ')}  „${e.subject}“${e.reference ? ` [${e.reference}]` : ''}  ${e.messageId}  ${e.response}\n`,
          );
      }
      if (!count && !opts.csv && !opts.json) await out.write(ctx.t('batch:journalEmpty') + '\n');
      await out.flush();
      if (opts.output) {
        const file = stream as ReturnType<typeof createWriteStream>;
        await new Promise<void>((resolve, reject) => {
          file.once('error', reject);
          file.end(() => resolve());
        });
      }
    });
}
