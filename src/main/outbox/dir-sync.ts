// fsync of a directory (makes a rename or a new entry in it durable), group-committed: callers that
// arrive while a sync is running share the next one, so parallel writers pay for one sync, not many.
import { promises as fs } from 'node:fs';

export class DirSync {
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

  private handle: Promise<fs.FileHandle | null> | undefined;

  private async run(): Promise<void> {
    if (process.platform === 'win32') return;
    // the folder stays open: one open for many syncs (closed by close())
    this.handle ??= fs.open(this.dir, 'r').catch(() => null);
    const h = await this.handle;
    try {
      await h?.sync();
    } catch {
      // some file systems refuse fsync on directories; the rename itself is still atomic
    }
  }

  async close(): Promise<void> {
    const h = await this.handle;
    this.handle = undefined;
    await h?.close();
  }
}
