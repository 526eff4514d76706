// The window's fixed header: the title, the tab bar (arrow keys move between tabs; a running Mahnlauf
// shows its progress on its tab, whichever tab is open) and the language switch.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/i18n/types.js';
import type { BatchRunView } from '../../shared/ipc/contract.js';
import { doneCount } from '../batch-session.js';

export const TABS = ['settings', 'send', 'outbox', 'batch', 'templates'] as const;
export type Tab = (typeof TABS)[number];

export function TitleBar({
  tab,
  onTab,
  runningBatch,
  onLanguage,
}: {
  tab: Tab;
  /** Asks to show another tab (the caller may first ask about unsaved changes). */
  onTab: (next: Tab) => void;
  runningBatch: BatchRunView | null;
  onLanguage: (lang: Language) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header className="titlebar">
      <h1>{t('ui:app.title')}</h1>
      <div role="tablist" aria-label={t('ui:app.title')} className="tabs">
        {TABS.map((tb, i) => (
          <button
            key={tb}
            type="button"
            role="tab"
            id={`tab-${tb}`}
            aria-selected={tab === tb}
            aria-controls={`panel-${tb}`}
            tabIndex={tab === tb ? 0 : -1}
            onClick={() => onTab(tb)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
                const next = TABS[(i + step) % TABS.length]!;
                onTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(`ui:app.tabs.${tb}`)}
            {tb === 'batch' && runningBatch ? (
              <span className="tab-badge" data-testid="batch-running-badge">
                <span className="pulse" aria-hidden="true" />
                {t('ui:desk.runningBadge', { done: doneCount(runningBatch), total: runningBatch.total })}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <label className="lang">
        <span>{t('ui:app.language')}</span>
        <select value={i18n.language} onChange={(e) => onLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`ui:app.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
