// The Windows hand-off kinds inside the outbox, as `send`, `batch` and the app use them: the real
// transports with the real Simple MAPI child process against the gcc-built TEST DOUBLE of mapi32.dll,
// and Outlook's script run by a TEST DOUBLE of powershell.exe (neither exists here). Shows the
// `handedOff` outcome, a cancelled compose window as `failed` (handoffCancelled, offered again), a
// crashing provider that loses nothing and sends nothing twice, and Outlook's password going to stdin.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MailError } from '../../src/main/errors/mail-error.js';
import { spawnNodeScript } from '../../src/main/handoff/child-process.js';
import { OutboxService } from '../../src/main/outbox/outbox-service.js';
import type { SecretStore } from '../../src/main/secrets/secret-store.js';
import { OutlookTransport } from '../../src/main/transports/outlook-transport.js';
import type { TransportContext } from '../../src/main/transports/transport.js';
import { WindowsStandardTransport } from '../../src/main/transports/windows-standard-transport.js';
import { profileSchema, type Profile } from '../../src/shared/profile.js';
import { SAMPLE_PDF } from '../helpers/cli.js';
import { buildMapiDouble, MAPI_CHILD, readMapiRecord } from '../helpers/mapi-double.js';
import { tempDir } from '../helpers/temp.js';

let library: string;
beforeAll(() => {
  library = buildMapiDouble();
});

/** Only the one password Outlook's "Anmelden" needs (the keychain itself is tested elsewhere). */
function secrets(password: string | null): SecretStore {
  return {
    get: (_id, kind) => Promise.resolve(kind === 'password' ? password : null),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(false),
    deleteAll: () => Promise.resolve(),
  };
}

function setUp(
  kind: 'windows-standard' | 'outlook',
  over: Partial<Profile> = {},
  password: string | null = null,
) {
  const home = tempDir('opos-win-handoff-');
  const profile = profileSchema.parse({
    id: 'windows-handoff-1',
    name: 'Büro',
    connection: kind,
    auth: 'none',
    fromAddress: 'buchhaltung@firma.de',
    ...over,
  });
  const ctx: TransportContext = {
    dataFolder: home,
    secrets: secrets(password),
    handoffHelpers: {
      launchNodeScript: spawnNodeScript,
      mapiChildScript: MAPI_CHILD,
      powershell: process.env.TEST_PWSH,
    },
  };
  const outbox = new OutboxService({
    dataFolder: home,
    profileById: (id) => Promise.resolve(id === profile.id ? profile : null),
    transportFor: (p) =>
      kind === 'outlook' ? new OutlookTransport(p, ctx) : new WindowsStandardTransport(p, ctx),
  });
  return { home, profile, outbox, ctx };
}

/** The MailError a send ends with (fails the test when it succeeds). */
function failure(p: Promise<unknown>): Promise<MailError> {
  return p.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (e: unknown) => e as MailError,
  );
}

const draft = {
  to: ['jürgen.müller@example.org'],
  cc: ['büro@example.org'],
  subject: 'Mahnung D-1001',
  text: 'Sehr geehrter Herr Müller,\nbitte zahlen Sie.',
  attachments: [{ path: SAMPLE_PDF, filename: 'Mahnung D-1001.pdf' }],
  reference: 'D-1001',
};

function mapiEnv(returns: string): string {
  const record = path.join(tempDir('opos-mapi-rec-'), 'record.json');
  process.env.OPOS_MAIL_MAPI_LIBRARY = library;
  process.env.OPOS_MAPI_DOUBLE_RECORD = record;
  process.env.OPOS_MAPI_DOUBLE_RETURN = returns;
  return record;
}

describe('Windows-Standard through the outbox', () => {
  it('hands the message over: handedOff, with the PDF copied from the stored message', async () => {
    const record = mapiEnv('0');
    const { outbox, profile } = setUp('windows-standard');
    const result = await outbox.send(profile, draft);
    expect(result.status).toBe('handedOff');
    expect(result.handoff).toMatchObject({ method: 'compose', programId: library });
    const r = readMapiRecord(record);
    expect(r.recipients.map((x) => [x.class, x.address])).toEqual([
      [1, 'SMTP:jürgen.müller@example.org'],
      [2, 'SMTP:büro@example.org'],
    ]);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.name).toBe('Mahnung D-1001.pdf');
    // the copy in the hand-off folder is byte for byte the PDF that was attached
    expect(readFileSync(r.files[0]!.path!)).toEqual(readFileSync(SAMPLE_PDF));
    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ state: 'handedOff', transport: 'windows-standard' });
  });

  it('a closed compose window is failed with handoffCancelled (exit 9), and offered again', async () => {
    mapiEnv('1');
    const { outbox, profile } = setUp('windows-standard');
    const err = await failure(outbox.send(profile, draft));
    expect([err.code, err.exitCode]).toEqual(['handoffCancelled', 9]);
    const [entry] = await outbox.list();
    expect(entry!.state).toBe('failed');
    // offered again: back in the queue, and this time the user sends
    await outbox.retry([]);
    mapiEnv('0');
    const summary = await outbox.run();
    expect(summary).toMatchObject({ handedOff: 1, failed: 0 });
    expect((await outbox.list()).map((e) => e.state)).toEqual(['handedOff']);
  });

  it('a crashing provider: a clear error, the entry kept as unknown, never handed over twice', async () => {
    mapiEnv('abort');
    const { outbox, profile } = setUp('windows-standard');
    const err = await failure(outbox.send(profile, draft));
    // the outbox's "outcome unknown" (exit 4), naming the crash as its reason
    expect([err.code, err.exitCode, err.params.detail, (err.cause as MailError).code]).toEqual([
      'sendOutcomeUnknown',
      4,
      'mapiProviderCrashed',
      'mapiProviderCrashed',
    ]);
    const [entry] = await outbox.list();
    expect(entry!.state).toBe('unknown');
    // a plain retry leaves it alone: the provider may have queued it before it fell over
    await outbox.retry([]);
    mapiEnv('0');
    expect(await outbox.run()).toMatchObject({ handedOff: 0 });
    expect((await outbox.list())[0]!.state).toBe('unknown');
  });
});

describe('Outlook through the outbox', () => {
  it('sends the password from the keychain on stdin only and records the account warning', async () => {
    const dir = tempDir('opos-pwsh-');
    const exe = path.join(dir, 'powershell-double');
    writeFileSync(
      exe,
      `#!/bin/sh
# TEST DOUBLE of powershell.exe: records argv and stdin, answers like outlook-handoff.ps1
printf '%s\\n' "$@" >> "${dir}/argv"
cat >> "${dir}/stdin"; printf '\\n' >> "${dir}/stdin"
printf 'OPOS-OUTLOOK-RESULT {"ok":true,"action":"%s","program":"Microsoft Outlook 16.0","profile":"Outlook","account":"Standard","accountFallback":true,"unresolved":[]}\\n' display
`,
    );
    chmodSync(exe, 0o755);
    process.env.TEST_PWSH = exe;
    const { outbox, profile } = setUp('outlook', { auth: 'password', user: 'Buchhaltung' }, 'ge"heim $(x)');
    const result = await outbox.send(profile, draft);
    expect(result.status).toBe('handedOff');
    expect(result.connection.mailbox).toBe('Standard');
    expect(result.response).toContain(
      "no Outlook account for buchhaltung@firma.de, Outlook's default account used",
    );
    const inputs = readFileSync(path.join(dir, 'stdin'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // the session's probe ("Verbindung testen"), then the message
    expect(inputs.map((i) => i.action)).toEqual(['test', 'display']);
    for (const i of inputs) expect(i.logon).toEqual({ profile: 'Buchhaltung', password: 'ge"heim $(x)' });
    expect(inputs[1]).toMatchObject({
      from: 'buchhaltung@firma.de',
      to: draft.to,
      cc: draft.cc,
      subject: draft.subject,
    });
    expect((inputs[1]!.attachments as Array<{ name: string }>).map((a) => a.name)).toEqual([
      'Mahnung D-1001.pdf',
    ]);
    expect(readFileSync(path.join(dir, 'argv'), 'utf8')).not.toContain('heim');
  });

  it('"Anmelden" without a stored password is refused before Outlook is asked', async () => {
    const { outbox, profile } = setUp('outlook', { auth: 'password', user: 'Buchhaltung' }, null);
    const err = await failure(outbox.send(profile, draft));
    expect(err.code).toBe('passwordMissing');
  });
});
