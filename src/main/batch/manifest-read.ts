// Reads a batch manifest as an ERP or a German Excel writes it: CSV (`;` or `,`, UTF-8 with or without
// BOM, or Windows-1252) or JSON (an array of messages, or `{ "defaults": {…}, "messages": [ … ] }`).
// Columns are matched case-insensitively in German or English; every other column is a placeholder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
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
  /** Placeholder values: every other column (and, for templates, the known ones under their names). */
  fields: Record<string, string>;
}

export interface Manifest {
  file: string;
  format: 'csv' | 'json';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ';' | ',';
  rows: ManifestRow[];
  /** Problems of the file's structure, per row (e.g. a wrong number of cells). */
  problems: RowProblem[];
}

type Known = 'to' | 'cc' | 'bcc' | 'subject' | 'text' | 'attachments' | 'kind' | 'reference';

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

export async function readManifest(file: string): Promise<Manifest> {
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
    return { ...parseJsonManifest(text, abs), encoding };
  return { ...parseCsvManifest(text, abs), encoding };
}

export function parseCsvManifest(text: string, file: string): Manifest {
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
  const header = (records.shift() ?? []).map((h) => h.trim());
  if (!header.length || !header.some((h) => knownColumn(h) === 'to'))
    throw unreadable(file, 'no column "to" / "Empfänger"');
  const base = path.dirname(file);
  const rows: ManifestRow[] = [];
  const problems: RowProblem[] = [];
  let n = 0;
  for (const cells of records) {
    if (cells.every((c) => c.trim() === '')) continue; // Excel's trailing ";;;;" lines
    n++;
    if (cells.length !== header.length)
      problems.push({
        row: n,
        code: 'columnCount',
        params: { found: cells.length, expected: header.length },
      });
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = (cells[i] ?? '').trim()));
    rows.push(rowFrom(n, values, base));
  }
  return { file, format: 'csv', delimiter, rows, problems };
}

function rowFrom(n: number, values: Record<string, string | string[]>, base: string): ManifestRow {
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
    fields: {},
  };
  for (const [name, raw] of Object.entries(values)) {
    const known = knownColumn(name);
    const value = Array.isArray(raw) ? raw.join(known === 'attachments' ? '|' : ',') : raw;
    row.fields[name] = value;
    switch (known) {
      case 'to':
      case 'cc':
      case 'bcc':
        row[known] = splitList(value, /[,;]/);
        break;
      case 'attachments':
        row.attachments = splitList(value, /\|/).map((p) => path.resolve(base, p));
        break;
      case 'subject':
      case 'text':
      case 'kind':
      case 'reference':
        row[known] = value;
        break;
      default:
        break;
    }
  }
  return row;
}

function scalar(v: unknown): string | string[] | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => String(x));
  return undefined;
}

export function parseJsonManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
  let defaults: Record<string, unknown> = {};
  let messages: unknown;
  if (Array.isArray(data)) messages = data;
  else if (data && typeof data === 'object' && Array.isArray((data as { messages?: unknown }).messages)) {
    messages = (data as { messages: unknown[] }).messages;
    const d = (data as { defaults?: unknown }).defaults;
    if (d && typeof d === 'object') defaults = d as Record<string, unknown>;
  } else throw unreadable(file, 'expected an array of messages or { "defaults": {…}, "messages": [ … ] }');
  const base = path.dirname(file);
  const rows: ManifestRow[] = [];
  (messages as unknown[]).forEach((m, i) => {
    const msg = m && typeof m === 'object' ? (m as Record<string, unknown>) : {};
    const merged: Record<string, unknown> = { ...defaults, ...msg };
    const fields = {
      ...((defaults.fields as Record<string, unknown> | undefined) ?? {}),
      ...((msg.fields as Record<string, unknown> | undefined) ?? {}),
    };
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(merged)) {
      if (k === 'fields') continue;
      const s = scalar(v);
      if (s !== undefined) values[k] = s;
    }
    for (const [k, v] of Object.entries(fields)) {
      const s = scalar(v);
      if (s !== undefined && !knownColumn(k)) values[k] = Array.isArray(s) ? s.join(', ') : s;
    }
    rows.push(rowFrom(i + 1, values, base));
  });
  return { file, format: 'json', rows, problems: [] };
}
