// A manifest row's e-mail template: the columns `template`/`Vorlage`, `level`/`Mahnstufe` and
// `language`/`Sprache` choose it (a row with a kind but without subject or text gets its kind's
// template), the row's own subject and text are kept, and every problem comes back with the row.
import type { RowProblem } from '../../shared/batch.js';
import {
  chooseTemplate,
  parseLevel,
  parseTemplateLanguage,
  renderTemplate,
  type MahnungLevel,
  type MailTemplate,
} from '../../shared/mail-templates.js';
import { MAIL_KINDS, type MailKind } from '../../shared/profile.js';
import type { ManifestRow } from './manifest-read.js';

/** The data folder's templates, loaded once per check; the error is raised only if a row needs them. */
export type LoadedTemplates = { list: readonly MailTemplate[] } | { error: unknown };

export async function loadTemplates(load: () => Promise<readonly MailTemplate[]>): Promise<LoadedTemplates> {
  try {
    return { list: await load() };
  } catch (error) {
    return { error };
  }
}

/** Whether the row takes (part of) its message from a template. */
export function usesTemplate(r: ManifestRow): boolean {
  if (r.template.trim() || r.level.trim()) return true;
  return Boolean(r.kind.trim()) && (!r.subject.trim() || !r.text.trim());
}

export interface RowTemplate {
  ok: true;
  subject: string;
  text: string;
  /** The first attachment's shown name. */
  attachmentName?: string;
  kind?: MailKind;
  problems: RowProblem[];
}

/** A template that cannot be used; the problems say why. */
export interface RowTemplateFailure {
  ok: false;
  problems: RowProblem[];
}

/** Fills the row's template. */
export function applyRowTemplate(
  r: ManifestRow,
  templates: LoadedTemplates,
): RowTemplate | RowTemplateFailure {
  if ('error' in templates) throw templates.error; // the templates file itself is damaged: exit 2
  const row = r.row;
  const problems: RowProblem[] = [];
  let level: MahnungLevel | undefined;
  if (r.level.trim()) {
    level = parseLevel(r.level);
    if (!level) problems.push({ row, code: 'levelInvalid', params: { value: r.level } });
  }
  let language: 'de' | 'en' | 'nl' = 'de';
  if (r.language.trim()) {
    const parsed = parseTemplateLanguage(r.language);
    if (parsed) language = parsed;
    else problems.push({ row, code: 'languageInvalid', params: { value: r.language } });
  }
  if (problems.length) return { ok: false, problems };
  const kind = MAIL_KINDS.find((k) => k === r.kind.trim().toLowerCase());
  const choice = chooseTemplate(templates.list, {
    ...(r.template.trim() ? { name: r.template.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(level ? { level } : {}),
  });
  if ('problem' in choice)
    return { ok: false, problems: [{ row, code: choice.problem, params: choice.params }] };
  const t = choice.template;
  const rendered = renderTemplate(t, language, r.fields, {
    subject: r.subject,
    text: r.text,
    reference: r.reference,
  });
  if (!rendered)
    return {
      ok: false,
      problems: [{ row, code: 'templateLanguageMissing', params: { name: t.name, language } }],
    };
  for (const name of rendered.missing) problems.push({ row, code: 'placeholderMissing', params: { name } });
  return {
    ok: true,
    subject: rendered.subject,
    text: rendered.text,
    ...(rendered.attachmentName ? { attachmentName: rendered.attachmentName } : {}),
    kind: t.kind,
    problems,
  };
}
