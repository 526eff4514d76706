// Passwords live only in the OS keychain: a real, isolated GNOME Keyring (scripts/with-keyring.sh).
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { filesContaining, lookupSecret } from '../helpers/keychain.js';

const PASSWORD = 'Sehr-geheim-Ä9!';

async function addSmtpProfile(home: string, name = 'Firma') {
  const r = await runCli(
    [
      'profile',
      'add',
      name,
      '--host',
      'smtp.example.org',
      '--security',
      'StartTls',
      '--login',
      '--user',
      'buchhaltung@example.org',
      '--from',
      'buchhaltung@example.org',
      '--password-stdin',
      '--json',
    ],
    { home, input: PASSWORD + '\n' },
  );
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ id: string; name: string }>();
}

describe('keychain', () => {
  it('keeps the password in the keychain and in no file of the data folder', async () => {
    const home = tempHome();
    const p = await addSmtpProfile(home);
    expect(lookupSecret(home, p.id)).toBe(PASSWORD);
    expect(filesContaining(home, PASSWORD)).toEqual([]);
    const show = await runCli(['profile', 'show', 'Firma', '--json'], { home });
    expect(show.json<{ passwordStored: boolean }>().passwordStored).toBe(true);
    expect(show.stdout).not.toContain(PASSWORD);
  });

  it('keeps secrets with the profile through a rename, and removes them with it', async () => {
    const home = tempHome();
    const p = await addSmtpProfile(home);
    const renamed = await runCli(['profile', 'edit', 'Firma', '--rename', 'Firma Neu', '--json'], { home });
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(lookupSecret(home, p.id)).toBe(PASSWORD);
    const removed = await runCli(['profile', 'remove', 'Firma Neu'], { home });
    expect(removed.code, removed.stderr).toBe(0);
    expect(lookupSecret(home, p.id)).toBeNull();
    const list = await runCli(['profile', 'list', '--json'], { home });
    expect(list.json<{ profiles: Array<{ name: string }> }>().profiles.map((x) => x.name)).toEqual([
      'Testpostfach',
    ]);
  });

  it('never shares entries between two data folders', async () => {
    const a = tempHome();
    const b = tempHome();
    const pa = await addSmtpProfile(a);
    expect(lookupSecret(a, pa.id)).toBe(PASSWORD);
    expect(lookupSecret(b, pa.id)).toBeNull();
  });

  it('--forget-password removes only the password', async () => {
    const home = tempHome();
    const p = await addSmtpProfile(home);
    const r = await runCli(['profile', 'edit', 'Firma', '--forget-password'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(lookupSecret(home, p.id)).toBeNull();
    expect(
      (await runCli(['profile', 'show', 'Firma', '--json'], { home })).json<{ passwordStored: boolean }>()
        .passwordStored,
    ).toBe(false);
  });

  it('fails with exit 8 and a clear message when no keychain is reachable, and writes nothing', async () => {
    const home = tempHome();
    const r = await runCli(
      [
        'profile',
        'add',
        'Firma',
        '--host',
        'smtp.example.org',
        '--login',
        '--user',
        'u@example.org',
        '--from',
        'u@example.org',
        '--password-stdin',
      ],
      { home, input: PASSWORD, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } },
    );
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('Schlüsselbund');
    expect(r.stderr).not.toContain(PASSWORD);
    // no profile was created and the password was not put anywhere else
    const list = await runCli(['profile', 'list', '--json'], { home });
    expect(list.json<{ profiles: Array<{ name: string }> }>().profiles.map((x) => x.name)).toEqual([
      'Testpostfach',
    ]);
    expect(filesContaining(home, PASSWORD)).toEqual([]);
  });
});
