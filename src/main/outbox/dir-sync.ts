// fsync of a directory (makes a rename or a new entry in it durable), group-committed: callers that
// arrive while a sync is running share the next one, so parallel writers pay for one sync, not many.
import { syncDir } from '../platform/atomic-write.js';

/** The group-committed syncs of any number of folders, one per folder. */
export class DirSyncs {
  private readonly folders = new Map<string, DirSync>();

  /** Resolves once everything done in `dir` before the call is durable. */
  sync(dir: string): Promise<void> {
    let s = this.folders.get(dir);
    if (!s) this.folders.set(dir, (s = new DirSync(dir)));
    return s.sync();
  }
}

class DirSync {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly dir: string) {}

  /** Resolves once everything done in the folder before the call is durable. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => (this.running = null));
      return this.running;
    }
    // the running sync may have started before the caller's change: wait for the one after it
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.sync();
    });
    return this.next;
  }

  private run(): Promise<void> {
    return syncDir(this.dir);
  }
}
