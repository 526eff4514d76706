// Secrets (passwords, OAuth client secrets, token-cache keys) live only in the OS keychain.
// This is the interface; keyring-secret-store.ts is the real implementation.

export const SECRET_KINDS = ['password', 'client-secret', 'token-key'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface SecretStore {
  /** The stored secret, or null when there is none. Fails (keychain error) rather than guess. */
  get(profileId: string, kind: SecretKind): Promise<string | null>;
  set(profileId: string, kind: SecretKind, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(profileId: string, kind: SecretKind): Promise<boolean>;
  /** Removes every secret of a profile (used when the profile is removed). */
  deleteAll(profileId: string): Promise<void>;
}
