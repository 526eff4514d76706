// The journal's and the outbox list's filters through the CLI (--since, --until, --state, --reference,
// --to, --limit), the CSV export, and retention: `outbox prune` refuses a date less than six years back
// without --force and says why, deletes stored copies (and with --with-journal the rows) of old
// messages only, and never touches a queued one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import { profileSchema } from '../../src/shared/profile.js';
import type { JournalEntry, OutboxEntry } from '../../src/shared/outbox.js';
import { runCli, SAMPLE_PDF, tempHome } from '../helpers/cli.js';

const profile = profileSchema.parse({
  id: 'profile-0001',
  name: 'Firma',
  connection: 'test-mailbox',
  fromAddress: 'b@firma.example',
});

const YEAR = 365.25 * 24 * 3600_000;

/**
 * A data folder with five messages: R-1 sent 7 years ago, R-2 failed 7 years ago, R-3 sent 2 years ago
 * to two recipients, R-4 sent today, R-5 queued (created 8 years ago, never sent).
 */
async function history(): Promise<{ home: string; files: Record<string, string> }> {
  const home = tempHome('opos-queries-');
  const store = new OutboxStore(home);
  const files: Record<string, string> = {};
  const ages = { 'R-1': 7, 'R-2': 7, 'R-3': 2, 'R-4': 0, 'R-5': 8 };
  for (const [ref, years] of Object.entries(ages)) {
    const i = ref.slice(2);
    const l = await store.enqueue(profile, {
      to: [`kunde${i}@example.org`],
      cc: ref === 'R-3' ? ['Chef@Example.org'] : [],
      subject: `Mahnung ${ref}`,
      reference: ref,
      attachments: [{ path: SAMPLE_PDF }],
    });
    files[ref] = l.path;
    if (ref !== 'R-5') {
      const claimed = (await store.claim(l))!;
      const sentAt = new Date(Date.now() - years * YEAR).toISOString();
      if (ref === 'R-2') await store.transition(claimed, 'failed', { attempts: 1 });
      else await store.transition(claimed, 'sent', { attempts: 1, response: '250 Ok', sentAt });
    }
    // as if it had happened that long ago
    const at = new Date(Date.now() - years * YEAR).toISOString();
    const { db } = await store.connection();
    db.prepare(
      `UPDATE messages SET created_at = ?, journal_time = CASE WHEN journal_time IS NULL THEN NULL ELSE ? END WHERE id = ?`,
    ).run(at, at, l.record.id);
  }
  await store.close();
  return { home, files };
}

let home: string;
let files: Record<string, string>;
beforeAll(async () => {
  ({ home, files } = await history());
});

async function journal(...args: string[]): Promise<string[]> {
  const r = await runCli(['journal', '--json', ...args], { home });
  expect(r.code, r.stderr).toBe(0);
  return r.lines<JournalEntry>().map((j) => j.reference!);
}

function isoDay(yearsAgo: number): string {
  return new Date(Date.now() - yearsAgo * YEAR).toISOString().slice(0, 10);
}

describe('journal and outbox list filters', () => {
  it('filter by state, reference, recipient, time range and limit; oldest first', async () => {
    expect(await journal()).toEqual(['R-1', 'R-2', 'R-3', 'R-4']); // not the queued one
    expect(await journal('--state', 'failed')).toEqual(['R-2']);
    expect(await journal('--reference', 'R-3')).toEqual(['R-3']);
    expect(await journal('--to', 'chef@example.ORG')).toEqual(['R-3']); // cc, any case
    expect(await journal('--since', isoDay(3))).toEqual(['R-3', 'R-4']);
    expect(await journal('--until', isoDay(3))).toEqual(['R-1', 'R-2']);
    expect(await journal('--since', isoDay(3), '--until', isoDay(1))).toEqual(['R-3']);
    expect(await journal('--limit', '2')).toEqual(['R-3', 'R-4']); // the newest two
    const bad = await runCli(['journal', '--since', '31.02.x'], { home });
    expect(bad.code).toBe(2);
  });

  it('outbox list takes the same filters; the CSV export has a header and one line per entry', async () => {
    const list = await runCli(['outbox', 'list', '--json', '--state', 'queued'], { home });
    expect(list.lines<OutboxEntry>().map((e) => e.reference)).toEqual(['R-5']);
    const to = await runCli(['outbox', 'list', '--json', '--to', 'kunde4@example.org'], { home });
    expect(to.lines<OutboxEntry>().map((e) => e.reference)).toEqual(['R-4']);
    const out = path.join(home, 'journal.csv');
    const csv = await runCli(['journal', '--csv', '--output', out, '--lang', 'en'], { home });
    expect(csv.code, csv.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('\uFEFF')).toBe(true);
    expect(lines.slice(1).map((l) => /R-\d/.exec(l)![0])).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });
});

describe('outbox prune', () => {
  it('refuses a date less than six years back without --force and says why; nothing is deleted', async () => {
    const r = await runCli(['outbox', 'prune', '--before', isoDay(1), '--lang', 'en'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/six years \(HGB § 257, AO § 147\)/);
    expect(r.stderr).toMatch(/Nothing was deleted/);
    for (const f of Object.values(files)) expect(existsSync(f)).toBe(true);
  });

  it('deletes the stored copies of old messages, then with --with-journal their rows; queued ones stay', async () => {
    const { home: h, files: f } = await history();
    const r = await runCli(['outbox', 'prune', '--before', isoDay(6.5), '--json'], { home: h });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ files: 2, journalRows: 0 });
    expect(Object.entries(f).map(([ref, file]) => [ref, existsSync(file)])).toEqual([
      ['R-1', false],
      ['R-2', false],
      ['R-3', true],
      ['R-4', true],
      ['R-5', true], // queued: never pruned, however old
    ]);
    const j1 = await runCli(['journal', '--json'], { home: h });
    expect(j1.lines()).toHaveLength(4); // the proof of sending is still there
    const r2 = await runCli(['outbox', 'prune', '--before', isoDay(6.5), '--with-journal', '--json'], {
      home: h,
    });
    expect(r2.json()).toMatchObject({ files: 0, journalRows: 2 });
    const j2 = await runCli(['journal', '--json'], { home: h });
    expect(j2.lines<JournalEntry>().map((j) => j.reference)).toEqual(['R-3', 'R-4']);
    // --force allows a recent date
    const r3 = await runCli(['outbox', 'prune', '--before', isoDay(1), '--force', '--json'], { home: h });
    expect(r3.json()).toMatchObject({ files: 1 });
    expect(existsSync(f['R-3']!)).toBe(false);
    expect(existsSync(f['R-5']!)).toBe(true);
  });
});
