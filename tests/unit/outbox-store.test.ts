// The outbox's crash rules on a real folder: the bytes are stored before the record, a claim is
// exclusive (also against a stale view), a claim left by a dead process is settled by the record log
// (unknown only when it died while sending), torn log lines are skipped, and finished processes' logs
// are compacted without changing any state.
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocatedRecord } from '../../src/main/outbox/outbox-record.js';
import { OutboxStore } from '../../src/main/outbox/outbox-store.js';
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

/** What a process that died while holding the claim leaves behind. */
function claimAsDeadProcess(store: OutboxStore, l: LocatedRecord): string {
  const claim = path.join(store.dir('claimed'), `${l.record.id}@${DEAD}@${l.record.rev}.eml`);
  renameSync(l.path, claim);
  return claim;
}

function logFiles(store: OutboxStore): string[] {
  return readdirSync(store.dir('log')).map((n) => path.join(store.dir('log'), n));
}

describe('outbox store', () => {
  it('stores the exact bytes in queue/ and the record in the log, nothing left in tmp/', async () => {
    const { store, l } = await queued();
    expect(l.state).toBe('queued');
    expect(path.dirname(l.path)).toBe(store.dir('queue'));
    expect(readFileSync(l.path, 'latin1')).toContain(`Message-ID: ${l.record.messageId}`);
    expect(readdirSync(store.dir('tmp'))).toEqual([]);
    const [log] = logFiles(store);
    expect(readFileSync(log!, 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await new OutboxStore(store.dataFolder).list()).map((x) => x.state)).toEqual(['queued']);
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

  it('a process that died while sending leaves the message unknown, never queued', async () => {
    const { store, l } = await queued();
    const claim = claimAsDeadProcess(store, l);
    expect((await store.list()).map((x) => x.state)).toEqual(['sending']);
    const recovered = await store.recover();
    expect(recovered.map((r) => r.state)).toEqual(['unknown']);
    expect(existsSync(claim)).toBe(false);
    const [only] = await store.list();
    expect(only).toMatchObject({ state: 'unknown', path: store.emlPath(l.record) });
    expect(only!.record.error?.code).toBe('sendOutcomeUnknown');
    expect(existsSync(only!.path)).toBe(true);
  });

  it('a process that died after writing the outcome, before moving the file: the outcome stands', async () => {
    const { store, l } = await queued();
    const claimed = (await store.claim(l))!;
    const sent = await store.transition(claimed, 'sent', { response: '250 Ok', attempts: 1 });
    // as if the move to messages/ had not happened and the claim were a dead process's
    renameSync(sent.path, path.join(store.dir('claimed'), `${l.record.id}@${DEAD}@${l.record.rev}.eml`));
    expect(await store.recover()).toEqual([]);
    const [only] = await new OutboxStore(store.dataFolder).list();
    expect(only).toMatchObject({ state: 'sent', path: store.emlPath(l.record) });
    expect(existsSync(only!.path)).toBe(true);
  });

  it('a process that died while requeueing a failed message: it stays failed, or is queued once logged', async () => {
    const { store, l } = await queued();
    const failed = await store.transition((await store.claim(l))!, 'failed', { attempts: 1 });
    // died after claiming it for the retry, before the record line
    renameSync(
      failed.path,
      path.join(store.dir('claimed'), `${l.record.id}@${DEAD}@${failed.record.rev}.eml`),
    );
    await store.recover();
    expect((await store.list()).map((x) => [x.state, x.path])).toEqual([['failed', store.emlPath(l.record)]]);

    const queuedAgain = await store.transition(failed, 'queued', { attempts: 0, code: 'retry' });
    // died after the record line, before the move back to queue/
    renameSync(
      queuedAgain.path,
      path.join(store.dir('claimed'), `${l.record.id}@${DEAD}@${failed.record.rev}.eml`),
    );
    await store.recover();
    const [only] = await store.list();
    expect(only).toMatchObject({ state: 'queued', path: queuedAgain.path });
    expect(await store.claim(only!)).not.toBeNull();
  });

  it('a torn last line is skipped, and the highest revision wins across process logs', async () => {
    const { store, l } = await queued();
    const [log] = logFiles(store);
    appendFileSync(log!, '{"state":"sent","record":{"id":"' + l.record.id + '","rev":9'); // torn
    expect((await store.list()).map((x) => x.state)).toEqual(['queued']);
    const other = new OutboxStore(store.dataFolder);
    const failed = await other.transition(l, 'failed', { attempts: 1 });
    await other.close();
    expect(logFiles(store)).toHaveLength(2);
    expect((await store.list()).map((x) => [x.state, x.record.rev])).toEqual([['failed', failed.record.rev]]);
  });

  it('the logs of finished processes are compacted into one, every state kept', async () => {
    const folder = tempFolder();
    const states: string[] = [];
    for (let i = 0; i < 17; i++) {
      const { store, l } = await queued(new OutboxStore(folder));
      if (i % 2) await store.transition((await store.claim(l))!, 'sent', { attempts: 1, response: '250' });
      states.push(i % 2 ? 'sent' : 'queued');
      await store.close();
      // make this process's log look like a dead one's
      const mine = logFiles(store).find((f) => path.basename(f).startsWith(`${process.pid}-`))!;
      const dead = path.join(store.dir('log'), path.basename(mine).replace(/^\d+-/, `${DEAD}-`));
      renameSync(mine, dead);
      const hourAgo = new Date(Date.now() - 3600_000);
      if (i) utimesSync(dead, hourAgo, hourAgo); // the first one was written just now: left alone
    }
    const store = new OutboxStore(folder);
    const before = (await store.list()).map((x) => [x.record.id, x.state]);
    await store.recover();
    const names = readdirSync(store.dir('log')).sort((a, b) => a.localeCompare(b));
    expect(names).toHaveLength(2); // the recent log and the snapshot of the 16 quiet ones
    expect(names.filter((n) => n.endsWith('.snapshot.jsonl'))).toHaveLength(1);
    expect((await store.list()).map((x) => [x.record.id, x.state])).toEqual(before);
    expect(before.map((x) => x[1])).toEqual(states);
    const [first] = await store.list();
    expect(await store.claim(first!)).not.toBeNull(); // the draft survived: it can still be sent
    writeFileSync(path.join(store.dir('log'), 'unrelated.txt'), 'x'); // foreign files are ignored
    expect(await store.list()).toHaveLength(17);
    expect(names.filter((n) => n.startsWith(`${DEAD}-`))).toHaveLength(1);
  });
});
