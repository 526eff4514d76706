// Looks into the real (isolated) Secret Service with `secret-tool`, independently of the product's code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The keychain service name the product uses for a data folder (re-derived here on purpose). */
export function serviceFor(home: string): string {
  return `OPOS Mail/${createHash('sha256').update(path.resolve(home)).digest('hex').slice(0, 16)}`;
}

/** The secret stored for (data folder, profile id, kind), or null. */
export function lookupSecret(home: string, profileId: string, kind = 'password'): string | null {
  try {
    return execFileSync(
      'secret-tool',
      ['lookup', 'service', serviceFor(home), 'username', `${profileId}/${kind}`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    return null; // secret-tool exits 1 when nothing matches
  }
}

/** Every file below `dir` whose bytes contain `needle` (UTF-8 or UTF-16LE). */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const utf8 = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const data = readFileSync(p);
        if (data.includes(utf8) || data.includes(utf16)) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}
