// Real SMTP servers on loopback for the tests (the `smtp-server` package, real TLS): without STARTTLS,
// with STARTTLS, or with implicit TLS. Every session is recorded: whether it was encrypted, who logged
// in, and the raw bytes of every delivered message.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export type ServerTlsMode = 'plain' | 'starttls' | 'implicit';

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
  secure: boolean;
  user?: string;
  /** Parameters of MAIL FROM (e.g. RET, ENVID) and of each RCPT TO (e.g. NOTIFY), as the client sent them. */
  mailArgs: Record<string, string | boolean>;
  rcptArgs: Array<Record<string, string | boolean>>;
}

export interface SessionRecord {
  secure: boolean;
  authMethod?: string;
  user?: string;
  authAttempts: number;
  authOverPlainText: boolean;
}

export interface TestSmtpServer {
  port: number;
  host: string;
  messages: ReceivedMessage[];
  sessions: SessionRecord[];
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  mode: ServerTlsMode;
  tls?: { key: string; cert: string };
  users?: Record<string, string>;
  /** Announced SIZE limit in bytes. */
  size?: number;
  /** Replies to force, e.g. per recipient or for DATA. */
  onRcpt?: (address: string, session: SMTPServerSession) => Error | undefined;
  onData?: (raw: Buffer, session: SMTPServerSession) => Error | undefined;
  onAuth?: (user: string, pass: string | undefined, accessToken: string | undefined) => Error | undefined;
  /** XOAUTH2: verifies the bearer token (resolves with an error to refuse it). */
  verifyXoauth2?: (user: string, accessToken: string) => Promise<Error | undefined>;
  authMethods?: string[];
  authOptional?: boolean;
  /** Announce DSN (RFC 3461) in the EHLO reply (off by default, as most test servers). */
  dsn?: boolean;
  /** false: the server does not announce SMTPUTF8 (RFC 6531). */
  smtputf8?: boolean;
}

export async function startSmtpServer(o: TestSmtpOptions): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const sessions: SessionRecord[] = [];
  const bySession = new Map<string, SessionRecord>();
  const rec = (s: SMTPServerSession): SessionRecord => {
    let r = bySession.get(s.id);
    if (!r) {
      r = { secure: Boolean(s.secure), authAttempts: 0, authOverPlainText: false };
      bySession.set(s.id, r);
      sessions.push(r);
    }
    r.secure = Boolean(s.secure);
    return r;
  };
  const options: SMTPServerOptions = {
    secure: o.mode === 'implicit',
    hideSTARTTLS: o.mode === 'plain',
    hideDSN: !o.dsn,
    ...(o.tls && o.mode !== 'plain' ? { key: o.tls.key, cert: o.tls.cert } : {}),
    authMethods: o.authMethods ?? ['PLAIN', 'LOGIN', 'XOAUTH2'],
    authOptional: o.authOptional ?? !o.users,
    allowInsecureAuth: true, // the client must refuse plain-text auth itself; the server records it
    // a server "without STARTTLS" must really refuse it, not just leave it out of EHLO
    disabledCommands: [...(o.users ? [] : ['AUTH']), ...(o.mode === 'plain' ? ['STARTTLS'] : [])],
    ...(o.size ? { size: o.size } : {}),
    ...(o.smtputf8 === false ? { hideSMTPUTF8: true } : {}),
    logger: false,
    onConnect(session, cb) {
      rec(session);
      cb();
    },
    onSecure(_socket, session, cb) {
      rec(session).secure = true;
      cb();
    },
    onAuth(auth, session, cb) {
      const r = rec(session);
      r.authAttempts++;
      if (!session.secure) r.authOverPlainText = true;
      const forced = o.onAuth?.(
        auth.username ?? '',
        auth.password ?? undefined,
        auth.accessToken ?? undefined,
      );
      if (forced) return cb(forced);
      if (auth.method === 'XOAUTH2' && o.verifyXoauth2) {
        const user = auth.username ?? '';
        o.verifyXoauth2(user, auth.accessToken ?? '').then(
          (err) => {
            if (err) return cb(err);
            r.authMethod = auth.method;
            r.user = user;
            cb(null, { user });
          },
          (e: Error) => cb(e),
        );
        return;
      }
      if (auth.method === 'XOAUTH2') return cb(new Error('XOAUTH2 not configured'));
      if (o.users && auth.username && o.users[auth.username] === auth.password) {
        r.authMethod = auth.method;
        r.user = auth.username;
        return cb(null, { user: auth.username });
      }
      const err = new Error('Invalid username or password') as Error & { responseCode?: number };
      err.responseCode = 535;
      cb(err);
    },
    onRcptTo(address, session, cb) {
      const forced = o.onRcpt?.(address.address, session);
      cb(forced ?? undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const err = new Error('Message exceeds fixed maximum message size') as Error & {
            responseCode?: number;
          };
          err.responseCode = 552;
          return cb(err);
        }
        const forced = o.onData?.(raw, session);
        if (forced) return cb(forced);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          secure: Boolean(session.secure),
          mailArgs: argsOf(session.envelope.mailFrom),
          rcptArgs: session.envelope.rcptTo.map(argsOf),
          ...(session.user ? { user: String(session.user) } : {}),
        });
        cb(null, `Ok: queued as T${messages.length}`);
      });
    },
  };
  const server = new SMTPServer(options);
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    host: '127.0.0.1',
    messages,
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function argsOf(address: { args?: unknown } | false): Record<string, string | boolean> {
  const args = address ? address.args : undefined;
  return args && typeof args === 'object' ? { ...(args as Record<string, string | boolean>) } : {};
}

/** An SMTP error with a reply code, as the smtp-server package expects from handlers. */
export function smtpError(code: number, text: string): Error {
  const e = new Error(text) as Error & { responseCode: number };
  e.responseCode = code;
  return e;
}
