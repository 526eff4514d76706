// Reads a batch manifest as an ERP or a German Excel writes it: CSV (`;` or `,`, UTF-8 with or without
// BOM, or Windows-1252) or JSON (an array of messages, or `{ "defaults": {…}, "messages": [ … ] }`).
// Columns are matched case-insensitively in German or English; every other column is a placeholder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { splitAddressList } from '../../shared/address.js';
import type { RowProblem } from '../../shared/batch.js';
import { MailError } from '../errors/mail-error.js';

/** One message of the manifest, as written (placeholders not yet filled). */
export interface ManifestRow {
  /** 1-based data row. */
  row: number;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  /** Absolute paths (relative ones resolved against the manifest's folder). */
  attachments: string[];
  kind: string;
  reference: string;
  /** E-mail template (Vorlage) by name, Mahnstufe and the debtor's language, as written. */
  template: string;
  level: string;
  language: string;
  /** Placeholder values: every other column (and, for templates, the known ones under their names).
   *  Without a prototype: a column named `constructor` or `__proto__` is just a column. */
  fields: Record<string, string>;
  /** JSON keys whose value is neither text, number nor a list of them (nested values). */
  invalidFields: string[];
}

/** A row and the problems of its structure (e.g. a wrong number of cells). */
export interface ManifestEntry {
  row: ManifestRow;
  problems: RowProblem[];
}

/**
 * A manifest held as its text: its rows are built one at a time, anew on every pass, so a run of
 * 10,000 rows never holds 10,000 rows (the pre-check is one pass, sending a second).
 */
export interface ManifestSource {
  file: string;
  format: 'csv' | 'json';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ';' | ',';
  /** Throws MailError manifestUnreadable when the text turns out not to be parsable. */
  rows(): Iterable<ManifestEntry>;
}

/** A manifest with all its rows (for tests and small tools; batch runs use ManifestSource). */
export interface Manifest {
  file: string;
  format: 'csv' | 'json';
  delimiter?: ';' | ',';
  rows: ManifestRow[];
  /** Problems of the file's structure, per row (e.g. a wrong number of cells). */
  problems: RowProblem[];
}

type Known =
  | 'to'
  | 'cc'
  | 'bcc'
  | 'subject'
  | 'text'
  | 'attachments'
  | 'kind'
  | 'reference'
  | 'template'
  | 'level'
  | 'language';

const ALIASES: Record<string, Known> = {
  to: 'to',
  empfänger: 'to',
  empfaenger: 'to',
  cc: 'cc',
  bcc: 'bcc',
  subject: 'subject',
  betreff: 'subject',
  text: 'text',
  attachments: 'attachments',
  attachment: 'attachments',
  anhänge: 'attachments',
  anhaenge: 'attachments',
  anhang: 'attachments',
  kind: 'kind',
  art: 'kind',
  reference: 'reference',
  referenz: 'reference',
  // e-mail templates
  template: 'template',
  vorlage: 'template',
  level: 'level',
  mahnstufe: 'level',
  language: 'language',
  sprache: 'language',
};

export function knownColumn(name: string): Known | undefined {
  return ALIASES[name.trim().normalize('NFC').toLowerCase()];
}

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** `;` or `,`: whichever occurs more often outside quotes in the header line (`;` on a tie). */
export function detectDelimiter(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

export function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function unreadable(file: string, detail: string): MailError {
  return new MailError('manifestUnreadable', { file, detail });
}

/** Reads and decodes the manifest and checks its header; the rows come with `rows()`. */
export async function openManifest(file: string): Promise<ManifestSource> {
  const abs = path.resolve(file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (e) {
    throw unreadable(abs, (e as NodeJS.ErrnoException).code ?? 'error');
  }
  const { text, encoding } = decodeText(bytes);
  const trimmed = text.trimStart();
  if (/\.json$/i.test(abs) || trimmed.startsWith('[') || trimmed.startsWith('{'))
    return { ...jsonSource(text, abs), encoding };
  return { ...csvSource(text, abs), encoding };
}

function parseCsv(text: string, file: string, delimiter: ';' | ',', toLine?: number): string[][] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      ...(toLine ? { to_line: toLine } : {}),
    });
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
}

/** Text taken per parse: the records of one slice at a time, never all of them (1,000,000 rows). */
const CSV_SLICE_CHARS = 256 * 1024;

/** Where the record around `from` ends: after the first line break outside quotes at or after it. */
function recordEnd(text: string, start: number, from: number): number {
  let quoted = false;
  for (let i = start; i < from; i++) if (text.charCodeAt(i) === 34) quoted = !quoted;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) return i + 1;
  }
  return text.length;
}

/** The records of the CSV, parsed a slice of whole records at a time. */
function* csvRecords(text: string, file: string, delimiter: ';' | ','): Iterable<string[]> {
  for (let start = 0; start < text.length;) {
    const end = recordEnd(text, start, Math.min(text.length, start + CSV_SLICE_CHARS));
    yield* parseCsv(text.slice(start, end), file, delimiter);
    start = end;
  }
}

export function csvSource(text: string, file: string): ManifestSource {
  const delimiter = detectDelimiter(text);
  // the header alone (all records only when blank lines come first)
  const first = parseCsv(text, file, delimiter, 1)[0] ?? parseCsv(text, file, delimiter)[0] ?? [];
  const header = first.map((h) => h.trim());
  if (!header.length || !header.some((h) => knownColumn(h) === 'to'))
    throw unreadable(file, 'no column "to" / "Empfänger"');
  const base = path.dirname(file);
  function* rows(): Iterable<ManifestEntry> {
    let n = 0;
    let headerSeen = false;
    for (const cells of csvRecords(text, file, delimiter)) {
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue; // Excel's trailing ";;;;" lines
      n++;
      const problems: RowProblem[] =
        cells.length !== header.length
          ? [{ row: n, code: 'columnCount', params: { found: cells.length, expected: header.length } }]
          : [];
      const values = bare<string>();
      header.forEach((h, c) => (values[h] = (cells[c] ?? '').trim()));
      yield { row: rowFrom(n, values, base), problems };
    }
  }
  return { file, format: 'csv', delimiter, rows };
}

/** Every row at once (see Manifest). */
export function collectManifest(source: ManifestSource): Manifest {
  const rows: ManifestRow[] = [];
  const problems: RowProblem[] = [];
  for (const entry of source.rows()) {
    rows.push(entry.row);
    problems.push(...entry.problems);
  }
  return {
    file: source.file,
    format: source.format,
    ...(source.delimiter ? { delimiter: source.delimiter } : {}),
    rows,
    problems,
  };
}

export function parseCsvManifest(text: string, file: string): Manifest {
  return collectManifest(csvSource(text, file));
}

/** A record without a prototype, so that any column name is an ordinary key. */
function bare<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function rowFrom(
  n: number,
  values: Record<string, string | string[]>,
  base: string,
  invalidFields: string[] = [],
): ManifestRow {
  const row: ManifestRow = {
    row: n,
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    text: '',
    attachments: [],
    kind: '',
    reference: '',
    template: '',
    level: '',
    language: '',
    fields: bare<string>(),
    invalidFields,
  };
  for (const [name, raw] of Object.entries(values)) {
    const known = knownColumn(name);
    const value = Array.isArray(raw) ? raw.join(known === 'attachments' ? '|' : ',') : raw;
    row.fields[name] = value;
    switch (known) {
      case 'to':
      case 'cc':
      case 'bcc':
        // `,`/`;` inside a quoted display name ("Weiß, Jörg" <j@x.de>) does not separate recipients
        row[known] = (Array.isArray(raw) ? raw : [raw]).flatMap(splitAddressList);
        break;
      case 'attachments':
        row.attachments = splitList(value, /\|/).map((p) => path.resolve(base, p));
        break;
      case 'subject':
      case 'text':
      case 'kind':
      case 'reference':
      case 'template':
      case 'level':
      case 'language':
        row[known] = value;
        break;
      default:
        break;
    }
  }
  return row;
}

/** A JSON value as a cell: text, or a list of texts; null for anything nested (a row problem). */
function scalar(v: unknown): string | string[] | null | undefined {
  const one = (x: unknown) =>
    typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : null;
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const list = v.map(one);
    return list.every((x) => x !== null) ? list : null;
  }
  return one(v);
}

function parseJson(text: string, file: string): { defaults: Record<string, unknown>; messages: unknown[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
  if (Array.isArray(data)) return { defaults: {}, messages: data };
  if (data && typeof data === 'object' && Array.isArray((data as { messages?: unknown }).messages)) {
    const d = (data as { defaults?: unknown }).defaults;
    return {
      defaults: d && typeof d === 'object' ? (d as Record<string, unknown>) : {},
      messages: (data as { messages: unknown[] }).messages,
    };
  }
  throw unreadable(file, 'expected an array of messages or { "defaults": {…}, "messages": [ … ] }');
}

export function jsonSource(text: string, file: string): ManifestSource {
  parseJson(text, file); // refused at once, not halfway through the pre-check
  const base = path.dirname(file);
  function* rows(): Iterable<ManifestEntry> {
    const { defaults, messages } = parseJson(text, file);
    for (const [i, m] of messages.entries()) {
      const msg = m && typeof m === 'object' ? (m as Record<string, unknown>) : {};
      const merged: Record<string, unknown> = { ...defaults, ...msg };
      const objectOf = (v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
      const fields = { ...objectOf(defaults.fields), ...objectOf(msg.fields) };
      const values = bare<string | string[]>();
      const invalid: string[] = [];
      for (const [k, v] of Object.entries(merged)) {
        if (k === 'fields') continue;
        const s = scalar(v);
        if (s === null) invalid.push(k);
        else if (s !== undefined) values[k] = s;
      }
      for (const [k, v] of Object.entries(fields)) {
        const s = scalar(v);
        if (s === null) invalid.push(`fields.${k}`);
        else if (s !== undefined && !knownColumn(k)) values[k] = Array.isArray(s) ? s.join(', ') : s;
      }
      yield { row: rowFrom(i + 1, values, base, invalid), problems: [] };
    }
  }
  return { file, format: 'json', rows };
}

export function parseJsonManifest(text: string, file: string): Manifest {
  return collectManifest(jsonSource(text, file));
}
