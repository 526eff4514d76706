// Which URLs the app may hand to the system browser: only https URLs on the authorisation server of
// the provider the user chose in the profile that is signing in (or sending, for "OAuth mit Dialog").
// The Electron shell wraps shell.openExternal with this; nothing else may open external URLs.
import type { Profile } from '../../shared/profile.js';

const MICROSOFT_AUTHORITIES: Record<Profile['oauth']['cloud'], string[]> = {
  global: ['https://login.microsoftonline.com'],
  usgov: ['https://login.microsoftonline.us'],
  china: ['https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn'],
};
const GOOGLE_AUTHORITIES = ['https://accounts.google.com'];

/** The origins a profile's sign-in may open: its provider's, or its custom https authority only. */
export function authorizationOrigins(profile: Profile): string[] {
  if (profile.oauth.authorityUrl) {
    try {
      const u = new URL(profile.oauth.authorityUrl);
      return u.protocol === 'https:' ? [u.origin] : [];
    } catch {
      return [];
    }
  }
  return profile.oauth.provider === 'google'
    ? GOOGLE_AUTHORITIES
    : MICROSOFT_AUTHORITIES[profile.oauth.cloud];
}

export class AuthorizationUrlGuard {
  private allowed: string[] = [];

  /** Called by the IPC handlers right before a sign-in or a send of this profile. */
  allowFor(profile: Profile): void {
    this.allowed = authorizationOrigins(profile);
  }

  /** True for an https URL on one of the currently allowed origins, without credentials in it. */
  permits(url: string): boolean {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol !== 'https:' || u.username || u.password) return false;
    return this.allowed.includes(u.origin);
  }

  /** Wraps an opener (shell.openExternal) so that it refuses everything the guard does not permit. */
  wrap(open: (url: string) => Promise<void>): (url: string) => Promise<void> {
    return async (url) => {
      if (!this.permits(url)) throw new Error('Refused to open a URL outside the chosen sign-in provider');
      await open(url);
    };
  }
}
