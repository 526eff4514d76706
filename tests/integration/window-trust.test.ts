// The main process does not trust the window (issue 12): stored secrets go only with the stored
// connection settings (a compromised renderer that edits host, port, security or the authority gets
// neither the password nor the refresh token and client secret to a server of its choosing), the CA
// file comes only from the main process's own dialog, and a partial profile update keeps what it
// leaves out. Real SMTP servers and a real HTTPS endpoint on loopback, the real keyring.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc/handlers.js';
import { EncryptedTokenCache } from '../../src/main/oauth/token-cache.js';
import { OAuthService } from '../../src/main/oauth/oauth-service.js';
import { MailService } from '../../src/main/service/mail-service.js';
import type { ErrorInfo } from '../../src/shared/errors.js';
import type { Profile } from '../../src/shared/profile.js';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { tempDir } from '../helpers/temp.js';

const PASSWORD = 'Geheim-Fenster-4711';
const CLIENT_SECRET = 'client-secret-fenster-0815';
const REFRESH_TOKEN = 'refresh-token-fenster-1234';

let dir: string;
let service: MailService;
let handlers: IpcHandlers;
let caChoice: string | null = null;
let ca: TestCa;
let stored: TestSmtpServer;
let attacker: TestSmtpServer;
const attackerPasswords: string[] = [];

/** An HTTPS "authority" that records every request body (discovery answered, tokens refused). */
async function startRecordingAuthority(tls: { key: string; cert: string }) {
  const bodies: string[] = [];
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      bodies.push(`${req.method} ${req.url} ${body}`);
      const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('openid-configuration'))
        return res.end(
          JSON.stringify({
            issuer: base,
            authorization_endpoint: `${base}/auth`,
            token_endpoint: `${base}/token`,
          }),
        );
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'invalid_grant' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function failure(p: Promise<{ ok: boolean }>): Promise<ErrorInfo> {
  const r = (await p) as { ok: false; error: ErrorInfo } | { ok: true };
  expect(r.ok).toBe(false);
  return (r as { error: ErrorInfo }).error;
}

function editable(p: Profile) {
  const { id: _id, ...rest } = p;
  return rest;
}

beforeAll(async () => {
  dir = tempDir('opos-window-trust-');
  ca = createTestCa();
  stored = await startSmtpServer({ mode: 'plain', users: { buchhaltung: PASSWORD } });
  attacker = await startSmtpServer({
    mode: 'plain',
    users: { buchhaltung: 'neu-getippt' },
    onAuth: (_u, pass) => {
      if (pass) attackerPasswords.push(pass);
      return undefined;
    },
  });
  service = new MailService({ dataFolder: path.join(dir, 'data') });
  service.oauth = new OAuthService({
    dataFolder: service.dataFolder,
    secrets: service.secrets,
    openBrowser: () => Promise.reject(new Error('no browser in this test')),
  });
  handlers = createIpcHandlers(service, {
    version: '1',
    locale: 'de-DE',
    choosePdfFiles: () => Promise.resolve([]),
    chooseCaFile: () => Promise.resolve(caChoice),
    chooseManifestFile: () => Promise.resolve(null),
    chooseSaveFile: () => Promise.resolve(null),
    openPath: () => Promise.resolve(),
  });
  await service.addProfile(
    {
      name: 'Hausbank',
      connection: 'smtp',
      host: '127.0.0.1',
      port: stored.port,
      security: 'None',
      auth: 'password',
      user: 'buchhaltung',
      allowPlaintextAuth: true,
      fromAddress: 'buchhaltung@example.org',
      fromName: 'Buchhaltung',
    },
    { password: PASSWORD },
  );
});

afterAll(async () => {
  await stored?.close();
  await attacker?.close();
});

describe('stored secrets go only with the stored connection settings', () => {
  it('testConnection with the stored settings uses the stored password', async () => {
    const p = await service.profiles.get('Hausbank');
    const r = await handlers.testConnection({ profile: editable(p), existing: 'Hausbank' });
    expect(r).toMatchObject({ ok: true, value: { auth: { used: true } } });
    expect(stored.sessions.some((s) => s.user === 'buchhaltung')).toBe(true);
  });

  it('testConnection with an edited server never sends the stored password there', async () => {
    const p = await service.profiles.get('Hausbank');
    const error = await failure(
      handlers.testConnection({ profile: { ...editable(p), port: attacker.port }, existing: 'Hausbank' }),
    );
    expect(error.code).toBe('passwordMissing');
    expect(attackerPasswords).toEqual([]);
    // a password the user types for the edited settings is used for them
    const typed = await handlers.testConnection({
      profile: { ...editable(p), port: attacker.port },
      existing: 'Hausbank',
      password: 'neu-getippt',
    });
    attackerPasswords.splice(0).forEach((pw) => expect(pw).toBe('neu-getippt'));
    expect(typed.ok).toBe(true);
  });

  it('a saved change of the server from the window forgets the password unless one is typed', async () => {
    await handlers.createProfile({
      profile: editable({ ...(await service.profiles.get('Hausbank')), name: 'Kopie', id: 'x' }),
      password: PASSWORD,
    });
    // a change that does not touch the connection keeps it
    const renamed = await handlers.updateProfile({ name: 'Kopie', patch: { fromName: 'Mahnwesen' } });
    expect(renamed).toMatchObject({ ok: true, value: { hasPassword: true } });
    const moved = await handlers.updateProfile({ name: 'Kopie', patch: { port: attacker.port } });
    expect(moved).toMatchObject({ ok: true, value: { hasPassword: false, port: attacker.port } });
    const sent = await handlers.send({
      profile: 'Kopie',
      draft: { to: ['kunde@example.org'], subject: 'x', kind: 'mahnung' },
    });
    expect(sent.ok).toBe(false);
    expect(attackerPasswords).toEqual([]);
    const retyped = await handlers.updateProfile({
      name: 'Kopie',
      patch: { port: stored.port },
      password: PASSWORD,
    });
    expect(retyped).toMatchObject({ ok: true, value: { hasPassword: true } });
  });

  it('the refresh token and client secret never go to an authority the window edited', async () => {
    const legit = ca.issue('legit', ['127.0.0.1']);
    const storedAuthority = await startRecordingAuthority(legit);
    const evilAuthority = await startRecordingAuthority(ca.issue('evil', ['127.0.0.1']));
    try {
      const google = await service.addProfile({
        name: 'Gmail',
        connection: 'smtp',
        host: '127.0.0.1',
        port: stored.port,
        security: 'None',
        auth: 'oauth',
        user: 'buchhaltung@example.org',
        caFile: ca.caFile,
        fromAddress: 'buchhaltung@example.org',
        oauth: {
          mode: 'silent',
          provider: 'google',
          clientId: 'own-client.apps.googleusercontent.com',
          tenantId: '',
          cloud: 'global',
          authorityUrl: storedAuthority.url,
          graphUrl: '',
        },
      });
      await service.secrets.set(google.id, 'client-secret', CLIENT_SECRET);
      await new EncryptedTokenCache(service.dataFolder, service.secrets, google.id).write(
        JSON.stringify({
          version: 1,
          provider: 'google',
          account: 'buchhaltung@example.org',
          refreshToken: REFRESH_TOKEN,
          accessToken: 'expired',
          expiresAt: Date.now() - 1000,
        }),
      );
      const edited = { ...editable(google), oauth: { ...google.oauth, authorityUrl: evilAuthority.url } };
      const r = await handlers.testConnection({ profile: edited, existing: 'Gmail' });
      expect(r.ok).toBe(false);
      const seen = evilAuthority.bodies.join('\n');
      expect(seen).not.toContain(REFRESH_TOKEN);
      expect(seen).not.toContain(CLIENT_SECRET);
      // saved from the window, the new authority starts signed out and without the old client secret
      const saved = await handlers.updateProfile({
        name: 'Gmail',
        patch: { oauth: { authorityUrl: evilAuthority.url } },
      });
      expect(saved.ok).toBe(true);
      expect(await service.secrets.get(google.id, 'client-secret')).toBeNull();
      await handlers.signIn({ name: 'Gmail' }).catch(() => undefined);
      await service.testConnection('Gmail').catch(() => undefined);
      const after = evilAuthority.bodies.join('\n');
      expect(after).not.toContain(REFRESH_TOKEN);
      expect(after).not.toContain(CLIENT_SECRET);
    } finally {
      await storedAuthority.close();
      await evilAuthority.close();
    }
  });
});

describe('the CA file comes only from the main process’s dialog', () => {
  it('refuses a path the window names by itself, accepts the one the dialog chose', async () => {
    const p = await service.profiles.get('Hausbank');
    const own = editable({ ...p, name: 'Mit CA', id: 'x' });
    const sneaky = '/etc/ssl/certs/ca-certificates.crt';
    expect((await failure(handlers.createProfile({ profile: { ...own, caFile: sneaky } }))).code).toBe(
      'invalidOption',
    );
    expect(
      (await failure(handlers.updateProfile({ name: 'Hausbank', patch: { caFile: sneaky } }))).code,
    ).toBe('invalidOption');
    expect(
      (
        await failure(
          handlers.testConnection({ profile: { ...editable(p), caFile: sneaky }, existing: 'Hausbank' }),
        )
      ).code,
    ).toBe('invalidOption');
    expect((await service.profiles.get('Hausbank')).caFile).toBe('');

    caChoice = ca.caFile;
    expect(await handlers.chooseCaFile({})).toEqual({ ok: true, value: ca.caFile });
    const created = await handlers.createProfile({ profile: { ...own, caFile: ca.caFile } });
    expect(created).toMatchObject({ ok: true, value: { caFile: ca.caFile } });
    // the profile's own stored file stays acceptable, and "none" always is
    expect(
      (await handlers.updateProfile({ name: 'Mit CA', patch: { caFile: ca.caFile, fromName: 'A' } })).ok,
    ).toBe(true);
    expect((await handlers.updateProfile({ name: 'Mit CA', patch: { caFile: '' } })).ok).toBe(true);
  });
});

describe('a partial update keeps what it leaves out', () => {
  it('changing only the size limit keeps sender address and name', async () => {
    const before = await service.profiles.get('Hausbank');
    expect(before.fromAddress).toBe('buchhaltung@example.org');
    const r = await handlers.updateProfile({ name: 'Hausbank', patch: { maxSizeKb: 2048 } });
    expect(r).toMatchObject({
      ok: true,
      value: { maxSizeKb: 2048, fromAddress: 'buchhaltung@example.org', fromName: 'Buchhaltung' },
    });
    const t = await handlers.updateProfile({ name: 'Hausbank', patch: { throttle: { perMinute: 30 } } });
    expect(t).toMatchObject({ ok: true, value: { throttle: { perMinute: 30, maxAttempts: 5 } } });
    const after = await service.profiles.get('Hausbank');
    expect(after).toMatchObject({ fromAddress: 'buchhaltung@example.org', fromName: 'Buchhaltung' });
    expect(await service.hasPassword(after)).toBe(true);
  });
});
