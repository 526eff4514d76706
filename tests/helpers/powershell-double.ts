// A TEST DOUBLE of powershell.exe (neither Windows PowerShell nor pwsh can be installed here): a shell
// script that reads its stdin and prints one answer line as outlook-handoff.ps1 would.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

/** The path of a stand-in that answers every run with `OPOS-OUTLOOK-RESULT <answer as JSON>`. */
export function powershellAnswering(answer: object): string {
  const dir = tempDir('opos-pwsh-double-');
  const exe = path.join(dir, 'powershell-double');
  const line = `OPOS-OUTLOOK-RESULT ${JSON.stringify(answer)}`;
  writeFileSync(
    exe,
    `#!/bin/sh\n# TEST DOUBLE of powershell.exe\ncat > /dev/null\nprintf '%s\\n' '${line.replace(/'/g, `'\\''`)}'\n`,
  );
  chmodSync(exe, 0o755);
  return exe;
}
