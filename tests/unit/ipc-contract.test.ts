// The desktop app's IPC contract: every payload is validated before the core sees it, bad payloads
// come back as a clear `invalidOption` error (never an exception across IPC), attachments are only
// registered PDFs behind opaque tokens, and the shell's pure checks (sender frames, file mapping,
// authorisation URLs) refuse what they must.
import { mkdtempSync, readFileSync, realpathSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationUrlGuard, authorizationOrigins } from '../../src/main/ipc/authorization-guard.js';
import { AttachmentRegistry } from '../../src/main/ipc/attachments.js';
import { createIpcHandlers, parseRequest, type IpcHandlers } from '../../src/main/ipc/handlers.js';
import { BatchRuns } from '../../src/main/ipc/outbox-batch.js';
import { MailService } from '../../src/main/service/mail-service.js';
import { APP_ORIGIN, isTrustedSender, resolveAppFile } from '../../src/main/shell/trust.js';
import { IPC_CHANNELS } from '../../src/shared/ipc/contract.js';
import { requestSchemas } from '../../src/shared/ipc/schemas.js';
import { profileSchema } from '../../src/shared/profile.js';
import type { ErrorInfo } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/temp.js';

const SAMPLE_PDF = path.resolve('assets/sample-mahnung.pdf');
const UUID = '00000000-0000-4000-8000-000000000000';
let dir: string;
let handlers: IpcHandlers;
let service: MailService;
const chosen: string[] = [];
let caChoice: string | null = null;
let manifestChoice: string | null = null;
let saveChoice: string | null = null;
const opened: string[] = [];

beforeAll(() => {
  dir = tempDir('opos-ipc-'); // removed after the file's tests
  service = new MailService({ dataFolder: path.join(dir, 'data') });
  handlers = createIpcHandlers(service, {
    version: '1.2.3',
    locale: 'nl-BE',
    choosePdfFiles: () => Promise.resolve(chosen.splice(0)),
    chooseCaFile: () => Promise.resolve(caChoice),
    chooseManifestFile: () => Promise.resolve(manifestChoice),
    chooseSaveFile: () => Promise.resolve(saveChoice),
    openPath: (file) => {
      opened.push(file);
      return Promise.resolve();
    },
  });
});

async function failure(p: Promise<{ ok: boolean }>): Promise<ErrorInfo> {
  const r = (await p) as { ok: false; error: ErrorInfo } | { ok: true };
  expect(r.ok).toBe(false);
  return (r as { error: ErrorInfo }).error;
}

function editable(overrides: Record<string, unknown> = {}) {
  const { id: _id, ...rest } = profileSchema.parse({
    id: 'unit-test-0000',
    name: 'Unit',
    connection: 'test-mailbox',
    ...overrides,
  });
  return rest;
}

describe('the contract', () => {
  it('has one channel and one schema per method, all in the opos: namespace', () => {
    expect(Object.keys(IPC_CHANNELS).sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(requestSchemas).sort());
    const channels = Object.values(IPC_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^opos:[a-z.-]+$/);
  });

  it.each([
    ['listProfiles', { extra: 1 }, 'Unrecognized key'],
    ['removeProfile', {}, 'name'],
    ['removeProfile', { name: 42 }, 'name'],
    ['useProfile', { name: '' }, 'name'],
    ['send', { profile: 'x', draft: { to: [], subject: 's', kind: 'mahnung' } }, 'draft.to'],
    ['send', { profile: 'x', draft: { to: ['a@b.example'], subject: 's', kind: 'rechnung' } }, 'draft.kind'],
    [
      'send',
      {
        profile: 'x',
        draft: { to: ['a@b.example'], subject: 's', kind: 'mahnung', attachments: ['/etc/passwd'] },
      },
      'draft.attachments.0',
    ],
    [
      'send',
      { profile: 'x', draft: { to: ['a@b.example'], subject: 's', kind: 'mahnung', html: '<b>x</b>' } },
      'Unrecognized key',
    ],
    ['createProfile', { profile: { ...editable(), id: 'sneaky-0001' } }, 'Unrecognized key'],
    ['createProfile', { profile: editable(), password: 'a\u0000b' }, 'password'],
    ['createProfile', { profile: { ...editable(), port: 70000 } }, 'profile.port'],
    ['updateProfile', { name: 'Unit', patch: {}, password: 'x', clearPassword: true }, 'exclude each other'],
    ['updateProfile', { name: 'Unit', patch: { host: 'a\r\nRCPT TO:<x@y>' } }, 'patch.host'],
    ['addDroppedPaths', { paths: [] }, 'paths'],
    ['releaseAttachments', { tokens: ['not-a-token'] }, 'tokens.0'],
    ['cancelSignIn', { name: 'x', all: true }, 'Unrecognized key'],
    ['setupLookup', { address: 'a'.repeat(400) + '@x.test' }, 'address'],
    ['setupLookup', { address: 'a@x.test', dnsServer: '127.0.0.1' }, 'Unrecognized key'],
    ['outboxPage', { state: 'lost' }, 'state'],
    ['outboxPage', { since: '2026-02-30' }, 'since'],
    ['outboxPage', { from: '2026-01-01' }, 'Unrecognized key'],
    ['outboxPage', { limit: 1_000_000 }, 'limit'],
    ['outboxPage', { search: 'x'.repeat(201) }, 'search'],
    // shorter than a trigram: would read every message (seconds at a million) on the main process
    ['outboxPage', { search: ' 17 ' }, 'search'],
    ['outboxPage', { search: '👍👍' }, 'search'],
    ['outboxPage', { before: -1 }, 'before'],
    ['outboxShow', { id: '../../etc/passwd' }, 'id'],
    ['outboxShow', {}, 'id'],
    ['outboxRetry', { ids: [] }, 'ids'],
    ['outboxRetry', { ids: [UUID], resendUnknown: 'yes' }, 'resendUnknown'],
    ['outboxRetry', { ids: Array.from({ length: 1001 }, () => UUID) }, 'ids'],
    ['outboxOpen', { id: UUID, path: '/etc/passwd' }, 'Unrecognized key'],
    ['outboxOpen', { id: '/home/user/.ssh/id_rsa' }, 'id'],
    ['journalExport', { language: 'fr' }, 'language'],
    ['journalExport', { language: 'de', file: '/tmp/x.csv' }, 'Unrecognized key'],
    ['chooseManifest', { path: '/tmp/lauf.csv' }, 'Unrecognized key'],
    ['batchCheck', { manifest: '/tmp/lauf.csv', profile: 'x' }, 'manifest'],
    ['batchCheck', { manifest: UUID }, 'profile'],
    ['batchStart', { manifest: UUID, profile: 'x', redirectTo: '' }, 'redirectTo'],
    ['batchStart', { manifest: UUID, profile: 'x', redirectTo: 'a'.repeat(400) }, 'redirectTo'],
    ['batchStart', { manifest: UUID, profile: 'x', dryRun: 1 }, 'dryRun'],
    ['batchStatus', { runId: '1' }, 'runId'],
    ['batchStatus', { runId: UUID, after: -1 }, 'after'],
    ['batchCancel', {}, 'runId'],
    ['openGuide', { guide: '../../etc/passwd' }, 'guide'],
    ['openGuide', { guide: 'oauth-app-registration', path: '/etc/passwd' }, 'Unrecognized key'],
  ] as const)('%s refuses %j with a clear error', async (method, payload, mention) => {
    expect(() => parseRequest(method, payload)).toThrow(expect.objectContaining({ code: 'invalidOption' }));
    const error = await failure(handlers[method](payload));
    expect(error).toMatchObject({ code: 'invalidOption', category: 'invalid', exitCode: 2 });
    expect(String(error.params.detail)).toContain(mention);
  });

  it('a non-object payload is refused, not thrown', async () => {
    for (const payload of ['x', 42, [], null]) {
      const error = await failure(handlers.useProfile(payload));
      expect(error.code).toBe('invalidOption');
    }
  });

  it('answers good payloads with the core’s data, never a secret', async () => {
    const info = await handlers.appInfo({});
    expect(info).toEqual({
      ok: true,
      value: {
        version: '1.2.3',
        language: 'nl',
        oauthAvailable: false,
        oauthBuiltIn: { microsoft: false, google: false },
      },
    });
    const created = await handlers.createProfile({
      profile: editable({
        name: 'Hausbank',
        connection: 'smtp',
        host: 'smtp.example.com',
        auth: 'password',
        user: 'u',
        fromAddress: 'a@example.com',
      }),
      password: 'geheim-123',
    });
    expect(created.ok).toBe(true);
    expect(JSON.stringify(created)).not.toContain('geheim-123');
    expect(created).toMatchObject({ value: { name: 'Hausbank', hasPassword: true } });
    const list = await handlers.listProfiles({});
    expect(JSON.stringify(list)).not.toContain('geheim-123');
    // the core's own completeness check still applies behind the schema
    const incomplete = await failure(
      handlers.createProfile({ profile: editable({ name: 'Leer', connection: 'smtp' }) }),
    );
    expect(incomplete.code).toBe('profileInvalid');
    const dup = await handlers.duplicateProfile({ name: 'Hausbank', newName: 'Hausbank 2' });
    expect(dup).toMatchObject({ ok: true, value: { name: 'Hausbank 2', hasPassword: true } });
    const removed = await handlers.removeProfile({ name: 'Hausbank 2' });
    expect(removed.ok).toBe(true);
    expect(await service.secrets.get((dup as { value: { id: string } }).value.id, 'password')).toBeNull();
  });
});

describe('attachments', () => {
  it('registers only readable PDFs and hands out opaque tokens', async () => {
    chosen.push(SAMPLE_PDF);
    const r = await handlers.chooseAttachments({});
    expect(r.ok).toBe(true);
    const [handle] = (r as { value: Array<{ token: string; name: string; size: number }> }).value;
    expect(handle).toMatchObject({ name: 'sample-mahnung.pdf', size: expect.any(Number) });
    expect(handle!.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(r)).not.toContain(path.dirname(SAMPLE_PDF));

    const txt = path.join(dir, 'notiz.pdf');
    writeFileSync(txt, 'not a pdf at all');
    expect((await failure(handlers.addDroppedPaths({ paths: [txt] }))).code).toBe('attachmentNotPdf');
    expect((await failure(handlers.addDroppedPaths({ paths: [dir] }))).code).toBe('attachmentNotPdf');
    expect((await failure(handlers.addDroppedPaths({ paths: ['relative.pdf'] }))).code).toBe(
      'attachmentMissing',
    );
    expect((await failure(handlers.addDroppedPaths({ paths: [path.join(dir, 'gone.pdf')] }))).code).toBe(
      'attachmentMissing',
    );
  });

  it('a send with a token that was never handed out is refused', async () => {
    const error = await failure(
      handlers.send({
        profile: 'Testpostfach',
        draft: {
          to: ['a@b.example'],
          subject: 'x',
          kind: 'mahnung',
          attachments: ['00000000-0000-4000-8000-000000000000'],
        },
      }),
    );
    expect(error.code).toBe('attachmentMissing');
  });

  it('the certificate chooser refuses a file that is no PEM certificate', async () => {
    caChoice = SAMPLE_PDF;
    expect((await failure(handlers.chooseCaFile({}))).code).toBe('caFileUnreadable');
    caChoice = null;
    expect(await handlers.chooseCaFile({})).toEqual({ ok: true, value: null });
  });
});

describe('the shell’s pure checks', () => {
  it('trusts only the main frame of our window on our origin', () => {
    const mainFrame = { url: `${APP_ORIGIN}/index.html` };
    const win = { mainFrame };
    expect(isTrustedSender({ sender: win, senderFrame: mainFrame }, win)).toBe(true);
    expect(isTrustedSender({ sender: win, senderFrame: { url: `${APP_ORIGIN}/x` } }, win)).toBe(false);
    expect(isTrustedSender({ sender: { mainFrame }, senderFrame: mainFrame }, win)).toBe(false);
    expect(isTrustedSender({ sender: win, senderFrame: null }, win)).toBe(false);
    const foreign = { url: 'https://evil.example/' };
    expect(
      isTrustedSender({ sender: { mainFrame: foreign }, senderFrame: foreign }, { mainFrame: foreign }),
    ).toBe(false);
    expect(isTrustedSender({ sender: win, senderFrame: mainFrame }, undefined)).toBe(false);
    const other = { url: 'app://other-app/index.html' };
    expect(isTrustedSender({ sender: { mainFrame: other }, senderFrame: other }, { mainFrame: other })).toBe(
      false,
    );
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/opos/out/renderer';
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/a.js`)).toBe(`${root}/assets/a.js`);
    expect(resolveAppFile(root, `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`)).toBeNull();
    // dot segments are resolved by the URL parser first: they stay inside the folder
    expect(resolveAppFile(root, `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`)).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile(root, 'app://other-host/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(root, `${APP_ORIGIN}/%E0%A4%A`)).toBeNull();
  });

  it('opens only the chosen provider’s https authorisation URLs', () => {
    const guard = new AuthorizationUrlGuard();
    const ms = profileSchema.parse({ id: 'p-00000001', name: 'M', connection: 'smtp', auth: 'oauth' });
    expect(guard.permits('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize')).toBe(
      false,
    );
    guard.allowFor(ms);
    expect(guard.permits('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1')).toBe(
      true,
    );
    expect(guard.permits('http://login.microsoftonline.com/authorize')).toBe(false);
    expect(guard.permits('https://accounts.google.com/o/oauth2/v2/auth')).toBe(false);
    expect(guard.permits('https://user:pw@login.microsoftonline.com/')).toBe(false);
    expect(guard.permits('https://login.microsoftonline.com.evil.example/')).toBe(false);
    expect(guard.permits('file:///etc/passwd')).toBe(false);
    expect(guard.permits('not a url')).toBe(false);
    const google = { ...ms, oauth: { ...ms.oauth, provider: 'google' as const } };
    guard.allowFor(google);
    expect(guard.permits('https://accounts.google.com/o/oauth2/v2/auth')).toBe(true);
    expect(guard.permits('https://login.microsoftonline.com/x')).toBe(false);
    expect(
      authorizationOrigins({ ...ms, oauth: { ...ms.oauth, authorityUrl: 'http://127.0.0.1:1/' } }),
    ).toEqual([]);
    expect(authorizationOrigins({ ...ms, oauth: { ...ms.oauth, cloud: 'usgov' } })).toEqual([
      'https://login.microsoftonline.us',
    ]);
  });

  it('a refused URL is never handed to the real opener', async () => {
    const guard = new AuthorizationUrlGuard();
    const opened: string[] = [];
    const open = guard.wrap((u) => {
      opened.push(u);
      return Promise.resolve();
    });
    await expect(open('https://login.microsoftonline.com/authorize')).rejects.toThrow(/Refused/);
    expect(opened).toEqual([]);
  });
});

describe('outbox, journal and batch through the contract', () => {
  it('opens the stored copy by id (a .eml inside the outbox), exports the journal as CSV', async () => {
    const sent = await handlers.send({
      profile: 'Testpostfach',
      draft: { to: ['kunde@example.org'], subject: 'Mahnung 4711', kind: 'mahnung' },
    });
    expect(sent.ok).toBe(true);
    const id = (sent as { value: { outboxId: string } }).value.outboxId;
    expect(await handlers.outboxOpen({ id })).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(path.join(realpathSync(dir), 'data', 'outbox') + path.sep)).toBe(true);
    expect(opened[0]).toMatch(/\.eml$/);
    expect((await failure(handlers.outboxOpen({ id: UUID }))).code).toBe('outboxUnknownId');

    saveChoice = null;
    expect(await handlers.journalExport({ language: 'de' })).toEqual({ ok: true, value: null });
    saveChoice = path.join(dir, 'journal.csv');
    const r = await handlers.journalExport({ language: 'de' });
    expect(r).toMatchObject({ ok: true, value: { file: saveChoice, entries: 1 } });
    const csv = readFileSync(saveChoice, 'utf8');
    expect(csv.startsWith('\uFEFFZeit;Status;')).toBe(true);
    expect(csv).toContain('Mahnung 4711');
  });

  it('refuses to open a stored copy that leads outside the outbox (a symbolic link)', async () => {
    const sent = await handlers.send({
      profile: 'Testpostfach',
      draft: { to: ['kunde@example.org'], subject: 'Mahnung 4712', kind: 'mahnung' },
    });
    const id = (sent as { value: { outboxId: string } }).value.outboxId;
    const entry = await service.outbox.show(id);
    const outside = path.join(dir, 'outside.eml');
    writeFileSync(outside, 'not from the outbox');
    unlinkSync(entry.file);
    symlinkSync(outside, entry.file);
    const before = opened.length;
    expect((await failure(handlers.outboxOpen({ id }))).code).toBe('invalidOption');
    expect(opened).toHaveLength(before);
  });

  it('a batch run answers at once, runs one at a time and is polled by outcome index', async () => {
    const batches = new BatchRuns(service);
    let manifestFile: string | null = null;
    const own = createIpcHandlers(
      service,
      {
        version: '1.2.3',
        locale: 'de-DE',
        choosePdfFiles: () => Promise.resolve([]),
        chooseCaFile: () => Promise.resolve(null),
        chooseManifestFile: () => Promise.resolve(manifestFile),
        chooseSaveFile: () => Promise.resolve(null),
        openPath: () => Promise.resolve(),
      },
      new AttachmentRegistry(),
      batches,
    );
    const work = mkdtempSync(path.join(dir, 'lauf-'));
    writeFileSync(path.join(work, 'a.pdf'), '%PDF-1.4\n%%EOF\n');
    manifestFile = path.join(work, 'lauf.csv');
    writeFileSync(
      manifestFile,
      'to;subject;text;attachments;reference\r\na@example.org;M1;x;a.pdf;R-1\r\nb@example.org;M2;x;a.pdf;R-2\r\n',
    );
    const chosen = await own.chooseManifest({});
    expect(chosen).toMatchObject({ ok: true, value: { name: 'lauf.csv' } });
    expect(JSON.stringify(chosen)).not.toContain(work);
    const token = (chosen as { value: { token: string } }).value.token;
    expect(await own.batchCheck({ manifest: token, profile: 'Testpostfach' })).toMatchObject({
      ok: true,
      value: { rows: 2, problems: [] },
    });
    const started = await own.batchStart({ manifest: token, profile: 'Testpostfach' });
    expect(started.ok).toBe(true);
    const runId = (started as { value: { runId: string } }).value.runId;
    // a second run is refused as what it is (worded in the user's language), not as invalid input
    expect((await failure(own.batchStart({ manifest: token, profile: 'Testpostfach' }))).code).toBe(
      'batchRunning',
    );
    // the Mahnlauf view reconnects to the running run after leaving the tab (or a reload)
    expect(await own.batchCurrent({})).toMatchObject({ ok: true, value: { runId } });
    await batches.idle();
    const done = await own.batchStatus({ runId });
    expect(done).toMatchObject({
      ok: true,
      value: { state: 'finished', total: 2, lineCount: 2, summary: { sent: 2, failed: 0 } },
    });
    const tail = await own.batchStatus({ runId, after: 1 });
    expect((tail as { value: { lines: unknown[] } }).value.lines).toHaveLength(1);
  });

  it('a manifest token that was never handed out is refused; cancelling the dialog gives null', async () => {
    manifestChoice = null;
    expect(await handlers.chooseManifest({})).toEqual({ ok: true, value: null });
    expect((await failure(handlers.batchCheck({ manifest: UUID, profile: 'Testpostfach' }))).code).toBe(
      'manifestUnreadable',
    );
    expect((await failure(handlers.batchStatus({ runId: UUID }))).code).toBe('invalidOption');
  });
});

describe('guides through the contract', () => {
  it('opens a guide shipped with the app by name: the OAuth app registration is docs/oauth.md', async () => {
    expect(await handlers.openGuide({ guide: 'oauth-app-registration' })).toEqual({ ok: true, value: null });
    const file = opened.at(-1)!;
    expect(file).toMatch(/[\\/]docs[\\/]oauth\.md$/);
    expect(readFileSync(file, 'utf8')).toContain('## App registration');
  });
});
