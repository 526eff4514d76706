// The memory the render worker reuses: a buffer comes back only once handed back, the best fitting
// one is reused, foreign memory is never taken in, and a file read into pooled memory is always one
// complete view of the file, also when it grows while being read.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BufferPool, readWholeFile, type Buffers } from '../../src/main/platform/buffer-pool.js';
import { tempDir } from '../helpers/temp.js';

describe('buffer pool', () => {
  it('reuses handed-back memory, best fit first, and only its own', () => {
    const pool = new BufferPool(4 * 1024 * 1024);
    const a = pool.take(300_000);
    const b = pool.take(70_000);
    expect(a.length).toBe(300_000);
    expect(a.buffer).not.toBe(b.buffer);
    expect(pool.take(10).buffer).not.toBe(a.buffer); // nothing handed back yet
    const memoryA = a.buffer;
    const memoryB = b.buffer;
    pool.give(a);
    pool.give(b);
    expect(pool.take(100_000).buffer).toBe(memoryB); // 128 KB fits better than 320 KB
    expect(pool.take(250_000).buffer).toBe(memoryA);
    pool.give(Buffer.alloc(65_536)); // not from the pool
    expect(pool.owns(pool.take(1000))).toBe(true);
    expect(pool.owns(Buffer.alloc(65_536))).toBe(false);
  });

  it('takes in transferred memory of its own shape only, and keeps no more than its limit', () => {
    const pool = new BufferPool(131_072);
    const odd = new ArrayBuffer(100_000);
    pool.adopt(odd);
    expect(pool.take(50_000).buffer).not.toBe(odd);
    const fits = new ArrayBuffer(131_072);
    const extra = new ArrayBuffer(131_072);
    pool.adopt(fits);
    pool.adopt(extra); // over the limit of 128 KB
    expect(pool.take(131_072).buffer).toBe(fits);
    expect(pool.take(131_072).buffer).not.toBe(extra);
  });

  it('reads a whole file into pooled memory, and again should it grow meanwhile', async () => {
    const dir = tempDir('opos-pool-');
    const file = path.join(dir, 'Mahnung.pdf');
    const content = Buffer.from('%PDF-1.4\n' + 'x'.repeat(100_000));
    writeFileSync(file, content);
    const pool = new BufferPool(1024 * 1024);
    const read = await readWholeFile(file, pool);
    expect(read.equals(content)).toBe(true);
    expect(pool.owns(read)).toBe(true);

    // the file grows between its size being read and its content
    const growing: Buffers = {
      take: (size) => {
        appendFileSync(file, 'mehr');
        return pool.take(size);
      },
      give: (b) => pool.give(b),
    };
    const grown = await readWholeFile(file, growing);
    expect(grown.equals(Buffer.concat([content, Buffer.from('mehr')]))).toBe(true);
  });
});
