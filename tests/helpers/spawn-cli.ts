// Starts `opos-mail` as a child process the test can signal (SIGINT, SIGKILL) while it runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli.js';
import { deferCleanup, endProcess } from './temp.js';

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

export function spawnCli(args: string[], home: string, env: NodeJS.ProcessEnv = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      LANG: 'de_DE.UTF-8',
      OPOS_MAIL_SMTP_TIMEOUT_MS: '3000',
      OPOS_MAIL_HOME: home,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // still running when the test ends (it failed before killing or awaiting it): stopped before the
  // data folder goes
  deferCleanup(() => endProcess(child));
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `predicate` holds (checked every 10 ms), or fails after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
