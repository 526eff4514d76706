// The one window of the app, with the hardened web preferences of Electron's security checklist.
import { BrowserWindow, dialog } from 'electron';
import { createI18n, languageFromLocale } from '../../shared/i18n/index.js';
import { uiResources } from '../../shared/i18n/ui-resources.js';
import { APP_ORIGIN } from './security.js';

export function createMainWindow(preloadFile: string, title: string, locale: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 900,
    minHeight: 620,
    title,
    show: false,
    backgroundColor: '#f3f3f3',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // no middle-click (auxclick) navigation into new windows
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !process.env.OPOS_MAIL_NO_DEVTOOLS ? process.env.NODE_ENV === 'development' : false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // the dialog refuses to unload while a profile has unsaved changes: ask before closing
  win.webContents.on('will-prevent-unload', (event) => {
    const t = createI18n(languageFromLocale(locale), uiResources).t;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: t('ui:guard.title'),
      message: t('ui:guard.closeText'),
      buttons: [t('ui:guard.close'), t('ui:guard.stay')],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault(); // preventDefault here means: unload anyway
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
