// A full disk is named (issue 12): `diskFull` ("Datenträger voll") with the folder, exit 6; a batch
// stops at the first message it cannot store instead of failing row after row, and loses nothing;
// a message the server accepted whose `sent` record cannot be written is `sendOutcomeUnknown` (exit 4),
// never "no outcome" (exit 1, which a script would retry and so send twice). The data folder lives on
// a real, small tmpfs (mounting needs root: the test command runs as root in CI and here; elsewhere
// these tests are skipped); profile
// locks left behind by a dead process or a full disk do not block, and no temp file stays.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../src/shared/batch.js';
import { workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { runCli } from '../helpers/cli.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { tempDir } from '../helpers/temp.js';

/** Whether this machine lets the tests mount a tmpfs (root with the right to mount, as here and in CI). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('opos-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mountable = canMount();

/** A tmpfs of `kb` KB: `fill()` takes every free byte, `free()` gives it back. */
function smallDisk(kb: number) {
  const dir = tempDir('opos-small-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  mounted.push(dir);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      // a file of the disk's size fails with ENOSPC once the disk is full (what it wrote stays)
      const r = spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
      expect(r.status).not.toBe(0);
    },
    free() {
      rmSync(filler, { force: true });
    },
  };
}
const mounted: string[] = [];
const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
});

async function profileOn(home: string, port: number) {
  const r = await runCli(
    ['profile', 'add', 'Firma', '--host', '127.0.0.1', '--port', String(port), '--security', 'None'].concat([
      '--from',
      'buchhaltung@firma.example',
      '--use',
    ]),
    { home },
  );
  expect(r.code, r.stderr).toBe(0);
}

type Line = BatchLine & { summary?: Record<string, number>; stopped?: { code: string } };

describe.skipIf(!mountable)('a full disk', () => {
  it('a batch stops at the first message it cannot store, names the disk, and resumes afterwards', async () => {
    const s = await startSmtpServer({ mode: 'plain' });
    servers.push(s);
    const disk = smallDisk(1024);
    const home = path.join(disk.dir, 'home');
    await profileOn(home, s.port);
    const work = workDir();
    writePdf(path.join(work, 'a.pdf'), 3000);
    const manifest = writeManifest(work, 3, path.join(work, 'a.pdf'));

    disk.fill();
    const r = await runCli(['batch', manifest, '--json'], { home });
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toContain('Datenträger voll');
    expect(r.stderr).toContain(disk.dir);
    expect(r.stderr).not.toContain('ENOSPC');
    expect(r.lines<Line>().filter((l) => l.state === 'failed')).toEqual([]);
    expect(s.messages).toHaveLength(0);

    disk.free();
    const again = await runCli(['batch', manifest, '--json'], { home });
    expect(again.code, again.stderr).toBe(0);
    expect(s.messages.map((m) => m.to[0]).sort()).toEqual([
      'kunde1@example.org',
      'kunde2@example.org',
      'kunde3@example.org',
    ]);
  });

  it('a message the server accepted but the outbox cannot record is unknown (exit 4), never resent', async () => {
    const disk = smallDisk(1024);
    const s = await startSmtpServer({
      mode: 'plain',
      onData: () => {
        disk.fill(); // the server has every byte; the disk fills before its reply
        return undefined;
      },
    });
    servers.push(s);
    const home = path.join(disk.dir, 'home');
    await profileOn(home, s.port);
    // with a long subject the `queued` line (draft and record) takes about 6 KB and the `sent` line
    // 3.4 KB: the second needs a new page of the full disk
    const subject = 'Mahnung '.repeat(338).trim();
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', subject, '--json'], {
      home,
    });
    expect(r.code, r.stdout + r.stderr).toBe(4);
    expect(r.json()).toMatchObject({ status: 'error', error: { code: 'sendOutcomeUnknown' } });
    expect(s.messages).toHaveLength(1);

    disk.free();
    const list = await runCli(['outbox', 'list', '--json'], { home });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.stringify(list.json())).toContain('"state":"unknown"');
    const run = await runCli(['outbox', 'run', '--json'], { home });
    expect(run.code, run.stderr).toBe(0);
    expect(s.messages).toHaveLength(1);
  });

  it('a profile change on a full disk says so (exit 6) and leaves no lock or temp file behind', async () => {
    const disk = smallDisk(256);
    const home = path.join(disk.dir, 'home');
    const first = await runCli(['profile', 'list', '--json'], { home });
    expect(first.code, first.stderr).toBe(0);
    disk.fill();
    const r = await runCli(['profile', 'add', 'Zweit', '--connection', 'test-mailbox'], { home });
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toContain('Datenträger voll');
    expect(readdirSync(home).sort()).toEqual(['profiles.json']);
    disk.free();
    const ok = await runCli(['profile', 'add', 'Zweit', '--connection', 'test-mailbox'], {
      home,
      timeoutMs: 8000,
    });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('profile locks and temp files left behind', () => {
  it('a lock of a process that is gone, or an empty one, does not block; old temp files are removed', async () => {
    const home = tempDir('opos-lock-');
    mkdirSync(home, { recursive: true });
    expect((await runCli(['profile', 'list'], { home })).code).toBe(0);
    // a crashed holder: its process does not exist any more
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const lock = path.join(home, 'profiles.json.lock');
    writeFileSync(lock, String(dead.stdout));
    writeFileSync(path.join(home, '.profiles.json.0123456789ab.tmp'), '{"halb');
    const r = await runCli(['profile', 'add', 'Eins', '--connection', 'test-mailbox'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(home).sort()).toEqual(['profiles.json']);
    // an empty lock (a full disk kept its holder from writing its name)
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 5000);
    utimesSync(lock, old, old);
    const r2 = await runCli(['profile', 'add', 'Zwei', '--connection', 'test-mailbox'], { home });
    expect(r2.code, r2.stderr).toBe(0);
    // a live holder is waited for, not taken over
    writeFileSync(lock, String(process.pid));
    const r3 = await runCli(['profile', 'add', 'Drei', '--connection', 'test-mailbox'], {
      home,
      timeoutMs: 30_000,
    });
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('lock');
    rmSync(lock);
  }, 60_000);
});
