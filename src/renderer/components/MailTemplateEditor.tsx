// The editor of one e-mail template: name, kind and Mahnstufe, and per language the subject, the
// attachment's file name pattern and the text. The form edits a copy; the view saves it.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/i18n/types.js';
import { MAHNUNG_LEVELS, type MailTemplate, type TemplateText } from '../../shared/mail-templates.js';
import { MAIL_KINDS, type MailKind } from '../../shared/profile.js';
import { Field } from './Field.js';

interface Props {
  template: MailTemplate;
  language: Language;
  onLanguage: (language: Language) => void;
  onChange: (template: MailTemplate) => void;
}

const EXAMPLE_NAME = 'Mahnung_{{Referenz}}.pdf';
const PLACEHOLDERS = '{{Name}}, {{Betrag}}, {{Fällig}}, {{Referenz}}, {{Mahnstufe}}';

export function MailTemplateEditor({ template, language, onLanguage, onChange }: Props) {
  const { t } = useTranslation();
  const texts = template.texts[language];
  const setTexts = (next: TemplateText | undefined) => {
    const all = { ...template.texts };
    if (next) all[language] = next;
    else delete all[language];
    onChange({ ...template, texts: all });
  };
  const setText = (patch: Partial<TemplateText>) => texts && setTexts({ ...texts, ...patch });
  const setKind = (kind: MailKind) => {
    const { level: _level, ...rest } = template;
    onChange(kind === 'mahnung' ? { ...rest, kind, level: template.level ?? '1' } : { ...rest, kind });
  };
  const languagesWithText = LANGUAGES.filter((l) => template.texts[l]);

  return (
    <fieldset data-testid="mail-template-editor">
      <legend>{t('ui:mailTemplates.editor')}</legend>
      <Field id="mt-name" label={t('ui:mailTemplates.name')} required>
        {(c) => (
          <input
            {...c}
            type="text"
            maxLength={64}
            value={template.name}
            onChange={(e) => onChange({ ...template, name: e.target.value })}
          />
        )}
      </Field>
      <Field id="mt-kind" label={t('ui:mailTemplates.kind')}>
        {(c) => (
          <select {...c} value={template.kind} onChange={(e) => setKind(e.target.value as MailKind)}>
            {MAIL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ui:send.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="mt-level"
        label={t('ui:mailTemplates.level')}
        disabledReason={template.kind === 'mahnung' ? null : t('ui:mailTemplates.levelNone')}
      >
        {(c) => (
          <select
            {...c}
            value={template.level ?? ''}
            onChange={(e) => {
              if (template.kind === 'mahnung')
                onChange({ ...template, level: e.target.value as MailTemplate['level'] & string });
            }}
          >
            {template.kind === 'mahnung' ? null : <option value="" />}
            {MAHNUNG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`ui:mailTemplates.levels.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="mt-language" label={t('ui:mailTemplates.language')}>
        {(c) => (
          <select {...c} value={language} onChange={(e) => onLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`ui:mailTemplates.languages.${l}`)}
                {template.texts[l] ? '' : ' –'}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!texts ? (
        <div className="field">
          <div className="label-cell" />
          <div className="control">
            <p className="help">{t('ui:mailTemplates.languageMissing')}</p>
            <button
              type="button"
              onClick={() => {
                const from = languagesWithText[0] ? template.texts[languagesWithText[0]] : undefined;
                setTexts(from ? { ...from } : { subject: '', text: '', attachmentName: '' });
              }}
            >
              {t('ui:mailTemplates.addLanguage')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <Field id="mt-subject" label={t('ui:mailTemplates.subject')} required>
            {(c) => (
              <input
                {...c}
                type="text"
                value={texts.subject}
                onChange={(e) => setText({ subject: e.target.value })}
              />
            )}
          </Field>
          <Field
            id="mt-attachment"
            label={t('ui:mailTemplates.attachmentName')}
            help={t('ui:mailTemplates.attachmentNameHelp', { example: EXAMPLE_NAME })}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                spellCheck={false}
                value={texts.attachmentName}
                onChange={(e) => setText({ attachmentName: e.target.value })}
              />
            )}
          </Field>
          <Field
            id="mt-text"
            label={t('ui:mailTemplates.text')}
            help={t('ui:mailTemplates.placeholdersHelp', { list: PLACEHOLDERS })}
          >
            {(c) => (
              <textarea
                {...c}
                rows={10}
                value={texts.text}
                onChange={(e) => setText({ text: e.target.value })}
              />
            )}
          </Field>
          {languagesWithText.length > 1 ? (
            <div className="field">
              <div className="label-cell" />
              <div className="control">
                <button type="button" className="link" onClick={() => setTexts(undefined)}>
                  {t('ui:mailTemplates.removeLanguage')}
                </button>
              </div>
            </div>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
