// A local HTTPS stand-in for the Microsoft Graph API's mail endpoints (the real one cannot exist here):
// it checks every bearer token against the test provider (signature, issuer, audience, scopes), records
// every request, implements sendMail, drafts, attachments, upload sessions (chunks of at most 4 MB, no
// bearer token on the upload URL) and send, and can answer a route once with 429 + Retry-After.
import { createHash, randomUUID } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TokenVerifier } from './token-verifier.js';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const MAX_REQUEST = 4 * 1024 * 1024;

export type GraphRoute =
  'sendMail' | 'createDraft' | 'addAttachment' | 'createUploadSession' | 'upload' | 'send' | 'delete';

export interface GraphRequestRecord {
  route: GraphRoute | 'unknown';
  method: string;
  path: string;
  status: number;
  mailbox?: string;
  bodyBytes: number;
  contentRange?: string;
  bearer: boolean;
  tokenSubject?: string;
}

export interface SentGraphMessage {
  mailbox: string;
  message: Record<string, unknown>;
  /** name → SHA-256 of the bytes received (inline or uploaded) */
  attachments: Record<string, { size: number; sha256: string }>;
  via: 'sendMail' | 'draft';
}

export interface TestGraphServer {
  url: string;
  requests: GraphRequestRecord[];
  sent: SentGraphMessage[];
  /** Answer the next request of this route with 429 and the given Retry-After (seconds). */
  throttleOnce(route: GraphRoute, retryAfter: number): void;
  /** Exchange refuses sending as this mailbox: 403 ErrorAccessDenied on /users/{mailbox}/sendMail. */
  denySendAs(mailbox: string): void;
  close(): Promise<void>;
}

interface Draft {
  mailbox: string;
  message: Record<string, unknown>;
  attachments: Record<string, { size: number; sha256: string }>;
}

interface Upload {
  draftId: string;
  name: string;
  size: number;
  chunks: Buffer[];
  received: number;
}

const SCOPE = (s: string) => `${GRAPH_AUDIENCE}/${s}`;

export async function startGraphServer(
  tls: { key: string; cert: string },
  verifier: TokenVerifier,
): Promise<TestGraphServer> {
  const requests: GraphRequestRecord[] = [];
  const sent: SentGraphMessage[] = [];
  const drafts = new Map<string, Draft>();
  const uploads = new Map<string, Upload>();
  const throttles = new Map<GraphRoute, number>();
  const sendAsDenied = new Set<string>();
  let base = '';

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      void handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks), size).then(
        ({ status, body, headers, record }) => {
          requests.push({ ...record, status });
          res.writeHead(status, { 'content-type': 'application/json', ...(headers ?? {}) });
          res.end(body === undefined ? '' : JSON.stringify(body));
        },
      );
    });
  });

  async function handle(
    method: string,
    rawPath: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
    bodyBytes: number,
  ): Promise<{
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
    record: Omit<GraphRequestRecord, 'status'>;
  }> {
    const url = new URL(rawPath, 'https://graph.test');
    const path = url.pathname;
    const auth = typeof headers.authorization === 'string' ? headers.authorization : '';
    const contentRange = typeof headers['content-range'] === 'string' ? headers['content-range'] : undefined;
    let route: GraphRoute | 'unknown' = 'unknown';
    let mailbox: string | undefined;
    const m =
      /^\/v1\.0\/(me|users\/([^/]+))\/(sendMail|messages)(?:\/([^/]+))?(?:\/(attachments|send))?(?:\/(createUploadSession))?$/.exec(
        path,
      );
    if (m) {
      mailbox = m[1] === 'me' ? 'me' : decodeURIComponent(m[2]!);
      if (m[3] === 'sendMail') route = 'sendMail';
      else if (!m[4]) route = 'createDraft';
      else if (m[5] === 'send') route = 'send';
      else if (m[6]) route = 'createUploadSession';
      else if (m[5] === 'attachments') route = 'addAttachment';
      else if (method === 'DELETE') route = 'delete';
    } else if (path.startsWith('/upload/')) route = 'upload';
    const record: Omit<GraphRequestRecord, 'status'> = {
      route,
      method,
      path,
      ...(mailbox ? { mailbox } : {}),
      bodyBytes,
      ...(contentRange ? { contentRange } : {}),
      bearer: auth.startsWith('Bearer '),
    };
    const fail = (status: number, code: string, message: string) => ({
      status,
      body: { error: { code, message } },
      record,
    });
    if (bodyBytes > MAX_REQUEST) return fail(413, 'RequestEntityTooLarge', 'request larger than 4 MB');

    if (route === 'sendMail' && mailbox && sendAsDenied.has(mailbox.toLowerCase()))
      return fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const throttle = route !== 'unknown' ? throttles.get(route) : undefined;
    if (throttle !== undefined) {
      throttles.delete(route as GraphRoute);
      return {
        ...fail(429, 'ApplicationThrottled', 'too many requests'),
        headers: { 'retry-after': String(throttle) },
      };
    }

    if (route === 'upload') {
      // the upload URL is pre-authorised: a bearer token here is a client bug
      if (auth) return fail(400, 'InvalidRequest', 'no Authorization header on upload URLs');
      const up = uploads.get(path.slice('/upload/'.length));
      if (!up || !contentRange) return fail(404, 'ItemNotFound', 'no such upload session');
      const r = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange);
      if (
        !r ||
        Number(r[1]) !== up.received ||
        Number(r[2]) - Number(r[1]) + 1 !== body.length ||
        Number(r[3]) !== up.size
      )
        return fail(416, 'InvalidRange', `unexpected range ${contentRange}`);
      up.chunks.push(body);
      up.received += body.length;
      if (up.received < up.size)
        return { status: 200, body: { nextExpectedRanges: [`${up.received}-`] }, record };
      const all = Buffer.concat(up.chunks);
      drafts.get(up.draftId)!.attachments[up.name] = {
        size: all.length,
        sha256: createHash('sha256').update(all).digest('hex'),
      };
      return { status: 201, body: {}, record };
    }

    if (route === 'unknown') return fail(404, 'NotFound', path);
    let claims;
    try {
      const needed =
        route === 'sendMail' || route === 'send' ? [SCOPE('Mail.Send')] : [SCOPE('Mail.ReadWrite')];
      if (mailbox !== 'me') needed.push(SCOPE('Mail.Send.Shared'));
      claims = await verifier.verify(auth.replace(/^Bearer /, ''), GRAPH_AUDIENCE, needed);
    } catch (e) {
      return fail(401, 'InvalidAuthenticationToken', (e as Error).message);
    }
    record.tokenSubject = String(claims.sub);
    const json = () => JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;

    switch (route) {
      case 'sendMail': {
        const { message } = json() as {
          message: Record<string, unknown> & { attachments?: Array<Record<string, string>> };
        };
        const attachments: SentGraphMessage['attachments'] = {};
        for (const a of message.attachments ?? []) {
          const bytes = Buffer.from(a.contentBytes ?? '', 'base64');
          attachments[a.name!] = {
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          };
        }
        sent.push({ mailbox: mailbox!, message, attachments, via: 'sendMail' });
        return { status: 202, record };
      }
      case 'createDraft': {
        const id = randomUUID();
        drafts.set(id, { mailbox: mailbox!, message: json(), attachments: {} });
        return { status: 201, body: { id }, record };
      }
      case 'addAttachment': {
        const d = drafts.get(decodeURIComponent(m![4]!));
        if (!d) return fail(404, 'ErrorItemNotFound', 'no such draft');
        const a = json() as Record<string, string>;
        const bytes = Buffer.from(a.contentBytes ?? '', 'base64');
        d.attachments[a.name!] = {
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        };
        return { status: 201, body: {}, record };
      }
      case 'createUploadSession': {
        const draftId = decodeURIComponent(m![4]!);
        if (!drafts.has(draftId)) return fail(404, 'ErrorItemNotFound', 'no such draft');
        const item = (json() as { AttachmentItem?: { name?: string; size?: number } }).AttachmentItem ?? {};
        const id = randomUUID();
        uploads.set(id, { draftId, name: item.name ?? '', size: Number(item.size), chunks: [], received: 0 });
        return {
          status: 201,
          body: { uploadUrl: `${base}/upload/${id}`, nextExpectedRanges: ['0-'] },
          record,
        };
      }
      case 'send': {
        const id = decodeURIComponent(m![4]!);
        const d = drafts.get(id);
        if (!d) return fail(404, 'ErrorItemNotFound', 'no such draft');
        drafts.delete(id);
        sent.push({ mailbox: d.mailbox, message: d.message, attachments: d.attachments, via: 'draft' });
        return { status: 202, record };
      }
      case 'delete':
        drafts.delete(decodeURIComponent(m![4]!));
        return { status: 204, record };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    sent,
    throttleOnce: (route, retryAfter) => throttles.set(route, retryAfter),
    denySendAs: (mailbox) => sendAsDenied.add(mailbox.toLowerCase()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
