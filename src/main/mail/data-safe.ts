// Whether bytes can go into SMTP's DATA phase as they are: CRLF line ends only, no line that starts
// with a dot (nodemailer's DataStream would otherwise double the dot and turn a lone CR or LF into
// CRLF). transports/smtp-data-path.ts checks each chunk with isDataSafe; a message the renderer built
// (mail/mime-serialize.ts) is safe by construction except for its headers and text parts, which it
// checks when it writes them, and is marked as known to be safe, so the sending thread need not
// search its 270 KB again. The mark is kept per thread: the render worker passes it on with the bytes.

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const LF_DOT = Buffer.from('\n.');

/**
 * True when `chunk`, following a byte `lastByte` (false: the start of the data), needs no change for
 * DATA: every CR is followed by LF, every LF follows a CR, and no line starts with a dot. A CR at
 * the very end may still be paired by the next chunk; the caller's next check sees it as `lastByte`.
 */
export function isDataSafe(chunk: Uint8Array, lastByte: number | false): boolean {
  const len = chunk.length;
  if (!len) return true;
  const first = chunk[0]!;
  let from = 0;
  if (lastByte === CR) {
    if (first !== LF) return false; // the CR before this chunk was a lone one
    from = 1;
  } else if (first === LF) {
    return false; // a lone LF
  } else if (first === DOT && (lastByte === LF || lastByte === false)) {
    return false; // a dot at the start of a line
  }
  const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, len);
  if (buf.indexOf(LF_DOT) !== -1) return false;
  let cr = buf.indexOf(CR, from);
  let lf = buf.indexOf(LF, from);
  while (cr !== -1 || lf !== -1) {
    if (cr === len - 1 && lf === -1) return true; // the pair may be completed by the next chunk
    if (cr === -1 || cr + 1 !== lf) return false;
    cr = buf.indexOf(CR, lf + 1);
    lf = buf.indexOf(LF, lf + 1);
  }
  return true;
}

/**
 * Messages known to be safe as a whole (from their first byte), by the thread that holds them. The
 * mark is on the view, never on its memory: pooled memory (platform/buffer-pool.ts) is viewed anew
 * for every message, so a mark cannot pass to another message's bytes.
 */
const knownSafe = new WeakSet<Uint8Array>();

/** Marks `bytes`, a whole message, as safe for DATA; only after checking, or by construction. */
export function markDataSafe(bytes: Uint8Array): void {
  knownSafe.add(bytes);
}

/** True when `bytes` were marked safe as a whole message. */
export function isKnownDataSafe(bytes: Uint8Array): boolean {
  return knownSafe.has(bytes);
}
