// A core error in the user's language: what happened and what to do, plus the server's reply.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';

export function errorText(t: TFunction, error: ErrorInfo): string {
  return t(`core:errors.${error.code}`, { ...error.params, response: error.response ?? '' });
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
