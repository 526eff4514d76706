// The profile form's fixed button bar: "Verbindung testen" (with its wait and cancel while it runs),
// Abbrechen and Speichern. While a test runs there is one cancel only: the test's own ("Test
// abbrechen"); the form's Abbrechen (discard changes) comes back when the test is over.
import { useTranslation } from 'react-i18next';
import { WaitNotice } from './WaitNotice.js';

export interface TestWait {
  since: number;
  operationId: string;
  cancelling: boolean;
}

interface Props {
  busy: boolean;
  /** The running connection test, null when none runs. */
  testWait: TestWait | null;
  /** Abbrechen/Speichern have something to do (unsaved changes, or a new profile). */
  canSave: boolean;
  onTest: () => void;
  onCancelTest: () => void;
  onCancel: () => void;
}

export function ProfileButtonBar(p: Props) {
  const { t } = useTranslation();
  return (
    <div className="button-bar">
      <button type="button" onClick={p.onTest} disabled={p.busy}>
        {t('ui:form.test')}
      </button>
      {p.testWait ? (
        <WaitNotice
          text={t('ui:form.testing')}
          since={p.testWait.since}
          cancelling={p.testWait.cancelling}
          onCancel={p.onCancelTest}
          cancelLabel={t('ui:formPolish.cancelTest')}
          testId="test-wait"
        />
      ) : null}

      <span className="spacer" />
      {p.testWait ? null : (
        <button type="button" onClick={p.onCancel} disabled={p.busy || !p.canSave}>
          {t('ui:form.cancel')}
        </button>
      )}
      <button type="submit" className="primary" disabled={p.busy || !p.canSave}>
        {t('ui:form.save')}
      </button>
    </div>
  );
}
