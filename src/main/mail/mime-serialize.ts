// Serialises a MIME tree compiled by nodemailer's MailComposer into one buffer, in one synchronous
// pass, with the same bytes nodemailer's own build() produces.
//
// nodemailer builds a message as a chain of streams: per node a content stream, an encoder, pipes,
// `finished` and `pipeline` listeners (each creating an AbortController), then it joins the chunks.
// For a Mahnung with a 200 KB PDF that is about 1.5 ms and some 600 KB of short-lived strings and
// buffers per message, on the thread that renders the outbox. Here the headers still come from
// nodemailer (buildHeaders: encoded words, address formatting, folding, the parameters of file
// names), the text from its quoted-printable encoder, and the tree's layout is the one its build()
// writes; only the base64 of attachments is written straight into the message's buffer.
//
// It also marks the message as safe for SMTP's DATA phase when it is (data-safe.ts), checking only
// what is not base64.
//
// Trees with anything else (content from a file or a stream, raw nodes, transforms, a newline
// conversion) are left to nodemailer: serializeMime returns undefined for them.
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { base64LinesInto, base64LinesLength } from './base64-lines.js';
import { isDataSafe, markDataSafe } from './data-safe.js';

/** The parts of a MimeNode read here; the underscored ones are not in nodemailer's typings. */
interface TreeNode {
  childNodes: TreeNode[];
  content?: unknown;
  contentType?: string;
  multipart?: string | false;
  boundary?: string | false;
  newline?: string;
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  buildHeaders(): string;
  getTransferEncoding(): string | false;
}

type Segment = string | Uint8Array | { base64: Uint8Array };

const QP_LINE_LENGTH = 76;

class NotSerialisable extends Error {}

function collect(node: TreeNode, out: Segment[]): void {
  if (node._raw || node._transforms?.length || node._processFuncs?.length || node.newline)
    throw new NotSerialisable();
  const content = node.content;
  if (content && typeof content !== 'string' && !Buffer.isBuffer(content)) throw new NotSerialisable();
  out.push(node.buildHeaders() + '\r\n\r\n');
  if (content) {
    const encoding = node.getTransferEncoding();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : (content as Buffer);
    if (encoding === 'base64') out.push({ base64: bytes });
    else if (encoding === 'quoted-printable') {
      // what nodemailer's encoder writes: lines of text keep their breaks, other content is binary
      if (!/^text\//i.test(node.contentType ?? '')) throw new NotSerialisable();
      out.push(qpWrap(qpEncode(bytes), QP_LINE_LENGTH));
    } else out.push(bytes);
  }
  if (node.multipart) {
    const boundary = String(node.boundary);
    node.childNodes.forEach((child, i) => {
      out.push(`${i ? '\r\n' : ''}--${boundary}\r\n`);
      collect(child, out);
    });
    out.push(`\r\n--${boundary}--\r\n`);
  }
}

function lengthOf(s: Segment): number {
  if (typeof s === 'string') return Buffer.byteLength(s, 'utf8');
  if ('base64' in s) return base64LinesLength(s.base64.length);
  return s.length;
}

/**
 * The whole message as nodemailer's build() would give it, or undefined for trees it does not cover.
 * `alloc` gives the memory for it (exactly the size asked for).
 */
export function serializeMime(
  root: MimeNode,
  alloc: (size: number) => Buffer = (size) => Buffer.allocUnsafe(size),
): Buffer | undefined {
  const segments: Segment[] = [];
  try {
    collect(root, segments);
  } catch (e) {
    if (e instanceof NotSerialisable) return undefined;
    throw e;
  }
  let length = 0;
  for (const s of segments) length += lengthOf(s);
  // like nodemailer's last stage: the message ends with a line break
  let last: number | undefined;
  for (let i = segments.length - 1; i >= 0 && last === undefined; i--) last = lastByte(segments[i]!);
  const tail = last === 0x0a ? '' : last === 0x0d ? '\n' : '\r\n';
  const out = alloc(length + tail.length);
  let at = 0;
  // safe for SMTP DATA as it is (data-safe.ts): base64 lines are by construction (their alphabet has
  // no dot, CR or LF, and they follow a line break); every other part is checked as it is written
  let safe = true;
  const check = (from: number) => {
    if (safe && at > from) safe = isDataSafe(out.subarray(from, at), from ? out[from - 1]! : false);
  };
  for (const s of segments) {
    const from = at;
    if (typeof s === 'string') at += out.write(s, at, 'utf8');
    else if ('base64' in s) {
      at = base64LinesInto(s.base64, out, at);
      if (at > from && from && out[from - 1] !== 0x0a) safe = false;
      continue;
    } else {
      out.set(s, at);
      at += s.length;
    }
    check(from);
  }
  const from = at;
  at += out.write(tail, at, 'latin1');
  check(from);
  if (at !== out.length) throw new Error(`MIME serialisation wrote ${at} of ${out.length} bytes`);
  if (safe) markDataSafe(out);
  return out;
}

function lastByte(s: Segment): number | undefined {
  if (typeof s === 'string') return s.length ? s.charCodeAt(s.length - 1) : undefined;
  if ('base64' in s) return s.base64.length ? 0x3d /* a base64 character, never a line break */ : undefined;
  return s.length ? s[s.length - 1] : undefined;
}
