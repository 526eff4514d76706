// The dialog's behaviour beyond profiles and sending: language switch, fields that do not apply
// (visible, disabled, the reason on hover and focus), the unsaved-changes guard, the OAuth area when
// this build has no sign-in, keyboard use, and an axe accessibility check of every main state.
import { expectNoModerateA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';
import { TEMPLATE_IDS, kindAvailableOn, templateValues } from '../../src/shared/connection-kinds.js';

test('the language switch turns the whole dialog to English and Dutch, and back', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('lang', 'de');
  await app.getByLabel('Sprache').selectOption('en');
  await expect(app.getByRole('heading', { name: 'OPOS Mail – sending e-mail' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.getByLabel('Sender address')).toHaveValue('buchhaltung@example.com');
  await expect(app.getByRole('tab', { name: 'Send' })).toBeVisible();
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByTestId('connection-report')).toContainText('The connection works.');

  await app.getByLabel('Language').selectOption('nl');
  await expect(app.getByRole('tab', { name: 'Versturen' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Verbinding testen' })).toBeVisible();
  // the choice is kept for the next start
  await app.reload();
  await expect(app.getByRole('tab', { name: 'Versturen' })).toBeVisible();
  await app.getByLabel('Taal').selectOption('de');
  await expect(app.getByRole('tab', { name: 'Senden' })).toBeVisible();
});

test('fields that do not apply stay visible, disabled, with the reason on hover and focus', async ({
  app,
}) => {
  // Testpostfach: no server, no login
  const host = app.getByLabel('Server', { exact: true });
  await expect(host).toBeVisible();
  await expect(host).toHaveAttribute('aria-disabled', 'true');
  await host.focus();
  const reason = app.locator('#f-host-reason');
  await expect(reason).toBeVisible();
  await expect(reason).toHaveText('Das Testpostfach versendet nichts; dieses Feld wird nicht gebraucht.');
  await expect(host).toHaveAccessibleDescription(/Das Testpostfach versendet nichts/);
  await screenshot(app, '11-deaktiviertes-feld-grund');
  await host.pressSequentially('smtp.example.com');
  await expect(host).toHaveValue('');

  // Microsoft Graph API: no server, port or security; OAuth applies
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /Microsoft Graph API/ })
    .click();
  await expect(app.getByLabel('Verbindungsart')).toHaveValue('graph');
  await app.getByLabel('Port').hover();
  await expect(app.locator('#f-port-reason')).toBeVisible();
  await expect(app.locator('#f-port-reason')).toContainText('Die Microsoft Graph API sendet per HTTPS');
  await expect(app.getByLabel('Anwendungs-ID (Client-ID)')).not.toHaveAttribute('aria-disabled');
  await expect(app.getByLabel('Authentifizierung', { exact: true })).toHaveAccessibleDescription(
    'Die Microsoft Graph API meldet sich immer bei Microsoft an.',
  );
  await app.getByLabel('Authentifizierung', { exact: true }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByLabel('Authentifizierung', { exact: true })).toHaveValue('microsoft');
  await expect(app.getByLabel('OAuth mit Dialog (empfohlen)')).toBeChecked();
  await expect(app.getByLabel('Anmelden (Benutzername und Passwort)')).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await app.getByLabel('Anmelden (Benutzername und Passwort)').click({ force: true });
  await expect(app.getByLabel('OAuth mit Dialog (empfohlen)')).toBeChecked();
  // without an OAuth implementation in this build, the sign-in button says why it does nothing
  await expect(app.getByRole('button', { name: 'Im Browser anmelden …' })).toHaveAccessibleDescription(
    'Die Anmeldung mit OAuth 2.0 ist in dieser Version noch nicht verfügbar.',
  );
  await screenshot(app, '12-graph-api-oauth');

  // SMTP with Google: the directory (tenant) ID is Microsoft's only
  await app.getByLabel('Verbindungsart').selectOption('smtp');
  await app.getByLabel('Authentifizierung', { exact: true }).selectOption('google');
  await expect(app.getByLabel('Verzeichnis-ID (Tenant-ID)')).toHaveAttribute('aria-disabled', 'true');
  await expect(app.getByLabel('Verzeichnis-ID (Tenant-ID)')).toHaveAccessibleDescription(
    'Nur beim Anbieter Microsoft.',
  );

  // SMTP without login: user and password do not apply; plain-text modes warn
  await app.getByLabel('Keine Anmeldung').check();
  await expect(app.getByLabel('Passwort', { exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expect(app.getByTestId('plain-warning')).toHaveCount(0);
  await app.getByLabel('Sicherheit').selectOption('StartTlsWhenAvailable');
  await expect(app.getByTestId('plain-warning')).toContainText('kann die Verbindung unverschlüsselt sein');
  await expect(
    app.getByText('STARTTLS, falls der Server es anbietet – sonst ohne Verschlüsselung.'),
  ).toBeVisible();
  await app.getByLabel('Sicherheit').selectOption('SslOnConnect');
  await expect(app.getByTestId('plain-warning')).toHaveCount(0);
  await expect(app.getByLabel('Port')).toHaveAttribute('placeholder', 'Standard: 465');
});

test('the unsaved-changes guard asks before changes are lost', async ({ app, host }) => {
  await app.getByLabel('Absendername').fill('Buchhaltung Muster GmbH');
  await app.getByRole('tab', { name: 'Senden' }).click();
  const guard = app.getByTestId('unsaved-guard');
  await expect(guard).toContainText(
    'Das Profil „Testpostfach“ hat Änderungen, die noch nicht gespeichert sind.',
  );
  await screenshot(app, '13-ungespeicherte-aenderungen');

  await guard.getByRole('button', { name: 'Zurück' }).click();
  await expect(guard).toHaveCount(0);
  await expect(app.getByLabel('Absendername')).toHaveValue('Buchhaltung Muster GmbH');

  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByTestId('unsaved-guard').getByRole('button', { name: 'Verwerfen' }).click();
  await expect(app.getByRole('tab', { name: 'Senden' })).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Verbindung' }).click();
  await expect(app.getByLabel('Absendername')).toHaveValue('Buchhaltung (Test)');
  expect((await host.service.profiles.get('Testpostfach')).fromName).toBe('Buchhaltung (Test)');

  // "Speichern" in the guard saves, then carries on
  await app.getByLabel('Absendername').fill('Buchhaltung Muster GmbH');
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app.getByTestId('unsaved-guard').getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByTestId('template-picker')).toBeVisible();
  expect((await host.service.profiles.get('Testpostfach')).fromName).toBe('Buchhaltung Muster GmbH');

  await app.keyboard.press('Escape');
  await expect(app.getByTestId('template-picker')).toHaveCount(0);

  // closing the window with unsaved changes asks first (Electron turns this into its own question)
  await app.getByLabel('Absendername').click(); // a real user gesture: browsers ask only then
  await app.getByLabel('Absendername').fill('Noch nicht gespeichert');
  await expect(app.getByRole('button', { name: 'Speichern' })).toBeEnabled(); // dirty is rendered
  const asked = app.waitForEvent('dialog');
  await app.close({ runBeforeUnload: true });
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
  expect(app.isClosed()).toBe(false);
  await app.getByLabel('Absendername').fill('Buchhaltung Muster GmbH');
  await expect(app.getByRole('button', { name: 'Speichern' })).toBeDisabled();

  // Abbrechen in the form reverts
  await app.getByLabel('Absendername').fill('Etwas anderes');
  await app.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(app.getByLabel('Absendername')).toHaveValue('Buchhaltung Muster GmbH');
});

test('keyboard only: create a Testpostfach profile and save it', async ({ app, host }) => {
  await app.getByRole('button', { name: 'Neu …' }).focus();
  await app.keyboard.press('Enter');
  const picker = app.getByTestId('template-picker');
  await expect(picker).toBeVisible();
  // the modal focuses its first entry, the assistant "Neues Profil aus E-Mail-Adresse"; then the
  // templates in the registry's order: Tab walks down to the Testpostfach (off Windows the
  // Windows-only templates are disabled and skipped)
  await expect(picker.getByRole('button', { name: /Neues Profil aus E-Mail-Adresse/ })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: /Microsoft 365/ })).toBeFocused();
  const reachable = TEMPLATE_IDS.filter((id) => kindAvailableOn(templateValues(id).connection!, 'linux'));
  for (let i = 0; i < reachable.indexOf('testMailbox'); i++) await app.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: /^Testpostfach/ })).toBeFocused();
  await app.keyboard.press('Enter');
  const name = app.getByLabel('Profilname');
  await name.focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.type('Testpostfach Mahnlauf');
  await app.keyboard.press('Enter'); // submits the form = Speichern
  await expect(app.getByRole('button', { name: /Testpostfach Mahnlauf/ })).not.toContainText(
    'nicht gespeichert',
  );
  await expect(app.getByRole('button', { name: /Testpostfach Mahnlauf/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  expect((await host.service.profiles.list()).profiles.map((p) => p.name)).toContain('Testpostfach Mahnlauf');
});

test('axe finds no serious or moderate accessibility problems in the main states', async ({ app }) => {
  test.slow(); // five full axe analyses: on a shared 2-core machine they alone can take a minute
  await screenshot(app, '01-verbindung-testpostfach');
  await expectNoModerateA11yViolations(app);
  await app.getByRole('button', { name: 'Neu …' }).click();
  await expectNoModerateA11yViolations(app);
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /SMTP-Server/ })
    .click();
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Bitte korrigieren Sie die markierten Felder.')).toBeVisible();
  await expectNoModerateA11yViolations(app);
  await app.getByRole('button', { name: 'Abbrechen' }).click();
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(app.getByTestId('connection-report')).toBeVisible();
  await expectNoModerateA11yViolations(app);
  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  await expect(app.getByText('Bitte geben Sie mindestens einen Empfänger an.')).toBeVisible();
  await screenshot(app, '14-senden-leer');
  await expectNoModerateA11yViolations(app);
});
