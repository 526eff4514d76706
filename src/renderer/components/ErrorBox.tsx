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

export function ErrorBox({ error, title }: { error: ErrorInfo; title?: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <strong>{title ?? t('ui:error.title')}</strong>
      <p>{errorText(t, error)}</p>
      {error.response && !errorText(t, error).includes(error.response) ? (
        <p className="mono">{t('ui:error.serverReply', { response: error.response })}</p>
      ) : null}
    </div>
  );
}
