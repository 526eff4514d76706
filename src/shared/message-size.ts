// How big a message gets: shared by the dialog's size hint, the batch pre-check and the renderer's
// buffer sizes, so the three never disagree.

/** Bytes a file takes in the message: base64 (4 per 3) with a CRLF after every 76 characters. */
export function encodedSize(bytes: number): number {
  const b64 = Math.ceil(bytes / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
}

/** Headers, text part and MIME boundaries: a generous allowance so an estimate errs on the safe side. */
export const MESSAGE_OVERHEAD_BYTES = 2048;

const QP_LINE = 76;
/** The shortest content a soft-wrapped quoted-printable line carries: the composer breaks at a space
 *  within the last third of a line, and keeps an =XX sequence whole. */
const QP_MIN_CONTENT = QP_LINE - Math.floor(QP_LINE / 3) - 3;

/**
 * Bytes the text takes as quoted-printable with CRLF line ends, as the composer writes it: every byte
 * outside printable ASCII (and `=`) takes three, each line soft-wrapped with `=` CRLF. An upper bound
 * that errs by a few per cent at most (non-ASCII text takes up to three times its UTF-8 size).
 */
export function quotedPrintableSize(text: string): number {
  const bytes = new TextEncoder().encode(text);
  let total = 0;
  let line = 0;
  const endLine = () => {
    total += line + (line > QP_LINE ? Math.ceil(line / QP_MIN_CONTENT) * 3 : 0);
    line = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || b === 0x0d) {
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      endLine();
      total += 2;
      continue;
    }
    line += (b >= 0x20 && b <= 0x7e && b !== 0x3d) || b === 0x09 ? 1 : 3;
  }
  endLine();
  return total;
}

/** A header value encoded (RFC 2047 encoded words: three per byte at most, folded every 75). */
function headerSize(value: string): number {
  const b = new TextEncoder().encode(value).length * 3;
  return b + Math.ceil(b / 60) * 15;
}

/**
 * The one estimate of an encoded message's size: the dialog's hint, the batch pre-check and the
 * profile limit all use it. Never below what the composer writes (the render checks the real size).
 */
export function estimateMessageSize(m: {
  subject: string;
  text: string;
  attachments: ReadonlyArray<{ name: string; size: number }>;
}): number {
  return (
    MESSAGE_OVERHEAD_BYTES +
    headerSize(m.subject) +
    quotedPrintableSize(m.text) +
    m.attachments.reduce((s, a) => s + encodedSize(a.size) + 400 + headerSize(a.name) * 2, 0)
  );
}
