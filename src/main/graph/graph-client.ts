// Requests to the Microsoft Graph API: bearer token, JSON, throttling (429/503/504 honour Retry-After,
// a few tries, then a temporary failure that tells the outbox when to try again), and Graph's error
// answers mapped onto the product's outcomes.
import type https from 'node:https';
import { MailError } from '../errors/mail-error.js';
import { httpsRequest, mapNetworkError, type HttpResponse } from '../oauth/http.js';

/** Tries per request in all (the first included). */
export const GRAPH_ATTEMPTS = 4;
/** The longest wait inside one send; a longer Retry-After goes back to the caller (outbox). */
export const GRAPH_MAX_WAIT_S = 60;

export interface GraphErrorBody {
  error?: { code?: string; message?: string };
}

export interface GraphRequest {
  method: string;
  url: string;
  token?: string;
  json?: unknown;
  body?: Buffer;
  headers?: Record<string, string>;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const n = Number(header.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}

function describe(res: HttpResponse): { code: string; message: string; response: string } {
  let code = '';
  let message = '';
  try {
    const body = JSON.parse(res.body.toString('utf8')) as GraphErrorBody;
    code = body.error?.code ?? '';
    message = (body.error?.message ?? '').replace(/\s+/g, ' ').slice(0, 300);
  } catch {
    // not JSON
  }
  return {
    code,
    message,
    response: `${res.status}${code ? ' ' + code : ''}${message ? ': ' + message : ''}`,
  };
}

export function mapGraphError(res: HttpResponse, profile: string, retryAfter?: number): MailError {
  const { code, message, response } = describe(res);
  const s = res.status;
  if (s === 429 || s === 503 || s === 504 || s >= 500)
    return new MailError(
      'temporary',
      { response, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) },
      { response },
    );
  if (s === 401) return new MailError('oauthTokenRejected', { response, profile }, { response });
  if (s === 403) {
    if (/SendAs|SendOnBehalf/i.test(code + message))
      return new MailError('rejected', { response }, { response });
    return new MailError('oauthConsentMissing', { detail: response }, { response });
  }
  if (s === 413 || /SizeExceeded|TooLarge/i.test(code))
    return new MailError('tooLargeServer', { size: 0, limit: 0, response }, { response });
  if (/InvalidRecipients|ErrorInvalidRecipient/i.test(code))
    return new MailError('recipientsRejected', { recipients: '', response }, { response });
  return new MailError('rejected', { response }, { response });
}

export class GraphClient {
  constructor(
    private readonly agent: https.Agent,
    private readonly profileName: string,
    /** Waits between tries (injected so a batch can be cancelled; real time otherwise). */
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** One request with throttling handled; returns the successful response or throws MailError. */
  async request(req: GraphRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    let body = req.body;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = Buffer.from(JSON.stringify(req.json), 'utf8');
    }
    for (let attempt = 1; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await httpsRequest(req.url, this.agent, {
          method: req.method,
          headers,
          ...(body ? { body } : {}),
          timeoutMs: 120_000,
        });
      } catch (e) {
        throw mapNetworkError(e, req.url);
      }
      if (res.status >= 200 && res.status < 300) return res;
      const throttled = res.status === 429 || res.status === 503 || res.status === 504;
      const after = retryAfterSeconds(res.headers['retry-after']);
      if (!throttled || attempt >= GRAPH_ATTEMPTS || (after ?? 0) > GRAPH_MAX_WAIT_S)
        throw mapGraphError(res, this.profileName, throttled ? (after ?? 2 ** attempt) : undefined);
      await this.sleep((after ?? 2 ** (attempt - 1)) * 1000);
    }
  }
}
