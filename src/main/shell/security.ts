// Electron's security checklist, in one place: strict CSP on every response of the app's own protocol,
// no navigation, no new windows, no webviews, every permission request denied, and IPC answered only
// for the main frame of our own window showing our own origin.
import { app, session, type IpcMainInvokeEvent, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'opos-mail';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer needs nothing from outside: no remote scripts, styles, fonts, frames or connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export function hardenSessions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  // the page never talks to the network: refuse anything that is not our own protocol or devtools
  s.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !ok });
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

/** True only for the main frame of the given window, showing a page of our own origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window) return false;
  if (frame !== window.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}
