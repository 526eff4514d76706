// The Postausgang's table: one page of messages (newest first) with state, recipients, subject and
// reference, and the page buttons under it. Arrow keys (and Home/End) move through the rows' buttons;
// Enter or Space on one opens its details.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import type { OutboxEntry } from '../../shared/outbox.js';
import type { ConnectionKind } from '../../shared/profile.js';

/** True when a `sent` message of this kind went into the Testpostfach, not to a server. */
export function storedNotSent(state: string, transport: ConnectionKind | undefined): boolean {
  return state === 'sent' && transport !== undefined && kindSpec(transport).outcome === 'stored';
}

/** A state's badge; a Testpostfach message says "im Testpostfach abgelegt", never "gesendet". */
export function StateBadge({ state, transport }: { state: string; transport?: ConnectionKind }) {
  const { t } = useTranslation();
  const label = storedNotSent(state, transport) ? t('ui:formPolish.stateStored') : t(`batch:states.${state}`);
  return <span className={`state state-${state}`}>{label}</span>;
}

export function formatTime(iso: string | undefined, lang: string, short = false): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(
    lang,
    short ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'medium' },
  );
}

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

export function OutboxTable({
  entries,
  selectedId,
  onSelect,
}: {
  entries: OutboxEntry[];
  selectedId: string | null;
  onSelect: (entry: OutboxEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('ui:desk.scrollTable', { name: t('ui:outbox.listLabel') })}
    >
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
          {entries.map((e) => (
            <tr
              key={e.id}
              className={e.id === selectedId ? 'selected' : undefined}
              data-state={e.state}
              onClick={() => onSelect(e)}
            >
              <td className="nowrap">{formatTime(e.sentAt ?? e.updatedAt, i18n.language, true)}</td>
              <td>
                <StateBadge state={e.state} transport={e.transport} />
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
                    onSelect(e);
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
  );
}

/** The page buttons: back to newer pages, on to older ones. */
export function OutboxPager({
  page,
  from,
  to,
  hasOlder,
  onNewer,
  onNewest,
  onOlder,
}: {
  page: number;
  from: number;
  to: number;
  hasOlder: boolean;
  onNewer: () => void;
  onNewest: () => void;
  onOlder: () => void;
}) {
  const { t } = useTranslation();
  if (page === 1 && !hasOlder) return null;
  return (
    <nav className="outbox-pager" aria-label={t('ui:outboxView.paging')}>
      {page > 2 ? (
        <button type="button" onClick={onNewest}>
          {t('ui:outboxView.newest')}
        </button>
      ) : null}
      <button type="button" onClick={onNewer} disabled={page === 1}>
        {t('ui:outboxView.newer')}
      </button>
      <span className="status-text" data-testid="outbox-page">
        {t('ui:outboxView.page', { page })} · {t('ui:outboxView.range', { from, to })}
      </span>
      <button type="button" onClick={onOlder} disabled={!hasOlder}>
        {t('ui:outboxView.older')}
      </button>
    </nav>
  );
}
