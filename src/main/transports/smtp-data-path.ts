// The DATA phase of an SMTP session without a byte-by-byte pass over every message.
//
// nodemailer's DataStream makes the message safe for DATA: a dot that starts a line gets a second dot,
// and a lone CR or LF becomes CRLF (a lone one could otherwise end the data early: SMTP smuggling).
// It does so by looking at every byte in JavaScript, about 1.5 ms for a 270 KB Mahnung on the sending
// thread, where the whole send of the baseline costs 4–5 ms. The messages we send are rendered by
// ourselves, so they are almost always already in that form: CRLF line ends only, no line that starts
// with a dot. A few native searches tell whether a chunk is, and such a chunk passes unchanged. Any
// other chunk goes through nodemailer's own transform, so what reaches the server is byte for byte
// what nodemailer would have sent. A whole message the renderer built safe (src/main/mail/data-safe.ts)
// is not even searched.
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Transform, TransformCallback } from 'node:stream';
import { isDataSafe, isKnownDataSafe } from '../mail/data-safe.js';

/** The parts of nodemailer's DataStream the fast path keeps up to date (its _flush reads lastByte). */
interface DataStreamState extends Transform {
  lastByte: number | false;
  inByteCount: number;
  outByteCount: number;
}

type TransformFn = (
  this: DataStreamState,
  chunk: unknown,
  encoding: BufferEncoding,
  done: TransformCallback,
) => void;

function fastTransform(escape: TransformFn): TransformFn {
  return function (chunk, encoding, done) {
    // a whole message our renderer made safe (data-safe.ts) needs no look; any other chunk one pass
    const safe =
      Buffer.isBuffer(chunk) &&
      chunk.length > 0 &&
      ((this.lastByte === false && isKnownDataSafe(chunk)) || isDataSafe(chunk, this.lastByte));
    if (!safe) {
      escape.call(this, chunk, encoding, done);
      return;
    }
    this.inByteCount += chunk.length;
    this.outByteCount += chunk.length;
    this.lastByte = chunk[chunk.length - 1]!;
    this.push(chunk);
    done();
  };
}

/**
 * Makes one of nodemailer's DataStreams pass safe chunks unchanged; every other chunk still goes
 * through its own transform. A stream without the expected shape is left as it is.
 */
export function fastenDataStream(stream: Transform): void {
  const s = stream as unknown as { _transform?: TransformFn; lastByte?: unknown; inByteCount?: unknown };
  const escape = s._transform;
  if (typeof escape === 'function' && s.lastByte !== undefined && typeof s.inByteCount === 'number')
    s._transform = fastTransform(escape);
}

/**
 * Lets the connection pass data that is already safe for DATA unchanged. Relies on one internal of
 * nodemailer (the method that creates the DATA stream); where it is missing, the connection is left
 * exactly as nodemailer made it.
 */
export function useFastDataPath(connection: SMTPConnection): void {
  const c = connection as unknown as { _createSendStream?: (callback: unknown) => Transform };
  const create = c._createSendStream;
  if (typeof create !== 'function') return;
  c._createSendStream = function (this: unknown, callback: unknown) {
    const stream = create.call(this, callback);
    fastenDataStream(stream);
    return stream;
  };
}
