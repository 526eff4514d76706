import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { GraphTransport } from './graph-transport.js';
import { SmtpTransport } from './smtp-transport.js';
import { TestMailboxTransport } from './test-mailbox-transport.js';
import type { Transport, TransportContext } from './transport.js';

/** The transport for a profile's connection kind. */
export function createTransport(profile: Profile, ctx: TransportContext): Transport {
  switch (profile.connection) {
    case 'smtp':
      return new SmtpTransport(profile, ctx);
    case 'test-mailbox':
      return new TestMailboxTransport(profile, ctx);
    case 'graph':
      return new GraphTransport(profile, ctx);
    default:
      throw new MailError('notSupportedHere', { kind: profile.connection, detail: '' });
  }
}
