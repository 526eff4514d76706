// Step 5, the last resort: guesses (`smtp.<domain>`, `mail.<domain>`, the first MX host) probed on
// 465 (implicit TLS) and 587 (STARTTLS) with the connection test of the SMTP transport — connect,
// secure, read what the server offers; nothing is sent, no password is used. Only a guess the test
// confirmed with a verified certificate may win; a server that answers only in plain text is kept as
// a warned alternative, never proposed silently.
import type { Proposal } from '../../shared/autoconfig.js';
import { profileSchema, type SecurityMode } from '../../shared/profile.js';
import { toMailError } from '../errors/mail-error.js';
import { SmtpTransport } from '../transports/smtp-transport.js';
import { testConnection, type TransportContext } from '../transports/transport.js';
import { proposalOf, type SocketType } from './offers.js';
import type { SetupPorts } from './settings.js';

export interface GuessOptions {
  ports: SetupPorts;
  /** The transport's surroundings, with the probe's short time-out (and the lookup's DNS server). */
  context: TransportContext;
  /** Extra CA file to trust (an internal CA; tests). */
  caFile?: string;
}

export function guessHosts(domain: string, mxHosts: string[]): string[] {
  return [...new Set([`smtp.${domain}`, `mail.${domain}`, ...mxHosts.slice(0, 1)])];
}

interface Probe {
  host: string;
  port: number;
  security: SecurityMode;
  socketType: SocketType;
}

async function probe(
  p: Probe,
  o: GuessOptions,
): Promise<{ socketType: SocketType; authOffered: boolean } | null> {
  const profile = profileSchema.parse({
    id: 'setup-probe',
    name: 'setup-probe',
    connection: 'smtp',
    host: p.host,
    port: p.port,
    security: p.security,
    auth: 'none',
    ...(o.caFile ? { caFile: o.caFile } : {}),
  });
  try {
    const report = await testConnection(new SmtpTransport(profile, o.context));
    const offered = report.offeredAuth ?? [];
    return { socketType: p.socketType, authOffered: offered.includes('PLAIN') || offered.includes('LOGIN') };
  } catch (e) {
    // the server answered, but would not encrypt: worth showing, with a warning, never as the answer
    if (toMailError(e).code === 'starttlsNotOffered') return { socketType: 'plain', authOffered: true };
    return null;
  }
}

export async function guessAndProbe(
  address: string,
  domain: string,
  mxHosts: string[],
  o: GuessOptions,
): Promise<{ proposals: Proposal[]; probed: string[] }> {
  const probes: Probe[] = [];
  for (const host of guessHosts(domain, mxHosts)) {
    probes.push({ host, port: o.ports.smtps, security: 'SslOnConnect', socketType: 'SSL' });
    probes.push({ host, port: o.ports.submission, security: 'StartTls', socketType: 'STARTTLS' });
  }
  const results = await Promise.all(probes.map((p) => probe(p, o)));
  const proposals: Proposal[] = [];
  for (const [i, r] of results.entries()) {
    if (!r) continue;
    const p = probes[i]!;
    proposals.push(
      proposalOf(
        {
          hostname: p.host,
          port: p.port,
          socketType: r.socketType,
          auth: r.authOffered ? 'password' : 'none',
          username: '',
        },
        { step: 'guess', source: 'guess', origin: `${p.host}:${p.port}`, address },
      ),
    );
  }
  // confirmed encrypted guesses first (implicit TLS before STARTTLS), warned ones last
  proposals.sort((a, b) => Number(!a.trustworthy) - Number(!b.trustworthy));
  return { proposals, probed: probes.map((p) => `${p.host}:${p.port}`) };
}
