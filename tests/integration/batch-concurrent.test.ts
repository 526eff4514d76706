// The same 200-row manifest run by two and by three `opos-mail batch` processes at the same time on one
// data folder (an ERP's scheduled job and a click on "Mahnlauf starten", or a double start): every row
// reaches the server exactly once, counted on the server's side, and every run reports every row. And
// when one of the runs dies while sending, the others report its rows in flight `unknown` (never
// resent) and do not exit 0.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import { FAST_RETRY, smtpHome, workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { MailService } from '../../src/main/service/mail-service.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { spawnCli, waitUntil, type RunningCli } from '../helpers/spawn-cli.js';

const servers: Array<TestSmtpServer | FaultySmtpServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Line = BatchLine & { summary?: Record<string, number> };

function linesOf(run: RunningCli): Line[] {
  return run
    .stdout()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

const ROWS = 200;
const everyRow = Array.from({ length: ROWS }, (_, i) => i + 1);

async function concurrentRuns(runs: number, staggerMs: number): Promise<void> {
  const server = await startSmtpServer({ mode: 'plain', authOptional: true });
  servers.push(server);
  const home = await smtpHome(server.port);
  const dir = workDir();
  const manifest = writeManifest(dir, ROWS, writePdf(path.join(dir, 'mahnung.pdf'), 20_000));

  const started: RunningCli[] = [];
  for (let i = 0; i < runs; i++) {
    if (i && staggerMs) await new Promise((r) => setTimeout(r, staggerMs));
    started.push(spawnCli(['batch', manifest, '--json'], home, FAST_RETRY));
  }
  const codes = await Promise.all(started.map((r) => r.exited));

  // on the server: each of the 200 recipients exactly once
  const onServer = countBy(server.messages.map((m) => m.to[0]!));
  expect(onServer.size).toBe(ROWS);
  for (const [to, n] of onServer) expect(n, `${to} arrived ${n} times`).toBe(1);
  expect(server.messages).toHaveLength(ROWS);

  const sentBy = started.map((r) => linesOf(r).filter((l) => l.state === 'sent').length);
  expect(sentBy.reduce((a, b) => a + b, 0)).toBe(ROWS); // every message sent by exactly one run
  for (const [i, run] of started.entries()) {
    expect(codes[i], run.stderr()).toBe(0);
    const lines = linesOf(run);
    const rows = lines.filter((l) => l.row !== undefined);
    // each run reports every row once: sent by itself, or skipped (sent by another run)
    expect(rows.map((l) => l.row).sort((a, b) => a - b)).toEqual(everyRow);
    expect(rows.every((l) => l.state === 'sent' || l.state === 'skipped')).toBe(true);
    expect(lines.at(-1)!.summary).toMatchObject({ failed: 0, unknown: 0, queued: 0, invalid: 0 });
  }
}

describe('concurrent batch runs of one manifest', () => {
  it('two runs started together: each of 200 rows arrives exactly once, both exit 0', async () => {
    await concurrentRuns(2, 0);
  }, 120_000);

  it('three runs, started together and a moment apart: each row exactly once', async () => {
    await concurrentRuns(3, 300);
  }, 180_000);

  it('the app and the CLI together: the app’s core (MailService.runBatch, as the IPC handler calls it) and a CLI run send each row once', async () => {
    const server = await startSmtpServer({ mode: 'plain', authOptional: true });
    servers.push(server);
    const home = await smtpHome(server.port);
    const dir = workDir();
    const manifest = writeManifest(dir, ROWS, writePdf(path.join(dir, 'mahnung.pdf'), 20_000));
    const app = new MailService({ dataFolder: home });
    const cli = spawnCli(['batch', manifest, '--json'], home, FAST_RETRY);
    const appLines: BatchLine[] = [];
    const report = await app.runBatch(manifest, { onLine: (l) => appLines.push(l) });
    const code = await cli.exited;
    await app.outbox.store.close();

    const onServer = countBy(server.messages.map((m) => m.to[0]!));
    expect(onServer.size).toBe(ROWS);
    for (const [to, n] of onServer) expect(n, `${to} arrived ${n} times`).toBe(1);
    expect(code, cli.stderr()).toBe(0);
    expect(report.summary).toMatchObject({ failed: 0, unknown: 0, queued: 0 });
    expect(appLines.map((l) => l.row).sort((a, b) => a - b)).toEqual(everyRow);
    const cliSent = linesOf(cli).filter((l) => l.state === 'sent').length;
    expect(report.summary.sent + cliSent).toBe(ROWS);
  }, 120_000);

  it('one of two runs killed while sending: its rows in flight become unknown, the other run sends the rest once and does not exit 0', async () => {
    const server = await startFaultySmtpServer({ replyDelayMs: 20 });
    servers.push(server);
    const home = await smtpHome(server.port);
    const dir = workDir();
    const manifest = writeManifest(dir, ROWS, writePdf(path.join(dir, 'mahnung.pdf'), 20_000));

    const a = spawnCli(['batch', manifest, '--json'], home, FAST_RETRY);
    const b = spawnCli(['batch', manifest, '--json'], home, FAST_RETRY);
    await waitUntil(() => server.accepted.length >= 40, 60_000);
    a.child.kill('SIGKILL');
    await a.exited;
    const code = await b.exited;

    const onServer = countBy(server.accepted.map((m) => m.reference));
    for (const [ref, n] of onServer) expect(n, `${ref} arrived ${n} times`).toBe(1);
    const rows = linesOf(b).filter((l) => l.row !== undefined);
    expect(rows.map((l) => l.row).sort((x, y) => x - y)).toEqual(everyRow);
    for (const l of rows) {
      const n = onServer.get(l.reference!) ?? 0;
      if (l.state === 'unknown') expect(n).toBeLessThanOrEqual(1);
      else expect(n, `row ${l.row} (${l.state})`).toBe(1);
    }
    const unknown = rows.filter((l) => l.state === 'unknown').length;
    // the killed run had at most its two connections' messages in flight, and their outcome writes
    expect(unknown).toBeLessThanOrEqual(4);
    expect(linesOf(b).at(-1)!.summary).toMatchObject({ failed: 0, queued: 0 });
    expect(code, b.stderr()).toBe(unknown ? 4 : 0);
  }, 120_000);
});
