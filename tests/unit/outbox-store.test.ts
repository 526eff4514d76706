// The outbox's crash rules on a real folder: a claim left by a dead process becomes unknown; of two
// copies left by a crash between "write new" and "remove old", the newer revision wins.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import { profileSchema } from '../../src/shared/profile.js';
import { SAMPLE_PDF } from '../helpers/cli.js';

const profile = profileSchema.parse({
  id: 'profile-0001',
  name: 'Test',
  connection: 'test-mailbox',
  fromAddress: 'b@firma.example',
});

async function queued() {
  const store = new OutboxStore(mkdtempSync(path.join(os.tmpdir(), 'opos-outbox-')));
  const l = await store.enqueue(profile, {
    to: ['a@x.de'],
    subject: 'S',
    attachments: [{ path: SAMPLE_PDF }],
  });
  return { store, l };
}

describe('outbox store', () => {
  it('stores the exact bytes before the record, and the record in queued/', async () => {
    const { store, l } = await queued();
    expect(l.state).toBe('queued');
    expect(readFileSync(store.emlPath(l.record), 'latin1')).toContain(`Message-ID: ${l.record.messageId}`);
    expect(readdirSync(store.dir('tmp'))).toEqual([]);
    expect((await store.list()).map((x) => x.state)).toEqual(['queued']);
  });

  it('a claim is exclusive: the second claimant gets nothing', async () => {
    const { store, l } = await queued();
    expect(await store.claim(l)).not.toBeNull();
    expect(await store.claim(l)).toBeNull();
  });

  it('after a crash, a message a dead process was sending becomes unknown', async () => {
    const { store, l } = await queued();
    const dead = path.join(store.dir('sending'), `${l.record.id}@999999.json`);
    renameSync(l.path, dead);
    const recovered = await store.recover();
    expect(recovered.map((r) => r.state)).toEqual(['unknown']);
    expect(existsSync(dead)).toBe(false);
    const [only] = await store.list();
    expect(only).toMatchObject({ state: 'unknown' });
    expect(only!.record.error?.code).toBe('sendOutcomeUnknown');
  });

  it('of two copies the newer revision wins and the stale one is removed', async () => {
    const { store, l } = await queued();
    const claimed = (await store.claim(l))!;
    const sent = await store.transition(claimed, 'sent', { response: '250 Ok', attempts: 1 });
    // the crash left the old claim behind (as if the process died before removing it)
    writeFileSync(claimed.path, JSON.stringify(claimed.record));
    expect((await store.list()).map((x) => x.state)).toEqual(['sent']);
    await store.recover();
    expect(existsSync(claimed.path)).toBe(false);
    expect(existsSync(sent.path)).toBe(true);
  });
});
