// A settings file of the data folder (profiles.json, templates.json): read as a whole, changed only
// under its lock file (so the app and CLI processes never lose each other's change), written atomically
// (temp file, fsync, rename), and the temp files of a write a crash interrupted removed first.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeLeftoverTemps, writeFileAtomic } from './atomic-write.js';
import { withFileLock } from './file-lock.js';

export class JsonSettingsFile<T> {
  constructor(
    readonly file: string,
    /** Parses and checks the file's text (throws the store's own MailError when it is damaged). */
    private readonly parse: (text: string) => T,
    /** The content of a data folder that has no such file yet. */
    private readonly fresh: () => T,
  ) {}

  /** The file's content; null while there is no file. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return this.parse(text);
  }

  /** Applies `change` to the current content (or the fresh one) under the lock and writes the result. */
  async mutate(change: (current: T) => T | void): Promise<T> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    return withFileLock(`${this.file}.lock`, async () => {
      await removeLeftoverTemps(this.file);
      const current = (await this.read()) ?? this.fresh();
      const next = change(current) ?? current;
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
      return next;
    });
  }
}
