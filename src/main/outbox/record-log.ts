// The outbox's record log: every state change of a message is one JSON line appended to this process's
// own log file in <outbox>/log, made durable with one fdatasync shared by every line that arrived
// meanwhile (group commit). One append per state change instead of a new file per change: creating
// files is the expensive part of a durable outbox (and on Windows, with a virus scanner, more so).
//
// Each process appends only to its own file (named after its pid), so lines of concurrent processes
// never interleave; readers merge all files, and for each message the line with the highest
// revision is the truth. A line torn by a crash was never acknowledged and is skipped on reading.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { syncDir, writeAll } from '../platform/atomic-write.js';

const open = promisify(fs.open);
const fdatasync = promisify(fs.fdatasync);
const close = promisify(fs.close);

interface Pending {
  line: string;
  resolve(): void;
  reject(e: unknown): void;
}

/** A log file's name: `<pid>-<start>-<random>.jsonl` (`.snapshot.jsonl` for a compacted one). */
export function logFileName(pid: number, kind: 'log' | 'snapshot' = 'log'): string {
  const suffix = kind === 'snapshot' ? '.snapshot.jsonl' : '.jsonl';
  return `${pid}-${Date.now()}-${randomBytes(3).toString('hex')}${suffix}`;
}

/** The process that wrote a log file, from its name. */
export function logFilePid(name: string): number | undefined {
  const m = /^(\d+)-\d+-[0-9a-f]+(?:\.snapshot)?\.jsonl$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export class RecordLog {
  private fd: number | undefined;
  private pending: Pending[] = [];
  private flushing = false;

  constructor(private readonly dir: string) {}

  /** Appends one record line; resolves once it is durable. */
  append(value: unknown): Promise<void> {
    const line = JSON.stringify(value) + '\n';
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  async close(): Promise<void> {
    while (this.flushing) await new Promise((r) => setImmediate(r));
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await close(fd).catch(() => undefined);
  }

  private async handle(): Promise<number> {
    if (this.fd !== undefined) return this.fd;
    await fs.promises.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, logFileName(process.pid));
    const fd = await open(file, 'ax', 0o600);
    // the new file's name must survive a crash before the first line counts as durable
    await syncDir(this.dir);
    this.fd = fd;
    return fd;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length) {
        const group = this.pending;
        this.pending = [];
        try {
          const fd = await this.handle();
          await writeAll(fd, Buffer.from(group.map((p) => p.line).join(''), 'utf8'));
          await fdatasync(fd);
          for (const p of group) p.resolve();
        } catch (e) {
          // a partly written group must not glue itself to the next line: continue in a new file
          const fd = this.fd;
          this.fd = undefined;
          if (fd !== undefined) await close(fd).catch(() => undefined);
          for (const p of group) p.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** Every parsable line of one log file, in order (a torn or damaged line is skipped). */
export async function readLogLines<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []; // compacted meanwhile
    throw e;
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // torn by a crash before it was acknowledged
    }
  }
  return out;
}
