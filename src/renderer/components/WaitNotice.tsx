// A wait the user can see and stop: what is happening, for how long already (seconds), and an
// Abbrechen that ends it (the caller cancels the operation in the main process).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  /** Date.now() when the wait began. */
  since: number;
  onCancel?: () => void;
  cancelling?: boolean;
  testId?: string;
  /** The cancel button's words when "Abbrechen" alone could be mistaken for another one nearby. */
  cancelLabel?: string;
}

export function WaitNotice({ text, since, onCancel, cancelling, testId, cancelLabel }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <div className="notice notice-info progress wait" role="status" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      <span className="wait-text">
        {cancelling ? t('ui:desk.cancelling') : text}{' '}
        <span className="elapsed" data-testid="elapsed">
          {t('ui:desk.elapsed', { seconds })}
        </span>
      </span>
      {onCancel ? (
        <button type="button" onClick={onCancel} disabled={cancelling}>
          {cancelLabel ?? t('ui:desk.cancelWait')}
        </button>
      ) : null}
    </div>
  );
}

/** A fresh id for one cancellable operation (cancelOperation names it). */
export function newOperationId(): string {
  return crypto.randomUUID();
}
