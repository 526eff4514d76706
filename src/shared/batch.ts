// The batch run ("Mahnlauf") as the CLI prints it with --json and the desktop app shows it. Field and
// state names are a promise to ERPs' scripts: keep them.
import type { ErrorInfo } from './errors.js';
import type { HandoffInfo, RefusedRecipient } from './mail.js';

export const BATCH_PROBLEM_CODES = [
  'toMissing',
  'badAddress',
  'subjectMissing',
  'controlCharacter',
  'attachmentMissing',
  'attachmentUnreadable',
  'attachmentNotPdf',
  'tooLarge',
  'placeholderMissing',
  'kindInvalid',
  'duplicateRow',
  'columnCount',
  // e-mail templates
  'templateUnknown',
  'templateMissing',
  'templateLanguageMissing',
  'levelInvalid',
  'languageInvalid',
  'headerTooLong',
  'fieldInvalid',
] as const;
export type BatchProblemCode = (typeof BATCH_PROBLEM_CODES)[number];

/** One problem the pre-check found, with its 1-based data row. */
export interface RowProblem {
  row: number;
  code: BatchProblemCode;
  params: Record<string, string | number>;
}

/** `partial`: delivered, but the server refused some recipients (`refused` names them). */
export type BatchLineState = 'sent' | 'handedOff' | 'failed' | 'unknown' | 'skipped' | 'invalid' | 'partial';

/** One `--json` line per message. */
export interface BatchLine {
  row: number;
  reference: string | null;
  state: BatchLineState;
  messageId: string | null;
  response: string | null;
  to?: string[];
  outboxId?: string;
  attempts?: number;
  /** Dry run: nothing was sent; the .eml in the test mailbox. */
  dryRun?: boolean;
  file?: string;
  /** State `partial`: who was refused, with the server's replies. */
  refused?: RefusedRecipient[];
  error?: ErrorInfo & { message: string };
  /** handedOff: which mail program received it, and how. */
  handoff?: HandoffInfo;
  problems?: Array<RowProblem & { message: string }>;
}

export interface BatchSummary {
  sent: number;
  /** Handed to the mail program on the desk (hand-off kinds). */
  handedOff: number;
  failed: number;
  unknown: number;
  skipped: number;
  /** Rows not (yet) sent when the run ended: left in the outbox or not started. */
  queued: number;
  invalid: number;
  /** Delivered to some recipients, refused for others. */
  partial: number;
}

/** A summary before the first row. */
export function emptySummary(): BatchSummary {
  return { sent: 0, handedOff: 0, failed: 0, unknown: 0, skipped: 0, queued: 0, invalid: 0, partial: 0 };
}
