// What the tests leave behind, removed by the tests themselves: every temporary folder a test, helper
// or bench makes comes from tempDir(), and goes when the scope it was made in ends (the test, or the
// test file / Playwright worker for what is made outside a test), also when the test failed.
// deferCleanup() registers anything else that must happen then, such as stopping a process that still
// writes into such a folder. Cleanups run last in, first out: a process started after its folder was
// made has stopped before the folder goes.
//
// Runner-neutral (no Vitest, no Playwright import): Vitest binds the scopes in tests/helpers/temp.ts,
// Playwright in tests/e2e/fixtures.ts. Without a binding, what is made lands in `outerScope`, and a
// last resort removes still-existing folders when the process exits.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Cleanup = () => unknown;

/** Folders made and not removed yet, per process: the exit handler's list. */
const LIVE = Symbol.for('opos-mail.tests.liveTempDirs');
const registry = globalThis as { [LIVE]?: Set<string> };
const live = (registry[LIVE] ??= (() => {
  const dirs = new Set<string>();
  process.once('exit', () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return dirs;
})());

/** Removes a folder and everything in it (no error when it is gone already). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  live.delete(dir);
}

/** Ends a child process that is still running and waits until it has (and its files are closed). */
export async function endProcess(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGKILL');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

export class CleanupScope {
  #cleanups: Cleanup[] = [];
  #onClose: (() => void) | undefined;

  constructor(onClose?: () => void) {
    this.#onClose = onClose;
  }

  defer(fn: Cleanup): void {
    this.#cleanups.push(fn);
  }

  /** A new folder `<system temp>/<prefix>XXXXXX`, removed when this scope closes. */
  tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    live.add(dir);
    this.defer(() => removeDir(dir));
    return dir;
  }

  /** Runs every cleanup, last in first out, all of them even when one fails; then reports failures. */
  async close(): Promise<void> {
    this.#onClose?.();
    const errors: unknown[] = [];
    for (let fn = this.#cleanups.pop(); fn; fn = this.#cleanups.pop()) {
      try {
        await fn();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} test cleanups failed`);
  }
}

/** The scope of the test file (Vitest) or the worker (Playwright): for what is made outside a test. */
export const outerScope = new CleanupScope();

const open: CleanupScope[] = [];
let resolver: (() => CleanupScope | undefined) | undefined;
let pinned: CleanupScope | undefined;

/** How a test runner names the scope of the running test (undefined: none, use the outer scope). */
export function setScopeResolver(r: () => CleanupScope | undefined): void {
  resolver = r;
}

/** A scope for the current test, until it closes (Playwright: one test at a time per worker). */
export function openScope(): CleanupScope {
  const scope: CleanupScope = new CleanupScope(() => {
    const at = open.indexOf(scope);
    if (at >= 0) open.splice(at, 1);
  });
  open.push(scope);
  return scope;
}

/** Runs `fn` with `scope` as the current scope: e.g. a per-worker CA first made inside a test. */
export function withScope<T>(scope: CleanupScope, fn: () => T): T {
  const before = pinned;
  pinned = scope;
  try {
    return fn();
  } finally {
    pinned = before;
  }
}

export function currentScope(): CleanupScope {
  return pinned ?? resolver?.() ?? open.at(-1) ?? outerScope;
}

/** A new folder `<system temp>/<prefix>XXXXXX`, removed when the current test (or file, worker) ends. */
export function tempDir(prefix: string): string {
  return currentScope().tempDir(prefix);
}

/** Runs `fn` when the current test (or file, worker) ends, before the folders made earlier go. */
export function deferCleanup(fn: Cleanup): void {
  currentScope().defer(fn);
}
