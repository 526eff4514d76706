// How big a message gets: shared by the dialog's size hint, the batch pre-check and the renderer's
// buffer sizes, so the three never disagree.

/** Bytes a file takes in the message: base64 (4 per 3) with a CRLF after every 76 characters. */
export function encodedSize(bytes: number): number {
  const b64 = Math.ceil(bytes / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
}

/** Headers, text part and MIME boundaries: a generous allowance so an estimate errs on the safe side. */
export const MESSAGE_OVERHEAD_BYTES = 2048;
