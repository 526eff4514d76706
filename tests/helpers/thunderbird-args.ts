// How Thunderbird reads its `-compose` argument, restated from the behaviour of GetArgs in its
// MsgComposeCommands.js (our own code): pairs split at commas outside a quoted value; a value quoted
// with ' or " (a quote right after `=`) ends at the same quote followed by a comma or the end and is taken
// as it is; any other value goes through decodeURIComponent. Tests use it to read back what we built.
export function parseThunderbirdCompose(arg: string): Record<string, string> {
  const SEP = '\u0001';
  let data = '';
  let quote = '';
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i]!;
    const prev = i > 0 ? arg[i - 1] : '';
    const next = arg[i + 1] ?? '';
    if (quote && c === quote && (next === ',' || next === '')) {
      quote = '';
      data += c;
    } else if ((c === "'" || c === '"') && prev === '=') {
      if (!quote) quote = c;
      data += c;
    } else if (c === ',') data += quote ? c : SEP;
    else data += c;
  }
  const out: Record<string, string> = {};
  for (const pair of data.split(SEP)) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) out[key] = value.slice(1, -1);
    else {
      try {
        out[key] = decodeURIComponent(value);
      } catch {
        out[key] = value;
      }
    }
  }
  return out;
}
