// "OAuth 2.0": the provider (Authentifizierung), the own application and directory IDs, the sign-in
// in the browser with its state and its error beside it, and the advanced settings (national clouds,
// own authority/Graph URLs). Without a built-in application for the provider the field says so and
// links the registration guide; fields that do not apply are shown empty.
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { SignInStatus } from '../../shared/oauth.js';
import { kindSpec } from '../../shared/connection-kinds.js';
import { MICROSOFT_CLOUDS, OAUTH_PROVIDERS, type OAuthProvider } from '../../shared/profile.js';
import { ErrorBox } from './ErrorBox.js';
import type { EditableProfile } from '../templates.js';
import { Field } from './Field.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';

interface Props {
  form: ProfileForm;
  oauthAvailable: boolean;
  /** Providers this build has a built-in application for. */
  builtIn: Record<OAuthProvider, boolean>;
  /** The last sign-in's (or sign-out's) error, shown beside the button. */
  signInError: ErrorInfo | null;
  onOpenGuide: () => void;
  /** The sign-in state of the saved profile (null: not known yet). */
  status: SignInStatus | null | undefined;
  /** Why signing in cannot start now; null when it can. */
  signInReason: string | null;
  signingIn: boolean;
  onSignIn: () => void;
  onSignOut: () => void;
  /** Shown while a sign-in waits for the browser. */
  onCancelSignIn: (() => void) | null;
}

export function ProfileOAuthFieldset(p: Props) {
  const { t } = useTranslation();
  const { values, setOAuth, reason, problemFor } = p.form;
  const oauthReason = reason('oauth');
  const providerReason =
    oauthReason ??
    (kindSpec(values.connection).oauthProviders.length === 1 ? t('ui:disabled.graphMicrosoft') : null);
  const tenantReason =
    oauthReason ?? (values.oauth.provider !== 'microsoft' ? t('ui:disabled.microsoftOnly') : null);
  const graphReason =
    kindSpec(values.connection).oauthPurpose !== 'graph' ? t('ui:advanced.graphOnly') : null;
  const advancedSet =
    values.oauth.cloud !== 'global' || values.oauth.authorityUrl !== '' || values.oauth.graphUrl !== '';
  const status = p.status;
  const builtIn = p.builtIn[values.oauth.provider];
  const clientHelp = oauthReason ? null : builtIn ? (
    t('ui:formPolish.builtInApp')
  ) : (
    <span data-testid="no-built-in-app">
      {t('ui:formPolish.noBuiltInApp', { provider: t(`ui:form.providers.${values.oauth.provider}`) })}{' '}
      <button type="button" className="link" onClick={p.onOpenGuide}>
        {t('ui:formPolish.guideLink')}
      </button>
    </span>
  );
  return (
    <fieldset>
      <legend>{t('ui:form.sections.oauth')}</legend>
      <Field id="f-provider" label={t('ui:form.provider')} disabledReason={providerReason}>
        {(c) => (
          <select
            {...c}
            value={oauthReason ? '' : values.oauth.provider}
            onChange={(e) => {
              if (!providerReason)
                setOAuth('provider', e.target.value as EditableProfile['oauth']['provider']);
            }}
          >
            {oauthReason ? <option value="" /> : null}
            {OAUTH_PROVIDERS.map((pr) => (
              <option key={pr} value={pr}>
                {t(`ui:form.providers.${pr}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="f-clientId" label={t(key('oauth.clientId'))} disabledReason={oauthReason} help={clientHelp}>
        {(c) => (
          <input
            {...c}
            type="text"
            spellCheck={false}
            // "Standard-Anwendung" only where this build has one
            placeholder={!oauthReason && builtIn ? t('ui:form.clientIdPlaceholder') : ''}
            value={oauthReason ? '' : values.oauth.clientId}
            onChange={(e) => {
              if (!oauthReason) setOAuth('clientId', e.target.value);
            }}
          />
        )}
      </Field>
      <Field id="f-tenantId" label={t(key('oauth.tenantId'))} disabledReason={tenantReason}>
        {(c) => (
          <input
            {...c}
            type="text"
            spellCheck={false}
            placeholder={tenantReason ? '' : t('ui:form.tenantIdPlaceholder')}
            value={tenantReason ? '' : values.oauth.tenantId}
            onChange={(e) => {
              if (!tenantReason) setOAuth('tenantId', e.target.value);
            }}
          />
        )}
      </Field>
      <div className={`field${p.signInReason ? ' is-disabled' : ''}`}>
        <span className="label" />
        <div className="control">
          <div className="inline wide">
            <button
              type="button"
              id="f-signin"
              aria-disabled={p.signInReason ? true : undefined}
              aria-describedby={p.signInReason ? 'f-signin-reason' : 'f-signin-status'}
              onClick={() => {
                if (!p.signInReason) (status?.signedIn ? p.onSignOut : p.onSignIn)();
              }}
            >
              {status?.signedIn ? t('ui:form.signOut') : t('ui:form.signIn')}
            </button>
            {p.onCancelSignIn ? (
              <button type="button" onClick={p.onCancelSignIn}>
                {t('ui:form.cancelSignIn')}
              </button>
            ) : null}
            <span id="f-signin-status" className="status-text" aria-live="polite">
              {p.signingIn
                ? t('ui:form.signingIn')
                : status?.signedIn
                  ? // the access token's hourly expiry is no business of the user: the sign-in lasts
                    t('ui:form.signedInAs', { account: status.account ?? '' })
                  : oauthReason || !p.oauthAvailable
                    ? ''
                    : t('ui:form.notSignedIn')}
            </span>
          </div>
          {p.signInReason ? (
            <span
              role="tooltip"
              id="f-signin-reason"
              className={`reason${!oauthReason ? ' reason-visible' : ''}`}
            >
              {p.signInReason}
            </span>
          ) : null}
          {p.signInError ? <ErrorBox error={p.signInError} /> : null}
        </div>
      </div>
      <details className="advanced" open={advancedSet || undefined}>
        <summary>{t('ui:advanced.summary')}</summary>
        <Field id="f-cloud" label={t('ui:advanced.cloud')} disabledReason={tenantReason}>
          {(c) => (
            <select
              {...c}
              value={tenantReason ? '' : values.oauth.cloud}
              onChange={(e) => {
                if (!tenantReason) setOAuth('cloud', e.target.value as EditableProfile['oauth']['cloud']);
              }}
            >
              {tenantReason ? <option value="" /> : null}
              {MICROSOFT_CLOUDS.map((cl) => (
                <option key={cl} value={cl}>
                  {t(`ui:advanced.clouds.${cl}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="f-authorityUrl"
          label={t(key('oauth.authorityUrl'))}
          disabledReason={oauthReason}
          error={problemFor('oauth.authorityUrl')}
          help={oauthReason ? null : t('ui:advanced.authorityHelp')}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              spellCheck={false}
              placeholder={oauthReason ? '' : 'https://'}
              value={oauthReason ? '' : values.oauth.authorityUrl}
              onChange={(e) => {
                if (!oauthReason) setOAuth('authorityUrl', e.target.value);
              }}
            />
          )}
        </Field>
        <Field
          id="f-graphUrl"
          label={t(key('oauth.graphUrl'))}
          disabledReason={graphReason}
          error={problemFor('oauth.graphUrl')}
          help={graphReason ? null : t('ui:advanced.graphHelp')}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              spellCheck={false}
              placeholder={graphReason ? '' : 'https://'}
              value={graphReason ? '' : values.oauth.graphUrl}
              onChange={(e) => {
                if (!graphReason) setOAuth('graphUrl', e.target.value);
              }}
            />
          )}
        </Field>
      </details>
    </fieldset>
  );
}
