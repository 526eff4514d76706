// The profile form's polish (issue 13), in Chromium against the real core: fields that do not apply to
// the chosen kind, security or login are shown empty and disabled with the registry's reason (never with
// a stale value); the permission to log in unencrypted only where it can apply; one cancel while a
// connection test runs; sizes in one unit; axe without serious or moderate findings in each state; and
// screenshots of the main states at three window sizes (`13-<state>-after-<w>x<h>.png`).
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoModerateA11yViolations } from './a11y.js';
import { SCREENSHOTS, expect, test } from './fixtures.js';

test.describe.configure({ timeout: 180_000 });

const SAMPLE_PDF = path.resolve('assets/sample-mahnung.pdf');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 860 },
  { width: 1600, height: 1000 },
] as const;

/** The window as it is at each size (a desktop program's view, not the whole page). */
async function atSizes(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover tooltip left over from the last click
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: path.join(SCREENSHOTS, `13-${name}-after-${size.width}x${size.height}.png`),
    });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function newFromTemplate(app: Page, template: RegExp): Promise<void> {
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app.getByTestId('template-picker').getByRole('button', { name: template }).click();
}

test('fields that do not apply are empty and disabled, never showing stale values', async ({ app }) => {
  await newFromTemplate(app, /^SMTP-Server/);
  const server = app.getByLabel('Server', { exact: true });
  const port = app.getByLabel('Port', { exact: true });
  const security = app.getByLabel('Sicherheit');
  const user = app.getByLabel('Benutzername (Profil)');
  await server.fill('smtp.muster.example');
  await user.fill('buchhaltung');
  await app.getByLabel('Absenderadresse').fill('buchhaltung@muster.example');
  await expect(port).toHaveValue('587');
  await expect(security).toHaveValue('StartTls');
  // the OAuth area does not apply to a password login: empty, no "Standard-Anwendung", no "organizations"
  const clientId = app.getByLabel('Anwendungs-ID (Client-ID)');
  const tenantId = app.getByLabel('Verzeichnis-ID (Tenant-ID)');
  const provider = app.getByLabel('Authentifizierung', { exact: true });
  for (const field of [clientId, tenantId, provider]) {
    await expect(field).toHaveAttribute('aria-disabled', 'true');
    await expect(field).toHaveValue('');
  }
  await expect(clientId).toHaveAttribute('placeholder', '');
  await expect(tenantId).toHaveAttribute('placeholder', '');
  await expect(provider).toHaveAccessibleDescription(
    'Nur bei Anmeldung mit OAuth 2.0 oder OAuth mit Dialog.',
  );
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'profil-smtp');

  // the Testpostfach needs no server: server, port, security and user are empty and say why
  await app.getByLabel('Verbindungsart').selectOption('test-mailbox');
  for (const field of [server, port, security, user]) {
    await expect(field).toHaveAttribute('aria-disabled', 'true');
    await expect(field).toHaveValue('');
  }
  await expect(security).toHaveAccessibleDescription(
    'Das Testpostfach versendet nichts; dieses Feld wird nicht gebraucht.',
  );
  await expect(app.getByTestId('port-warning')).toHaveCount(0);
  await expectNoModerateA11yViolations(app);

  // back to SMTP: what was typed is still there (only hidden while it did not apply)
  await app.getByLabel('Verbindungsart').selectOption('smtp');
  await expect(server).toHaveValue('smtp.muster.example');
  await expect(security).toHaveValue('StartTls');
  await expect(port).toHaveValue('587');

  // the hand-off kind: no server, no login; its own fieldset applies
  await app.getByLabel('Verbindungsart').selectOption('system-mail');
  await expect(server).toHaveValue('');
  await expect(app.getByLabel('Übergabe', { exact: true })).toHaveValue('compose');
  await expect(app.getByLabel('Höchstzahl Nachrichten je Mahnlauf')).toHaveValue('20');
  await expectNoModerateA11yViolations(app);
  await app.getByTestId('handoff-fieldset').scrollIntoViewIfNeeded();
  await atSizes(app, 'profil-uebergabe');
  // …and an SMTP profile shows the hand-off fields empty
  await app.getByLabel('Verbindungsart').selectOption('smtp');
  await expect(app.getByLabel('Übergabe', { exact: true })).toHaveValue('');
  await expect(app.getByLabel('Höchstzahl Nachrichten je Mahnlauf')).toHaveValue('');
});

test('unencrypted login can only be allowed with a password and a mode that may end in plain text', async ({
  app,
}) => {
  await newFromTemplate(app, /^SMTP-Server/);
  const plain = app.getByLabel('Unverschlüsselte Anmeldung erlauben');
  // StartTls: always encrypted, the permission cannot apply
  await expect(plain).toHaveAttribute('aria-disabled', 'true');
  await expect(plain).not.toBeChecked();
  await expect(plain).toHaveAccessibleDescription(/Mit StartTls ist die Verbindung immer verschlüsselt/);
  await plain.click({ force: true });
  await expect(plain).not.toBeChecked();

  await app.getByLabel('Sicherheit').selectOption('StartTlsWhenAvailable');
  await expect(plain).not.toHaveAttribute('aria-disabled');
  await plain.check();
  await expect(plain).toBeChecked();

  // OAuth: a token is never sent unencrypted
  await app.getByLabel('OAuth mit Dialog (empfohlen)').check();
  await expect(plain).toHaveAttribute('aria-disabled', 'true');
  await expect(plain).not.toBeChecked();
  await expect(plain).toHaveAccessibleDescription(/Mit OAuth 2.0 wird nie unverschlüsselt angemeldet/);
  await expectNoModerateA11yViolations(app);

  // the last profile cannot be deleted (the Testpostfach is the only saved one)
  await app.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(app.getByRole('button', { name: 'Löschen' })).toBeDisabled();
});

test('the send view lists sizes in one unit; the templates view; screenshots', async ({ app, host }) => {
  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByLabel('An', { exact: true }).fill('Jörg Weiß <joerg@empfaenger.example>');
  await app.getByLabel('Betreff').fill('Mahnung zur Rechnung 2026-0815');
  host.nextFiles = [SAMPLE_PDF];
  await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
  await expect(app.locator('.file-size')).toHaveText(/^\d+ KB$/);
  await expect(app.getByTestId('total-size')).toContainText(/ca\. \d+ KB/);
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'senden');

  await app.getByRole('tab', { name: 'Vorlagen' }).click();
  await expect(app.getByTestId('mail-template-list')).toBeVisible();
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'vorlagen');
});
