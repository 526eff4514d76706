// What the Postausgang view stands on, in the core and its IPC handlers: the change notification
// (MailService.watchOutbox) fires for this process's changes and for another process's (`opos-mail
// send` on the same data folder), and stays silent while nothing changes; the page query walks the
// history newest first with its cursor and filters; the prune preview counts what would go, and the
// handlers refuse a recent day without the override and a day that does not exist.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc/handlers.js';
import { MailService } from '../../src/main/service/mail-service.js';
import type { OutboxChange, OutboxPage, PrunePreview } from '../../src/shared/outbox.js';
import { runCli, tempHome } from '../helpers/cli.js';

const YEAR = 365.25 * 24 * 3600_000;

function hooks() {
  const none = () => Promise.resolve(null);
  return {
    version: '0.0.0-test',
    locale: 'de-DE',
    choosePdfFiles: () => Promise.resolve([]),
    chooseCaFile: none,
    chooseManifestFile: none,
    chooseSaveFile: none,
    openPath: () => Promise.resolve(),
  };
}

async function queue(service: MailService, i: number, sentAt?: Date) {
  const store = service.outbox.store;
  const profile = await service.profiles.get('Testpostfach');
  const l = await store.enqueue(profile, {
    to: [`kunde${i}@example.org`],
    subject: `Mahnung ${i}`,
    reference: `R-${i}`,
  });
  if (!sentAt) return l;
  const claimed = (await store.claim(l))!;
  await store.transition(claimed, 'sent', { attempts: 1, sentAt: sentAt.toISOString() });
  const { db } = await store.connection();
  db.prepare('UPDATE messages SET created_at = ?, journal_time = ? WHERE id = ?').run(
    sentAt.toISOString(),
    sentAt.toISOString(),
    l.record.id,
  );
  return l;
}

describe('change notifications', () => {
  let service: MailService;
  beforeAll(() => {
    service = new MailService({ dataFolder: tempHome('opos-watch-') });
  });
  afterAll(() => service.outbox.store.close());

  it("fire for this process's and another process's changes, not while nothing changes", async () => {
    const changes: OutboxChange[] = [];
    const stop = await service.watchOutbox((c) => changes.push(c));
    await new Promise((r) => setTimeout(r, 2000));
    expect(changes).toEqual([]);

    await queue(service, 1);
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(0);

    const seen = changes.length;
    const r = await runCli(
      ['send', '--profile', 'Testpostfach', '--to', 'cli@example.org', '--subject', 'Aus der CLI'],
      { home: service.dataFolder },
    );
    expect(r.code, r.stderr).toBe(0);
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(seen);

    // after the last subscription ended, nothing more is reported
    stop();
    await new Promise((res) => setTimeout(res, 1000));
    const after = changes.length;
    await queue(service, 2);
    await new Promise((res) => setTimeout(res, 2000));
    expect(changes.length).toBe(after);
  }, 60_000);
});

describe('the Postausgang through its IPC handlers', () => {
  let service: MailService;
  let handlers: IpcHandlers;
  beforeAll(async () => {
    service = new MailService({ dataFolder: tempHome('opos-page-') });
    handlers = createIpcHandlers(service, hooks());
    // 1 … 3 sent seven years ago (in March of that year), 4 … 25 queued now
    const old = new Date(Date.now() - 7 * YEAR);
    for (let i = 1; i <= 25; i++)
      await queue(service, i, i <= 3 ? new Date(old.getFullYear(), 2, i, 12) : undefined);
  }, 60_000);
  afterAll(() => service.outbox.store.close());

  const page = async (req: Record<string, unknown>) => {
    const r = await handlers.outboxPage(req);
    if (!r.ok) throw new Error(r.error.code);
    return { refs: r.value.entries.map((e) => e.reference), older: r.value.older } as {
      refs: string[];
      older: OutboxPage['older'];
    };
  };

  it('pages newest first with the cursor, and filters by state, period and search', async () => {
    const first = await page({ limit: 10 });
    expect(first.refs).toEqual(Array.from({ length: 10 }, (_, i) => `R-${25 - i}`));
    const second = await page({ limit: 10, before: first.older });
    expect(second.refs[0]).toBe('R-15');
    const third = await page({ limit: 10, before: second.older });
    expect(third.refs).toEqual(['R-5', 'R-4', 'R-3', 'R-2', 'R-1']);
    expect(third.older).toBeNull();

    expect((await page({ state: 'sent' })).refs).toEqual(['R-3', 'R-2', 'R-1']);
    const year = new Date(Date.now() - 7 * YEAR).getFullYear();
    expect((await page({ since: `${year}-03-02`, until: `${year}-03-03` })).refs).toEqual(['R-3', 'R-2']);
    expect((await page({ search: 'kunde17@' })).refs).toEqual(['R-17']);
    expect((await page({ search: 'Mahnung 2' })).refs).toEqual([
      'R-25',
      'R-24',
      'R-23',
      'R-22',
      'R-21',
      'R-20',
      'R-2',
    ]);
  });

  it('refuses days that do not exist and unknown fields', async () => {
    for (const req of [
      { since: '2026-02-30' },
      { until: '1.2.2026' },
      { before: 0 },
      { limit: 5000 },
      { to: 'x' },
    ]) {
      const r = await handlers.outboxPage(req);
      expect(r, JSON.stringify(req)).toMatchObject({ ok: false, error: { code: 'invalidOption' } });
    }
  });

  it('counts before pruning; a recent day only with the override; the queued never', async () => {
    const old = new Date(Date.now() - 6 * YEAR - 30 * 24 * 3600_000);
    const day = `${old.getFullYear()}-${String(old.getMonth() + 1).padStart(2, '0')}-${String(old.getDate()).padStart(2, '0')}`;
    const preview = (await handlers.outboxPrunePreview({ before: day })) as { ok: true; value: PrunePreview };
    expect(preview.value).toMatchObject({ files: 3, rows: 3, tooRecent: false });

    const files = (await service.outbox.list()).map((e) => e.file);
    const today = new Date();
    const now = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const recent = (await handlers.outboxPrunePreview({ before: now })) as { ok: true; value: PrunePreview };
    expect(recent.value.tooRecent).toBe(true);
    expect(await handlers.outboxPrune({ before: now, withJournal: true })).toMatchObject({
      ok: false,
      error: { code: 'pruneTooRecent' },
    });
    expect(files.every((f) => existsSync(f))).toBe(true);

    expect(await handlers.outboxPrune({ before: day })).toEqual({ ok: true, value: { files: 3, rows: 0 } });
    expect(await handlers.outboxPrunePreview({ before: day })).toMatchObject({
      value: { files: 0, rows: 3 },
    });
    expect(await handlers.outboxPrune({ before: now, withJournal: true, force: true })).toEqual({
      ok: true,
      value: { files: 0, rows: 3 },
    });
    expect(await service.outbox.list()).toHaveLength(22); // the queued ones stay
  });
});

describe('the search index', () => {
  let service: MailService;
  beforeAll(() => {
    service = new MailService({ dataFolder: tempHome('opos-search-') });
  });
  afterAll(() => service.outbox.store.close());
  const search = async (text: string) => {
    const refs: Array<string | undefined> = [];
    for await (const e of service.outbox.store.query({ view: 'outbox', search: text, limit: 100 }, true))
      refs.push(e.reference);
    return refs;
  };

  it('finds a message queued a moment ago, and a send by another process leaves the index complete', async () => {
    // queued in this process without a run: not in the search index yet, the search adds it first
    await queue(service, 26);
    expect(await search('kunde26@')).toEqual(['R-26']);
    const r = await runCli(
      ['send', '--profile', 'Testpostfach', '--to', 'andere@example.org', '--subject', 'Aus dem Skript'],
      { home: service.dataFolder },
    );
    expect(r.code, r.stderr).toBe(0);
    const { db } = await service.outbox.store.connection();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    // the send ended with its message in the index (one transaction for the run, not one per message)
    expect(count('SELECT count(*) AS n FROM search')).toBe(count('SELECT count(*) AS n FROM messages'));
    expect(await search('aus dem skript')).toHaveLength(1);
    expect(await search('andere@ex')).toHaveLength(1);
  }, 60_000);
});
