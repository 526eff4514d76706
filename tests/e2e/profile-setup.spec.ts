// The assistant "Neues Profil aus E-Mail-Adresse" in the dialog, against the real core and a real DNS
// server on loopback (OPOS_MAIL_DNS_SERVER, set for this file's worker and restored afterwards):
// Microsoft 365 found by MX (each setting's source shown, saved for the sign-in), a server from SRV
// records whose connection test fails before anything is saved, and nothing found → the manual editor.
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { expectNoSeriousA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';

let dns: TestDnsServer;
let before: string | undefined;

test.beforeAll(async () => {
  dns = await startDnsServer({
    'mueller-gmbh.test': { MX: [{ exchange: 'mueller-gmbh-test.mail.protection.outlook.com', priority: 0 }] },
    '_submissions._tcp.srv-firma.test': { SRV: [{ target: 'mail.srv-firma.test', port: 1 }] },
    'mail.srv-firma.test': { A: ['127.0.0.1'] },
  });
  before = process.env.OPOS_MAIL_DNS_SERVER;
  process.env.OPOS_MAIL_DNS_SERVER = dns.address;
});
test.afterAll(async () => {
  if (before === undefined) delete process.env.OPOS_MAIL_DNS_SERVER;
  else process.env.OPOS_MAIL_DNS_SERVER = before;
  await dns?.close();
});

async function openAssistant(app: import('@playwright/test').Page) {
  await app.getByRole('button', { name: 'Neu …' }).click();
  const picker = app.getByTestId('template-picker');
  // the assistant is the first entry of "Neu …"
  await expect(picker.getByRole('button').first()).toContainText('Neues Profil aus E-Mail-Adresse');
  await picker.getByRole('button', { name: /Neues Profil aus E-Mail-Adresse/ }).click();
  const dialog = app.getByTestId('setup-assistant');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Microsoft 365 found by MX: the sources are shown, the profile is saved for the sign-in', async ({
  app,
}) => {
  // axe on a loaded machine takes its time
  test.setTimeout(120_000);
  const dialog = await openAssistant(app);
  await expect(dialog).toContainText('Schritt 1 von 3');
  await dialog.getByLabel('E-Mail-Adresse, von der gesendet wird').fill('buchhaltung@mueller-gmbh.test');
  await dialog.getByRole('button', { name: 'Einstellungen suchen' }).click();

  await expect(dialog).toContainText('Schritt 2 von 3');
  const sources = dialog.getByTestId('setup-sources');
  await expect(sources.locator('tr[data-field="host"]')).toContainText('smtp.office365.com');
  await expect(sources.locator('tr[data-field="host"]')).toContainText('aus dem DNS (MX)');
  await expect(sources.locator('tr[data-field="tenantId"]')).toContainText('mueller-gmbh.test');
  await expect(sources.locator('tr[data-field="fromAddress"]')).toContainText('aus der E-Mail-Adresse');
  await expect(dialog).toContainText('Microsoft Graph API');
  await expectNoSeriousA11yViolations(app);
  await screenshot(app, '20-assistent-vorschlag');

  await dialog.getByRole('button', { name: 'Weiter' }).click();
  await expect(dialog).toContainText('Schritt 3 von 3');
  await expect(dialog.getByLabel('Profilname')).toHaveValue('buchhaltung@mueller-gmbh.test');
  await dialog.getByLabel('Profilname').fill('Müller M365');
  await dialog.getByRole('button', { name: 'Speichern' }).click();

  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: /Müller M365/ })).toBeVisible();
  await expect(app.getByLabel('Server', { exact: false }).first()).toHaveValue('smtp.office365.com');
});

test('a server from the SRV records is tested before saving: a failing test saves nothing', async ({
  app,
}) => {
  const dialog = await openAssistant(app);
  await dialog.getByLabel('E-Mail-Adresse, von der gesendet wird').fill('info@srv-firma.test');
  await dialog.getByRole('button', { name: 'Einstellungen suchen' }).click();
  await expect(dialog.getByTestId('setup-sources').locator('tr[data-field="host"]')).toContainText(
    'aus dem DNS (SRV)',
  );
  await dialog.getByRole('button', { name: 'Weiter' }).click();
  const save = dialog.getByRole('button', { name: 'Verbindung testen und speichern' });
  await expect(save).toBeDisabled();
  await dialog.getByLabel('Passwort').fill('Geheim-1');
  await save.click();
  // nothing listens on mail.srv-firma.test:1
  await expect(dialog.getByRole('alert')).toHaveAttribute('data-error-code', /connectFailed|timeout/);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: /info@srv-firma\.test/ })).toHaveCount(0);
});

test('nothing found: a clear message and the way to the manual editor', async ({ app }) => {
  const dialog = await openAssistant(app);
  await dialog.getByLabel('E-Mail-Adresse, von der gesendet wird').fill('buchhaltung@nichts.test');
  await dialog.getByRole('button', { name: 'Einstellungen suchen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('kein Postausgangsserver gefunden');
  await dialog.getByRole('button', { name: 'Von Hand einrichten' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('Profilname')).toHaveValue(/SMTP-Server/);
});
