// Finding the desktop's default program for a MIME type or URL scheme the way xdg-utils does on Linux:
// `xdg-mime query default …` names a desktop entry, which lives in $XDG_DATA_HOME/applications or one of
// $XDG_DATA_DIRS/applications; its Exec line is the program's command (Desktop Entry Specification).
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DesktopEntry {
  /** e.g. `thunderbird.desktop` */
  id: string;
  name: string;
  /** The command without its field codes (%u, %F …), as argv. */
  command: string[];
  file: string;
}

/** Runs a command (argv only) and gives its standard output; null when it fails or is missing. */
export function outputOf(cmd: string, args: string[], timeoutMs = 5000): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, windowsHide: true }, (err, stdout) =>
      resolve(err ? null : String(stdout)),
    );
  });
}

/** Splits an Exec value into argv (quoting and escapes of the Desktop Entry Specification). */
export function splitExec(exec: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let started = false;
  for (let i = 0; i < exec.length; i++) {
    const c = exec[i]!;
    if (inQuote) {
      if (c === '\\' && i + 1 < exec.length) cur += exec[++i];
      else if (c === '"') inQuote = false;
      else cur += c;
    } else if (c === '"') {
      inQuote = true;
      started = true;
    } else if (c === ' ' || c === '\t') {
      if (started) out.push(cur);
      cur = '';
      started = false;
    } else {
      cur += c;
      started = true;
    }
  }
  if (started) out.push(cur);
  // field codes stand for what the launcher passes: we pass our own arguments instead; %% is a percent
  return out.filter((a) => !/^%[a-zA-Z]$/.test(a)).map((a) => a.replace(/%%/g, '%'));
}

/** The [Desktop Entry] group's Name and Exec. */
export function parseDesktopEntry(text: string): { name: string; exec: string } | null {
  let inGroup = false;
  let name = '';
  let exec = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inGroup = line === '[Desktop Entry]';
      continue;
    }
    if (!inGroup) continue;
    const m = /^(Name|Exec)\s*=\s*(.*)$/.exec(line);
    if (m?.[1] === 'Name' && !name) name = m[2]!;
    if (m?.[1] === 'Exec' && !exec) exec = m[2]!;
  }
  return exec ? { name, exec } : null;
}

function dataDirs(env: NodeJS.ProcessEnv): string[] {
  const home = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  const dirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [home, ...dirs];
}

export async function findDesktopEntry(id: string, env = process.env): Promise<DesktopEntry | null> {
  if (!/^[\w.+-]+\.desktop$/.test(id)) return null;
  // "vendor-app.desktop" may also live as applications/vendor/app.desktop
  const relatives = [id, id.replace(/-/, '/')];
  for (const dir of dataDirs(env))
    for (const rel of relatives) {
      const file = path.join(dir, 'applications', rel);
      const text = await fs.readFile(file, 'utf8').catch(() => null);
      const parsed = text ? parseDesktopEntry(text) : null;
      if (parsed) return { id, name: parsed.name || id, command: splitExec(parsed.exec), file };
    }
  return null;
}

/** The desktop entry of the default program for a MIME type such as `x-scheme-handler/mailto`. */
export async function defaultEntryFor(
  mimeType: string,
): Promise<{ id: string; entry: DesktopEntry | null } | null> {
  const out = await outputOf('xdg-mime', ['query', 'default', mimeType]);
  const id = out?.trim().split(/\s+/)[0];
  if (!id) return null;
  return { id, entry: await findDesktopEntry(id) };
}
