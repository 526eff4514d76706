// Opens a URL in the system browser without a shell: the BROWSER environment variable when set (a
// command split like a shell word list; `%s` is replaced by the URL, else the URL is the last
// argument), else the platform's opener (xdg-open, open, rundll32 url.dll on Windows — cmd's `start`
// would re-parse `&` in the URL).
import { spawn } from 'node:child_process';
import type { BrowserOpener } from './oauth-controller.js';

/** Splits a command line into words: whitespace separates, '…' and "…" quote, \ escapes. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The command and arguments that open `url`. */
export function browserCommand(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } {
  const custom = env.BROWSER?.trim();
  if (custom) {
    const [command, ...rest] = splitCommandLine(custom);
    if (command) {
      const hasPlaceholder = rest.some((w) => w.includes('%s'));
      return {
        command,
        args: hasPlaceholder ? rest.map((w) => w.split('%s').join(url)) : [...rest, url],
      };
    }
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** The opener the CLI uses. Resolves once the command was started; rejects when it cannot start. */
export function systemBrowserOpener(env: NodeJS.ProcessEnv = process.env): BrowserOpener {
  return (url: string) =>
    new Promise<void>((resolve, reject) => {
      if (!/^https?:\/\//i.test(url)) return reject(new Error('not a web address'));
      const { command, args } = browserCommand(url, env);
      const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false, env });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}
