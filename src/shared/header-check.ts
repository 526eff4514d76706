// The checks every header field of a message gets, the same in the batch pre-check and when the
// message is built: no line breaks or control characters (header injection), and no run of printable
// ASCII longer than a header line may be. Folding happens at white space only (non-ASCII words are
// encoded and folded by the composer), and RFC 5322 § 2.1.1 allows 998 characters per line, the
// field's name included.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** The longest run without white space a header field may carry (998 minus room for the name). */
export const HEADER_WORD_MAX = 900;
const LONG_WORD = new RegExp(`[\\u0021-\\u007e]{${HEADER_WORD_MAX + 1},}`);

export type HeaderProblem = 'controlCharacter' | 'headerTooLong';

export function headerProblem(value: string | undefined): HeaderProblem | null {
  if (value === undefined) return null;
  if (CONTROL_CHARACTERS.test(value)) return 'controlCharacter';
  if (LONG_WORD.test(value)) return 'headerTooLong';
  return null;
}
