// The desktop app's IPC handlers, free of Electron: each validates its payload against the contract's
// zod schema, calls the core (MailService) and answers with an IpcResult (errors as ErrorInfo, never
// as exceptions). The Electron shell registers them with ipcMain after checking the sender frame; the
// browser test host answers the same handlers over a local WebSocket.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type {
  IpcMethod,
  IpcResponses,
  IpcResult,
  ProfileList,
  ProfileView,
} from '../../shared/ipc/contract.js';
import { IPC_LIMITS, requestSchemas, type IpcParsed } from '../../shared/ipc/schemas.js';
import { createI18n, languageFromLocale } from '../../shared/i18n/index.js';
import type { OAuthView } from '../../shared/ipc/contract.js';
import type { Profile } from '../../shared/profile.js';
import { diskFullOr } from '../errors/disk-full.js';
import type { JournalEntry } from '../../shared/outbox.js';
import { MailError, toMailError } from '../errors/mail-error.js';
import { parseProfile } from '../profiles/profile-store.js';
import { TypedPasswordSecrets } from '../secrets/typed-password.js';
import type { MailService } from '../service/mail-service.js';
import { createTransport } from '../transports/registry.js';
import { readExtraCa } from '../transports/smtp-security.js';
import { testConnection } from '../transports/transport.js';
import { journalCsvHeader, journalCsvLine } from '../journal/journal-csv.js';
import { AttachmentRegistry } from './attachments.js';
import { CaFileRegistry } from './ca-files.js';
import { forgetBoundSecrets, sameConnection } from './secret-binding.js';
import { Operations } from './operations.js';
import { BatchRuns, ManifestRegistry, storedCopyPath } from './outbox-batch.js';
import { usesOAuth } from '../../shared/connection-kinds.js';
import { guideFile } from '../platform/guides.js';

/** What the handlers need from the platform: the Electron shell gives real ones, the test host doubles. */
export interface PlatformHooks {
  version: string;
  /** The system locale, e.g. `de-DE`. */
  locale: string;
  /** Shows the open-file dialog for PDFs; the chosen absolute paths, [] when cancelled. */
  choosePdfFiles(): Promise<string[]>;
  /** Shows the open-file dialog for a PEM certificate; its absolute path, null when cancelled. */
  chooseCaFile(): Promise<string | null>;
  /** Called right before a sign-in, test or send of a profile, so that only its provider's
   *  authorisation URL may be opened in the system browser (see AuthorizationUrlGuard). */
  allowAuthorizationFor?(profile: Profile): void;
  /** Shows the open-file dialog for a batch manifest (CSV or JSON); its absolute path, null when cancelled. */
  chooseManifestFile(): Promise<string | null>;
  /** Shows the save dialog for the journal CSV, proposing `defaultName`; the path, null when cancelled. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  /** Opens a file with the system's program for it (the stored .eml with the mail program). Only
   *  ever called with a path checked to be inside the data folder's outbox. */
  openPath(file: string): Promise<void>;
}

export type IpcHandler<M extends IpcMethod> = (payload: unknown) => Promise<IpcResult<IpcResponses[M]>>;
export type IpcHandlers = { [M in IpcMethod]: IpcHandler<M> };

/** Formats zod issues as one line for the `invalidOption` error. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`)
    .join('; ');
}

/** Validates a payload against the method's schema; bad payloads become an `invalidOption` error. */
export function parseRequest<M extends IpcMethod>(method: M, payload: unknown): IpcParsed<M> {
  const parsed = requestSchemas[method].safeParse(payload ?? {});
  if (!parsed.success) throw new MailError('invalidOption', { detail: describeIssues(parsed.error.issues) });
  return parsed.data as IpcParsed<M>;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A local day from the date fields (checked by the schema): its midnight, or with `next` the next one. */
function localMidnight(day: string, next = false): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (next ? 1 : 0));
}

export function createIpcHandlers(
  service: MailService,
  hooks: PlatformHooks,
  attachments = new AttachmentRegistry(),
  batches = new BatchRuns(service),
): IpcHandlers {
  const manifests = new ManifestRegistry();
  const caFiles = new CaFileRegistry();
  const operations = new Operations();
  const view = async (p: Profile): Promise<ProfileView> => ({
    ...p,
    hasPassword: await service.hasPassword(p),
  });
  const list = async (): Promise<ProfileList> => {
    const { profiles, active } = await service.profiles.list();
    return { profiles: await Promise.all(profiles.map(view)), active };
  };
  const oauthView = async (p: Profile): Promise<OAuthView> => {
    if (!service.oauth) return { available: false, status: null };
    if (!usesOAuth(p)) return { available: true, status: null };
    try {
      return { available: true, status: await service.oauth.status(p) };
    } catch (e) {
      // no application ID yet: simply not signed in (signing in then explains what is missing)
      if (e instanceof MailError && e.code === 'oauthNotConfigured')
        return { available: true, status: { signedIn: false } };
      throw e;
    }
  };
  const allow = (p: Profile) => hooks.allowAuthorizationFor?.(p);

  const impl: { [M in IpcMethod]: (req: IpcParsed<M>) => Promise<IpcResponses[M]> } = {
    appInfo: () =>
      Promise.resolve({
        version: hooks.version,
        language: languageFromLocale(hooks.locale),
        oauthAvailable: Boolean(service.oauth),
        oauthBuiltIn: service.oauth?.builtInApps?.() ?? { microsoft: false, google: false },
      }),
    listProfiles: () => list(),
    createProfile: async ({ profile, password }) => {
      caFiles.check(profile.caFile);
      return view(await service.addProfile(profile, password !== undefined ? { password } : {}));
    },
    updateProfile: async ({ name, patch, password, clearPassword }) => {
      const current = await service.profiles.get(name);
      caFiles.check(patch.caFile, current.caFile);
      const next = parseProfile({
        ...current,
        ...patch,
        oauth: { ...current.oauth, ...(patch.oauth ?? {}) },
        throttle: { ...current.throttle, ...(patch.throttle ?? {}) },
        id: current.id,
      });
      // secrets stored for the old server or authority are not handed to new ones from the window
      if (!sameConnection(current, next)) await forgetBoundSecrets(service, current, password !== undefined);
      return view(
        await service.updateProfile(current.name, patch, {
          ...(password !== undefined ? { password } : {}),
          ...(clearPassword ? { clearPassword } : {}),
        }),
      );
    },
    duplicateProfile: async ({ name, newName }) => {
      const { id: _id, ...source } = await service.profiles.get(name);
      const password = await service.secrets.get(_id, 'password');
      return view(await service.addProfile({ ...source, name: newName }, password ? { password } : {}));
    },
    removeProfile: async ({ name }) => {
      await service.removeProfile(name);
      return list();
    },
    useProfile: async ({ name }) => {
      await service.profiles.use(name);
      return list();
    },
    testConnection: async ({ profile, existing, password, operationId }) => {
      const stored = existing ? await service.profiles.get(existing) : null;
      caFiles.check(profile.caFile, stored?.caFile);
      const candidate = parseProfile({ ...profile, id: stored?.id ?? randomUUID() });
      // stored secrets only with the stored connection settings; otherwise only a typed password
      const id = stored && sameConnection(stored, candidate) ? stored.id : randomUUID();
      if (candidate.caFile) readExtraCa(candidate.caFile);
      allow(candidate);
      const secrets = new TypedPasswordSecrets(service.secrets, id, password);
      return operations.run(operationId, (signal) =>
        testConnection(
          createTransport({ ...candidate, id }, { ...service.transportContext, secrets }),
          signal,
        ),
      );
    },
    send: async ({ profile, draft, operationId }) => {
      const p = await service.profiles.get(profile);
      allow(p);
      const { attachments: tokens, ...rest } = draft;
      const files = tokens.map((t) => attachments.resolve(t));
      return operations.run(operationId, (signal) =>
        service.send(
          { ...rest, attachments: files.map((f) => ({ path: f.path, filename: f.name })) },
          p.name,
          { signal },
        ),
      );
    },
    chooseAttachments: async () => {
      const files = await hooks.choosePdfFiles();
      return files.length ? attachments.register(files) : [];
    },
    chooseCaFile: async () => {
      const file = await hooks.chooseCaFile();
      if (file) {
        readExtraCa(file); // refuses anything that is not a PEM certificate
        caFiles.grant(file);
      }
      return file;
    },
    addDroppedPaths: ({ paths }) => attachments.register(paths),
    releaseAttachments: ({ tokens }) => {
      attachments.release(tokens);
      return Promise.resolve(null);
    },
    oauthStatus: async ({ name }) => oauthView(await service.profiles.get(name)),
    signIn: async ({ name }) => {
      const p = await service.profiles.get(name);
      if (!service.oauth) return { available: false, status: null };
      allow(p);
      return { available: true, status: await service.oauth.signIn(p) };
    },
    cancelSignIn: async ({ name }) => {
      service.oauth?.cancelSignIn?.(await service.profiles.get(name));
      return null;
    },
    signOut: async ({ name }) => {
      const p = await service.profiles.get(name);
      if (!service.oauth) return { available: false, status: null };
      await service.oauth.signOut(p);
      return oauthView(p);
    },
    // one page of the Postausgang; `until` includes the day it names
    outboxPage: ({ state, since, until, search, before, limit }) =>
      service.outbox.page(
        {
          ...(state ? { state } : {}),
          ...(since ? { since: localMidnight(since) } : {}),
          ...(until ? { until: localMidnight(until, true) } : {}),
          ...(search?.trim() ? { search: search.trim() } : {}),
          ...(before !== undefined ? { before } : {}),
        },
        limit ?? IPC_LIMITS.outboxPage,
      ),
    outboxPrunePreview: ({ before }) => service.outbox.prunePreview(localMidnight(before)),
    // the six-year check is the core's: without force a recent day is refused with pruneTooRecent
    outboxPrune: ({ before, withJournal, force }) =>
      service.outbox.prune(localMidnight(before), {
        withJournal: Boolean(withJournal),
        force: Boolean(force),
      }),
    outboxShow: ({ id }) => service.outbox.show(id),
    outboxRetry: async ({ ids, resendUnknown }) => {
      const entries = await service.outbox.retry(ids, resendUnknown ? { resendUnknown } : {});
      if (entries.some((e) => e.state === 'queued')) batches.deliverQueued();
      return entries;
    },
    outboxOpen: async ({ id }) => {
      await hooks.openPath(await storedCopyPath(service, id));
      return null;
    },
    journalExport: async ({ language }) => {
      const t = createI18n(language).t;
      const file = await hooks.chooseSaveFile(t('batch:journalFileName', { date: today() }));
      if (!file) return null;
      const errorText = (e: JournalEntry) =>
        e.error
          ? t(`core:errors.${e.error.code}`, { ...e.error.params, response: e.error.response ?? '' })
          : '';
      // streamed in pieces: the journal may hold a million entries
      const out = await fs.open(file, 'w', 0o600);
      let entries = 0;
      try {
        let piece = journalCsvHeader((c) => t(`batch:fields.${c}`));
        for await (const e of service.journalEntries()) {
          entries++;
          piece += journalCsvLine(e, errorText, (state) => t(`batch:states.${state}`));
          if (piece.length >= 256 * 1024) {
            await out.write(piece);
            piece = '';
          }
        }
        await out.write(piece);
      } finally {
        await out.close();
      }
      return { file, entries };
    },
    chooseManifest: async () => {
      const file = await hooks.chooseManifestFile();
      return file ? manifests.register(file) : null;
    },
    batchCheck: async ({ manifest, profile }) => {
      const { rows, problems, references, recipients } = await service.checkBatch(
        manifests.resolve(manifest),
        profile,
      );
      return { rows, problems, references, recipients };
    },
    batchStart: async ({ manifest, profile, dryRun, redirectTo, resendUnknown }) => {
      const file = manifests.resolve(manifest);
      allow(await service.profiles.get(profile));
      return batches.start(file, {
        profile,
        ...(dryRun ? { dryRun } : {}),
        ...(redirectTo ? { redirectTo } : {}),
        ...(resendUnknown ? { resendUnknown } : {}),
      });
    },
    batchStatus: ({ runId, after }) => Promise.resolve(batches.status(runId, after)),
    batchCancel: ({ runId }) => {
      batches.cancel(runId);
      return Promise.resolve(null);
    },
    listMailTemplates: () => service.templates.list(),
    saveMailTemplate: ({ template, previousName }) => service.templates.save(template, previousName),
    removeMailTemplate: async ({ name }) => {
      await service.templates.remove(name);
      return service.templates.list();
    },
    setupLookup: ({ address }) => service.lookupProfile(address),
    batchCurrent: () => Promise.resolve(batches.current()),
    cancelOperation: ({ operationId }) => {
      operations.cancel(operationId);
      return Promise.resolve(null);
    },
    openGuide: async ({ guide }) => {
      await hooks.openPath(guideFile(guide));
      return null;
    },
  };

  const wrap = <M extends IpcMethod>(method: M): IpcHandler<M> => {
    const run = impl[method] as (req: IpcParsed<M>) => Promise<IpcResponses[M]>;
    return async (payload) => {
      try {
        return { ok: true, value: await run(parseRequest(method, payload)) };
      } catch (e) {
        return { ok: false, error: toMailError(diskFullOr(e, service.dataFolder)).toInfo() };
      }
    };
  };
  const handlers = {} as Record<IpcMethod, IpcHandler<IpcMethod>>;
  for (const m of Object.keys(requestSchemas) as IpcMethod[]) handlers[m] = wrap(m);
  return handlers as IpcHandlers;
}
