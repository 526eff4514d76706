// Electron's security checklist, in one place: no navigation, no new windows, no webviews, every
// permission request denied, no network requests but our own protocol. The pure checks (CSP, sender
// frames, file mapping) are in ./trust.ts.
import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from './trust.js';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedSender } from './trust.js';

export function hardenSessions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  // the page never talks to the network: refuse anything that is not our own protocol
  s.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(`${APP_ORIGIN}/`) });
  });
}

export function denyNavigationAndWindows(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
