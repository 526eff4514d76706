// "OAuth mit Dialog" from the dialog, with the real sign-in (src/main/oauth: MSAL, PKCE, loopback
// redirect) against the real test OpenID provider (oidc-provider over HTTPS, playing Microsoft Entra
// ID). The "system browser" is a second Chromium context the test drives; the URL reaches it only
// through the shell's AuthorizationUrlGuard, as shell.openExternal would. Also the OAuth area of a
// build without a built-in application, and signing in before the first save (issue 13).
import path from 'node:path';
import type { Browser } from '@playwright/test';
import PostalMime from 'postal-mime';
import {
  MS_CLIENT_ID,
  RESOURCES,
  startOidcProvider,
  type TestOidcProvider,
} from '../helpers/oidc-provider.js';
import { smtpError, startSmtpServer } from '../helpers/smtp-server.js';
import { tokenVerifier } from '../helpers/token-verifier.js';
import type { Page } from '@playwright/test';
import { expectNoModerateA11yViolations } from './a11y.js';
import { SCREENSHOTS, expect, screenshot, test, testCa } from './fixtures.js';

test.use({ withOAuth: true });

/** The window at the three sizes of issue 13 (`13-<state>-after-<w>x<h>.png`). */
async function atSizes(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover tooltip left over from the last click
  for (const size of [
    { width: 1024, height: 640 },
    { width: 1280, height: 860 },
    { width: 1600, height: 1000 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: path.join(SCREENSHOTS, `13-${name}-after-${size.width}x${size.height}.png`),
    });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

let op: TestOidcProvider;
test.beforeAll(async () => {
  op = await startOidcProvider(testCa().issue('op', ['127.0.0.1', 'localhost']));
});
test.afterAll(async () => {
  await op?.close();
});

/** The user signs in in "the system browser": the provider's login form, consent, the loopback page. */
async function signInInSystemBrowser(browser: Browser, url: string, login: string): Promise<void> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route(/.*/, (route) => {
    const h = new URL(route.request().url()).hostname;
    return h === '127.0.0.1' || h === 'localhost' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any password');
  await page.click('button[type=submit]');
  await page.click('button[autofocus]');
  await expect(page.locator('#result')).toHaveAttribute('data-ok', 'true');
  await context.close();
}

function m365Profile(port: number) {
  return {
    name: 'Microsoft 365',
    connection: 'smtp' as const,
    host: '127.0.0.1',
    port,
    security: 'StartTls' as const,
    auth: 'oauth' as const,
    user: 'alice@firma.example',
    fromAddress: 'alice@firma.example',
    caFile: testCa().caFile,
    oauth: {
      mode: 'dialog' as const,
      provider: 'microsoft' as const,
      clientId: MS_CLIENT_ID,
      tenantId: '',
      cloud: 'global' as const,
      authorityUrl: op.issuer,
      graphUrl: '',
    },
  };
}

test('sign in and out from the OAuth 2.0 area through the real test provider', async ({
  app,
  host,
  browser,
  browserUrls,
}) => {
  await host.service.addProfile(m365Profile(587));
  await app.reload();
  await app.getByRole('button', { name: /Microsoft 365/ }).click();
  const status = app.locator('#f-signin-status');
  await expect(status).toHaveText('Nicht angemeldet.');

  await app.getByRole('button', { name: 'Im Browser anmelden …' }).click();
  await expect(status).toHaveText('Bitte melden Sie sich im Browser an …');
  await expect.poll(() => browserUrls.length).toBe(1);
  const url = new URL(browserUrls[0]!);
  expect(url.origin).toBe(new URL(op.issuer).origin);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  // the guard would refuse any other address, even from the same provider settings
  expect(host.guard.permits('https://evil.example/authorize')).toBe(false);
  expect(host.guard.permits(url.href.replace('https:', 'http:'))).toBe(false);

  await signInInSystemBrowser(browser, url.href, 'alice');

  await expect(status).toContainText('Angemeldet als alice@firma.example');
  await expect(app.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await screenshot(app, '15-oauth-angemeldet');
  expect(await host.service.oauth!.status(await host.service.profiles.get('Microsoft 365'))).toMatchObject({
    signedIn: true,
    account: 'alice@firma.example',
  });

  await app.getByRole('button', { name: 'Abmelden' }).click();
  await expect(status).toHaveText('Nicht angemeldet.');
  expect(browserUrls).toHaveLength(1);

  // a sign-in the user abandons in the browser can be cancelled from the dialog
  await app.getByRole('button', { name: 'Im Browser anmelden …' }).click();
  await expect.poll(() => browserUrls.length).toBe(2);
  await app.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
  await expect(app.getByRole('alert')).toContainText('Die Anmeldung wurde abgebrochen');
  await expect(status).toHaveText('Nicht angemeldet.');
  await expect(app.getByRole('button', { name: 'Anmeldung abbrechen' })).toHaveCount(0);
});

test('"OAuth mit Dialog": a send that needs a sign-in waits for the browser, then goes out over XOAUTH2', async ({
  app,
  host,
  browser,
  browserUrls,
}) => {
  const verifier = await tokenVerifier(op.issuer, op.jwksUri, testCa().caPem);
  const smtp = await startSmtpServer({
    mode: 'starttls',
    tls: testCa().issue('smtp-oauth', ['127.0.0.1', 'localhost']),
    users: {},
    authMethods: ['XOAUTH2'],
    // like Exchange Online: the token must be the provider's, for the SMTP resource, for this user
    verifyXoauth2: async (user, token) => {
      try {
        const claims = await verifier.verify(token, RESOURCES.smtp.audience, [...RESOURCES.smtp.scopes]);
        return `${String(claims.sub)}@firma.example` === user
          ? undefined
          : smtpError(535, '5.7.3 wrong user');
      } catch {
        return smtpError(535, '5.7.3 Authentication unsuccessful');
      }
    },
  });
  try {
    await host.service.addProfile(m365Profile(smtp.port));
    await host.service.profiles.use('Microsoft 365');
    await app.reload();
    await app.getByRole('tab', { name: 'Senden' }).click();
    await app.getByLabel('An', { exact: true }).fill('kunde@empfaenger.example');
    await app.getByLabel('Betreff').fill('Mahnung 2026-0815');
    host.nextFiles = [path.resolve('assets/sample-mahnung.pdf')];
    await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
    // the chosen file is listed before Senden (a click earlier would send without it)
    await expect(app.getByText('sample-mahnung.pdf')).toBeVisible();
    await app.getByRole('button', { name: 'Senden', exact: true }).click();
    await expect(app.getByRole('status')).toContainText(
      'Falls eine Anmeldung nötig ist, öffnet sich Ihr Browser.',
    );
    await expect.poll(() => browserUrls.length).toBe(1);
    expect(smtp.messages).toHaveLength(0);

    await signInInSystemBrowser(browser, browserUrls[0]!, 'alice');
    await expect(app.getByTestId('send-result')).toContainText('Die Nachricht wurde gesendet.');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ secure: true, user: 'alice@firma.example' });
    expect(smtp.sessions.some((s) => s.authMethod === 'XOAUTH2')).toBe(true);
    const mail = await PostalMime.parse(smtp.messages[0]!.raw);
    expect(mail.subject).toBe('Mahnung 2026-0815');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['sample-mahnung.pdf']);
  } finally {
    await smtp.close();
  }
});

test('without a built-in application the field says so, links the guide, and sign-in waits for an ID', async ({
  app,
  host,
}) => {
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /^Microsoft 365/ })
    .click();
  const clientId = app.getByLabel('Anwendungs-ID (Client-ID)');
  // this build has no application of its own (resources/oauth-clients.json is empty)
  await expect(clientId).toHaveAttribute('placeholder', '');
  await expect(app.getByText('Standard-Anwendung')).toHaveCount(0);
  await expect(app.getByTestId('no-built-in-app')).toContainText(
    'Diese Version enthält keine eingebaute Anwendung für Microsoft (Office 365).',
  );
  const signIn = app.getByRole('button', { name: 'Im Browser anmelden …' });
  await expect(signIn).toHaveAccessibleDescription(
    'Bitte tragen Sie zuerst die Anwendungs-ID (Client-ID) ein.',
  );
  await app.getByRole('button', { name: 'Anleitung zur App-Registrierung öffnen' }).click();
  await expect.poll(() => host.opened.at(-1) ?? '').toMatch(/docs[\\/]oauth\.md$/);
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'profil-oauth');

  await clientId.fill(MS_CLIENT_ID);
  await expect(signIn).not.toHaveAttribute('aria-disabled');
});

test('signing in saves a new profile first; its error is shown beside the button; no token expiry', async ({
  app,
  host,
  browser,
  browserUrls,
}) => {
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /^Microsoft 365/ })
    .click();
  await app.getByLabel('Profilname').fill('Microsoft 365 Buchhaltung');
  await app.getByLabel('Benutzername (Profil)').fill('alice@firma.example');
  await app.getByLabel('Absenderadresse').fill('alice@firma.example');
  await app.getByLabel('Anwendungs-ID (Client-ID)').fill(MS_CLIENT_ID);
  await app.getByText('Erweitert', { exact: true }).click();
  await app.getByLabel('Anmelde-Basis-URL').fill(op.issuer);
  host.nextCaFile = testCa().caFile; // the test provider's certificate authority
  await app.getByRole('button', { name: 'Auswählen …' }).click();
  await expect(app.getByLabel('Zusätzliches CA-Zertifikat')).not.toHaveValue('');

  // the first sign-in is abandoned: the profile was saved, the error stands beside the button
  const signIn = app.getByRole('button', { name: 'Im Browser anmelden …' });
  await signIn.click();
  await expect.poll(() => browserUrls.length).toBe(1);
  expect((await host.service.profiles.get('Microsoft 365 Buchhaltung')).oauth.clientId).toBe(MS_CLIENT_ID);
  await app.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
  // the form is shown anew for the saved profile, with the error still beside the button
  await expect(app.getByText('neu, nicht gespeichert')).toHaveCount(0);
  const signInRow = app.locator('.field', { has: app.locator('#f-signin') });
  const error = signInRow.getByRole('alert');
  await expect(error).toContainText('Die Anmeldung wurde abgebrochen');
  await expect(app.getByRole('alert')).toHaveCount(1);
  const gap = async () => {
    const button = await signIn.boundingBox();
    const box = await error.boundingBox();
    return button && box ? box.y - (button.y + button.height) : Number.POSITIVE_INFINITY;
  };
  await expect.poll(gap).toBeLessThan(120);
  await expect(app.locator('#f-signin-status')).toHaveText('Nicht angemeldet.');
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'profil-oauth-fehler');

  // signed in: "Angemeldet als …", without the access token's hourly expiry
  await signIn.click();
  await expect.poll(() => browserUrls.length).toBe(2);
  await signInInSystemBrowser(browser, browserUrls[1]!, 'alice');
  const status = app.locator('#f-signin-status');
  await expect(status).toHaveText('Angemeldet als alice@firma.example.');
  await expect(status).not.toContainText('gültig bis');
  await expect(app.getByRole('alert')).toHaveCount(0);
});
