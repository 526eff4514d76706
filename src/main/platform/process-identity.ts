// Who holds a claim: a process identified beyond its PID. A PID is reused (a container's PID 1 after a
// restart, any PID after a reboot), so a claim records the PID together with the process's start: on
// Linux the boot's ID and the start time in clock ticks from /proc (exact), on macOS and the BSDs the
// start time `ps` reports (to the second), on Windows the process's creation time. A claim is held
// only while a process with that PID runs and started at that time; one whose start cannot be read
// (no /proc, no `ps`) is judged by its PID alone, as before.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** The process's start, comparable only with another value from this module; '' when unknown. */
  start: string;
}

let bootId: string | undefined;

function linuxStart(pid: number): string | null {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: count from the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19]; // field 22: starttime
    return ticks ? `linux:${bootId}:${ticks}` : null;
  } catch {
    return null;
  }
}

function psStart(pid: number): string | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return out ? `ps:${out}` : null;
  } catch {
    return null;
  }
}

function windowsStart(pid: number): string | null {
  try {
    const out = execFileSync(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', `(Get-Process -Id ${pid}).StartTime.ToFileTimeUtc()`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, windowsHide: true },
    ).trim();
    return /^\d+$/.test(out) ? `win:${out}` : null;
  } catch {
    return null;
  }
}

/** The start of the process with this PID, or null when no such process runs (or it cannot be read). */
export function processStart(pid: number): string | null {
  if (process.platform === 'linux') return linuxStart(pid);
  if (process.platform === 'win32') return windowsStart(pid);
  return psStart(pid);
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let self: ProcessIdentity | undefined;

/** This process. */
export function selfIdentity(): ProcessIdentity {
  self ??= { pid: process.pid, start: processStart(process.pid) ?? '' };
  return self;
}

/** True while the process that took a claim still runs: same PID and, where known, same start. */
export function holderAlive(holder: ProcessIdentity): boolean {
  const me = selfIdentity();
  if (holder.pid === me.pid && holder.start === me.start) return true;
  if (!pidRuns(holder.pid)) return false;
  if (!holder.start) return true; // recorded where the start could not be read: the PID is all we have
  const start = processStart(holder.pid);
  // a PID that runs but started at another time is a different process
  return start === null ? true : start === holder.start;
}
