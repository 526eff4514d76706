// The one typed IPC contract of the desktop app: channel names, request and response types. Used by
// the main process (src/main/ipc, src/main/shell), the preload (which exposes exactly these methods
// and nothing generic) and the renderer. Payload schemas are in ./schemas.ts. Nothing here imports zod
// at run time, so the preload bundle stays small.
import type { ErrorInfo } from '../errors.js';
import type { Language } from '../i18n/types.js';
import type { ConnectionReport, SendResult } from '../mail.js';
import type { SignInStatus } from '../oauth.js';
import type { Profile } from '../profile.js';
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
} as const satisfies Record<IpcMethod, `opos:${string}`>;

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
};

export const API_GLOBAL = 'oposMail';
