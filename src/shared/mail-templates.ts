// E-mail templates (Vorlagen): per kind (Mahnung with its level, Zahlungsavis) and language the
// subject, text and the attachment's shown file name, with `{{Platzhalter}}`. The schema of the
// templates file and of an export, how a message picks its template, and how a template is rendered
// (with the one placeholder implementation) — shared by the core, the CLI and the dialog's preview.
import { z } from 'zod';
import { LANGUAGES, type Language } from './i18n/types.js';
import { fillTemplate } from './placeholders.js';
import { MAIL_KINDS, type MailKind } from './profile.js';

/** Mahnstufen: 1, 2, 3 and "letzte Mahnung" (`final`). */
export const MAHNUNG_LEVELS = ['1', '2', '3', 'final'] as const;
export type MahnungLevel = (typeof MAHNUNG_LEVELS)[number];

export const TEMPLATE_NAME_MAX = 64;
export const TEMPLATES_FILE_VERSION = 1;

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

const singleLine = (max: number) => z.string().max(max).regex(NO_CONTROL, { message: 'control-characters' });

export const templateNameSchema = singleLine(TEMPLATE_NAME_MAX)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { message: 'empty' });

/** One language's texts of a template. */
export const templateTextSchema = z
  .object({
    subject: singleLine(998),
    text: z.string().max(100_000),
    /** The attachment's shown file name, e.g. `Mahnung_{{Referenz}}.pdf`; empty = the file's own name. */
    attachmentName: singleLine(255)
      .refine((s) => s === '' || /\.pdf$/i.test(s), { message: 'must end in .pdf' })
      .refine((s) => !/[\\/]/.test(s), { message: 'no folders' })
      .default(''),
  })
  .strict();
export type TemplateText = z.infer<typeof templateTextSchema>;

export const mailTemplateSchema = z
  .object({
    name: templateNameSchema,
    kind: z.enum(MAIL_KINDS),
    /** Mahnungen only: the level this template is for. */
    level: z.enum(MAHNUNG_LEVELS).optional(),
    texts: z
      .object({
        de: templateTextSchema.optional(),
        en: templateTextSchema.optional(),
        nl: templateTextSchema.optional(),
      })
      .strict()
      .refine((t) => LANGUAGES.some((l) => t[l]), { message: 'at least one language' }),
  })
  .strict()
  .refine((t) => (t.kind === 'mahnung') === (t.level !== undefined), {
    message: 'a Mahnung needs a level, a Zahlungsavis has none',
    path: ['level'],
  });
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

/** The templates file in the data folder, and the format of `template export` / `import`. */
export const templatesFileSchema = z
  .object({
    version: z.literal(TEMPLATES_FILE_VERSION),
    templates: z.array(mailTemplateSchema).max(1000),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.templates.forEach((t, i) => {
      const key = t.name.toLocaleLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['templates', i, 'name'], message: `"${t.name}" twice` });
      seen.add(key);
    });
  });
export type TemplatesFile = z.infer<typeof templatesFileSchema>;

/** Template names compare case-insensitively. */
export function sameTemplateName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

const LEVEL_WORDS: Record<string, MahnungLevel> = {
  '1': '1',
  '2': '2',
  '3': '3',
  '4': 'final',
  final: 'final',
  last: 'final',
  'final reminder': 'final',
  letzte: 'final',
  'letzte mahnung': 'final',
  laatste: 'final',
  'laatste aanmaning': 'final',
};

/** A Mahnstufe as a manifest or the command line writes it; undefined when it is not one. */
export function parseLevel(value: string): MahnungLevel | undefined {
  return LEVEL_WORDS[value.trim().toLowerCase().replace(/\.$/, '')];
}

const LANGUAGE_WORDS: Record<string, Language> = {
  deutsch: 'de',
  german: 'de',
  englisch: 'en',
  english: 'en',
  engels: 'en',
  niederländisch: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
};

/** A debtor's language as written (`de`, `EN`, `nl-BE`, `Deutsch` …); undefined when it is none of ours. */
export function parseTemplateLanguage(value: string): Language | undefined {
  const v = value.trim().toLowerCase();
  if (LANGUAGE_WORDS[v]) return LANGUAGE_WORDS[v];
  const code = /^([a-z]{2})(?:[-_][a-z]{2})?$/.exec(v)?.[1];
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : undefined;
}

const FINAL_LEVEL_NAME: Record<Language, string> = {
  de: 'letzte Mahnung',
  en: 'final reminder',
  nl: 'laatste aanmaning',
};

/** The value of `{{Mahnstufe}}` for a level in a language. */
export function levelLabel(level: MahnungLevel, language: Language): string {
  return level === 'final' ? FINAL_LEVEL_NAME[language] : level;
}

export type TemplateChoice =
  | { template: MailTemplate }
  | { problem: 'templateUnknown'; params: { name: string } }
  | { problem: 'templateMissing'; params: { kind: string; level: string } };

/**
 * The template a message uses: by name, else the first template of its kind (and, for a Mahnung,
 * level) in the list's order. Undefined when the message asks for none.
 */
export function chooseTemplate(
  templates: readonly MailTemplate[],
  want: { name?: string; kind?: MailKind; level?: MahnungLevel },
): TemplateChoice {
  if (want.name) {
    const found = templates.find((t) => sameTemplateName(t.name, want.name!));
    return found ? { template: found } : { problem: 'templateUnknown', params: { name: want.name } };
  }
  const kind = want.kind ?? (want.level ? 'mahnung' : undefined);
  const found = templates.find((t) => t.kind === kind && (kind !== 'mahnung' || t.level === want.level));
  return found
    ? { template: found }
    : { problem: 'templateMissing', params: { kind: kind ?? '', level: want.level ?? '' } };
}

/** The placeholders every template may use besides the message's own fields. */
export function standardFields(
  template: MailTemplate,
  language: Language,
  fields: Record<string, string>,
  reference?: string,
): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  const has = (name: string) =>
    Object.keys(out).some((k) => k.toLowerCase() === name.toLowerCase() && out[k]!.trim() !== '');
  if (reference && !has('Referenz')) out.Referenz = reference;
  if (template.level && !has('Mahnstufe')) out.Mahnstufe = levelLabel(template.level, language);
  return out;
}

export interface RenderedTemplate {
  subject: string;
  text: string;
  /** The attachment's shown name; undefined when the template keeps the file's own name. */
  attachmentName?: string;
  /** Placeholders without a value (in subject, text or attachment name). */
  missing: string[];
}

/**
 * Fills a template's texts in a language; a message's own subject or text (non-empty) is kept
 * instead of the template's. Null when the template has no texts in that language.
 */
export function renderTemplate(
  template: MailTemplate,
  language: Language,
  fields: Record<string, string>,
  own: { subject?: string; text?: string; reference?: string } = {},
): RenderedTemplate | null {
  const texts = template.texts[language];
  if (!texts) return null;
  const values = standardFields(template, language, fields, own.reference);
  const subject = fillTemplate(own.subject?.trim() ? own.subject : texts.subject, values);
  const text = fillTemplate(own.text?.trim() ? own.text : texts.text, values);
  const name = texts.attachmentName ? fillTemplate(texts.attachmentName, values) : undefined;
  return {
    subject: subject.text,
    text: text.text,
    ...(name ? { attachmentName: safeFileName(name.text) } : {}),
    missing: [...new Set([...subject.missing, ...text.missing, ...(name?.missing ?? [])])],
  };
}

/** A file name shown to the recipient: a value like `2026/11` must not make it a path. */
export function safeFileName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, '_');
}

/** Example values for the dialog's live preview. */
export const SAMPLE_FIELDS: Record<string, string> = {
  Name: 'Jürgen Müller',
  Betrag: '1.234,56 €',
  Fällig: '15.12.2026',
  Referenz: 'D-1001',
};
