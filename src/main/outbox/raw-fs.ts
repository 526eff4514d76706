// The few file operations on the outbox's hot path, on Node's callback API (promisified): a batch does
// them for every message, and they cost the main thread less than FileHandle objects do.
import fs from 'node:fs';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const write = promisify(fs.write);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);

/** Creates `file` (must not exist), writes `data` completely and fsyncs it. */
export async function writeNewFileSynced(file: string, data: string): Promise<void> {
  const fd = await open(file, 'wx', 0o600);
  try {
    let rest = Buffer.from(data, 'utf8');
    while (rest.length) {
      const { bytesWritten } = await write(fd, rest, 0, rest.length, null);
      rest = rest.subarray(bytesWritten);
    }
    await fsync(fd);
  } finally {
    await close(fd);
  }
}

/** fsync of a folder: makes a new entry or a rename in it durable (not on Windows). */
export async function fsyncDir(dir: string): Promise<void> {
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
