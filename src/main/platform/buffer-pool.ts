// Reusable memory for messages rendered in memory and for the attachments they are made from.
//
// A batch renders one 270 KB message and reads one 200 KB PDF per row. Left to the garbage collector,
// those buffers are freed only when V8 next collects, which external memory forces after about 64 MB
// per thread: peak RSS then depends on when the collector happens to run. Reused, the memory a batch
// holds is the few dozen buffers in flight, whatever the number of rows.
import fs from 'node:fs';
import { promisify } from 'node:util';

/** Sizes are rounded up to this, so buffers fit messages of slightly different sizes. */
const GRANULE = 64 * 1024;
/** Larger buffers are not kept (messages that big are streamed, not rendered in memory, anyway). */
const MAX_KEPT_SIZE = 4 * 1024 * 1024;

export interface Buffers {
  /** A buffer of exactly `size` bytes (contents undefined), on memory of its own. */
  take(size: number): Buffer;
  /** Returns a buffer from take(); it must not be used afterwards. */
  give(buffer: Uint8Array): void;
}

export class BufferPool implements Buffers {
  private readonly free: ArrayBuffer[] = [];
  private freeBytes = 0;
  private readonly mine = new WeakSet<ArrayBuffer>();

  /** `maxKeptBytes`: how much unused memory the pool holds on to at most. */
  constructor(private readonly maxKeptBytes: number) {}

  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const length = this.free[i]!.byteLength;
      if (length >= size && (best < 0 || length < this.free[best]!.byteLength)) best = i;
    }
    let memory: ArrayBuffer;
    if (best >= 0) {
      [memory] = this.free.splice(best, 1) as [ArrayBuffer];
      this.freeBytes -= memory.byteLength;
    } else {
      memory = new ArrayBuffer(Math.max(GRANULE, Math.ceil(size / GRANULE) * GRANULE));
      this.mine.add(memory);
    }
    return Buffer.from(memory, 0, size);
  }

  give(buffer: Uint8Array): void {
    const memory = buffer.buffer as ArrayBuffer;
    if (this.mine.has(memory)) this.keep(memory);
  }

  /** Takes memory of this pool's shape handed back from another thread (transferred). */
  adopt(memory: ArrayBuffer): void {
    if (memory.byteLength === 0 || memory.byteLength > MAX_KEPT_SIZE || memory.byteLength % GRANULE) return;
    this.mine.add(memory);
    this.keep(memory);
  }

  private keep(memory: ArrayBuffer): void {
    if (memory.byteLength > MAX_KEPT_SIZE || this.freeBytes + memory.byteLength > this.maxKeptBytes) return;
    if (this.free.includes(memory)) return;
    this.free.push(memory);
    this.freeBytes += memory.byteLength;
  }

  /** Whether the buffer's memory came from this pool (and so is its own, safe to transfer). */
  owns(buffer: Uint8Array): boolean {
    return this.mine.has(buffer.buffer as ArrayBuffer);
  }
}

const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const read = promisify(fs.read);
const close = promisify(fs.close);

/**
 * Reads a whole file into a buffer from `buffers`. A file that grows while it is read is read again
 * with readFile, so the result is always one complete view of the file.
 */
export async function readWholeFile(file: string, buffers: Buffers): Promise<Buffer> {
  const fd = await open(file, 'r');
  try {
    const { size } = await fstat(fd);
    // one byte more than expected: reading it means the file grew since fstat
    const buffer = buffers.take(size + 1);
    let at = 0;
    for (;;) {
      const { bytesRead } = await read(fd, buffer, at, buffer.length - at, at);
      if (!bytesRead) break;
      at += bytesRead;
      if (at === buffer.length) {
        buffers.give(buffer);
        return await fs.promises.readFile(file);
      }
    }
    return buffer.subarray(0, at);
  } finally {
    await close(fd);
  }
}
