// A full disk (or an exhausted quota), named as such wherever a write fails: the code `diskFull`
// ("Datenträger voll") with the folder, instead of "An unexpected error occurred: ENOSPC".
import path from 'node:path';
import { MailError } from './mail-error.js';

// ENOSPC/EDQUOT from the file system; SQLITE_FULL from the outbox database (its WAL or file could not grow)
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** True when `e` (or one of its causes) is a write refused for lack of space. */
export function isDiskFull(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const c = cur as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && DISK_FULL.has(c.code)) return true;
    if (c.code === 'diskFull') return true;
    cur = c.cause;
  }
  return false;
}

/** `e` as `diskFull` in `folder` when it is one, otherwise unchanged. */
export function diskFullOr(e: unknown, folder: string): unknown {
  // already named, but where the failed write named no file (e.g. in the render worker)
  if (e instanceof MailError && e.code === 'diskFull' && !e.params.folder)
    return new MailError('diskFull', { folder }, { cause: e.cause ?? e });
  if (e instanceof MailError || !isDiskFull(e)) return e;
  return new MailError('diskFull', { folder }, { cause: e });
}

/** The folder a failed write names (its path's folder), for errors classified without context. */
export function folderOf(e: unknown): string {
  const p = (e as { path?: unknown; dest?: unknown }).path ?? (e as { dest?: unknown }).dest;
  return typeof p === 'string' ? path.dirname(p) : '';
}
