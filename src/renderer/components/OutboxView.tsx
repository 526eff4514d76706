// "Postausgang / Versandjournal": every message of the outbox with its state, a filter by state, the
// proof of sending of one message (recipients, attachments with SHA-256, Message-ID, server reply,
// attempts, error), retry (unknown only after the user confirmed that the server may already have
// it), the stored copy opened with the mail program, and the journal exported as CSV.
import { useCallback, useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/types.js';
import { OUTBOX_STATES, isDone, type OutboxEntry, type OutboxState } from '../../shared/outbox.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { formatSize } from '../format.js';
import { ErrorBox, errorText } from './ErrorBox.js';
import { ConfirmModal } from './Modal.js';

/** While a message is queued or being sent, the list is refreshed this often. */
const REFRESH_MS = 1500;
/** Rows shown at most (newest first): a table of ten thousand rows helps nobody and slows the window. */
const MAX_ROWS = 500;

/**
 * Arrow keys (and Home/End) move the focus through the rows' buttons; Enter or Space on one opens
 * its details (the button's own action).
 */
function moveByArrow(e: KeyboardEvent<HTMLTableSectionElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-link')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (!buttons.length) return;
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  e.preventDefault();
  buttons[next]!.focus();
  buttons[next]!.scrollIntoView({ block: 'nearest' });
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`state state-${state}`}>{t(`batch:states.${state}`)}</span>;
}

export function formatTime(iso: string | undefined, lang: string, short = false): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(
    lang,
    short ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'medium' },
  );
}

export function OutboxView() {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [filter, setFilter] = useState<OutboxState | ''>('');
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmUnknown, setConfirmUnknown] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries(await unwrap(api.outboxList(filter ? { state: filter } : {})));
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }, [api, filter]);

  useEffect(() => {
    void load();
  }, [load]);

  // queued or sending messages change on their own: look again until they settled
  const unsettled = entries?.some((e) => e.state === 'queued' || e.state === 'sending') ?? false;
  useEffect(() => {
    if (!unsettled) return;
    const timer = setTimeout(() => void load(), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [unsettled, entries, load]);

  const act = async (fn: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(false);
    }
  };

  const select = (id: string) => {
    if (id !== selectedId) setNotice(null);
    setSelectedId(id);
  };
  const list = entries ?? [];
  // newest first: what the user just sent is at the top
  const shown = list.slice(-MAX_ROWS).reverse();
  const selected = list.find((e) => e.id === selectedId) ?? null;

  const retry = (entry: OutboxEntry, resendUnknown: boolean) =>
    void act(async () => {
      await unwrap(api.outboxRetry({ ids: [entry.id], ...(resendUnknown ? { resendUnknown } : {}) }));
      await load();
      return t('ui:outbox.retried');
    });

  return (
    <div className="outbox">
      <h2 className="visually-hidden">{t('ui:outbox.heading')}</h2>
      <div className="toolbar">
        <div className="inline-label">
          <label htmlFor="o-filter">{t('ui:outbox.filter')}</label>
          <select
            id="o-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as OutboxState | '')}
          >
            <option value="">{t('ui:outbox.all')}</option>
            {OUTBOX_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`batch:states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void act(async () => (await load(), null))} disabled={busy}>
          {t('ui:outbox.refresh')}
        </button>
        <span className="status-text" aria-live="polite">
          {entries ? t('ui:outbox.count', { count: list.length }) : t('ui:app.loading')}
        </span>
        <span className="spacer" />
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const r = await unwrap(api.journalExport({ language: i18n.language as Language }));
              return r ? t('ui:outbox.exported', { file: r.file, count: r.entries }) : null;
            })
          }
        >
          {t('ui:outbox.export')}
        </button>
      </div>

      <div aria-live="polite">
        {notice ? (
          <p className="notice notice-success" role="status" data-testid="outbox-notice">
            {notice}
          </p>
        ) : null}
        {error ? <ErrorBox error={error} /> : null}
      </div>

      <div className="split">
        <section className="panel list-panel" aria-labelledby="outbox-list-title">
          <h3 id="outbox-list-title">{t('ui:outbox.listLabel')}</h3>
          {entries && !list.length ? (
            <p className="empty">{filter ? t('ui:outbox.emptyFiltered') : t('ui:outbox.empty')}</p>
          ) : (
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label={t('ui:desk.scrollTable', { name: t('ui:outbox.listLabel') })}
            >
              {list.length > shown.length ? (
                <p className="help limited">
                  {t('ui:outbox.limited', { shown: shown.length, count: list.length })}
                </p>
              ) : null}
              <table className="grid" data-testid="outbox-table">
                <thead>
                  <tr>
                    <th scope="col">{t('ui:outbox.time')}</th>
                    <th scope="col">{t('batch:fields.state')}</th>
                    <th scope="col">{t('batch:fields.to')}</th>
                    <th scope="col">{t('batch:fields.subject')}</th>
                    <th scope="col">{t('batch:fields.reference')}</th>
                  </tr>
                </thead>
                <tbody onKeyDown={moveByArrow}>
                  {shown.map((e) => (
                    <tr
                      key={e.id}
                      className={e.id === selectedId ? 'selected' : undefined}
                      data-state={e.state}
                      onClick={() => select(e.id)}
                    >
                      <td className="nowrap">{formatTime(e.sentAt ?? e.updatedAt, i18n.language, true)}</td>
                      <td>
                        <StateBadge state={e.state} />
                      </td>
                      <td className="ellipsis">{e.to.join(', ')}</td>
                      <td className="ellipsis">
                        <button
                          type="button"
                          className="row-link"
                          aria-pressed={e.id === selectedId}
                          aria-label={t('ui:outbox.show', { subject: e.subject || t('ui:outbox.noSubject') })}
                          onClick={(ev) => {
                            ev.stopPropagation();
                            select(e.id);
                          }}
                        >
                          {e.subject || t('ui:outbox.noSubject')}
                        </button>
                      </td>
                      <td className="nowrap">{e.reference ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section
          className="panel detail-panel"
          aria-labelledby="outbox-detail-title"
          data-testid="outbox-detail"
        >
          <h3 id="outbox-detail-title">{t('ui:outbox.details')}</h3>
          {selected ? (
            <Details
              entry={selected}
              busy={busy}
              onRetry={() =>
                selected.state === 'unknown' ? setConfirmUnknown(true) : retry(selected, false)
              }
              onOpen={() =>
                void act(async () => {
                  await unwrap(api.outboxOpen({ id: selected.id }));
                  return t('ui:outbox.opened');
                })
              }
            />
          ) : (
            <p className="empty">{t('ui:outbox.selectHint')}</p>
          )}
        </section>
      </div>

      {confirmUnknown && selected ? (
        <ConfirmModal
          title={t('ui:outbox.unknownTitle')}
          testId="confirm-resend-unknown"
          cancelLabel={t('ui:form.cancel')}
          confirmLabel={t('ui:outbox.unknownConfirm')}
          onCancel={() => setConfirmUnknown(false)}
          onConfirm={() => {
            setConfirmUnknown(false);
            retry(selected, true);
          }}
        >
          <p>{t('ui:outbox.unknownText')}</p>
          <p className="mono">{selected.messageId}</p>
        </ConfirmModal>
      ) : null}
    </div>
  );
}

function Details({
  entry,
  busy,
  onRetry,
  onOpen,
}: {
  entry: OutboxEntry;
  busy: boolean;
  onRetry: () => void;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = (label: string, value: ReactNode, mono = false) =>
    value === '' || value === null || value === undefined ? null : (
      <div>
        <dt>{label}</dt>
        <dd className={mono ? 'mono' : undefined}>{value}</dd>
      </div>
    );
  const canRetry = entry.state === 'failed' || entry.state === 'unknown';
  return (
    <>
      <dl className="report details">
        {row(t('batch:fields.state'), <StateBadge state={entry.state} />)}
        {entry.error && (entry.state === 'partial' || !isDone(entry.state))
          ? row(
              t('batch:fields.error'),
              <span
                className={entry.state === 'partial' ? 'warning-text' : 'error-text'}
                data-error-code={entry.error.code}
              >
                {errorText(t, entry.error)}
              </span>,
            )
          : null}
        {row(t('batch:fields.subject'), entry.subject || t('ui:outbox.noSubject'))}
        {row(t('batch:fields.kind'), entry.kind ? t(`ui:send.kinds.${entry.kind}`) : '')}
        {row(t('batch:fields.reference'), entry.reference ?? '')}
        {row(t('ui:outbox.origin'), entry.batch ? t('ui:outbox.batchRow', { row: entry.batch.row }) : '')}
        {row(t('batch:fields.from'), entry.from)}
        {row(t('batch:fields.to'), entry.to.join(', '))}
        {row(t('batch:fields.cc'), entry.cc.join(', '))}
        {row(t('batch:fields.bcc'), entry.bcc.join(', '))}
        {row(t('batch:fields.redirectedFrom'), entry.redirectedFrom?.join(', ') ?? '')}
        {row(
          t('batch:fields.attachments'),
          entry.attachments.length ? (
            <ul className="hashes">
              {entry.attachments.map((a, i) => (
                <li key={i}>
                  <span>
                    {a.filename} · {formatSize(t, a.size, lang)}
                  </span>
                  <span className="mono sha">SHA-256 {a.sha256}</span>
                </li>
              ))}
            </ul>
          ) : (
            t('ui:outbox.noAttachments')
          ),
        )}
        {row(t('batch:fields.messageId'), entry.messageId, true)}
        {row(t('batch:fields.response'), entry.response ?? '', true)}
        {row(t('batch:fields.attempts'), String(entry.attempts))}
        {row(t('ui:outbox.created'), formatTime(entry.createdAt, lang))}
        {row(
          t(entry.state === 'handedOff' ? 'ui:outbox.handedOffAt' : 'ui:outbox.sentAt'),
          formatTime(entry.sentAt, lang),
        )}
        {entry.handoff
          ? row(
              t('core:handoff.program'),
              `${entry.handoff.program} – ${t(`core:handoff.methods.${entry.handoff.method}`)}`,
            )
          : null}
        {row(t('batch:fields.nextAttempt'), formatTime(entry.nextAttemptAt, lang))}
        {row(t('batch:fields.profile'), `${entry.profileName} (${t(`ui:form.kinds.${entry.transport}`)})`)}
        {row(t('ui:send.size'), formatSize(t, entry.size, lang))}
        {row(t('batch:fields.file'), entry.file, true)}
      </dl>
      <div className="button-bar">
        <button type="button" onClick={onOpen} disabled={busy}>
          {t('ui:outbox.open')}
        </button>
        <span className="spacer" />
        {canRetry ? (
          <button type="button" className="primary" onClick={onRetry} disabled={busy}>
            {entry.state === 'unknown' ? t('ui:outbox.retryUnknown') : t('ui:outbox.retry')}
          </button>
        ) : null}
      </div>
    </>
  );
}
