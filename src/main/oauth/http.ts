// A small HTTPS client on node:https for sign-in and the Graph API. Certificates are always verified;
// a profile's extra CA file (caFile) is trusted in addition to the system's, exactly as for SMTP.
import https from 'node:https';
import tls from 'node:tls';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { readExtraCa } from '../transports/smtp-security.js';
import { CERT_NAME_MISMATCH, UNTRUSTED_CERT_CODES } from '../platform/tls-errors.js';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The negotiated TLS version (e.g. TLSv1.3). */
  tlsVersion?: string;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

const agents = new Map<string, https.Agent>();

/** One keep-alive agent per extra CA file (or none): connections are reused within a batch. */
export function agentFor(profile: Pick<Profile, 'caFile'>): https.Agent {
  const key = profile.caFile || '';
  let agent = agents.get(key);
  if (!agent) {
    agent = new https.Agent({
      keepAlive: true,
      maxSockets: 4, // Graph: at most 4 concurrent requests per mailbox
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(profile.caFile ? { ca: [...tls.rootCertificates, ...readExtraCa(profile.caFile)] } : {}),
    });
    agents.set(key, agent);
  }
  return agent;
}

export function httpsRequest(url: string, agent: https.Agent, req: HttpRequest = {}): Promise<HttpResponse> {
  const target = new URL(url);
  if (target.protocol !== 'https:')
    return Promise.reject(new MailError('invalidOption', { detail: `https required: ${target.origin}` }));
  return new Promise((resolve, reject) => {
    const body = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
    const request = https.request(
      target,
      {
        method: req.method ?? 'GET',
        agent,
        headers: { ...(req.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) },
        timeout: req.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          const socket = res.socket as tls.TLSSocket | null;
          const version = socket?.getProtocol?.();
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks),
            ...(version ? { tlsVersion: version } : {}),
          });
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Maps a network-level failure of an HTTPS request onto the product's connection outcomes. */
export function mapNetworkError(e: unknown, url: string): MailError {
  if (e instanceof MailError) return e;
  const err = (e ?? {}) as NodeJS.ErrnoException;
  const target = new URL(url);
  const host = target.hostname;
  const port = Number(target.port) || 443;
  const detail = String(err.message ?? e)
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  const code = err.code ?? '';
  if (UNTRUSTED_CERT_CODES.has(code))
    return new MailError('certUntrusted', { host, port, detail }, { cause: e });
  if (code === CERT_NAME_MISMATCH) return new MailError('certHostname', { host, port, detail }, { cause: e });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new MailError('hostNotFound', { host }, { cause: e });
  if (code === 'ETIMEDOUT') return new MailError('timeout', { host, port, detail }, { cause: e });
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new MailError('connectionLost', { detail }, { cause: e });
  return new MailError('connectFailed', { host, port, detail }, { cause: e });
}
