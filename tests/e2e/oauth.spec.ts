// "OAuth mit Dialog" from the dialog, with the real sign-in (src/main/oauth: MSAL, PKCE, loopback
// redirect) against the real test OpenID provider (oidc-provider over HTTPS, playing Microsoft Entra
// ID). The "system browser" is a second Chromium context the test drives; the URL reaches it only
// through the shell's AuthorizationUrlGuard, as shell.openExternal would.
import { MS_CLIENT_ID, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { expect, screenshot, test, testCa } from './fixtures.js';

test.use({ withOAuth: true });

let op: TestOidcProvider;
test.beforeAll(async () => {
  op = await startOidcProvider(testCa().issue('op', ['127.0.0.1', 'localhost']));
});
test.afterAll(async () => {
  await op?.close();
});

test('sign in and out from the OAuth 2.0 area through the real test provider', async ({
  app,
  host,
  browser,
  browserUrls,
}) => {
  await host.service.addProfile({
    name: 'Microsoft 365',
    connection: 'smtp',
    host: '127.0.0.1',
    port: 587,
    security: 'StartTls',
    auth: 'oauth',
    user: 'alice@firma.example',
    fromAddress: 'alice@firma.example',
    caFile: testCa().caFile,
    oauth: {
      mode: 'dialog',
      provider: 'microsoft',
      clientId: MS_CLIENT_ID,
      tenantId: '',
      cloud: 'global',
      authorityUrl: op.issuer,
      graphUrl: '',
    },
  });
  await app.reload();
  await app.getByRole('button', { name: /Microsoft 365/ }).click();
  const status = app.locator('#f-signin-status');
  await expect(status).toHaveText('Nicht angemeldet.');

  await app.getByRole('button', { name: 'Anmelden …' }).click();
  await expect(status).toHaveText('Bitte melden Sie sich im Browser an …');
  await expect.poll(() => browserUrls.length).toBe(1);
  const url = new URL(browserUrls[0]!);
  expect(url.origin).toBe(new URL(op.issuer).origin);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  // the guard would refuse any other address, even from the same provider settings
  expect(host.guard.permits('https://evil.example/authorize')).toBe(false);
  expect(host.guard.permits(url.href.replace('https:', 'http:'))).toBe(false);

  // the user signs in in the system browser: login form, consent, the loopback page
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route(/.*/, (route) => {
    const h = new URL(route.request().url()).hostname;
    return h === '127.0.0.1' || h === 'localhost' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(url.href);
  await page.fill('input[name=login]', 'alice');
  await page.fill('input[name=password]', 'any password');
  await page.click('button[type=submit]');
  await page.click('button[autofocus]');
  await expect(page.locator('#result')).toHaveAttribute('data-ok', 'true');
  await context.close();

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
  await app.getByRole('button', { name: 'Anmelden …' }).click();
  await expect.poll(() => browserUrls.length).toBe(2);
  await app.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
  await expect(app.getByRole('alert')).toContainText('Die Anmeldung wurde abgebrochen');
  await expect(status).toHaveText('Nicht angemeldet.');
  await expect(app.getByRole('button', { name: 'Anmeldung abbrechen' })).toHaveCount(0);
});
