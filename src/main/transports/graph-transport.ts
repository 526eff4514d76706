// The Microsoft Graph API as a connection kind (no server, no port): `sendMail` for the signed-in
// mailbox, or /users/{sender}/sendMail for a shared mailbox or send-as when the sender differs.
// Attachments under 3 MB in all go inline; otherwise a draft is created in the signed-in mailbox (with
// the sender as `from`), each attachment of 3 MB or more goes through an upload session in chunks of at
// most 4 MB (up to 150 MB per attachment), then the draft is sent. 202 Accepted means queued by
// Exchange Online, not delivered: reported as `accepted`.
import { promises as fs } from 'node:fs';
import { bareAddress, parseMailbox } from '../../shared/address.js';
import type { ConnectionReport, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { abortable } from '../platform/abortable.js';
import { GraphClient } from '../graph/graph-client.js';
import type { AttachmentInfo, NormalisedDraft, PreparedMessage } from '../mail/compose.js';
import { resolveOAuth, loadBuiltInClients } from '../oauth/config.js';
import { agentFor } from '../oauth/http.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

/** Bytes (attachments and body) below which one sendMail request carries everything (requests max 4 MB, base64 adds a third). */
export const INLINE_LIMIT = 3_000_000;
/** Graph's limit per attachment through an upload session. */
export const UPLOAD_SESSION_MAX = 150 * 1024 * 1024;
/** Upload chunk: a multiple of 320 KiB, below 4 MB. */
export const UPLOAD_CHUNK = 10 * 320 * 1024;

type Recipient = { emailAddress: { address: string; name?: string } };
const recipients = (list: string[]): Recipient[] =>
  list.map((r) => {
    const m = parseMailbox(r);
    return { emailAddress: m?.name ? { address: m.address, name: m.name } : { address: bareAddress(r) } };
  });

function contentType(a: AttachmentInfo): string {
  return /\.pdf$/i.test(a.filename) ? 'application/pdf' : 'application/octet-stream';
}

/** The Graph message resource of a normalised draft (attachments are added separately). */
export function graphMessage(d: NormalisedDraft, messageId: string): Record<string, unknown> {
  const headers: Array<{ name: string; value: string }> = [];
  if (d.kind) headers.push({ name: 'X-OPOS-Kind', value: d.kind });
  if (d.reference) headers.push({ name: 'X-OPOS-Reference', value: d.reference });
  if (d.originalRecipients?.length)
    headers.push({ name: 'X-OPOS-Original-Recipients', value: d.originalRecipients.join(', ') });
  return {
    subject: d.subject,
    body:
      d.html !== undefined
        ? { contentType: 'HTML', content: d.html }
        : { contentType: 'Text', content: d.text },
    from: { emailAddress: { address: d.from.address, ...(d.from.name ? { name: d.from.name } : {}) } },
    toRecipients: recipients(d.to),
    ccRecipients: recipients(d.cc),
    // the Kontrollkopie: a Bcc (Graph keeps Bcc out of the delivered headers)
    bccRecipients: recipients(d.controlCopy ? [...d.bcc, d.controlCopy] : d.bcc),
    ...(d.replyTo.length ? { replyTo: recipients(d.replyTo) } : {}),
    ...(d.receipts?.delivery ? { isDeliveryReceiptRequested: true } : {}),
    ...(d.receipts?.read ? { isReadReceiptRequested: true } : {}),
    internetMessageId: messageId,
    ...(headers.length ? { internetMessageHeaders: headers } : {}),
  };
}

/**
 * Exchange's refusal of a send as (or on behalf of) another mailbox: 403 `ErrorAccessDenied` (or a
 * SendAs / SendOnBehalf code) is a missing mailbox permission, not a missing consent — a permanent
 * refusal of this message (exit 5) that says which permission to grant, and never pauses the queue.
 */
function sendAsRefusal(e: unknown, sender: string): unknown {
  if (!(e instanceof MailError) || !e.response?.startsWith('403')) return e;
  if (!/AccessDenied|SendAs|SendOnBehalf/i.test(e.response)) return e;
  return new MailError('sendAsDenied', { sender, response: e.response }, { cause: e, response: e.response });
}

export class GraphTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  async openSession(signal?: AbortSignal): Promise<TransportSession> {
    const p = this.profile;
    if (!this.ctx.tokens) throw new MailError('signInRequired', { profile: p.name });
    const config = await resolveOAuth(p, this.ctx.secrets, loadBuiltInClients());
    const base = config.graphBase;
    const tokens = this.ctx.tokens;
    // signs in (or refreshes) before anything else: a sign-in problem never leaves a half-done send
    const first = await abortable(tokens.accessToken(p, 'graph'), signal, () => tokens.cancelSignIn?.(p));
    const client = new GraphClient(agentFor(p), p.name);
    // no host/port: Graph has neither server nor port in the profile (HTTPS to the cloud's Graph host)
    const report: ConnectionReport = {
      kind: 'graph',
      tls: { used: true, mode: 'implicit' },
      auth: { used: true, mechanism: 'OAuth 2.0 (Bearer)', user: first.user },
      mailbox: p.fromAddress,
    };

    let closed = false;
    return {
      report,
      send: async (message: PreparedMessage): Promise<SendResult> => {
        if (closed) throw new MailError('connectionLost', { detail: 'session closed' });
        const d = message.draft;
        for (const a of d.attachments)
          if (a.size > UPLOAD_SESSION_MAX)
            throw new MailError('tooLargeServer', {
              size: Math.ceil(a.size / 1024),
              limit: UPLOAD_SESSION_MAX / 1024,
            });
        const { token, user } = await tokens.accessToken(p, 'graph');
        const sender = d.from.address;
        // the signed-in mailbox, or a shared mailbox / send-as when the sender differs
        const mailbox =
          !user || user.toLowerCase() === sender.toLowerCase() ? 'me' : `users/${encodeURIComponent(sender)}`;
        const msg = graphMessage(d, message.messageId);
        let res;
        try {
          res = await this.post(client, base, mailbox, token, msg, d);
        } catch (e) {
          throw mailbox === 'me' ? e : sendAsRefusal(e, sender);
        }
        if (res.tlsVersion) report.tls.version = res.tlsVersion;
        return {
          status: 'accepted',
          messageId: message.messageId,
          response: `${res.status} Accepted`,
          accepted: [...message.envelope.to],
          rejected: [],
          size: message.size,
          connection: { ...report, auth: { ...report.auth, user } },
        };
      },
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  }

  /** sendMail with the attachments inline, or through a draft when they are too large for one request. */
  private async post(
    client: GraphClient,
    base: string,
    mailbox: string,
    token: string,
    msg: Record<string, unknown>,
    d: PreparedMessage['draft'],
  ) {
    const total =
      d.attachments.reduce((n, a) => n + a.size, 0) +
      Buffer.byteLength(d.html ?? d.text, 'utf8') +
      Buffer.byteLength(d.subject, 'utf8');
    if (total < INLINE_LIMIT) {
      const attachments = [];
      for (const a of d.attachments)
        attachments.push({
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: a.filename,
          contentType: contentType(a),
          contentBytes: (await fs.readFile(a.path)).toString('base64'),
        });
      return client.request({
        method: 'POST',
        url: `${base}/${mailbox}/sendMail`,
        token,
        json: { message: { ...msg, attachments }, saveToSentItems: true },
      });
    } else {
      // the draft lives in the signed-in user's mailbox (Mail.ReadWrite); a different sender is
      // its `from` (send-as / on behalf, granted in Exchange)
      return this.sendThroughDraft(client, base, 'me', token, msg, d.attachments);
    }
  }

  /** Draft + attachments (small ones directly, large ones through upload sessions) + send. */
  private async sendThroughDraft(
    client: GraphClient,
    base: string,
    mailbox: string,
    token: string,
    msg: Record<string, unknown>,
    attachments: AttachmentInfo[],
  ) {
    const created = await client.request({
      method: 'POST',
      url: `${base}/${mailbox}/messages`,
      token,
      json: msg,
    });
    const id = (JSON.parse(created.body.toString('utf8')) as { id?: string }).id;
    if (!id) throw new MailError('unexpected', { detail: 'Graph: draft without id' });
    const draftUrl = `${base}/${mailbox}/messages/${encodeURIComponent(id)}`;
    try {
      for (const a of attachments) {
        if (a.size < INLINE_LIMIT) {
          await client.request({
            method: 'POST',
            url: `${draftUrl}/attachments`,
            token,
            json: {
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: a.filename,
              contentType: contentType(a),
              contentBytes: (await fs.readFile(a.path)).toString('base64'),
            },
          });
          continue;
        }
        const session = await client.request({
          method: 'POST',
          url: `${draftUrl}/attachments/createUploadSession`,
          token,
          json: {
            AttachmentItem: {
              attachmentType: 'file',
              name: a.filename,
              size: a.size,
              contentType: contentType(a),
            },
          },
        });
        const uploadUrl = (JSON.parse(session.body.toString('utf8')) as { uploadUrl?: string }).uploadUrl;
        if (!uploadUrl) throw new MailError('unexpected', { detail: 'Graph: upload session without URL' });
        const handle = await fs.open(a.path, 'r');
        try {
          for (let offset = 0; offset < a.size; offset += UPLOAD_CHUNK) {
            const length = Math.min(UPLOAD_CHUNK, a.size - offset);
            const chunk = Buffer.alloc(length);
            await handle.read(chunk, 0, length, offset);
            // the upload URL carries its own authorisation: no bearer token here
            await client.request({
              method: 'PUT',
              url: uploadUrl,
              body: chunk,
              headers: {
                'content-type': 'application/octet-stream',
                'content-range': `bytes ${offset}-${offset + length - 1}/${a.size}`,
              },
            });
          }
        } finally {
          await handle.close();
        }
      }
      return await client.request({ method: 'POST', url: `${draftUrl}/send`, token });
    } catch (e) {
      // leave no half-built draft behind (best effort)
      await client.request({ method: 'DELETE', url: draftUrl, token }).catch(() => undefined);
      throw e;
    }
  }
}
