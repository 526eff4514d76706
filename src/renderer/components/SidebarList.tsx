// The list beside an editor (profiles, e-mail templates): one button per entry with its name, what it
// is and an optional badge, the selected one marked; a new, unsaved entry at the end; the actions below.
import type { ReactNode } from 'react';

export interface SidebarItem {
  key: string;
  name: string;
  detail: string;
  badge?: string | null;
}

interface Props {
  headingId: string;
  heading: string;
  items: SidebarItem[];
  /** The name of the entry shown in the editor; null while a new, unsaved one is. */
  selected: string | null;
  /** The new, unsaved entry (its name as typed and what it is), or null. */
  newItem: { name: string; detail: string } | null;
  onSelect: (name: string) => void;
  testId?: string;
  /** Below the list: a hint and the action buttons. */
  children: ReactNode;
}

export function SidebarList(p: Props) {
  return (
    <nav className="sidebar" aria-labelledby={p.headingId}>
      <h2 id={p.headingId}>{p.heading}</h2>
      <ul className="profile-list" data-testid={p.testId}>
        {p.items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              className={`profile-item${item.name === p.selected ? ' selected' : ''}`}
              aria-current={item.name === p.selected ? 'true' : undefined}
              onClick={() => p.onSelect(item.name)}
            >
              <span className="profile-name" title={item.name}>
                {item.name}
              </span>
              <span className="profile-kind">{item.detail}</span>
              {item.badge ? <span className="badge">{item.badge}</span> : null}
            </button>
          </li>
        ))}
        {p.newItem !== null ? (
          <li>
            <button type="button" className="profile-item selected" aria-current="true">
              <span className="profile-name">{p.newItem.name || '…'}</span>
              <span className="profile-kind">{p.newItem.detail}</span>
            </button>
          </li>
        ) : null}
      </ul>
      {p.children}
    </nav>
  );
}
