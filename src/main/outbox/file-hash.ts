import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';

/** SHA-256 (hex) of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hashes files once per run even when many rows attach the same one (keyed by path, size and mtime). */
export class FileHashCache {
  private readonly cache = new Map<string, Promise<string>>();

  async get(file: string): Promise<string> {
    const st = await fs.stat(file);
    const key = `${file}\0${st.size}\0${st.mtimeMs}`;
    let p = this.cache.get(key);
    if (!p) {
      p = sha256File(file);
      this.cache.set(key, p);
    }
    return p;
  }
}
