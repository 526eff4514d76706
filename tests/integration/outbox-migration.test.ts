// A data folder made by the version before the database (tests/fixtures/data-folder-v1: record logs,
// files in queue/, claimed/ and messages/) is migrated on first start, losing nothing: states, attempts,
// replies, hashes, history, the stored copies' paths; a message the old version was sending when it
// died becomes unknown. A migration that fails leaves the old data exactly as it was and says so.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import type { JournalEntry, OutboxEntry } from '../../src/shared/outbox.js';
import { ROOT, runCli, tempHome } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/data-folder-v1');

/** Every file below `dir` with the SHA-256 of its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function copyFixture(): string {
  const home = tempHome('opos-migrate-');
  cpSync(FIXTURE, home, { recursive: true });
  return home;
}

describe('migration of a data folder made before the database', () => {
  it('every message keeps its state, attempts, reply, hashes, history and stored copy; the old files stay untouched', async () => {
    const home = copyFixture();
    const before = tree(path.join(home, 'outbox'));
    const list = await runCli(['outbox', 'list', '--json'], { home });
    expect(list.code, list.stderr).toBe(0);
    const entries = list.lines<OutboxEntry>();
    expect(entries.map((e) => [e.reference, e.state])).toEqual([
      ['R-1', 'sent'],
      ['R-2', 'failed'],
      ['R-3', 'unknown'],
      ['R-4', 'queued'],
      ['R-5', 'queued'],
      ['R-6', 'unknown'], // the old version died while sending it: never resent without a decision
    ]);
    const byRef: Record<string, OutboxEntry> = Object.fromEntries(entries.map((e) => [e.reference, e]));
    expect(byRef['R-1']).toMatchObject({ attempts: 1, response: '250 2.0.0 Ok: queued as A1' });
    expect(byRef['R-2']!.error).toMatchObject({
      code: 'recipientsRejected',
      response: '550 5.1.1 No such user',
    });
    expect(byRef['R-2']!.cc).toEqual(['chef@example.org']);
    expect(byRef['R-4']!.history.map((h) => h.state)).toEqual(['queued', 'failed', 'queued']);
    expect(byRef['R-6']!.error?.code).toBe('sendOutcomeUnknown');
    for (const e of entries) {
      expect(e.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(e.batch).toMatchObject({ scope: '/daten/lauf-november.csv', key: e.reference });
      // the stored copy is where the old version left it, and it is this message's
      expect(readFileSync(e.file, 'latin1')).toContain(`Message-ID: ${e.messageId}`);
    }
    // the old data is exactly as it was; the database is new beside it
    const after = tree(path.join(home, 'outbox'));
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added).toContain('outbox.db');
    expect(
      added.every((f) => /^outbox\.db(-wal|-shm)?$/.test(f)),
      added.join(', '),
    ).toBe(true);

    const journal = await runCli(['journal', '--json'], { home });
    expect(journal.lines<JournalEntry>().map((j) => [j.reference, j.state])).toEqual(
      expect.arrayContaining([
        ['R-1', 'sent'],
        ['R-2', 'failed'],
        ['R-3', 'unknown'],
        ['R-6', 'unknown'],
      ]),
    );

    // a migrated queued message can still be sent: claimed, and its bytes streamed from queue/
    const store = new OutboxStore(home);
    const queued = (await store.list()).find((l) => l.record.reference === 'R-5')!;
    expect(path.basename(path.dirname(queued.path))).toBe('queue');
    const claimed = (await store.claim(queued))!;
    const chunks: Buffer[] = [];
    for await (const c of store.prepared(claimed).raw()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(readFileSync(queued.path))).toBe(true);
    expect(claimed.record.draft.to).toEqual(['kunde5@example.org']);
    await store.close();

    // a second start does not migrate again
    const again = await runCli(['outbox', 'list', '--json'], { home });
    expect(again.lines()).toHaveLength(6);
  });

  it('a migration that fails leaves the old data untouched, says so, and succeeds once the cause is gone', async () => {
    const home = copyFixture();
    const logDir = path.join(home, 'outbox/log');
    const [log] = readdirSync(logDir);
    // a damaged record: a message without a subject cannot be taken over
    const broken = JSON.parse(readFileSync(path.join(logDir, log!), 'utf8').split('\n')[0]!) as {
      record: Record<string, unknown>;
    };
    broken.record = { ...broken.record, id: '00000000-0000-4000-8000-000000000000', subject: null };
    appendFileSync(path.join(logDir, 'damaged.jsonl'), JSON.stringify(broken) + '\n');
    const before = tree(path.join(home, 'outbox'));

    const r = await runCli(['outbox', 'list', '--json', '--lang', 'en'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/could not be moved into the new database/);
    expect(r.stderr).toMatch(/old data was left untouched/);
    expect(tree(path.join(home, 'outbox'))).toEqual(before);
    expect(existsSync(path.join(home, 'outbox/outbox.db'))).toBe(false);

    const de = await runCli(['outbox', 'list'], { home });
    expect(de.stderr).toMatch(/bisherigen Daten sind unverändert/);

    // the damaged file removed: the migration goes through
    cpSync(path.join(FIXTURE, 'outbox/log'), logDir, { recursive: true });
    rmSync(path.join(logDir, 'damaged.jsonl'));
    const ok = await runCli(['outbox', 'list', '--json'], { home });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.lines()).toHaveLength(6);
  });
});
