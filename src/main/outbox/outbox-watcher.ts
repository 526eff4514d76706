// Tells listeners that the outbox changed: a message was queued, changed its state or was pruned —
// by this process or by any other on the same data folder (a CLI batch, an ERP's job). The database
// is shared, so the watcher asks SQLite: `PRAGMA data_version` on a connection of its own changes
// whenever another connection committed, and costs one tiny query (about 70 µs here) per tick, not a
// re-read. Its own connection makes this process's writes (through the store's connection) count as
// "another connection" too, so one mechanism covers both. Chosen over fs.watch on the WAL file: the
// WAL is reset after checkpoints and removed when the last connection closes, file-system events are
// coalesced or missing on network drives, and they differ between Windows, macOS and Linux; the
// pragma is exact everywhere SQLite runs. Plain Node (no Electron): the shell forwards the event.
import { EventEmitter } from 'node:events';
import Database from 'libsql';
import type { OutboxChange } from '../../shared/outbox.js';

/** How often the data version is compared; a change shows up at most this much later. */
export const WATCH_INTERVAL_MS = 750;

export class OutboxWatcher extends EventEmitter<{ change: [OutboxChange] }> {
  private db: Database.Database | undefined;
  private statement: Database.Statement<unknown[]> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private version: number | undefined;

  /** `file`: the outbox database (it must exist: open the store first). */
  constructor(
    private readonly file: string,
    private readonly intervalMs = WATCH_INTERVAL_MS,
  ) {
    super();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.db = new Database(this.file);
    this.db.exec('PRAGMA busy_timeout = 1000');
    this.statement = this.db.prepare<unknown[]>('PRAGMA data_version');
    this.version = this.read();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref(); // never keeps a CLI or test process alive
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.statement = undefined;
    if (this.db?.open) this.db.close();
    this.db = undefined;
  }

  private read(): number | undefined {
    try {
      return (this.statement!.get() as { data_version: number }).data_version;
    } catch {
      return undefined; // busy for a moment (a checkpoint): the next tick looks again
    }
  }

  private tick(): void {
    const v = this.read();
    if (v === undefined || v === this.version) return;
    this.version = v;
    this.emit('change', { at: new Date().toISOString() });
  }
}
