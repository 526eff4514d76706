// Fetches a provider's configuration file over https only: certificates verified, redirects followed
// only to https (a redirect to http is refused, not followed), a size cap, and one time-out for the
// whole exchange. What goes wrong comes back as a reason, never as an exception.
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';
import type { StepReason } from '../../shared/autoconfig.js';

export interface FetchOptions {
  lookup?: LookupFunction;
  /** Extra CA certificates (PEM) to trust besides the system's. */
  ca?: string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  signal?: AbortSignal;
}

export type FetchResult =
  { ok: true; body: string; url: string } | { ok: false; reason: StepReason; url: string };

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i;

function reasonOf(e: unknown): StepReason {
  const code = String((e as { code?: string }).code ?? '');
  const message = String((e as Error).message ?? '');
  if (TLS_CODES.test(code) || /certificate|self.signed|altnames/i.test(message)) return 'tlsFailed';
  return 'connectFailed';
}

function getOnce(url: URL, o: FetchOptions, deadline: number): Promise<FetchResult | { redirect: URL }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: FetchResult | { redirect: URL }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(r);
    };
    const req = https.get(url, {
      ...(o.lookup ? { lookup: o.lookup } : {}),
      ...(o.ca ? { ca: [...tls.rootCertificates, ...o.ca] } : {}),
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      headers: { accept: 'application/xml, text/xml', 'user-agent': 'OPOS Mail profile lookup' },
      agent: false,
    });
    const timer = setTimeout(
      () => done({ ok: false, reason: 'timeout', url: url.href }),
      deadline - Date.now(),
    );
    const onAbort = () => done({ ok: false, reason: 'timeout', url: url.href });
    o.signal?.addEventListener('abort', onAbort);
    req.on('error', (e) => done({ ok: false, reason: reasonOf(e), url: url.href }));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = res.headers.location;
        let next: URL | null;
        try {
          next = location ? new URL(location, url) : null;
        } catch {
          next = null;
        }
        if (!next) return done({ ok: false, reason: 'httpStatus', url: url.href });
        if (next.protocol !== 'https:') return done({ ok: false, reason: 'redirectToHttp', url: url.href });
        return done({ redirect: next });
      }
      if (status !== 200) return done({ ok: false, reason: 'httpStatus', url: url.href });
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes)
        return done({ ok: false, reason: 'tooLarge', url: url.href });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > o.maxBytes) return done({ ok: false, reason: 'tooLarge', url: url.href });
        chunks.push(c);
      });
      res.on('end', () => done({ ok: true, body: Buffer.concat(chunks).toString('utf8'), url: url.href }));
      res.on('error', (e) => done({ ok: false, reason: reasonOf(e), url: url.href }));
    });
  });
}

export async function fetchConfig(address: string, o: FetchOptions): Promise<FetchResult> {
  const deadline = Date.now() + o.timeoutMs;
  let url = new URL(address);
  if (url.protocol !== 'https:') return { ok: false, reason: 'redirectToHttp', url: url.href };
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    const r = await getOnce(url, o, deadline);
    if (!('redirect' in r)) return r;
    url = r.redirect;
  }
  return { ok: false, reason: 'tooManyRedirects', url: url.href };
}
