// The preload (sandboxed, context-isolated): exposes exactly the methods of the typed IPC contract as
// `window.oposMail`, each bound to its one channel, and the contract's events as `onOutboxChanged`
// subscriptions (payload only). No generic invoke or listen, no ipcRenderer, no Node objects.
// Dropped files: Electron tells the preload the on-disk path of a File the user dropped
// (webUtils.getPathForFile returns '' for files made up in page script); the main process then checks
// that the path is a readable PDF before it hands back a token.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL, IPC_CHANNELS, IPC_EVENTS, type OposMailApi } from '../shared/ipc/contract.js';
import type { OutboxChange } from '../shared/outbox.js';

const call =
  (channel: string) =>
  (request: unknown): Promise<never> =>
    ipcRenderer.invoke(channel, request) as Promise<never>;

const api: OposMailApi = {
  appInfo: call(IPC_CHANNELS.appInfo),
  listProfiles: call(IPC_CHANNELS.listProfiles),
  createProfile: call(IPC_CHANNELS.createProfile),
  updateProfile: call(IPC_CHANNELS.updateProfile),
  duplicateProfile: call(IPC_CHANNELS.duplicateProfile),
  removeProfile: call(IPC_CHANNELS.removeProfile),
  useProfile: call(IPC_CHANNELS.useProfile),
  testConnection: call(IPC_CHANNELS.testConnection),
  send: call(IPC_CHANNELS.send),
  chooseAttachments: call(IPC_CHANNELS.chooseAttachments),
  chooseCaFile: call(IPC_CHANNELS.chooseCaFile),
  releaseAttachments: call(IPC_CHANNELS.releaseAttachments),
  oauthStatus: call(IPC_CHANNELS.oauthStatus),
  signIn: call(IPC_CHANNELS.signIn),
  signOut: call(IPC_CHANNELS.signOut),
  cancelSignIn: call(IPC_CHANNELS.cancelSignIn),
  outboxPage: call(IPC_CHANNELS.outboxPage),
  outboxPrunePreview: call(IPC_CHANNELS.outboxPrunePreview),
  outboxPrune: call(IPC_CHANNELS.outboxPrune),
  outboxShow: call(IPC_CHANNELS.outboxShow),
  outboxRetry: call(IPC_CHANNELS.outboxRetry),
  outboxOpen: call(IPC_CHANNELS.outboxOpen),
  journalExport: call(IPC_CHANNELS.journalExport),
  chooseManifest: call(IPC_CHANNELS.chooseManifest),
  batchCheck: call(IPC_CHANNELS.batchCheck),
  batchStart: call(IPC_CHANNELS.batchStart),
  batchStatus: call(IPC_CHANNELS.batchStatus),
  batchCancel: call(IPC_CHANNELS.batchCancel),
  listMailTemplates: call(IPC_CHANNELS.listMailTemplates),
  saveMailTemplate: call(IPC_CHANNELS.saveMailTemplate),
  removeMailTemplate: call(IPC_CHANNELS.removeMailTemplate),
  setupLookup: call(IPC_CHANNELS.setupLookup),
  batchCurrent: call(IPC_CHANNELS.batchCurrent),
  cancelOperation: call(IPC_CHANNELS.cancelOperation),
  openGuide: call(IPC_CHANNELS.openGuide),
  addDroppedFiles: (files: File[]) => {
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
    return ipcRenderer.invoke(IPC_CHANNELS.addDroppedPaths, { paths }) as Promise<never>;
  },
  // the page gets the event's payload only, never Electron's event object (it holds the sender)
  onOutboxChanged: (listener) => {
    const forward = (_event: unknown, change: OutboxChange) => listener(change);
    ipcRenderer.on(IPC_EVENTS.outboxChanged, forward);
    return () => void ipcRenderer.removeListener(IPC_EVENTS.outboxChanged, forward);
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
