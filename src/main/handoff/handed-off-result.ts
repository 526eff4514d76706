// The send result of every hand-off kind (system-mail, windows-standard, outlook): the mail program has
// the message, all its recipients go with it, nothing is refused here (whether the user then sends it
// is not knowable), and the result says which program and how.
import type { ConnectionReport, HandoffInfo, SendResult } from '../../shared/mail.js';
import type { PreparedMessage } from '../mail/compose.js';

export function handedOffResult(
  message: PreparedMessage,
  connection: ConnectionReport,
  handoff: HandoffInfo,
  /** The journal's reply line, e.g. "handed off to Thunderbird (compose)". */
  response: string,
): SendResult {
  return {
    status: 'handedOff',
    messageId: message.messageId,
    response,
    accepted: message.envelope.to,
    rejected: [],
    size: message.size,
    connection,
    ...(handoff.file ? { file: handoff.file } : {}),
    handoff,
  };
}
