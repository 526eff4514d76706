// The render worker: composes messages into the outbox on its own thread, so rendering the next rows
// (CPU-bound base64) and storing them durably run on a second core while the main thread sends. See
// renderer.ts.
import { parentPort } from 'node:worker_threads';
import { toMailError } from '../errors/mail-error.js';
import { BufferPool } from '../platform/buffer-pool.js';
import { DirSyncs } from './dir-sync.js';
import { RecordLog } from './record-log.js';
import { renderMessage, type QueueLog, type RenderJob } from './render-message.js';

// the worker's own record log (a second file of the same process) and folder syncs, per outbox
const logs = new Map<string, RecordLog>();
const dirSyncs = new DirSyncs();
// memory for the attachments being read and the messages rendered, which the main thread hands back
// once they are sent; what is not in use at a time is kept up to 16 MB
const buffers = new BufferPool(16 * 1024 * 1024);

function queueLog(logDir: string): QueueLog {
  let log = logs.get(logDir);
  if (!log) logs.set(logDir, (log = new RecordLog(logDir)));
  const append = log.append.bind(log);
  return {
    append,
    syncDir: (dir) => dirSyncs.sync(dir),
  };
}

type Message = { seq: number; job: RenderJob } | { close: true } | { recycle: ArrayBuffer };

parentPort?.on('message', (msg: Message) => {
  if ('recycle' in msg) {
    buffers.adopt(msg.recycle);
    return;
  }
  if ('close' in msg) {
    // the log's descriptor would outlive the thread
    void Promise.all([...logs.values()].map((l) => l.close())).finally(() =>
      parentPort!.postMessage({ closed: true }),
    );
    return;
  }
  renderMessage(msg.job, queueLog(msg.job.logDir), buffers).then(
    ({ record, bytes }) => {
      // the bytes move to the main thread without a copy when their memory is their own (from the
      // pool, which the main thread hands back after sending); otherwise they are copied
      const own = bytes && buffers.owns(bytes);
      const view = bytes && (own ? bytes : Uint8Array.prototype.slice.call(bytes));
      parentPort!.postMessage(
        { seq: msg.seq, record, bytes: view, pooled: Boolean(own) },
        view ? [view.buffer as ArrayBuffer] : [],
      );
    },
    (e: unknown) => {
      const err = toMailError(e);
      parentPort!.postMessage({ seq: msg.seq, error: { code: err.code, params: err.params } });
    },
  );
});
