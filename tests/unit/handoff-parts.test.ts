// The pieces of a hand-off that need no desktop: Thunderbird's -compose line read back the way
// Thunderbird reads it, mailto URLs, the .eml draft, desktop entries, and the hand-off folder's clean-up.
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { parseDesktopEntry, splitExec } from '../../src/main/handoff/desktop-entry.js';
import { emlDraft } from '../../src/main/handoff/eml-draft.js';
import {
  HANDOFF_KEEP_MS,
  handoffRoot,
  pruneHandoffs,
  safeFileName,
} from '../../src/main/handoff/handoff-folder.js';
import {
  knownProgram,
  mailtoUrl,
  thunderbirdCompose,
  type HandoffMessage,
} from '../../src/main/handoff/mail-programs.js';
import { prepareMessage, normaliseDraft } from '../../src/main/mail/compose.js';
import { readAll } from '../../src/main/handoff/handoff-message.js';
import { profileSchema } from '../../src/shared/profile.js';
import { SAMPLE_PDF } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { parseThunderbirdCompose } from '../helpers/thunderbird-args.js';

const HOSTILE = [
  'a,b',
  "O'Brien",
  '"quoted"',
  "',x",
  "x',",
  '=',
  '%41%',
  'Jörg Weiß – €',
  'line\nbreak',
  "'",
  '"',
  ',,,',
  '%',
];

function message(overrides: Partial<HandoffMessage> = {}): HandoffMessage {
  return {
    from: '',
    to: ['a@example.org'],
    cc: [],
    bcc: [],
    subject: 'S',
    text: 'T',
    files: [],
    ...overrides,
  };
}

describe("Thunderbird's -compose line", () => {
  it('carries any subject, text and file name through its parser unchanged', () => {
    for (const s of HOSTILE)
      for (const b of HOSTILE) {
        const file = `/tmp/dir, with 'x'/${s.replace(/\n/g, '')}.pdf`;
        const line = thunderbirdCompose(message({ subject: s, text: b, files: [file, '/tmp/b.pdf'] }));
        const args = parseThunderbirdCompose(line);
        expect(args.subject).toBe(s);
        expect(args.body).toBe(b);
        const urls = args.attachment!.split(',');
        expect(urls.map((u) => decodeURIComponent(new URL(u).pathname))).toEqual([file, '/tmp/b.pdf']);
      }
  });

  it('recognises the mail programs by desktop id or executable', () => {
    expect(knownProgram('thunderbird.desktop', '/usr/bin/thunderbird')?.name).toBe('Thunderbird');
    expect(knownProgram('net.thunderbird.Thunderbird.desktop', 'flatpak')?.name).toBe('Thunderbird');
    expect(knownProgram('org.gnome.Evolution.desktop', 'evolution')?.name).toBe('Evolution');
    expect(knownProgram('org.kde.kmail2.desktop', 'kmail')?.name).toBe('KMail');
    expect(knownProgram('claws-mail.desktop', 'claws-mail')?.name).toBe('Claws Mail');
    expect(knownProgram('geary.desktop', 'geary')).toBeUndefined();
  });

  it('mailto URLs keep every value (RFC 6068 percent-encoding)', () => {
    const url = new URL(
      mailtoUrl(message({ cc: ['c@example.org'], subject: 'a&b=c ü', text: 'x\ny' }), 'attach'),
    );
    expect(url.searchParams.get('subject')).toBe('a&b=c ü');
    expect(url.searchParams.get('body')).toBe('x\ny');
    expect(url.searchParams.get('cc')).toBe('c@example.org');
  });
});

describe('desktop entries', () => {
  it('split Exec like the Desktop Entry Specification and drop field codes', () => {
    expect(splitExec('thunderbird %u')).toEqual(['thunderbird']);
    expect(splitExec('"/opt/My Mail/mail" --x "a \\"b\\"" %U')).toEqual([
      '/opt/My Mail/mail',
      '--x',
      'a "b"',
    ]);
    expect(splitExec('flatpak run org.mozilla.Thunderbird %u')).toEqual([
      'flatpak',
      'run',
      'org.mozilla.Thunderbird',
    ]);
    expect(
      parseDesktopEntry(
        '[Desktop Entry]\nName=Mail\nName[de]=Post\nExec=mail %u\n[Desktop Action new]\nExec=other',
      ),
    ).toEqual({ name: 'Mail', exec: 'mail %u' });
  });
});

describe('the .eml draft', () => {
  it('is the whole message: From first, X-Unsent, no Message-ID or Date, Bcc visible, PDFs intact', async () => {
    const profile = profileSchema.parse({
      id: 'profile-0001',
      name: 'P',
      connection: 'system-mail',
      fromAddress: 'b@firma.example',
    });
    const draft = await normaliseDraft(profile, {
      to: ['a@example.org'],
      bcc: ['archiv@firma.example'],
      subject: 'Mahnung',
      text: 'Text',
      attachments: [{ path: SAMPLE_PDF }],
    });
    const file = path.join(tempDir('opos-draft-'), 'm.eml');
    const prepared = await prepareMessage(profile, draft, file);
    const stored = await readAll(prepared.raw());
    const bytes = emlDraft(stored, draft.bcc);
    expect(bytes.toString('latin1').split('\r\n')[0]).toBe('From: b@firma.example');
    const parsed = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
    const keys = parsed.headers.map((h) => h.key);
    expect(keys).toContain('x-unsent');
    expect(keys).not.toContain('message-id');
    expect(keys).not.toContain('date');
    expect(parsed.bcc?.map((a) => a.address)).toEqual(['archiv@firma.example']);
    expect(parsed.attachments).toHaveLength(1);
    const withoutSender = emlDraft(stored, [], false).toString('latin1');
    expect(withoutSender.startsWith('Subject: Mahnung\r\n')).toBe(true);
    expect(withoutSender).not.toMatch(/^From:/m);
  });
});

describe('the hand-off folder', () => {
  it('removes folders older than seven days, keeps newer ones', async () => {
    const data = tempDir('opos-handoff-');
    const old = path.join(handoffRoot(data), 'old');
    const fresh = path.join(handoffRoot(data), 'fresh');
    mkdirSync(old, { recursive: true });
    mkdirSync(fresh, { recursive: true });
    const past = (Date.now() - HANDOFF_KEEP_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    expect(await pruneHandoffs(data)).toBe(1);
    expect(readdirSync(handoffRoot(data))).toEqual(['fresh']);
  });

  it('keeps shown file names, replacing only what the system forbids', () => {
    expect(safeFileName('Mahnung "1", Ä.pdf', 'x', 'linux')).toBe('Mahnung "1", Ä.pdf');
    expect(safeFileName('Mahnung "1": Ä?.pdf', 'x', 'win32')).toBe('Mahnung _1__ Ä_.pdf');
    expect(safeFileName('../../etc/passwd', 'x', 'linux')).toBe('_.._etc_passwd');
    expect(safeFileName('...', 'Anhang.pdf', 'linux')).toBe('Anhang.pdf');
  });
});
