// A batch run ("Mahnlauf"): check every row, then queue and send them through the outbox while the
// next rows are being rendered. Rows are identified across runs (reference, else content hash, within
// the run's scope), so running the same command again skips what was sent, leaves unknown ones alone
// unless asked, and sends the rest: nothing twice.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normaliseAddress } from '../../shared/address.js';
import { emptySummary, type BatchLine, type BatchSummary, type RowProblem } from '../../shared/batch.js';
import { kindSpec } from '../../shared/connection-kinds.js';
import { isDone } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { MailError, toMailError } from '../errors/mail-error.js';
import { normaliseDraft, prepareMessage, type NormalisedDraft } from '../mail/compose.js';
import type { DeliveryOutcome } from '../outbox/delivery.js';
import type { LocatedRecord } from '../outbox/outbox-record.js';
import type { OutboxService } from '../outbox/outbox-service.js';
import type { Transport } from '../transports/transport.js';
import { forEachLimit } from './for-each-limit.js';
import { openManifest, type ManifestSource } from './manifest-read.js';
import { batchItems, precheck, type BatchItem, type Precheck } from './precheck.js';

/** Rows rendered and stored in parallel while earlier ones are being sent. */
const RENDER_AHEAD = Number(process.env.OPOS_MAIL_RENDER_AHEAD || 4);
/** Rendered messages waiting for a connection, at most (memory stays flat for any batch size). */
const READY_LIMIT = 16;

export interface BatchOptions {
  /** Render every message into the test mailbox instead of sending (nothing is queued). */
  dryRun?: boolean;
  /** Umleitungsmodus: every message goes to this address; the original recipients are shown in it. */
  redirectTo?: string;
  /** Names the run (default: the manifest's absolute path); rows are unique within a run. */
  run?: string;
  /** Send rows that an earlier, interrupted run left `unknown` again. */
  resendUnknown?: boolean;
  connections?: number;
  signal?: AbortSignal;
  /** Called once the pre-check passed, with the number of rows. */
  onStart?: (info: { total: number; profile: string; dryRun: boolean }) => void;
  onLine?: (line: BatchLine) => void;
  /** A temporary failure: the row waits and is tried again. */
  onRetry?: (info: { row: number; error: MailError; nextAttemptAt: string }) => void;
}

export interface BatchCheck extends Precheck {
  /** The manifest, read once: sending makes a second pass over the same text. */
  source: ManifestSource;
}

export interface BatchReport {
  summary: BatchSummary;
  /** Why the run ended with rows left (auth, connection, daily limit, interrupted). */
  stopped?: MailError;
  /** Pre-check problems (nothing was sent when there are any). */
  problems: RowProblem[];
  /** The reference of each row with a problem (row → reference), to report problems by reference too. */
  references?: Record<number, string>;
  /**
   * When rows were skipped as sent by an earlier run of the same name: the newest of those sends.
   * Next month's Mahnlauf from the same file path with the same references would otherwise skip
   * every row; the CLI says so and how to name a new run.
   */
  skippedSentUntil?: string;
}

export interface BatchDeps {
  dataFolder: string;
  outbox: OutboxService;
  transportFor(profile: Profile): Transport;
}

export async function checkBatch(manifestFile: string, profile: Profile): Promise<BatchCheck> {
  const source = await openManifest(manifestFile);
  return { source, ...(await precheck(source, profile)) };
}

function redirectNote(original: string[]): string {
  return `[Umleitungsmodus / redirect mode] Original recipients: ${original.join(', ')}\r\n\r\n`;
}

/** The message as it will be sent: normalised, and redirected when asked. */
async function draftFor(profile: Profile, item: BatchItem, redirectTo?: string): Promise<NormalisedDraft> {
  const d = await normaliseDraft(profile, item.draft, { readableChecked: true }); // by the pre-check
  if (!redirectTo) return d;
  const original = [...d.to, ...d.cc, ...d.bcc];
  return {
    ...d,
    to: [redirectTo],
    cc: [],
    bcc: [],
    text: redirectNote(original) + d.text,
    originalRecipients: original,
  };
}

const STATE_RANK: Record<LocatedRecord['state'], number> = {
  failed: 0,
  unknown: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  partial: 4,
  handedOff: 4,
};

export async function runBatch(
  deps: BatchDeps,
  manifestFile: string,
  profile: Profile,
  options: BatchOptions = {},
): Promise<BatchReport> {
  let redirectTo: string | undefined;
  if (options.redirectTo !== undefined) {
    redirectTo = normaliseAddress(options.redirectTo) ?? undefined;
    if (!redirectTo)
      throw new MailError('invalidAddress', { address: options.redirectTo, field: '--redirect-to' });
  }
  const check = await checkBatch(manifestFile, profile);
  const summary = emptySummary();
  if (check.problems.length) {
    summary.invalid = new Set(check.problems.map((p) => p.row)).size;
    return { summary, problems: check.problems, references: check.references };
  }
  if (!options.dryRun && kindSpec(profile.connection).handoff && check.rows > profile.handoff.maxBatchRows)
    // every row would open a window of its own in the mail program: refuse before the first one
    throw new MailError('handoffBatchTooLarge', {
      rows: check.rows,
      limit: profile.handoff.maxBatchRows,
      profile: profile.name,
    });
  const emit = (line: BatchLine) => options.onLine?.(line);
  options.onStart?.({ total: check.rows, profile: profile.name, dryRun: Boolean(options.dryRun) });
  const items = batchItems(check.source); // the second pass: one row at a time

  if (options.dryRun) return dryRun(deps, profile, items, check.rows, redirectTo, options, summary);

  const scope = (options.run ?? check.source.file) + (redirectTo ? ` | redirect:${redirectTo}` : '');
  const outbox = deps.outbox;
  await outbox.store.recover();
  const known = await outbox.store.list();
  const existing = new Map<string, LocatedRecord>();
  for (const l of known) {
    if (l.record.batch?.scope !== scope) continue;
    const seen = existing.get(l.record.batch.key);
    if (!seen || STATE_RANK[l.state] > STATE_RANK[seen.state]) existing.set(l.record.batch.key, l);
  }

  const rowOf = new Map<string, BatchItem>();
  let skippedSentUntil: string | undefined;
  const lineFor = (item: BatchItem, l: LocatedRecord, state: BatchLine['state']): BatchLine => ({
    row: item.row,
    reference: item.reference || null,
    state,
    messageId: l.record.messageId,
    response: l.record.response ?? null,
    to: l.record.to,
    outboxId: l.record.id,
    attempts: l.record.attempts,
    ...(state === 'partial' && l.record.refused ? { refused: l.record.refused } : {}),
    ...(l.record.handoff ? { handoff: l.record.handoff } : {}),
  });

  const delivery = outbox.createDelivery(profile, known, {
    ...(options.connections ? { connections: options.connections } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onOutcome: (o: DeliveryOutcome) => {
      const item = rowOf.get(o.located.record.id);
      if (!item) return;
      if (o.state === 'queued') {
        if (o.error && o.located.record.nextAttemptAt)
          options.onRetry?.({ row: item.row, error: o.error, nextAttemptAt: o.located.record.nextAttemptAt });
        return;
      }
      rowOf.delete(o.located.record.id); // settled: a long run holds only the rows in flight
      summary[o.state]++;
      const line = lineFor(item, o.located, o.state);
      if (o.error) line.error = { ...o.error.toInfo(), message: '' };
      emit(line);
    },
  });

  const handle = async (item: BatchItem): Promise<void> => {
    if (delivery.stopping) return;
    const before = existing.get(item.key);
    if (before && isDone(before.state)) {
      summary.skipped++;
      const at = before.record.sentAt ?? before.record.updatedAt;
      if (!skippedSentUntil || at > skippedSentUntil) skippedSentUntil = at;
      return emit(lineFor(item, before, 'skipped'));
    }
    if (before?.state === 'sending') return; // another process is sending it right now
    if (before?.state === 'unknown' && !options.resendUnknown) {
      summary.unknown++;
      const line = lineFor(item, before, 'unknown');
      if (before.record.error) line.error = { ...before.record.error, message: '' };
      return emit(line);
    }
    let queued: LocatedRecord;
    if (before?.state === 'queued') queued = before;
    else if (before?.state === 'unknown')
      queued = await outbox.store.transition(before, 'queued', { attempts: 0, code: 'resendUnknown' });
    else {
      try {
        const draft = await draftFor(profile, item, redirectTo);
        queued = await outbox.store.enqueue(profile, draft, {
          batch: { scope, key: item.key, row: item.row },
          ...(redirectTo ? { redirectedFrom: draft.originalRecipients ?? [] } : {}),
          renderOnWorker: true,
        });
      } catch (e) {
        const err = toMailError(e);
        summary.failed++;
        return emit({
          row: item.row,
          reference: item.reference || null,
          state: 'failed',
          messageId: null,
          response: null,
          error: { ...err.toInfo(), message: '' },
        });
      }
    }
    rowOf.set(queued.record.id, item);
    await delivery.room(READY_LIMIT);
    delivery.add(queued);
  };
  // Rendering and storing run a few rows ahead of sending, several at a time (their fsyncs overlap).
  const produce = async () => {
    try {
      await forEachLimit(items, RENDER_AHEAD, handle);
    } finally {
      delivery.endOfInput();
    }
  };
  const [, result] = await Promise.all([produce(), delivery.run()]);
  summary.queued =
    check.rows -
    summary.sent -
    summary.handedOff -
    summary.partial -
    summary.failed -
    summary.unknown -
    summary.skipped;
  return {
    summary,
    problems: [],
    ...(result.stopped ? { stopped: result.stopped } : {}),
    ...(skippedSentUntil ? { skippedSentUntil } : {}),
  };
}

/** --dry-run: every message rendered into the test mailbox, nothing queued or sent. */
async function dryRun(
  deps: BatchDeps,
  profile: Profile,
  items: Iterable<BatchItem>,
  total: number,
  redirectTo: string | undefined,
  options: BatchOptions,
  summary: BatchSummary,
): Promise<BatchReport> {
  const box: Profile = { ...profile, connection: 'test-mailbox' };
  const session = await deps.transportFor(box).openSession();
  const tmpDir = path.join(deps.dataFolder, 'tmp');
  try {
    for (const item of items) {
      if (options.signal?.aborted) break;
      const file = path.join(tmpDir, `${randomUUID()}.eml`);
      try {
        const prepared = await prepareMessage(box, await draftFor(box, item, redirectTo), file);
        const result = await session.send(prepared);
        summary.sent++;
        options.onLine?.({
          row: item.row,
          reference: item.reference || null,
          state: 'sent',
          messageId: result.messageId,
          response: result.response,
          to: prepared.envelope.to,
          dryRun: true,
          ...(result.file ? { file: result.file } : {}),
        });
      } catch (e) {
        const err = toMailError(e);
        summary.failed++;
        options.onLine?.({
          row: item.row,
          reference: item.reference || null,
          state: 'failed',
          messageId: null,
          response: null,
          dryRun: true,
          error: { ...err.toInfo(), message: '' },
        });
      } finally {
        await fs.rm(file, { force: true });
      }
    }
  } finally {
    await session.close();
  }
  summary.queued = total - summary.sent - summary.failed;
  const stopped =
    summary.queued > 0 && options.signal?.aborted ? new MailError('batchInterrupted') : undefined;
  return { summary, problems: [], ...(stopped ? { stopped } : {}) };
}
