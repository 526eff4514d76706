// The profile form's advanced OAuth fields (collapsed "Erweitert": cloud, sign-in base URL, Graph base
// URL) and sending limits (presets, per minute, per day, attempts), saved through the real core; and the
// dialog's own wording for a core error whose CLI text names a command (passwordMissing).
import { expectNoSeriousA11yViolations } from './a11y.js';
import { SMTP_USER, expect, screenshot, test } from './fixtures.js';

test('advanced OAuth fields and sending limits are edited, validated and saved', async ({ app, host }) => {
  await host.service.addProfile({
    name: 'Microsoft 365',
    connection: 'smtp',
    host: 'smtp.office365.com',
    port: 587,
    security: 'StartTls',
    auth: 'oauth',
    user: 'buchhaltung@muster.example',
    fromAddress: 'buchhaltung@muster.example',
  });
  await host.service.profiles.use('Microsoft 365');
  await app.reload();
  await expect(app.getByLabel('Profilname')).toHaveValue('Microsoft 365');

  // collapsed until asked for
  await expect(app.getByLabel('Microsoft-Cloud')).toBeHidden();
  await app.getByText('Erweitert', { exact: true }).click();
  await app.getByLabel('Microsoft-Cloud').selectOption('usgov');
  await app.getByLabel('Anmelde-Basis-URL').fill('http://login.example.test');
  await expect(app.getByText('„Anmelde-Basis-URL“ ist kein gültiger Servername')).toBeVisible();
  await app.getByLabel('Anmelde-Basis-URL').fill('https://login.example.test/');
  const graphUrl = app.getByLabel('Graph-Basis-URL');
  await expect(graphUrl).toHaveAttribute('aria-disabled', 'true');
  await graphUrl.focus();
  await expect(app.getByText('Nur bei der Verbindungsart Microsoft Graph API.')).toBeVisible();

  // sending limits: a preset fills the numbers, own numbers make it "Eigene Werte"
  const preset = app.getByLabel('Vorlage', { exact: true });
  await expect(preset).toHaveValue('none');
  await preset.selectOption('microsoft365');
  await expect(app.getByLabel('Nachrichten je Minute')).toHaveValue('30');
  await expect(app.getByLabel('Nachrichten je Tag')).toHaveValue('10000');
  await app.getByLabel('Versuche bei vorübergehenden Fehlern').fill('viele');
  await expect(app.getByText('Bitte eine ganze Zahl von 1 bis 50 eingeben.')).toBeVisible();
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Bitte korrigieren Sie die markierten Felder.')).toBeVisible();
  await app.getByLabel('Versuche bei vorübergehenden Fehlern').fill('3');
  await screenshot(app, '25-profil-erweitert-versandlimits');
  await expectNoSeriousA11yViolations(app);
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect
    .poll(async () => (await host.service.profiles.get('Microsoft 365')).throttle)
    .toEqual({ perMinute: 30, perDay: 10_000, maxAttempts: 3 });
  const saved = await host.service.profiles.get('Microsoft 365');
  expect(saved.oauth).toMatchObject({
    cloud: 'usgov',
    authorityUrl: 'https://login.example.test/',
    graphUrl: '',
  });

  // after a reload the advanced section is open (values are set) and the preset is recognised
  await app.reload();
  await expect(app.getByLabel('Microsoft-Cloud')).toHaveValue('usgov');
  await expect(preset).toHaveValue('microsoft365');
  await app.getByLabel('Nachrichten je Minute').fill('25');
  await expect(preset).toHaveValue('custom');
});

test('a core error that names a CLI command is shown with what to do in the dialog', async ({
  app,
  host,
  smtp,
}) => {
  await host.service.addProfile({
    name: 'Ohne Passwort',
    connection: 'smtp',
    host: '127.0.0.1',
    port: smtp.port,
    security: 'StartTls',
    caFile: smtp.caFile,
    auth: 'password',
    user: SMTP_USER,
    fromAddress: SMTP_USER,
  });
  await host.service.profiles.use('Ohne Passwort');
  await app.reload();
  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByLabel('An', { exact: true }).fill('kunde@empfaenger.example');
  await app.getByLabel('Betreff').fill('Mahnung');
  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  const alert = app.locator('[data-error-code="passwordMissing"]');
  await expect(alert).toContainText(
    'Für das Profil „Ohne Passwort“ ist kein Passwort gespeichert. Bitte geben Sie es unter „Verbindung“ → „Anmeldung“ ein und speichern Sie.',
  );
  await expect(alert).not.toContainText('opos-mail');
  await expect(alert).not.toContainText('--password-stdin');
  expect(smtp.messages).toHaveLength(0);
});
