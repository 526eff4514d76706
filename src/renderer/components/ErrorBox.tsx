// A core error in the user's language: what happened and what to do, plus the server's reply.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';

/** The dialog's own wording (`ui:errorHints.<code>`: what to do in the dialog) where the core's text
 *  names CLI commands or options; the core's text otherwise. */
export function errorText(t: TFunction, error: ErrorInfo): string {
  const params = { ...error.params, response: error.response ?? '' };
  const hint = t(`ui:errorHints.${error.code}`, { ...params, defaultValue: '' });
  return hint || t(`core:errors.${error.code}`, params);
}

export function ErrorBox({
  error,
  title,
  onDismiss,
}: {
  error: ErrorInfo;
  title?: string;
  /** A banner the user can close (×). */
  onDismiss?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      {onDismiss ? (
        <button type="button" className="dismiss" aria-label={t('ui:desk.dismiss')} onClick={onDismiss}>
          ×
        </button>
      ) : null}
      <strong>{title ?? t('ui:error.title')}</strong>
      <p>{errorText(t, error)}</p>
      {error.response && !errorText(t, error).includes(error.response) ? (
        <p className="mono">{t('ui:error.serverReply', { response: error.response })}</p>
      ) : null}
    </div>
  );
}
