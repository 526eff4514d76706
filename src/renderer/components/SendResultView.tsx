// The result of one send as the accountant must read it: green when every recipient has it, amber
// naming each refused recipient with the server's reply when only some have it, and for the
// Testpostfach where the .eml lies with an Öffnen button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../shared/errors.js';
import type { SendResult } from '../../shared/mail.js';
import { errorInfoOf, getApi, unwrap } from '../api.js';
import { formatSize } from '../format.js';
import { ErrorBox } from './ErrorBox.js';
import { HandoffRows } from './HandoffRows.js';

export function SendResultView({ result }: { result: SendResult }) {
  const { t, i18n } = useTranslation();
  const api = getApi()!;
  const [openError, setOpenError] = useState<ErrorInfo | null>(null);
  const partial = result.status === 'partial';
  const outboxId = result.outboxId;
  return (
    <div
      className={`notice ${partial ? 'notice-amber' : 'notice-success'}`}
      role="status"
      data-testid="send-result"
      data-status={result.status}
    >
      <strong>{partial ? t('ui:desk.partialSend') : t(`ui:send.${result.status}`)}</strong>
      {partial ? (
        <ul className="refused" data-testid="refused">
          {(result.refused ?? []).map((r) => (
            <li key={r.address}>{t('ui:desk.refusedLine', { address: r.address, response: r.response })}</li>
          ))}
        </ul>
      ) : null}
      <p className="help">{t('ui:desk.formCleared')}</p>
      <dl className="report">
        <div>
          <dt>{partial ? t('ui:desk.acceptedBy') : t('ui:send.recipients')}</dt>
          <dd>{result.accepted.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('ui:send.messageId')}</dt>
          <dd className="mono">{result.messageId}</dd>
        </div>
        {result.status !== 'stored' ? (
          <div>
            <dt>{t('ui:report.serverReply')}</dt>
            <dd className="mono">{result.response}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ui:send.size')}</dt>
          <dd>{formatSize(t, result.size, i18n.language)}</dd>
        </div>
        {result.file ? (
          <div>
            <dt>{t('ui:send.file')}</dt>
            <dd className="mono">{result.file}</dd>
          </div>
        ) : null}
        {result.handoff ? <HandoffRows handoff={result.handoff} /> : null}
      </dl>
      {result.handoff ? <p>{t('core:handoff.notKnowable')}</p> : null}
      {result.status === 'stored' && outboxId ? (
        <button
          type="button"
          onClick={() =>
            void unwrap(api.outboxOpen({ id: outboxId })).then(
              () => setOpenError(null),
              (e) => setOpenError(errorInfoOf(e)),
            )
          }
        >
          {t('ui:desk.open')}
        </button>
      ) : null}
      {openError ? <ErrorBox error={openError} /> : null}
    </div>
  );
}
