// Base64 in MIME lines (76 characters, CRLF between lines, none after the last), written straight
// into a buffer. Node's own encoder returns a string first: for a 200 KB PDF that is a 270 KB string
// which the MIME composer then cuts into lines and copies again, all garbage a moment later.
import { encodedSize } from '../../shared/message-size.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // =
const CR = 0x0d;
const LF = 0x0a;
/** Input bytes per line: 57 bytes make 76 characters. */
const LINE_BYTES = 57;

// 12 bits of input give two output characters, kept as one 16-bit value (first character in the low
// byte): three input bytes become one 32-bit little-endian store of four characters
const PAIRS = new Uint16Array(4096);
for (let i = 0; i < 4096; i++) PAIRS[i] = ALPHABET.charCodeAt(i >> 6) | (ALPHABET.charCodeAt(i & 63) << 8);
const CRLF = CR | (LF << 8);

/** How many bytes `base64LinesInto` writes for `n` input bytes: no line break after the last line. */
export function base64LinesLength(n: number): number {
  return n ? encodedSize(n) - 2 : 0;
}

/** Writes `src` as base64 lines into `out` at `at`; returns the offset after the last character. */
export function base64LinesInto(src: Uint8Array, out: Uint8Array, at: number): number {
  const n = src.length;
  let i = 0;
  let o = at;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const whole = n - (n % LINE_BYTES); // input of the complete lines
  while (i < whole) {
    if (i) {
      view.setUint16(o, CRLF, true);
      o += 2;
    }
    for (const end = i + LINE_BYTES; i < end; i += 3) {
      const v = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
      view.setUint32(o, PAIRS[v >>> 12]! | (PAIRS[v & 4095]! << 16), true);
      o += 4;
    }
  }
  if (i === n) return o;
  // the last, shorter line
  if (i) {
    out[o++] = CR;
    out[o++] = LF;
  }
  for (; i + 3 <= n; i += 3) {
    const v = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
    view.setUint32(o, PAIRS[v >>> 12]! | (PAIRS[v & 4095]! << 16), true);
    o += 4;
  }
  const rest = n - i;
  if (rest) {
    const v = (src[i]! << 16) | (rest === 2 ? src[i + 1]! << 8 : 0);
    view.setUint16(o, PAIRS[v >>> 12]!, true);
    out[o + 2] = rest === 2 ? PAIRS[v & 4095]! & 0xff : PAD;
    out[o + 3] = PAD;
    o += 4;
  }
  return o;
}
