// Human and JSON renderings of reports, results and errors.
import type { TFunction } from 'i18next';
import { kindSpec } from '../shared/connection-kinds.js';
import type { ConnectionReport, HandoffInfo, SendResult } from '../shared/mail.js';
import { toMailError } from '../main/errors/mail-error.js';

import { errorMessage } from './error-message.js';

export { errorMessage };

export function errorJson(t: TFunction, e: unknown) {
  const m = toMailError(e);
  return { status: 'error', error: { ...m.toInfo(), message: errorMessage(t, m) } };
}

/** The mail program of a hand-off and how it gets the message (connection test, send result). */
export function handoffLines(t: TFunction, h: HandoffInfo): string[] {
  return [
    `${t('core:handoff.program')}: ${h.program}${h.programId ? ` (${h.programId})` : ''}`,
    `${t('core:handoff.method')}: ${t(`core:handoff.methods.${h.method}`)}`,
    ...(h.file ? [t('core:handoff.draftFile', { file: h.file })] : []),
  ];
}

export function reportLines(t: TFunction, r: ConnectionReport): string[] {
  const shape = kindSpec(r.kind).report;
  if (shape === 'folder') return [t('core:report.testMailbox', { folder: r.folder ?? '' })];
  if (shape === 'program')
    return [
      `${t('core:fields.connection')}: ${t(`core:kinds.${r.kind}`)}`,
      ...(r.handoff ? handoffLines(t, r.handoff) : []),
    ];
  const lines: string[] = [];
  if (r.host)
    lines.push(
      `${t('core:report.server')}: ${r.host}:${r.port} (${r.security}${r.security !== r.effectiveSecurity && r.effectiveSecurity ? ' → ' + r.effectiveSecurity : ''})`,
    );
  if (r.mailbox) lines.push(`${t('core:report.server')}: Microsoft Graph (${r.mailbox})`);
  const tls = !r.tls.used
    ? t('core:report.tlsNone')
    : t(r.tls.mode === 'implicit' ? 'core:report.tlsImplicit' : 'core:report.tlsStarttls', {
        version: r.tls.version ?? 'TLS',
      });
  lines.push(`${t('core:report.encryption')}: ${tls}`);
  lines.push(
    `${t('core:report.authentication')}: ${
      r.auth.used
        ? t('core:report.authDone', { user: r.auth.user ?? '', mechanism: r.auth.mechanism ?? '' })
        : t('core:report.authNone')
    }`,
  );
  if (r.serverSizeLimit !== undefined)
    lines.push(
      `${t('core:report.serverLimit')}: ${
        r.serverSizeLimit
          ? t('core:report.sizeLimit', { size: Math.floor(r.serverSizeLimit / 1024) })
          : t('core:report.sizeNone')
      }`,
    );
  if (r.kind === 'smtp' && r.dsn !== undefined)
    lines.push(
      `${t('core:report.dsn')}: ${t(r.dsn ? 'core:report.dsnOffered' : 'core:report.dsnNotOffered')}`,
    );
  if (r.host && !r.tls.used) lines.push(t('core:report.plainWarning'));
  return lines;
}

export function sendResultJson(r: SendResult) {
  return {
    status: r.status,
    messageId: r.messageId,
    response: r.response,
    accepted: r.accepted,
    rejected: r.rejected,
    ...(r.refused ? { refused: r.refused } : {}),
    size: r.size,
    tls: r.connection.tls,
    connection: r.connection,
    ...(r.file ? { file: r.file } : {}),
    ...(r.outboxId ? { outboxId: r.outboxId } : {}),
    ...(r.handoff ? { handoff: r.handoff } : {}),
  };
}

export function sendResultLines(t: TFunction, r: SendResult): string[] {
  const lines: string[] = [];
  if (r.status === 'handedOff' && r.handoff) {
    lines.push(t('cli:handedOff', { program: r.handoff.program }), ...handoffLines(t, r.handoff));
    lines.push(t('core:handoff.notKnowable'));
    lines.push(`${t('cli:size')}: ${Math.ceil(r.size / 1024)} KB`);
    return lines;
  }
  if (r.status === 'stored') lines.push(t('cli:stored', { file: r.file ?? '' }));
  else if (r.status === 'accepted') lines.push(t('cli:accepted', { accepted: r.accepted.join(', ') }));
  else if (r.status === 'partial') {
    lines.push(t('cli:partial', { accepted: r.accepted.join(', ') }));
    for (const f of r.refused ?? [])
      lines.push(t('cli:refusedLine', { address: f.address, response: f.response }));
  } else lines.push(t('cli:sent', { accepted: r.accepted.join(', ') }));
  if (r.rejected.length && r.status !== 'partial')
    lines.push(t('cli:partlyRejected', { rejected: r.rejected.join(', ') }));
  lines.push(`${t('cli:messageId')}: ${r.messageId}`);
  if (r.status !== 'stored') lines.push(`${t('cli:response')}: ${r.response}`);
  lines.push(`${t('cli:size')}: ${Math.ceil(r.size / 1024)} KB`);
  return lines.concat(reportLines(t, r.connection));
}
