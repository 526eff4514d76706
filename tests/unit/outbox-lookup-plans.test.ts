// The sending path's lookups each use an index: one that reads the whole messages table makes every
// batch row and every send slower with each message in the history (found with a 10,000-message
// bench:batch: the batch-row lookup read the table once per row, and the daily limit's count read
// every sent message ever at each delivery). SQLite's own query plan says which it is.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BATCH_ROW_SQL, SENT_TIMES_SQL } from '../../src/main/outbox/db/lookups.js';
import { openDatabase } from '../../src/main/outbox/db/outbox-db.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'opos-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(sql: string, params: unknown[]): string[] {
  const db = openDatabase(path.join(dir, `${Math.random()}.db`));
  try {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
      (r) => r.detail,
    );
  } finally {
    db.close();
  }
}

describe('the lookups made for every batch row and every delivery', () => {
  it('finds a batch row through its own index, failed rows included', () => {
    const steps = plan(BATCH_ROW_SQL, ['run-1', 'R-1']);
    expect(steps.some((s) => /^SCAN messages\b/.test(s))).toBe(false);
    expect(steps.join('\n')).toMatch(/USING (COVERING )?INDEX messages_batch_any/);
  });

  it("counts a profile's sends of the last day without reading every sent message", () => {
    const steps = plan(SENT_TIMES_SQL, ['profile-1', new Date().toISOString()]);
    expect(steps.some((s) => /^SCAN messages\b/.test(s))).toBe(false);
    // the state index alone would read every sent message of the whole history
    expect(steps.join('\n')).toMatch(/USING (COVERING )?INDEX messages_profile_journal/);
  });
});
