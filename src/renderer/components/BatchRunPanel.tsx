// A Mahnlauf's progress and outcomes: counts (partly delivered ones apart, amber), the reason it
// stopped, and every row's outcome in a scrollable table that the keyboard can reach. A partly
// delivered row names who was refused and the server's reply. A Probelauf's messages are "im Testpostfach
// abgelegt", never "gesendet".
import { useTranslation } from 'react-i18next';
import type { BatchLine } from '../../shared/batch.js';
import type { BatchRunView } from '../../shared/ipc/contract.js';
import { doneCount } from '../batch-session.js';
import { ErrorBox, errorText } from './ErrorBox.js';
import { StateBadge } from './OutboxView.js';

const COUNTS = ['sent', 'handedOff', 'partial', 'failed', 'unknown', 'skipped', 'queued'] as const;

export function BatchRunPanel({ run, lines }: { run: BatchRunView; lines: BatchLine[] }) {
  const { t } = useTranslation();
  const running = run.state === 'running';
  const summary = run.summary;
  const done = doneCount(run);
  const total = run.total;
  // the core counts what is left when the run ends; while it runs, that is what has no outcome yet
  const counts = { ...summary, queued: running ? Math.max(0, total - done) : summary.queued };
  const interrupted = run.error?.code === 'batchInterrupted';
  const refusedRows = lines.filter((l) => l.state === 'partial');

  return (
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
        {COUNTS.filter((k) => k !== 'handedOff' || counts.handedOff > 0).map((k) => (
          <div key={k} className={`count count-${k}${counts[k] ? ' nonzero' : ''}`}>
            <dt>
              {k === 'partial'
                ? t('ui:desk.countPartial')
                : k === 'sent' && run.dryRun
                  ? t('ui:formPolish.countStored')
                  : t(`ui:batch.counts.${k}`)}
            </dt>
            <dd data-count={k}>{counts[k]}</dd>
          </div>
        ))}
      </dl>
      {run.cancelling ? (
        <p className="notice notice-info" role="status">
          {t('batch:stopping')}
        </p>
      ) : null}
      {refusedRows.length ? (
        <div className="notice notice-amber" role="status" data-testid="batch-partial">
          <strong>{t('ui:desk.partialTitle', { count: refusedRows.length })}</strong>
          <ul>
            {refusedRows.map((l) => (
              <li key={l.row}>
                {t('ui:desk.partialRow', {
                  row: l.row,
                  ref: l.reference ? ` (${l.reference})` : '',
                  refused: (l.refused ?? []).map((r) => `${r.address} – ${r.response}`).join('; '),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.error && interrupted ? (
        <p className="notice notice-info" role="status">
          {errorText(t, run.error)}
        </p>
      ) : run.error ? (
        <ErrorBox error={run.error} title={t('ui:batch.stopped')} />
      ) : null}
      {run.state === 'stopped' && !interrupted ? <p className="help">{t('ui:batch.resumeHint')}</p> : null}
      {lines.length ? (
        <div
          className="table-scroll outcomes"
          tabIndex={0}
          role="region"
          aria-label={t('ui:batch.outcomes')}
          data-testid="batch-lines-scroll"
        >
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
                      {l.dryRun && l.state === 'sent' ? (
                        <span className="state state-sent">{t('ui:formPolish.stateStored')}</span>
                      ) : (
                        <StateBadge state={l.state} />
                      )}
                    </td>
                    <td className="ellipsis">{l.to?.join(', ') ?? ''}</td>
                    <td>
                      {l.error ? (
                        <span className={l.state === 'partial' ? 'warning-text' : 'error-text'}>
                          {errorText(t, l.error)}
                        </span>
                      ) : (
                        <>
                          <span className="mono">{l.messageId ?? ''}</span>
                          {l.dryRun && l.file ? (
                            <span className="mono muted-line">{l.file.split(/[\\/]/).pop()}</span>
                          ) : l.response ? (
                            <span className="mono muted-line">{l.response}</span>
                          ) : null}
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
  );
}
