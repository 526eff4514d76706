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

// 12 bits of input give two output characters: one look-up each for the first and the second
const FIRST = new Uint8Array(4096);
const SECOND = new Uint8Array(4096);
for (let i = 0; i < 4096; i++) {
  FIRST[i] = ALPHABET.charCodeAt(i >> 6);
  SECOND[i] = ALPHABET.charCodeAt(i & 63);
}

/** How many bytes `base64LinesInto` writes for `n` input bytes: no line break after the last line. */
export function base64LinesLength(n: number): number {
  return n ? encodedSize(n) - 2 : 0;
}

/** Writes `src` as base64 lines into `out` at `at`; returns the offset after the last character. */
export function base64LinesInto(src: Uint8Array, out: Uint8Array, at: number): number {
  const n = src.length;
  let i = 0;
  let o = at;
  const whole = n - (n % LINE_BYTES); // input of the complete lines
  while (i < whole) {
    if (i) {
      out[o++] = CR;
      out[o++] = LF;
    }
    for (const end = i + LINE_BYTES; i < end; i += 3) {
      const v = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
      const a = v >>> 12;
      const b = v & 4095;
      out[o] = FIRST[a]!;
      out[o + 1] = SECOND[a]!;
      out[o + 2] = FIRST[b]!;
      out[o + 3] = SECOND[b]!;
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
    out[o++] = FIRST[v >>> 12]!;
    out[o++] = SECOND[v >>> 12]!;
    out[o++] = FIRST[v & 4095]!;
    out[o++] = SECOND[v & 4095]!;
  }
  const rest = n - i;
  if (rest) {
    const v = (src[i]! << 16) | (rest === 2 ? src[i + 1]! << 8 : 0);
    out[o++] = FIRST[v >>> 12]!;
    out[o++] = SECOND[v >>> 12]!;
    out[o++] = rest === 2 ? FIRST[v & 4095]! : PAD;
    out[o++] = PAD;
  }
  return o;
}
