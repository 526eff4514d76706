// The hand-off to the mail program in the dialog, against the real core and the real xdg-utils (the
// mail program is the recording test double of tests/helpers/fake-desktop.ts): "Neu …" offers the
// kind, fields that do not apply are disabled with the registry's reason, "Verbindung testen" names the
// program without starting it, and a send ends as "an das Mailprogramm übergeben", also in the Postausgang.
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';
import { fakeDesktop } from '../helpers/fake-desktop.js';

const SAMPLE_PDF = path.resolve('assets/sample-mahnung.pdf');

test('hand a Mahnung to the system mail program from the dialog', async ({ app, host }) => {
  const desk = fakeDesktop('thunderbird');
  const saved = { ...process.env };
  Object.assign(process.env, desk.env); // the core runs in this process (the test host)
  try {
    await app.getByRole('button', { name: 'Neu …' }).click();
    await app
      .getByTestId('template-picker')
      .getByRole('button', { name: /Mailprogramm des Systems/ })
      .click();
    await app.getByLabel('Profilname').fill('Thunderbird am Platz');
    await expect(app.getByLabel('Verbindungsart')).toHaveValue('system-mail');
    const host_ = app.getByLabel('Server', { exact: false }).first();
    await expect(host_).toHaveAttribute('aria-disabled', 'true');
    await host_.focus();
    await expect(
      app.getByText('Ihr Mailprogramm versendet die Nachricht mit seinen eigenen Einstellungen').first(),
    ).toBeVisible();
    await expect(app.getByLabel('Höchstzahl Nachrichten je Mahnlauf')).toHaveValue('20');

    await app.getByRole('button', { name: 'Verbindung testen' }).click();
    const report = app.getByTestId('connection-report');
    await expect(report).toContainText('Mailprogramm des Systems');
    await expect(report.getByTestId('handoff-program')).toContainText('Thunderbird');
    await expect(report).toContainText('Verfassen-Fenster öffnen');
    expect(desk.recordings()).toHaveLength(0);
    await expectNoSeriousA11yViolations(app);
    await screenshot(app, '20-mailprogramm-verbindungstest');
    await app.getByRole('button', { name: 'Speichern' }).click();
    await expect(app.getByRole('button', { name: /Thunderbird am Platz/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await host.service.profiles.use('Thunderbird am Platz');

    await app.reload();
    await app.getByRole('tab', { name: 'Senden' }).click();
    await app.getByLabel('An', { exact: true }).fill('kunde@empfaenger.example');
    await app.getByLabel('Betreff').fill('Mahnung R-2001');
    await app.getByLabel('Text', { exact: true }).fill('Sehr geehrte Damen und Herren,\nbitte zahlen Sie.');
    host.nextFiles = [SAMPLE_PDF];
    await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
    // the chosen file is listed before Senden (a click earlier would send without it)
    await expect(app.getByText('sample-mahnung.pdf')).toBeVisible();
    await app.getByRole('button', { name: 'Senden', exact: true }).click();
    const result = app.getByTestId('send-result');
    await expect(result).toContainText('an das Mailprogramm übergeben');
    await expect(result).toContainText('Thunderbird');
    await expect(result).toContainText('nicht wissen');
    await screenshot(app, '21-mailprogramm-uebergeben');
    const [rec] = desk.recordings();
    expect(rec!.argv[0]).toBe('-compose');
    expect(rec!.files['sample-mahnung.pdf']).toBeDefined();

    await app.getByRole('tab', { name: 'Postausgang' }).click();
    await expect(app.locator('tr[data-state="handedOff"]')).toHaveCount(1);
    await expect(app.locator('tr[data-state="handedOff"] .state')).toHaveText(
      'an das Mailprogramm übergeben',
    );
  } finally {
    process.env = saved;
  }
});
