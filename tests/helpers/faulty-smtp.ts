// A real SMTP server on loopback (the `smtp-server` package) that misbehaves on purpose: answers 4xx or
// 5xx, drops the connection in the middle of DATA or after the whole message arrived but before its
// reply. It counts on its own side what it accepted, by Message-ID and X-OPOS-Reference.
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type DataFault =
  | 'accept'
  /** destroy the connection when the first bytes of the message arrive */
  | 'drop-mid'
  /** read the whole message (the final dot included), then destroy the connection without a reply */
  | 'drop-after'
  | { code: number; text: string };

export interface AcceptedMessage {
  messageId: string;
  reference: string;
  subject: string;
  to: string[];
  raw: Buffer;
}

export interface FaultySmtpServer {
  host: string;
  port: number;
  accepted: AcceptedMessage[];
  /** Every DATA transaction begun (accepted, refused or dropped). */
  dataCount: number;
  /** Messages whose bytes arrived completely but were dropped without a reply (drop-after). */
  droppedAfterData: AcceptedMessage[];
  close(): Promise<void>;
}

export interface FaultySmtpOptions {
  /** Decides per DATA transaction (n counts from 1, over all connections). */
  onData?: (n: number, info: { to: string[]; reference: string }) => DataFault;
  /** Reply for a recipient, e.g. 550 for one address. */
  onRcpt?: (address: string) => { code: number; text: string } | undefined;
  /** Keeps every message's bytes (otherwise only the first chunks, enough for the headers). */
  keepRaw?: boolean;
  /** Waits this long before the final reply to each message (a slow server). */
  replyDelayMs?: number;
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1]!.replace(/\r\n[ \t]+/g, ' ').trim() : '';
}

function smtpError(code: number, text: string): Error {
  const e = new Error(text) as Error & { responseCode: number };
  e.responseCode = code;
  return e;
}

export async function startFaultySmtpServer(o: FaultySmtpOptions = {}): Promise<FaultySmtpServer> {
  const state: FaultySmtpServer = {
    host: '127.0.0.1',
    port: 0,
    accepted: [],
    dataCount: 0,
    droppedAfterData: [],
    close: () => Promise.resolve(),
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, cb) {
      const forced = o.onRcpt?.(address.address);
      cb(forced ? smtpError(forced.code, forced.text) : undefined);
    },
    onData(stream, session: SMTPServerSession, cb) {
      const n = ++state.dataCount;
      const to = session.envelope.rcptTo.map((r) => r.address);
      const socketOf = () => {
        for (const c of (server as unknown as { connections: Set<{ id: string; _socket: Socket }> })
          .connections)
          if (c.id === session.id) return c._socket;
        return undefined;
      };
      const chunks: Buffer[] = [];
      let decided: DataFault | undefined;
      stream.on('data', (c: Buffer) => {
        if (chunks.length < 64 || o.keepRaw) chunks.push(c);
        if (decided === undefined) {
          const head = Buffer.concat(chunks).toString('latin1');
          decided = o.onData?.(n, { to, reference: header(head, 'X-OPOS-Reference') }) ?? 'accept';
          if (decided === 'drop-mid') socketOf()?.destroy();
        }
      });
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('latin1');
        const msg: AcceptedMessage = {
          messageId: header(text, 'Message-ID'),
          reference: header(text, 'X-OPOS-Reference'),
          subject: header(text, 'Subject'),
          to,
          raw,
        };
        const fault = decided ?? 'accept';
        if (fault === 'drop-mid') return;
        if (fault === 'drop-after') {
          state.droppedAfterData.push(msg);
          socketOf()?.destroy();
          return;
        }
        if (fault !== 'accept') return cb(smtpError(fault.code, fault.text));
        const accept = () => {
          state.accepted.push(msg);
          cb(null, `Ok: queued as Q${state.accepted.length}`);
        };
        if (o.replyDelayMs) setTimeout(accept, o.replyDelayMs);
        else accept();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
