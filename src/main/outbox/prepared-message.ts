// A stored message as a transport sends it: the envelope and size from its record, and its bytes from
// the memory kept since rendering when there is any, otherwise streamed from its file (never read into
// memory as a whole).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { PreparedMessage } from '../mail/compose.js';
import { envelopeOf } from '../mail/envelope.js';
import type { LocatedRecord } from './outbox-record.js';

/** `onEnd` is called once the last byte was read (the DATA phase is complete). */
export function preparedMessage(located: LocatedRecord, onEnd?: () => void): PreparedMessage {
  const { record } = located;
  // bytes whose memory went back to the renderer have no length left: the file has the message
  const bytes = located.bytes?.length === record.size ? located.bytes : undefined;
  const file = located.path;
  return {
    envelope: envelopeOf(record.draft),
    outboxId: record.id,
    messageId: record.messageId,
    size: record.size,
    draft: record.draft,
    attachments: record.draft.attachments,
    raw: () => {
      const s = bytes
        ? new Readable({
            read() {
              this.push(bytes);
              this.push(null);
            },
          })
        : createReadStream(file, { highWaterMark: 256 * 1024 });
      if (onEnd) s.once('end', onEnd);
      return s;
    },
  };
}
