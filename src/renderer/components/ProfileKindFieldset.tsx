// "Profil": the profile's name and its Verbindungsart. A kind that cannot work on this system is listed
// but cannot be chosen; choosing a kind keeps what still applies (the sign-in it allows, its provider).
import { useTranslation } from 'react-i18next';
import { effectiveAuth, kindAvailableOn, kindSpec } from '../../shared/connection-kinds.js';
import { CONNECTION_KINDS } from '../../shared/profile.js';
import { appPlatform } from '../platform.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';

export function ProfileKindFieldset({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const platform = appPlatform();
  const { values, set } = form;
  const chooseKind = (kind: EditableProfile['connection']) =>
    form.setValues((v) => {
      const providers = kindSpec(kind).oauthProviders;
      const provider = providers.includes(v.oauth.provider)
        ? v.oauth.provider
        : (providers[0] ?? v.oauth.provider);
      return { ...v, connection: kind, auth: effectiveAuth(kind, v.auth), oauth: { ...v.oauth, provider } };
    });
  return (
    <fieldset>
      <legend>{t('ui:form.sections.profile')}</legend>
      <Field id="f-name" label={t(key('name'))} error={form.problemFor('name')} required>
        {(c) => (
          <input
            {...c}
            type="text"
            value={values.name}
            maxLength={64}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      <Field id="f-connection" label={t(key('connection'))} help={t(`ui:form.kindHelp.${values.connection}`)}>
        {(c) => (
          <select
            {...c}
            value={values.connection}
            onChange={(e) => chooseKind(e.target.value as EditableProfile['connection'])}
          >
            {CONNECTION_KINDS.map((k) => (
              <option key={k} value={k} disabled={!kindAvailableOn(k, platform) && k !== values.connection}>
                {t(`core:kinds.${k}`)}
                {kindAvailableOn(k, platform) ? '' : ` – ${t('ui:form.notOnThisSystem')}`}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
