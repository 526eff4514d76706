// The OS keychain through @napi-rs/keyring: Windows Credential Manager, macOS Keychain, and on Linux the
// Secret Service (GNOME Keyring, KWallet). Entries are pinned to the Secret Service on Linux so that a
// missing keychain is an error, never a silent fallback to the non-persistent kernel keyring.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { MailError } from '../errors/mail-error.js';
import { SECRET_KINDS, type SecretKind, type SecretStore } from './secret-store.js';

const TIMEOUT_MS = 15_000;

/** `OPOS Mail/<hash of the data folder>`: two data folders never share entries. */
export function keychainService(dataFolder: string): string {
  const ns = createHash('sha256').update(path.resolve(dataFolder)).digest('hex').slice(0, 16);
  return `OPOS Mail/${ns}`;
}

export class KeyringSecretStore implements SecretStore {
  readonly service: string;

  constructor(dataFolder: string) {
    this.service = keychainService(dataFolder);
  }

  private entry(profileId: string, kind: SecretKind): AsyncEntry {
    try {
      return new AsyncEntry(this.service, `${profileId}/${kind}`, { linux: { store: 'secret-service' } });
    } catch (e) {
      throw keychainError(e);
    }
  }

  async get(profileId: string, kind: SecretKind): Promise<string | null> {
    const entry = this.entry(profileId, kind);
    try {
      return await entry.getPassword(AbortSignal.timeout(TIMEOUT_MS));
    } catch (e) {
      throw keychainError(e);
    }
  }

  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    const entry = this.entry(profileId, kind);
    try {
      await entry.setPassword(value, AbortSignal.timeout(TIMEOUT_MS));
    } catch (e) {
      throw keychainError(e);
    }
  }

  async delete(profileId: string, kind: SecretKind): Promise<boolean> {
    const entry = this.entry(profileId, kind);
    try {
      return await entry.deletePassword(AbortSignal.timeout(TIMEOUT_MS));
    } catch (e) {
      throw keychainError(e);
    }
  }

  async deleteAll(profileId: string): Promise<void> {
    for (const kind of SECRET_KINDS) await this.delete(profileId, kind);
  }
}

function keychainError(e: unknown): MailError {
  const raw = e instanceof Error ? e.message : String(e);
  // keep the library's explanation, but on one line and bounded
  const detail = raw.replace(/\s+/g, ' ').slice(0, 300);
  if (/locked/i.test(raw)) return new MailError('keychainLocked', { detail }, { cause: e });
  if (/abort|timed? ?out/i.test(raw))
    return new MailError('keychainUnavailable', { detail: 'no answer within 15 s (locked?)' }, { cause: e });
  return new MailError('keychainUnavailable', { detail }, { cause: e });
}
