// The outbox's crash rules on a real folder and a real SQLite database: the bytes are stored before the
// record, a claim is exclusive (also against a stale view and across connections), a claim whose holder
// died (its PID gone, or reused by another process) becomes unknown, never queued; a batch row is
// queued once per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
import { processStart, selfIdentity } from '../../src/main/platform/process-identity.js';
import { profileSchema } from '../../src/shared/profile.js';
import { SAMPLE_PDF } from '../helpers/cli.js';

const profile = profileSchema.parse({
  id: 'profile-0001',
  name: 'Test',
  connection: 'test-mailbox',
  fromAddress: 'b@firma.example',
});

const DEAD = 999999; // no such process
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

async function queued(store = new OutboxStore(tempFolder())) {
  const l = await store.enqueue(profile, {
    to: ['a@x.de'],
    subject: 'S',
    attachments: [{ path: SAMPLE_PDF }],
  });
  return { store, l };
}

function tempFolder(): string {
  const f = mkdtempSync(path.join(os.tmpdir(), 'opos-outbox-'));
  folders.push(f);
  return f;
}

/** Sets who holds a message's claim, as a process that claimed it and then died would leave it. */
async function setHolder(store: OutboxStore, id: string, pid: number, start: string): Promise<void> {
  const { db } = await store.connection();
  db.prepare('UPDATE messages SET claim_pid = ?, claim_start = ? WHERE id = ?').run(pid, start, id);
}

/** A process that runs (a `sleep`), and its start as process-identity.ts reads it. */
function liveProcess(): { pid: number; start: string } {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return { pid: child.pid!, start: processStart(child.pid!)! };
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('outbox store', () => {
  it('stores the exact bytes in messages/ and the record in the database, nothing left in tmp/', async () => {
    const { store, l } = await queued();
    expect(l.state).toBe('queued');
    expect(path.dirname(l.path)).toBe(store.dir('messages'));
    expect(readFileSync(l.path, 'latin1')).toContain(`Message-ID: ${l.record.messageId}`);
    expect(readdirSync(store.dir('tmp'))).toEqual([]);
    expect(existsSync(path.join(store.root, 'outbox.db'))).toBe(true);
    const other = new OutboxStore(store.dataFolder); // another process's view
    expect((await other.list()).map((x) => [x.state, x.path, x.record.draft.subject])).toEqual([
      ['queued', l.path, 'S'],
    ]);
    await other.close();
  });

  it('a retry whose stored message was deleted by hand says the file is missing, not that it is busy', async () => {
    const { store, l } = await queued();
    const claimed = (await store.claim(l))!;
    const failed = await store.transition(claimed, 'failed', { attempts: 1 });
    rmSync(failed.path);
    await expect(store.transition(failed, 'queued')).rejects.toMatchObject({
      code: 'outboxFileMissing',
      params: { id: l.record.id, file: failed.path },
    });
    // a stale view of a message another process has moved on is still "busy"
    const { store: other, l: l2 } = await queued();
    const stale = { ...l2 };
    await other.transition((await other.claim(l2))!, 'sent', { attempts: 1 });
    await expect(other.transition(stale, 'failed')).rejects.toMatchObject({ code: 'outboxBusy' });
  });

  it('a claim is exclusive: the second claimant gets nothing', async () => {
    const { store, l } = await queued();
    expect(await store.claim(l)).not.toBeNull();
    expect(await store.claim(l)).toBeNull();
    expect((await store.list()).map((x) => x.state)).toEqual(['sending']);
  });

  it('a stale view cannot claim a message again once it was sent, or failed and was requeued', async () => {
    const { store, l } = await queued();
    const claimed = (await store.claim(l))!;
    const sent = await store.transition(claimed, 'sent', { response: '250 Ok', attempts: 1 });
    expect(sent.path).toBe(store.emlPath(sent.record));
    expect(await store.claim(l)).toBeNull();

    const second = await queued(store);
    const failed = await store.transition((await store.claim(second.l))!, 'failed', { attempts: 1 });
    const again = await store.transition(failed, 'queued', { attempts: 0, code: 'retry' });
    expect(await store.claim(second.l)).toBeNull(); // the view from before the failure
    expect(await store.claim(again)).not.toBeNull(); // the current one
  });

  it('a claim is exclusive across processes: of two connections claiming together, one wins', async () => {
    const { store, l } = await queued();
    const other = new OutboxStore(store.dataFolder);
    const [a, b] = await Promise.all([store.claim(l), other.claim(l)]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    // the loser cannot change it either
    await expect(other.transition(l, 'failed')).rejects.toMatchObject({ code: 'outboxBusy' });
    await other.close();
  });

  it('a process that died while sending leaves the message unknown, never queued', async () => {
    const { store, l } = await queued();
    await store.claim(l);
    await setHolder(store, l.record.id, DEAD, 'linux:gone:1');
    expect((await store.list()).map((x) => x.state)).toEqual(['sending']);
    const recovered = await store.recover();
    expect(recovered.map((r) => r.state)).toEqual(['unknown']);
    const [only] = await new OutboxStore(store.dataFolder).list();
    expect(only).toMatchObject({ state: 'unknown', path: l.path });
    expect(only!.record.error?.code).toBe('sendOutcomeUnknown');
    expect(only!.record.history.at(-1)).toMatchObject({ state: 'unknown', code: 'interrupted' });
    expect(existsSync(only!.path)).toBe(true);
    expect(await store.claim(only!)).toBeNull(); // never sent again without the user's decision
  });

  it('a claim whose PID now belongs to another process (reused) becomes unknown; a live holder keeps it', async () => {
    const me = selfIdentity();
    expect(me.start).not.toBe(''); // Linux: the start is read from /proc
    const { store, l } = await queued();
    const second = await queued(store);
    await store.claim(l);
    await store.claim(second.l);
    const live = liveProcess();
    // the holder died and its PID was given to `live`, which started at another time
    await setHolder(store, l.record.id, live.pid, me.start);
    // this one is held by `live` itself, which still runs
    await setHolder(store, second.l.record.id, live.pid, live.start);
    const recovered = await store.recover();
    expect(recovered.map((r) => [r.record.id, r.state])).toEqual([[l.record.id, 'unknown']]);
    expect((await store.list()).map((x) => [x.record.id, x.state])).toEqual([
      [l.record.id, 'unknown'],
      [second.l.record.id, 'sending'],
    ]);
  });

  it('a batch row is queued once per run, also by two stores at the same time; a failed row may be queued anew', async () => {
    const folder = tempFolder();
    const a = new OutboxStore(folder);
    const b = new OutboxStore(folder);
    const draft = { to: ['a@x.de'], subject: 'S', attachments: [{ path: SAMPLE_PDF }] };
    const batch = { scope: '/lauf.csv', key: 'R-1', row: 1 };
    const [ra, rb] = await Promise.all([
      a.enqueueRow(profile, draft, { batch }),
      b.enqueueRow(profile, draft, { batch }),
    ]);
    const won = 'queued' in ra ? ra.queued : 'queued' in rb ? rb.queued : null;
    const lost = 'taken' in ra ? ra.taken : 'taken' in rb ? rb.taken : null;
    expect(won).not.toBeNull();
    expect(lost?.record.id).toBe(won!.record.id);
    expect(readdirSync(a.dir('messages'))).toHaveLength(1); // the loser's rendered file is gone
    // another run of another name has its own rows
    expect(
      'queued' in (await a.enqueueRow(profile, draft, { batch: { ...batch, scope: '/other.csv' } })),
    ).toBe(true);
    const failed = await a.transition((await a.claim(won!))!, 'failed', { attempts: 1 });
    const again = await b.enqueueRow(profile, draft, { batch });
    expect('queued' in again).toBe(true);
    // the failed one cannot come back while the row has a live message
    await expect(a.transition(failed, 'queued', { code: 'retry' })).rejects.toMatchObject({
      code: 'outboxBusy',
    });
    await Promise.all([a.close(), b.close()]);
  });
});
