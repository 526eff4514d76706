// "Testpostfach": writes the complete message as an .eml file into the data folder instead of sending it.
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ConnectionReport, SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import type { PreparedMessage } from '../mail/compose.js';
import { makeFolder } from '../platform/make-folder.js';
import type { Transport, TransportContext, TransportSession } from './transport.js';

export const TEST_MAILBOX_FOLDER = 'test-mailbox';

export function testMailboxFolder(dataFolder: string): string {
  return path.join(dataFolder, TEST_MAILBOX_FOLDER);
}

function fileNameFor(message: PreparedMessage, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const id = message.messageId.replace(/[<>]/g, '').split('@')[0]!.slice(0, 8);
  return `${stamp}_${id}.eml`;
}

export class TestMailboxTransport implements Transport {
  constructor(
    readonly profile: Profile,
    private readonly ctx: TransportContext,
  ) {}

  async openSession(): Promise<TransportSession> {
    const folder = testMailboxFolder(this.ctx.dataFolder);
    await makeFolder(folder);
    const report: ConnectionReport = {
      kind: 'test-mailbox',
      folder,
      tls: { used: false, mode: 'none' },
      auth: { used: false },
      serverSizeLimit: null,
    };
    return {
      report,
      async send(message: PreparedMessage): Promise<SendResult> {
        const file = path.join(folder, fileNameFor(message, new Date()));
        const tmp = `${file}.tmp`;
        await pipeline(message.raw(), createWriteStream(tmp, { mode: 0o600, flags: 'wx' }));
        await fs.rename(tmp, file);
        return {
          status: 'stored',
          messageId: message.messageId,
          response: `stored ${path.basename(file)}`,
          accepted: message.envelope.to,
          rejected: [],
          size: message.size,
          connection: report,
          file,
        };
      },
      async close() {},
    };
  }
}
