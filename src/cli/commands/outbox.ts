// `opos-mail outbox list|show|retry|run`: the durable outbox (Postausgang).
import type { Command } from 'commander';
import { OUTBOX_STATES, isDone, type OutboxEntry } from '../../shared/outbox.js';
import type { DeliveryOutcome } from '../../main/outbox/delivery.js';
import { CliContext } from '../context.js';
import { entryJson, infoMessage } from '../batch-output.js';
import { errorMessage, errorTextOfJson } from '../error-message.js';
import { wholeNumber } from '../flag-values.js';
import { addQueryOptions, queryOf, type QueryFlags } from '../query-flags.js';
import { registerPruneCommand } from './outbox-prune.js';
import { PieceWriter } from '../piece-writer.js';
import { EXIT_CODES } from '../../shared/errors.js';

function shortId(id: string): string {
  return id.slice(0, 8);
}

function entryLine(ctx: CliContext, e: OutboxEntry): string {
  const state = ctx.t(`batch:states.${e.state}`);
  const ref = e.reference ? ` [${e.reference}]` : '';
  return `${shortId(e.id)}  ${e.createdAt.slice(0, 19).replace('T', ' ')}  ${state.padEnd(14)} ${e.to.join(', ')}  „${e.subject}“${ref}`;
}

function entryDetails(ctx: CliContext, e: OutboxEntry): string[] {
  const t = ctx.t;
  const row = (key: string, value: string | number | undefined) =>
    value !== undefined && value !== '' ? [`  ${t(`batch:fields.${key}`)}: ${value}`] : [];
  return [
    ...row('id', e.id),
    ...row('state', t(`batch:states.${e.state}`)),
    ...row('created', e.createdAt),
    ...row('time', e.sentAt),
    ...row('profile', `${e.profileName} (${e.transport})`),
    ...row('from', e.from),
    ...row('to', e.to.join(', ')),
    ...row('cc', e.cc.join(', ')),
    ...row('bcc', e.bcc.join(', ')),
    ...row('redirectedFrom', e.redirectedFrom?.join(', ')),
    ...row('subject', e.subject),
    ...row('kind', e.kind),
    ...row('reference', e.reference),
    ...e.attachments.map(
      (a) => `  ${t('batch:fields.attachments')}: ${a.filename} (${a.size} B, SHA-256 ${a.sha256})`,
    ),
    ...row('messageId', e.messageId),
    ...row('response', e.response),
    ...row('attempts', e.attempts),
    ...row('nextAttempt', e.nextAttemptAt),
    ...(e.refused ?? []).map((r) => `  ${t('batch:fields.refused')}: ${r.address} (${r.response})`),
    ...row('error', e.error ? infoMessage(t, e.error) : undefined),
    ...row('file', e.file),
  ];
}

function outcomeJson(ctx: CliContext, o: DeliveryOutcome) {
  const r = o.located.record;
  return {
    id: r.id,
    reference: r.reference ?? null,
    state: o.state,
    messageId: r.messageId,
    response: r.response ?? null,
    attempts: r.attempts,
    ...(r.refused && o.state === 'partial' ? { refused: r.refused } : {}),
    ...(o.error ? { error: { ...o.error.toInfo(), message: errorMessage(ctx.t, o.error) } } : {}),
  };
}

export function registerOutboxCommands(program: Command, ctx: CliContext): void {
  const outbox = program
    .command('outbox')
    .description('the outbox (Postausgang): every message before and after sending');

  addQueryOptions(
    CliContext.withoutService(
      outbox.command('list').description(`list the messages with their state (${OUTBOX_STATES.join(', ')})`),
    ),
    'messages created',
  )
    .option('--json', 'one JSON object per line per message')
    .action(async (opts: QueryFlags & { json?: boolean }) => {
      let count = 0;
      const out = new PieceWriter(ctx.io.stdout);
      const store = await ctx.outboxStore();
      const query = { ...queryOf(opts), view: 'outbox' as const };
      if (opts.json) {
        // JSON lines spliced from the records' JSON (db/rows.ts entryJsonOfRow), errors named once
        for (const line of await store.entryJson(query, errorTextOfJson(ctx.t)))
          if (out.add(line + '\n')) await out.flush();
      } else
        for await (const e of store.entries(query)) {
          count++;
          await out.write(entryLine(ctx, e) + '\n');
        }
      await out.flush();
      if (!count && !opts.json) ctx.out(ctx.t('batch:outboxEmpty'));
    });

  registerPruneCommand(outbox, ctx);

  outbox
    .command('show')
    .argument('<id>', 'message ID (the first characters are enough)')
    .description('show one message: recipients, attachments with SHA-256, server reply, stored copy')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const e = await ctx.service().outbox.show(id);
      if (opts.json) return ctx.json(entryJson(ctx.t, e));
      for (const line of entryDetails(ctx, e)) ctx.out(line);
    });

  outbox
    .command('retry')
    .argument('[ids...]', 'message IDs (default: every failed message)')
    .description('put failed messages back in the queue (unknown ones only with --resend-unknown)')
    .option('--resend-unknown', 'also requeue messages whose outcome is unknown (they may arrive twice)')
    .option('--json', 'one JSON object per line per message')
    .action(async (ids: string[], opts: { resendUnknown?: boolean; json?: boolean }) => {
      const entries = await ctx.service().outbox.retry(ids, { resendUnknown: Boolean(opts.resendUnknown) });
      if (opts.json) return entries.forEach((e) => ctx.json(entryJson(ctx.t, e)));
      const requeued = entries.filter((e) => e.state === 'queued');
      for (const e of entries)
        if (e.state !== 'queued')
          ctx.err(ctx.t('batch:notRequeued', { id: shortId(e.id), state: ctx.t(`batch:states.${e.state}`) }));
      ctx.out(ctx.t('batch:requeued', { count: requeued.length }));
    });

  outbox
    .command('run')
    .description('send everything queued (after a crash: what was being sent becomes "unknown")')
    .option('--profile <name>', "only this profile's messages")
    .option('--resend-unknown', 'first requeue every message whose outcome is unknown')
    .option('--connections <n>', 'parallel connections (default: 2 for SMTP, 4 for Graph)')
    .option('--json', 'one JSON object per line per message, then a summary line')
    .action(
      async (opts: { profile?: string; resendUnknown?: boolean; connections?: string; json?: boolean }) => {
        const service = ctx.service();
        const { stopOnSigint } = await import('./batch.js');
        // the profile's name as everywhere else (case-insensitive); an unknown one is refused (exit 2)
        const profileName = opts.profile ? (await service.profiles.get(opts.profile)).name : undefined;
        if (opts.resendUnknown) {
          const unknown = (await service.outbox.list({ state: 'unknown' })).map((e) => e.id);
          if (unknown.length) await service.outbox.retry(unknown, { resendUnknown: true });
        }
        const controller = new AbortController();
        const release = stopOnSigint(ctx, () => {
          controller.abort();
          if (!opts.json) ctx.err(ctx.t('batch:stopping'));
        });
        let summary;
        try {
          summary = await service.outbox.run({
            ...(profileName ? { profileName } : {}),
            ...(opts.connections
              ? { connections: wholeNumber('--connections', opts.connections, 1, 16) }
              : {}),
            signal: controller.signal,
            onOutcome: (o) => {
              if (opts.json) return ctx.json(outcomeJson(ctx, o));
              if (!isDone(o.state))
                ctx.err(
                  entryLine(ctx, service.outbox.store.entry(o.located)) +
                    (o.error ? ` – ${errorMessage(ctx.t, o.error)}` : ''),
                );
            },
          });
        } finally {
          release();
        }
        const { stopped, ...counts } = summary;
        if (opts.json)
          ctx.json({
            summary: counts,
            ...(stopped ? { stopped: { code: stopped.code, message: errorMessage(ctx.t, stopped) } } : {}),
          });
        else {
          if (counts.recovered) ctx.err(ctx.t('batch:outboxRecovered', { count: counts.recovered }));
          ctx.out(ctx.t('batch:outboxRun', counts));
        }
        if (stopped) {
          if (!opts.json) ctx.err(errorMessage(ctx.t, stopped));
          ctx.exitCode = stopped.exitCode;
        } else if (counts.failed) ctx.exitCode = EXIT_CODES.rejected;
        else if (counts.unknown) ctx.exitCode = EXIT_CODES.connection;
        else if (counts.partial) ctx.exitCode = EXIT_CODES.partial;
      },
    );
}
