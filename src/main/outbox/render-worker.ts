// The render worker: composes messages into the outbox on its own thread, so rendering the next rows
// (CPU-bound base64) and storing them durably run on a second core while the main thread sends. See
// renderer.ts.
import { parentPort } from 'node:worker_threads';
import { toMailError } from '../errors/mail-error.js';
import { isKnownDataSafe } from '../mail/data-safe.js';
import { BufferPool } from '../platform/buffer-pool.js';
import { DirSyncs } from './dir-sync.js';
import { renderMessage, type QueueLog, type RenderJob } from './render-message.js';

// the worker's folder syncs, group-committed
const dirSyncs = new DirSyncs();
// memory for the attachments being read and the messages rendered, which the main thread hands back
// once they are sent; what is not in use at a time is kept up to 16 MB
const buffers = new BufferPool(16 * 1024 * 1024);

const queueLog: QueueLog = { syncDir: (dir) => dirSyncs.sync(dir) };

type Message = { seq: number; job: RenderJob } | { close: true } | { recycle: ArrayBuffer };

parentPort?.on('message', (msg: Message) => {
  if ('recycle' in msg) {
    buffers.adopt(msg.recycle);
    return;
  }
  if ('close' in msg) {
    parentPort!.postMessage({ closed: true });
    return;
  }
  renderMessage(msg.job, queueLog, buffers).then(
    ({ record, bytes }) => {
      // the bytes move to the main thread without a copy when their memory is their own (from the
      // pool, which the main thread hands back after sending); otherwise they are copied
      const own = bytes && buffers.owns(bytes);
      const view = bytes && (own ? bytes : Uint8Array.prototype.slice.call(bytes));
      parentPort!.postMessage(
        {
          seq: msg.seq,
          record,
          bytes: view,
          pooled: Boolean(own),
          // the mark that the bytes are safe for DATA as they are stays on this thread: it goes along
          dataSafe: Boolean(bytes && isKnownDataSafe(bytes)),
        },
        view ? [view.buffer as ArrayBuffer] : [],
      );
    },
    (e: unknown) => {
      const err = toMailError(e);
      parentPort!.postMessage({ seq: msg.seq, error: { code: err.code, params: err.params } });
    },
  );
});
