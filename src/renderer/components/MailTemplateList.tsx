// The list of e-mail templates (Vorlagen) beside the editor: kind and level of each, new and delete.
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../shared/mail-templates.js';
import { SidebarList } from './SidebarList.js';

interface Props {
  templates: MailTemplate[];
  /** The template shown in the editor; null while a new, unsaved one is. */
  selected: string | null;
  newName: string | null;
  busy: boolean;
  onSelect: (name: string) => void;
  onNew: () => void;
  onDelete: () => void;
}

export function MailTemplateList(p: Props) {
  const { t } = useTranslation();
  const kindOf = (tpl: MailTemplate) =>
    tpl.level ? t(`ui:mailTemplates.levels.${tpl.level}`) : t(`ui:send.kinds.${tpl.kind}`);
  return (
    <SidebarList
      headingId="mail-templates-heading"
      heading={t('ui:mailTemplates.listLabel')}
      testId="mail-template-list"
      items={p.templates.map((tpl) => ({ key: tpl.name, name: tpl.name, detail: kindOf(tpl) }))}
      selected={p.selected}
      newItem={p.newName !== null ? { name: p.newName, detail: t('ui:mailTemplates.unsaved') } : null}
      onSelect={p.onSelect}
    >
      <div className="sidebar-actions">
        <button type="button" onClick={p.onNew} disabled={p.busy}>
          {t('ui:mailTemplates.new')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={p.onDelete}
          disabled={p.busy || p.selected === null}
        >
          {t('ui:mailTemplates.delete')}
        </button>
      </div>
    </SidebarList>
  );
}
