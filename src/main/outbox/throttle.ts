// Per-profile sending limits: messages per minute (a sliding window: waits) and per day (a sliding
// 24-hour window: the run stops and the rest stays queued).
import type { ThrottleSettings } from '../../shared/profile.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type ThrottleVerdict = { wait: number } | { dailyLimit: true };

export class Throttle {
  private readonly minute: number[] = [];
  private readonly day: number[];

  /** `sentBefore`: times (ms) of messages this profile already sent in the last 24 hours. */
  constructor(
    private readonly settings: Pick<ThrottleSettings, 'perMinute' | 'perDay'>,
    sentBefore: number[] = [],
    private readonly clock: () => number = Date.now,
  ) {
    const t = clock();
    this.day = sentBefore.filter((s) => s > t - DAY).sort((a, b) => a - b);
    for (const s of this.day) if (s > t - MINUTE) this.minute.push(s);
  }

  /** Whether a message may start now; otherwise how long to wait, or that the daily limit is reached. */
  check(): ThrottleVerdict {
    const t = this.clock();
    while (this.minute.length && this.minute[0]! <= t - MINUTE) this.minute.shift();
    while (this.day.length && this.day[0]! <= t - DAY) this.day.shift();
    const { perMinute, perDay } = this.settings;
    if (perDay > 0 && this.day.length >= perDay) return { dailyLimit: true };
    if (perMinute > 0 && this.minute.length >= perMinute) return { wait: this.minute[0]! + MINUTE - t };
    return { wait: 0 };
  }

  /** Counts a message that is about to be sent (counted at start, so parallel sessions share it). */
  take(): void {
    const t = this.clock();
    this.minute.push(t);
    this.day.push(t);
  }

  /** Gives back a slot that was taken but not used (the message was not sent). */
  giveBack(): void {
    this.minute.pop();
    this.day.pop();
  }
}
