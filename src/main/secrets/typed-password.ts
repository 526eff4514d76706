// The keychain with a password typed in a form (not saved yet) standing in for one profile's: used to
// test a connection before anything is stored. Nothing typed is ever written to the keychain.
import type { SecretKind, SecretStore } from './secret-store.js';

export class TypedPasswordSecrets implements SecretStore {
  /**
   * @param storedFallback without a typed password, the profile's stored one is used (an existing
   * profile); false for a profile that has no stored secrets of its own yet.
   */
  constructor(
    private readonly base: SecretStore,
    private readonly profileId: string,
    private readonly password: string | undefined,
    private readonly storedFallback = true,
  ) {}
  async get(id: string, kind: SecretKind): Promise<string | null> {
    if (id === this.profileId && kind === 'password' && (this.password !== undefined || !this.storedFallback))
      return this.password ?? null;
    return this.base.get(id, kind);
  }
  set(id: string, kind: SecretKind, value: string): Promise<void> {
    return this.base.set(id, kind, value);
  }
  delete(id: string, kind: SecretKind): Promise<boolean> {
    return this.base.delete(id, kind);
  }
  deleteAll(id: string): Promise<void> {
    return this.base.deleteAll(id);
  }
}
