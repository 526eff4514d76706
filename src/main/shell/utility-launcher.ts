// Starts the hand-off's Node helper (the Simple MAPI child) as an Electron utility process. The packaged
// app's fuses forbid ELECTRON_RUN_AS_NODE, so child_process cannot run Node scripts there; a utility
// process is Electron's own way to run one apart from the main process, and a crash in it (a MAPI
// provider calling abort()) ends only that process. Its stdin cannot be piped: the request goes as its
// first parent-port message (mapi-child.ts reads either).
import { utilityProcess } from 'electron';
import type { ChildOutcome, NodeScriptLauncher } from '../handoff/child-process.js';

export const utilityProcessLauncher: NodeScriptLauncher = (script, input, options) =>
  new Promise<ChildOutcome>((resolve) => {
    const child = utilityProcess.fork(script, [], {
      stdio: 'pipe',
      serviceName: 'OPOS Mail hand-off',
      ...(options.env ? { env: options.env } : {}),
    });
    let stdout = '';
    let stderr = '';
    let exitCode: number | null = null;
    // done when the process has exited and both pipes have delivered what it wrote just before
    let pending = 1 + (child.stdout ? 1 : 0) + (child.stderr ? 1 : 0);
    const settle = () => {
      if (--pending === 0) resolve({ stdout, stderr, exitCode, signal: null });
    };
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stdout?.once('end', settle);
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stderr?.once('end', settle);
    child.once('spawn', () => child.postMessage(input));
    options.signal?.addEventListener('abort', () => child.kill(), { once: true });
    child.once('exit', (code) => {
      exitCode = code;
      settle();
    });
  });
