// The hand-off folder in the data folder: the PDFs (and `.eml` drafts) given to the mail program are
// copies here, because some programs read them only after the call returned. Each message gets its own
// sub-folder; sub-folders older than seven days are removed when the next hand-off starts.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const HANDOFF_FOLDER = 'handoff';
export const HANDOFF_KEEP_MS = 7 * 24 * 60 * 60_000;

export function handoffRoot(dataFolder: string): string {
  return path.join(dataFolder, HANDOFF_FOLDER);
}

/**
 * A file name the recipient sees, kept as it is where the system allows it: no folders, no control
 * characters, and on Windows none of its reserved characters.
 */
export function safeFileName(name: string, fallback: string, platform = process.platform): string {
  const reserved = platform === 'win32' ? /[\u0000-\u001f\u007f<>:"/\\|?*]/g : /[\u0000-\u001f\u007f/]/g;
  const cleaned = name
    .replace(reserved, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 180);
  return cleaned || fallback;
}

/** A new, private folder for one message's files. */
export async function newHandoffDir(dataFolder: string, label: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(
    handoffRoot(dataFolder),
    `${stamp}_${label.replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 40) || 'message'}_${randomUUID().slice(0, 8)}`,
  );
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Writes one file into the folder under its shown name (a second file of the same name gets a suffix). */
export async function writeHandoffFile(dir: string, name: string, content: Uint8Array): Promise<string> {
  const base = safeFileName(name, 'Anhang.pdf');
  const ext = path.extname(base);
  for (let i = 1; ; i++) {
    const file = path.join(dir, i === 1 ? base : `${base.slice(0, base.length - ext.length)} (${i})${ext}`);
    try {
      await fs.writeFile(file, content, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Removes hand-off folders older than seven days; returns how many went. Never fails a hand-off. */
export async function pruneHandoffs(dataFolder: string, now = Date.now()): Promise<number> {
  const root = handoffRoot(dataFolder);
  let removed = 0;
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    const dir = path.join(root, name);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat?.isDirectory() || now - stat.mtimeMs < HANDOFF_KEEP_MS) continue;
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}
