// `opos-mail profile setup ADDRESS` as a user runs it, against the loopback world of the lookup tests
// (DNS, HTTPS autoconfig, SMTP servers; the test CA via NODE_EXTRA_CA_CERTS): the source of each
// setting in the chosen language, the connection test before saving, nothing saved when it fails,
// and no question asked without a terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';
import { PASSWORD, startLookupWorld, type LookupWorld } from '../helpers/lookup-world.js';

let world: LookupWorld;

beforeAll(async () => {
  world = await startLookupWorld();
});
afterAll(async () => {
  await world?.close();
});

function setup(args: string[], opts: { home: string; input?: string }) {
  return runCli(['profile', 'setup', ...args], { ...opts, env: world.env, timeoutMs: 40_000 });
}

async function profileNames(home: string): Promise<string[]> {
  const r = await runCli(['profile', 'list', '--json'], { home });
  return r.json<{ profiles: Array<{ name: string }> }>().profiles.map((p) => p.name);
}

describe('opos-mail profile setup', () => {
  it("sets up from the provider's configuration: tests with the password, then saves it", async () => {
    const home = tempHome();
    const sessionsBefore = world.implicit.sessions.length;
    const r = await setup(
      ['buchhaltung@auto.test', '--name', 'Buchhaltung', '--use', '--password-stdin', '--json'],
      {
        home,
        input: PASSWORD,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({
      status: 'created',
      tested: true,
      profile: {
        name: 'Buchhaltung',
        active: true,
        host: 'smtp.auto.test',
        port: world.implicit.port,
        security: 'SslOnConnect',
        auth: 'password',
        user: 'buchhaltung@auto.test',
        fromAddress: 'buchhaltung@auto.test',
      },
      connection: {
        tls: { used: true, mode: 'implicit' },
        auth: { used: true, user: 'buchhaltung@auto.test' },
      },
      lookup: { proposal: { source: 'provider-config' } },
    });
    expect(JSON.stringify(out)).not.toContain(PASSWORD);
    // the server saw the test: an encrypted login
    expect(world.implicit.sessions.slice(sessionsBefore)).toContainEqual(
      expect.objectContaining({ secure: true, user: 'buchhaltung@auto.test', authOverPlainText: false }),
    );
    const show = await runCli(['profile', 'show', 'Buchhaltung', '--json'], { home });
    expect(show.json()).toMatchObject({ passwordStored: true, active: true });
  });

  it('shows where each setting came from, in the chosen language', async () => {
    const cases = [
      [
        'en',
        'buchhaltung@auto.test',
        "(provider's configuration)",
        'Profile "buchhaltung@auto.test" created',
      ],
      ['de', 'buchhaltung@guess.test', '(geraten und geprüft)', 'Profil „buchhaltung@guess.test“ angelegt'],
      ['nl', 'buchhaltung@srv.test', '(uit de DNS (SRV))', 'Profiel "buchhaltung@srv.test" aangemaakt'],
    ] as const;
    for (const [lang, address, source, saved] of cases) {
      const home = tempHome();
      const r = await setup([address, '--lang', lang, '--password-stdin'], { home, input: PASSWORD });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(source);
      expect(r.stdout).toContain(saved);
      expect(await profileNames(home)).toContain(address);
    }
  });

  it('saves nothing when the connection test fails (wrong password)', async () => {
    const home = tempHome();
    const r = await setup(['buchhaltung@auto.test', '--password-stdin', '--json'], { home, input: 'falsch' });
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ status: 'error', error: { code: 'authFailed' } });
    expect(await profileNames(home)).not.toContain('buchhaltung@auto.test');
  });

  it('never asks without a terminal: a password server needs --password-stdin, nothing is saved', async () => {
    const home = tempHome();
    const r = await setup(['buchhaltung@auto.test', '--json'], { home });
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({
      status: 'error',
      error: { code: 'setupPasswordNeeded', exitCode: 2 },
      lookup: { proposal: { profile: { host: 'smtp.auto.test' } } },
    });
    expect(await profileNames(home)).not.toContain('buchhaltung@auto.test');
    // a taken name is refused before anything is asked or tested
    const taken = await setup(['buchhaltung@auto.test', '--name', 'testpostfach', '--json'], { home });
    expect(taken.code).toBe(2);
    expect(taken.json()).toMatchObject({ error: { code: 'profileExists' } });
  });

  it('sets up Microsoft 365 found by MX with OAuth; the sign-in comes next', async () => {
    const home = tempHome();
    const r = await setup(['buchhaltung@m365.test', '--name', 'M365'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('smtp.office365.com  (aus dem DNS (MX))');
    expect(r.stderr).toContain('m365.test  (aus dem DNS (MX))');
    expect(r.stderr).toContain('Microsoft Graph API');
    expect(r.stdout).toContain('opos-mail login --profile „M365“');
    const show = await runCli(['profile', 'show', 'M365', '--json'], { home });
    expect(show.json()).toMatchObject({
      connection: 'smtp',
      auth: 'oauth',
      host: 'smtp.office365.com',
      oauth: { provider: 'microsoft', tenantId: 'm365.test' },
    });
  });

  it('says clearly when nothing is found and points to the manual editor', async () => {
    const home = tempHome();
    const r = await setup(['buchhaltung@nothing.test'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Nichts Vertrauenswürdiges gefunden.');
    expect(r.stderr).toContain('opos-mail profile add NAME --host SERVER');
    expect(await profileNames(home)).toEqual(['Testpostfach']);
  });
});
