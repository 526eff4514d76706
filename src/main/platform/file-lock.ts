// An exclusive lock file (created with O_EXCL) that records its holder as `pid@host`, so the desktop
// app and concurrent CLI runs never lose each other's changes, and a lock left behind by a crashed
// process on this machine is taken over at once (its process is gone) instead of blocking every
// change. A lock of another machine (a shared folder) or one whose holder cannot be read is taken
// over only once it is older than 30 s; a lock file that cannot be completed (disk full) is removed.
import { promises as fs } from 'node:fs';
import os from 'node:os';

const STALE_MS = 30_000;
const WAIT_MS = 10_000;
/** A live holder writes its name right after creating the file: an empty one older than this is dead. */
const EMPTY_GRACE_MS = 2_000;

function holderName(): string {
  return `${process.pid}@${os.hostname()}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

/** True when the lock's holder is certainly gone (or the lock is too old to be trusted). */
async function holderDead(lockFile: string): Promise<boolean> {
  const stat = await fs.stat(lockFile).catch(() => null);
  if (!stat) return false; // gone already: simply try again
  const age = Date.now() - stat.mtimeMs;
  if (age > STALE_MS) return true;
  const text = (await fs.readFile(lockFile, 'utf8').catch(() => '')).trim();
  if (!text) return age > EMPTY_GRACE_MS;
  const m = /^(\d+)(?:@(.*))?$/.exec(text);
  if (!m) return false;
  const sameHost = m[2] === undefined || m[2] === os.hostname();
  return sameHost && !processAlive(Number(m[1]));
}

/** Runs `fn` while holding the lock file. */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(lockFile, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (await holderDead(lockFile)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockFile}`, { cause: e });
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
      continue;
    }
    try {
      await handle.writeFile(holderName());
      await handle.close();
    } catch (e) {
      await handle.close().catch(() => undefined);
      await fs.rm(lockFile, { force: true }); // never leave an empty lock behind (disk full)
      throw e;
    }
    break;
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
