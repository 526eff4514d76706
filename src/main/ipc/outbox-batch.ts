// The desktop app's Postausgang / Versandjournal and Mahnlauf behind the IPC contract, free of Electron:
// manifests the user chose (tokens, as attachments), batch runs that answer at once with an id and are
// polled, the stored copy opened only from inside the data folder's outbox, and deliveries of retried
// messages in the background.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { emptySummary, type BatchLine } from '../../shared/batch.js';
import type { BatchRunState, BatchRunView, ManifestHandle } from '../../shared/ipc/contract.js';
import { MailError, toMailError } from '../errors/mail-error.js';
import { OUTBOX_FOLDER } from '../outbox/outbox-store.js';
import type { MailService } from '../service/mail-service.js';

/** Larger manifests are refused before anything is read (a million rows is far below this). */
export const MAX_MANIFEST_BYTES = 200 * 1024 * 1024;
/** Finished runs kept for polling; older ones are forgotten. */
const KEEP_FINISHED = 10;

/** Manifests the user chose in the main process's open dialog; the renderer only holds tokens. */
export class ManifestRegistry {
  private readonly byToken = new Map<string, string>();

  async register(file: string): Promise<ManifestHandle> {
    const name = path.basename(file);
    if (!path.isAbsolute(file)) throw new MailError('manifestUnreadable', { file, detail: 'not absolute' });
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (e) {
      throw new MailError(
        'manifestUnreadable',
        { file: name, detail: (e as NodeJS.ErrnoException).code ?? 'error' },
        { cause: e },
      );
    }
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES)
      throw new MailError('manifestUnreadable', { file: name, detail: 'not a regular file' });
    const token = randomUUID();
    this.byToken.set(token, file);
    return { token, name, size: stat.size };
  }

  resolve(token: string): string {
    const found = this.byToken.get(token);
    if (!found) throw new MailError('manifestUnreadable', { file: token, detail: 'unknown token' });
    return found;
  }
}

/**
 * The stored copy of an outbox message, if and only if it is a `.eml` file inside the data folder's
 * outbox (symbolic links resolved): the renderer names an id, the path comes from the core's record.
 */
export async function storedCopyPath(service: MailService, id: string): Promise<string> {
  const entry = await service.outbox.show(id);
  const root = await fs.realpath(path.join(service.dataFolder, OUTBOX_FOLDER));
  let real: string;
  try {
    real = await fs.realpath(entry.file);
  } catch (e) {
    throw new MailError('attachmentMissing', { file: path.basename(entry.file) }, { cause: e });
  }
  if (!real.startsWith(root + path.sep) || path.extname(real).toLowerCase() !== '.eml')
    throw new MailError('invalidOption', { detail: 'stored copy outside the outbox' });
  return real;
}

interface Run {
  view: BatchRunView;
  lines: BatchLine[];
  controller: AbortController;
  done: Promise<void>;
}

export interface BatchStartOptions {
  profile: string;
  dryRun?: boolean;
  redirectTo?: string;
  resendUnknown?: boolean;
}

/**
 * Batch runs of this process. One at a time: two runs of the same manifest side by side could both
 * find a row not yet queued. Retried outbox messages are delivered in the background, after the run.
 */
export class BatchRuns {
  private readonly runs = new Map<string, Run>();
  private delivering: Promise<void> | null = null;
  private deliverAgain = false;

  constructor(private readonly service: MailService) {}

  get running(): boolean {
    return [...this.runs.values()].some((r) => r.view.state === 'running');
  }

  start(manifestFile: string, options: BatchStartOptions): { runId: string } {
    if (this.running) throw new MailError('batchRunning');
    const runId = randomUUID();
    const controller = new AbortController();
    const run: Run = {
      view: {
        runId,
        state: 'running',
        cancelling: false,
        dryRun: Boolean(options.dryRun),
        total: 0,
        summary: emptySummary(),
        lastRow: null,
        lines: [],
        lineCount: 0,
        problems: [],
      },
      lines: [],
      controller,
      done: Promise.resolve(),
    };
    this.runs.set(runId, run);
    this.forgetOld();
    run.done = this.service
      .runBatch(manifestFile, {
        profileName: options.profile,
        ...(options.dryRun ? { dryRun: true } : {}),
        ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}),
        ...(options.resendUnknown ? { resendUnknown: true } : {}),
        signal: controller.signal,
        onStart: ({ total }) => {
          run.view.total = total;
        },
        onLine: (line) => {
          run.lines.push(line);
          run.view.lastRow = line.row;
          if (line.state !== 'invalid') run.view.summary[line.state]++;
        },
      })
      .then(
        (report) => {
          run.view.summary = report.summary;
          run.view.problems = report.problems;
          const state: BatchRunState = report.problems.length
            ? 'failed'
            : report.stopped
              ? 'stopped'
              : 'finished';
          if (report.stopped) run.view.error = report.stopped.toInfo();
          run.view.state = state;
        },
        (e: unknown) => {
          run.view.error = toMailError(e).toInfo();
          run.view.state = 'failed';
        },
      )
      .finally(() => {
        run.view.cancelling = false;
        if (this.deliverAgain) this.deliverQueued();
      });
    return { runId };
  }

  status(runId: string, after?: number): BatchRunView {
    const run = this.get(runId);
    const from = after ?? 0;
    return { ...run.view, lines: run.lines.slice(from), lineCount: run.lines.length };
  }

  /** The running run, else the newest one, with every outcome so far; null when there was none. */
  current(): BatchRunView | null {
    const all = [...this.runs.values()];
    const run = all.find((r) => r.view.state === 'running') ?? all.at(-1);
    return run ? this.status(run.view.runId) : null;
  }

  cancel(runId: string): void {
    const run = this.get(runId);
    if (run.view.state !== 'running') return;
    run.view.cancelling = true;
    run.controller.abort();
  }

  /** Waits for every run and delivery of this process (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.runs.values()].map((r) => r.done));
    while (this.delivering) await this.delivering;
  }

  /**
   * Sends what is queued (retried messages) in the background; while a batch runs, afterwards. A
   * message is claimed by an atomic rename, so nothing goes out twice even if deliveries overlap.
   */
  deliverQueued(): void {
    if (this.running || this.delivering) {
      this.deliverAgain = true;
      return;
    }
    this.deliverAgain = false;
    this.delivering = this.service.outbox
      .run()
      .then(
        () => undefined,
        () => undefined, // each message's outcome is in its record; nothing to report here
      )
      .finally(() => {
        this.delivering = null;
        if (this.deliverAgain) this.deliverQueued();
      });
  }

  private get(runId: string): Run {
    const run = this.runs.get(runId);
    if (!run) throw new MailError('invalidOption', { detail: 'unknown batch run' });
    return run;
  }

  private forgetOld(): void {
    const finished = [...this.runs.entries()].filter(([, r]) => r.view.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.runs.delete(id);
  }
}
