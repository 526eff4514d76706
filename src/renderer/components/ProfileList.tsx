// The profile list beside the form: the active profile marked, switch, new from a template,
// duplicate, delete, make active.
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../shared/ipc/contract.js';

interface Props {
  profiles: ProfileView[];
  active: string;
  /** The profile shown in the form; null while a new, unsaved one is. */
  selected: string | null;
  newName: string | null;
  busy: boolean;
  onSelect: (name: string) => void;
  onNew: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onUse: () => void;
}

export function ProfileList(p: Props) {
  const { t } = useTranslation();
  const selectedIsActive = p.selected === p.active;
  return (
    <nav className="sidebar" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('ui:profiles.heading')}</h2>
      <ul className="profile-list">
        {p.profiles.map((prof) => (
          <li key={prof.id}>
            <button
              type="button"
              className={`profile-item${prof.name === p.selected ? ' selected' : ''}`}
              aria-current={prof.name === p.selected ? 'true' : undefined}
              onClick={() => p.onSelect(prof.name)}
            >
              <span className="profile-name">{prof.name}</span>
              <span className="profile-kind">{t(`ui:form.kinds.${prof.connection}`)}</span>
              {prof.name === p.active ? <span className="badge">{t('ui:profiles.active')}</span> : null}
            </button>
          </li>
        ))}
        {p.newName !== null ? (
          <li>
            <button type="button" className="profile-item selected" aria-current="true">
              <span className="profile-name">{p.newName || '…'}</span>
              <span className="profile-kind">{t('ui:profiles.unsaved')}</span>
            </button>
          </li>
        ) : null}
      </ul>
      <p className="help sidebar-help">{t('ui:profiles.activeHint')}</p>
      <div className="sidebar-actions">
        <button type="button" onClick={p.onNew} disabled={p.busy}>
          {t('ui:profiles.new')}
        </button>
        <button type="button" onClick={p.onDuplicate} disabled={p.busy || p.selected === null}>
          {t('ui:profiles.duplicate')}
        </button>
        <button type="button" onClick={p.onUse} disabled={p.busy || p.selected === null || selectedIsActive}>
          {t('ui:profiles.use')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={p.onDelete}
          // the last profile cannot be removed (the core refuses it): say so before the click
          disabled={p.busy || p.selected === null || p.profiles.length <= 1}
          title={p.profiles.length <= 1 ? t('ui:desk.lastProfile') : undefined}
        >
          {t('ui:profiles.delete')}
        </button>
      </div>
    </nav>
  );
}
