// What a failed attempt means, against a scripted transport (a stand-in at the transport interface:
// the outbox, its records and the failure policy are the real ones): a temporary failure is retried and
// then sent; a permanent one fails the message; a drop after the data went out is unknown, never resent;
// an authentication failure pauses the queue with the message still queued; a failed hand-off fails.
import { describe, expect, it } from 'vitest';
import { MailError } from '../../src/main/errors/mail-error.js';
import type { PreparedMessage } from '../../src/main/mail/compose.js';
import { Delivery, type DeliveryOutcome } from '../../src/main/outbox/delivery.js';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import type { Transport, TransportSession } from '../../src/main/transports/transport.js';
import type { SendResult } from '../../src/shared/mail.js';
import { profileSchema } from '../../src/shared/profile.js';
import { SAMPLE_PDF } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

type Step = 'ok' | 'handedOff' | MailError | { afterData: MailError };

/** A transport that answers each send with the next scripted step. */
function scripted(steps: Step[]): Transport & { sends: number } {
  const profile = profileSchema.parse({
    id: 'profile-0001',
    name: 'P',
    connection: 'smtp',
    host: 'h',
    fromAddress: 'a@b.example',
  });
  const t = {
    profile,
    sends: 0,
    openSession(): Promise<TransportSession> {
      const report = {
        kind: 'smtp' as const,
        tls: { used: true, mode: 'starttls' as const },
        auth: { used: false },
      };
      return Promise.resolve({
        report,
        async send(m: PreparedMessage): Promise<SendResult> {
          const step = steps[t.sends++] ?? 'ok';
          const stream = m.raw();
          if (typeof step === 'object' && 'afterData' in step) {
            for await (const _ of stream) void _; // every byte went out, then the line dropped
            throw step.afterData;
          }
          stream.destroy();
          if (step instanceof MailError) throw step;
          return {
            status: step === 'handedOff' ? 'handedOff' : 'sent',
            messageId: m.messageId,
            response: '250 ok',
            accepted: m.envelope.to,
            rejected: [],
            size: m.size,
            connection: report,
            ...(step === 'handedOff' ? { handoff: { program: 'Mail', method: 'compose' as const } } : {}),
          };
        },
        close: () => Promise.resolve(),
      });
    },
  };
  return t;
}

async function deliver(steps: Step[], maxAttempts = 3) {
  process.env.OPOS_MAIL_RETRY_BASE_MS = '1';
  const store = new OutboxStore(tempDir('opos-verdict-'));
  const transport = scripted(steps);
  const profile = { ...transport.profile, throttle: { ...transport.profile.throttle, maxAttempts } };
  const queued = await store.enqueue(profile, {
    to: ['x@example.org'],
    subject: 'S',
    attachments: [{ path: SAMPLE_PDF }],
  });
  const outcomes: DeliveryOutcome[] = [];
  const delivery = new Delivery(store, profile, transport, { onOutcome: (o) => outcomes.push(o) });
  delivery.add(queued);
  delivery.endOfInput();
  const result = await delivery.run();
  const [final] = await store.list();
  return { outcomes, result, final: final!, sends: transport.sends };
}

describe('delivery verdicts', () => {
  it('retry: a temporary failure is tried again, then sent', async () => {
    const r = await deliver([new MailError('temporary', {}, { response: '451 later' }), 'ok']);
    expect(r.outcomes.map((o) => o.state)).toEqual(['queued', 'sent']);
    expect(r.final.state).toBe('sent');
    expect(r.final.record.attempts).toBe(2);
  });

  it('retry ends at the profile’s max attempts with the last reason', async () => {
    const t = () => new MailError('temporary', {}, { response: '451 later' });
    const r = await deliver([t(), t(), t()], 3);
    expect(r.final.state).toBe('failed');
    expect(r.final.record.error?.code).toBe('temporary');
    expect(r.sends).toBe(3);
  });

  it('fail: a permanent refusal fails the message at once', async () => {
    const r = await deliver([new MailError('rejected', {}, { response: '554 no' })]);
    expect(r.final.state).toBe('failed');
    expect(r.sends).toBe(1);
  });

  it('unknown: a drop after every byte went out is unknown, never resent', async () => {
    const r = await deliver([{ afterData: new MailError('connectionLost') }, 'ok']);
    expect(r.final.state).toBe('unknown');
    expect(r.final.record.error?.code).toBe('sendOutcomeUnknown');
    expect(r.sends).toBe(1);
  });

  it('pause: an authentication failure stops the queue and leaves the message queued', async () => {
    const r = await deliver([new MailError('authFailed')]);
    expect(r.final.state).toBe('queued');
    expect(r.result.stopped?.code).toBe('authFailed');
    expect(r.result.remaining).toBe(1);
  });

  it('a hand-off is handedOff; a failed hand-off fails without a retry', async () => {
    expect((await deliver(['handedOff'])).final.state).toBe('handedOff');
    const failed = await deliver([
      { afterData: new MailError('handoffFailed', { program: 'Mail', detail: 'exit 1' }) },
    ]);
    expect(failed.final.state).toBe('failed');
    expect(failed.sends).toBe(1);
  });
});
