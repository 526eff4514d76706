// A new profile from a proposal of the address lookup (src/main/autoconfig): the connection test runs
// with the typed password before anything is saved, so a profile that cannot connect is never
// created; the password goes to the keychain only with the profile. OAuth proposals cannot be tested
// before the sign-in, which needs the saved profile: they are saved untested and say so.
import { randomUUID } from 'node:crypto';
import type { ConnectionReport } from '../../shared/mail.js';
import type { Profile, ProfileInput } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { parseProfile } from '../profiles/profile-store.js';
import { TypedPasswordSecrets } from '../secrets/typed-password.js';
import { createTransport } from '../transports/registry.js';
import { readExtraCa } from '../transports/smtp-security.js';
import { testConnection, type TransportContext } from '../transports/transport.js';

export interface SetupRequest {
  /** The proposal's profile, with its name (and any change the user made). */
  profile: ProfileInput;
  password?: string;
}

export interface SetupTestOutcome {
  candidate: Profile;
  /** What the connection test saw; null for OAuth (tested after the sign-in). */
  report: ConnectionReport | null;
}

/** Checks the proposed profile and runs the connection test on it; throws the test's MailError. */
export async function testProposedProfile(
  request: SetupRequest,
  ctx: TransportContext,
): Promise<SetupTestOutcome> {
  const id = `setup-${randomUUID()}`;
  const candidate = parseProfile({ ...request.profile, id });
  if (candidate.caFile) readExtraCa(candidate.caFile);
  if (candidate.auth === 'oauth' || candidate.connection === 'graph') return { candidate, report: null };
  if (candidate.auth === 'password' && !request.password)
    throw new MailError('passwordMissing', { profile: candidate.name });
  const secrets = new TypedPasswordSecrets(ctx.secrets, id, request.password, false);
  const report = await testConnection(createTransport(candidate, { ...ctx, secrets }));
  return { candidate, report };
}
