// Waits that the user can stop: a promise raced against an AbortSignal. On abort the caller's clean-up
// runs (close the socket, end the browser sign-in) and the wait ends at once with `operationCancelled`.
import { MailError } from '../errors/mail-error.js';

export function cancelledError(): MailError {
  return new MailError('operationCancelled');
}

/** Throws `operationCancelled` when the signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/**
 * `work`, or `operationCancelled` as soon as `signal` fires (then `onAbort` runs once). A failure of
 * `work` after the abort is reported as the cancellation it was caused by.
 */
export function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort?: () => void,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    onAbort?.();
    work.catch(() => undefined);
    return Promise.reject(cancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(cancelledError());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(signal.aborted ? cancelledError() : (e as Error));
      },
    );
  });
}
