// The proof of sending of one message in the Postausgang: state and error, recipients, attachments
// with SHA-256, Message-ID, the server's reply, attempts and times, the profile, the stored copy; with
// "Gespeicherte Kopie öffnen" and, for failed or unknown messages, "Erneut senden".
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDone, type OutboxEntry } from '../../shared/outbox.js';
import { formatSize } from '../format.js';
import { errorText } from './ErrorBox.js';
import { formatTime, StateBadge, storedNotSent } from './OutboxTable.js';

export function OutboxDetails({
  entry,
  busy,
  onRetry,
  onOpen,
}: {
  entry: OutboxEntry;
  busy: boolean;
  onRetry: () => void;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = (label: string, value: ReactNode, mono = false) =>
    value === '' || value === null || value === undefined ? null : (
      <div>
        <dt>{label}</dt>
        <dd className={mono ? 'mono' : undefined}>{value}</dd>
      </div>
    );
  const canRetry = entry.state === 'failed' || entry.state === 'unknown';
  return (
    <>
      <dl className="report details">
        {row(t('batch:fields.state'), <StateBadge state={entry.state} transport={entry.transport} />)}
        {entry.error && (entry.state === 'partial' || !isDone(entry.state))
          ? row(
              t('batch:fields.error'),
              <span
                className={entry.state === 'partial' ? 'warning-text' : 'error-text'}
                data-error-code={entry.error.code}
              >
                {errorText(t, entry.error)}
              </span>,
            )
          : null}
        {row(t('batch:fields.subject'), entry.subject || t('ui:outbox.noSubject'))}
        {row(t('batch:fields.kind'), entry.kind ? t(`ui:send.kinds.${entry.kind}`) : '')}
        {row(t('batch:fields.reference'), entry.reference ?? '')}
        {row(t('ui:outbox.origin'), entry.batch ? t('ui:outbox.batchRow', { row: entry.batch.row }) : '')}
        {row(t('batch:fields.from'), entry.from)}
        {row(t('batch:fields.to'), entry.to.join(', '))}
        {row(t('batch:fields.cc'), entry.cc.join(', '))}
        {row(t('batch:fields.bcc'), entry.bcc.join(', '))}
        {row(t('batch:fields.redirectedFrom'), entry.redirectedFrom?.join(', ') ?? '')}
        {row(
          t('batch:fields.attachments'),
          entry.attachments.length ? (
            <ul className="hashes">
              {entry.attachments.map((a, i) => (
                <li key={i}>
                  <span>
                    {a.filename} · {formatSize(t, a.size, lang)}
                  </span>
                  <span className="mono sha">SHA-256 {a.sha256}</span>
                </li>
              ))}
            </ul>
          ) : (
            t('ui:outbox.noAttachments')
          ),
        )}
        {row(t('batch:fields.messageId'), entry.messageId, true)}
        {row(
          t('batch:fields.response'),
          // the test mailbox's reply is "stored <file>": the file name is what the user looks for
          storedNotSent(entry.state, entry.transport)
            ? (entry.response ?? '').replace(/^stored /, '')
            : (entry.response ?? ''),
          true,
        )}
        {row(t('batch:fields.attempts'), String(entry.attempts))}
        {row(t('ui:outbox.created'), formatTime(entry.createdAt, lang))}
        {row(
          t(entry.state === 'handedOff' ? 'ui:outbox.handedOffAt' : 'ui:outbox.sentAt'),
          formatTime(entry.sentAt, lang),
        )}
        {entry.handoff
          ? row(
              t('core:handoff.program'),
              `${entry.handoff.program} – ${t(`core:handoff.methods.${entry.handoff.method}`)}`,
            )
          : null}
        {row(t('batch:fields.nextAttempt'), formatTime(entry.nextAttemptAt, lang))}
        {row(t('batch:fields.profile'), `${entry.profileName} (${t(`core:kinds.${entry.transport}`)})`)}
        {row(t('ui:send.size'), formatSize(t, entry.size, lang))}
        {row(t('batch:fields.file'), entry.file, true)}
      </dl>
      <div className="button-bar">
        <button type="button" onClick={onOpen} disabled={busy}>
          {t('ui:outbox.open')}
        </button>
        <span className="spacer" />
        {canRetry ? (
          <button type="button" className="primary" onClick={onRetry} disabled={busy}>
            {entry.state === 'unknown' ? t('ui:outbox.retryUnknown') : t('ui:outbox.retry')}
          </button>
        ) : null}
      </div>
    </>
  );
}
