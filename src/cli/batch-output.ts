// Renderings shared by `batch`, `outbox` and `journal`: localised problem and row texts, JSON lines
// with the error's localised message.
import type { TFunction } from 'i18next';
import type { BatchLine, RowProblem } from '../shared/batch.js';
import type { OutboxEntry } from '../shared/outbox.js';
import { infoMessage } from './error-message.js';

export function problemText(t: TFunction, p: RowProblem): string {
  const params: Record<string, string | number> = { ...p.params };
  if (p.code === 'placeholderMissing') params.placeholder = `{{${String(p.params.name)}}}`;
  return t(`batch:problems.${p.code}`, params);
}

export { infoMessage };

/** The line with the error's localised message filled in. */
export function withMessage(t: TFunction, line: BatchLine): BatchLine {
  if (line.error) line.error = { ...line.error, message: infoMessage(t, line.error) };
  return line;
}

/** `--json` lines for a refused manifest: one per invalid row, every problem listed. */
export function invalidLines(
  t: TFunction,
  problems: RowProblem[],
  references: Record<number, string> = {},
): BatchLine[] {
  const byRow = new Map<number, RowProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  return [...byRow.entries()].map(([row, list]) => ({
    row,
    reference: references[row] ?? null,
    state: 'invalid' as const,
    messageId: null,
    response: null,
    problems: list.map((p) => ({ ...p, message: problemText(t, p) })),
    error: {
      code: 'manifestInvalid' as const,
      category: 'invalid' as const,
      exitCode: 2,
      params: { row },
      message: list.map((p) => problemText(t, p)).join('; '),
    },
  }));
}

export function rowLineText(t: TFunction, line: BatchLine): string {
  const detail =
    line.state === 'failed' || line.state === 'unknown' || line.state === 'partial'
      ? ` – ${line.error?.message ?? ''}`
      : line.dryRun && line.file
        ? ` – ${line.file}`
        : line.response
          ? ` – ${line.response}`
          : '';
  return t('batch:rowLine', {
    row: line.row,
    ref: line.reference ? ` (${line.reference})` : '',
    state: t(`batch:states.${line.state}`),
    detail,
  });
}

/** `outbox list --json` / `outbox show --json`: the entry with a localised error message. */
export function entryJson(t: TFunction, e: OutboxEntry) {
  return e.error ? { ...e, error: { ...e.error, message: infoMessage(t, e.error) } } : e;
}
