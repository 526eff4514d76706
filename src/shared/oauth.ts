// The sign-in state of a profile as the CLI (`profile show`) and the dialog show it. Tokens never
// leave the core: only who is signed in and until when.
export interface SignInStatus {
  signedIn: boolean;
  /** The account (e-mail / UPN) that is signed in. */
  account?: string;
  /** ISO time until which the current access token is valid. */
  expiresAt?: string;
}
