// "Anmelden": the kind of login (none, user name and password, OAuth 2.0 with or without a dialog),
// the user name, the password kept in the OS keychain and the permission to log in unencrypted (only
// with a password and a security mode that may end in plain text; otherwise empty and disabled).
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import { mayEndInPlainText, type AuthMethod } from '../../shared/profile.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';

type AuthChoice = 'none' | 'password' | 'silent' | 'dialog';
const AUTH_CHOICES: AuthChoice[] = ['none', 'password', 'silent', 'dialog'];

/** An authentication the kind does not allow is disabled with the kind's reason (the registry's list). */
function authReason(t: TFunction, v: EditableProfile, choice: AuthChoice): string | null {
  const method: AuthMethod = choice === 'silent' || choice === 'dialog' ? 'oauth' : choice;
  return kindSpec(v.connection).auth.includes(method) ? null : t(`ui:disabled.kinds.${v.connection}`);
}

interface Props {
  form: ProfileForm;
  password: string;
  onPassword: (password: string) => void;
  /** A password is stored in the keychain for the saved profile. */
  hasPassword: boolean;
  clearPassword: boolean;
  onClearPassword: (clear: boolean) => void;
  /** Any change clears the last "saved"/"fix the fields" message. */
  onChanged: () => void;
}

export function ProfileLoginFieldset(p: Props) {
  const { t } = useTranslation();
  const { values, set, reason } = p.form;
  // logging in unencrypted can only happen with a password and a mode that may end in plain text
  const plainReason =
    reason('allowPlaintextAuth') ??
    (!reason('security') && !mayEndInPlainText(values.security)
      ? t('ui:formPolish.plainAlwaysEncrypted', { mode: values.security })
      : null);
  const authChoice: AuthChoice = values.auth === 'oauth' ? values.oauth.mode : values.auth;
  const chooseAuth = (c: AuthChoice) => {
    if (authReason(t, values, c)) return;
    p.form.setValues((v) =>
      c === 'silent' || c === 'dialog'
        ? { ...v, auth: 'oauth', oauth: { ...v.oauth, mode: c } }
        : { ...v, auth: c },
    );
    p.onChanged();
  };
  return (
    <fieldset>
      <legend>{t('ui:form.sections.login')}</legend>
      <div className="field" role="radiogroup" aria-labelledby="auth-legend">
        <span className="label" id="auth-legend">
          {t('ui:form.authLegend')}
        </span>
        <div className="control radios">
          {AUTH_CHOICES.map((c) => {
            const why = authReason(t, values, c);
            return (
              <div key={c} className={`radio${why ? ' is-disabled' : ''}`}>
                <input
                  type="radio"
                  id={`auth-${c}`}
                  name="auth"
                  value={c}
                  checked={authChoice === c}
                  aria-disabled={why ? true : undefined}
                  aria-describedby={
                    why ? `auth-${c}-reason` : c === 'silent' || c === 'dialog' ? `auth-${c}-help` : undefined
                  }
                  onChange={() => chooseAuth(c)}
                />
                <label htmlFor={`auth-${c}`}>{t(`ui:form.authModes.${c}`)}</label>
                {why ? (
                  <span role="tooltip" id={`auth-${c}-reason`} className="reason">
                    {why}
                  </span>
                ) : c === 'silent' || c === 'dialog' ? (
                  <span id={`auth-${c}-help`} className="help inline-help">
                    {t(`ui:form.authModeHelp.${c}`)}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
      <Field
        id="f-user"
        label={t(key('user'))}
        disabledReason={reason('user')}
        error={p.form.problemFor('user')}
        required
      >
        {(c) => (
          <input
            {...c}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={reason('user') ? '' : values.user}
            onChange={(e) => {
              if (!reason('user')) set('user', e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id="f-password"
        label={t(key('password'))}
        disabledReason={reason('password')}
        help={
          reason('password') ? null : (
            <>
              <span data-testid="password-state">
                {p.hasPassword && !p.clearPassword ? t('ui:form.passwordStored') : t('ui:form.passwordNone')}
              </span>{' '}
              {t('ui:form.passwordKeychain')}
            </>
          )
        }
      >
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            value={reason('password') ? '' : p.password}
            placeholder={!reason('password') && p.hasPassword && !p.clearPassword ? '••••••••' : ''}
            onChange={(e) => {
              if (reason('password')) return;
              p.onPassword(e.target.value);
              p.onChanged();
            }}
          />
        )}
      </Field>
      {p.hasPassword && !reason('password') ? (
        <div className="field">
          <span className="label" />
          <div className="control">
            <label className="check">
              <input
                type="checkbox"
                checked={p.clearPassword}
                onChange={(e) => p.onClearPassword(e.target.checked)}
              />{' '}
              {t('ui:form.passwordClear')}
            </label>
          </div>
        </div>
      ) : null}
      <Field id="f-allowPlaintextAuth" label="" disabledReason={plainReason}>
        {(c) => (
          <label className="check">
            <input
              {...c}
              type="checkbox"
              checked={plainReason ? false : values.allowPlaintextAuth}
              onChange={(e) => {
                if (!plainReason) set('allowPlaintextAuth', e.target.checked);
              }}
            />{' '}
            {t(key('allowPlaintextAuth'))}
          </label>
        )}
      </Field>
    </fieldset>
  );
}
