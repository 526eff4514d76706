// The assistant "Neues Profil aus E-Mail-Adresse" (the first entry of "Neu …"), in three steps:
// (1) the address → the lookup in the main process (setupLookup); (2) the proposal with each setting's
// source and the alternatives; (3) name and password → the connection test with the typed password,
// and only when it passed, the profile is created (the password then goes to the keychain). OAuth
// proposals are saved and then signed in and tested in the normal editor. Nothing found: the way to
// the manual editor.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '../../../shared/autoconfig.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import type { ConnectionReport } from '../../../shared/mail.js';
import { profileSchema, type Profile } from '../../../shared/profile.js';
import { errorInfoOf, getApi, unwrap } from '../../api.js';
import { uniqueName, type EditableProfile } from '../../templates.js';
import { ConnectionReportView } from '../ConnectionReportView.js';
import { ErrorBox } from '../ErrorBox.js';
import { Field } from '../Field.js';
import { Modal } from '../Modal.js';
import { optionsOf, SetupProposal } from './SetupProposal.js';

interface Props {
  existingNames: string[];
  onClose: () => void;
  /** The profile was tested (unless OAuth) and saved. */
  onCreated: (name: string) => void;
  /** Nothing usable found: continue in the normal editor with an empty SMTP profile. */
  onManual: () => void;
}

function candidateOf(values: Partial<Profile>, name: string): EditableProfile {
  const { id: _id, ...rest } = profileSchema.parse({ ...values, id: 'setup-0000', name });
  return rest;
}

export function SetupAssistant({ existingNames, onClose, onCreated, onManual }: Props) {
  const { t } = useTranslation();
  const api = getApi()!;
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [address, setAddress] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [chosen, setChosen] = useState(0);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'search' | 'test' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);

  const options = result ? optionsOf(result) : [];
  const proposal = options[chosen];
  const usable = Boolean(result?.proposal);
  const oauth = proposal?.profile.auth === 'oauth' || proposal?.profile.connection === 'graph';
  const needsPassword = !oauth && proposal?.profile.auth === 'password';

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('search');
    setError(null);
    try {
      const r = await unwrap(api.setupLookup({ address: address.trim() }));
      setResult(r);
      setChosen(0);
      setName(uniqueName(r.address.slice(0, 64), existingNames));
      setStep(2);
    } catch (err) {
      setError(errorInfoOf(err));
    } finally {
      setBusy(null);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!proposal) return;
    setBusy('test');
    setError(null);
    setReport(null);
    try {
      const profile = candidateOf(proposal.profile, name);
      const pw = needsPassword ? { password } : {};
      // the connection test first, with the typed password; nothing is saved when it fails
      if (!oauth) setReport(await unwrap(api.testConnection({ profile, ...pw })));
      const saved = await unwrap(api.createProfile({ profile, ...pw }));
      onCreated(saved.name);
    } catch (err) {
      setError(errorInfoOf(err));
    } finally {
      setBusy(null);
    }
  };

  const nothingFound: ErrorInfo | null =
    result && !usable
      ? {
          code: 'setupNothingFound',
          category: 'invalid',
          exitCode: 2,
          params: { domain: result.domain },
        }
      : null;

  // each button has its own key: React must not turn a clicked "Weiter" into the next step's submit
  // button (the browser would then submit that form at the end of the same click)
  const actions =
    step === 1 ? (
      <>
        <button key="cancel" type="button" onClick={onClose}>
          {t('setup:assistant.cancel')}
        </button>
        <button
          key="search"
          type="submit"
          form="setup-step-1"
          className="primary"
          disabled={busy !== null || !address.trim()}
        >
          {busy === 'search' ? t('setup:assistant.searching') : t('setup:assistant.search')}
        </button>
      </>
    ) : step === 2 ? (
      <>
        <button key="back-1" type="button" onClick={() => setStep(1)}>
          {t('setup:assistant.back')}
        </button>
        {usable ? (
          <button key="next" type="button" className="primary" onClick={() => setStep(3)}>
            {t('setup:assistant.next')}
          </button>
        ) : (
          <button key="manual" type="button" className="primary" onClick={onManual}>
            {t('setup:assistant.manual')}
          </button>
        )}
      </>
    ) : (
      <>
        <button key="back-2" type="button" onClick={() => setStep(2)} disabled={busy !== null}>
          {t('setup:assistant.back')}
        </button>
        <button
          key="save"
          type="submit"
          form="setup-step-3"
          className="primary"
          disabled={busy !== null || !name.trim() || (needsPassword && !password)}
        >
          {busy === 'test'
            ? t('setup:assistant.testing')
            : oauth
              ? t('setup:assistant.save')
              : t('setup:assistant.testAndSave')}
        </button>
      </>
    );

  return (
    <Modal title={t('setup:assistant.title')} onClose={onClose} testId="setup-assistant" actions={actions}>
      <p className="help" aria-live="polite">
        {t('setup:assistant.stepOf', { step })}
      </p>
      {step === 1 ? (
        <form id="setup-step-1" onSubmit={(e) => void search(e)}>
          <Field id="setup-address" label={t('setup:assistant.address')} required>
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="email"
                autoFocus
                value={address}
                onChange={(e) => setAddress(e.target.value)}
              />
            )}
          </Field>
        </form>
      ) : null}
      {step === 2 && result ? (
        <>
          {nothingFound ? <ErrorBox error={nothingFound} /> : null}
          <SetupProposal result={result} chosen={chosen} onChoose={setChosen} />
        </>
      ) : null}
      {step === 3 && proposal ? (
        <form id="setup-step-3" onSubmit={(e) => void save(e)}>
          <p>{t('setup:proposal', { label: proposal.label })}</p>
          <Field id="setup-name" label={t('setup:assistant.name')} required>
            {(c) => <input {...c} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {needsPassword ? (
            <Field
              id="setup-password"
              label={t('setup:assistant.password')}
              help={t('setup:assistant.passwordHelp')}
              required
            >
              {(c) => (
                <input
                  {...c}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {oauth ? <p className="help">{t('setup:assistant.oauthHelp')}</p> : null}
          {report ? <ConnectionReportView report={report} /> : null}
        </form>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
    </Modal>
  );
}
