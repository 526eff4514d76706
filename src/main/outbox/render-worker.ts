// The render worker: composes messages into the outbox on its own thread, so rendering the next rows
// (CPU-bound base64) and storing them durably run on a second core while the main thread sends. See
// renderer.ts.
import { parentPort } from 'node:worker_threads';
import { toMailError } from '../errors/mail-error.js';
import { closeLogs, renderMessage, type RenderJob } from './render-message.js';

parentPort?.on('message', (msg: { seq: number; job: RenderJob } | { close: true }) => {
  if ('close' in msg) {
    void closeLogs().finally(() => parentPort!.postMessage({ closed: true }));
    return;
  }
  renderMessage(msg.job).then(
    ({ size, attachmentSha256, bytes, logged }) => {
      // the bytes move to the main thread without a copy when they own their memory
      const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const view = bytes && (own ? bytes : Uint8Array.prototype.slice.call(bytes));
      parentPort!.postMessage(
        { seq: msg.seq, size, attachmentSha256, bytes: view, logged },
        view ? [view.buffer as ArrayBuffer] : [],
      );
    },
    (e: unknown) => {
      const err = toMailError(e);
      parentPort!.postMessage({ seq: msg.seq, error: { code: err.code, params: err.params } });
    },
  );
});
