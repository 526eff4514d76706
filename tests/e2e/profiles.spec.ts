// Profiles in the dialog, against the real core: create from a template, test the connection against a
// real STARTTLS server (success, then a wrong password), save (password into the real keychain only),
// switch the active profile, duplicate and delete with confirmation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SMTP_PASSWORD, SMTP_USER, expect, screenshot, test } from './fixtures.js';

test('create an SMTP profile from a template, test it, save it and make it active', async ({
  app,
  host,
  smtp,
}) => {
  await app.getByRole('button', { name: 'Neu …' }).click();
  const picker = app.getByTestId('template-picker');
  await expect(picker).toBeVisible();
  await screenshot(app, '02-vorlage-waehlen');
  await picker.getByRole('button', { name: /SMTP-Server/ }).click();

  await app.getByLabel('Profilname').fill('Hausbank SMTP');
  await app.getByLabel('Server', { exact: false }).first().fill('127.0.0.1');
  await app.getByLabel('Port').fill(String(smtp.port));
  await expect(app.getByLabel('Sicherheit')).toHaveValue('StartTls');
  host.nextCaFile = smtp.caFile;
  await app.getByRole('button', { name: 'Auswählen …' }).click();
  await expect(app.getByLabel('Zusätzliches CA-Zertifikat')).toHaveValue(smtp.caFile);
  await app.getByLabel('Absenderadresse').fill(SMTP_USER);
  await app.getByLabel('Absendername').fill('Muster GmbH Buchhaltung');
  await app.getByLabel('Benutzername (Profil)').fill(SMTP_USER);
  await app.getByLabel('Passwort', { exact: true }).fill(SMTP_PASSWORD);

  // test before saving: the typed password is used, nothing is stored yet
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  const report = app.getByTestId('connection-report');
  await expect(report).toContainText('Die Verbindung funktioniert.');
  await expect(report).toContainText('per STARTTLS');
  await expect(report).toContainText(`angemeldet als ${SMTP_USER}`);
  await expect(report).toContainText('10.240 KB');
  expect(smtp.sessions.at(-1)).toMatchObject({ secure: true, user: SMTP_USER });
  await screenshot(app, '03-verbindungstest-erfolg');

  await app.getByLabel('Passwort', { exact: true }).fill('falsch');
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('Die Anmeldung am Server wurde abgelehnt');
  await expect(alert).toContainText('Benutzername und Passwort');
  await expect(report).toHaveCount(0);
  await screenshot(app, '04-verbindungstest-fehler');

  await app.getByLabel('Passwort', { exact: true }).fill(SMTP_PASSWORD);
  await app.getByRole('button', { name: 'Speichern' }).click();
  const item = app.getByRole('button', { name: /Hausbank SMTP/ });
  await expect(item).toHaveAttribute('aria-current', 'true');
  await expect(app.getByTestId('password-state')).toHaveText(
    'Ein Passwort ist gespeichert. Zum Ändern ein neues eingeben.',
  );
  // the password field never gets the stored password back
  await expect(app.getByLabel('Passwort', { exact: true })).toHaveValue('');
  const saved = await host.service.profiles.get('Hausbank SMTP');
  expect(saved).toMatchObject({ host: '127.0.0.1', port: smtp.port, security: 'StartTls', auth: 'password' });
  expect(await host.service.secrets.get(saved.id, 'password')).toBe(SMTP_PASSWORD);
  expect(readFileSync(path.join(host.service.dataFolder, 'profiles.json'), 'utf8')).not.toContain(
    SMTP_PASSWORD,
  );
  expect(host.calls).not.toContain('addDroppedPaths');

  // switch: the active profile is the one the CLI uses too
  await app.getByRole('button', { name: 'Als aktiv verwenden' }).click();
  await expect(item).toContainText('aktiv');
  await expect(app.getByRole('button', { name: /Testpostfach/ })).not.toContainText('aktiv');
  expect((await host.service.profiles.active()).name).toBe('Hausbank SMTP');
  await screenshot(app, '05-profil-gespeichert-aktiv');

  await app.getByRole('button', { name: /Testpostfach/ }).click();
  await expect(app.getByLabel('Profilname')).toHaveValue('Testpostfach');
  await expect(app.getByLabel('Verbindungsart')).toHaveValue('test-mailbox');

  // the saved profile's test uses the password from the keychain
  await item.click();
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(app.getByTestId('connection-report')).toContainText(`angemeldet als ${SMTP_USER}`);
});

test('duplicate a profile, then delete the copy after confirming', async ({ app, host }) => {
  await app.getByRole('button', { name: 'Duplizieren' }).click();
  const copy = app.getByRole('button', { name: /Testpostfach \(Kopie\)/ });
  await expect(copy).toHaveAttribute('aria-current', 'true');
  expect((await host.service.profiles.list()).profiles.map((p) => p.name)).toEqual([
    'Testpostfach',
    'Testpostfach (Kopie)',
  ]);

  await app.getByRole('button', { name: 'Löschen' }).click();
  const confirm = app.getByTestId('confirm-delete');
  await expect(confirm).toContainText('„Testpostfach (Kopie)“');
  await screenshot(app, '09-loeschen-bestaetigen');
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(copy).toBeVisible();

  await app.getByRole('button', { name: 'Löschen' }).click();
  await app.getByTestId('confirm-delete').getByRole('button', { name: 'Löschen' }).click();
  await expect(copy).toHaveCount(0);
  expect((await host.service.profiles.list()).profiles.map((p) => p.name)).toEqual(['Testpostfach']);
});

test('inline validation marks missing and invalid fields as you type', async ({ app }) => {
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /SMTP-Server/ })
    .click();
  await app.getByLabel('Absenderadresse').fill('buchhaltung@');
  await expect(app.getByLabel('Absenderadresse')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText('„Absenderadresse“ ist keine gültige E-Mail-Adresse.')).toBeVisible();
  await app.getByLabel('Absenderadresse').fill('buchhaltung@muster.example');
  await expect(app.getByLabel('Absenderadresse')).not.toHaveAttribute('aria-invalid', 'true');

  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Bitte korrigieren Sie die markierten Felder.')).toBeVisible();
  await expect(app.getByText('„Server“ muss ausgefüllt sein.')).toBeVisible();
  await expect(app.getByText('„Benutzername (Profil)“ muss ausgefüllt sein.')).toBeVisible();
  await screenshot(app, '06-pflichtfelder');
});
