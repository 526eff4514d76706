// The core's front door: what the CLI and the desktop app's IPC handlers call. It ties together the
// profile store, the keychain, message preparation and the transports. No Electron in here.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ConnectionReport, MailDraft, SendResult } from '../../shared/mail.js';
import type { Profile, ProfileInput, ProfilePatch } from '../../shared/profile.js';
import { diskFullOr } from '../errors/disk-full.js';
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
import { testConnection, type HandoffHelpers, type TransportContext } from '../transports/transport.js';
import type { JournalEntry, OutboxChange } from '../../shared/outbox.js';
import {
  checkBatch,
  runBatch,
  type BatchCheck,
  type BatchOptions,
  type BatchReport,
} from '../batch/run-batch.js';
import { journalEntries } from '../journal/journal.js';
import type { MessageQuery } from '../outbox/db/queries.js';
import { OutboxService } from '../outbox/outbox-service.js';
import { OutboxWatcher } from '../outbox/outbox-watcher.js';
import { TemplateStore } from '../templates/template-store.js';
import { draftFromTemplate } from '../templates/apply-template.js';
import type { Language } from '../../shared/i18n/types.js';
import { configuredHostResolver } from '../platform/dns.js';
import type { LookupResult } from '../../shared/autoconfig.js';
import type { LookupOptions } from '../autoconfig/lookup.js';
import { testProposedProfile, type SetupRequest } from './profile-setup.js';

export interface MailServiceOptions {
  dataFolder: string;
  secrets?: SecretStore;
  /** OAuth sign-in (src/main/oauth); also the token source of the transports. */
  oauth?: OAuthController;
  /** How the Windows hand-off starts its Node helper (the app: a utility process). */
  handoffHelpers?: HandoffHelpers;
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
  /** The e-mail templates (Vorlagen) of the data folder. */
  readonly templates: TemplateStore;
  oauth: OAuthController | undefined;
  private readonly handoffHelpers: HandoffHelpers | undefined;
  private outboxService: OutboxService | undefined;
  private outboxWatcher: Promise<OutboxWatcher> | undefined;
  /** OPOS_MAIL_DNS_SERVER: every server name is looked up there (tests on loopback, split DNS). */
  private readonly resolveHost = configuredHostResolver();

  constructor(options: MailServiceOptions) {
    this.dataFolder = path.resolve(options.dataFolder);
    this.profiles = new ProfileStore(this.dataFolder);
    this.templates = new TemplateStore(this.dataFolder);
    this.secrets = options.secrets ?? new KeyringSecretStore(this.dataFolder);
    this.oauth = options.oauth;
    this.handoffHelpers = options.handoffHelpers;
  }

  get transportContext(): TransportContext {
    return {
      dataFolder: this.dataFolder,
      secrets: this.secrets,
      ...(this.oauth ? { tokens: this.oauth } : {}),
      ...(this.handoffHelpers ? { handoffHelpers: this.handoffHelpers } : {}),
      ...(this.resolveHost ? { resolveHost: this.resolveHost } : {}),
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

  async updateProfile(name: string, patch: ProfilePatch, secrets: SecretChange = {}): Promise<Profile> {
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

  /**
   * A new profile from an e-mail address, step 1: finds the server, security and sign-in (MX, the
   * provider's autoconfig, SRV, the bundled ISPDB, confirmed guesses). Saves nothing.
   */
  async lookupProfile(address: string, options: Omit<LookupOptions, 'context'> = {}): Promise<LookupResult> {
    // loaded on first use: the XML parser and the ISPDB data stay out of every other command's start-up
    const { lookupMailSettings } = await import('../autoconfig/lookup.js');
    return lookupMailSettings(address, {
      ...options,
      context: { dataFolder: this.dataFolder, secrets: this.secrets },
    });
  }

  /**
   * Step 2: tests the (possibly edited) proposal with the typed password and only then saves it, the
   * password in the keychain. OAuth proposals are saved untested (the sign-in needs the profile):
   * `report` is null for them.
   */
  async setupProfile(
    request: SetupRequest & { use?: boolean },
  ): Promise<{ profile: Profile; report: ConnectionReport | null }> {
    const { profiles } = await this.profiles.list();
    if (profiles.some((p) => sameProfileName(p.name, request.profile.name)))
      throw new MailError('profileExists', { profile: request.profile.name.trim() });
    const { report } = await testProposedProfile(request, this.transportContext);
    const profile = await this.addProfile(
      request.profile,
      request.password !== undefined && request.profile.auth === 'password'
        ? { password: request.password }
        : {},
    );
    if (request.use) await this.profiles.use(profile.name);
    return { profile, report };
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
   * Calls `listener` whenever the outbox changes (a message queued, a state changed, messages pruned),
   * by this process or any other on the data folder (src/main/outbox/outbox-watcher.ts). Resolves with
   * the function that ends the subscription; the watcher stops with the last one.
   */
  async watchOutbox(listener: (change: OutboxChange) => void): Promise<() => void> {
    const starting = (this.outboxWatcher ??= this.outbox.store.databaseFile().then((file) => {
      const w = new OutboxWatcher(file);
      w.start();
      return w;
    }));
    starting.catch(() => (this.outboxWatcher = undefined));
    const watcher = await starting;
    watcher.on('change', listener);
    return () => {
      watcher.off('change', listener);
      if (watcher.listenerCount('change') || this.outboxWatcher !== starting) return;
      watcher.stop();
      this.outboxWatcher = undefined;
    };
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

  /**
   * A message from a named e-mail template, filled from `fields` (plus its reference) in `language`
   * (German when none is given); see src/main/templates/apply-template.ts.
   */
  async draftFromTemplate(
    name: string,
    draft: MailDraft,
    fields: Record<string, string> = {},
    language?: Language,
  ): Promise<MailDraft> {
    return draftFromTemplate(await this.templates.get(name), draft, fields, language);
  }

  /** The pre-check of a batch manifest: rows and every problem (with row numbers). */
  async checkBatch(manifestFile: string, profileName?: string): Promise<BatchCheck> {
    const profile = await this.profiles.resolve(profileName);
    return checkBatch(manifestFile, parseProfile(profile), () => this.templates.list());
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
        templates: () => this.templates.list(),
      },
      manifestFile,
      profile,
      options,
    ).catch((e: unknown) => {
      // the outbox database or a stored copy could not be written: named, with the data folder
      throw diskFullOr(e, this.dataFolder);
    });
  }

  /** The journal (Versandnachweis): every message that left the queue, oldest first. */
  async journal(filter: Omit<MessageQuery, 'view'> = {}): Promise<JournalEntry[]> {
    const out: JournalEntry[] = [];
    for await (const j of this.journalEntries(filter)) out.push(j);
    return out;
  }

  /** The same, streamed in constant memory (the CSV export). */
  async *journalEntries(filter: Omit<MessageQuery, 'view'> = {}): AsyncGenerator<JournalEntry> {
    yield* journalEntries(this.outbox.store, filter);
  }
}
