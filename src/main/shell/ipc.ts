// Registers the contract's handlers with ipcMain; each call is answered only when it comes from the
// main frame of our window showing our own origin (sender-frame validation).
import { ipcMain, type WebContents } from 'electron';
import { IPC_CHANNELS, type IpcMethod } from '../../shared/ipc/contract.js';
import { MailError } from '../errors/mail-error.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import { isTrustedSender } from './security.js';

export function registerIpc(handlers: IpcHandlers, window: () => WebContents | undefined): void {
  for (const method of Object.keys(IPC_CHANNELS) as IpcMethod[]) {
    const handler = handlers[method];
    ipcMain.handle(IPC_CHANNELS[method], async (event, payload: unknown) => {
      if (!isTrustedSender(event, window()))
        return { ok: false, error: new MailError('invalidOption', { detail: 'untrusted sender' }).toInfo() };
      return handler(payload);
    });
  }
}
