// The mail programs we know how to hand a message to, each with the command line that opens its compose
// window with recipients, subject, text and the PDFs attached. One entry per program; a program not
// listed gets the `.eml` draft (or, without attachments, a mailto URL). Every value goes into its own argv
// element: nothing here is ever parsed by a shell.
import { pathToFileURL } from 'node:url';
import type { HandoffMethod } from '../../shared/mail.js';

/** What is handed over: the message's visible parts and the PDFs, already copied to the hand-off folder. */
export interface HandoffMessage {
  /** The sender the profile names ('' = the program's default account); Thunderbird picks the identity. */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  /** Absolute paths of the copies (their file names are the names the recipient sees). */
  files: string[];
}

export interface MailProgram {
  /** The name the user knows. */
  name: string;
  /** Recognises the program by its desktop entry id or its executable's file name (lower case). */
  matches(id: string, executable: string): boolean;
  /** The arguments after the program's own command. */
  args(m: HandoffMessage): string[];
  method: HandoffMethod;
}

/** A `file://` URL whose commas are escaped too (Thunderbird splits its attachment list on commas). */
export function fileUrl(file: string): string {
  return pathToFileURL(file).href.replace(/,/g, '%2C').replace(/'/g, '%27');
}

/**
 * A value for Thunderbird's `-compose` string: its parser (GetArgs in MsgComposeCommands.js) takes an
 * unquoted value through decodeURIComponent, and ends a value at `,` or starts a quote at `'`/`"`;
 * percent-encoding everything but letters, digits and `-_.~` leaves none of those characters raw.
 */
export function composeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Thunderbird's `-compose` argument: `to=…,cc=…,subject=…,body=…,attachment=…`. */
export function thunderbirdCompose(m: HandoffMessage): string {
  const parts: string[] = [];
  const add = (key: string, value: string) => {
    if (value) parts.push(`${key}=${composeValue(value)}`);
  };
  add('from', m.from);
  add('to', m.to.join(','));
  add('cc', m.cc.join(','));
  add('bcc', m.bcc.join(','));
  add('subject', m.subject);
  add('body', m.text);
  add('attachment', m.files.map(fileUrl).join(','));
  return parts.join(',');
}

/** A `mailto:` URL (RFC 6068) with the fields as query parameters; `attach` for programs that read it. */
export function mailtoUrl(m: HandoffMessage, attach: 'attach' | null): string {
  const q: string[] = [];
  const add = (key: string, value: string) => {
    if (value) q.push(`${key}=${encodeURIComponent(value)}`);
  };
  add('cc', m.cc.join(','));
  add('bcc', m.bcc.join(','));
  add('subject', m.subject);
  add('body', m.text);
  if (attach) for (const f of m.files) add(attach, fileUrl(f));
  return `mailto:${m.to.map(encodeURIComponent).join(',')}${q.length ? '?' + q.join('&') : ''}`;
}

const has =
  (...names: string[]) =>
  (id: string, exe: string) =>
    names.some((n) => id.includes(n) || exe.includes(n));

export const MAIL_PROGRAMS: readonly MailProgram[] = [
  {
    name: 'Thunderbird',
    matches: has('thunderbird', 'icedove', 'betterbird'),
    args: (m) => ['-compose', thunderbirdCompose(m)],
    method: 'compose',
  },
  {
    name: 'Evolution',
    matches: has('evolution'),
    args: (m) => [mailtoUrl(m, 'attach')],
    method: 'compose',
  },
  {
    name: 'KMail',
    matches: has('kmail'),
    args: (m) => [
      '--composer',
      ...(m.subject ? ['--subject', m.subject] : []),
      ...(m.cc.length ? ['--cc', m.cc.join(', ')] : []),
      ...(m.bcc.length ? ['--bcc', m.bcc.join(', ')] : []),
      ...(m.text ? ['--body', m.text] : []),
      ...m.files.flatMap((f) => ['--attach', fileUrl(f)]),
      '--',
      ...m.to,
    ],
    method: 'compose',
  },
  {
    name: 'Claws Mail',
    matches: has('claws'),
    args: (m) => ['--compose', mailtoUrl(m, null), ...(m.files.length ? ['--attach', ...m.files] : [])],
    method: 'compose',
  },
];

export function knownProgram(id: string, executable: string): MailProgram | undefined {
  const i = id.toLowerCase();
  const e = executable.toLowerCase().replace(/^.*[\\/]/, '');
  return MAIL_PROGRAMS.find((p) => p.matches(i, e));
}
