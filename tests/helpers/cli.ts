// Runs `opos-mail` as a user does: a separate process, arguments, stdin, exit code, stdout/stderr.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferCleanup, endProcess, tempDir } from './temp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'opos-mail.js');
export const SAMPLE_PDF = path.join(ROOT, 'assets', 'sample-mahnung.pdf');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON value (throws with the output when it is not JSON). */
  json<T = Record<string, unknown>>(): T;
  /** stdout parsed as one JSON value per line. */
  lines<T = Record<string, unknown>>(): T[];
}

/** A fresh data folder, removed when the test (or, made outside a test, the file) ends. */
export function tempHome(prefix = 'opos-home-'): string {
  return tempDir(prefix);
}

export function runCli(
  args: string[],
  opts: { home?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LANG: 'de_DE.UTF-8',
      OPOS_MAIL_SMTP_TIMEOUT_MS: '3000',
      ...opts.env,
    };
    if (opts.home) env.OPOS_MAIL_HOME = opts.home;
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    // a test that ends before the command does (failed, timed out) stops it before its folders go
    deferCleanup(() => endProcess(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`not JSON (exit ${code}):\nstdout: ${stdout}\nstderr: ${stderr}`);
          }
        },
        lines<T>() {
          return stdout
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l) as T);
        },
      });
    });
    child.stdin.end(opts.input ?? '');
  });
}
