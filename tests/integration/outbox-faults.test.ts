// Real faults on a real SMTP server, through the `opos-mail` command: 451 a few times then accepted,
// the connection dropped in the middle of DATA (retried), dropped after the whole message arrived
// (unknown, never resent on its own), 550 for one recipient (that row fails with the server's reason),
// wrong password (the queue pauses instead of burning through it). Counted on the server's side, and
// checked in the outbox and the journal.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry, OutboxEntry } from '../../src/shared/outbox.js';
import type { BatchLine } from '../../src/shared/batch.js';
import { FAST_RETRY, smtpHome, workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { runCli, SAMPLE_PDF } from '../helpers/cli.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: Array<FaultySmtpServer | TestSmtpServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function faulty(o: Parameters<typeof startFaultySmtpServer>[0]) {
  const s = await startFaultySmtpServer(o);
  servers.push(s);
  return s;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function send(home: string, extra: string[] = []) {
  return runCli(
    [
      'send',
      '--to',
      'kunde@example.org',
      '--subject',
      'Mahnung 4711',
      '--attach',
      SAMPLE_PDF,
      '--reference',
      'R-4711',
      '--json',
      ...extra,
    ],
    { home, env: FAST_RETRY },
  );
}

describe('outbox against a misbehaving server', () => {
  it('451 twice, then accepted: sent once after 3 attempts; journal has the reply, hash and the exact bytes', async () => {
    const server = await faulty({
      onData: (n) => (n <= 2 ? { code: 451, text: '4.3.0 Try again later' } : 'accept'),
      keepRaw: true,
    });
    const home = await smtpHome(server.port);
    const r = await send(home);
    expect(r.code, r.stderr).toBe(0);
    const result = r.json<{ messageId: string; outboxId: string; response: string }>();
    expect(server.dataCount).toBe(3);
    expect(server.accepted).toHaveLength(1);
    expect(server.accepted[0]!.messageId).toBe(result.messageId);

    const journal = (await runCli(['journal', '--json'], { home })).lines<JournalEntry>();
    expect(journal).toHaveLength(1);
    const j = journal[0]!;
    expect(j).toMatchObject({
      state: 'sent',
      attempts: 3,
      messageId: result.messageId,
      reference: 'R-4711',
      profile: 'Firma',
      transport: 'smtp',
      to: ['kunde@example.org'],
    });
    expect(j.response).toMatch(/^250 .*Ok: queued as Q1/);
    expect(j.attachments).toEqual([
      { filename: 'sample-mahnung.pdf', size: readFileSync(SAMPLE_PDF).length, sha256: sha256(SAMPLE_PDF) },
    ]);
    // the stored copy is exactly what the server received
    expect(readFileSync(j.file).equals(server.accepted[0]!.raw)).toBe(true);
  });

  it("451 on every attempt: fails after the profile's maxAttempts with the server's reason (exit 6)", async () => {
    const server = await faulty({ onData: () => ({ code: 451, text: '4.7.0 Busy' }) });
    const home = await smtpHome(server.port, ['--max-attempts', '2']);
    const r = await send(home);
    expect(r.code).toBe(6);
    expect(server.dataCount).toBe(2);
    const [entry] = (await runCli(['outbox', 'list', '--json'], { home })).lines<OutboxEntry>();
    expect(entry).toMatchObject({ state: 'failed', attempts: 2, error: { code: 'temporary' } });
    expect(entry!.response).toContain('451 4.7.0 Busy');
  });

  it('connection dropped in the middle of DATA: retried and delivered exactly once', async () => {
    const dir = workDir();
    // big enough that the client is still streaming when the server hangs up
    const pdf = writePdf(path.join(dir, 'gross.pdf'), 12 * 1024 * 1024);
    const server = await faulty({ onData: (n) => (n === 1 ? 'drop-mid' : 'accept') });
    const home = await smtpHome(server.port);
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'Gross', '--attach', pdf, '--json'],
      { home, env: FAST_RETRY, timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(server.dataCount).toBe(2);
    expect(server.accepted).toHaveLength(1);
    const [entry] = (await runCli(['outbox', 'list', '--json'], { home })).lines<OutboxEntry>();
    expect(entry).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('connection dropped after the whole message arrived: unknown, not resent until the user decides', async () => {
    const server = await faulty({ onData: (n) => (n === 1 ? 'drop-after' : 'accept') });
    const home = await smtpHome(server.port);
    const r = await send(home);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--resend-unknown');
    expect(server.droppedAfterData).toHaveLength(1);
    const [entry] = (await runCli(['outbox', 'list', '--json'], { home })).lines<OutboxEntry>();
    expect(entry).toMatchObject({ state: 'unknown', error: { code: 'sendOutcomeUnknown' } });

    // an ordinary run leaves it alone
    const run = await runCli(['outbox', 'run', '--json'], { home, env: FAST_RETRY });
    expect(run.code).toBe(0);
    expect(server.dataCount).toBe(1);
    const [journalEntry] = (await runCli(['journal', '--json'], { home })).lines<JournalEntry>();
    expect(journalEntry).toMatchObject({ state: 'unknown', messageId: entry!.messageId });

    // the user decides: the same bytes (same Message-ID) once more
    const retry = await runCli(['outbox', 'retry', entry!.id, '--resend-unknown', '--json'], { home });
    expect(retry.lines<OutboxEntry>()[0]).toMatchObject({ state: 'queued' });
    const again = await runCli(['outbox', 'run', '--json'], { home, env: FAST_RETRY });
    expect(again.code, again.stderr).toBe(0);
    expect(again.lines().at(-1)).toMatchObject({ summary: { sent: 1, failed: 0, unknown: 0, queued: 0 } });
    expect(server.accepted.map((m) => m.messageId)).toEqual([entry!.messageId]);
  });

  it('550 for one recipient: that row fails with the reply, the others are sent (exit 5)', async () => {
    const server = await faulty({
      onRcpt: (a) => (a === 'kunde2@example.org' ? { code: 550, text: '5.1.1 User unknown' } : undefined),
    });
    const home = await smtpHome(server.port);
    const dir = workDir();
    const manifest = writeManifest(dir, 3, writePdf(path.join(dir, 'm.pdf'), 20_000));
    const r = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY });
    expect(r.code, r.stderr).toBe(5);
    const lines = r.lines<BatchLine & { summary?: unknown }>();
    const rows = lines.filter((l) => l.row !== undefined).sort((a, b) => a.row - b.row);
    expect(rows.map((l) => [l.row, l.reference, l.state])).toEqual([
      [1, 'R-1', 'sent'],
      [2, 'R-2', 'failed'],
      [3, 'R-3', 'sent'],
    ]);
    expect(rows[1]!.error).toMatchObject({ code: 'recipientsRejected', exitCode: 5 });
    expect(rows[1]!.error!.message).toContain('kunde2@example.org');
    expect(rows[1]!.response).toContain('550 5.1.1 User unknown');
    expect(lines.at(-1)).toEqual({
      summary: {
        sent: 2,
        handedOff: 0,
        failed: 1,
        unknown: 0,
        skipped: 0,
        queued: 0,
        invalid: 0,
        partial: 0,
      },
    });
    expect(server.accepted.map((m) => m.reference).sort()).toEqual(['R-1', 'R-3']);
    const journal = (await runCli(['journal', '--json'], { home })).lines<JournalEntry>();
    const failed = journal.find((j) => j.reference === 'R-2')!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'recipientsRejected' } });
    expect(failed.response).toContain('550 5.1.1');
    expect(existsSync(failed.file)).toBe(true);
  });

  it('wrong password: the queue pauses after one login attempt instead of burning through it (exit 3)', async () => {
    const server = await startSmtpServer({ mode: 'plain', users: { buchhaltung: 'richtig' } });
    servers.push(server);
    const home = await smtpHome(server.port, ['--login', '--user', 'buchhaltung', '--allow-plaintext-auth']);
    // --password-stdin reads the (wrong) password
    const edit = await runCli(['profile', 'edit', 'Firma', '--password-stdin'], { home, input: 'falsch\n' });
    expect(edit.code, edit.stderr).toBe(0);
    const dir = workDir();
    const manifest = writeManifest(dir, 5, writePdf(path.join(dir, 'm.pdf'), 10_000));
    const r = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY });
    expect(r.code).toBe(3);
    const summary = r.lines<{ summary?: Record<string, number>; stopped?: { code: string } }>().at(-1)!;
    expect(summary.summary).toMatchObject({ sent: 0, failed: 0, unknown: 0 });
    expect(summary.stopped?.code).toBe('authFailed');
    expect(server.messages).toHaveLength(0);
    expect(server.sessions.reduce((n, s) => n + s.authAttempts, 0)).toBeLessThanOrEqual(2);

    // fixed password: the same command resumes and sends all five, once
    await runCli(['profile', 'edit', 'Firma', '--password-stdin'], { home, input: 'richtig\n' });
    const again = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY });
    expect(again.code, again.stderr).toBe(0);
    expect(server.messages).toHaveLength(5);
  });
});
