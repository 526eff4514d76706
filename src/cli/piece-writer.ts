// Output of long listings (a journal of a million entries): written in pieces of about 256 KB, one
// system call each instead of one per line, waiting while the stream's buffer is full, so an export
// runs in constant memory. And a memo for texts that repeat from line to line (error messages).
import { once } from 'node:events';

export class PieceWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const piece = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(piece)) await once(this.stream, 'drain');
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
