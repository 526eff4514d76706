// Builds the Electron-free core and the CLI to out/node (plain Node ESM) with the TypeScript compiler.
// Runs on `npm ci` (prepare) so `npx opos-mail` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(path.join(root, 'out/node'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.node.json')], {
  stdio: 'inherit',
  cwd: root,
});
