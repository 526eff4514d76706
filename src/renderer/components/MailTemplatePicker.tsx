// "Vorlage …" in the Senden view: choose a template and the debtor's language; its subject and text
// (with the reference filled in, other placeholders left for the user) replace the form's.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import { LANGUAGES, type Language } from '../../shared/i18n/types.js';
import { standardFields, type MailTemplate } from '../../shared/mail-templates.js';
import { fillTemplate } from '../../shared/placeholders.js';
import type { MailKind } from '../../shared/profile.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { ErrorBox } from './ErrorBox.js';
import { Field } from './Field.js';
import { Modal } from './Modal.js';

export interface PickedTemplate {
  subject: string;
  text: string;
  kind: MailKind;
}

interface Props {
  reference: string;
  onPick: (picked: PickedTemplate) => void;
  onClose: () => void;
}

/** Fills what is known (reference, Mahnstufe) and leaves every other placeholder as it is. */
function fillKnown(text: string, fields: Record<string, string>): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole) => {
    const filled = fillTemplate(whole, fields);
    return filled.missing.length ? whole : filled.text;
  });
}

export function MailTemplatePicker({ reference, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const api = getApi()!;
  const [templates, setTemplates] = useState<MailTemplate[] | null>(null);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>('de');
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    unwrap(api.listMailTemplates({})).then(
      (list) => {
        setTemplates(list);
        setName(list[0]?.name ?? '');
      },
      (e) => setError(errorInfoOf(e)),
    );
  }, [api]);

  const chosen = templates?.find((x) => x.name === name);
  const texts = chosen?.texts[language];
  const apply = () => {
    if (!chosen || !texts) return;
    const fields = standardFields(chosen, language, {}, reference.trim() || undefined);
    onPick({
      subject: fillKnown(texts.subject, fields),
      text: fillKnown(texts.text, fields),
      kind: chosen.kind,
    });
  };

  return (
    <Modal
      title={t('ui:mailTemplates.pickTitle')}
      onClose={onClose}
      testId="mail-template-picker"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('ui:form.cancel')}
          </button>
          <button type="button" className="primary" disabled={!texts} onClick={apply}>
            {t('ui:mailTemplates.pickApply')}
          </button>
        </>
      }
    >
      {error ? <ErrorBox error={error} /> : null}
      <Field id="pick-template" label={t('ui:mailTemplates.heading')}>
        {(c) => (
          <select {...c} value={name} onChange={(e) => setName(e.target.value)}>
            {(templates ?? []).map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="pick-language"
        label={t('ui:mailTemplates.language')}
        error={chosen && !texts ? t('ui:mailTemplates.languageMissing') : null}
      >
        {(c) => (
          <select {...c} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`ui:mailTemplates.languages.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="help">{t('ui:mailTemplates.pickHelp')}</p>
    </Modal>
  );
}
