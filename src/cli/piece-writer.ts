// Output of long listings (a journal of a million entries): written in pieces of about 64 KB, one
// system call each instead of one per line, waiting while the stream's buffer is full, so an export
// runs in constant memory. And a memo for texts that repeat from line to line (error messages).
import { once } from 'node:events';

/** The reader went away (`| head -c 600`): the output ends quietly, as src/cli/index.ts decides. */
function readerGone(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * A piece is written once it holds this many bytes: a pipe's capacity on Linux. A piece larger than
 * the pipe blocks the write until the reader has taken most of it, so reader and writer take turns
 * instead of working at the same time (with 256 KB, `outbox list --json` into another program took
 * 35 ms longer for 11 MB; into a file the size makes no difference).
 */
const PIECE = 64 * 1024;

export class PieceWriter {
  // text is encoded into the piece as it comes (no string joined per piece); what does not fit waits
  // as text until the next flush
  private piece = Buffer.allocUnsafe(2 * PIECE);
  private used = 0;
  private rest: string[] = [];
  private gone = false;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Adds text without writing; true when a piece is full (then await flush()). */
  add(text: string): boolean {
    if (!this.rest.length && this.used + 3 * text.length <= this.piece.length) {
      this.used += this.piece.write(text, this.used);
      return this.used >= PIECE;
    }
    this.rest.push(text);
    return true;
  }

  async flush(): Promise<void> {
    const pieces: Array<Buffer | string> = [];
    if (this.used) pieces.push(this.piece.subarray(0, this.used));
    if (this.rest.length) pieces.push(this.rest.join(''));
    if (this.used) this.piece = Buffer.allocUnsafe(2 * PIECE); // the written one belongs to the stream
    this.used = 0;
    this.rest = [];
    for (const piece of pieces) {
      if (this.gone) return;
      try {
        if (!this.stream.write(piece)) await once(this.stream, 'drain');
      } catch (e) {
        if (!readerGone(e)) throw e;
        this.gone = true;
      }
    }
  }
}

/** `fn` remembered by its argument's JSON (up to 1000 different arguments). */
export function remembered<A, R>(fn: (a: A) => R): (a: A) => R {
  const memo = new Map<string, R>();
  return (a) => {
    const key = JSON.stringify(a);
    let r = memo.get(key);
    if (r === undefined) {
      r = fn(a);
      if (memo.size < 1000) memo.set(key, r);
    }
    return r;
  };
}
