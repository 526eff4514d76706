// OAuth 2.0 end to end, offline: a real OpenID Connect provider (oidc-provider over HTTPS with a test CA)
// plays Microsoft Entra ID and Google; a real Chromium signs in through the BROWSER hook of the real
// `opos-mail` command, which uses the real @azure/msal-node and google-auth-library. Tokens are then
// used for SMTP XOAUTH2 against a test SMTP server and for the Graph API against a local HTTPS endpoint,
// both of which verify every token against the provider's keys.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { SignJWT, generateKeyPair } from 'jose';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuthService } from '../../src/main/oauth/oauth-service.js';
import { ProfileStore } from '../../src/main/profiles/profile-store.js';
import { KeyringSecretStore } from '../../src/main/secrets/keyring-secret-store.js';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { ROOT, runCli, SAMPLE_PDF, tempHome, type CliRun } from '../helpers/cli.js';
import { startGraphServer, type TestGraphServer } from '../helpers/graph-server.js';
import {
  GOOGLE_CLIENT_ID,
  GOOGLE_CLIENT_SECRET,
  MS_CLIENT_ID,
  RESOURCES,
  startOidcProvider,
  type TestOidcProvider,
} from '../helpers/oidc-provider.js';
import { startSmtpServer, smtpError, type TestSmtpServer } from '../helpers/smtp-server.js';
import { tokenVerifier, type TokenVerifier } from '../helpers/token-verifier.js';
import { CHROMIUM_LAUNCH } from '../helpers/chromium.js';

let ca: TestCa;
let op: TestOidcProvider;
let verifier: TokenVerifier;
let smtp: TestSmtpServer;
let graph: TestGraphServer;
let browser: Browser;
let work: string;
let browserScript: string;
const figures: Record<string, number> = {};
/** Generous limits: several real processes, a browser and a provider per test (the full suite runs in parallel). */
const SLOW = 90_000;

beforeAll(async () => {
  ca = createTestCa();
  const tls = ca.issue('services', ['127.0.0.1', 'localhost']);
  op = await startOidcProvider(tls);
  verifier = await tokenVerifier(op.issuer, op.jwksUri, ca.caPem);
  smtp = await startSmtpServer({
    mode: 'starttls',
    tls,
    users: {},
    authMethods: ['XOAUTH2'],
    // Exchange Online / Gmail: the token must be the provider's, for the mail resource, for this user
    verifyXoauth2: async (user, token) => {
      for (const [audience, scope] of [
        [RESOURCES.smtp.audience, RESOURCES.smtp.scopes[0]],
        [RESOURCES.google.audience, RESOURCES.google.scopes[0]],
      ] as const) {
        try {
          const claims = await verifier.verify(token, audience, [scope]);
          if (`${String(claims.sub)}@firma.example` !== user.toLowerCase())
            return smtpError(535, '5.7.3 Authentication unsuccessful (token is for another user)');
          return undefined;
        } catch {
          // try the next resource
        }
      }
      return smtpError(535, '5.7.3 Authentication unsuccessful');
    },
  });
  graph = await startGraphServer(tls, verifier);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  work = tempHome('opos-oauth-');
  // the BROWSER hook: "opens" the URL by handing it to the test (which drives Chromium)
  browserScript = path.join(work, 'open-browser.sh');
  writeFileSync(browserScript, '#!/bin/sh\nprintf \'%s\\n\' "$1" >> "$OPOS_TEST_URL_FILE"\n');
  chmodSync(browserScript, 0o755);
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await Promise.all([op?.close(), smtp?.close(), graph?.close()]);
  if (Object.keys(figures).length) console.log('OAuth figures (ms):', JSON.stringify(figures));
});

let urlFiles = 0;
/** Environment with the BROWSER hook writing to a fresh file; returns the file too. */
function browserEnv(): { env: NodeJS.ProcessEnv; urlFile: string } {
  const urlFile = path.join(work, `url-${++urlFiles}.txt`);
  return {
    urlFile,
    env: { BROWSER: `${browserScript} %s`, OPOS_TEST_URL_FILE: urlFile, OPOS_MAIL_OAUTH_TIMEOUT_S: '20' },
  };
}

/** Waits for the BROWSER hook to be called (or the command to end without calling it). */
async function waitForUrl(urlFile: string, cli: Promise<CliRun>): Promise<string> {
  let ended = false;
  void cli.finally(() => (ended = true));
  for (;;) {
    if (existsSync(urlFile)) {
      const text = readFileSync(urlFile, 'utf8');
      if (text.endsWith('\n')) return text.trim();
    }
    if (ended) {
      const r = await cli;
      throw new Error(`the command ended without opening a browser (exit ${r.code}): ${r.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A user signs in with a real Chromium: the provider's login form, its consent page, the loopback page. */
async function signInWithChromium(url: string, login: string): Promise<void> {
  // a fresh context per sign-in: the provider's session cookie would otherwise skip the login form
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any password');
    await page.click('button[type=submit]');
    await page.waitForSelector('button[autofocus]'); // consent ("Continue")
    await page.click('button[autofocus]');
    await page.waitForSelector('#result');
    expect(await page.getAttribute('#result', 'data-ok')).toBe('true');
  } finally {
    await context.close();
  }
}

/** Runs a command that needs a browser sign-in and performs it; returns the run and the URL. */
async function withBrowserSignIn(
  args: string[],
  home: string,
  login: string,
): Promise<{ run: CliRun; url: string; ms: number }> {
  const { env, urlFile } = browserEnv();
  const started = performance.now();
  const cli = runCli(args, { home, env, timeoutMs: 40_000 });
  const url = await waitForUrl(urlFile, cli);
  await signInWithChromium(url, login);
  const run = await cli;
  return { run, url, ms: Math.round(performance.now() - started) };
}

async function addProfile(home: string, name: string, flags: string[], input?: string): Promise<string> {
  const r = await runCli(['profile', 'add', name, ...flags, '--json'], { home, ...(input ? { input } : {}) });
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ id: string }>().id;
}

function smtpFlags(user: string): string[] {
  return [
    '--host',
    '127.0.0.1',
    '--port',
    String(smtp.port),
    '--security',
    'StartTls',
    '--ca-file',
    ca.caFile,
    '--from',
    user,
    '--user',
    user,
    '--authority-url',
    op.issuer,
  ];
}

function delivered(subject: string) {
  return smtp.messages.filter((m) => m.raw.toString('utf8').includes(`Subject: ${subject}\r\n`));
}

describe('Microsoft: "OAuth mit Dialog" over SMTP XOAUTH2', { timeout: SLOW }, () => {
  const home = tempHome();
  let id = '';

  it('signs in through the system browser (BROWSER hook) with PKCE and state', async () => {
    id = await addProfile(home, 'M365', [
      ...smtpFlags('alice@firma.example'),
      '--oauth',
      'dialog',
      '--provider',
      'microsoft',
      '--client-id',
      MS_CLIENT_ID,
      '--use',
    ]);
    const { run, url, ms } = await withBrowserSignIn(['login', '--json'], home, 'alice');
    figures.interactiveSignInMicrosoft = ms;
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ status: 'signedIn', account: 'alice@firma.example' });
    expect(run.stderr).toContain(url); // printed for remote sessions
    const q = new URL(url).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')?.length).toBeGreaterThan(20);
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(q.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['https://outlook.office.com/SMTP.Send', 'offline_access']),
    );

    const show = await runCli(['profile', 'show', 'M365', '--json'], { home });
    const signIn = show.json<{ signIn: { signedIn: boolean; account: string; expiresAt: string } }>().signIn;
    expect(signIn).toMatchObject({ signedIn: true, account: 'alice@firma.example' });
    expect(Date.parse(signIn.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('keeps no readable token on disk: the cache is encrypted with a key from the keychain', async () => {
    const file = path.join(home, 'tokens', `${id}.bin`);
    const bytes = readFileSync(file);
    const text = bytes.toString('latin1');
    for (const needle of ['eyJ', 'alice', 'RefreshToken', 'AccessToken', 'secret', 'offline_access'])
      expect(text).not.toContain(needle);
    const issued = op.grants.filter((g) => g.clientId === MS_CLIENT_ID && g.issuedRefreshToken);
    expect(issued.length).toBeGreaterThan(0);
    for (const g of issued) expect(text).not.toContain(g.issuedRefreshToken!);
    expect((await fs.stat(file)).mode & 0o077).toBe(0);
    const key = await new KeyringSecretStore(home).get(id, 'token-key');
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
  });

  it('a new process sends over SMTP XOAUTH2 silently from the cache, without a browser', async () => {
    const { env, urlFile } = browserEnv();
    const grantsBefore = op.grants.length;
    const started = performance.now();
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'Mahnung XOAUTH2 MS',
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home, env },
    );
    figures.silentSmtpSendFreshProcess = Math.round(performance.now() - started);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'sent', tls: { used: true } });
    expect(existsSync(urlFile)).toBe(false);
    expect(op.grants.length).toBe(grantsBefore); // straight from the cache, no token request
    const [m] = delivered('Mahnung XOAUTH2 MS');
    expect(m).toMatchObject({ secure: true, user: 'alice@firma.example' });
    expect(smtp.sessions.some((s) => s.authMethod === 'XOAUTH2' && s.user === 'alice@firma.example')).toBe(
      true,
    );
  });

  it('a fresh controller (as in a new process) gets the token from the encrypted cache', async () => {
    const profile = await new ProfileStore(home).get('M365');
    const oauth = new OAuthService({
      dataFolder: home,
      secrets: new KeyringSecretStore(home),
      openBrowser: () => Promise.reject(new Error('no browser may open here')),
    });
    const started = performance.now();
    const { token, user } = await oauth.accessToken(profile, 'smtp');
    figures.silentTokenFreshController = Math.round(performance.now() - started);
    const again = performance.now();
    await oauth.accessToken(profile, 'smtp');
    figures.silentTokenSecondCall = Math.round(performance.now() - again);
    expect(user).toBe('alice@firma.example');
    await expect(
      verifier.verify(token, RESOURCES.smtp.audience, [...RESOURCES.smtp.scopes]),
    ).resolves.toMatchObject({ sub: 'alice' });
  });

  it('a new process gets a silent token (measured: process start, loading, keychain, decryption)', async () => {
    const script = `
      const t0 = performance.now();
      const out = ${JSON.stringify(path.join(ROOT, 'out', 'node', 'main'))};
      const { OAuthService } = await import(out + '/oauth/oauth-service.js');
      const { KeyringSecretStore } = await import(out + '/secrets/keyring-secret-store.js');
      const { ProfileStore } = await import(out + '/profiles/profile-store.js');
      const home = process.env.OPOS_MAIL_HOME;
      const profile = await new ProfileStore(home).get('M365');
      const oauth = new OAuthService({ dataFolder: home, secrets: new KeyringSecretStore(home),
        openBrowser: () => Promise.reject(new Error('no browser')) });
      const t1 = performance.now();
      const { user } = await oauth.accessToken(profile, 'smtp');
      const t2 = performance.now();
      console.log(JSON.stringify({ user, loadMs: Math.round(t1 - t0), tokenMs: Math.round(t2 - t1) }));`;
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, OPOS_MAIL_HOME: home },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code, r.out).toBe(0);
    const m = JSON.parse(r.out) as { user: string; loadMs: number; tokenMs: number };
    expect(m.user).toBe('alice@firma.example');
    figures.silentTokenNewProcessLoad = m.loadMs;
    figures.silentTokenNewProcessToken = m.tokenMs;
  });

  it('the test SMTP server refuses a token not signed by the provider', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ scope: RESOURCES.smtp.scopes[0] })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(op.issuer)
      .setAudience(RESOURCES.smtp.audience)
      .setSubject('alice')
      .setExpirationTime('1h')
      .sign(privateKey);
    const conn = new SMTPConnection({
      host: '127.0.0.1',
      port: smtp.port,
      requireTLS: true,
      tls: { ca: ca.caPem },
    });
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => resolve());
    });
    const err = await new Promise<Error & { responseCode?: number }>((resolve) =>
      conn.login(
        {
          user: 'alice@firma.example',
          method: 'XOAUTH2',
          oauth2: new XOAuth2({ user: 'alice@firma.example', accessToken: forged }),
        },
        (e) => resolve(e as Error),
      ),
    );
    conn.close();
    expect(err?.responseCode).toBe(535);
  });

  it('a token for another user is refused by the server: exit 3, oauthTokenRejected', async () => {
    expect(
      (await runCli(['profile', 'edit', 'M365', '--user', 'mallory@firma.example'], { home })).code,
    ).toBe(0);
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'falscher Benutzer', '--json'],
      {
        home,
        env: browserEnv().env,
      },
    );
    expect(r.code).toBe(3);
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'oauthTokenRejected',
      message: expect.stringContaining('535'),
    });
    expect(delivered('falscher Benutzer')).toHaveLength(0);
    expect((await runCli(['profile', 'edit', 'M365', '--user', 'alice@firma.example'], { home })).code).toBe(
      0,
    );
  });

  it('never sends a token over an unencrypted connection, even when a hand-edited profile allows plain text', async () => {
    // the dialog and `profile edit` keep the permission to password logins; profiles.json is a file
    // anyone can edit, so the transport holds the line too
    const file = path.join(home, 'profiles.json');
    const original = readFileSync(file, 'utf8');
    const edited = JSON.parse(original) as { profiles: Array<Record<string, unknown>> };
    const m365 = edited.profiles.find((p) => p.name === 'M365')!;
    Object.assign(m365, { security: 'None', allowPlaintextAuth: true });
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const attempts = smtp.sessions.filter((s) => s.authMethod === 'XOAUTH2').length;
    try {
      const r = await runCli(
        ['send', '--to', 'kunde@example.org', '--subject', 'Token im Klartext', '--json'],
        {
          home,
          env: browserEnv().env,
        },
      );
      expect(r.code).toBe(4);
      expect(r.json<{ error: { code: string } }>().error.code).toBe('plaintextAuthRefused');
      expect(smtp.sessions.filter((s) => s.authMethod === 'XOAUTH2').length).toBe(attempts);
      expect(delivered('Token im Klartext')).toHaveLength(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('logout removes the cache file and its keychain key; "OAuth 2.0" then stops with exit 3', async () => {
    const r = await runCli(['logout', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(home, 'tokens', `${id}.bin`))).toBe(false);
    expect(await new KeyringSecretStore(home).get(id, 'token-key')).toBeNull();
    const show = await runCli(['profile', 'show', 'M365', '--json'], { home });
    expect(show.json<{ signIn: { signedIn: boolean } }>().signIn.signedIn).toBe(false);

    expect((await runCli(['profile', 'edit', 'M365', '--oauth', 'silent'], { home })).code).toBe(0);
    const { env, urlFile } = browserEnv();
    const send = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'nach Abmeldung', '--json'],
      { home, env },
    );
    expect(send.code).toBe(3);
    expect(send.json<{ error: { code: string } }>().error.code).toBe('signInRequired');
    expect(existsSync(urlFile)).toBe(false);
  });
});

describe('Google: "OAuth mit Dialog" over SMTP XOAUTH2', { timeout: SLOW }, () => {
  const home = tempHome();

  it('signs in (access_type=offline, no offline_access scope) and sends', async () => {
    const id = await addProfile(
      home,
      'Gmail',
      [
        ...smtpFlags('bob@firma.example'),
        '--oauth',
        'dialog',
        '--provider',
        'google',
        '--client-id',
        GOOGLE_CLIENT_ID,
        '--client-secret-stdin',
        '--use',
      ],
      GOOGLE_CLIENT_SECRET + '\n',
    );
    expect(readFileSync(path.join(home, 'profiles.json'), 'utf8')).not.toContain(GOOGLE_CLIENT_SECRET);
    expect(await new KeyringSecretStore(home).get(id, 'client-secret')).toBe(GOOGLE_CLIENT_SECRET);

    // short-lived tokens: the send below must refresh (Google keeps its refresh token, no rotation)
    op.accessTokenTtl.google = 200;
    const { run, url, ms } = await withBrowserSignIn(['login', '--json'], home, 'bob');
    figures.interactiveSignInGoogle = ms;
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ status: 'signedIn', account: 'bob@firma.example' });
    const q = new URL(url).searchParams;
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('scope')?.split(' ')).toContain('https://mail.google.com/');
    expect(q.get('scope')?.split(' ')).not.toContain('offline_access');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const { env, urlFile } = browserEnv();
    const r = await runCli(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'Mahnung XOAUTH2 Google',
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      { home, env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(urlFile)).toBe(false);
    expect(delivered('Mahnung XOAUTH2 Google')[0]).toMatchObject({ user: 'bob@firma.example' });
    const refreshes = op.grants.filter(
      (g) => g.grantType === 'refresh_token' && g.clientId === GOOGLE_CLIENT_ID,
    );
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ ok: true });
    const again = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'Google 2', '--json'], {
      home,
      env,
    });
    expect(again.code, again.stderr).toBe(0);
    const all = op.grants.filter((g) => g.grantType === 'refresh_token' && g.clientId === GOOGLE_CLIENT_ID);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ ok: true, presentedRefreshToken: all[0]!.presentedRefreshToken });
  });
});

describe('Microsoft Graph API', { timeout: SLOW }, () => {
  const home = tempHome();
  const big = path.join(tempHome('opos-att-'), 'Kontoauszug 5 MB.pdf');
  let bigHash = '';

  it('signs in during the send that needs it, uploads 5 MB in chunks and honours a 429', async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    writeFileSync(big, bytes);
    bigHash = createHash('sha256').update(bytes).digest('hex');
    await addProfile(home, 'Graph', [
      '--connection',
      'graph',
      '--provider',
      'microsoft',
      '--client-id',
      MS_CLIENT_ID,
      '--authority-url',
      op.issuer,
      '--graph-url',
      graph.url,
      '--ca-file',
      ca.caFile,
      '--from',
      'alice@firma.example',
      '--user',
      'alice@firma.example',
      '--use',
    ]);
    // short-lived Graph tokens: every later silent use refreshes (and the provider rotates the token)
    op.accessTokenTtl.graph = 200;
    graph.throttleOnce('createDraft', 1);
    const { run } = await withBrowserSignIn(
      [
        'send',
        '--to',
        'kunde@example.org',
        '--subject',
        'Avis groß',
        '--attach',
        big,
        '--attach',
        SAMPLE_PDF,
        '--json',
      ],
      home,
      'alice',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ status: 'accepted', response: '202 Accepted' });

    const routes = graph.requests.map((r) => `${r.route}:${r.status}`);
    expect(routes[0]).toBe('createDraft:429');
    expect(routes[1]).toBe('createDraft:201');
    expect(routes).toContain('createUploadSession:201');
    expect(routes).toContain('addAttachment:201');
    expect(routes.at(-1)).toBe('send:202');
    const uploads = graph.requests.filter((r) => r.route === 'upload');
    expect(uploads.length).toBeGreaterThan(1);
    for (const u of uploads) {
      expect(u.bodyBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(u.bearer).toBe(false);
    }
    const sent = graph.sent.at(-1)!;
    expect(sent).toMatchObject({ via: 'draft', mailbox: 'me' });
    expect(sent.attachments['Kontoauszug 5 MB.pdf']).toEqual({ size: 5 * 1024 * 1024, sha256: bigHash });
    expect(sent.attachments['sample-mahnung.pdf']?.size).toBe(readFileSync(SAMPLE_PDF).length);
    expect(sent.message).toMatchObject({ subject: 'Avis groß' });
  });

  it('a new process sends 5 MB silently (refreshing the token), without a browser', async () => {
    const { env, urlFile } = browserEnv();
    const before = graph.sent.length;
    const started = performance.now();
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'Avis groß 2', '--attach', big, '--json'],
      { home, env },
    );
    figures.graphSend5MbFreshProcess = Math.round(performance.now() - started);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(urlFile)).toBe(false);
    expect(graph.sent.length).toBe(before + 1);
    expect(graph.sent.at(-1)!.attachments['Kontoauszug 5 MB.pdf']?.sha256).toBe(bigHash);
  });

  it('send-as a shared mailbox goes to /users/{sender}/sendMail; the rotated refresh token survives restarts', async () => {
    expect((await runCli(['profile', 'edit', 'Graph', '--from', 'team@firma.example'], { home })).code).toBe(
      0,
    );
    for (const subject of ['Avis Team 1', 'Avis Team 2']) {
      const { env, urlFile } = browserEnv();
      const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', subject, '--json'], {
        home,
        env,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(urlFile)).toBe(false);
      expect(graph.sent.at(-1)).toMatchObject({ via: 'sendMail', mailbox: 'team@firma.example' });
    }
    // large: the draft is made in the signed-in mailbox with the shared sender as `from`
    const large = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'Avis Team groß', '--attach', big, '--json'],
      { home },
    );
    expect(large.code, large.stderr).toBe(0);
    expect(graph.sent.at(-1)).toMatchObject({
      via: 'draft',
      mailbox: 'me',
      message: { from: { emailAddress: { address: 'team@firma.example' } } },
    });
    // every refresh presented the token the previous one issued: the newest was always persisted
    const refreshes = op.grants.filter((g) => g.grantType === 'refresh_token' && g.clientId === MS_CLIENT_ID);
    expect(refreshes.length).toBeGreaterThanOrEqual(3);
    expect(refreshes.every((g) => g.ok)).toBe(true);
    for (let i = 1; i < refreshes.length; i++)
      expect(refreshes[i]!.presentedRefreshToken).toBe(refreshes[i - 1]!.issuedRefreshToken);
    expect(new Set(refreshes.map((g) => g.issuedRefreshToken)).size).toBe(refreshes.length);
  });

  it('Exchange refusing send-as (403 ErrorAccessDenied) is a refusal with advice (exit 5), not missing consent', async () => {
    graph.denySendAs('vorstand@firma.example');
    expect(
      (await runCli(['profile', 'edit', 'Graph', '--from', 'vorstand@firma.example'], { home })).code,
    ).toBe(0);
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'Avis Vorstand', '--json'], {
      home,
    });
    expect(r.code, r.stderr).toBe(5);
    expect(r.json()).toMatchObject({
      error: { code: 'sendAsDenied', params: { sender: 'vorstand@firma.example' } },
    });
    expect(JSON.stringify(r.json())).toContain('Senden als');
    expect((await runCli(['profile', 'edit', 'Graph', '--from', 'team@firma.example'], { home })).code).toBe(
      0,
    );
  });

  it('the maximum message size applies before anything goes to Graph', async () => {
    expect((await runCli(['profile', 'edit', 'Graph', '--max-size-kb', '1024'], { home })).code).toBe(0);
    const requests = graph.requests.length;
    const r = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'zu groß', '--attach', big, '--json'],
      {
        home,
        env: browserEnv().env,
      },
    );
    expect(r.code).toBe(7);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('tooLargeLocal');
    expect(graph.requests.length).toBe(requests);
    expect((await runCli(['profile', 'edit', 'Graph', '--max-size-kb', '0'], { home })).code).toBe(0);
  });

  it('an old (already rotated) refresh token is refused: "OAuth 2.0" reports an expired sign-in, exit 3', async () => {
    expect((await runCli(['profile', 'edit', 'Graph', '--oauth', 'silent'], { home })).code).toBe(0);
    const id = (await new ProfileStore(home).get('Graph')).id;
    const file = path.join(home, 'tokens', `${id}.bin`);
    const old = readFileSync(file);
    const ok = await runCli(
      ['send', '--to', 'kunde@example.org', '--subject', 'vor dem Zurückspielen', '--json'],
      {
        home,
      },
    );
    expect(ok.code, ok.stderr).toBe(0);
    // a product that failed to persist the rotated token would be left with this one
    writeFileSync(file, old);
    const { env, urlFile } = browserEnv();
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'altes Token', '--json'], {
      home,
      env,
    });
    expect(r.code).toBe(3);
    const err = r.json<{ error: { code: string; message: string } }>().error;
    expect(err.code).toBe('oauthRefreshExpired');
    expect(err.message).toContain('opos-mail login');
    expect(existsSync(urlFile)).toBe(false);
  });
});

describe('browser sign-in that does not complete', { timeout: SLOW }, () => {
  const home = tempHome();

  beforeAll(async () => {
    await addProfile(home, 'Abbruch', [
      ...smtpFlags('erin@firma.example'),
      '--oauth',
      'dialog',
      '--provider',
      'microsoft',
      '--client-id',
      MS_CLIENT_ID,
      '--use',
    ]);
  });

  it('the user cancels at the provider: exit 3, oauthCancelled', async () => {
    const { env, urlFile } = browserEnv();
    const cli = runCli(['login', '--json'], { home, env });
    const url = await waitForUrl(urlFile, cli);
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.route('**/*', (route) =>
      /^(127\.0\.0\.1|localhost)$/.test(new URL(route.request().url()).hostname)
        ? route.continue()
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.click('text=[ Cancel ]');
    await page.waitForSelector('#result');
    expect(await page.getAttribute('#result', 'data-ok')).toBe('false');
    await context.close();
    const r = await cli;
    expect(r.code).toBe(3);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('oauthCancelled');
  });

  it("the app cancels a waiting sign-in (the dialog's cancel button): oauthCancelled", async () => {
    const profile = await new ProfileStore(home).get('Abbruch');
    const opened: string[] = [];
    const oauth: OAuthService = new OAuthService({
      dataFolder: home,
      secrets: new KeyringSecretStore(home),
      openBrowser: (url) => {
        opened.push(url);
        oauth.cancelSignIn(profile);
        return Promise.resolve();
      },
    });
    await expect(oauth.signIn(profile)).rejects.toMatchObject({ code: 'oauthCancelled', exitCode: 3 });
    expect(opened).toHaveLength(1);
    expect(await oauth.status(profile)).toEqual({ signedIn: false });
  });

  it('nobody signs in: the wait ends with exit 3, oauthTimeout', async () => {
    const { env, urlFile } = browserEnv();
    const r = await runCli(['login', '--json'], { home, env: { ...env, OPOS_MAIL_OAUTH_TIMEOUT_S: '1' } });
    expect(existsSync(urlFile)).toBe(true);
    expect(r.code).toBe(3);
    expect(r.json<{ error: { code: string; params: { seconds: number } } }>().error).toMatchObject({
      code: 'oauthTimeout',
      params: { seconds: 1 },
    });
  });
});

describe('sign-in host unreachable or not trusted', { timeout: SLOW }, () => {
  it.each([
    ['unreachable', 'connectFailed'],
    ['untrusted', 'certUntrusted'],
  ])('%s: exit 4 (%s) before any browser opens', async (kind, code) => {
    const home = tempHome();
    let authority = op.issuer;
    if (kind === 'unreachable') {
      const probe = net.createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      authority = `https://127.0.0.1:${(probe.address() as net.AddressInfo).port}`;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    }
    const flags = smtpFlags('frank@firma.example').map((f) => (f === op.issuer ? authority : f));
    const caAt = flags.indexOf('--ca-file');
    if (kind === 'untrusted') flags.splice(caAt, 2);
    await addProfile(home, 'Netz', [...flags, '--oauth', 'dialog', '--client-id', MS_CLIENT_ID, '--use']);
    const { env, urlFile } = browserEnv();
    const r = await runCli(['login', '--json'], { home, env });
    expect(r.code, r.stdout).toBe(4);
    expect(r.json<{ error: { code: string } }>().error.code).toBe(code);
    expect(existsSync(urlFile)).toBe(false);
  });
});

describe('without a sign-in', { timeout: SLOW }, () => {
  it('"OAuth 2.0" (silent) without a cached sign-in fails with exit 3 and opens nothing', async () => {
    const home = tempHome();
    await addProfile(home, 'Still', [
      ...smtpFlags('carol@firma.example'),
      '--oauth',
      'silent',
      '--provider',
      'microsoft',
      '--client-id',
      MS_CLIENT_ID,
      '--use',
    ]);
    const authRequests = op.authorizationRequests.length;
    const { env, urlFile } = browserEnv();
    const r = await runCli(['send', '--to', 'kunde@example.org', '--subject', 'still', '--json'], {
      home,
      env,
    });
    expect(r.code).toBe(3);
    const err = r.json<{ error: { code: string; message: string } }>().error;
    expect(err.code).toBe('signInRequired');
    expect(err.message).toContain('opos-mail login');
    expect(existsSync(urlFile)).toBe(false);
    expect(op.authorizationRequests.length).toBe(authRequests);
  });

  it('without any application ID the error says what to register', async () => {
    const home = tempHome();
    await addProfile(home, 'Ohne ID', [
      ...smtpFlags('dave@firma.example'),
      '--oauth',
      'dialog',
      '--provider',
      'microsoft',
      '--use',
    ]);
    const { env, urlFile } = browserEnv();
    const r = await runCli(['login', '--json'], { home, env: { ...env, LANG: 'en_GB.UTF-8' } });
    expect(r.code).toBe(3);
    const err = r.json<{ error: { code: string; message: string } }>().error;
    expect(err.code).toBe('oauthNotConfigured');
    expect(existsSync(urlFile)).toBe(false);
  });
});
