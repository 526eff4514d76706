// Serves the built renderer (out/renderer) from the app's own privileged scheme `app://opos-mail/`,
// with the CSP header on every response. Paths are resolved inside the renderer folder only.
import { protocol } from 'electron';
import { promises as fs } from 'node:fs';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentTypeOf, resolveAppFile } from './trust.js';

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
