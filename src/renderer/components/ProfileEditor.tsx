// The profile form: Verbindungsart, Verbindungsdaten, Absender, Anmelden and the OAuth 2.0 area,
// with inline validation, Save / Cancel and "Verbindung testen". Fields that do not apply to the
// chosen kind stay visible but disabled, with the reason on hover and focus.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { OAuthView, ProfileView } from '../../shared/ipc/contract.js';
import type { ConnectionReport } from '../../shared/mail.js';
import { fieldLabelKey, profileProblems, type ProfileProblem } from '../../shared/profile-problems.js';
import {
  THROTTLE_PRESETS,
  THROTTLE_PRESET_NAMES,
  type ThrottlePreset,
} from '../../shared/throttle-presets.js';
import {
  CONNECTION_KINDS,
  MICROSOFT_CLOUDS,
  OAUTH_PROVIDERS,
  SECURITY_MODES,
  defaultPort,
  mayEndInPlainText,
  type AuthMethod,
  type ProfileField,
} from '../../shared/profile.js';
import {
  disabledReasonKey,
  effectiveAuth,
  kindAvailableOn,
  kindSpec,
} from '../../shared/connection-kinds.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { appPlatform } from '../platform.js';
import type { EditableProfile } from '../templates.js';
import { ConnectionReportView } from './ConnectionReportView.js';
import { newOperationId, WaitNotice } from './WaitNotice.js';
import { ErrorBox } from './ErrorBox.js';
import { HandoffFieldset } from './HandoffFieldset.js';
import { MessageSettingsFieldset } from './MessageSettingsFieldset.js';
import { Field } from './Field.js';

type AuthChoice = 'none' | 'password' | 'silent' | 'dialog';

type ThrottleField = 'perMinute' | 'perDay' | 'maxAttempts';
/** The ranges of the profile schema (src/shared/profile.ts). */
const THROTTLE_RANGES: Record<ThrottleField, { min: number; max: number }> = {
  perMinute: { min: 0, max: 100_000 },
  perDay: { min: 0, max: 10_000_000 },
  maxAttempts: { min: 1, max: 50 },
};

function presetOf(v: EditableProfile['throttle']): ThrottlePreset | 'custom' {
  return (
    THROTTLE_PRESET_NAMES.find(
      (n) => THROTTLE_PRESETS[n].perMinute === v.perMinute && THROTTLE_PRESETS[n].perDay === v.perDay,
    ) ?? 'custom'
  );
}
const AUTH_CHOICES: AuthChoice[] = ['none', 'password', 'silent', 'dialog'];

export interface ProfileEditorHandle {
  save(): Promise<boolean>;
}

interface Props {
  /** The saved profile being edited; null for a new one (not saved yet). */
  original: ProfileView | null;
  initial: EditableProfile;
  oauthAvailable: boolean;
  onSaved: (saved: ProfileView) => void;
  onCancelNew: () => void;
  onDirtyChange: (dirty: boolean) => void;
  /** The name as typed (the profile list shows it for a new profile). */
  onNameChange?: (name: string) => void;
}

function disabledReason(t: TFunction, v: EditableProfile, field: ProfileField): string | null {
  const key = disabledReasonKey(v.connection, field, v.auth);
  return key ? t(key) : null;
}

/** An authentication the kind does not allow is disabled with the kind's reason (the registry's list). */
function authReason(t: TFunction, v: EditableProfile, choice: AuthChoice): string | null {
  const method: AuthMethod = choice === 'silent' || choice === 'dialog' ? 'oauth' : choice;
  return kindSpec(v.connection).auth.includes(method) ? null : t(`ui:disabled.kinds.${v.connection}`);
}

const key = (field: string) => `core:fields.${fieldLabelKey(field)}`;

/** Port 465 speaks TLS from the first byte, 587 expects STARTTLS: the other mode cannot work there. */
function portContradicts(security: EditableProfile['security'], port: number): boolean {
  return (security === 'StartTls' && port === 465) || (security === 'SslOnConnect' && port === 587);
}

/**
 * The port a mode suggests when the security changes: StartTls 587, SslOnConnect 465 – when the port
 * was empty, 25 or the other mode's port; any other port the user chose stays.
 */
function suggestedPort(mode: EditableProfile['security'], port: number): number {
  if (mode === 'StartTls' && [0, 25, 465].includes(port)) return 587;
  if (mode === 'SslOnConnect' && [0, 25, 587].includes(port)) return 465;
  return port;
}

export const ProfileEditor = forwardRef<ProfileEditorHandle, Props>(function ProfileEditor(
  { original, initial, oauthAvailable, onSaved, onCancelNew, onDirtyChange, onNameChange },
  ref,
) {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const platform = appPlatform();
  const [values, setValues] = useState<EditableProfile>(initial);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | 'signin' | null>(null);
  const [testWait, setTestWait] = useState<{
    since: number;
    operationId: string;
    cancelling: boolean;
  } | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [oauth, setOauth] = useState<OAuthView | null>(null);

  /** What is typed in the throttle's number fields, while it is not (yet) a valid number. */
  const [rawThrottle, setRawThrottle] = useState<Partial<Record<ThrottleField, string>>>({});
  /** What is typed in the port field while it is not a port (refused, never clamped). */
  const [rawPort, setRawPort] = useState<string | null>(null);
  const dirty =
    JSON.stringify(values) !== JSON.stringify(initial) ||
    password !== '' ||
    clearPassword ||
    Object.keys(rawThrottle).length > 0 ||
    rawPort !== null;
  // layout effect: the app knows about unsaved changes before the changed form is painted
  useLayoutEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => onNameChange?.(values.name), [values.name, onNameChange]);

  useEffect(() => {
    if (!original) return;
    void api.oauthStatus({ name: original.name }).then((r) => r.ok && setOauth(r.value));
  }, [api, original]);

  const problems = useMemo(() => {
    const list: ProfileProblem[] = profileProblems({ ...values, id: 'draft-0000' });
    if (!values.name.trim()) list.unshift({ field: 'name', code: 'required' });
    return list;
  }, [values]);
  const problemFor = (field: string): string | null => {
    if (!submitted && !touched.has(field)) return null;
    const p = problems.find((x) => x.field === field);
    return p ? t(`core:problems.${p.code}`, { field: t(key(field)) }) : null;
  };

  const set = <K extends keyof EditableProfile>(field: K, value: EditableProfile[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((s) => new Set(s).add(field));
    setMessage(null);
  };
  const setOAuth = <K extends keyof EditableProfile['oauth']>(
    field: K,
    value: EditableProfile['oauth'][K],
  ) => {
    setValues((v) => ({ ...v, oauth: { ...v.oauth, [field]: value } }));
    setTouched((s) => new Set(s).add(`oauth.${field}`));
    setMessage(null);
  };
  const throttleProblem = (field: ThrottleField): string | null => {
    const raw = rawThrottle[field];
    if (raw === undefined) return null;
    const { min, max } = THROTTLE_RANGES[field];
    return t('ui:throttle.invalidNumber', { min, max: max.toLocaleString(i18n.language) });
  };
  const setThrottle = (field: ThrottleField, text: string) => {
    const { min, max } = THROTTLE_RANGES[field];
    const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) {
      setRawThrottle(({ [field]: _gone, ...rest }) => rest);
      setValues((v) => ({ ...v, throttle: { ...v.throttle, [field]: n } }));
    } else setRawThrottle((r) => ({ ...r, [field]: text }));
    setMessage(null);
  };
  const choosePreset = (preset: ThrottlePreset | 'custom') => {
    if (preset === 'custom') return;
    const { perMinute, perDay } = THROTTLE_PRESETS[preset];
    setRawThrottle(({ maxAttempts }) => (maxAttempts === undefined ? {} : { maxAttempts }));
    setValues((v) => ({ ...v, throttle: { ...v.throttle, perMinute, perDay } }));
    setMessage(null);
  };
  const reason = (field: ProfileField) => disabledReason(t, values, field);
  const guard =
    (field: ProfileField) =>
    <T,>(fn: (value: T) => void) =>
    (value: T) => {
      if (!reason(field)) fn(value);
    };

  const authChoice: AuthChoice = values.auth === 'oauth' ? values.oauth.mode : values.auth;
  const chooseAuth = (c: AuthChoice) => {
    if (authReason(t, values, c)) return;
    setValues((v) =>
      c === 'silent' || c === 'dialog'
        ? { ...v, auth: 'oauth', oauth: { ...v.oauth, mode: c } }
        : { ...v, auth: c },
    );
    setMessage(null);
  };
  const chooseKind = (kind: EditableProfile['connection']) =>
    setValues((v) => {
      const providers = kindSpec(kind).oauthProviders;
      const provider = providers.includes(v.oauth.provider)
        ? v.oauth.provider
        : (providers[0] ?? v.oauth.provider);
      return { ...v, connection: kind, auth: effectiveAuth(kind, v.auth), oauth: { ...v.oauth, provider } };
    });

  async function save(): Promise<boolean> {
    setSubmitted(true);
    setError(null);
    if (problems.length || Object.keys(rawThrottle).length || rawPort !== null) {
      setMessage(t('ui:form.fixProblems'));
      return false;
    }
    setBusy('save');
    try {
      const pw = password && values.auth === 'password' ? { password } : {};
      const saved = original
        ? await unwrap(
            api.updateProfile({
              name: original.name,
              patch: values,
              ...pw,
              ...(clearPassword && !password ? { clearPassword: true } : {}),
            }),
          )
        : await unwrap(api.createProfile({ profile: values, ...pw }));
      onSaved(saved);
      return true;
    } catch (e) {
      setError(errorInfoOf(e));
      return false;
    } finally {
      setBusy(null);
    }
  }
  useImperativeHandle(ref, () => ({ save }));

  async function test() {
    setSubmitted(true);
    setReport(null);
    setError(null);
    setMessage(null);
    setBusy('test');
    // a silent server would block the dialog for its whole time-out: the wait can be cancelled
    const operationId = newOperationId();
    setTestWait({ since: Date.now(), operationId, cancelling: false });
    try {
      setReport(
        await unwrap(
          api.testConnection({
            profile: values,
            operationId,
            ...(original ? { existing: original.name } : {}),
            ...(password && values.auth === 'password' ? { password } : {}),
          }),
        ),
      );
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(null);
      setTestWait(null);
    }
  }

  function cancelTest() {
    if (!testWait) return;
    setTestWait({ ...testWait, cancelling: true });
    void api.cancelOperation({ operationId: testWait.operationId });
  }

  async function signInOut(action: 'signIn' | 'signOut') {
    if (!original) return;
    setBusy('signin');
    setError(null);
    try {
      setOauth(await unwrap(api[action]({ name: original.name })));
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(null);
    }
  }

  function cancel() {
    if (!original) return onCancelNew();
    setValues(initial);
    setRawThrottle({});
    setPassword('');
    setClearPassword(false);
    setTouched(new Set());
    setSubmitted(false);
    setReport(null);
    setError(null);
    setMessage(null);
  }

  async function chooseCa() {
    const r = await api.chooseCaFile({});
    if (r.ok && r.value) set('caFile', r.value);
    else if (!r.ok) setError(r.error);
  }

  const port = defaultPort(values.security);
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
  const preset = presetOf(values.throttle);
  const signInReason =
    oauthReason ??
    (!oauthAvailable ? t('ui:form.oauthUnavailable') : !original ? t('ui:form.saveFirst') : null);
  const status = oauth?.status;
  const dateFmt = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <form
      className="editor"
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="editor-title" className="visually-hidden">
        {values.name || t('ui:profiles.unsaved')}
      </h2>
      <fieldset>
        <legend>{t('ui:form.sections.profile')}</legend>
        <Field id="f-name" label={t(key('name'))} error={problemFor('name')} required>
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
        <Field
          id="f-connection"
          label={t(key('connection'))}
          help={t(`ui:form.kindHelp.${values.connection}`)}
        >
          {(c) => (
            <select
              {...c}
              value={values.connection}
              onChange={(e) => chooseKind(e.target.value as EditableProfile['connection'])}
            >
              {CONNECTION_KINDS.map((k) => (
                <option key={k} value={k} disabled={!kindAvailableOn(k, platform) && k !== values.connection}>
                  {t(`ui:form.kinds.${k}`)}
                  {kindAvailableOn(k, platform) ? '' : ` – ${t('ui:form.notOnThisSystem')}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('ui:form.sections.connection')}</legend>
        <Field
          id="f-host"
          label={t(key('host'))}
          disabledReason={reason('host')}
          error={problemFor('host')}
          required
        >
          {(c) => (
            <input
              {...c}
              type="text"
              value={values.host}
              spellCheck={false}
              onChange={(e) => guard('host')(set.bind(null, 'host'))(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="f-port"
          label={t(key('port'))}
          disabledReason={reason('port')}
          help={reason('port') ? null : t('ui:form.portHelp', { port })}
          error={rawPort !== null ? t('ui:throttle.invalidNumber', { min: 1, max: 65535 }) : null}
        >
          {(c) => (
            <input
              {...c}
              className="short"
              inputMode="numeric"
              type="text"
              placeholder={reason('port') ? '' : t('ui:form.portPlaceholder', { port })}
              value={rawPort ?? (values.port ? String(values.port) : '')}
              onChange={(e) => {
                // a port is 1–65535 or empty (the mode's default); anything else is refused as typed
                const text = e.target.value.trim();
                const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
                if (text === '' || (n >= 1 && n <= 65535)) {
                  setRawPort(null);
                  guard('port')((v: number) => set('port', v))(text === '' ? 0 : n);
                } else setRawPort(e.target.value);
              }}
            />
          )}
        </Field>
        <Field
          id="f-security"
          label={t(key('security'))}
          disabledReason={reason('security')}
          help={reason('security') ? null : t(`ui:form.security.${values.security}`)}
        >
          {(c) => (
            <select
              {...c}
              value={values.security}
              onChange={(e) =>
                guard('security')((s: string) => {
                  const mode = s as EditableProfile['security'];
                  setValues((v) => ({
                    ...v,
                    security: mode,
                    // the port follows the mode it belongs to (587 ↔ 465); another port stays as typed
                    port: suggestedPort(mode, v.port),
                  }));
                  setTouched((prev) => new Set(prev).add('security'));
                })(e.target.value)
              }
            >
              {SECURITY_MODES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!reason('security') && portContradicts(values.security, values.port) ? (
          <p className="notice notice-warning" role="note" data-testid="port-warning">
            {t('ui:desk.portContradicts', { port: values.port, mode: values.security })}
          </p>
        ) : null}
        {!reason('security') && mayEndInPlainText(values.security) ? (
          <p className="notice notice-warning" role="note" data-testid="plain-warning">
            {t('ui:form.plainWarning')}
          </p>
        ) : null}
        <Field
          id="f-caFile"
          label={t(key('caFile'))}
          disabledReason={reason('caFile')}
          help={reason('caFile') ? null : t('ui:form.caFileHelp')}
        >
          {(c) => (
            <div className="inline">
              <input
                {...c}
                type="text"
                readOnly
                value={values.caFile}
                placeholder={t('ui:form.caFileNone')}
                className="grow"
              />
              <button type="button" disabled={Boolean(reason('caFile'))} onClick={() => void chooseCa()}>
                {t('ui:form.caFileChoose')}
              </button>
              {values.caFile ? (
                <button type="button" onClick={() => set('caFile', '')}>
                  {t('ui:form.caFileClear')}
                </button>
              ) : null}
            </div>
          )}
        </Field>
        <Field
          id="f-maxSizeKb"
          label={t(key('maxSizeKb'))}
          disabledReason={reason('maxSizeKb')}
          help={t('ui:form.maxSizeHelp')}
        >
          {(c) => (
            <input
              {...c}
              className="short"
              inputMode="numeric"
              type="text"
              value={String(values.maxSizeKb)}
              onChange={(e) => {
                const digits = e.target.value.replace(/\D/g, '').slice(0, 8);
                set('maxSizeKb', digits ? Math.min(Number(digits), 10_000_000) : 0);
              }}
            />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('ui:form.sections.sender')}</legend>
        <Field
          id="f-fromAddress"
          label={t(key('fromAddress'))}
          error={problemFor('fromAddress')}
          required={kindSpec(values.connection).needsSender}
        >
          {(c) => (
            <input
              {...c}
              type="email"
              value={values.fromAddress}
              spellCheck={false}
              onChange={(e) => set('fromAddress', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-fromName" label={t(key('fromName'))}>
          {(c) => (
            <input
              {...c}
              type="text"
              value={values.fromName}
              onChange={(e) => set('fromName', e.target.value)}
            />
          )}
        </Field>
      </fieldset>

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
                      why
                        ? `auth-${c}-reason`
                        : c === 'silent' || c === 'dialog'
                          ? `auth-${c}-help`
                          : undefined
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
          error={problemFor('user')}
          required
        >
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.user}
              onChange={(e) => guard('user')((s: string) => set('user', s))(e.target.value)}
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
                  {original?.hasPassword && !clearPassword
                    ? t('ui:form.passwordStored')
                    : t('ui:form.passwordNone')}
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
              value={password}
              placeholder={original?.hasPassword && !clearPassword ? '••••••••' : ''}
              onChange={(e) => {
                if (reason('password')) return;
                setPassword(e.target.value);
                setMessage(null);
              }}
            />
          )}
        </Field>
        {original?.hasPassword && !reason('password') ? (
          <div className="field">
            <span className="label" />
            <div className="control">
              <label className="check">
                <input
                  type="checkbox"
                  checked={clearPassword}
                  onChange={(e) => setClearPassword(e.target.checked)}
                />{' '}
                {t('ui:form.passwordClear')}
              </label>
            </div>
          </div>
        ) : null}
        <Field id="f-allowPlaintextAuth" label="" disabledReason={reason('allowPlaintextAuth')}>
          {(c) => (
            <label className="check">
              <input
                {...c}
                type="checkbox"
                checked={values.allowPlaintextAuth}
                onChange={(e) =>
                  guard('allowPlaintextAuth')((b: boolean) => set('allowPlaintextAuth', b))(e.target.checked)
                }
              />{' '}
              {t(key('allowPlaintextAuth'))}
            </label>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('ui:form.sections.oauth')}</legend>
        <Field id="f-provider" label={t('ui:form.provider')} disabledReason={providerReason}>
          {(c) => (
            <select
              {...c}
              value={values.oauth.provider}
              onChange={(e) => {
                if (!providerReason)
                  setOAuth('provider', e.target.value as EditableProfile['oauth']['provider']);
              }}
            >
              {OAUTH_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`ui:form.providers.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-clientId" label={t(key('oauth.clientId'))} disabledReason={oauthReason}>
          {(c) => (
            <input
              {...c}
              type="text"
              spellCheck={false}
              placeholder={t('ui:form.clientIdPlaceholder')}
              value={values.oauth.clientId}
              onChange={(e) => guard('oauth')((s: string) => setOAuth('clientId', s))(e.target.value)}
            />
          )}
        </Field>
        <Field id="f-tenantId" label={t(key('oauth.tenantId'))} disabledReason={tenantReason}>
          {(c) => (
            <input
              {...c}
              type="text"
              spellCheck={false}
              placeholder={t('ui:form.tenantIdPlaceholder')}
              value={values.oauth.tenantId}
              onChange={(e) => {
                if (!tenantReason) setOAuth('tenantId', e.target.value);
              }}
            />
          )}
        </Field>
        <div className={`field${signInReason ? ' is-disabled' : ''}`}>
          <span className="label" />
          <div className="control">
            <div className="inline wide">
              <button
                type="button"
                id="f-signin"
                aria-disabled={signInReason ? true : undefined}
                aria-describedby={signInReason ? 'f-signin-reason' : 'f-signin-status'}
                onClick={() => {
                  if (!signInReason) void signInOut(status?.signedIn ? 'signOut' : 'signIn');
                }}
              >
                {status?.signedIn ? t('ui:form.signOut') : t('ui:form.signIn')}
              </button>
              {busy === 'signin' && original ? (
                <button type="button" onClick={() => void api.cancelSignIn({ name: original.name })}>
                  {t('ui:form.cancelSignIn')}
                </button>
              ) : null}
              <span id="f-signin-status" className="status-text" aria-live="polite">
                {busy === 'signin'
                  ? t('ui:form.signingIn')
                  : status?.signedIn
                    ? status.expiresAt
                      ? t('ui:form.signedInUntil', {
                          account: status.account ?? '',
                          time: dateFmt(status.expiresAt),
                        })
                      : t('ui:form.signedInAs', { account: status.account ?? '' })
                    : oauthReason || !oauthAvailable
                      ? ''
                      : t('ui:form.notSignedIn')}
              </span>
            </div>
            {signInReason ? (
              <span
                role="tooltip"
                id="f-signin-reason"
                className={`reason${!oauthReason ? ' reason-visible' : ''}`}
              >
                {signInReason}
              </span>
            ) : null}
          </div>
        </div>
        <details className="advanced" open={advancedSet || undefined}>
          <summary>{t('ui:advanced.summary')}</summary>
          <Field id="f-cloud" label={t('ui:advanced.cloud')} disabledReason={tenantReason}>
            {(c) => (
              <select
                {...c}
                value={values.oauth.cloud}
                onChange={(e) => {
                  if (!tenantReason) setOAuth('cloud', e.target.value as EditableProfile['oauth']['cloud']);
                }}
              >
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
                placeholder="https://"
                value={values.oauth.authorityUrl}
                onChange={(e) => guard('oauth')((s: string) => setOAuth('authorityUrl', s))(e.target.value)}
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
                placeholder="https://"
                value={values.oauth.graphUrl}
                onChange={(e) => {
                  if (!graphReason) setOAuth('graphUrl', e.target.value);
                }}
              />
            )}
          </Field>
        </details>
      </fieldset>

      <HandoffFieldset
        values={values}
        reason={reason('handoff')}
        onChange={(handoff) => setValues((v) => ({ ...v, handoff }))}
      />

      <MessageSettingsFieldset
        values={values.messages}
        errorFor={problemFor}
        onChange={(messages) => set('messages', messages)}
      />

      <fieldset>
        <legend>{t('ui:throttle.legend')}</legend>
        <Field id="f-throttle-preset" label={t('ui:throttle.preset')} help={t('ui:throttle.presetHelp')}>
          {(c) => (
            <select
              {...c}
              value={preset}
              onChange={(e) => choosePreset(e.target.value as ThrottlePreset | 'custom')}
            >
              {[...THROTTLE_PRESET_NAMES, 'custom' as const].map((n) => (
                <option key={n} value={n} disabled={n === 'custom'}>
                  {t(`ui:throttle.presets.${n}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['perMinute', 'perDay', 'maxAttempts'] as const).map((f) => (
          <Field
            key={f}
            id={`f-throttle-${f}`}
            label={t(`ui:throttle.${f}`)}
            error={throttleProblem(f)}
            help={t(
              f === 'perMinute'
                ? 'ui:throttle.zeroHelp'
                : f === 'perDay'
                  ? 'ui:throttle.perDayHelp'
                  : 'ui:throttle.maxAttemptsHelp',
            )}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                inputMode="numeric"
                className="short"
                value={rawThrottle[f] ?? String(values.throttle[f])}
                onChange={(e) => setThrottle(f, e.target.value)}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <div className="results" aria-live="polite">
        {report ? <ConnectionReportView report={report} /> : null}
        {error ? <ErrorBox error={error} /> : null}
        {message ? <p className="notice notice-info">{message}</p> : null}
      </div>

      <div className="button-bar">
        <button type="button" onClick={() => void test()} disabled={busy !== null}>
          {t('ui:form.test')}
        </button>
        {busy === 'test' && testWait ? (
          <WaitNotice
            text={t('ui:form.testing')}
            since={testWait.since}
            cancelling={testWait.cancelling}
            onCancel={cancelTest}
            testId="test-wait"
          />
        ) : null}

        <span className="spacer" />
        <button type="button" onClick={cancel} disabled={busy !== null || (!dirty && Boolean(original))}>
          {t('ui:form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy !== null || (!dirty && Boolean(original))}>
          {t('ui:form.save')}
        </button>
      </div>
    </form>
  );
});
