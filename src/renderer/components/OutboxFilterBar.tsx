// The Postausgang's filters: state (every outbox state), a period (von/bis: the days the messages were
// created, both included) and a search over reference, recipient and subject, typed without a query
// per keystroke (debounced). Reset clears them all.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATES, SEARCH_MIN_LENGTH, type OutboxState } from '../../shared/outbox.js';

export interface OutboxFilters {
  state: OutboxState | '';
  /** YYYY-MM-DD or '' */
  since: string;
  until: string;
  search: string;
}

export const NO_FILTERS: OutboxFilters = { state: '', since: '', until: '', search: '' };

export function hasFilters(f: OutboxFilters): boolean {
  return Boolean(f.state || f.since || f.until || f.search.trim());
}

/** The search the text asks for: none while it is shorter than SEARCH_MIN_LENGTH (it says so). */
function searchOf(text: string): string {
  return [...text.trim()].length < SEARCH_MIN_LENGTH ? '' : text;
}

/** How long typing must pause before the search runs. */
const SEARCH_DELAY_MS = 300;

export function OutboxFilterBar({
  filters,
  onChange,
}: {
  filters: OutboxFilters;
  onChange: (next: OutboxFilters) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.search);
  // the search field's text reaches the query only once typing paused
  useEffect(() => {
    if (searchOf(text) === filters.search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: searchOf(text) }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  const tooShort = Boolean(text.trim()) && !searchOf(text);
  // reset from outside (Filter zurücksetzen)
  useEffect(() => setText(filters.search), [filters.search]);
  const inverted = Boolean(filters.since && filters.until && filters.since > filters.until);
  return (
    <div role="group" aria-label={t('ui:outboxView.filters')} className="outbox-filters">
      <div className="inline-label">
        <label htmlFor="o-filter">{t('ui:outbox.filter')}</label>
        <select
          id="o-filter"
          value={filters.state}
          onChange={(e) => onChange({ ...filters, state: e.target.value as OutboxState | '' })}
        >
          <option value="">{t('ui:outbox.all')}</option>
          {OUTBOX_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`batch:states.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-label">
        <label htmlFor="o-since">{t('ui:outboxView.since')}</label>
        <input
          id="o-since"
          type="date"
          value={filters.since}
          max={filters.until || undefined}
          onChange={(e) => onChange({ ...filters, since: e.target.value })}
        />
      </div>
      <div className="inline-label">
        <label htmlFor="o-until">{t('ui:outboxView.until')}</label>
        <input
          id="o-until"
          type="date"
          value={filters.until}
          min={filters.since || undefined}
          aria-invalid={inverted || undefined}
          aria-describedby={inverted ? 'o-range-problem' : undefined}
          onChange={(e) => onChange({ ...filters, until: e.target.value })}
        />
      </div>
      <div className="inline-label outbox-search">
        <label htmlFor="o-search">{t('ui:outboxView.search')}</label>
        <input
          id="o-search"
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('ui:outboxView.searchPlaceholder')}
          aria-describedby={tooShort ? 'o-search-short' : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ ...filters, search: searchOf(text) });
          }}
        />
      </div>
      {tooShort ? (
        <p id="o-search-short" className="outbox-search-short" role="status">
          {t('ui:outboxView.searchTooShort', { count: SEARCH_MIN_LENGTH })}
        </p>
      ) : null}
      {hasFilters(filters) || text ? (
        <button
          type="button"
          onClick={() => {
            setText('');
            onChange(NO_FILTERS);
          }}
        >
          {t('ui:outboxView.reset')}
        </button>
      ) : null}
      {inverted ? (
        <p id="o-range-problem" className="error-text outbox-range-problem" role="alert">
          {t('ui:outboxView.rangeInverted')}
        </p>
      ) : null}
    </div>
  );
}
