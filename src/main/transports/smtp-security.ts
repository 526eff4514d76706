// The five OPOS security modes mapped onto nodemailer's SMTP connection options (mail-facts.md).
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { effectivePort, effectiveSecurity, type Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';

export interface SmtpSecurityOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  tls: tls.ConnectionOptions;
}

/** Reads the profile's extra CA file; its certificates are trusted in addition to the system's. */
export function readExtraCa(caFile: string): string[] {
  let pem: string;
  try {
    pem = readFileSync(caFile, 'utf8');
  } catch {
    throw new MailError('caFileUnreadable', { file: caFile });
  }
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!certs) throw new MailError('caFileUnreadable', { file: caFile });
  return certs;
}

export function smtpSecurityOptions(profile: Profile): SmtpSecurityOptions {
  const mode = effectiveSecurity(profile);
  const host = profile.host.trim();
  const tlsOptions: tls.ConnectionOptions = {
    // certificates are always verified; an internal CA is trusted by adding it, never by switching this off
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    ...(net.isIP(host) ? {} : { servername: host }),
    ...(profile.caFile ? { ca: [...tls.rootCertificates, ...readExtraCa(profile.caFile)] } : {}),
  };
  return {
    host,
    port: effectivePort(profile),
    secure: mode === 'SslOnConnect',
    requireTLS: mode === 'StartTls',
    ignoreTLS: mode === 'None',
    tls: tlsOptions,
  };
}
