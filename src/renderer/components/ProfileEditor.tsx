// The profile form: Verbindungsart, Verbindungsdaten, Absender, Anmelden and the OAuth 2.0 area,
// with inline validation, Save / Cancel and "Verbindung testen". Fields that do not apply to the
// chosen kind stay visible but disabled, with the reason on hover and focus. The fieldsets are their
// own components; this file keeps the form's state, saving, the connection test and the sign-in.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { OAuthView, ProfileView } from '../../shared/ipc/contract.js';
import type { ConnectionReport } from '../../shared/mail.js';
import { profileProblems, type ProfileProblem } from '../../shared/profile-problems.js';
import type { OAuthProvider, ProfileField } from '../../shared/profile.js';
import { disabledReasonKey } from '../../shared/connection-kinds.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import type { EditableProfile } from '../templates.js';
import { ConnectionReportView } from './ConnectionReportView.js';
import { newOperationId } from './WaitNotice.js';
import { ErrorBox } from './ErrorBox.js';
import { HandoffFieldset } from './HandoffFieldset.js';
import { MessageSettingsFieldset } from './MessageSettingsFieldset.js';
import { fieldKey as key, type ProfileForm } from './profile-form.js';
import { ProfileConnectionFieldset } from './ProfileConnectionFieldset.js';
import { ProfileKindFieldset } from './ProfileKindFieldset.js';
import { ProfileSenderFieldset } from './ProfileSenderFieldset.js';
import { ProfileLoginFieldset } from './ProfileLoginFieldset.js';
import { ProfileOAuthFieldset } from './ProfileOAuthFieldset.js';
import { ThrottleFieldset } from './ThrottleFieldset.js';
import { ProfileButtonBar, type TestWait } from './ProfileButtonBar.js';

/**
 * A sign-in error that outlives the form: signing in saves a new or changed profile first, and the
 * saved profile's form replaces this one; it shows the error beside the sign-in button again.
 */
const carried = new Map<string, ErrorInfo>();
const carry = (profileId: string, error: ErrorInfo) => carried.set(profileId, error);

export interface ProfileEditorHandle {
  save(): Promise<boolean>;
}

interface Props {
  /** The saved profile being edited; null for a new one (not saved yet). */
  original: ProfileView | null;
  initial: EditableProfile;
  oauthAvailable: boolean;
  /** Providers this build has a built-in OAuth application for. */
  oauthBuiltIn?: Record<OAuthProvider, boolean>;
  onSaved: (saved: ProfileView) => void;
  onCancelNew: () => void;
  onDirtyChange: (dirty: boolean) => void;
  /** The name as typed (the profile list shows it for a new profile). */
  onNameChange?: (name: string) => void;
}

export const ProfileEditor = forwardRef<ProfileEditorHandle, Props>(function ProfileEditor(
  { original, initial, oauthAvailable, oauthBuiltIn, onSaved, onCancelNew, onDirtyChange, onNameChange },
  ref,
) {
  const { t } = useTranslation();
  const api = getApi()!;
  const [values, setValues] = useState<EditableProfile>(initial);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | 'signin' | null>(null);
  const [testWait, setTestWait] = useState<TestWait | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [oauth, setOauth] = useState<OAuthView | null>(null);
  /** The profile a sign-in in the browser runs for (its Abbrechen names it). */
  const [signingIn, setSigningIn] = useState<string | null>(null);

  /** What is typed in number fields while it is not a valid number (refused, never clamped). */
  const [raw, setRawAll] = useState<Record<string, string>>({});
  const setRaw = (field: string, text: string | undefined) => {
    setRawAll(({ [field]: _gone, ...rest }) => (text === undefined ? rest : { ...rest, [field]: text }));
    setMessage(null);
  };
  const [signInError, setSignInError] = useState<ErrorInfo | null>(() =>
    original ? (carried.get(original.id) ?? null) : null,
  );
  useEffect(() => {
    if (original) carried.delete(original.id);
  }, [original]);
  const dirty =
    JSON.stringify(values) !== JSON.stringify(initial) ||
    password !== '' ||
    clearPassword ||
    Object.keys(raw).length > 0;
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

  const touch = (field: string) => setTouched((s) => new Set(s).add(field));
  const form: ProfileForm = {
    values,
    setValues,
    touch,
    set: (field, value) => {
      setValues((v) => ({ ...v, [field]: value }));
      touch(field);
      setMessage(null);
    },
    setOAuth: (field, value) => {
      setValues((v) => ({ ...v, oauth: { ...v.oauth, [field]: value } }));
      touch(`oauth.${field}`);
      setMessage(null);
    },
    reason: (field: ProfileField) => {
      const k = disabledReasonKey(values.connection, field, values.auth);
      return k ? t(k) : null;
    },
    problemFor: (field) => {
      if (!submitted && !touched.has(field)) return null;
      const p = problems.find((x) => x.field === field);
      return p ? t(`core:problems.${p.code}`, { field: t(key(field)) }) : null;
    },
    raw,
    setRaw,
  };
  const { set, problemFor } = form;

  /** Checks and saves the form; the saved profile, or null (the problems or the error are shown). */
  async function persist(): Promise<ProfileView | null> {
    setSubmitted(true);
    setError(null);
    if (problems.length || Object.keys(raw).length) {
      setMessage(t('ui:form.fixProblems'));
      return null;
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
      return saved;
    } catch (e) {
      setError(errorInfoOf(e));
      return null;
    } finally {
      setBusy(null);
    }
  }
  async function save(): Promise<boolean> {
    const saved = await persist();
    if (saved) onSaved(saved);
    return saved !== null;
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

  /**
   * Signs in (or out) in the browser. A new or changed profile is saved first (checked like Speichern),
   * so signing in needs no separate save; the form is reloaded as saved afterwards.
   */
  async function signInOut(action: 'signIn' | 'signOut') {
    setSignInError(null);
    let saved: ProfileView | null = null;
    if (action === 'signIn' && (!original || dirty)) {
      saved = await persist();
      if (!saved) return;
    }
    const profile = saved ?? original;
    if (!profile) return;
    setSigningIn(profile.name);
    setBusy('signin');
    setError(null);
    try {
      setOauth(await unwrap(api[action]({ name: profile.name })));
    } catch (e) {
      const info = errorInfoOf(e);
      setSignInError(info);
      // the form is shown anew for the saved profile: the error goes with it
      if (saved) carry(saved.id, info);
    } finally {
      setBusy(null);
      setSigningIn(null);
      if (saved) onSaved(saved);
    }
  }

  function cancel() {
    if (!original) return onCancelNew();
    setValues(initial);
    setRawAll({});
    setPassword('');
    setClearPassword(false);
    setTouched(new Set());
    setSubmitted(false);
    setReport(null);
    setError(null);
    setMessage(null);
  }

  async function openGuide() {
    const r = await api.openGuide({ guide: 'oauth-app-registration' });
    if (!r.ok) setSignInError(r.error);
  }

  async function chooseCa() {
    const r = await api.chooseCaFile({});
    if (r.ok && r.value) set('caFile', r.value);
    else if (!r.ok) setError(r.error);
  }

  const oauthReason = form.reason('oauth');
  const builtIn = oauthBuiltIn ?? { microsoft: false, google: false };
  const signInReason =
    oauthReason ??
    (!oauthAvailable
      ? t('ui:form.oauthUnavailable')
      : !builtIn[values.oauth.provider] && !values.oauth.clientId.trim()
        ? t('ui:formPolish.clientIdFirst')
        : null);

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
      {/* two columns in a large window: the connection and the sender | the sign-in and the limits */}
      <div className="editor-column">
        <ProfileKindFieldset form={form} />

        <ProfileConnectionFieldset form={form} onChooseCa={() => void chooseCa()} />

        <HandoffFieldset
          values={values}
          reason={form.reason('handoff')}
          onChange={(handoff) => setValues((v) => ({ ...v, handoff }))}
          raw={raw['handoff.maxBatchRows']}
          onRaw={(text) => setRaw('handoff.maxBatchRows', text)}
        />

        <ProfileSenderFieldset form={form} />

        <MessageSettingsFieldset
          values={values.messages}
          errorFor={problemFor}
          onChange={(messages) => set('messages', messages)}
        />
      </div>
      <div className="editor-column">
        <ProfileLoginFieldset
          form={form}
          password={password}
          onPassword={setPassword}
          hasPassword={Boolean(original?.hasPassword)}
          clearPassword={clearPassword}
          onClearPassword={setClearPassword}
          onChanged={() => setMessage(null)}
        />

        <ProfileOAuthFieldset
          form={form}
          oauthAvailable={oauthAvailable}
          builtIn={builtIn}
          signInError={signInError}
          onOpenGuide={() => void openGuide()}
          status={oauth?.status}
          signInReason={signInReason}
          signingIn={busy === 'signin'}
          onSignIn={() => void signInOut('signIn')}
          onSignOut={() => void signInOut('signOut')}
          onCancelSignIn={
            busy === 'signin' && signingIn ? () => void api.cancelSignIn({ name: signingIn }) : null
          }
        />

        <ThrottleFieldset
          throttle={values.throttle}
          raw={raw}
          onRaw={setRaw}
          onChange={(update) => setValues((v) => ({ ...v, throttle: update(v.throttle) }))}
        />
      </div>

      <div className="results" aria-live="polite">
        {report ? <ConnectionReportView report={report} /> : null}
        {error ? <ErrorBox error={error} /> : null}
        {message ? <p className="notice notice-info">{message}</p> : null}
      </div>

      <ProfileButtonBar
        busy={busy !== null}
        testWait={busy === 'test' ? testWait : null}
        canSave={dirty || !original}
        onTest={() => void test()}
        onCancelTest={cancelTest}
        onCancel={cancel}
      />
    </form>
  );
});
