// Durable writes, the one mechanism for profiles, token caches and the outbox: readers see either the
// old or the new content, never a torn one, and a finished write survives a crash or power loss.
// On Node's callback API: the outbox does this for every message, and FileHandle objects cost the
// main thread more.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const write = promisify(fs.write);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);
const rename = promisify(fs.rename);
const unlink = promisify(fs.unlink);
const mkdir = promisify(fs.mkdir);

/** Writes all of `data` at the descriptor's position (a write may take only part of it). */
export async function writeAll(fd: number, data: Uint8Array): Promise<void> {
  let rest = data;
  while (rest.length) {
    const { bytesWritten } = await write(fd, rest, 0, rest.length, null);
    rest = rest.subarray(bytesWritten);
  }
}

/** Creates `file` (it must not exist), writes `data` completely and fsyncs it. */
export async function writeNewFileSynced(
  file: string,
  data: string | Uint8Array,
  mode = 0o600,
): Promise<void> {
  let fd: number;
  try {
    fd = await open(file, 'wx', mode);
  } catch (e) {
    // the folder is made only when missing: no extra system call on the hot path
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    fd = await open(file, 'wx', mode);
  }
  try {
    await writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await fsync(fd);
  } finally {
    await close(fd);
  }
}

/** fsync of a folder: makes a new entry or a rename in it durable (not on Windows). */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = await open(dir, 'r');
    await fsync(fd);
  } catch {
    // some file systems refuse fsync on directories; the rename itself is still atomic
  } finally {
    if (fd !== undefined) await close(fd).catch(() => undefined);
  }
}

export interface AtomicWriteOptions {
  mode?: number;
  /** How the folder is made durable after the rename; the outbox group-commits these. */
  syncDir?: (dir: string) => Promise<void>;
}

function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

/**
 * Removes temp files of `file` that a crashed writer left behind. Only while holding the lock that
 * every writer of `file` holds, so no temp file of a write in progress is touched.
 */
export async function removeLeftoverTemps(file: string): Promise<void> {
  const prefix = tempPrefix(file);
  const names = await promisify(fs.readdir)(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names)
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
      await unlink(path.join(path.dirname(file), name)).catch(() => undefined);
}

/** Temp file in the same folder, fsync, rename over `file`, fsync of the folder. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `${tempPrefix(file)}${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFileSynced(tmp, data, options.mode);
  } catch (e) {
    await unlink(tmp).catch(() => undefined); // a half-written temp file (disk full) does not stay
    throw e;
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await (options.syncDir ?? syncDir)(dir);
}
