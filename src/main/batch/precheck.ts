// The check of every row before the first message leaves: recipients, subject, placeholders, kind,
// attachments (exist, readable, really PDFs by content), the estimated encoded size against the
// profile's limit, and that no two rows share an identity. All problems are collected, none is fatal
// on its own, so the user sees the whole list at once.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { normaliseRecipient } from '../../shared/address.js';
import type { RowProblem } from '../../shared/batch.js';
import type { MailDraft } from '../../shared/mail.js';
import { headerProblem, HEADER_WORD_MAX } from '../../shared/header-check.js';
import { estimateMessageSize } from '../../shared/message-size.js';
import { MAIL_KINDS, type MailKind, type Profile } from '../../shared/profile.js';
import { forEachLimit } from './for-each-limit.js';
import type { ManifestRow, ManifestSource } from './manifest-read.js';
import { isPdfFile } from './pdf-check.js';
import { applyRowTemplate, usesTemplate, type LoadedTemplates } from './row-template.js';
import { fillTemplate } from './template.js';

/** A row that passed the check: the message to send and its identity for resuming. */
export interface BatchItem {
  row: number;
  reference: string;
  /** Identity across runs: the reference, or the hash of the row's content. */
  key: string;
  draft: MailDraft;
}

export interface Precheck {
  /** Data rows in the manifest. */
  rows: number;
  problems: RowProblem[];
  /** The reference of each row with a problem (to show beside it). */
  references: Record<number, string>;
  /** Recipients (to, cc, bcc) over every row: what a run would reach (the confirmation shows it). */
  recipients: number;
}

/** The checks the composer makes on header fields, as row problems (nothing leaves that it would refuse). */
function headerProblems(row: number, field: string, value: string): RowProblem[] {
  const problem = headerProblem(value);
  if (problem === 'controlCharacter') return [{ row, code: 'controlCharacter', params: { field } }];
  if (problem === 'headerTooLong')
    return [{ row, code: 'headerTooLong', params: { field, max: HEADER_WORD_MAX } }];
  return [];
}

function contentHash(d: MailDraft): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify([
      d.to,
      d.cc,
      d.bcc,
      d.subject,
      d.text,
      (d.attachments ?? []).map((a) => a.path),
      d.kind ?? '',
    ]),
  );
  return `sha256:${h.digest('hex').slice(0, 32)}`;
}

type FileCheck = { size: number; problem?: Omit<RowProblem, 'row'> };

/** Size of an attachment and what is wrong with it, if anything (exists, readable, really a PDF). */
async function inspectAttachment(file: string): Promise<FileCheck> {
  let size: number;
  try {
    const st = await fs.stat(file);
    if (!st.isFile())
      return { size: 0, problem: { code: 'attachmentUnreadable', params: { file, detail: 'not a file' } } };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      size: 0,
      problem:
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { code: 'attachmentMissing', params: { file } }
          : { code: 'attachmentUnreadable', params: { file, detail: code ?? 'error' } },
    };
  }
  try {
    if (!(await isPdfFile(file))) return { size, problem: { code: 'attachmentNotPdf', params: { file } } };
  } catch (e) {
    return {
      size,
      problem: {
        code: 'attachmentUnreadable',
        params: { file, detail: (e as NodeJS.ErrnoException).code ?? 'error' },
      },
    };
  }
  return { size };
}

/** Checks each file once per pre-check, however many rows attach it (e.g. the same terms and conditions). */
class AttachmentChecks {
  private readonly seen = new Map<string, Promise<FileCheck>>();

  async check(file: string, row: number, problems: RowProblem[]): Promise<number> {
    let p = this.seen.get(file);
    if (!p) this.seen.set(file, (p = inspectAttachment(file)));
    const result = await p;
    if (result.problem) problems.push({ row, ...result.problem });
    return result.size;
  }
}

/** A row's message and the problems that need no file: addresses, placeholders, subject, kind. */
function itemOf(
  r: ManifestRow,
  templates: LoadedTemplates,
): { item: BatchItem; problems: RowProblem[]; subject: string; text: string } {
  const row = r.row;
  const problems: RowProblem[] = [];
  const recipients = { to: r.to, cc: r.cc, bcc: r.bcc };
  if (!r.to.length) problems.push({ row, code: 'toMissing', params: {} });
  const normalised: Record<'to' | 'cc' | 'bcc', string[]> = { to: [], cc: [], bcc: [] };
  for (const field of ['to', 'cc', 'bcc'] as const)
    for (const address of recipients[field]) {
      const a = normaliseRecipient(address);
      if (!a) problems.push({ row, code: 'badAddress', params: { address, field } });
      else normalised[field].push(a);
    }

  const template = usesTemplate(r) ? applyRowTemplate(r, templates) : undefined;
  let subject = fillTemplate(r.subject, r.fields);
  let text = fillTemplate(r.text, r.fields);
  if (template) {
    problems.push(...template.problems);
    // the template's problems (placeholders included) stand for the row's own ones
    if (template.ok) {
      subject = { text: template.subject, missing: [] };
      text = { text: template.text, missing: [] };
    } else subject = text = { text: '', missing: [] };
  }
  for (const name of new Set([...subject.missing, ...text.missing]))
    problems.push({ row, code: 'placeholderMissing', params: { name } });
  if (!subject.text.trim() && template?.ok !== false)
    problems.push({ row, code: 'subjectMissing', params: {} });
  problems.push(...headerProblems(row, 'subject', subject.text));
  problems.push(...headerProblems(row, 'reference', r.reference));
  for (const file of r.attachments) problems.push(...headerProblems(row, 'attachment', path.basename(file)));
  problems.push(
    ...r.invalidFields.map((field) => ({ row, code: 'fieldInvalid' as const, params: { field } })),
  );

  let kind: MailKind | undefined;
  if (r.kind.trim()) {
    kind = MAIL_KINDS.find((k) => k === r.kind.trim().toLowerCase());
    if (!kind) problems.push({ row, code: 'kindInvalid', params: { value: r.kind } });
  }
  if (!kind && template?.ok) kind = template.kind;
  const shownName = template?.ok ? template.attachmentName : undefined;

  const draft: MailDraft = {
    to: normalised.to,
    cc: normalised.cc,
    bcc: normalised.bcc,
    subject: subject.text,
    text: text.text,
    // a template's file name pattern names the first attachment (the letter); others keep theirs
    attachments: r.attachments.map((p, i) => ({
      path: p,
      filename: i === 0 && shownName ? shownName : path.basename(p),
    })),
    ...(kind ? { kind } : {}),
    ...(r.reference ? { reference: r.reference } : {}),
  };
  const key = r.reference ? `ref:${r.reference}` : contentHash(draft);
  return {
    item: { row, reference: r.reference, key, draft },
    problems,
    subject: subject.text,
    text: text.text,
  };
}

/** The checks of a row's attachments: they exist, are PDFs, and the message fits the profile's limit. */
async function checkFiles(
  r: ManifestRow,
  subject: string,
  text: string,
  profile: Profile,
  files: AttachmentChecks,
): Promise<RowProblem[]> {
  const row = r.row;
  const problems: RowProblem[] = [];
  const attachments: Array<{ name: string; size: number }> = [];
  for (const file of r.attachments)
    attachments.push({ name: path.basename(file), size: await files.check(file, row, problems) });
  if (profile.maxSizeKb > 0) {
    const estimate = estimateMessageSize({ subject, text, attachments });
    if (estimate > profile.maxSizeKb * 1024)
      problems.push({
        row,
        code: 'tooLarge',
        params: { size: Math.ceil(estimate / 1024), limit: profile.maxSizeKb },
      });
  }
  return problems;
}

/**
 * Checks every row (one pass over the manifest, attachments several rows at a time) and collects
 * every problem; nothing may be sent while there is one.
 */
export async function precheck(
  source: ManifestSource,
  profile: Profile,
  templates: LoadedTemplates = { list: [] },
): Promise<Precheck> {
  const problems: RowProblem[] = [];
  const references: Record<number, string> = {};
  const seen = new Map<string, number>(); // identity -> first row
  const files = new AttachmentChecks();
  let rows = 0;
  let recipients = 0;
  await forEachLimit(source.rows(), 8, async (entry) => {
    const r = entry.row;
    rows++;
    recipients += r.to.length + r.cc.length + r.bcc.length;
    const { item, problems: own, subject, text } = itemOf(r, templates);
    // identities in row order, whatever order the file checks finish in
    const other = seen.get(item.key);
    if (other === undefined) seen.set(item.key, r.row);
    const found = [...entry.problems, ...own, ...(await checkFiles(r, subject, text, profile, files))];
    if (other !== undefined)
      found.push({ row: r.row, code: 'duplicateRow', params: { other, reference: r.reference } });
    if (found.length && r.reference) references[r.row] = r.reference;
    problems.push(...found);
  });
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems, references, recipients };
}

/** The messages to send, one row at a time (a second pass, after a pre-check without problems). */
export function* batchItems(
  source: ManifestSource,
  templates: LoadedTemplates = { list: [] },
): Iterable<BatchItem> {
  for (const entry of source.rows()) yield itemOf(entry.row, templates).item;
}
