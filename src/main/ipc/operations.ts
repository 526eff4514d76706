// The waits the dialog can stop (a connection test, a send while it connects or waits for the browser
// sign-in): each runs with an AbortSignal under the id the renderer gave it; cancelOperation fires it.
// An id that is unknown or already finished is ignored (the Abbrechen came too late: nothing to stop).

export class Operations {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` with a signal that `cancel(id)` fires; without an id it cannot be cancelled. */
  async run<T>(id: string | undefined, work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (!id) return work(undefined);
    const controller = new AbortController();
    this.running.get(id)?.abort(); // a reused id: the older wait ends
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (this.running.get(id) === controller) this.running.delete(id);
    }
  }

  cancel(id: string): void {
    this.running.get(id)?.abort();
  }
}
