// Direct SMTP submission with nodemailer's SMTP connection: the OPOS security modes, password or
// XOAUTH2 login, and a report of what really happened (TLS and how, version, mechanism, SIZE).
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { ConnectionReport, RefusedRecipient, SendResult } from '../../shared/mail.js';
import { fieldApplies } from '../../shared/connection-kinds.js';
import { effectiveSecurity, type Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { abortable, throwIfCancelled } from '../platform/abortable.js';
import type { PreparedMessage } from '../mail/compose.js';
import { useFastDataPath } from './smtp-data-path.js';
import { mapAuthError, mapSmtpError, type Where } from './smtp-errors.js';
import { smtpSecurityOptions } from './smtp-security.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

const CLIENT_NAME = 'opos-mail.localhost';

/** The first envelope address with a non-ASCII local part (RFC 6531: needs SMTPUTF8), if any. */
function needsSmtputf8(envelope: { from: string; to: string[] }): string | undefined {
  return [envelope.from, ...envelope.to].find((a) => /[^\u0000-\u007f]/.test(a.slice(0, a.lastIndexOf('@'))));
}

/** Connection and greeting time-out; OPOS_MAIL_SMTP_TIMEOUT_MS overrides it (slow links, tests). */
function setupTimeoutMs(): number {
  const fromEnv = Number(process.env.OPOS_MAIL_SMTP_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

/** The parts of nodemailer's connection we read after the handshake (not in its public typings). */
interface ConnectionInternals {
  _socket?: TLSSocket & { getProtocol?: () => string | null };
  _supportedAuth?: string[];
  _supportedExtensions?: string[];
  _maxAllowedSize?: number;
  _authMethod?: string | false;
  allowsAuth?: boolean;
}

/**
 * Zustellbestätigung (RFC 3461): a report on success and on failure, with the headers only, and the
 * outbox ID as the envelope ID so a returning report can be matched to the message.
 */
function dsnOf(message: PreparedMessage): SMTPConnection.DSNOptions {
  return { notify: ['SUCCESS', 'FAILURE'], ret: 'HDRS', envid: message.outboxId ?? message.messageId };
}

function internals(c: SMTPConnection): ConnectionInternals {
  return c as unknown as ConnectionInternals;
}

export class SmtpTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  async openSession(signal?: AbortSignal): Promise<TransportSession> {
    const p = this.profile;
    const sec = smtpSecurityOptions(p);
    const where: Where = { host: sec.host, port: sec.port, profile: p.name };
    const mode = effectiveSecurity(p);

    // Credentials are fetched before connecting: a keychain problem never leaves a half-open session.
    let credentials: { user: string; pass?: string; accessToken?: string } | undefined;
    if (p.auth === 'password') {
      const pass = await this.ctx.secrets.get(p.id, 'password');
      if (pass === null || pass === '') throw new MailError('passwordMissing', { profile: p.name });
      credentials = { user: p.user, pass };
    }
    // OAuth: the token (and, in "OAuth mit Dialog", a browser sign-in that may take minutes) comes
    // before the connection, so the server never sits idle waiting for the user
    if (p.auth === 'oauth') {
      if (!this.ctx.tokens) throw new MailError('signInRequired', { profile: p.name });
      const tokens = this.ctx.tokens;
      const { token, user } = await abortable(tokens.accessToken(p, 'smtp'), signal, () =>
        tokens.cancelSignIn?.(p),
      );
      credentials = { user: p.user || user, accessToken: token };
    }

    // the certificate is still checked against the name (tls.servername), whatever address it resolved to
    let connectHost = sec.host;
    if (this.ctx.resolveHost && !net.isIP(sec.host)) connectHost = await this.ctx.resolveHost(sec.host);
    const timeoutMs = this.ctx.setupTimeoutMs ?? setupTimeoutMs();
    const connection = new SMTPConnection({
      host: connectHost,
      port: sec.port,
      secure: sec.secure,
      requireTLS: sec.requireTLS,
      ignoreTLS: sec.ignoreTLS,
      tls: sec.tls,
      name: CLIENT_NAME,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: this.ctx.setupTimeoutMs ?? 120_000,
      logger: false,
      debug: false,
    });
    useFastDataPath(connection);
    let lastError: unknown;
    connection.on('error', (e: unknown) => {
      lastError = e;
    });

    try {
      throwIfCancelled(signal);
      await abortable(
        new Promise<void>((resolve, reject) => {
          connection.once('error', reject);
          connection.connect(() => {
            connection.removeListener('error', reject);
            resolve();
          });
        }),
        signal,
        () => connection.close(),
      );
    } catch (e) {
      connection.close();
      if (e instanceof MailError && e.code === 'operationCancelled') throw e;
      throw mapSmtpError(e, where);
    }

    const inner = internals(connection);
    const secure = connection.secure;
    if (mode === 'StartTls' && !secure) {
      connection.close();
      throw new MailError('starttlsNotOffered', { host: sec.host, port: sec.port });
    }
    const socket = secure ? inner._socket : undefined;
    const report: ConnectionReport = {
      kind: 'smtp',
      host: sec.host,
      port: sec.port,
      security: p.security,
      effectiveSecurity: mode,
      tls: {
        used: secure,
        mode: !secure ? 'none' : sec.secure ? 'implicit' : 'starttls',
        ...(socket?.getProtocol?.() ? { version: socket.getProtocol()! } : {}),
        ...(socket?.getCipher ? { cipher: socket.getCipher().name } : {}),
      },
      auth: { used: false },
      offeredAuth: [...(inner._supportedAuth ?? [])],
      serverSizeLimit: inner._maxAllowedSize ? inner._maxAllowedSize : null,
      extensions: [...(inner._supportedExtensions ?? [])],
      dsn: (inner._supportedExtensions ?? []).includes('DSN'),
    };

    if (p.auth !== 'none') {
      try {
        // only a password may go over an unencrypted connection, and only when allowed (never a token)
        if (!secure && !(p.allowPlaintextAuth && fieldApplies(p.connection, 'allowPlaintextAuth', p.auth)))
          throw new MailError('plaintextAuthRefused', { host: sec.host, port: sec.port });
        const offered = report.offeredAuth ?? [];
        const wanted = credentials?.accessToken ? ['XOAUTH2'] : ['PLAIN', 'LOGIN'];
        if (offered.length && !wanted.some((m) => offered.includes(m)))
          throw new MailError('authNotOffered', { offered: offered.join(', ') || '—' });
        await abortable(
          new Promise<void>((resolve, reject) => {
            const auth = credentials!.accessToken
              ? {
                  user: credentials!.user,
                  method: 'XOAUTH2',
                  oauth2: new XOAuth2({ user: credentials!.user, accessToken: credentials!.accessToken }),
                }
              : { user: credentials!.user, pass: credentials!.pass! };
            connection.login(auth, (err) => (err ? reject(err) : resolve()));
          }),
          signal,
          () => connection.close(),
        );
        report.auth = { used: true, mechanism: String(inner._authMethod || ''), user: credentials!.user };
      } catch (e) {
        connection.close();
        if (e instanceof MailError) throw e;
        const mapped =
          (e as { code?: string }).code === 'EAUTH'
            ? mapAuthError(e as Error, where)
            : mapSmtpError(e, where);
        // a refused OAuth token is not a wrong password: say what to check instead
        if (p.auth === 'oauth' && mapped.code === 'authFailed')
          throw new MailError(
            'oauthTokenRejected',
            { response: mapped.response ?? '', profile: p.name },
            { cause: e, ...(mapped.response ? { response: mapped.response } : {}) },
          );
        throw mapped;
      }
    }

    let closed = false;
    return {
      report,
      send: async (message: PreparedMessage): Promise<SendResult> => {
        if (report.serverSizeLimit && message.size > report.serverSizeLimit)
          throw new MailError('tooLargeServer', {
            size: Math.ceil(message.size / 1024),
            limit: Math.floor(report.serverSizeLimit / 1024),
          });
        const utf8 = needsSmtputf8(message.envelope);
        if (utf8 && !report.extensions?.includes('SMTPUTF8'))
          throw new MailError('smtputf8Required', { address: utf8, host: sec.host });
        lastError = undefined;
        try {
          const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
            connection.send(
              {
                from: message.envelope.from,
                to: message.envelope.to,
                size: message.size,
                // nodemailer adds the parameters only when the server offers DSN
                ...(message.draft.receipts?.delivery ? { dsn: dsnOf(message) } : {}),
              },
              message.raw(),
              (err, result) => (err ? reject(err) : resolve(result)),
            );
          });
          // The server has ended the transaction with its reply, so the next MAIL FROM can follow at
          // once (as nodemailer's pool does); after a failure the session is closed, never reused.
          const rejected = (info.rejected ?? []).map(String);
          const refused = refusedOf(info, rejected);
          return {
            status: refused.length ? 'partial' : 'sent',
            messageId: message.messageId,
            response: String(info.response ?? ''),
            accepted: (info.accepted ?? []).map(String),
            rejected,
            ...(refused.length ? { refused } : {}),
            size: message.size,
            connection: report,
          };
        } catch (e) {
          const mapped = mapSmtpError(e ?? lastError, where);
          if (mapped.code === 'tooLargeServer')
            throw new MailError(
              'tooLargeServer',
              {
                size: Math.ceil(message.size / 1024),
                limit: Math.floor((report.serverSizeLimit ?? 0) / 1024),
              },
              { cause: e, ...(mapped.response ? { response: mapped.response } : {}) },
            );
          throw mapped;
        }
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            connection.close();
            resolve();
          }, 2000);
          connection.once('end', () => {
            clearTimeout(timer);
            resolve();
          });
          try {
            connection.quit();
          } catch {
            connection.close();
          }
        });
      },
    };
  }
}

/** The recipients the server refused (RCPT TO not 2xx) while it took the message for others. */
function refusedOf(info: SMTPConnection.SentMessageInfo, rejected: string[]): RefusedRecipient[] {
  const errors = (info as { rejectedErrors?: Array<{ recipient?: string; response?: string }> })
    .rejectedErrors;
  return rejected.map((address) => {
    const e = errors?.find((r) => r.recipient === address);
    return { address, response: String(e?.response ?? '') };
  });
}
