// The Windows hand-off kinds in the dialog on a system that is not Windows: listed but disabled with
// the reason ("nur unter Windows"), also as "Neu …" templates; a profile made on Windows opens with its
// settings intact, the fields that do not apply disabled with the kind's reason, and "Verbindung testen"
// says clearly that it works on Windows only.
import { expect, screenshot, test } from './fixtures.js';

test('Windows-Standard and Outlook are shown, disabled, off Windows', async ({ app }) => {
  const kind = app.getByLabel('Verbindungsart');
  for (const label of ['Windows-Standard (Simple MAPI) – nur unter Windows', 'Outlook – nur unter Windows'])
    await expect(kind.locator('option', { hasText: label })).toBeDisabled();
  await app.getByRole('button', { name: 'Neu …' }).click();
  const picker = app.getByTestId('template-picker');
  await expect(picker.getByRole('button', { name: /Windows-Standard/ })).toBeDisabled();
  await expect(picker.getByRole('button', { name: /^Outlook/ })).toBeDisabled();
  await expect(picker.getByRole('button', { name: /SMTP-Server/ })).toBeEnabled();
});

test('a profile copied from Windows opens with its settings and says where it works', async ({
  app,
  host,
}) => {
  await host.service.addProfile({
    name: 'Outlook Büro',
    connection: 'outlook',
    fromAddress: 'buchhaltung@firma.de',
    auth: 'password',
    user: 'Buchhaltung',
    handoff: { mode: 'send', maxBatchRows: 20 },
  });
  await app.reload();
  await expect(app.locator('.app[data-ready="true"]')).toBeVisible();
  await app.getByRole('button', { name: /Outlook Büro/ }).click();
  await expect(app.getByLabel('Verbindungsart')).toHaveValue('outlook');
  await expect(app.getByLabel('Absenderadresse')).toHaveValue('buchhaltung@firma.de');
  await expect(app.getByLabel('Benutzername (Profil)')).toHaveValue('Buchhaltung');
  // the server does not apply: disabled, with the kind's reason
  const server = app.getByLabel('Server', { exact: true });
  await expect(server).toHaveAttribute('aria-disabled', 'true');
  await expect(server).toHaveAccessibleDescription(/Outlook versendet mit dem Konto der Absenderadresse/);
  // "direkt senden" explains Outlook's prompt and the policy that allows it
  await expect(app.getByTestId('handoff-direct-note')).toContainText('PromptOOMSend');
  await screenshot(app, '30-outlook-profil-unter-linux');
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(app.getByRole('alert')).toContainText('nur unter Windows');
  // nothing was changed by opening it
  expect(await host.service.profiles.get('Outlook Büro')).toMatchObject({
    connection: 'outlook',
    auth: 'password',
    handoff: { mode: 'send' },
  });
});
