// Text for people at a terminal: whatever comes from outside (server replies, manifest cells, a
// provider's error_description, file names) may carry escape sequences that retitle the window, clear
// the screen or hide text (ESC ] 0;…, ESC [2J, bidi overrides). Every line the CLI prints for people
// passes through here: control characters are shown escaped (\x1b), never interpreted. Line feeds and
// tabs stay; JSON output is escaped by JSON itself.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
