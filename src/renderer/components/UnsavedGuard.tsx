// The question before leaving a changed profile form: stay (the default), discard the changes, or save
// them and go on (only when saving succeeded).
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.js';

export function UnsavedGuard({
  name,
  onStay,
  onDiscard,
  onSave,
}: {
  /** The profile's name as typed. */
  name: string;
  onStay: () => void;
  onDiscard: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('ui:guard.title')}
      onClose={onStay}
      testId="unsaved-guard"
      actions={
        <>
          <button type="button" autoFocus onClick={onStay}>
            {t('ui:guard.stay')}
          </button>
          <button type="button" onClick={onDiscard}>
            {t('ui:guard.discard')}
          </button>
          <button type="button" className="primary" onClick={onSave}>
            {t('ui:guard.save')}
          </button>
        </>
      }
    >
      <p>{t('ui:guard.text', { name })}</p>
    </Modal>
  );
}
