// A private folder of the data folder, made when first needed; a folder that cannot be made (a file in
// its place, no permission, a read-only disk) is the user's error to fix, said with the folder's path.
import { promises as fs } from 'node:fs';
import { MailError } from '../errors/mail-error.js';

export async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new MailError('folderUnwritable', { folder, detail: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}
