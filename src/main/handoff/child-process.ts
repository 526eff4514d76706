// Runs a helper process that takes its input as JSON on stdin and answers on stdout, without blocking
// the app or the CLI: the Simple MAPI child (a Node script) and Outlook's PowerShell script. The data
// never goes into argv. How a Node script is started is injectable: plain Node (the CLI) spawns
// process.execPath; the packaged app, whose Electron fuses forbid ELECTRON_RUN_AS_NODE, passes a
// launcher built on Electron's utilityProcess from its shell.
import { spawn } from 'node:child_process';

export interface ChildOutcome {
  stdout: string;
  stderr: string;
  /** null when a signal ended it (POSIX). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** No console window (PowerShell). Not for processes whose own windows must show. */
  windowsHide?: boolean;
  /** Ends the process (and the wait) early, e.g. when the app quits. */
  signal?: AbortSignal;
}

/** Starts a Node script with `input` on its stdin; resolves when it has ended. */
export type NodeScriptLauncher = (
  script: string,
  input: string,
  options: RunOptions,
) => Promise<ChildOutcome>;

// enough for any answer; a provider that prints without end cannot fill the memory
const MAX_OUTPUT = 1024 * 1024;

export function runProcess(
  command: string,
  args: readonly string[],
  input: string,
  options: RunOptions = {},
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: options.windowsHide ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += d;
    });
    // a child that dies before reading its input: EPIPE here, the exit is reported below
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ stdout, stderr, exitCode, signal }));
    child.stdin.end(input, 'utf8');
  });
}

/** Plain Node (the CLI, tests): the same executable runs the script. */
export const spawnNodeScript: NodeScriptLauncher = (script, input, options) =>
  runProcess(process.execPath, [script], input, {
    ...options,
    // inside Electron without the fuse this makes the binary a plain Node; in Node it is ignored
    env: { ...(options.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
  });

/** How an exit looks to a person: `signal SIGABRT`, `exit code 3`, `exit code 0xC0000409`. */
export function describeExit(o: Pick<ChildOutcome, 'exitCode' | 'signal'>): string {
  if (o.signal) return `signal ${o.signal}`;
  const code = o.exitCode ?? -1;
  // Windows NTSTATUS crash codes read best in hex (0xC0000005 access violation)
  return code > 0xffff || code < 0
    ? `exit code 0x${(code >>> 0).toString(16).toUpperCase()}`
    : `exit code ${code}`;
}
