// The `.eml` draft handed to a mail program that has no command line for attachments: the complete
// message with its PDFs, marked `X-Unsent: 1` (classic Outlook opens such a file as a compose window),
// without Message-ID and Date (the program sets its own when the user sends), with Bcc visible so the
// user can see it, and with `From:` (or Subject:) as the first line (shared-mime-info recognises message/rfc822 by
// a leading header such as From:, so xdg-open hands the file to the mail program, not a text editor).

const DROP = new Set(['message-id', 'date', 'x-unsent', 'bcc']);

/** Splits a header block into its fields (a field with its folded continuation lines). */
function headerFields(block: string): string[] {
  const fields: string[] = [];
  for (const line of block.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1] += `\r\n${line}`;
    else if (line) fields.push(line);
  }
  return fields;
}

function nameOf(field: string): string {
  return field.slice(0, field.indexOf(':')).trim().toLowerCase();
}

/**
 * The draft's bytes made from the stored message's bytes (CRLF line ends, as the outbox keeps them).
 * Without a sender of the profile's own, From goes too (the mail program uses its own account) and
 * Subject leads instead, which shared-mime-info recognises as well.
 */
export function emlDraft(stored: Buffer, bcc: string[], keepFrom = true): Buffer {
  const text = stored.toString('latin1'); // byte-preserving: the body is copied unchanged
  const end = text.indexOf('\r\n\r\n');
  const block = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end);
  const fields = headerFields(block).filter((f) => !DROP.has(nameOf(f)));
  const lead = keepFrom ? 'from' : 'subject';
  const from = fields.filter((f) => nameOf(f) === lead);
  const rest = fields.filter((f) => nameOf(f) !== lead && (keepFrom || nameOf(f) !== 'from'));
  const head = [...from, 'X-Unsent: 1', ...(bcc.length ? [`Bcc: ${bcc.join(', ')}`] : []), ...rest].join(
    '\r\n',
  );
  return Buffer.from(head + body, 'latin1');
}
