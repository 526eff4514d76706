// Refused recipients as their own outcome: a real SMTP server refuses the To recipient (550) while it
// accepts the Cc. `send` must not say "sent": status `partial` with who was refused and the server's
// reply, exit 10; the outbox, the journal (JSON and CSV) and `batch --json` say the same. A message
// with no accepted recipient stays `failed`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import type { JournalEntry, OutboxEntry } from '../../src/shared/outbox.js';
import { smtpHome, workDir, writePdf } from '../helpers/batch-fixtures.js';
import { runCli, SAMPLE_PDF } from '../helpers/cli.js';
import { smtpError, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server that refuses every address starting with `unbekannt` (550 5.1.1). */
async function refusingServer(): Promise<TestSmtpServer> {
  const s = await startSmtpServer({
    mode: 'plain',
    onRcpt: (a) =>
      a.startsWith('unbekannt') ? smtpError(550, '5.1.1 <' + a + '>: User unknown') : undefined,
  });
  servers.push(s);
  return s;
}

function send(home: string, to: string, cc: string[], extra: string[] = []) {
  return runCli(
    [
      'send',
      '--to',
      to,
      ...cc.flatMap((c) => ['--cc', c]),
      '--subject',
      'Mahnung 4711',
      '--attach',
      SAMPLE_PDF,
      '--reference',
      'R-4711',
      ...extra,
    ],
    { home },
  );
}

// many runs of the command per test: generous on a loaded machine
describe('refused recipients', { timeout: 120_000 }, () => {
  it('To refused, Cc accepted: status partial, exit 10, refused named with the reply – everywhere', async () => {
    const server = await refusingServer();
    const home = await smtpHome(server.port, ['--no-login']);
    const r = await send(home, 'unbekannt@example.org', ['chef@example.org'], ['--json']);
    expect(r.code, r.stderr).toBe(10);
    const json = r.json<{
      status: string;
      accepted: string[];
      refused: Array<{ address: string; response: string }>;
    }>();
    expect(json.status).toBe('partial');
    expect(json.accepted).toEqual(['chef@example.org']);
    expect(json.refused).toHaveLength(1);
    expect(json.refused[0]!.address).toBe('unbekannt@example.org');
    expect(json.refused[0]!.response).toMatch(/^550 5\.1\.1 .*User unknown/);
    // the server really delivered it to the Cc only
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]!.to).toEqual(['chef@example.org']);

    // in words, German by default: never "gesendet" alone
    const human = await send(home, 'unbekannt@example.org', ['chef@example.org']);
    expect(human.code).toBe(10);
    expect(human.stdout).toContain('Nur teilweise zugestellt');
    expect(human.stdout).toContain('ABGELEHNT: unbekannt@example.org – 550 5.1.1');

    const outbox = (await runCli(['outbox', 'list', '--json'], { home })).lines<OutboxEntry>();
    expect(outbox.map((e) => e.state)).toEqual(['partial', 'partial']);
    expect(outbox[0]!.refused![0]!.address).toBe('unbekannt@example.org');
    // a partial message is final: retry leaves it alone (the Cc has it already)
    const retry = await runCli(['outbox', 'retry', outbox[0]!.id, '--json'], { home });
    expect(retry.lines<OutboxEntry>()[0]!.state).toBe('partial');

    const journal = (await runCli(['journal', '--json'], { home })).lines<JournalEntry>();
    expect(journal[0]).toMatchObject({
      state: 'partial',
      refused: [{ address: 'unbekannt@example.org' }],
      error: { code: 'recipientsPartlyRefused', exitCode: 10 },
    });
    expect((journal[0]!.error as { message?: string }).message).toContain('unbekannt@example.org');
    const csvFile = path.join(workDir(), 'j.csv');
    const csv = await runCli(['journal', '--csv', '--output', csvFile], { home });
    expect(csv.code, csv.stderr).toBe(0);
    const text = readFileSync(csvFile, 'utf8');
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('Abgelehnte Empfänger');
    expect(first).toContain('teilweise zugestellt');
    expect(first).toContain('unbekannt@example.org (550 5.1.1');
  });

  it('no recipient accepted: failed with the reply, exit 5 (not partial)', async () => {
    const server = await refusingServer();
    const home = await smtpHome(server.port, ['--no-login']);
    const r = await send(home, 'unbekannt@example.org', ['unbekannt2@example.org'], ['--json']);
    expect(r.code, r.stdout).toBe(5);
    expect(r.json()).toMatchObject({ status: 'error', error: { code: 'recipientsRejected' } });
    expect(server.messages).toHaveLength(0);
    const outbox = (await runCli(['outbox', 'list', '--json'], { home })).lines<OutboxEntry>();
    expect(outbox.map((e) => e.state)).toEqual(['failed']);
  });

  it('batch --json: a row with a refused recipient is partial (with who), the summary counts it, exit 10', async () => {
    const server = await refusingServer();
    const home = await smtpHome(server.port, ['--no-login']);
    const dir = workDir();
    writePdf(path.join(dir, 'm.pdf'), 5_000);
    const manifest = path.join(dir, 'lauf.csv');
    writeFileSync(
      manifest,
      [
        'Empfänger;Cc;Betreff;Anhänge;Referenz',
        'kunde1@example.org;;Mahnung 1;m.pdf;R-1',
        'unbekannt@example.org;vertrieb@example.org;Mahnung 2;m.pdf;R-2',
      ].join('\r\n') + '\r\n',
    );
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(10);
    const lines = r.lines<BatchLine & { summary?: Record<string, number> }>();
    const rows = lines.filter((l) => l.row !== undefined).sort((a, b) => a.row - b.row);
    expect(rows.map((l) => [l.reference, l.state])).toEqual([
      ['R-1', 'sent'],
      ['R-2', 'partial'],
    ]);
    expect(rows[1]!.refused).toEqual([
      { address: 'unbekannt@example.org', response: expect.stringMatching(/^550 5\.1\.1/) },
    ]);
    expect(rows[1]!.error).toMatchObject({ code: 'recipientsPartlyRefused' });
    expect(lines.at(-1)!.summary).toMatchObject({ sent: 1, partial: 1, failed: 0, queued: 0 });
    // the same command again sends nothing twice
    const again = await runCli(['batch', manifest, '--json'], { home });
    expect(again.lines().at(-1)).toMatchObject({ summary: { skipped: 2, sent: 0, partial: 0 } });
    expect(server.messages).toHaveLength(2);
  });
});
