// "Postausgang / Versandjournal": the outbox a page at a time (newest first), filtered by state,
// period and a search over reference, recipient and subject (OutboxFilterBar); the proof of sending
// of one message (OutboxDetails) with retry (unknown only after the user confirmed that the server
// may already have it) and the stored copy opened with the mail program; the journal exported as
// CSV; old messages deleted behind a confirmation (OutboxPruneDialog). The page shown is queried
// again when the main process reports a change of the outbox (by this app or another process on the
// data folder), never by polling.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/types.js';
import type { OutboxEntry, OutboxPage } from '../../shared/outbox.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { ErrorBox } from './ErrorBox.js';
import { ConfirmModal } from './Modal.js';
import { OutboxDetails } from './OutboxDetails.js';
import { hasFilters, NO_FILTERS, OutboxFilterBar, type OutboxFilters } from './OutboxFilterBar.js';
import { OutboxPruneDialog } from './OutboxPruneDialog.js';
import { OutboxPager, OutboxTable } from './OutboxTable.js';

export { formatTime, StateBadge } from './OutboxTable.js';

/** Messages per page. */
export const PAGE_SIZE = 100;

export function OutboxView() {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [filters, setFilters] = useState<OutboxFilters>(NO_FILTERS);
  // the cursors of the pages shown so far: [undefined] is the newest page, then each page's `older`
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [page, setPage] = useState<OutboxPage | null>(null);
  const [selected, setSelected] = useState<OutboxEntry | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmUnknown, setConfirmUnknown] = useState(false);
  const [pruning, setPruning] = useState(false);
  const cursor = cursors.at(-1);

  const load = useCallback(async () => {
    try {
      const p = await unwrap(
        api.outboxPage({
          ...(filters.state ? { state: filters.state } : {}),
          ...(filters.since ? { since: filters.since } : {}),
          ...(filters.until ? { until: filters.until } : {}),
          ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
          ...(cursor !== undefined ? { before: cursor } : {}),
          limit: PAGE_SIZE,
        }),
      );
      // an older page emptied meanwhile (pruned): back to the newest
      if (!p.entries.length && cursor !== undefined) return setCursors([undefined]);
      setPage(p);
      // the details follow the message's new state when it is on the page
      setSelected((s) => (s ? (p.entries.find((e) => e.id === s.id) ?? s) : s));
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }, [api, filters, cursor]);

  useEffect(() => {
    void load();
  }, [load]);

  // change notifications: query the page shown again (one query at a time; a change that arrives
  // meanwhile is picked up by one more query right after)
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let running: Promise<void> | null = null;
    let again = false;
    const refresh = () => {
      if (running) {
        again = true;
        return;
      }
      running = latest.current().finally(() => {
        running = null;
        if (again) {
          again = false;
          refresh();
        }
      });
    };
    return api.onOutboxChanged(refresh);
  }, [api]);

  const changeFilters = useCallback((next: OutboxFilters) => {
    setFilters(next);
    setCursors([undefined]);
  }, []);

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

  const select = (entry: OutboxEntry) => {
    if (entry.id !== selected?.id) setNotice(null);
    setSelected(entry);
  };
  const entries = page?.entries ?? [];
  const first = (cursors.length - 1) * PAGE_SIZE + 1;

  const retry = (entry: OutboxEntry, resendUnknown: boolean) =>
    void act(async () => {
      await unwrap(api.outboxRetry({ ids: [entry.id], ...(resendUnknown ? { resendUnknown } : {}) }));
      await load();
      return t('ui:outbox.retried');
    });

  return (
    <div className="outbox">
      <h2 className="visually-hidden">{t('ui:outbox.heading')}</h2>
      <div className="toolbar outbox-toolbar">
        <OutboxFilterBar filters={filters} onChange={changeFilters} />
        <span className="spacer" />
        <button type="button" onClick={() => void act(async () => (await load(), null))} disabled={busy}>
          {t('ui:outbox.refresh')}
        </button>
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
        <button type="button" disabled={busy} onClick={() => setPruning(true)}>
          {t('ui:outboxPrune.open')}
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
          <p className="visually-hidden" aria-live="polite">
            {page ? t('ui:outbox.count', { count: entries.length }) : t('ui:app.loading')}
          </p>
          {page && !entries.length ? (
            hasFilters(filters) ? (
              <div className="empty" data-testid="outbox-empty">
                <p>{t('ui:outboxView.noMatch')}</p>
                <button type="button" onClick={() => changeFilters(NO_FILTERS)}>
                  {t('ui:outboxView.reset')}
                </button>
              </div>
            ) : (
              <p className="empty" data-testid="outbox-empty">
                {t('ui:outbox.empty')}
              </p>
            )
          ) : (
            <OutboxTable entries={entries} selectedId={selected?.id ?? null} onSelect={select} />
          )}
          {page ? (
            <OutboxPager
              page={cursors.length}
              from={first}
              to={first + entries.length - 1}
              hasOlder={page.older !== null}
              onNewer={() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c))}
              onNewest={() => setCursors([undefined])}
              onOlder={() => page.older !== null && setCursors((c) => [...c, page.older!])}
            />
          ) : null}
        </section>

        <section
          className="panel detail-panel"
          aria-labelledby="outbox-detail-title"
          data-testid="outbox-detail"
        >
          <h3 id="outbox-detail-title">{t('ui:outbox.details')}</h3>
          {selected ? (
            <OutboxDetails
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

      {pruning ? (
        <OutboxPruneDialog
          onClose={() => setPruning(false)}
          onPruned={(text) => {
            setPruning(false);
            setError(null);
            setNotice(text);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
