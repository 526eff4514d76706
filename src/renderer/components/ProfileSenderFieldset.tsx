// "Absender": the sender's address and name. Where the kind sends with the mail program's own account
// (Windows-Standard; Outlook takes no name), the field is empty and disabled with the kind's reason.
import { useTranslation } from 'react-i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import { Field } from './Field.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';

export function ProfileSenderFieldset({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const { values, set, reason } = form;
  return (
    <fieldset>
      <legend>{t('ui:form.sections.sender')}</legend>
      <Field
        id="f-fromAddress"
        label={t(key('fromAddress'))}
        disabledReason={reason('fromAddress')}
        error={form.problemFor('fromAddress')}
        required={kindSpec(values.connection).needsSender}
      >
        {(c) => (
          <input
            {...c}
            type="email"
            value={reason('fromAddress') ? '' : values.fromAddress}
            spellCheck={false}
            onChange={(e) => {
              if (!reason('fromAddress')) set('fromAddress', e.target.value);
            }}
          />
        )}
      </Field>
      <Field id="f-fromName" label={t(key('fromName'))} disabledReason={reason('fromName')}>
        {(c) => (
          <input
            {...c}
            type="text"
            value={reason('fromName') ? '' : values.fromName}
            onChange={(e) => {
              if (!reason('fromName')) set('fromName', e.target.value);
            }}
          />
        )}
      </Field>
    </fieldset>
  );
}
