// Named connection profiles, one of them active, stored as versioned JSON in the data folder.
// Every change is a locked read-modify-write with an atomic replace; a damaged file, or one from a
// newer version, is reported and never overwritten.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { effectiveAuth } from '../../shared/connection-kinds.js';
import { profileProblems } from '../../shared/profile-problems.js';
import {
  PROFILES_FILE_VERSION,
  profileSchema,
  profilesFileSchema,
  type Profile,
  type ProfileInput,
  type ProfilePatch,
  type ProfilesFile,
} from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { JsonSettingsFile } from '../platform/json-settings-file.js';

export const PROFILES_FILE = 'profiles.json';
export const TEST_MAILBOX_PROFILE = 'Testpostfach';

export function newProfileId(): string {
  return randomUUID();
}

export function testMailboxProfile(): Profile {
  return profileSchema.parse({
    id: newProfileId(),
    name: TEST_MAILBOX_PROFILE,
    connection: 'test-mailbox',
    fromAddress: 'buchhaltung@example.com',
    fromName: 'Buchhaltung (Test)',
  });
}

/** Profile names compare case-insensitively ("Firma" and "firma" are the same profile). */
export function sameProfileName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * A profile with a patch applied: nested settings merge field by field, and a kind that does not allow
 * the profile's authentication gets its own default (switching to a hand-off drops "Anmelden").
 */
export function mergeProfilePatch(current: Profile, patch: ProfilePatch): Profile {
  const connection = patch.connection ?? current.connection;
  return {
    ...current,
    ...patch,
    auth: patch.auth ?? effectiveAuth(connection, current.auth),
    oauth: { ...current.oauth, ...(patch.oauth ?? {}) },
    throttle: { ...current.throttle, ...(patch.throttle ?? {}) },
    handoff: { ...current.handoff, ...(patch.handoff ?? {}) },
    messages: { ...current.messages, ...(patch.messages ?? {}) },
    id: current.id,
  };
}

export class ProfileStore {
  readonly file: string;
  private readonly settings: JsonSettingsFile<ProfilesFile>;

  constructor(readonly dataFolder: string) {
    this.file = path.join(dataFolder, PROFILES_FILE);
    this.settings = new JsonSettingsFile(this.file, (text) => parseProfilesFile(text, this.file), freshFile);
  }

  /** Reads the file; a missing file is a fresh data folder with the Testpostfach active (written at once). */
  async read(): Promise<ProfilesFile> {
    const existing = await this.readExisting();
    if (existing) return existing;
    return this.mutate((f) => f);
  }

  async list(): Promise<{ profiles: Profile[]; active: string }> {
    const f = await this.read();
    return { profiles: f.profiles, active: f.active };
  }

  async get(name: string): Promise<Profile> {
    return findProfile(await this.read(), name);
  }

  async active(): Promise<Profile> {
    const f = await this.read();
    return findProfile(f, f.active);
  }

  /** The named profile, or the active one when no name is given. */
  async resolve(name?: string): Promise<Profile> {
    return name ? this.get(name) : this.active();
  }

  /** Adds a profile; `id` may be given when secrets were stored for it beforehand. */
  async add(input: ProfileInput, id: string = newProfileId()): Promise<Profile> {
    return this.mutateReturning((f) => {
      if (f.profiles.some((p) => sameProfileName(p.name, input.name)))
        throw new MailError('profileExists', { profile: input.name.trim() });
      const profile = parseProfile({ ...input, id });
      f.profiles.push(profile);
      return profile;
    });
  }

  /** Applies a partial change (rename included) to the named profile. */
  async update(name: string, patch: ProfilePatch): Promise<Profile> {
    return this.mutateReturning((f) => {
      const current = findProfile(f, name);
      if (patch.name !== undefined && !sameProfileName(patch.name, current.name)) {
        if (f.profiles.some((p) => p.id !== current.id && sameProfileName(p.name, patch.name!)))
          throw new MailError('profileExists', { profile: patch.name.trim() });
      }
      const next = parseProfile(mergeProfilePatch(current, patch));
      f.profiles = f.profiles.map((p) => (p.id === current.id ? next : p));
      if (f.active === current.name) f.active = next.name;
      return next;
    });
  }

  /** Removes the profile from the file and returns it (the caller removes its secrets). */
  async remove(name: string): Promise<Profile> {
    return this.mutateReturning((f) => {
      const current = findProfile(f, name);
      if (f.profiles.length === 1) throw new MailError('profileLast', { profile: current.name });
      f.profiles = f.profiles.filter((p) => p.id !== current.id);
      if (f.active === current.name) f.active = f.profiles[0]!.name;
      return current;
    });
  }

  async use(name: string): Promise<Profile> {
    return this.mutateReturning((f) => {
      const p = findProfile(f, name);
      f.active = p.name;
      return p;
    });
  }

  private readExisting(): Promise<ProfilesFile | null> {
    return this.settings.read();
  }

  private mutate(change: (f: ProfilesFile) => ProfilesFile | void): Promise<ProfilesFile> {
    return this.settings.mutate(change);
  }

  private async mutateReturning<T>(change: (f: ProfilesFile) => T): Promise<T> {
    let result!: T;
    await this.mutate((f) => {
      result = change(f);
    });
    return result;
  }
}

function freshFile(): ProfilesFile {
  const p = testMailboxProfile();
  return { version: PROFILES_FILE_VERSION, active: p.name, profiles: [p] };
}

function findProfile(f: ProfilesFile, name: string): Profile {
  const exact = f.profiles.find((p) => p.name === name);
  const found = exact ?? f.profiles.find((p) => sameProfileName(p.name, name));
  if (!found) throw new MailError('profileUnknown', { profile: name });
  return found;
}

/** Parses and checks a profile; problems come back as one `profileInvalid` error listing them. */
export function parseProfile(raw: unknown): Profile {
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`)
      .join('; ');
    throw new MailError('profileInvalid', { detail });
  }
  const problems = profileProblems(parsed.data);
  if (problems.length) {
    throw new MailError('profileInvalid', {
      detail: problems.map((p) => `${p.field} (${p.code})`).join(', '),
      fields: problems.map((p) => `${p.field}:${p.code}`).join(','),
    });
  }
  return parsed.data;
}

export function parseProfilesFile(text: string, file: string): ProfilesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MailError('configCorrupt', { file, detail: (e as Error).message });
  }
  const version = z.object({ version: z.number() }).safeParse(json);
  if (version.success && version.data.version > PROFILES_FILE_VERSION)
    throw new MailError('configNewer', { file, version: version.data.version });
  const parsed = profilesFileSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new MailError('configCorrupt', { file, detail });
  }
  if (!parsed.data.profiles.some((p) => p.name === parsed.data.active))
    throw new MailError('configCorrupt', {
      file,
      detail: `active profile "${parsed.data.active}" is missing`,
    });
  return parsed.data;
}
