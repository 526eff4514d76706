// The list of e-mail templates (Vorlagen) beside the editor: kind and level of each, new and delete.
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../shared/mail-templates.js';

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
    <nav className="sidebar" aria-labelledby="mail-templates-heading">
      <h2 id="mail-templates-heading">{t('ui:mailTemplates.listLabel')}</h2>
      <ul className="profile-list" data-testid="mail-template-list">
        {p.templates.map((tpl) => (
          <li key={tpl.name}>
            <button
              type="button"
              className={`profile-item${tpl.name === p.selected ? ' selected' : ''}`}
              aria-current={tpl.name === p.selected ? 'true' : undefined}
              onClick={() => p.onSelect(tpl.name)}
            >
              <span className="profile-name">{tpl.name}</span>
              <span className="profile-kind">{kindOf(tpl)}</span>
            </button>
          </li>
        ))}
        {p.newName !== null ? (
          <li>
            <button type="button" className="profile-item selected" aria-current="true">
              <span className="profile-name">{p.newName || '…'}</span>
              <span className="profile-kind">{t('ui:mailTemplates.unsaved')}</span>
            </button>
          </li>
        ) : null}
      </ul>
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
    </nav>
  );
}
