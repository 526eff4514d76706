// The small internet the profile lookup's tests run against, all on loopback: a DNS server (MX, SRV, A),
// one HTTPS server with a test-CA certificate for every `autoconfig.<domain>` and `<domain>` (good,
// malformed, oversized, slow, redirecting and hostile configuration files), and SMTP servers with
// implicit TLS, STARTTLS and plain text on the ports the guesses probe (OPOS_MAIL_SETUP_PORTS).
import { createTestCa, type TestCa } from './certs.js';
import { startDnsServer, type TestDnsServer, type Zone } from './dns-server.js';
import { clientConfig, startHttpsServer, xml, type TestHttpsServer } from './https-server.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-server.js';

export const PASSWORD = 'Geheim-123';
export const USERS = [
  'buchhaltung@auto.test',
  'buchhaltung@srv.test',
  'buchhaltung@guess.test',
  'buchhaltung@redirect-ok.test',
];

/** Test domains and what each serves. */
const HTTPS_DOMAINS = [
  'auto.test',
  'wellknown.test',
  'malformed.test',
  'big.test',
  'slow.test',
  'redirect.test',
  'redirect-ok.test',
  'hostile.test',
  'plain.test',
];

export interface LookupWorld {
  ca: TestCa;
  dns: TestDnsServer;
  https: TestHttpsServer;
  implicit: TestSmtpServer;
  starttls: TestSmtpServer;
  plain: TestSmtpServer;
  /** The environment OPOS Mail needs to live in this world (DNS server, ports, the test CA). */
  env: NodeJS.ProcessEnv;
  /** The same, with the guesses probing a plain-text-only server on the submission port. */
  plainEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

const LOOPBACK: Zone = { A: ['127.0.0.1'] };

export async function startLookupWorld(): Promise<LookupWorld> {
  const ca = createTestCa();
  const names = [
    ...HTTPS_DOMAINS.flatMap((d) => [d, `autoconfig.${d}`]),
    'smtp.auto.test',
    'mail.srv.test',
    'smtp.guess.test',
    'mail.guess.test',
    'smtp.plainguess.test',
  ];
  const tls = ca.issue('lookup-world', names);
  const users = Object.fromEntries(USERS.map((u) => [u, PASSWORD]));
  const implicit = await startSmtpServer({ mode: 'implicit', tls, users });
  const starttls = await startSmtpServer({ mode: 'starttls', tls, users });
  const plain = await startSmtpServer({ mode: 'plain', users });

  let slowTimer: NodeJS.Timeout | undefined;
  const routes = {
    'autoconfig.auto.test': xml(
      clientConfig('auto.test', [
        { hostname: 'smtp.%EMAILDOMAIN%', port: implicit.port, socketType: 'SSL' },
        { hostname: 'smtp.auto.test', port: starttls.port, socketType: 'STARTTLS' },
      ]),
    ),
    'wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml': xml(
      clientConfig('wellknown.test', [{ hostname: 'smtp.wellknown.test', port: 465, socketType: 'SSL' }]),
    ),
    'autoconfig.malformed.test': xml(
      '<clientConfig version="1.1"><emailProvider id="x"><outgoingServer type="smtp">',
    ),
    'autoconfig.big.test': xml(
      clientConfig('big.test', [{ hostname: 'smtp.big.test', port: 465, socketType: 'SSL' }]).replace(
        '<displayName>',
        `<!-- ${'x'.repeat(200_000)} --><displayName>`,
      ),
    ),
    'autoconfig.slow.test': () => {
      // never answers within the lookup's time-out
      slowTimer = setTimeout(() => undefined, 60_000);
    },
    'autoconfig.redirect.test': (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(302, {
        location: `http://autoconfig.redirect.test:${implicit.port}/mail/config-v1.1.xml`,
      });
      res.end();
    },
    'autoconfig.redirect-ok.test': (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(301, { location: `https://autoconfig.auto.test:${httpsPort()}/mail/config-v1.1.xml` });
      res.end();
    },
    'autoconfig.hostile.test': xml(
      clientConfig('hostile.test', [
        { hostname: 'smtp.hostile.test\r\nRCPT TO: victim@example.org', port: 465, socketType: 'SSL' },
        { hostname: 'smtp.hostile.test\tX-Injected: 1', port: 587, socketType: 'STARTTLS' },
      ]),
    ),
    'autoconfig.plain.test': xml(
      clientConfig('plain.test', [{ hostname: 'smtp.plain.test', port: 25, socketType: 'plain' }]),
    ),
  };
  const https = await startHttpsServer(tls, routes);
  function httpsPort() {
    return https.port;
  }

  const zones: Record<string, Zone> = {
    'm365.test': { MX: [{ exchange: 'm365-test.mail.protection.outlook.com', priority: 0 }] },
    'newm365.test': { MX: [{ exchange: 'newm365-test.r-v1.mx.microsoft', priority: 0 }] },
    'google.test': {
      MX: [
        { exchange: 'aspmx.l.google.com', priority: 1 },
        { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
      ],
    },
    'gateway.test': { MX: [{ exchange: 'in.mailgateway.example', priority: 10 }] },
    'strato-kunde.test': { MX: [{ exchange: 'smtpin.rzone.de', priority: 5 }] },
    '_submissions._tcp.srv.test': { SRV: [{ target: 'mail.srv.test', port: implicit.port }] },
    '_submission._tcp.srv.test': { SRV: [{ target: 'mail.srv.test', port: starttls.port }] },
    '_submissions._tcp.slow.test': { SRV: [{ target: 'smtp.slow.test', port: 465 }] },
    '_submissions._tcp.elsewhere.test': { SRV: [{ target: 'smtp.provider.example', port: 465 }] },
    '_submission._tcp.nosrv.test': { SRV: [{ target: '.', port: 0 }] },
    'mail.srv.test': LOOPBACK,
    'smtp.auto.test': LOOPBACK,
    'smtp.guess.test': LOOPBACK,
    'mail.guess.test': LOOPBACK,
    'smtp.plainguess.test': LOOPBACK,
    ...Object.fromEntries(
      HTTPS_DOMAINS.flatMap((d) => [
        [d, LOOPBACK],
        [`autoconfig.${d}`, LOOPBACK],
      ]),
    ),
  };
  const dns = await startDnsServer(zones);

  const env = {
    OPOS_MAIL_DNS_SERVER: dns.address,
    OPOS_MAIL_SETUP_PORTS: `https=${https.port},smtps=${implicit.port},submission=${starttls.port}`,
    NODE_EXTRA_CA_CERTS: ca.caFile,
  };
  // both guessing ports lead to the plain-text server: implicit TLS fails there, STARTTLS is not offered
  const plainEnv = {
    ...env,
    OPOS_MAIL_SETUP_PORTS: `https=${https.port},smtps=${plain.port},submission=${plain.port}`,
  };
  return {
    ca,
    dns,
    https,
    implicit,
    starttls,
    plain,
    env,
    plainEnv,
    close: async () => {
      clearTimeout(slowTimer);
      await Promise.all([dns.close(), https.close(), implicit.close(), starttls.close(), plain.close()]);
    },
  };
}
