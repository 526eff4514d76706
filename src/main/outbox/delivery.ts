// Delivers queued messages of one profile over one or more transport sessions (an SMTP session sends
// many messages over one connection). Every message is claimed durably before its bytes go out; the
// outcome is written before the next message starts. Temporary failures wait and try again (Retry-After
// or exponential backoff, up to the profile's maxAttempts); permanent ones fail the message with the
// server's reason; an ambiguous drop marks it unknown; authentication trouble pauses the queue.
import type { SendResult } from '../../shared/mail.js';
import type { Profile } from '../../shared/profile.js';
import { diskFullOr } from '../errors/disk-full.js';
import { MailError, toMailError } from '../errors/mail-error.js';
import type { Transport, TransportSession } from '../transports/transport.js';
import { retryDelayMs, sessionFailureIsTransient, verdictFor } from './failure-policy.js';
import type { LocatedRecord } from './outbox-record.js';
import type { OutboxStore } from './outbox-store.js';
import type { Throttle } from './throttle.js';

export interface DeliveryOutcome {
  /** The message after its outcome was written. `queued`: a retry is scheduled (or the queue paused). */
  located: LocatedRecord;
  state: 'sent' | 'handedOff' | 'partial' | 'failed' | 'unknown' | 'queued';
  result?: SendResult;
  error?: MailError;
}

export interface DeliveryOptions {
  /** Sessions used in parallel (SMTP connections; Graph's concurrency limit). */
  connections?: number;
  throttle?: Throttle;
  /** Ctrl-C or the app's stop button: the message in flight finishes, nothing new starts. */
  signal?: AbortSignal;
  onOutcome?: (o: DeliveryOutcome) => void;
  /** A single send: when no session can be opened, the message fails at once with that reason. */
  failFast?: boolean;
  /** The user's Abbrechen of a single send: ends the session's set-up (connection, sign-in). */
  cancelOpen?: AbortSignal;
}

export interface DeliveryResult {
  /** Why delivery stopped while messages were still queued (auth, connection, daily limit, Ctrl-C). */
  stopped?: MailError;
  /** Messages left queued in the outbox. */
  remaining: number;
}

export class Delivery {
  private readonly ready: LocatedRecord[] = [];
  private waiting: LocatedRecord[] = [];
  private producing = true;
  private stopError: MailError | undefined;
  private wakers: Array<() => void> = [];
  private readonly writes = new Set<Promise<void>>();
  /** Called when another process claimed a message before this delivery could (it sends it). */
  onTaken: ((l: LocatedRecord) => void) | undefined;

  constructor(
    private readonly store: OutboxStore,
    private readonly profile: Profile,
    private readonly transport: Transport,
    private readonly options: DeliveryOptions = {},
  ) {
    options.signal?.addEventListener('abort', () => this.notify());
  }

  /** Adds a queued message (the producer may keep adding while delivery runs). */
  add(located: LocatedRecord): void {
    if (located.record.nextAttemptAt && Date.parse(located.record.nextAttemptAt) > Date.now())
      this.addWaiting(located);
    else this.ready.push(located);
    this.notify();
  }

  /**
   * Resolves once fewer than `limit` messages wait to be sent (or delivery stops): a producer uses
   * it to stay only a little ahead of sending, so memory does not grow with the size of the batch.
   */
  async room(limit: number): Promise<void> {
    while (this.ready.length >= limit && !this.stopping) await this.pause(1000);
  }

  /** No more messages will be added. */
  endOfInput(): void {
    this.producing = false;
    this.notify();
  }

  /** Stops delivery with `e` (e.g. the producer cannot store the next message: disk full). */
  stopWith(e: MailError): void {
    this.stopError ??= e;
    this.notify();
  }

  /** A failed write of the outbox as the user's error (a full disk named, with the folder). */
  private storeError(e: unknown): MailError {
    return toMailError(diskFullOr(e, this.store.dataFolder));
  }

  /** True once delivery will not start any further message. */
  get stopping(): boolean {
    return Boolean(this.stopError) || Boolean(this.options.signal?.aborted);
  }

  async run(): Promise<DeliveryResult> {
    const n = Math.max(1, this.options.connections ?? 1);
    await Promise.all(Array.from({ length: n }, () => this.worker()));
    while (this.writes.size) await Promise.all([...this.writes]);
    // this run's messages into the search index at once (db/search-index.ts), so the next search need
    // not; should it fail (a full disk), that search adds them and says why
    await this.store.indexSearch().catch(() => undefined);
    const remaining = this.ready.length + this.waiting.length;
    let stopped = this.stopError;
    if (!stopped && remaining > 0 && this.options.signal?.aborted)
      stopped = new MailError('batchInterrupted');
    return { ...(stopped ? { stopped } : {}), remaining };
  }

  private notify(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  private addWaiting(l: LocatedRecord): void {
    this.waiting.push(l);
    this.waiting.sort((a, b) => due(a) - due(b));
  }

  /** Sleeps up to `ms`, waking early on new work or a stop. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakers.push(done);
    });
  }

  /** Sleeps `ms`, waking early only when delivery is stopped (a backoff new work must not cut short). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.options.signal;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done);
    });
  }

  /** The next message to send, or null when there is nothing left (or delivery stops). */
  private async next(): Promise<LocatedRecord | null> {
    for (;;) {
      if (this.stopping) return null;
      const r = this.ready.shift();
      if (r) {
        this.notify();
        return r;
      }
      const first = this.waiting[0];
      if (first && due(first) <= Date.now()) return this.waiting.shift()!;
      if (!this.producing && !first) return null;
      await this.pause(first ? due(first) - Date.now() : 60_000);
    }
  }

  private putBack(l: LocatedRecord): void {
    this.ready.unshift(l);
  }

  private async worker(): Promise<void> {
    const { throttle, failFast } = this.options;
    const maxAttempts = this.profile.throttle.maxAttempts;
    let session: TransportSession | undefined;
    let openFailures = 0;
    const closeSession = async () => {
      const s = session;
      session = undefined;
      await s?.close().catch(() => undefined);
    };
    try {
      for (;;) {
        const next = await this.next();
        if (!next) return;

        if (throttle) {
          let verdict = throttle.check();
          while ('wait' in verdict && verdict.wait > 0 && !this.stopping) {
            await this.pause(verdict.wait);
            verdict = throttle.check();
          }
          if (this.stopping) return this.putBack(next);
          if ('dailyLimit' in verdict) {
            this.putBack(next);
            this.stopError ??= new MailError('dailyLimitReached', {
              profile: this.profile.name,
              limit: this.profile.throttle.perDay,
            });
            this.notify();
            return;
          }
          throttle.take();
        }

        if (!session) {
          try {
            session = await this.transport.openSession(this.options.cancelOpen);
            openFailures = 0;
          } catch (e) {
            throttle?.giveBack();
            const err = toMailError(e);
            if (failFast) {
              const failed = await this.store.transition(next, 'failed', {
                error: err.toInfo(),
                code: err.code,
                ...(err.response ? { response: err.response } : {}),
              });
              this.emit({ located: failed, state: 'failed', error: err });
              this.stopError ??= err;
              return;
            }
            this.putBack(next);
            openFailures++;
            if (sessionFailureIsTransient(err) && openFailures < maxAttempts && !this.stopping) {
              await this.sleep(retryDelayMs(openFailures, err));
              continue;
            }
            this.stopError ??= err;
            this.notify();
            return;
          }
        }

        const claimed = await this.store.claim(next);
        if (!claimed) {
          throttle?.giveBack();
          this.onTaken?.(next); // another process took it
          continue;
        }
        const attempts = claimed.record.attempts + 1;
        let dataComplete = false;
        try {
          const result = await session.send(this.store.prepared(claimed, () => (dataComplete = true)));
          // the server has every byte: their memory can take the next rendered message
          this.store.release(claimed);
          // The outcome is written while the next message goes out: should the process die before
          // it is durable, the claim survives and the message is reported unknown, never resent.
          // Refused recipients make it `partial`: final like sent (the accepted ones have it), never
          // reported as sent, with who was refused and why.
          const partial = result.status === 'partial' ? partialRefusal(result) : undefined;
          const done = partial ? 'partial' : result.status === 'handedOff' ? 'handedOff' : 'sent';
          this.track(
            claimed,
            this.store
              .transition(claimed, done, {
                attempts,
                response: result.response,
                accepted: result.accepted,
                rejected: result.rejected,
                ...(partial ? { refused: result.refused ?? [], error: partial.toInfo() } : {}),
                sentAt: new Date().toISOString(),
                ...(result.handoff ? { handoff: result.handoff } : {}),
              })
              .then((sent) =>
                this.emit({ located: sent, state: done, result, ...(partial ? { error: partial } : {}) }),
              ),
          );
        } catch (e) {
          const err = toMailError(e);
          await closeSession(); // a fresh connection for whatever comes next
          const verdict = verdictFor(err, dataComplete);
          const base = {
            attempts,
            error: err.toInfo(),
            code: err.code,
            ...(err.response ? { response: err.response } : {}),
          };
          if (verdict === 'pause' && !failFast) {
            throttle?.giveBack();
            const back = await this.store.transition(claimed, 'queued', { ...base, attempts: attempts - 1 });
            this.putBack(back);
            this.stopError ??= err;
            this.emit({ located: back, state: 'queued', error: err });
            this.notify();
            return;
          }
          if (verdict === 'retry' && attempts < maxAttempts) {
            const wait = retryDelayMs(attempts, err);
            const back = await this.store.transition(claimed, 'queued', {
              ...base,
              nextAttemptAt: new Date(Date.now() + wait).toISOString(),
            });
            this.addWaiting(back);
            this.emit({ located: back, state: 'queued', error: err });
            continue;
          }
          if (verdict === 'unknown') {
            const unknown = new MailError(
              'sendOutcomeUnknown',
              { id: claimed.record.id, detail: err.code },
              { cause: err },
            );
            const l = await this.store.transition(claimed, 'unknown', { ...base, error: unknown.toInfo() });
            this.emit({ located: l, state: 'unknown', error: unknown });
            continue;
          }
          const l = await this.store.transition(claimed, 'failed', base);
          this.emit({ located: l, state: 'failed', error: err });
        }
      }
    } catch (e) {
      // the outbox could not be written (disk full …): stop here; a claimed message is reported
      // unknown by the next run (never resent), what is still queued stays queued
      this.stopWith(this.storeError(e));
    } finally {
      await closeSession();
    }
  }

  /**
   * Keeps the write of a `sent` outcome in view. When it fails (disk full …) the server has the
   * message but the outbox cannot say so: the message is reported unknown (the next run finds it
   * claimed and marks it so; it is never resent by itself) and delivery stops.
   */
  private track(claimed: LocatedRecord, write: Promise<void>): void {
    const p = write.catch((e: unknown) => {
      const err = this.storeError(e);
      this.stopWith(err);
      const unknown = new MailError(
        'sendOutcomeUnknown',
        { id: claimed.record.id, detail: err.code },
        { cause: err },
      );
      this.emit({ located: claimed, state: 'unknown', error: unknown });
    });
    this.writes.add(p);
    void p.finally(() => this.writes.delete(p));
  }

  private emit(o: DeliveryOutcome): void {
    this.options.onOutcome?.(o);
  }
}

/** The outcome of a message the server took for some recipients only. */
export function partialRefusal(result: SendResult): MailError {
  const refused = result.refused ?? result.rejected.map((address) => ({ address, response: '' }));
  return new MailError('recipientsPartlyRefused', {
    refused: refused.map((r) => r.address).join(', '),
    accepted: result.accepted.join(', '),
    response: refused
      .map((r) => r.response)
      .filter(Boolean)
      .join(' | '),
  });
}

function due(l: LocatedRecord): number {
  return l.record.nextAttemptAt ? Date.parse(l.record.nextAttemptAt) : 0;
}
