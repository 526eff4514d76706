#!/usr/bin/env node
// Entry of the `opos-mail` command: runs the compiled CLI (built by `npm ci` / `npm run build:node`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../out/node/cli/index.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write(
    'opos-mail is not built yet. Run "npm ci" (or "npm run build:node") in the project folder.\n',
  );
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
