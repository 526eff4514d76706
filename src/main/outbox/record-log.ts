// The record log of the version before the database: every state change of a message was one JSON line
// appended to a process's own file in <outbox>/log; for each message the line with the highest
// revision was the truth, and a line torn by a crash was never acknowledged. Only read now, once, by
// the migration into the database (db/legacy-import.ts).
import fs from 'node:fs';

/** Every parsable line of one log file, in order (a torn or damaged line is skipped). */
export async function readLogLines<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // torn by a crash before it was acknowledged
    }
  }
  return out;
}
