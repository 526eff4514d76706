// The one typed IPC contract of the desktop app: channel names, request and response types. Used by
// the main process (src/main/ipc, src/main/shell), the preload (which exposes exactly these methods
// and nothing generic) and the renderer. Payload schemas are in ./schemas.ts. Nothing here imports zod
// at run time, so the preload bundle stays small.
import type { LookupResult } from '../autoconfig.js';
import type { BatchLine, BatchSummary, RowProblem } from '../batch.js';
import type { ErrorInfo } from '../errors.js';
import type { Language } from '../i18n/types.js';
import type { ConnectionReport, SendResult } from '../mail.js';
import type { MailTemplate } from '../mail-templates.js';
import type { SignInStatus } from '../oauth.js';
import type { OutboxChange, OutboxEntry, OutboxPage, PrunePreview } from '../outbox.js';
import type { OAuthProvider, Profile } from '../profile.js';
import type { IpcMethod, IpcRequest } from './schemas.js';

export type { IpcMethod, IpcRequest, IpcParsed, SendDraft } from './schemas.js';

/** Method → channel. The preload maps each method to exactly one `ipcRenderer.invoke(channel)`. */
export const IPC_CHANNELS = {
  appInfo: 'opos:app.info',
  listProfiles: 'opos:profiles.list',
  createProfile: 'opos:profiles.create',
  updateProfile: 'opos:profiles.update',
  duplicateProfile: 'opos:profiles.duplicate',
  removeProfile: 'opos:profiles.remove',
  useProfile: 'opos:profiles.use',
  testConnection: 'opos:connection.test',
  send: 'opos:mail.send',
  chooseAttachments: 'opos:attachments.choose',
  chooseCaFile: 'opos:profiles.choose-ca-file',
  addDroppedPaths: 'opos:attachments.add-dropped',
  releaseAttachments: 'opos:attachments.release',
  oauthStatus: 'opos:oauth.status',
  signIn: 'opos:oauth.sign-in',
  signOut: 'opos:oauth.sign-out',
  cancelSignIn: 'opos:oauth.cancel-sign-in',
  outboxPage: 'opos:outbox.page',
  outboxPrunePreview: 'opos:outbox.prune-preview',
  outboxPrune: 'opos:outbox.prune',
  outboxShow: 'opos:outbox.show',
  outboxRetry: 'opos:outbox.retry',
  outboxOpen: 'opos:outbox.open',
  journalExport: 'opos:journal.export',
  chooseManifest: 'opos:batch.choose-manifest',
  batchCheck: 'opos:batch.check',
  batchStart: 'opos:batch.start',
  batchStatus: 'opos:batch.status',
  batchCancel: 'opos:batch.cancel',
  // e-mail templates (Vorlagen)
  listMailTemplates: 'opos:mail-templates.list',
  saveMailTemplate: 'opos:mail-templates.save',
  removeMailTemplate: 'opos:mail-templates.remove',
  setupLookup: 'opos:setup.lookup',
  batchCurrent: 'opos:batch.current',
  cancelOperation: 'opos:operation.cancel',
  // issue 13: a guide shipped with the app (e.g. the OAuth app registration), opened by name
  openGuide: 'opos:guide.open',
} as const satisfies Record<IpcMethod, `opos:${string}`>;

/** Events the main process pushes to the window (each one a channel of its own), and their payloads. */
export interface IpcEvents {
  /** The outbox changed (by this app or another process on the data folder): re-query what is shown. */
  outboxChanged: OutboxChange;
}
export type IpcEvent = keyof IpcEvents;
export const IPC_EVENTS = {
  outboxChanged: 'opos:outbox.changed',
} as const satisfies Record<IpcEvent, `opos:${string}`>;

/** A profile as the renderer sees it: never a secret, only whether a password is stored. */
export type ProfileView = Profile & { hasPassword: boolean };

export interface ProfileList {
  profiles: ProfileView[];
  active: string;
}

/** An attachment the main process registered after the user chose or dropped it. */
export interface AttachmentHandle {
  token: string;
  name: string;
  /** Size on disk in bytes. */
  size: number;
}

export interface OAuthView {
  /** False when this build has no OAuth sign-in (the button explains it). */
  available: boolean;
  status: SignInStatus | null;
}

export interface AppInfo {
  version: string;
  /** The system's language, the dialog's default. */
  language: Language;
  oauthAvailable: boolean;
  /** Providers this build has a built-in application for (else an own application ID is needed). */
  oauthBuiltIn: Record<OAuthProvider, boolean>;
}

/** A manifest the user chose in the main process's open dialog (the renderer never sees its path). */
export interface ManifestHandle {
  token: string;
  name: string;
  size: number;
}

/** The pre-check of a manifest: how many rows, and every problem with its 1-based data row. */
export interface BatchCheckView {
  rows: number;
  problems: RowProblem[];
  /** Row → reference, for rows that have one. */
  references: Record<number, string>;
  /** Recipients (to, cc, bcc) over every row. */
  recipients: number;
}

export type BatchRunState = 'running' | 'finished' | 'stopped' | 'failed';

/** A batch run as the renderer polls it (batchStatus). */
export interface BatchRunView {
  runId: string;
  state: BatchRunState;
  /** True once cancel was asked for and the message in flight is being finished. */
  cancelling: boolean;
  dryRun: boolean;
  /** Rows that passed the pre-check (known once the run started). */
  total: number;
  summary: BatchSummary;
  /** The row of the last outcome, null before the first. */
  lastRow: number | null;
  /** Outcomes from index `after` on (all when `after` was left out). */
  lines: BatchLine[];
  /** Number of outcomes so far (pass it as `after` next time). */
  lineCount: number;
  /** Problems of the pre-check when the run refused to start. */
  problems: RowProblem[];
  /** Why the run ended early (interrupted, authentication, daily limit …) or failed. */
  error?: ErrorInfo;
}

/** Where the journal was saved, or null when the save dialog was cancelled. */
export interface JournalExportResult {
  file: string;
  entries: number;
}

export interface IpcResponses {
  appInfo: AppInfo;
  listProfiles: ProfileList;
  createProfile: ProfileView;
  updateProfile: ProfileView;
  duplicateProfile: ProfileView;
  removeProfile: ProfileList;
  useProfile: ProfileList;
  testConnection: ConnectionReport;
  send: SendResult;
  chooseAttachments: AttachmentHandle[];
  /** The chosen certificate file's path (checked to hold a PEM certificate), null when cancelled. */
  chooseCaFile: string | null;
  addDroppedPaths: AttachmentHandle[];
  releaseAttachments: null;
  oauthStatus: OAuthView;
  signIn: OAuthView;
  signOut: OAuthView;
  cancelSignIn: null;
  outboxPage: OutboxPage;
  outboxPrunePreview: PrunePreview;
  /** What was deleted: stored copies and journal rows. */
  outboxPrune: { files: number; rows: number };
  outboxShow: OutboxEntry;
  outboxRetry: OutboxEntry[];
  outboxOpen: null;
  journalExport: JournalExportResult | null;
  chooseManifest: ManifestHandle | null;
  batchCheck: BatchCheckView;
  batchStart: { runId: string };
  batchStatus: BatchRunView;
  batchCancel: null;
  listMailTemplates: MailTemplate[];
  /** The saved template (normalised: name trimmed, defaults filled in). */
  saveMailTemplate: MailTemplate;
  removeMailTemplate: MailTemplate[];
  /** A new profile from an e-mail address: the proposal, each setting's source, alternatives, steps. */
  setupLookup: LookupResult;
  /** The running run (or, when none runs, the last one) with all its outcomes; null when there was none. */
  batchCurrent: BatchRunView | null;
  cancelOperation: null;
  openGuide: null;
}

/** Errors never travel as exceptions (Electron would flatten them): every answer is one of these. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

type PublicMethod = Exclude<IpcMethod, 'addDroppedPaths'>;

/** What `window.oposMail` offers the renderer (the preload in Electron, the test host in the browser). */
export type OposMailApi = {
  [M in PublicMethod]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponses[M]>>;
} & {
  /** Files dropped on the dialog; only PDFs the user really dropped from disk can be registered. */
  addDroppedFiles(files: File[]): Promise<IpcResult<AttachmentHandle[]>>;
  /** Calls `listener` on every IPC_EVENTS.outboxChanged; returns the function that stops it. */
  onOutboxChanged(listener: (change: OutboxChange) => void): () => void;
};

export const API_GLOBAL = 'oposMail';
