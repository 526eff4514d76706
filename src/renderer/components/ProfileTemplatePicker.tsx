// "Neu …": the setup assistant first, then one entry per template of the connection-kind registry; a
// kind that works only on another platform (Windows-Standard, Outlook) is listed, not offered.
import { useTranslation } from 'react-i18next';
import { kindAvailableOn, templateValues } from '../../shared/connection-kinds.js';
import { appPlatform } from '../platform.js';
import { TEMPLATE_IDS, type TemplateId } from '../templates.js';
import { Modal } from './Modal.js';

export function ProfileTemplatePicker({
  onClose,
  onAssistant,
  onTemplate,
}: {
  onClose: () => void;
  onAssistant: () => void;
  onTemplate: (id: TemplateId) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('ui:templates.heading')}
      onClose={onClose}
      testId="template-picker"
      actions={
        <button type="button" onClick={onClose}>
          {t('ui:form.cancel')}
        </button>
      }
    >
      <ul className="templates">
        <li>
          <button type="button" onClick={onAssistant} aria-describedby="tpl-setup-desc">
            <strong>{t('setup:assistant.entry')}</strong>
            <span id="tpl-setup-desc">{t('setup:assistant.entryDescription')}</span>
          </button>
        </li>
        {TEMPLATE_IDS.map((id) => (
          <li key={id}>
            <button
              type="button"
              onClick={() => onTemplate(id)}
              aria-describedby={`tpl-${id}-desc`}
              disabled={!kindAvailableOn(templateValues(id).connection ?? 'smtp', appPlatform())}
            >
              <strong>{t(`ui:templates.${id}`)}</strong>
              <span id={`tpl-${id}-desc`}>{t(`ui:templates.descriptions.${id}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
