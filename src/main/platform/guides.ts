// Where a guide lies: docs/<file> in the app's resources (packaged), or the project's docs/ (CLI, tests).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GUIDE_FILES, type Guide } from '../../shared/guides.js';

export function guideFile(guide: Guide): string {
  const name = GUIDE_FILES[guide];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates: string[] = resourcesPath ? [path.join(resourcesPath, 'docs', name)] : [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'docs', name));
    dir = path.dirname(dir);
  }
  return candidates.find((f) => existsSync(f)) ?? candidates[0]!;
}
