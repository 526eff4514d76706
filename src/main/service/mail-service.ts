// The core's front door: what the CLI and the desktop app's IPC handlers call. It ties together the
// profile store, the keychain, message preparation and the transports. No Electron in here.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConnectionReport, MailDraft, SendResult } from '../../shared/mail.js';
import type { Profile, ProfileInput } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import {
  ProfileStore,
  mergeProfilePatch,
  newProfileId,
  parseProfile,
  sameProfileName,
} from '../profiles/profile-store.js';
import { KeyringSecretStore } from '../secrets/keyring-secret-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { createTransport } from '../transports/registry.js';
import { readExtraCa } from '../transports/smtp-security.js';
import type { OAuthController } from '../oauth/oauth-controller.js';
import { testConnection, type TransportContext } from '../transports/transport.js';
import type { JournalEntry } from '../../shared/outbox.js';
import {
  checkBatch,
  runBatch,
  type BatchCheck,
  type BatchOptions,
  type BatchReport,
} from '../batch/run-batch.js';
import { journalOf } from '../journal/journal.js';
import { OutboxService } from '../outbox/outbox-service.js';

export interface MailServiceOptions {
  dataFolder: string;
  secrets?: SecretStore;
  /** OAuth sign-in (src/main/oauth); also the token source of the transports. */
  oauth?: OAuthController;
}

export interface SecretChange {
  /** New password to store; undefined leaves the stored one as it is. */
  password?: string;
  /** Removes the stored password. */
  clearPassword?: boolean;
}

export class MailService {
  readonly dataFolder: string;
  readonly profiles: ProfileStore;
  readonly secrets: SecretStore;
  oauth: OAuthController | undefined;
  private outboxService: OutboxService | undefined;

  constructor(options: MailServiceOptions) {
    this.dataFolder = path.resolve(options.dataFolder);
    this.profiles = new ProfileStore(this.dataFolder);
    this.secrets = options.secrets ?? new KeyringSecretStore(this.dataFolder);
    this.oauth = options.oauth;
  }

  get transportContext(): TransportContext {
    return {
      dataFolder: this.dataFolder,
      secrets: this.secrets,
      ...(this.oauth ? { tokens: this.oauth } : {}),
    };
  }

  async hasPassword(profile: Profile): Promise<boolean> {
    const v = await this.secrets.get(profile.id, 'password');
    return v !== null && v !== '';
  }

  /** Adds a profile; a password goes to the keychain first, so a keychain failure leaves no profile behind. */
  async addProfile(input: ProfileInput, secrets: SecretChange = {}): Promise<Profile> {
    const { profiles } = await this.profiles.list();
    if (profiles.some((p) => sameProfileName(p.name, input.name)))
      throw new MailError('profileExists', { profile: input.name.trim() });
    const id = newProfileId();
    const checked = parseProfile({ ...input, id });
    if (checked.caFile) readExtraCa(checked.caFile);
    if (secrets.password !== undefined) await this.secrets.set(id, 'password', secrets.password);
    try {
      return await this.profiles.add(input, id);
    } catch (e) {
      if (secrets.password !== undefined) await this.secrets.delete(id, 'password').catch(() => false);
      throw e;
    }
  }

  async updateProfile(
    name: string,
    patch: Partial<Omit<Profile, 'id'>>,
    secrets: SecretChange = {},
  ): Promise<Profile> {
    const current = await this.profiles.get(name);
    if (patch.caFile) readExtraCa(patch.caFile);
    // validate the whole result before touching the keychain
    parseProfile(mergeProfilePatch(current, patch));
    if (secrets.password !== undefined) await this.secrets.set(current.id, 'password', secrets.password);
    else if (secrets.clearPassword) await this.secrets.delete(current.id, 'password');
    return this.profiles.update(name, patch);
  }

  /** Removes the profile and every secret and token cache it had. */
  async removeProfile(name: string): Promise<Profile> {
    const current = await this.profiles.get(name);
    // secrets first: if the keychain is unreachable, the profile stays and nothing is orphaned
    await this.secrets.deleteAll(current.id);
    const removed = await this.profiles.remove(name);
    await fs.rm(path.join(this.dataFolder, 'tokens', `${current.id}.bin`), { force: true });
    return removed;
  }

  async testConnection(
    profileName?: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<ConnectionReport> {
    const profile = await this.profiles.resolve(profileName);
    parseProfile(profile);
    return testConnection(createTransport(profile, this.transportContext), options.signal);
  }

  /** The durable outbox every message goes through (src/main/outbox). */
  get outbox(): OutboxService {
    this.outboxService ??= new OutboxService({
      dataFolder: this.dataFolder,
      profileById: async (id) => (await this.profiles.list()).profiles.find((p) => p.id === id) ?? null,
      transportFor: (profile) => createTransport(profile, this.transportContext),
    });
    return this.outboxService;
  }

  /**
   * Checks and renders one message into the outbox (durably, before any network I/O), then sends it;
   * temporary failures are retried with backoff. The result carries the message's `outboxId`.
   */
  async send(
    draft: MailDraft,
    profileName?: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<SendResult> {
    const profile = await this.profiles.resolve(profileName);
    parseProfile(profile);
    return this.outbox.send(profile, draft, options.signal ? { signal: options.signal } : {});
  }

  /** The pre-check of a batch manifest: rows and every problem (with row numbers). */
  async checkBatch(manifestFile: string, profileName?: string): Promise<BatchCheck> {
    const profile = await this.profiles.resolve(profileName);
    return checkBatch(manifestFile, parseProfile(profile));
  }

  /** A batch run ("Mahnlauf") through the outbox; see src/main/batch/run-batch.ts. */
  async runBatch(
    manifestFile: string,
    options: BatchOptions & { profileName?: string } = {},
  ): Promise<BatchReport> {
    const profile = parseProfile(await this.profiles.resolve(options.profileName));
    return runBatch(
      {
        dataFolder: this.dataFolder,
        outbox: this.outbox,
        transportFor: (p) => createTransport(p, this.transportContext),
      },
      manifestFile,
      profile,
      options,
    );
  }

  /** The journal (Versandnachweis): every message that left the queue, oldest first. */
  async journal(since?: Date): Promise<JournalEntry[]> {
    return journalOf(await this.outbox.list(), since);
  }
}
