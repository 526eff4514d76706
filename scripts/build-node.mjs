// Builds the Electron-free core and the CLI to out/node (plain Node ESM) with the TypeScript compiler.
// Runs on `npm ci` (prepare) so `npx opos-mail` works on a fresh clone. Files are overwritten in
// place (no wipe first) so a build never pulls the CLI away from a test that is running it.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.node.json')], {
  stdio: 'inherit',
  cwd: root,
});
