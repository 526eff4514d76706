// The connection test's result in words: where it connected, how it was encrypted, who logged in,
// what size the server accepts.
import { useTranslation } from 'react-i18next';
import { kindSpec } from '../../shared/connection-kinds.js';
import type { ConnectionReport } from '../../shared/mail.js';
import { HandoffRows } from './HandoffRows.js';

export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const { t, i18n } = useTranslation();
  const rows: Array<[string, string]> = [];
  const shape = kindSpec(report.kind).report;
  if (shape === 'program') {
    rows.push([t('core:fields.connection'), t(`core:kinds.${report.kind}`)]);
  } else if (shape === 'folder') {
    rows.push([t('core:report.server'), t('core:report.testMailbox', { folder: report.folder ?? '' })]);
  } else {
    if (report.host) rows.push([t('core:report.connection'), `${report.host}:${report.port ?? ''}`]);
    if (report.mailbox) rows.push([t('ui:report.mailbox'), report.mailbox]);
    const tls = report.tls;
    rows.push([
      t('core:report.encryption'),
      !tls.used
        ? t('core:report.tlsNone')
        : tls.mode === 'implicit'
          ? t('core:report.tlsImplicit', { version: tls.version ?? 'TLS' })
          : t('core:report.tlsStarttls', { version: tls.version ?? 'TLS' }),
    ]);
    rows.push([
      t('core:report.authentication'),
      report.auth.used
        ? t('core:report.authDone', { user: report.auth.user ?? '', mechanism: report.auth.mechanism ?? '' })
        : t('core:report.authNone'),
    ]);
    if (report.serverSizeLimit !== undefined)
      rows.push([
        t('core:report.serverLimit'),
        report.serverSizeLimit
          ? t('core:report.sizeLimit', {
              size: Math.floor(report.serverSizeLimit / 1024).toLocaleString(i18n.language),
            })
          : t('core:report.sizeNone'),
      ]);
    if (report.dsn !== undefined)
      rows.push([
        t('core:report.dsn'),
        t(report.dsn ? 'core:report.dsnOffered' : 'core:report.dsnNotOffered'),
      ]);
  }
  return (
    <div className="notice notice-success" role="status" data-testid="connection-report">
      <strong>{t('ui:report.success')}</strong>
      <dl className="report">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {report.handoff ? <HandoffRows handoff={report.handoff} /> : null}
      </dl>
      {report.handoff ? <p>{t('core:handoff.notKnowable')}</p> : null}
      {shape === 'server' && !report.tls.used ? (
        <p className="warning-text">{t('core:report.plainWarning')}</p>
      ) : null}
    </div>
  );
}
