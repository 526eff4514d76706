// A single message from a template (`opos-mail send --template`): the template's subject, text and
// attachment name in the chosen language (German by default), filled from the given fields. The
// message's own subject or text, when given, is kept; a placeholder without a value is refused.
import type { Language } from '../../shared/i18n/types.js';
import { renderTemplate, type MailTemplate } from '../../shared/mail-templates.js';
import type { MailDraft } from '../../shared/mail.js';
import { MailError } from '../errors/mail-error.js';

export function draftFromTemplate(
  template: MailTemplate,
  draft: MailDraft,
  fields: Record<string, string>,
  language: Language = 'de',
): MailDraft {
  const rendered = renderTemplate(template, language, fields, {
    subject: draft.subject,
    ...(draft.text !== undefined ? { text: draft.text } : {}),
    ...(draft.reference ? { reference: draft.reference } : {}),
  });
  if (!rendered) throw new MailError('templateLanguageMissing', { name: template.name, language });
  if (rendered.missing.length)
    throw new MailError('placeholderMissing', {
      names: rendered.missing.map((n) => `{{${n}}}`).join(', '),
    });
  const [first, ...rest] = draft.attachments ?? [];
  return {
    ...draft,
    subject: rendered.subject,
    text: rendered.text,
    kind: draft.kind ?? template.kind,
    ...(first
      ? {
          attachments: [
            first.filename || !rendered.attachmentName
              ? first
              : { ...first, filename: rendered.attachmentName },
            ...rest,
          ],
        }
      : {}),
  };
}
