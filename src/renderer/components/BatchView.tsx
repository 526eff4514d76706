// "Mahnlauf": a manifest (CSV/JSON) chosen in the main process's open dialog, the pre-check with every
// problem and its row (nothing can start while any row is invalid), dry run and redirect address, then
// the run with its counts and per-row outcomes, polled from the main process; cancel finishes the
// message in flight and stops. Starting the same manifest again resumes (the core skips sent rows).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidAddress } from '../../shared/address.js';
import type { BatchLine, RowProblem } from '../../shared/batch.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { BatchCheckView, BatchRunView, ManifestHandle, ProfileView } from '../../shared/ipc/contract.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { formatSize } from '../format.js';
import { ErrorBox, errorText } from './ErrorBox.js';
import { Field } from './Field.js';
import { ProfileOptions } from './ProfileOptions.js';
import { StateBadge } from './OutboxView.js';

/** How often a running batch is asked for its progress. */
const POLL_MS = 400;

interface Props {
  profiles: ProfileView[];
  active: string;
}

export function problemText(t: ReturnType<typeof useTranslation>['t'], p: RowProblem): string {
  const params: Record<string, string | number> = { ...p.params };
  if (p.code === 'placeholderMissing') params.placeholder = `{{${String(p.params.name)}}}`;
  return t(`batch:problems.${p.code}`, params);
}

export function BatchView({ profiles, active }: Props) {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [manifest, setManifest] = useState<ManifestHandle | null>(null);
  const [profileName, setProfileName] = useState(active);
  const [dryRun, setDryRun] = useState(false);
  const [redirectTo, setRedirectTo] = useState('');
  const [check, setCheck] = useState<BatchCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const [run, setRun] = useState<BatchRunView | null>(null);
  const [lines, setLines] = useState<BatchLine[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const linesSeen = useRef(0);

  const profile = profiles.find((p) => p.name === profileName) ?? profiles[0];
  const redirectProblem =
    redirectTo.trim() && !isValidAddress(redirectTo.trim())
      ? t('ui:batch.invalidRedirect', { address: redirectTo.trim() })
      : null;
  const running = run?.state === 'running';

  async function runCheck(m: ManifestHandle | null = manifest, p = profile?.name) {
    if (!m || !p) return;
    setChecking(true);
    setCheck(null);
    setError(null);
    try {
      setCheck(await unwrap(api.batchCheck({ manifest: m.token, profile: p })));
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setChecking(false);
    }
  }

  async function choose() {
    setError(null);
    try {
      const chosen = await unwrap(api.chooseManifest({}));
      if (!chosen) return;
      setManifest(chosen);
      setRun(null);
      setLines([]);
      await runCheck(chosen);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }

  async function start() {
    if (!manifest || !profile || redirectProblem) return;
    setError(null);
    setLines([]);
    linesSeen.current = 0;
    try {
      const { runId } = await unwrap(
        api.batchStart({
          manifest: manifest.token,
          profile: profile.name,
          ...(dryRun ? { dryRun } : {}),
          ...(redirectTo.trim() ? { redirectTo: redirectTo.trim() } : {}),
        }),
      );
      // a run can be over before the first poll (a resume that only skips): take its lines now
      const first = await unwrap(api.batchStatus({ runId }));
      linesSeen.current = first.lineCount;
      setLines(first.lines);
      setRun(first);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }

  // while the run goes on, ask for its progress (the contract has no push channel)
  const runId = run?.runId;
  const runState = run?.state;
  useEffect(() => {
    if (!runId || runState !== 'running') return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await unwrap(api.batchStatus({ runId, after: linesSeen.current }));
        if (stop) return;
        linesSeen.current = s.lineCount;
        if (s.lines.length) setLines((l) => [...l, ...s.lines]);
        setRun(s);
        if (s.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (!stop) setError(errorInfoOf(e));
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, runId, runState]);

  const problemRows = check ? new Set(check.problems.map((p) => p.row)).size : 0;
  const canStart =
    Boolean(manifest && profile && check && check.problems.length === 0 && check.rows > 0) &&
    !checking &&
    !running &&
    !redirectProblem;
  const summary = run?.summary;
  const done = summary
    ? summary.sent + summary.handedOff + summary.failed + summary.unknown + summary.skipped
    : 0;
  const total = run?.total ?? 0;
  // the core counts what is left when the run ends; while it runs, that is what has no outcome yet
  const counts = summary
    ? { ...summary, queued: running ? Math.max(0, total - done) : summary.queued }
    : null;
  const interrupted = run?.error?.code === 'batchInterrupted';

  return (
    <div className="editor batch">
      <h2 className="visually-hidden">{t('ui:batch.heading')}</h2>
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
                onClick={() => void choose()}
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
                setProfileName(e.target.value);
                void runCheck(manifest, e.target.value);
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
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
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
              onChange={(e) => setRedirectTo(e.target.value)}
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
          ) : (
            <p className="notice notice-success" role="status" data-testid="batch-check-ok">
              {t('ui:batch.checkOk', { count: check.rows })}
            </p>
          )
        ) : null}
        {error ? <ErrorBox error={error} /> : null}
      </div>

      {run ? (
        <section className="panel run-panel" aria-labelledby="run-title" data-testid="batch-run">
          <h3 id="run-title">
            {running
              ? run.dryRun
                ? t('ui:batch.runningDryRun')
                : t('ui:batch.running')
              : run.state === 'finished'
                ? run.dryRun
                  ? t('ui:batch.finishedDryRun')
                  : t('ui:batch.finished')
                : t('ui:batch.stopped')}
          </h3>
          <div className="progress-row">
            <progress
              max={Math.max(total, 1)}
              value={total ? done : 0}
              aria-label={t('ui:batch.progressLabel')}
            />
            <span data-testid="batch-progress">{t('ui:batch.progress', { done, total })}</span>
            {run.lastRow !== null ? (
              <span className="status-text">{t('ui:batch.lastRow', { row: run.lastRow })}</span>
            ) : null}
          </div>
          <dl className="counts" data-testid="batch-counts">
            {(['sent', 'handedOff', 'failed', 'unknown', 'skipped', 'queued'] as const)
              .filter((k) => k !== 'handedOff' || Boolean(counts?.handedOff))
              .map((k) => (
                <div key={k} className={`count count-${k}${counts?.[k] ? ' nonzero' : ''}`}>
                  <dt>{t(`ui:batch.counts.${k}`)}</dt>
                  <dd data-count={k}>{counts?.[k] ?? 0}</dd>
                </div>
              ))}
          </dl>
          {run.cancelling ? (
            <p className="notice notice-info" role="status">
              {t('batch:stopping')}
            </p>
          ) : null}
          {run.error && interrupted ? (
            <p className="notice notice-info" role="status">
              {errorText(t, run.error)}
            </p>
          ) : run.error ? (
            <ErrorBox error={run.error} title={t('ui:batch.stopped')} />
          ) : null}
          {run.state === 'stopped' && !interrupted ? (
            <p className="help">{t('ui:batch.resumeHint')}</p>
          ) : null}
          {lines.length ? (
            <div className="table-scroll outcomes">
              <table className="grid" data-testid="batch-lines">
                <caption className="visually-hidden">{t('ui:batch.outcomes')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ui:batch.row')}</th>
                    <th scope="col">{t('ui:batch.reference')}</th>
                    <th scope="col">{t('batch:fields.state')}</th>
                    <th scope="col">{t('ui:batch.recipients')}</th>
                    <th scope="col">{t('ui:batch.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...lines]
                    .sort((a, b) => a.row - b.row)
                    .map((l) => (
                      <tr key={l.row} data-row={l.row} data-state={l.state}>
                        <td className="num">{l.row}</td>
                        <td className="nowrap">{l.reference ?? ''}</td>
                        <td>
                          <StateBadge state={l.state} />
                        </td>
                        <td className="ellipsis">{l.to?.join(', ') ?? ''}</td>
                        <td>
                          {l.error ? (
                            <span className="error-text">{errorText(t, l.error)}</span>
                          ) : (
                            <>
                              <span className="mono">{l.messageId ?? ''}</span>
                              {l.response ? <span className="mono muted-line">{l.response}</span> : null}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}

      <div className="button-bar">
        {manifest && !running ? (
          <button type="button" onClick={() => void runCheck()} disabled={checking}>
            {t('ui:batch.check')}
          </button>
        ) : null}
        <span className="spacer" />
        {running ? (
          <button
            type="button"
            className="danger"
            disabled={run.cancelling}
            onClick={() =>
              void unwrap(api.batchCancel({ runId: run.runId })).catch((e) => setError(errorInfoOf(e)))
            }
          >
            {t('ui:batch.cancel')}
          </button>
        ) : null}
        <button type="button" className="primary" disabled={!canStart} onClick={() => void start()}>
          {dryRun ? t('ui:batch.startDryRun') : t('ui:batch.start')}
        </button>
      </div>
    </div>
  );
}
