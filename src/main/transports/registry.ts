// One map from connection kind to its transport (the kinds themselves are described in
// src/shared/connection-kinds.ts). A kind missing here is a compile error; a kind that does not work on
// this system (e.g. a Windows-only hand-off on Linux) is refused with the reason before anything starts.
import { kindAvailableOn, kindSpec } from '../../shared/connection-kinds.js';
import type { ConnectionKind, Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { GraphTransport } from './graph-transport.js';
import { SmtpTransport } from './smtp-transport.js';
import { SystemMailTransport } from './system-mail-transport.js';
import { TestMailboxTransport } from './test-mailbox-transport.js';
import type { Transport, TransportContext } from './transport.js';

type TransportFactory = (profile: Profile, ctx: TransportContext) => Transport;

export const TRANSPORTS = {
  smtp: (p, ctx) => new SmtpTransport(p, ctx),
  graph: (p, ctx) => new GraphTransport(p, ctx),
  'system-mail': (p, ctx) => new SystemMailTransport(p, ctx),
  'test-mailbox': (p, ctx) => new TestMailboxTransport(p, ctx),
} as const satisfies Record<ConnectionKind, TransportFactory>;

/** The transport for a profile's connection kind. */
export function createTransport(profile: Profile, ctx: TransportContext): Transport {
  const factory: TransportFactory | undefined = TRANSPORTS[profile.connection];
  if (!factory || !kindAvailableOn(profile.connection, process.platform))
    throw new MailError('notSupportedHere', {
      kind: profile.connection,
      detail: (kindSpec(profile.connection)?.platforms ?? []).join(', '),
    });
  return factory(profile, ctx);
}
