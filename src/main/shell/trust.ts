// The pure parts of the shell's security (no Electron import, so unit tests check them under Node):
// the app's origin and CSP, which files the app protocol may serve, and which IPC senders are trusted.
import path from 'node:path';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The Content-Type a renderer file is served with. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** The file a request URL maps to, or null when it is not ours or would leave the renderer folder. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + rel);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The little of Electron's IpcMainInvokeEvent / WebContents / WebFrameMain the check needs. */
export interface FrameLike {
  url: string;
}
export interface SenderLike {
  mainFrame: FrameLike;
}
export interface InvokeEventLike {
  sender: SenderLike;
  senderFrame: FrameLike | null;
}

/** True only for the main frame of our window, showing a page of our own origin. */
export function isTrustedSender(event: InvokeEventLike, window: SenderLike | undefined): boolean {
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window) return false;
  if (frame !== window.mainFrame) return false;
  try {
    // compare scheme and host: Node's URL gives custom schemes an opaque ("null") origin
    const u = new URL(frame.url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
