// "Nachrichten dieses Profils" (OPOS's global e-mail settings): the Kontrollkopie (a Bcc of every
// message, envelope only), a Reply-To, the signature under every text, and whether delivery (DSN) and
// read receipts are asked for. Each message may override the receipts (Senden view, `send`).
import { useTranslation } from 'react-i18next';
import type { MessageSettings } from '../../shared/profile.js';
import { Field } from './Field.js';

interface Props {
  values: MessageSettings;
  /** The form's problem text of a field (`messages.controlCopy` …), null when there is none. */
  errorFor: (field: string) => string | null;
  onChange: (messages: MessageSettings) => void;
}

export function MessageSettingsFieldset({ values, errorFor, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<MessageSettings>) => onChange({ ...values, ...patch });
  const checkbox = (field: 'deliveryReceipt' | 'readReceipt') => (
    <Field
      id={`f-messages-${field}`}
      label={t(`ui:messageSettings.${field}`)}
      help={t(`ui:messageSettings.${field}Help`)}
    >
      {(c) => (
        <label className="check">
          <input
            {...c}
            type="checkbox"
            checked={values[field]}
            onChange={(e) => set({ [field]: e.target.checked })}
          />{' '}
          {t(`ui:messageSettings.${field}`)}
        </label>
      )}
    </Field>
  );
  return (
    <fieldset data-testid="message-settings">
      <legend>{t('ui:messageSettings.legend')}</legend>
      <Field
        id="f-messages-controlCopy"
        label={t('ui:messageSettings.controlCopy')}
        error={errorFor('messages.controlCopy')}
        help={t('ui:messageSettings.controlCopyHelp')}
      >
        {(c) => (
          <input
            {...c}
            type="email"
            spellCheck={false}
            value={values.controlCopy}
            onChange={(e) => set({ controlCopy: e.target.value.trim() })}
          />
        )}
      </Field>
      <Field
        id="f-messages-replyTo"
        label={t('ui:messageSettings.replyTo')}
        error={errorFor('messages.replyTo')}
      >
        {(c) => (
          <input
            {...c}
            type="email"
            spellCheck={false}
            value={values.replyTo}
            onChange={(e) => set({ replyTo: e.target.value.trim() })}
          />
        )}
      </Field>
      <Field
        id="f-messages-signature"
        label={t('ui:messageSettings.signature')}
        help={t('ui:messageSettings.signatureHelp')}
      >
        {(c) => (
          <textarea
            {...c}
            rows={4}
            value={values.signature}
            onChange={(e) => set({ signature: e.target.value })}
          />
        )}
      </Field>
      {checkbox('deliveryReceipt')}
      {checkbox('readReceipt')}
    </fieldset>
  );
}
