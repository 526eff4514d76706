// The system-mail hand-off end to end through `opos-mail`, with the real xdg-utils choosing the mail
// program from an isolated desktop configuration. The mail program is a recording test double
// (tests/helpers/fake-desktop.ts); what it received is compared with what was sent: recipients,
// subject, text, and the PDFs byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_PDF, tempHome } from '../helpers/cli.js';
import { workDir, writeManifest, writePdf } from '../helpers/batch-fixtures.js';
import { fakeDesktop, type FakeDesktop } from '../helpers/fake-desktop.js';
import { parseThunderbirdCompose } from '../helpers/thunderbird-args.js';

async function deskHome(desk: FakeDesktop, extra: string[] = []): Promise<string> {
  const home = tempHome();
  const r = await runCli(['profile', 'add', 'Desk', '--connection', 'system-mail', '--use', ...extra], {
    home,
    env: desk.env,
  });
  expect(r.code, r.stderr).toBe(0);
  return home;
}

const HOSTILE_SUBJECT = `Mahnung, 'R-1' "Jörg" Weiß & Söhne ',x`;
const HOSTILE_BODY =
  "Sehr geehrter Herr O'Brien,\nbitte zahlen Sie 1.234,56 € – danke.\n',attachment='file:///etc/passwd'";

describe('hand-off to the system mail program (real xdg-utils, recording mail program)', () => {
  it('an unknown default program gets an X-Unsent .eml draft through xdg-open: parts intact', async () => {
    const desk = fakeDesktop('unknown');
    const home = await deskHome(desk, ['--from', 'buchhaltung@example.com']);
    const dir = workDir();
    const pdf = writePdf(path.join(dir, 'Mahnung R-1, Müller.pdf'), 40_000);
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--bcc',
        'archiv@example.com',
        '--subject',
        HOSTILE_SUBJECT,
        '--body',
        HOSTILE_BODY,
        '--attach',
        pdf,
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home, env: desk.env },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ status: string; handoff: { method: string; program: string; file: string } }>();
    expect(out.status).toBe('handedOff');
    expect(out.handoff).toMatchObject({ method: 'draft', program: 'Recording Mail' });
    const [rec] = desk.recordings();
    expect(rec!.argv).toEqual([out.handoff.file]);
    const draft = rec!.files['Entwurf.eml']!;
    expect(draft.toString('latin1').startsWith('From: ')).toBe(true);
    const parsed = await PostalMime.parse(draft, { attachmentEncoding: 'arraybuffer' });
    const headers = Object.fromEntries(parsed.headers.map((h) => [h.key, h.value]));
    expect(headers['x-unsent']).toBe('1');
    expect(headers['message-id']).toBeUndefined();
    expect(headers.date).toBeUndefined();
    expect(parsed.subject).toBe(HOSTILE_SUBJECT);
    expect(parsed.to?.map((a) => a.address)).toEqual(['kunde@example.org']);
    expect(parsed.bcc?.map((a) => a.address)).toEqual(['archiv@example.com']);
    expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(HOSTILE_BODY);
    const bytes = parsed.attachments.map((a) => Buffer.from(a.content as ArrayBuffer));
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      'Mahnung R-1, Müller.pdf',
      'sample-mahnung.pdf',
    ]);
    expect(bytes[0]!.equals(readFileSync(pdf))).toBe(true);
    expect(bytes[1]!.equals(readFileSync(SAMPLE_PDF))).toBe(true);
  });

  it('Thunderbird gets its -compose line; hostile values and file names survive its parser', async () => {
    const desk = fakeDesktop('thunderbird');
    const home = await deskHome(desk, ['--from', 'buchhaltung@example.com']);
    const dir = workDir();
    const pdf = writePdf(path.join(dir, 'Mahnung 1, O\'Brien "Ä".pdf'), 20_000);
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--cc',
        'chef@example.org',
        '--subject',
        HOSTILE_SUBJECT,
        '--body',
        HOSTILE_BODY,
        '--attach',
        pdf,
        '--attach',
        SAMPLE_PDF,
      ],
      { home, env: desk.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Thunderbird');
    const [rec] = desk.recordings();
    expect(rec!.argv[0]).toBe('-compose');
    expect(rec!.argv).toHaveLength(2);
    const args = parseThunderbirdCompose(rec!.argv[1]!);
    expect(args).toMatchObject({
      from: 'buchhaltung@example.com',
      to: 'kunde@example.org',
      cc: 'chef@example.org',
      subject: HOSTILE_SUBJECT,
      body: HOSTILE_BODY,
    });
    const urls = args.attachment!.split(',');
    expect(urls).toHaveLength(2);
    const names = urls.map((u) => path.basename(new URL(u).pathname)).map(decodeURIComponent);
    expect(names).toEqual(['Mahnung 1, O\'Brien "Ä".pdf', 'sample-mahnung.pdf']);
    expect(rec!.files['Mahnung 1, O\'Brien "Ä".pdf']!.equals(readFileSync(pdf))).toBe(true);
    expect(rec!.files['sample-mahnung.pdf']!.equals(readFileSync(SAMPLE_PDF))).toBe(true);
  });

  it('without attachments an unknown program gets a compose window from a mailto URL (xdg-open)', async () => {
    const desk = fakeDesktop('unknown');
    const home = await deskHome(desk);
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'Zahlungsavis März',
        '--body',
        'Guten Tag,\nanbei.',
        '--json',
      ],
      { home, env: desk.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'handedOff', handoff: { method: 'compose' } });
    const [rec] = desk.recordings();
    const url = new URL(rec!.argv[0]!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('kunde@example.org');
    expect(url.searchParams.get('subject')).toBe('Zahlungsavis März');
    expect(url.searchParams.get('body')?.replace(/\r\n/g, '\n')).toBe('Guten Tag,\nanbei.');
  });

  it('"Verbindung testen" names the program and how, without starting it', async () => {
    const desk = fakeDesktop('thunderbird');
    const home = await deskHome(desk);
    const r = await runCli(['test', '--json'], { home, env: desk.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({
      connection: {
        kind: 'system-mail',
        handoff: { program: 'Thunderbird', programId: 'thunderbird.desktop', method: 'compose' },
      },
    });
    expect(desk.recordings()).toHaveLength(0);
  });

  it('a batch hands off every row (handedOff lines, summary, journal), exit 0; a rerun skips them', async () => {
    const desk = fakeDesktop('thunderbird');
    const home = await deskHome(desk, ['--from', 'buchhaltung@example.com']);
    const dir = workDir();
    const pdf = writePdf(path.join(dir, 'm.pdf'), 5000);
    const manifest = writeManifest(dir, 3, pdf);
    const r = await runCli(['batch', manifest, '--json'], { home, env: desk.env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.lines<{
      state?: string;
      handoff?: { program: string };
      summary?: Record<string, number>;
    }>();
    expect(lines.filter((l) => l.state === 'handedOff')).toHaveLength(3);
    expect(lines.find((l) => l.state)?.handoff?.program).toBe('Thunderbird');
    expect(lines.at(-1)!.summary).toMatchObject({ sent: 0, handedOff: 3, failed: 0, queued: 0 });
    expect(desk.recordings()).toHaveLength(3);

    const again = await runCli(['batch', manifest, '--json'], { home, env: desk.env });
    expect(again.code).toBe(0);
    expect(again.lines<{ summary?: Record<string, number> }>().at(-1)!.summary).toMatchObject({ skipped: 3 });
    expect(desk.recordings()).toHaveLength(3);

    const journal = await runCli(['journal', '--json'], { home });
    const entries = journal.lines<{ state: string; handoff?: { program: string; method: string } }>();
    expect(entries.map((e) => e.state)).toEqual(['handedOff', 'handedOff', 'handedOff']);
    expect(entries[0]!.handoff).toMatchObject({ program: 'Thunderbird', method: 'compose' });
    const csv = await runCli(['journal', '--csv'], { home });
    expect(csv.stdout).toContain('an das Mailprogramm übergeben');
    expect(csv.stdout).toContain('Thunderbird');
    const list = await runCli(['outbox', 'list', '--json'], { home });
    expect(list.lines<{ state: string }>().map((e) => e.state)).toEqual([
      'handedOff',
      'handedOff',
      'handedOff',
    ]);
  });

  it('a batch larger than the profile allows is refused before any window opens (exit 2)', async () => {
    const desk = fakeDesktop('thunderbird');
    const home = await deskHome(desk);
    const dir = workDir();
    const manifest = writeManifest(dir, 21, writePdf(path.join(dir, 'm.pdf'), 2000));
    const r = await runCli(['batch', manifest], { home, env: desk.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('21');
    expect(r.stderr).toContain('SMTP');
    expect(desk.recordings()).toHaveLength(0);
    const raised = await runCli(['profile', 'edit', 'Desk', '--handoff-max-rows', '25'], { home });
    expect(raised.code, raised.stderr).toBe(0);
    const dry = await runCli(['batch', manifest, '--json'], { home, env: desk.env, timeoutMs: 90_000 });
    expect(dry.code, dry.stderr).toBe(0);
    expect(desk.recordings()).toHaveLength(21);
  });

  it('a program that fails is a failed hand-off (exit 4), never "sent"; no display is said clearly', async () => {
    const desk = fakeDesktop('thunderbird');
    const home = await deskHome(desk);
    const failing = await runCli(['send', '--to', 'a@example.org', '--subject', 'x', '--json'], {
      home,
      env: { ...desk.env, OPOS_TEST_RECORDER_EXIT: '3' },
    });
    expect(failing.code).toBe(4);
    expect(failing.json()).toMatchObject({ error: { code: 'handoffFailed' } });
    const list = await runCli(['outbox', 'list', '--json'], { home });
    expect(list.lines<{ state: string }>().map((e) => e.state)).toEqual(['failed']);

    const headless = await runCli(['send', '--to', 'a@example.org', '--subject', 'x'], {
      home,
      env: { ...desk.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    });
    expect(headless.code).toBe(4);
    expect(headless.stderr).toContain('kein Mailprogramm');
  });
});
