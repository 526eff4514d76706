// "Mahnlauf": a manifest (CSV/JSON) chosen in the main process's open dialog, the pre-check with every
// problem and its row (nothing can start while any row is invalid), dry run and redirect address, a
// confirmation that summarises a real run before anything is sent, then the run with its counts and
// per-row outcomes (BatchRunPanel). The state lives at app level (batch-session.ts): leaving the tab
// keeps the run, its progress and its Abbrechen. Starting the same manifest again resumes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidAddress } from '../../shared/address.js';
import type { RowProblem } from '../../shared/batch.js';
import type { ProfileView } from '../../shared/ipc/contract.js';
import type { BatchSession } from '../batch-session.js';
import { formatSize } from '../format.js';
import { BatchRunPanel } from './BatchRunPanel.js';
import { ErrorBox } from './ErrorBox.js';
import { Field } from './Field.js';
import { Modal } from './Modal.js';
import { ProfileOptions } from './ProfileOptions.js';

interface Props {
  profiles: ProfileView[];
  active: string;
  session: BatchSession;
}

export function problemText(t: ReturnType<typeof useTranslation>['t'], p: RowProblem): string {
  const params: Record<string, string | number> = { ...p.params };
  if (p.code === 'placeholderMissing') params.placeholder = `{{${String(p.params.name)}}}`;
  return t(`batch:problems.${p.code}`, params);
}

export function BatchView({ profiles, active, session }: Props) {
  const { t, i18n } = useTranslation();
  const { manifest, dryRun, redirectTo, check, checking, run, lines, error, running } = session;
  const [confirming, setConfirming] = useState(false);

  const profile = profiles.find((p) => p.name === (session.profileName ?? active)) ?? profiles[0];
  const redirect = redirectTo.trim();
  const redirectProblem =
    redirect && !isValidAddress(redirect) ? t('ui:batch.invalidRedirect', { address: redirect }) : null;

  const problemRows = check ? new Set(check.problems.map((p) => p.row)).size : 0;
  const canStart =
    Boolean(manifest && profile && check && check.problems.length === 0 && check.rows > 0) &&
    !checking &&
    !running &&
    !redirectProblem;

  const start = () => {
    if (!profile) return;
    // a real run sends mail to customers: only after the user has seen what it will do
    if (dryRun) void session.start(profile.name);
    else setConfirming(true);
  };

  return (
    <div className="editor batch">
      <h2 className="visually-hidden">{t('ui:batch.heading')}</h2>
      <div className="scroll-area">
        <fieldset disabled={running}>
          <legend>{t('ui:batch.heading')}</legend>
          <div className="field">
            <span className="label" id="b-manifest-label">
              {t('ui:batch.manifest')}
            </span>
            <div className="control">
              <div className="inline">
                <span className="file-choice" data-testid="manifest-name">
                  {manifest ? (
                    <>
                      <strong>{manifest.name}</strong> · {formatSize(t, manifest.size, i18n.language)}
                    </>
                  ) : (
                    <span className="status-text">{t('ui:batch.manifestNone')}</span>
                  )}
                </span>
                <button
                  type="button"
                  onClick={() => void session.choose(profile?.name)}
                  aria-describedby="b-manifest-help"
                  aria-label={`${t('ui:batch.manifest')}: ${t('ui:batch.manifestChoose')}`}
                >
                  {t('ui:batch.manifestChoose')}
                </button>
              </div>
              <div className="help" id="b-manifest-help">
                {t('ui:batch.manifestHelp')}
              </div>
            </div>
          </div>
          <Field id="b-profile" label={t('ui:batch.profile')}>
            {(c) => (
              <select
                {...c}
                value={profile?.name ?? ''}
                onChange={(e) => {
                  session.setProfileName(e.target.value);
                  void session.runCheck(manifest, e.target.value);
                }}
              >
                <ProfileOptions profiles={profiles} active={active} />
              </select>
            )}
          </Field>
          <div className="field">
            <span className="label">{t('ui:batch.options')}</span>
            <div className="control">
              <label className="check">
                <input
                  type="checkbox"
                  checked={dryRun}
                  onChange={(e) => session.setDryRun(e.target.checked)}
                />
                {t('ui:batch.dryRun')}
              </label>
            </div>
          </div>
          <Field
            id="b-redirect"
            label={t('ui:batch.redirectTo')}
            error={redirectProblem}
            help={t('ui:batch.redirectHelp')}
          >
            {(c) => (
              <input
                {...c}
                type="email"
                spellCheck={false}
                value={redirectTo}
                onChange={(e) => session.setRedirectTo(e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        <div aria-live="polite">
          {checking ? (
            <p className="notice notice-info progress" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('ui:batch.checking')}
            </p>
          ) : null}
          {check && !run ? (
            check.problems.length ? (
              <div className="notice notice-error" data-testid="batch-problems">
                <strong>
                  {t('ui:batch.checkFailed', { problems: check.problems.length, rows: problemRows })}
                </strong>
                <div
                  className="table-scroll"
                  tabIndex={0}
                  role="region"
                  aria-label={t('ui:batch.problemsLabel')}
                >
                  <table className="grid compact">
                    <caption className="visually-hidden">{t('ui:batch.problemsLabel')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('ui:batch.row')}</th>
                        <th scope="col">{t('ui:batch.reference')}</th>
                        <th scope="col">{t('ui:batch.problem')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {check.problems.map((p, i) => (
                        <tr key={i} data-row={p.row}>
                          <td className="num">{p.row}</td>
                          <td className="nowrap">{check.references[p.row] ?? ''}</td>
                          <td>{problemText(t, p)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ) : (
              <p className="notice notice-success" role="status" data-testid="batch-check-ok">
                {t('ui:batch.checkOk', { count: check.rows })}
              </p>
            )
          ) : null}
          {error ? <ErrorBox error={error} /> : null}
        </div>

        {run ? <BatchRunPanel run={run} lines={lines} /> : null}
      </div>

      <div className="button-bar">
        {manifest && !running ? (
          <button
            type="button"
            onClick={() => void session.runCheck(manifest, profile?.name)}
            disabled={checking}
          >
            {t('ui:batch.check')}
          </button>
        ) : null}
        <span className="spacer" />
        {running && run ? (
          <button type="button" className="danger" disabled={run.cancelling} onClick={session.cancel}>
            {t('ui:batch.cancel')}
          </button>
        ) : null}
        <button type="button" className="primary" disabled={!canStart} onClick={start}>
          {dryRun ? t('ui:batch.startDryRun') : t('ui:batch.start')}
        </button>
      </div>

      {confirming && check && profile && manifest ? (
        <Modal
          title={t('ui:desk.confirmTitle')}
          testId="batch-confirm"
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" autoFocus onClick={() => setConfirming(false)}>
                {t('ui:form.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setConfirming(false);
                  void session.start(profile.name);
                }}
              >
                {t('ui:desk.confirmStart', { count: check.rows })}
              </button>
            </>
          }
        >
          <dl className="report confirm-summary">
            <div>
              <dt>{t('ui:batch.manifest')}</dt>
              <dd>{manifest.name}</dd>
            </div>
            <div>
              <dt>{t('ui:desk.confirmRows')}</dt>
              <dd data-testid="confirm-rows">{check.rows}</dd>
            </div>
            <div>
              <dt>{t('ui:desk.confirmRecipients')}</dt>
              <dd data-testid="confirm-recipients">{check.recipients}</dd>
            </div>
            <div>
              <dt>{t('ui:batch.profile')}</dt>
              <dd>{profile.name}</dd>
            </div>
            <div>
              <dt>{t('ui:batch.redirectTo')}</dt>
              <dd data-testid="confirm-redirect">
                {redirect
                  ? t('ui:desk.confirmRedirect', { address: redirect })
                  : t('ui:desk.confirmNoRedirect')}
              </dd>
            </div>
          </dl>
          <p>{redirect ? t('ui:desk.confirmTextRedirect') : t('ui:desk.confirmText')}</p>
        </Modal>
      ) : null}
    </div>
  );
}
