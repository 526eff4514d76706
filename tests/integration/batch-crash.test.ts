// The process killed hard (SIGKILL) in the middle of a batch of 200 messages, then the same command
// again: every row is sent exactly once or marked unknown; none lost, none duplicated. Counted on the
// server's side. And Ctrl-C: the message in flight finishes, the rest waits, the rerun completes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import { FAST_RETRY, smtpHome, workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { runCli } from '../helpers/cli.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';
import { spawnCli, waitUntil } from '../helpers/spawn-cli.js';

const servers: FaultySmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe('batch interrupted', () => {
  it('SIGKILL mid-way through 200 messages, then resumed: each row sent once or unknown, none lost or doubled', async () => {
    const server = await startFaultySmtpServer({ replyDelayMs: 5 });
    servers.push(server);
    const home = await smtpHome(server.port);
    const dir = workDir();
    const manifest = writeManifest(dir, 200, writePdf(path.join(dir, 'mahnung.pdf'), 30_000));

    const first = spawnCli(['batch', manifest, '--json'], home, FAST_RETRY);
    await waitUntil(() => server.accepted.length >= 60);
    first.child.kill('SIGKILL');
    await first.exited;
    const acceptedBeforeKill = server.accepted.length;
    expect(acceptedBeforeKill).toBeLessThan(200);

    const again = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY, timeoutMs: 60_000 });
    expect([0, 4], again.stderr).toContain(again.code);
    const lines = again.lines<BatchLine & { summary?: Record<string, number> }>();
    const rows = lines.filter((l) => l.row !== undefined);
    // one line per row, each row once
    expect(rows.map((l) => l.row).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(new Set(rows.map((l) => l.state))).toSatisfy((s: Set<string>) =>
      [...s].every((x) => ['sent', 'skipped', 'unknown'].includes(x)),
    );

    const onServer = countBy(server.accepted.map((m) => m.reference));
    for (const [ref, n] of onServer) expect(n, `${ref} arrived ${n} times`).toBe(1);
    for (const l of rows) {
      const n = onServer.get(l.reference!) ?? 0;
      if (l.state === 'unknown') expect(n).toBeLessThanOrEqual(1);
      else expect(n, `row ${l.row} (${l.state})`).toBe(1);
    }
    // the unknown ones were in flight when the process died: per connection the message being sent
    // and the one before it, whose outcome was still being written (2 connections)
    const unknown = rows.filter((l) => l.state === 'unknown');
    expect(unknown.length).toBeLessThanOrEqual(4);
    expect(rows.filter((l) => l.state === 'skipped').length).toBeGreaterThanOrEqual(
      acceptedBeforeKill - unknown.length,
    );
    expect(lines.at(-1)!.summary).toMatchObject({ failed: 0, queued: 0, invalid: 0 });

    // a third run sends nothing
    const third = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY, timeoutMs: 60_000 });
    expect(third.lines().at(-1)).toMatchObject({ summary: { sent: 0, failed: 0, queued: 0 } });
    expect(server.accepted.length).toBe(onServer.size);
  }, 90_000);

  it('Ctrl-C finishes the message in flight and stops (exit 6); the same command resumes without duplicates', async () => {
    const server = await startFaultySmtpServer({ replyDelayMs: 150 });
    servers.push(server);
    const home = await smtpHome(server.port);
    const dir = workDir();
    const manifest = writeManifest(dir, 12, writePdf(path.join(dir, 'mahnung.pdf'), 10_000));

    const first = spawnCli(['batch', manifest, '--json', '--connections', '1'], home, FAST_RETRY);
    await waitUntil(() => server.accepted.length >= 1);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(6);
    const lines = first
      .stdout()
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as BatchLine & { summary?: Record<string, number>; stopped?: { code: string } },
      );
    const summary = lines.at(-1)!;
    expect(summary.stopped?.code).toBe('batchInterrupted');
    expect(summary.summary!.unknown).toBe(0);
    expect(summary.summary!.sent).toBe(server.accepted.length);
    expect(summary.summary!.queued).toBe(12 - server.accepted.length);

    const again = await runCli(['batch', manifest, '--json'], { home, env: FAST_RETRY, timeoutMs: 60_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.lines().at(-1)).toMatchObject({
      summary: { sent: 12 - summary.summary!.sent!, skipped: summary.summary!.sent, unknown: 0 },
    });
    expect([...countBy(server.accepted.map((m) => m.reference)).values()]).toEqual(Array(12).fill(1));
  });
});
