// The five OPOS security modes against real SMTP servers (no STARTTLS, STARTTLS, implicit TLS), run
// through the `opos-mail` command. Assertions are made on the server side: was the session encrypted,
// was anything delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { runCli, SAMPLE_PDF, tempHome } from '../helpers/cli.js';
import { startSmtpServer, type ServerTlsMode, type TestSmtpServer } from '../helpers/smtp-server.js';

let ca: TestCa;
const servers = {} as Record<ServerTlsMode, TestSmtpServer>;

beforeAll(async () => {
  ca = createTestCa();
  const tls = ca.issue('server', ['127.0.0.1', 'localhost']);
  for (const mode of ['plain', 'starttls', 'implicit'] as const)
    servers[mode] = await startSmtpServer({ mode, tls });
});
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

async function profileFor(server: TestSmtpServer, security: string, extra: string[] = []): Promise<string> {
  const home = tempHome();
  const r = await runCli(
    [
      'profile',
      'add',
      'Firma',
      '--host',
      server.host,
      '--port',
      String(server.port),
      '--security',
      security,
      '--from',
      'buchhaltung@firma.example',
      '--ca-file',
      ca.caFile,
      '--use',
      ...extra,
    ],
    { home },
  );
  expect(r.code, r.stderr).toBe(0);
  return home;
}

async function sendVia(home: string, subject: string) {
  return runCli(
    ['send', '--to', 'kunde@example.org', '--subject', subject, '--attach', SAMPLE_PDF, '--json'],
    { home },
  );
}

function delivered(server: TestSmtpServer, subject: string) {
  return server.messages.filter((m) => m.raw.toString('latin1').includes(`Subject: ${subject}\r\n`));
}

type Expect = { ok: true; tls: 'none' | 'starttls' | 'implicit' } | { ok: false; exit: number; code: string };

const matrix: Array<[ServerTlsMode, string, Expect]> = [
  ['plain', 'None', { ok: true, tls: 'none' }],
  ['plain', 'Auto', { ok: true, tls: 'none' }],
  ['plain', 'StartTlsWhenAvailable', { ok: true, tls: 'none' }],
  ['plain', 'StartTls', { ok: false, exit: 4, code: 'starttlsNotOffered' }],
  ['plain', 'SslOnConnect', { ok: false, exit: 4, code: 'tlsFailed' }],
  ['starttls', 'None', { ok: true, tls: 'none' }],
  ['starttls', 'Auto', { ok: true, tls: 'starttls' }],
  ['starttls', 'StartTlsWhenAvailable', { ok: true, tls: 'starttls' }],
  ['starttls', 'StartTls', { ok: true, tls: 'starttls' }],
  ['starttls', 'SslOnConnect', { ok: false, exit: 4, code: 'tlsFailed' }],
  ['implicit', 'None', { ok: false, exit: 4, code: 'timeout' }],
  ['implicit', 'Auto', { ok: false, exit: 4, code: 'timeout' }],
  ['implicit', 'StartTlsWhenAvailable', { ok: false, exit: 4, code: 'timeout' }],
  ['implicit', 'StartTls', { ok: false, exit: 4, code: 'timeout' }],
  ['implicit', 'SslOnConnect', { ok: true, tls: 'implicit' }],
];

describe('security modes against real servers', () => {
  it.concurrent.each(matrix)('server %s, mode %s', async (serverMode, security, want) => {
    const server = servers[serverMode];
    const home = await profileFor(server, security);
    const subject = `matrix ${serverMode} ${security}`;
    const r = await sendVia(home, subject);
    if (want.ok) {
      expect(r.code, r.stderr).toBe(0);
      const out = r.json<{ status: string; tls: { used: boolean; mode: string; version?: string } }>();
      expect(out.status).toBe('sent');
      expect(out.tls.mode).toBe(want.tls);
      const got = delivered(server, subject);
      expect(got).toHaveLength(1);
      // the server saw the same thing the client reports
      expect(got[0]!.secure).toBe(want.tls !== 'none');
      if (want.tls !== 'none') expect(out.tls.version).toMatch(/^TLSv1\.[23]$/);
    } else {
      expect(r.code, r.stdout + r.stderr).toBe(want.exit);
      expect(r.json<{ error: { code: string } }>().error.code).toBe(want.code);
      expect(delivered(server, subject)).toHaveLength(0);
    }
  });

  it('Auto on port 465 means SslOnConnect', async () => {
    const tls = ca.issue('server465', ['127.0.0.2']);
    let server: TestSmtpServer;
    try {
      server = await startSmtpServer({ mode: 'implicit', tls }).then(async (s) => {
        await s.close();
        return startSmtpServerOn465(tls);
      });
    } catch (e) {
      // binding port 465 needs root; the mapping itself is covered by the unit tests
      if ((e as NodeJS.ErrnoException).code === 'EACCES') return;
      throw e;
    }
    try {
      const home = tempHome();
      const add = await runCli(
        [
          'profile',
          'add',
          'P465',
          '--host',
          '127.0.0.2',
          '--port',
          '465',
          '--security',
          'Auto',
          '--from',
          'a@firma.example',
          '--ca-file',
          ca.caFile,
          '--use',
        ],
        { home },
      );
      expect(add.code, add.stderr).toBe(0);
      const r = await runCli(['test', '--json'], { home });
      expect(r.code, r.stderr).toBe(0);
      const out = r.json<{ connection: { effectiveSecurity: string; tls: { mode: string } } }>();
      expect(out.connection.effectiveSecurity).toBe('SslOnConnect');
      expect(out.connection.tls.mode).toBe('implicit');
      expect(server.sessions.some((s) => s.secure)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

async function startSmtpServerOn465(tls: { key: string; cert: string }): Promise<TestSmtpServer> {
  const { SMTPServer } = await import('smtp-server');
  const sessions: TestSmtpServer['sessions'] = [];
  const server = new SMTPServer({
    secure: true,
    key: tls.key,
    cert: tls.cert,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onConnect(session, cb) {
      sessions.push({ secure: Boolean(session.secure), authAttempts: 0, authOverPlainText: false });
      cb();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(465, '127.0.0.2', () => resolve());
  });
  return {
    port: 465,
    host: '127.0.0.2',
    messages: [],
    sessions,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
