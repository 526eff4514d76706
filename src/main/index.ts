// The Electron main process: the only place (with src/main/shell and src/preload) that knows Electron.
// It wires the Electron-free core (MailService) and IPC handlers (src/main/ipc) to one hardened window.
import { app, BrowserWindow, dialog, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthorizationUrlGuard } from './ipc/authorization-guard.js';
import { createIpcHandlers } from './ipc/handlers.js';
import { PRODUCT_NAME, resolveDataFolder } from './platform/data-folder.js';
import { MailService } from './service/mail-service.js';
import { registerIpc } from './shell/ipc.js';
import { forwardOutboxChanges } from './shell/outbox-events.js';
import { installMenu } from './shell/menu.js';
import { registerAppScheme, serveRenderer } from './shell/protocol.js';
import { denyNavigationAndWindows, hardenSessions } from './shell/security.js';
import { createMainWindow } from './shell/window.js';
import { attachOAuth } from './shell/oauth.js';
import { utilityProcessLauncher } from './shell/utility-launcher.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadFile = path.join(here, '../preload/index.cjs');

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  registerAppScheme();
  denyNavigationAndWindows();

  void app.whenReady().then(() => {
    hardenSessions();
    serveRenderer(rendererDir);
    installMenu(PRODUCT_NAME);

    // the same data folder as the CLI (OPOS_MAIL_HOME wins), so both share profiles
    const service = new MailService({
      dataFolder: resolveDataFolder(),
      // the fuses forbid ELECTRON_RUN_AS_NODE: the Simple MAPI helper runs as a utility process
      handoffHelpers: {
        launchNodeScript: utilityProcessLauncher,
        mapiChildScript: path.join(here, 'mapi-child.js'),
      },
    });
    const guard = new AuthorizationUrlGuard();
    attachOAuth(
      service,
      guard.wrap((url) => shell.openExternal(url)),
      app.getLocale(),
    );

    const handlers = createIpcHandlers(service, {
      version: app.getVersion(),
      locale: app.getLocale(),
      allowAuthorizationFor: (p) => guard.allowFor(p),
      async choosePdfFiles() {
        const options = {
          properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      async chooseCaFile() {
        const options = {
          properties: ['openFile'] as Array<'openFile'>,
          filters: [{ name: 'PEM', extensions: ['pem', 'crt', 'cer'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseManifestFile() {
        const options = {
          properties: ['openFile'] as Array<'openFile'>,
          filters: [{ name: 'CSV / JSON', extensions: ['csv', 'json', 'txt'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseSaveFile(defaultName) {
        const options = {
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: [{ name: 'CSV', extensions: ['csv'] }],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      // the handler passes only paths it checked to be a .eml inside the data folder's outbox
      async openPath(file) {
        const problem = await shell.openPath(file);
        if (problem) throw new Error(problem);
      },
    });
    registerIpc(handlers, () => mainWindow?.webContents);
    // the Postausgang updates from change notifications, also for other processes' changes
    forwardOutboxChanges(service, () => mainWindow?.webContents).catch((e: unknown) =>
      console.error('outbox change notifications unavailable:', e),
    );

    mainWindow = createMainWindow(preloadFile, PRODUCT_NAME, app.getLocale());
    mainWindow.on('closed', () => (mainWindow = undefined));
  });

  app.on('window-all-closed', () => app.quit());
}
