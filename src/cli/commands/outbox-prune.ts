// `opos-mail outbox prune --before DATE [--with-journal] [--force]`: retention. Deletes the stored
// copies of messages that left the queue before the date (and with --with-journal their journal rows);
// refuses a date less than six years back unless --force (HGB § 257, AO § 147), saying why.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { parseDate } from '../query-flags.js';

export function registerPruneCommand(outbox: Command, ctx: CliContext): void {
  outbox
    .command('prune')
    .description('delete stored messages (and with --with-journal the journal) from before a date')
    .requiredOption('--before <date>', 'messages that left the queue before this day (YYYY-MM-DD)')
    .option('--with-journal', 'also delete their journal rows (the proof of sending)')
    .option('--force', 'allow a date less than six years back (the legal retention period)')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { before: string; withJournal?: boolean; force?: boolean; json?: boolean }) => {
      const before = parseDate('--before', opts.before);
      const { files, rows } = await ctx.service().outbox.prune(before, {
        withJournal: Boolean(opts.withJournal),
        force: Boolean(opts.force),
      });
      if (opts.json) return ctx.json({ before: before.toISOString(), files, journalRows: rows });
      ctx.out(ctx.t('batch:pruned', { files, rows, date: opts.before }));
    });
}
