// Where messages are rendered: in a worker thread when the compiled worker is next to this file (the
// CLI and core build), otherwise in-process (e.g. inside a bundle). The worker only holds the event
// loop open while jobs are pending.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode, ErrorParams } from '../../shared/errors.js';
import { MailError } from '../errors/mail-error.js';
import { markDataSafe } from '../mail/data-safe.js';
import { BufferPool } from '../platform/buffer-pool.js';
import type { OutboxRecord } from './outbox-record.js';
import { renderMessage, type QueueLog, type RenderJob, type RenderResult } from './render-message.js';

type Reply = {
  seq: number;
  record?: OutboxRecord;
  bytes?: Uint8Array;
  /** The bytes' memory is the worker's pool's, to be handed back after sending. */
  pooled?: boolean;
  /** The bytes are a whole message safe for SMTP DATA as they are (the mark of src/main/mail/data-safe.ts). */
  dataSafe?: boolean;
  error?: { code: ErrorCode; params: ErrorParams };
};

export class Renderer {
  private worker: Worker | null | undefined;
  private seq = 0;
  private readonly pending = new Map<number, { resolve(r: RenderResult): void; reject(e: unknown): void }>();
  /** Memory of messages rendered on the worker, lent to this thread until they are sent. */
  private readonly lent = new WeakSet<ArrayBuffer>();
  /** In-process rendering: memory for reading attachments (each message's is its own, never reused). */
  private readonly buffers = new BufferPool(4 * 1024 * 1024);

  /** Renders and stores the message's bytes; its record is written by the caller. */
  render(onWorker: boolean, job: RenderJob, queue: QueueLog): Promise<RenderResult> {
    const worker = onWorker ? this.getWorker() : null;
    if (!worker) return renderMessage(job, queue, this.buffers);
    const seq = ++this.seq;
    return new Promise<RenderResult>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ seq, job });
    });
  }

  /**
   * Hands the memory of a message rendered on the worker back for the next one, once nothing reads it
   * any more (the message was sent). The transfer leaves every view of it here empty, so a stale
   * view can never show another message's bytes. Messages rendered in-process keep their memory:
   * there a stale view would still read, so it is left to the garbage collector.
   */
  recycle(bytes: Uint8Array): void {
    const memory = bytes.buffer as ArrayBuffer;
    if (!this.lent.has(memory)) return;
    this.lent.delete(memory);
    this.worker?.postMessage({ recycle: memory }, [memory]);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    // the worker answers once its pending work is done
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      w.on('message', (m: { closed?: boolean }) => {
        if (m.closed) {
          clearTimeout(timer);
          resolve();
        }
      });
      w.ref();
      w.postMessage({ close: true });
    });
    await w.terminate();
  }

  private getWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    // not a literal: bundlers must not try to resolve it (inside a bundle there is no worker file)
    const name = ['render', 'worker.js'].join('-');
    const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (process.env.OPOS_MAIL_RENDER_WORKER === '0' || !existsSync(file)) return (this.worker = null);
    // a small young generation: rendering makes much short-lived garbage, RSS stays low
    const w = new Worker(file, {
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 },
    });
    w.unref();
    w.on('message', (r: Reply) => {
      if (r.seq === undefined) return;
      const p = this.pending.get(r.seq);
      if (!p) return;
      this.pending.delete(r.seq);
      if (this.pending.size === 0) w.unref();
      if (r.error) p.reject(new MailError(r.error.code, r.error.params));
      else {
        if (r.bytes && r.pooled) this.lent.add(r.bytes.buffer as ArrayBuffer);
        const bytes = r.bytes && Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
        if (bytes && r.dataSafe) markDataSafe(bytes);
        p.resolve({ record: r.record!, ...(bytes ? { bytes } : {}) });
      }
    });
    w.on('error', (e) => this.failAll(e));
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(new MailError('unexpected', { detail: 'render worker stopped' }));
    });
    return (this.worker = w);
  }

  private failAll(e: unknown): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
