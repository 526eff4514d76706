// A desktop for hand-off tests, made of real parts where they exist: the real xdg-utils (xdg-mime,
// xdg-open, xdg-email) read an isolated XDG_CONFIG_HOME / XDG_DATA_HOME whose default mail program is a
// test desktop entry. The program itself is a TEST DOUBLE (no mail program can run here headless): a
// small Node script that records its argv and copies every file it is given (paths and file:// URLs),
// so a test can compare what a mail program would have received, byte for byte.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

export interface Recording {
  argv: string[];
  /** Copies of the files named in argv (by their base name). */
  files: Record<string, Buffer>;
}

export interface FakeDesktop {
  root: string;
  /** Environment for the CLI: XDG folders, a display name, the recorder's folder first on PATH. */
  env: NodeJS.ProcessEnv;
  /** What the recording program received, one entry per start, oldest first. */
  recordings(): Recording[];
}

const RECORDER = `#!${process.execPath}
// TEST DOUBLE of a mail program: records argv, copies every file it names.
const fs = require('node:fs'), path = require('node:path'), url = require('node:url');
const out = path.join(process.env.OPOS_TEST_RECORDINGS, Date.now() + '-' + process.pid);
fs.mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const files = new Set();
for (const a of args) {
  if (fs.existsSync(a) && fs.statSync(a).isFile()) files.add(a);
  for (const m of decodeURIComponent(a).matchAll(/file:\\/\\/[^,'"&\\s]+/g)) {
    try { const p = url.fileURLToPath(m[0]); if (fs.existsSync(p)) files.add(p); } catch {}
  }
}
fs.mkdirSync(path.join(out, 'files'));
for (const f of files) fs.copyFileSync(f, path.join(out, 'files', path.basename(f)));
fs.writeFileSync(path.join(out, 'argv.json'), JSON.stringify(args));
process.exit(Number(process.env.OPOS_TEST_RECORDER_EXIT || 0));
`;

/**
 * @param program the desktop entry that is the default mail program: an unknown one ("Recording
 * Mail", which gets drafts and xdg-email), or a known one by its real desktop id (`thunderbird` …),
 * whose Exec names the recorder under the program's own executable name on PATH.
 */
export function fakeDesktop(
  program: 'unknown' | 'thunderbird' | 'evolution' | 'claws-mail' = 'unknown',
): FakeDesktop {
  const root = tempDir('opos-desktop-');
  const bin = path.join(root, 'bin');
  const apps = path.join(root, 'data', 'applications');
  const config = path.join(root, 'config');
  const recordings = path.join(root, 'recordings');
  for (const d of [bin, apps, config, recordings]) mkdirSync(d, { recursive: true });
  const exe = program === 'unknown' ? 'recording-mail' : program;
  writeFileSync(path.join(bin, exe), RECORDER);
  chmodSync(path.join(bin, exe), 0o755);
  const id = program === 'unknown' ? 'opos-recording-mail.desktop' : `${program}.desktop`;
  writeFileSync(
    path.join(apps, id),
    [
      '[Desktop Entry]',
      'Type=Application',
      `Name=${program === 'unknown' ? 'Recording Mail' : program}`,
      `Exec=${exe} %u`,
      'MimeType=x-scheme-handler/mailto;message/rfc822;',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(config, 'mimeapps.list'),
    `[Default Applications]\nx-scheme-handler/mailto=${id}\nmessage/rfc822=${id}\n`,
  );
  return {
    root,
    env: {
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: path.join(root, 'data'),
      XDG_DATA_DIRS: path.join(root, 'none'),
      XDG_CURRENT_DESKTOP: '',
      DISPLAY: ':99',
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      OPOS_TEST_RECORDINGS: recordings,
      OPOS_MAIL_HANDOFF_SETTLE_MS: '5000',
    },
    recordings() {
      if (!existsSync(recordings)) return [];
      return readdirSync(recordings)
        .sort()
        .filter((d) => existsSync(path.join(recordings, d, 'argv.json')))
        .map((d) => {
          const dir = path.join(recordings, d);
          const files: Record<string, Buffer> = {};
          for (const f of readdirSync(path.join(dir, 'files')))
            files[f] = readFileSync(path.join(dir, 'files', f));
          return { argv: JSON.parse(readFileSync(path.join(dir, 'argv.json'), 'utf8')) as string[], files };
        });
    },
  };
}
