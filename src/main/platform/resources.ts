// Files shipped with the app (electron-builder's extraResources: `process.resourcesPath/<name>`), found
// in the project's `resources/` folder when the core runs from the checkout (CLI, tests).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function resourceFile(name: string): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates: string[] = resourcesPath ? [path.join(resourcesPath, name)] : [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, 'resources', name));
    dir = path.dirname(dir);
  }
  return candidates.find((f) => existsSync(f)) ?? candidates[0]!;
}
