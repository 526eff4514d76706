// The seam between OAuth 2.0 sign-in and the rest of the product. The implementation lives beside
// this file; the CLI (`login`, `logout`, `profile show`) and the desktop app's IPC handlers use only
// this interface. Opening the system browser is injected (`BrowserOpener`) so the Electron shell can
// use shell.openExternal, the CLI the platform's opener or $BROWSER, and the tests a real Chromium.
import type { SignInStatus } from '../../shared/oauth.js';
import type { OAuthProvider, Profile } from '../../shared/profile.js';
import type { AccessTokenSource } from '../transports/transport.js';

/** Opens an authorisation URL in the system browser. Resolves once the browser was started. */
export type BrowserOpener = (url: string) => Promise<void>;

export interface OAuthController extends AccessTokenSource {
  status(profile: Profile): Promise<SignInStatus>;
  /** Interactive sign-in through the system browser (OPOS "OAuth mit Dialog"), whatever the profile's mode. */
  signIn(profile: Profile): Promise<SignInStatus>;
  /** Removes the cached tokens and the cache key of the profile. */
  signOut(profile: Profile): Promise<void>;
  /** Ends a sign-in that waits for the browser (the dialog's "Abbrechen"): it fails with oauthCancelled. */
  cancelSignIn?(profile: Profile): void;
  /** Whether this build has its own (built-in) application ID per provider (the dialog says so). */
  builtInApps?(): Record<OAuthProvider, boolean>;
}
