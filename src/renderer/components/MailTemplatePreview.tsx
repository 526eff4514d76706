// The live preview of a template: subject, attachment name and text in one language, rendered with
// sample data by the same code that fills real messages (src/shared/mail-templates.ts).
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/types.js';
import { renderTemplate, SAMPLE_FIELDS, type MailTemplate } from '../../shared/mail-templates.js';

interface Props {
  template: MailTemplate;
  language: Language;
}

export function MailTemplatePreview({ template, language }: Props) {
  const { t } = useTranslation();
  const rendered = renderTemplate(template, language, SAMPLE_FIELDS);
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
        <dl className="report">
          {Object.entries(SAMPLE_FIELDS).map(([k, v]) => (
            <div key={k}>
              <dt>{`{{${k}}}`}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
