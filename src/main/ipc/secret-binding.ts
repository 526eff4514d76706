// Stored secrets belong to the connection settings they were stored with. A password, an OAuth client
// secret or a token cache is used by the desktop app only with the stored server, port, security, CA
// file and authority; settings that come from the window with other values get no stored secret (a
// typed password is still used: the user entered it for them). A saved change of those settings from
// the window forgets the secrets, unless the same change brings a new password.
import type { Profile } from '../../shared/profile.js';
import { EncryptedTokenCache } from '../oauth/token-cache.js';
import type { MailService } from '../service/mail-service.js';

/** The settings that decide where a secret (or a token made from it) is sent and how. */
function connectionKey(p: Profile): string {
  const o = p.oauth;
  return JSON.stringify([
    p.connection,
    p.auth,
    p.host.trim().toLowerCase(),
    p.port,
    p.security,
    p.allowPlaintextAuth,
    p.caFile,
    o.provider,
    o.clientId,
    o.tenantId,
    o.cloud,
    o.authorityUrl,
    o.graphUrl,
  ]);
}

export function sameConnection(stored: Profile, next: Profile): boolean {
  return connectionKey(stored) === connectionKey(next);
}

/** Forgets the stored password (unless `keepPassword`), the client secret and the sign-in of `p`. */
export async function forgetBoundSecrets(
  service: MailService,
  p: Profile,
  keepPassword: boolean,
): Promise<void> {
  if (!keepPassword) await service.secrets.delete(p.id, 'password');
  await service.secrets.delete(p.id, 'client-secret');
  if (service.oauth) await service.oauth.signOut(p);
  else await new EncryptedTokenCache(service.dataFolder, service.secrets, p.id).remove();
}
