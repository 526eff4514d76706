// Maps what nodemailer's SMTP connection reports onto the product's outcomes (and exit codes).
import { MailError } from '../errors/mail-error.js';
import { CERT_NAME_MISMATCH, UNTRUSTED_CERT_CODES } from '../platform/tls-errors.js';

interface SmtpLikeError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: string[];
}

export interface Where {
  host: string;
  port: number;
  profile: string;
}

function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** The SMTP reply code class of a response string: 4 (temporary), 5 (permanent) or 0. */
export function replyClass(response: string | undefined): number {
  const m = /^([245])\d\d/.exec(response ?? '');
  return m ? Number(m[1]) : 0;
}

export function mapAuthError(e: SmtpLikeError, where: Where): MailError {
  const response = oneLine(e.response);
  if (/5\.7\.139/.test(response) || /SmtpClientAuthentication is disabled/i.test(response))
    return new MailError('smtpAuthDisabled', { response }, { cause: e, response });
  if (/5\.7\.30/.test(response) || /Basic authentication is not supported/i.test(response))
    return new MailError('basicAuthRetired', { response }, { cause: e, response });
  if (replyClass(response) === 4) return new MailError('temporary', { response }, { cause: e, response });
  if (!response) return mapSmtpError(e, where);
  return new MailError('authFailed', { response, profile: where.profile }, { cause: e, response });
}

export function mapSmtpError(e: unknown, where: Where): MailError {
  if (e instanceof MailError) return e;
  const err = (e ?? {}) as SmtpLikeError;
  const sys = err.originalCode ?? (err.cause as { code?: string } | undefined)?.code ?? '';
  const response = oneLine(err.response);
  const detail = oneLine(err.message).replace(/: \d{3}[ -].*$/, '') || 'error';
  const params = { host: where.host, port: where.port, detail };

  if (
    UNTRUSTED_CERT_CODES.has(sys) ||
    /self[- ]signed|unable to verify|certificate has expired/i.test(err.message ?? '')
  )
    return new MailError('certUntrusted', params, { cause: e });
  if (sys === CERT_NAME_MISMATCH || /does not match certificate|altnames/i.test(err.message ?? ''))
    return new MailError('certHostname', params, { cause: e });
  if (err.code === 'EDNS' || sys === 'ENOTFOUND' || sys === 'EAI_AGAIN')
    return new MailError('hostNotFound', { host: where.host }, { cause: e });
  if (err.code === 'ETIMEDOUT' || sys === 'ETIMEDOUT') return new MailError('timeout', params, { cause: e });
  if (err.code === 'ETLS') {
    if (err.command === 'STARTTLS' && !/initiating TLS/i.test(err.message ?? ''))
      return new MailError('starttlsNotOffered', params, { cause: e, response });
    return new MailError('tlsFailed', params, { cause: e });
  }
  if (/wrong version number|tlsv1 alert|ssl routines|packet length/i.test(err.message ?? ''))
    return new MailError('tlsFailed', params, { cause: e });
  if (sys === 'ECONNREFUSED' || sys === 'EHOSTUNREACH' || sys === 'ENETUNREACH')
    return new MailError('connectFailed', params, { cause: e });
  if (err.code === 'EAUTH') return mapAuthError(err, where);
  if (err.code === 'EMESSAGE' && /larger than allowed/i.test(err.message ?? ''))
    return new MailError('tooLargeServer', { size: 0, limit: 0 }, { cause: e });
  if (response) {
    if (/^530/.test(response) || /5\.7\.0 .*authentication required|authentication required/i.test(response))
      return new MailError('loginRequired', { response, profile: where.profile }, { cause: e, response });
    if (/^552/.test(response) || /5\.3\.4/.test(response))
      return new MailError('tooLargeServer', { size: 0, limit: 0, response }, { cause: e, response });
    if (err.code === 'EENVELOPE' && err.rejected?.length && replyClass(response) === 5)
      return new MailError(
        'recipientsRejected',
        { recipients: err.rejected.join(', '), response },
        { cause: e, response },
      );
    if (replyClass(response) === 4) return new MailError('temporary', { response }, { cause: e, response });
    if (replyClass(response) === 5) return new MailError('rejected', { response }, { cause: e, response });
  }
  if (err.code === 'ECONNECTION' || err.code === 'ESOCKET' || sys === 'ECONNRESET' || sys === 'EPIPE') {
    if (
      /closed unexpectedly|ECONNRESET|EPIPE|socket hang up/i.test(err.message ?? '') ||
      sys === 'ECONNRESET'
    )
      return new MailError('connectionLost', { detail }, { cause: e });
    return new MailError('connectFailed', params, { cause: e });
  }
  return new MailError('unexpected', { detail }, { cause: e });
}
