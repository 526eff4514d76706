// The lookup's time-outs, limits and the settings tests and administrators can change through the
// environment (documented in docs/setup.md): the DNS server (OPOS_MAIL_DNS_SERVER), and the ports the
// lookup uses where the standards fix them (OPOS_MAIL_SETUP_PORTS: https 443, SMTPS 465, submission 587).
import { MailError } from '../errors/mail-error.js';

export interface LookupLimits {
  /** One DNS question: time-out per try and number of tries. */
  dnsTimeoutMs: number;
  dnsTries: number;
  /** One autoconfig request, from connecting to the last byte. */
  httpTimeoutMs: number;
  /** Largest configuration file accepted (ISPDB files are a few KB). */
  maxConfigBytes: number;
  maxRedirects: number;
  /** One guessing probe (connect, greeting, TLS) with the connection test. */
  probeTimeoutMs: number;
  /** The whole lookup, whatever happens. */
  totalMs: number;
}

export const DEFAULT_LIMITS: LookupLimits = {
  dnsTimeoutMs: 1500,
  dnsTries: 2,
  httpTimeoutMs: 4000,
  maxConfigBytes: 64 * 1024,
  maxRedirects: 3,
  probeTimeoutMs: 4000,
  totalMs: 9500,
};

/** The ports the standards fix; OPOS_MAIL_SETUP_PORTS maps them elsewhere (tests on loopback). */
export interface SetupPorts {
  https: number;
  smtps: number;
  submission: number;
}

export const STANDARD_PORTS: SetupPorts = { https: 443, smtps: 465, submission: 587 };

function parsePort(value: string, setting: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new MailError('invalidOption', { detail: `${setting}: ${value}` });
  return n;
}

/** `OPOS_MAIL_SETUP_PORTS="https=8443,smtps=2465,submission=2587"`: any subset; the rest stay standard. */
export function setupPorts(env: NodeJS.ProcessEnv = process.env): SetupPorts {
  const ports = { ...STANDARD_PORTS };
  const raw = env.OPOS_MAIL_SETUP_PORTS?.trim();
  if (!raw) return ports;
  for (const part of raw.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key !== 'https' && key !== 'smtps' && key !== 'submission')
      throw new MailError('invalidOption', { detail: `OPOS_MAIL_SETUP_PORTS: ${part}` });
    ports[key] = parsePort(value ?? '', 'OPOS_MAIL_SETUP_PORTS');
  }
  return ports;
}

/**
 * `OPOS_MAIL_DNS_SERVER="127.0.0.1:5353"` (several separated by commas): the DNS servers every name
 * look-up of OPOS Mail asks instead of the system's. Undefined when not set.
 */
export function configuredDnsServers(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env.OPOS_MAIL_DNS_SERVER?.trim();
  if (!raw) return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
