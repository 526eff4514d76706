import { describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import { retryDelayMs, verdictFor } from '../../src/main/outbox/failure-policy.js';
import { Throttle } from '../../src/main/outbox/throttle.js';

describe('throttle', () => {
  it('waits when the per-minute window is full and stops at the daily limit', () => {
    let now = 1_000_000;
    const t = new Throttle({ perMinute: 2, perDay: 3 }, [], () => now);
    expect(t.check()).toEqual({ wait: 0 });
    t.take();
    now += 10_000;
    t.take();
    expect(t.check()).toEqual({ wait: 50_000 });
    now += 50_000;
    expect(t.check()).toEqual({ wait: 0 });
    t.take();
    expect(t.check()).toEqual({ dailyLimit: true });
    now += 24 * 3600_000;
    expect(t.check()).toEqual({ wait: 0 });
  });

  it('counts what the profile sent in the last 24 hours before this run', () => {
    const now = 5 * 24 * 3600_000;
    const t = new Throttle({ perMinute: 0, perDay: 2 }, [now - 3600_000, now - 25 * 3600_000], () => now);
    expect(t.check()).toEqual({ wait: 0 });
    t.take();
    expect(t.check()).toEqual({ dailyLimit: true });
  });
});

describe('failure policy', () => {
  it('retries temporary failures, fails permanent ones, pauses on auth, and calls a drop after the data unknown', () => {
    expect(verdictFor(new MailError('temporary', { response: '451' }), true)).toBe('retry');
    expect(verdictFor(new MailError('rejected'), false)).toBe('fail');
    expect(verdictFor(new MailError('recipientsRejected'), false)).toBe('fail');
    expect(verdictFor(new MailError('tooLargeServer'), false)).toBe('fail');
    expect(verdictFor(new MailError('authFailed'), false)).toBe('pause');
    expect(verdictFor(new MailError('connectionLost'), false)).toBe('retry');
    expect(verdictFor(new MailError('connectionLost'), true)).toBe('unknown');
    expect(verdictFor(new MailError('timeout'), true)).toBe('unknown');
  });

  it("honours the transport's Retry-After", () => {
    expect(retryDelayMs(1, new MailError('temporary', { retryAfterSeconds: 7 }))).toBe(7000);
  });
});
