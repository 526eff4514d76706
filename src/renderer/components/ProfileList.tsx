// The profile list beside the form: the active profile marked, switch, new from a template,
// duplicate, delete, make active.
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../shared/ipc/contract.js';
import { SidebarList } from './SidebarList.js';

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
    <SidebarList
      headingId="profiles-heading"
      heading={t('ui:profiles.heading')}
      items={p.profiles.map((prof) => ({
        key: prof.id,
        name: prof.name,
        detail: t(`core:kinds.${prof.connection}`),
        badge: prof.name === p.active ? t('ui:profiles.active') : null,
      }))}
      selected={p.selected}
      newItem={p.newName !== null ? { name: p.newName, detail: t('ui:profiles.unsaved') } : null}
      onSelect={p.onSelect}
    >
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
    </SidebarList>
  );
}
