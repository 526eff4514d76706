// The live preview of a template: subject, attachment name and text in one language, rendered with
// sample data — or the user's own values for a real row — by the same code that fills real messages
// (src/shared/mail-templates.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/types.js';
import { renderTemplate, SAMPLE_FIELDS, type MailTemplate } from '../../shared/mail-templates.js';
import { placeholdersOf } from '../../shared/placeholders.js';

interface Props {
  template: MailTemplate;
  language: Language;
}

export function MailTemplatePreview({ template, language }: Props) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Record<string, string>>(SAMPLE_FIELDS);
  const rendered = renderTemplate(template, language, fields);
  const texts = template.texts[language];
  // the sample values, plus one per other placeholder the texts use (a manifest column)
  const names = [
    ...new Set([
      ...Object.keys(SAMPLE_FIELDS),
      ...placeholdersOf(`${texts?.subject ?? ''}\n${texts?.text ?? ''}\n${texts?.attachmentName ?? ''}`),
    ]),
  ].filter((n) => n.toLowerCase() !== 'mahnstufe');
  return (
    <section
      className="preview"
      aria-labelledby="mail-template-preview-heading"
      data-testid="mail-template-preview"
    >
      <h3 id="mail-template-preview-heading">
        {t('ui:mailTemplates.preview')} ({t(`ui:mailTemplates.languages.${language}`)})
      </h3>
      <p className="help">{t('ui:mailTemplates.previewHelp')}</p>
      {!rendered ? (
        <p className="help">{t('ui:mailTemplates.languageMissing')}</p>
      ) : (
        <>
          <dl className="report">
            <div>
              <dt>{t('ui:mailTemplates.subject')}</dt>
              <dd data-testid="preview-subject">{rendered.subject}</dd>
            </div>
            <div>
              <dt>{t('ui:mailTemplates.attachmentName')}</dt>
              <dd data-testid="preview-attachment">
                {rendered.attachmentName ?? t('ui:mailTemplates.noAttachmentName')}
              </dd>
            </div>
          </dl>
          <pre className="preview-text" data-testid="preview-text">
            {rendered.text}
          </pre>
          {rendered.missing.length ? (
            <p className="field-error" role="status">
              {t('ui:mailTemplates.missing', { names: rendered.missing.map((n) => `{{${n}}}`).join(', ') })}
            </p>
          ) : null}
        </>
      )}
      <details>
        <summary>{t('ui:mailTemplates.sampleData')}</summary>
        <div className="sample-fields">
          {names.map((n, i) => (
            <div key={n} className="field">
              <div className="label-cell">
                <label htmlFor={`mt-sample-${i}`}>{`{{${n}}}`}</label>
              </div>
              <div className="control">
                <input
                  id={`mt-sample-${i}`}
                  type="text"
                  value={fields[n] ?? ''}
                  onChange={(e) => setFields((f) => ({ ...f, [n]: e.target.value }))}
                />
              </div>
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
