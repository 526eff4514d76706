// The system the dialog runs on, in `process.platform` names (kinds that work only on Windows are shown
// disabled elsewhere). The window's own navigator says it; no IPC needed.
import type { Platform } from '../shared/connection-kinds.js';

export function appPlatform(): Platform {
  const p = (navigator.platform || navigator.userAgent).toLowerCase();
  if (p.startsWith('win')) return 'win32';
  if (p.startsWith('mac')) return 'darwin';
  return 'linux';
}
