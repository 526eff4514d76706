// `opos-mail journal`: the proof of sending (Versandnachweis), as text, JSON lines or CSV for Excel.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { forTerminal } from '../terminal-text.js';
import type { Command } from 'commander';
import type { JournalEntry } from '../../shared/outbox.js';
import { MailError } from '../../main/errors/mail-error.js';
import { journalCsvHeader, journalCsvRowLine, localTime } from '../../main/journal/journal-csv.js';
import { errorTextOfJson } from '../error-message.js';
import { CliContext as Context } from '../context.js';
import { journalEntries } from '../../main/journal/journal.js';
import { PieceWriter } from '../piece-writer.js';
import { journalJsonLine } from '../../main/journal/journal-json.js';
import { addQueryOptions, parseDate, queryOf, type QueryFlags } from '../query-flags.js';

/** `2026-11-01`, `01.11.2026` (local midnight) or an ISO date-time. */
export function parseSince(value: string): Date {
  return parseDate('--since', value);
}

/** A stored copy's place as the outbox writes it: one folder, one file name (no `.` or `..`). */
const SIMPLE_EML = /^[a-z]+\/[\w-][\w.-]*$/;

export function registerJournalCommand(program: Command, ctx: Context): void {
  const cmd = program
    .command('journal')
    .description(
      'the journal (Versandnachweis): time, recipients, attachments with SHA-256, Message-ID, server reply',
    );
  addQueryOptions(Context.withoutService(cmd), 'messages that left the queue')
    .option('--csv', 'CSV for Excel (";", UTF-8 with BOM)')
    .option('--json', 'one JSON object per line per message')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: QueryFlags & { csv?: boolean; json?: boolean; output?: string }) => {
      if (opts.csv && opts.json) throw new MailError('invalidOption', { detail: '--csv / --json' });
      const query = queryOf(opts);
      const store = await ctx.outboxStore();
      const stream = opts.output ? createWriteStream(opts.output, { mode: 0o600 }) : ctx.io.stdout;
      const out = new PieceWriter(stream);
      const stateNames = new Map<string, string>(); // translated once per state, not once per row
      const stateText = (state: JournalEntry['state']) => {
        let name = stateNames.get(state);
        if (name === undefined) stateNames.set(state, (name = ctx.t(`batch:states.${state}`)));
        return name;
      };
      const errorText = errorTextOfJson(ctx.t); // the same error text for the same error: translated once
      // `messages/<id>.eml` (or queue/, claimed/ of old data folders) joined without path.join's work
      const prefix = path.join(store.root, '.') + path.sep;
      const file = (eml: string) =>
        SIMPLE_EML.test(eml) ? prefix + eml.replace('/', path.sep) : path.join(store.root, eml);
      let count = 0;
      // the export and the JSON lines read the journal's columns and the records' fields as text,
      // not entries (constant memory, no JSON parsed per row)
      if (opts.csv) {
        await out.write(journalCsvHeader((c) => ctx.t(`batch:fields.${c}`)));
        for (const row of await store.journalRows(query))
          if (out.add(journalCsvRowLine(row, file, errorText, stateText))) await out.flush();
      } else if (opts.json) {
        for (const row of await store.journalJsonRows(query)) {
          const line = journalJsonLine(row, file, errorText);
          if (line !== null && out.add(line + '\n')) await out.flush();
        }
      } else
        for await (const e of journalEntries(store, query)) {
          count++;
          await out.write(
            (opts.output ? (t: string) => t : forTerminal)(
              `${localTime(e.time)}  ${stateText(e.state).padEnd(14)} ${e.to.join(', ')}  „${e.subject}“${e.reference ? ` [${e.reference}]` : ''}  ${e.messageId}  ${e.response}\n`,
            ),
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
