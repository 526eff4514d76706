// `opos-mail batch MANIFEST`: a Mahnlauf from a CSV or JSON manifest through the outbox.
// Exit codes: 0 every row sent (or skipped as sent before); 2 the pre-check refused the manifest
// (nothing sent) or bad options; 3 stopped: authentication failed, the profile's queue is paused;
// 4 stopped: no connection, or at least one row is unknown; 5 at least one row failed; 6 stopped
// with rows left (Ctrl-C, daily limit, temporary failures): the same command resumes; 8 keychain;
// 10 every row went out, but the server refused some recipients (lines with state `partial`).
import v8 from 'node:v8';
import type { Command } from 'commander';
import { emptySummary, type BatchLine } from '../../shared/batch.js';
import { EXIT_CODES } from '../../shared/errors.js';
import type { BatchReport } from '../../main/batch/run-batch.js';
import { MailError } from '../../main/errors/mail-error.js';
import { localTime } from '../../main/journal/journal-csv.js';
import type { CliContext } from '../context.js';
import { errorMessage } from '../output.js';
import { invalidLines, problemText, rowLineText, withMessage } from '../batch-output.js';
import { ProgressBar } from '../progress-bar.js';
import { wholeNumber } from '../profile-flags.js';

interface BatchCliOptions {
  profile?: string;
  dryRun?: boolean;
  redirectTo?: string;
  json?: boolean;
  resendUnknown?: boolean;
  run?: string;
  connections?: string;
}

/**
 * A batch allocates much short-lived memory (message chunks): a small young generation keeps the
 * resident size flat (about 120 MB instead of 170 MB) at little cost in speed.
 */
export function lowMemoryGc(): void {
  v8.setFlagsFromString('--max-semi-space-size=2');
}

export function batchExitCode(report: BatchReport): number {
  if (report.problems.length) return EXIT_CODES.invalid;
  if (report.stopped) return report.stopped.exitCode;
  if (report.summary.failed) return EXIT_CODES.rejected;
  if (report.summary.unknown) return EXIT_CODES.connection;
  // rows left queued or being sent (by a concurrent run that did not finish them): not done
  if (report.summary.queued) return EXIT_CODES.temporary;
  if (report.summary.partial) return EXIT_CODES.partial;
  return EXIT_CODES.ok;
}

/** Ctrl-C once: finish the message in flight, then stop. Twice: leave at once. */
export function stopOnSigint(ctx: CliContext, onFirst: () => void): () => void {
  let count = 0;
  const handler = () => {
    count++;
    if (count === 1) onFirst();
    else process.exit(130);
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

export function registerBatchCommand(program: Command, ctx: CliContext): void {
  program
    .command('batch')
    .argument('<manifest>', 'CSV or JSON file: one row per message (see docs/batch.md)')
    .description('Mahnlauf: check every row, then send one message per row through the outbox')
    .option('--profile <name>', 'profile to send with (default: the active one)')
    .option('--dry-run', 'render every message into the test mailbox instead of sending')
    .option('--redirect-to <address>', 'Umleitungsmodus: send every message to this test address')
    .option('--resend-unknown', 'send rows again that an earlier run left "unknown"')
    .option('--run <name>', 'name of the run (default: the manifest path); rows are unique within a run')
    .option('--connections <n>', 'parallel connections (default: 2 for SMTP, 4 for Graph)')
    .option('--json', 'one JSON object per line per message, then a summary line')
    .action(async (manifest: string, opts: BatchCliOptions) => {
      lowMemoryGc();
      const t = ctx.t;
      const controller = new AbortController();
      const counts = emptySummary();
      const stderr = ctx.io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
      let bar: ProgressBar | undefined;
      const say = (line: string) => (bar ? bar.log(line) : ctx.err(line));
      const release = stopOnSigint(ctx, () => {
        controller.abort();
        if (!opts.json) say(t('batch:stopping'));
      });
      let report: BatchReport;
      try {
        report = await ctx.service().runBatch(manifest, {
          ...(opts.profile ? { profileName: opts.profile } : {}),
          ...(opts.dryRun ? { dryRun: true } : {}),
          ...(opts.redirectTo !== undefined ? { redirectTo: opts.redirectTo } : {}),
          ...(opts.resendUnknown ? { resendUnknown: true } : {}),
          ...(opts.run ? { run: opts.run } : {}),
          ...(opts.connections ? { connections: wholeNumber('--connections', opts.connections, 1, 16) } : {}),
          signal: controller.signal,
          onStart: ({ total, profile, dryRun }) => {
            if (opts.json) return;
            ctx.err(t(dryRun ? 'batch:startDryRun' : 'batch:start', { total, profile }));
            if (stderr.isTTY) bar = new ProgressBar(stderr, t, total);
          },
          onLine: (line: BatchLine) => {
            withMessage(t, line);
            if (line.state !== 'invalid') counts[line.state]++;
            if (opts.json) return ctx.json(line);
            if (!bar || line.state === 'failed' || line.state === 'unknown' || line.state === 'partial')
              say(rowLineText(t, line));
            bar?.update(counts);
          },
          onRetry: ({ row, error, nextAttemptAt }) => {
            if (opts.json) return;
            say(
              t('batch:retryLine', {
                row,
                time: new Date(nextAttemptAt).toLocaleTimeString(),
                detail: errorMessage(t, error),
              }),
            );
          },
        });
      } finally {
        bar?.done();
        release();
      }

      if (report.problems.length) {
        if (opts.json) for (const line of invalidLines(t, report.problems, report.references)) ctx.json(line);
        else {
          ctx.err(t('batch:precheckHeader'));
          for (const p of report.problems)
            ctx.err(t('batch:problemLine', { row: p.row, problem: problemText(t, p) }));
        }
      }
      const summary = report.summary;
      if (opts.json)
        ctx.json({
          summary,
          ...(report.stopped
            ? { stopped: { code: report.stopped.code, message: errorMessage(t, report.stopped) } }
            : {}),
        });
      if (report.problems.length)
        ctx.err(errorMessage(t, new MailError('manifestInvalid', { count: summary.invalid })));
      else {
        if (!opts.json) ctx.err(t('batch:summary', { ...summary }));
        if (report.stopped) ctx.err(errorMessage(t, report.stopped));
        if (summary.unknown && !opts.json) ctx.err(t('batch:unknownHint'));
        if (report.skippedSentUntil && !opts.json)
          ctx.err(
            t('batch:skippedHint', {
              count: summary.skipped,
              date: localTime(report.skippedSentUntil),
              run: opts.run ?? new Date().toISOString().slice(0, 7),
            }),
          );
      }
      ctx.exitCode = batchExitCode(report);
    });
}
