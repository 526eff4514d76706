// The loopback redirect of a native app (RFC 8252 §7.3): a one-shot HTTP listener on 127.0.0.1 at a
// free port that receives the authorization response (query or form_post), checks `state` (and `iss`
// when the provider sends it, RFC 9207), answers the browser with a short localised page, and gives up
// after a time-out. PKCE (S256) is created here as well.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Language } from '../../shared/i18n/types.js';
import { MailError } from '../errors/mail-error.js';

const PAGES: Record<Language, { ok: string; failed: string; title: string }> = {
  de: {
    title: 'OPOS Mail – Anmeldung',
    ok: 'Die Anmeldung ist abgeschlossen. Sie können dieses Fenster schließen und zu OPOS Mail zurückkehren.',
    failed: 'Die Anmeldung ist fehlgeschlagen. Die Einzelheiten zeigt OPOS Mail.',
  },
  en: {
    title: 'OPOS Mail – sign-in',
    ok: 'Sign-in complete. You can close this window and return to OPOS Mail.',
    failed: 'The sign-in failed. OPOS Mail shows the details.',
  },
  nl: {
    title: 'OPOS Mail – aanmelden',
    ok: 'De aanmelding is voltooid. U kunt dit venster sluiten en terugkeren naar OPOS Mail.',
    failed: 'De aanmelding is mislukt. OPOS Mail toont de details.',
  },
};

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState(): string {
  return randomBytes(24).toString('base64url');
}

export interface AuthorizationResponse {
  code: string;
  params: URLSearchParams;
}

export interface LoopbackOptions {
  host: 'localhost' | '127.0.0.1';
  state: string;
  /** Expected `iss` of the response when the provider sends one. */
  issuer?: (iss: string) => boolean;
  timeoutMs: number;
  language: Language;
  signal?: AbortSignal;
}

export interface Loopback {
  redirectUri: string;
  /** Resolves with the code; rejects with oauthTimeout, oauthCancelled or the provider's error. */
  response: Promise<AuthorizationResponse>;
  close(): void;
}

function page(lang: Language, ok: boolean): string {
  const t = PAGES[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title></head><body style="font-family:system-ui,sans-serif;margin:3em"><h1>${t.title}</h1><p id="result" data-ok="${ok}">${ok ? t.ok : t.failed}</p></body></html>`;
}

export class AuthorizationError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'AuthorizationError';
  }
}

export async function startLoopback(o: LoopbackOptions): Promise<Loopback> {
  let settle: { resolve(r: AuthorizationResponse): void; reject(e: Error): void } | undefined;
  const response = new Promise<AuthorizationResponse>((resolve, reject) => (settle = { resolve, reject }));
  response.catch(() => undefined);
  let done = false;

  const finish = (err: Error | null, result?: AuthorizationResponse) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    if (err) settle!.reject(err);
    else settle!.resolve(result!);
    // let the answer page reach the browser, then stop listening
    setImmediate(() => {
      for (const srv of [server, server6]) {
        if (!srv?.listening) continue;
        srv.close();
        srv.closeIdleConnections();
      }
    });
  };

  const handle = (params: URLSearchParams, res: http.ServerResponse) => {
    const send = (status: number, ok: boolean) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        connection: 'close',
      });
      res.end(page(o.language, ok));
    };
    // a response without our state is not ours (stale tab, forged request): refuse it, keep waiting
    if (params.get('state') !== o.state) return send(400, false);
    const iss = params.get('iss');
    if (iss !== null && o.issuer && !o.issuer(iss)) {
      send(400, false);
      return finish(new AuthorizationError('invalid_issuer', `unexpected issuer ${iss.slice(0, 100)}`));
    }
    const error = params.get('error');
    if (error) {
      send(200, false);
      return finish(new AuthorizationError(error, params.get('error_description') ?? ''));
    }
    const code = params.get('code');
    if (!code) {
      send(400, false);
      return finish(new AuthorizationError('invalid_request', 'no authorization code'));
    }
    send(200, true);
    finish(null, { code, params });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/' || done) {
      res.writeHead(404, { connection: 'close' });
      res.end();
      return;
    }
    if (req.method === 'GET') return handle(url.searchParams, res);
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
        if (body.length > 64 * 1024) req.destroy();
      });
      req.on('end', () => handle(new URLSearchParams(body), res));
      return;
    }
    res.writeHead(405, { connection: 'close' });
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // `localhost` may resolve to ::1 first: answer there too when the system has IPv6 loopback
  const server6 =
    o.host === 'localhost'
      ? http.createServer(server.listeners('request')[0] as http.RequestListener)
      : undefined;
  if (server6) {
    server6.on('error', () => undefined);
    server6.listen(port, '::1');
  }

  const timer = setTimeout(
    () => finish(new MailError('oauthTimeout', { seconds: Math.round(o.timeoutMs / 1000) })),
    o.timeoutMs,
  );
  const onAbort = () => finish(new MailError('oauthCancelled', { detail: 'cancelled' }));
  if (o.signal?.aborted) onAbort();
  o.signal?.addEventListener('abort', onAbort);

  return {
    redirectUri: `http://${o.host}:${port}`,
    response,
    close: () => finish(new MailError('oauthCancelled', { detail: 'closed' })),
  };
}
