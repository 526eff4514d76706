// The per-profile token cache on disk, never in plain text: AES-256-GCM with a random 32-byte key that
// lives in the OS keychain (secret kind `token-key`; Windows' credential store is too small for a
// token cache itself). The file is <dataFolder>/tokens/<profileId>.bin, written atomically on every
// change, so a rotated refresh token is never lost. Layout: magic (8) | IV (12) | tag (16) | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { withFileLock } from '../platform/file-lock.js';
import type { SecretStore } from '../secrets/secret-store.js';

const MAGIC = Buffer.from('OPOSTOK1', 'ascii');
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

export function tokenCacheFile(dataFolder: string, profileId: string): string {
  return path.join(dataFolder, 'tokens', `${profileId}.bin`);
}

export class EncryptedTokenCache {
  readonly file: string;

  constructor(
    private readonly dataFolder: string,
    private readonly secrets: SecretStore,
    readonly profileId: string,
  ) {
    this.file = tokenCacheFile(dataFolder, profileId);
  }

  private aad(): Buffer {
    return Buffer.from(`OPOS Mail token cache ${this.profileId}`, 'utf8');
  }

  private async key(create: boolean): Promise<Buffer | null> {
    const stored = await this.secrets.get(this.profileId, 'token-key');
    if (stored) {
      const key = Buffer.from(stored, 'base64');
      if (key.length === 32) return key;
    }
    if (!create) return null;
    const key = randomBytes(32);
    await this.secrets.set(this.profileId, 'token-key', key.toString('base64'));
    return key;
  }

  /**
   * The decrypted cache, or null when there is none. A cache that cannot be decrypted (key gone from
   * the keychain, file damaged or tampered with) counts as "not signed in": the user signs in again.
   */
  async read(): Promise<string | null> {
    let data: Buffer;
    try {
      data = await fs.readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    if (data.length < MAGIC.length + IV_LENGTH + TAG_LENGTH || !data.subarray(0, MAGIC.length).equals(MAGIC))
      return null;
    const key = await this.key(false);
    if (!key) return null;
    const iv = data.subarray(MAGIC.length, MAGIC.length + IV_LENGTH);
    const tag = data.subarray(MAGIC.length + IV_LENGTH, MAGIC.length + IV_LENGTH + TAG_LENGTH);
    const body = data.subarray(MAGIC.length + IV_LENGTH + TAG_LENGTH);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(this.aad());
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Encrypts and replaces the cache atomically (a new IV each time). */
  async write(plain: string): Promise<void> {
    const key = await this.key(true);
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', key!, iv);
    cipher.setAAD(this.aad());
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    await writeFileAtomic(this.file, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
  }

  /** Removes the cache file and its key. */
  async remove(): Promise<void> {
    await fs.rm(this.file, { force: true });
    await this.secrets.delete(this.profileId, 'token-key');
  }

  /** Runs `fn` holding the profile's token lock: two processes never refresh from the same state. */
  async locked<T>(fn: () => Promise<T>): Promise<T> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    return withFileLock(path.join(this.dataFolder, 'tokens', `${this.profileId}.lock`), fn);
  }
}
