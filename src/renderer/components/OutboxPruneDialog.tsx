// "Alte Nachrichten löschen": retention in the app, as `opos-mail outbox prune --before DATE
// [--with-journal] [--force]`. The user chooses a day (with or without the journal rows) and sees
// what would be deleted (counted by the main process) before confirming. A day less than six years
// back is refused with the reason (HGB § 257, AO § 147, GoBD) unless the user explicitly confirms the
// override; the main process checks the same again (the core's checkRetention).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { PrunePreview } from '../../shared/outbox.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { ErrorBox } from './ErrorBox.js';
import { Modal } from './Modal.js';

/** The same day six years ago (the latest day allowed without the override), YYYY-MM-DD. */
function sixYearsBack(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear() - 6}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function shownDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(lang, { dateStyle: 'medium' });
}

export function OutboxPruneDialog({
  onClose,
  onPruned,
}: {
  onClose: () => void;
  /** After deleting: what was deleted, for the notice. */
  onPruned: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [before, setBefore] = useState(sixYearsBack);
  const [withJournal, setWithJournal] = useState(false);
  const [override, setOverride] = useState(false);
  const [preview, setPreview] = useState<PrunePreview | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(before);

  // what the chosen day would delete, counted by the main process
  useEffect(() => {
    setPreview(null);
    setOverride(false);
    if (!valid) return;
    let current = true;
    unwrap(api.outboxPrunePreview({ before })).then(
      (p) => current && setPreview(p),
      (e: unknown) => current && setError(errorInfoOf(e)),
    );
    return () => {
      current = false;
    };
  }, [api, before, valid]);

  const count = preview ? (withJournal ? preview.rows : preview.files) : 0;
  const blocked = Boolean(preview?.tooRecent && !override);
  const canDelete = Boolean(preview) && count > 0 && !blocked && !busy;

  const prune = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(
        api.outboxPrune({
          before,
          ...(withJournal ? { withJournal } : {}),
          ...(preview?.tooRecent && override ? { force: true } : {}),
        }),
      );
      onPruned(t('batch:pruned', { files: r.files, rows: r.rows, date: shownDay(before, i18n.language) }));
    } catch (e) {
      setError(errorInfoOf(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('ui:outboxPrune.title')}
      testId="outbox-prune"
      onClose={onClose}
      actions={
        <>
          <button type="button" autoFocus onClick={onClose}>
            {t('ui:outboxPrune.cancel')}
          </button>
          <button type="button" className="danger" disabled={!canDelete} onClick={() => void prune()}>
            {t('ui:outboxPrune.confirm')}
          </button>
        </>
      }
    >
      <p>{t('ui:outboxPrune.intro')}</p>
      <div className="inline-label">
        <label htmlFor="prune-before">{t('ui:outboxPrune.before')}</label>
        <input
          id="prune-before"
          type="date"
          value={before}
          required
          aria-invalid={!valid || undefined}
          onChange={(e) => setBefore(e.target.value)}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={withJournal} onChange={(e) => setWithJournal(e.target.checked)} />
        {t('ui:outboxPrune.withJournal')}
      </label>
      <div aria-live="polite" data-testid="prune-preview" className="prune-preview">
        {!valid ? (
          <p className="error-text">{t('ui:outboxPrune.invalidDate')}</p>
        ) : !preview ? (
          <p>{t('ui:outboxPrune.counting')}</p>
        ) : count === 0 ? (
          <p>{t('ui:outboxPrune.nothing')}</p>
        ) : (
          <>
            <p>
              <strong>{t('ui:outboxPrune.files', { count: preview.files })}</strong>
            </p>
            <p>
              {withJournal ? t('ui:outboxPrune.rows', { count: preview.rows }) : t('ui:outboxPrune.rowsKept')}
            </p>
          </>
        )}
      </div>
      {preview?.tooRecent ? (
        <div className="notice prune-retention" role="alert" data-testid="prune-too-recent">
          <p>
            {t('ui:outboxPrune.tooRecent', {
              date: shownDay(before, i18n.language),
              earliest: shownDay(preview.earliest, i18n.language),
            })}
          </p>
          <label className="check">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
            {t('ui:outboxPrune.override')}
          </label>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
    </Modal>
  );
}
