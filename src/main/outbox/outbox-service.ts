// The outbox as the CLI and the desktop app use it: send one message through it, list and show its
// messages, put failed (or, on the user's decision, unknown) ones back in the queue, and deliver
// everything queued, profile by profile, with each profile's throttle.
import type { MailDraft, SendResult } from '../../shared/mail.js';
import { isDone, type OutboxEntry, type OutboxPage, type PrunePreview } from '../../shared/outbox.js';
import type { Profile } from '../../shared/profile.js';
import { kindSpec } from '../../shared/connection-kinds.js';
import { diskFullOr } from '../errors/disk-full.js';
import { sameProfileName } from '../profiles/profile-store.js';
import { MailError } from '../errors/mail-error.js';
import type { NormalisedDraft } from '../mail/compose.js';
import type { Transport } from '../transports/transport.js';
import { Delivery, type DeliveryOutcome } from './delivery.js';
import type { LocatedRecord } from './outbox-record.js';
import type { MessageQuery } from './db/queries.js';
import { OutboxStore, type EnqueueOptions } from './outbox-store.js';
import { checkRetention, earliestPruneDate, localDay } from './retention.js';
import { Throttle } from './throttle.js';

export interface OutboxServiceDeps {
  dataFolder: string;
  /** The profile with this id, or null when it was removed. */
  profileById(id: string): Promise<Profile | null>;
  transportFor(profile: Profile): Transport;
}

export interface RunOptions {
  /** Only this profile's messages (by name); default: every profile's. */
  profileName?: string;
  signal?: AbortSignal;
  connections?: number;
  onOutcome?: (o: DeliveryOutcome) => void;
}

export interface RunSummary {
  sent: number;
  /** Delivered to some recipients, refused for others. */
  partial: number;
  /** Handed to the mail program on the desk (hand-off kinds). */
  handedOff: number;
  failed: number;
  unknown: number;
  /** Still queued when the run ended (retry later, paused, daily limit, interrupted). */
  queued: number;
  /** Messages that were in `sending` when a process died: now unknown. */
  recovered: number;
  stopped?: MailError;
}

const DAY = 24 * 60 * 60_000;

/** Default parallel sessions: one SMTP connection is polite; Graph allows 4 concurrent requests. */
export function defaultConnections(profile: Profile): number {
  return kindSpec(profile.connection).defaultConnections;
}

export class OutboxService {
  readonly store: OutboxStore;

  constructor(private readonly deps: OutboxServiceDeps) {
    this.store = new OutboxStore(deps.dataFolder);
  }

  /**
   * One message, synchronously: stored in the outbox, then sent (temporary failures retried with
   * backoff). Resolves with the result once sent; throws the reason when it failed, or
   * `sendOutcomeUnknown` when the outcome cannot be known.
   */
  async send(
    profile: Profile,
    draft: MailDraft | NormalisedDraft,
    options: EnqueueOptions & { signal?: AbortSignal } = {},
  ) {
    const { signal, ...enqueue } = options;
    const transport = this.deps.transportFor(profile);
    let queued: LocatedRecord;
    try {
      queued = await this.store.enqueue(profile, draft, enqueue);
    } catch (e) {
      throw diskFullOr(e, this.store.dataFolder);
    }
    let outcome: DeliveryOutcome | undefined;
    const delivery = new Delivery(this.store, profile, transport, {
      connections: 1,
      failFast: true,
      // Abbrechen while connecting or signing in: the message fails as cancelled (never sent later
      // behind the user's back); once its bytes are going out it is finished
      ...(signal ? { cancelOpen: signal } : {}),
      onOutcome: (o) => {
        if (o.state !== 'queued') outcome = o;
      },
    });
    delivery.add(queued);
    delivery.endOfInput();
    const { stopped } = await delivery.run();
    if (outcome && isDone(outcome.state) && outcome.result)
      return { ...outcome.result, outboxId: queued.record.id } satisfies SendResult;
    if (outcome?.error) throw outcome.error;
    if (stopped) throw stopped; // e.g. the claim could not be written: nothing was sent
    throw new MailError('unexpected', { detail: 'no outcome' });
  }

  /** The messages a filter selects (oldest first; with a limit the newest ones), after recovering. */
  async list(filter: Omit<MessageQuery, 'view'> = {}): Promise<OutboxEntry[]> {
    const out: OutboxEntry[] = [];
    for await (const e of this.entries({ ...filter, view: 'outbox' })) out.push(e);
    return out;
  }

  /** The same, streamed (the journal: `view: 'journal'`), after recovering from a crash. */
  async *entries(query: MessageQuery, newestFirst = false): AsyncGenerator<OutboxEntry> {
    yield* this.store.entries(query, newestFirst);
  }

  async show(id: string): Promise<OutboxEntry> {
    return this.store.entry(await this.store.get(id));
  }

  /**
   * Puts messages back in the queue: the given ones, or every failed one. An `unknown` message is only
   * requeued with `resendUnknown` (the server may already have it; it keeps its Message-ID, so the
   * recipient's mail system can recognise a duplicate).
   */
  async retry(ids: string[], options: { resendUnknown?: boolean } = {}): Promise<OutboxEntry[]> {
    await this.store.recover();
    const chosen: LocatedRecord[] = [];
    if (ids.length) for (const id of ids) chosen.push(await this.store.get(id));
    else {
      chosen.push(...(await this.store.inState('failed')));
      if (options.resendUnknown) chosen.push(...(await this.store.inState('unknown')));
    }
    const out: OutboxEntry[] = [];
    for (const l of chosen) {
      if (l.state === 'failed' || (l.state === 'unknown' && options.resendUnknown)) {
        const back = await this.store.transition(l, 'queued', { attempts: 0, code: 'retry' });
        out.push(this.store.entry(back));
      } else out.push(this.store.entry(l));
    }
    return out;
  }

  /**
   * One page of the Postausgang, newest first: at most `limit` messages older than the cursor
   * `before` (none: the newest), with the cursor of the next older page (null: this is the last).
   */
  async page(filter: Omit<MessageQuery, 'view' | 'limit'>, limit: number): Promise<OutboxPage> {
    const entries: OutboxEntry[] = [];
    for await (const e of this.entries({ ...filter, view: 'outbox', limit: limit + 1 }, true))
      entries.push(e);
    const more = entries.length > limit;
    if (more) entries.length = limit;
    const last = entries.at(-1);
    const older = more && last ? ((await this.store.seqOf(last.id)) ?? null) : null;
    return { entries, older };
  }

  /** What prune(before) would delete, and whether the date lies less than six years back. */
  async prunePreview(before: Date): Promise<PrunePreview> {
    const earliest = earliestPruneDate();
    return {
      ...(await this.store.prunable(before)),
      earliest: localDay(earliest),
      tooRecent: before.getTime() > earliest.getTime(),
    };
  }

  /**
   * Retention: deletes stored copies (and with `withJournal` the journal rows) of messages that left
   * the queue before `before`; refuses a date less than six years back unless `force`.
   */
  async prune(before: Date, options: { withJournal?: boolean; force?: boolean } = {}) {
    checkRetention(before, Boolean(options.force));
    return this.store.prune(before, Boolean(options.withJournal));
  }

  /** Delivers queued messages, profile by profile. */
  async run(options: RunOptions = {}): Promise<RunSummary> {
    const recovered = (await this.store.recover()).length;
    return this.deliver(await this.store.inState('queued'), options, recovered);
  }

  /** Delivers the given queued messages (and reports the others as they are). */
  async deliver(all: LocatedRecord[], options: RunOptions, recovered = 0): Promise<RunSummary> {
    const summary: RunSummary = {
      sent: 0,
      handedOff: 0,
      partial: 0,
      failed: 0,
      unknown: 0,
      queued: 0,
      recovered,
    };
    const byProfile = new Map<string, LocatedRecord[]>();
    for (const l of all)
      if (l.state === 'queued')
        byProfile.set(l.record.profileId, [...(byProfile.get(l.record.profileId) ?? []), l]);
    for (const [profileId, queued] of byProfile) {
      const profile = await this.deps.profileById(profileId);
      const other = options.profileName && profile && !sameProfileName(profile.name, options.profileName);
      if (!profile || other || summary.stopped) {
        summary.queued += queued.length;
        continue;
      }
      const result = await this.deliverProfile(profile, queued, options, summary);
      summary.queued += result.remaining;
      if (result.stopped) summary.stopped = result.stopped;
    }
    return summary;
  }

  /** A Delivery for one profile with its throttle (counting what it sent in the last 24 hours). */
  async createDelivery(profile: Profile, options: RunOptions, summary?: RunSummary) {
    const sentBefore = await this.store.sentTimes(profile.id, new Date(Date.now() - DAY));
    return new Delivery(this.store, profile, this.deps.transportFor(profile), {
      connections: options.connections ?? defaultConnections(profile),
      throttle: new Throttle(profile.throttle, sentBefore),
      ...(options.signal ? { signal: options.signal } : {}),
      onOutcome: (o) => {
        if (summary && o.state !== 'queued') summary[o.state]++;
        options.onOutcome?.(o);
      },
    });
  }

  private async deliverProfile(
    profile: Profile,
    queued: LocatedRecord[],
    options: RunOptions,
    summary: RunSummary,
  ) {
    const delivery = await this.createDelivery(profile, options, summary);
    for (const l of queued) delivery.add(l);
    delivery.endOfInput();
    return delivery.run();
  }
}
