// Output of long listings (a journal of a million entries): written in pieces of about 256 KB, one
// system call each instead of one per line, waiting while the stream's buffer is full, so an export
// runs in constant memory. And a memo for texts that repeat from line to line (error messages).
import { once } from 'node:events';

/** The reader went away (`| head -c 600`): the output ends quietly, as src/cli/index.ts decides. */
function readerGone(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

export class PieceWriter {
  private parts: string[] = [];
  private size = 0;
  private gone = false;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Adds text without writing; true when a piece is full (then await flush()). */
  add(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= 256 * 1024;
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const piece = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.gone) return;
    try {
      if (!this.stream.write(piece)) await once(this.stream, 'drain');
    } catch (e) {
      if (!readerGone(e)) throw e;
      this.gone = true;
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
