// A batch run ("Mahnlauf"): check every row, then queue and send them through the outbox while the
// next rows are being rendered. Rows are identified across runs (reference, else content hash, within
// the run's scope), so running the same command again skips what was sent, leaves unknown ones alone
// unless asked, and sends the rest: nothing twice.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normaliseAddress } from '../../shared/address.js';
import { emptySummary, type BatchLine, type BatchSummary, type RowProblem } from '../../shared/batch.js';
import type { MailTemplate } from '../../shared/mail-templates.js';
import { kindSpec } from '../../shared/connection-kinds.js';
import { isDone } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { diskFullOr } from '../errors/disk-full.js';
import { MailError, toMailError } from '../errors/mail-error.js';
import { normaliseDraft, prepareMessage, type NormalisedDraft } from '../mail/compose.js';
import type { DeliveryOutcome } from '../outbox/delivery.js';
import type { LocatedRecord } from '../outbox/outbox-record.js';
import type { OutboxService } from '../outbox/outbox-service.js';
import type { Transport } from '../transports/transport.js';
import { forEachLimit } from './for-each-limit.js';
import { openManifest, type ManifestSource } from './manifest-read.js';
import { batchItems, precheck, type BatchItem, type Precheck } from './precheck.js';
import { loadTemplates, type LoadedTemplates } from './row-template.js';

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
  /** The e-mail templates the rows were checked with (the second pass uses the same). */
  templates: LoadedTemplates;
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
  /** The data folder's e-mail templates (read only when a row uses one). */
  templates?: () => Promise<readonly MailTemplate[]>;
}

export async function checkBatch(
  manifestFile: string,
  profile: Profile,
  templatesOf: () => Promise<readonly MailTemplate[]> = () => Promise.resolve([]),
): Promise<BatchCheck> {
  const source = await openManifest(manifestFile);
  const templates = await loadTemplates(templatesOf);
  return { source, templates, ...(await precheck(source, profile, templates)) };
}

function redirectNote(original: string[]): string {
  return `[Umleitungsmodus / redirect mode] Original recipients: ${original.join(', ')}\r\n\r\n`;
}

/** The message as it will be sent: normalised, and redirected when asked. */
async function draftFor(profile: Profile, item: BatchItem, redirectTo?: string): Promise<NormalisedDraft> {
  const d = await normaliseDraft(profile, item.draft, { readableChecked: true }); // by the pre-check
  if (!redirectTo) return d;
  const original = [...d.to, ...d.cc, ...d.bcc];
  const { controlCopy: _controlCopy, ...rest } = d; // a test run sends no Kontrollkopie either
  return {
    ...rest,
    to: [redirectTo],
    cc: [],
    bcc: [],
    text: redirectNote(original) + d.text,
    originalRecipients: original,
  };
}

/** How long a row another run left queued is waited for before this run reports it queued. */
const FOREIGN_QUEUED_MS = Number(process.env.OPOS_MAIL_FOREIGN_WAIT_MS || 30_000);

/**
 * Waits for the rows a concurrent run holds until it has settled them (or died: then they become
 * unknown), and reports each. A row that run leaves queued is waited for a while, then left queued.
 */
async function settleForeign(
  store: OutboxService['store'],
  foreign: Map<string, BatchItem>,
  signal: AbortSignal | undefined,
  report: (item: BatchItem, l: LocatedRecord) => void,
): Promise<void> {
  let lastChange = Date.now();
  while (foreign.size && !signal?.aborted) {
    let waiting = false;
    await store.recover(); // a holder that died: its messages become unknown
    for (const [id, item] of foreign) {
      const l = await store.get(id);
      if (l.state === 'queued' || l.state === 'sending') {
        if (l.state === 'sending' || Date.now() - lastChange < FOREIGN_QUEUED_MS) waiting = true;
        continue;
      }
      foreign.delete(id);
      lastChange = Date.now();
      report(item, l);
    }
    if (!waiting) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

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
  const check = await checkBatch(manifestFile, profile, deps.templates);
  const summary = emptySummary();
  if (check.problems.length) {
    summary.invalid = new Set(check.problems.map((p) => p.row)).size;
    return { summary, problems: check.problems, references: check.references };
  }
  const emit = (line: BatchLine) => options.onLine?.(line);
  options.onStart?.({ total: check.rows, profile: profile.name, dryRun: Boolean(options.dryRun) });
  if (
    !options.dryRun &&
    kindSpec(profile.connection).handoff &&
    // "direkt senden" (Windows-Standard, Outlook) opens no window: only the compose mode is limited
    (profile.handoff.mode === 'compose' || kindSpec(profile.connection).handoffModes.length < 2) &&
    check.rows > profile.handoff.maxBatchRows
  )
    // every row would open a window of its own in the mail program: refuse before the first one
    throw new MailError('handoffBatchTooLarge', {
      rows: check.rows,
      limit: profile.handoff.maxBatchRows,
      profile: profile.name,
    });
  const items = batchItems(check.source, check.templates); // the second pass: one row at a time

  if (options.dryRun) return dryRun(deps, profile, items, check.rows, redirectTo, options, summary);

  const scope = (options.run ?? check.source.file) + (redirectTo ? ` | redirect:${redirectTo}` : '');
  const outbox = deps.outbox;
  const store = outbox.store;
  await store.recover();

  const rowOf = new Map<string, BatchItem>();
  /** Rows whose message another process holds (a concurrent run): reported once it settles them. */
  const foreign = new Map<string, BatchItem>();
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

  const delivery = await outbox.createDelivery(profile, {
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
  // a concurrent run claimed a message this run had queued for it: that run sends it
  delivery.onTaken = (l) => {
    const item = rowOf.get(l.record.id);
    if (!item) return;
    rowOf.delete(l.record.id);
    foreign.set(l.record.id, item);
  };

  /** A row that already has a message: reported, sent, or left to the process that holds it. */
  const existingRow = async (item: BatchItem, before: LocatedRecord): Promise<LocatedRecord | null> => {
    if (isDone(before.state)) {
      summary.skipped++;
      const at = before.record.sentAt ?? before.record.updatedAt;
      if (!skippedSentUntil || at > skippedSentUntil) skippedSentUntil = at;
      emit(lineFor(item, before, 'skipped'));
      return null;
    }
    if (before.state === 'sending') {
      foreign.set(before.record.id, item); // another process is sending it right now
      return null;
    }
    if (before.state === 'unknown' && !options.resendUnknown) {
      summary.unknown++;
      const line = lineFor(item, before, 'unknown');
      if (before.record.error) line.error = { ...before.record.error, message: '' };
      emit(line);
      return null;
    }
    if (before.state === 'queued') return before;
    if (before.state === 'unknown') {
      try {
        return await store.transition(before, 'queued', { attempts: 0, code: 'resendUnknown' });
      } catch (e) {
        if (!(e instanceof MailError && e.code === 'outboxBusy')) throw e;
        foreign.set(before.record.id, item); // a concurrent run requeued it first
        return null;
      }
    }
    return null;
  };

  const handle = async (item: BatchItem): Promise<void> => {
    if (delivery.stopping) return;
    const before = await store.byBatchRow(scope, item.key);
    let queued: LocatedRecord | null;
    if (before && before.state !== 'failed') queued = await existingRow(item, before);
    else {
      try {
        const draft = await draftFor(profile, item, redirectTo);
        const r = await store.enqueueRow(profile, draft, {
          batch: { scope, key: item.key, row: item.row },
          ...(redirectTo ? { redirectedFrom: draft.originalRecipients ?? [] } : {}),
          renderOnWorker: true,
        });
        // another run queued the row between our look and our insert: its message counts
        queued = 'queued' in r ? r.queued : await existingRow(item, r.taken);
      } catch (e) {
        const err = toMailError(diskFullOr(e, deps.dataFolder));
        // the outbox cannot take the message: stop at the first, never fail row after row
        if (err.code === 'diskFull') return delivery.stopWith(err);
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
    if (!queued) return;
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
  await settleForeign(store, foreign, options.signal, (item, l) => {
    const state = isDone(l.state) ? 'skipped' : l.state;
    if (state !== 'skipped' && state !== 'failed' && state !== 'unknown') return;
    summary[state]++;
    const line = lineFor(item, l, state);
    if (l.record.error) line.error = { ...l.record.error, message: '' };
    emit(line);
  });
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
