// The DATA fast path must put exactly the bytes on the wire that nodemailer's own DataStream does:
// dot-stuffing, lone CR and LF turned into CRLF, the closing dot line, whatever the chunking.
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import DataStream from 'nodemailer/lib/smtp-connection/data-stream';
import { describe, expect, it } from 'vitest';
import { isDataSafe } from '../../src/main/mail/data-safe.js';
import { fastenDataStream } from '../../src/main/transports/smtp-data-path.js';

async function run(chunks: Buffer[], fast: boolean): Promise<Buffer> {
  const stream = new DataStream();
  if (fast) fastenDataStream(stream);
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    stream,
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

/** A message made of pieces that trip every rule, cut at random places. */
function randomMessage(seed: number): { message: Buffer; chunks: Buffer[] } {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pieces = ['Zeile', '\r\n', '.', '..', '\n', '\r', '\r\n.', 'QUJDRA==', ' ', '\r\r\n', '\n.\n'];
  const parts: Buffer[] = [];
  for (let i = 0; i < 60; i++) parts.push(Buffer.from(pieces[rnd(pieces.length)]!));
  const message = Buffer.concat(parts);
  const chunks: Buffer[] = [];
  for (let at = 0; at < message.length;) {
    const n = 1 + rnd(12);
    chunks.push(message.subarray(at, at + n));
    at += n;
  }
  return { message, chunks };
}

/** A rendered message as we send it: CRLF lines of base64, no dots at line starts. */
function canonicalMessage(): Buffer {
  const body = randomBytes(100_000).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(`Subject: Mahnung\r\nMIME-Version: 1.0\r\n\r\n${body}\r\n`);
}

describe('DATA fast path', () => {
  it('gives the same bytes as nodemailer for messages full of dots, lone CRs and LFs, in any chunking', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { message, chunks } = randomMessage(seed);
      const expected = await run(chunks, false);
      expect(
        (await run(chunks, true)).equals(expected),
        `seed ${seed}: ${JSON.stringify(message.toString())}`,
      ).toBe(true);
      // and the same as in one piece
      expect((await run([message], true)).equals(await run([message], false))).toBe(true);
    }
  });

  it('passes a rendered message unchanged apart from the closing dot line', async () => {
    const message = canonicalMessage();
    const halves = [message.subarray(0, 70_001), message.subarray(70_001)]; // a CR | LF split
    for (const chunks of [[message], halves]) {
      const out = await run(chunks, true);
      expect(out.equals(Buffer.concat([message, Buffer.from('.\r\n')]))).toBe(true);
      expect(out.equals(await run(chunks, false))).toBe(true);
    }
  });

  it('recognises each unsafe form', () => {
    const safe = (s: string, last: number | false = 0x41) => isDataSafe(Buffer.from(s, 'latin1'), last);
    expect(safe('Zeile\r\nZeile\r\n')).toBe(true);
    expect(safe('Zeile\r')).toBe(true); // the LF may come with the next chunk
    expect(safe('\nweiter', 0x0d)).toBe(true);
    expect(safe('\n.weiter', 0x0d)).toBe(false); // CR | LF . across chunks
    expect(safe('weiter', 0x0d)).toBe(false); // the CR before was a lone one
    expect(safe('.Punkt', false)).toBe(false); // a dot starting the data
    expect(safe('.Punkt', 0x0a)).toBe(false); // a dot starting a line
    expect(safe('a\r\n.b')).toBe(false);
    expect(safe('a\nb')).toBe(false);
    expect(safe('\nb')).toBe(false);
    expect(safe('a\rb\r\n')).toBe(false);
    expect(safe('a\r\rb')).toBe(false);
    expect(safe('')).toBe(true);
  });
});
