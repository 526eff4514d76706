// The options of a profile picker: every profile by name, the active one marked as such.
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../shared/ipc/contract.js';

export function ProfileOptions({ profiles, active }: { profiles: ProfileView[]; active: string }) {
  const { t } = useTranslation();
  return (
    <>
      {profiles.map((p) => (
        <option key={p.id} value={p.name}>
          {p.name === active ? `${p.name} (${t('ui:profiles.active')})` : p.name}
        </option>
      ))}
    </>
  );
}
