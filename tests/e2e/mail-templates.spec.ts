// E-mail templates (Vorlagen) in the dialog with the real core: the list, the editor and its live
// preview with sample data (per language, missing placeholders named), saved into the data folder's
// templates file; "Vorlage …" in the Senden view filling subject and text; the profile's message
// settings (Kontrollkopie, Lesebestätigung) saved. Each view axe clean.
import { expectNoSeriousA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';

test('the Vorlagen view lists, edits and previews templates and saves them', async ({ app, host }) => {
  await app.getByRole('tab', { name: 'Vorlagen' }).click();
  const list = app.getByTestId('mail-template-list');
  for (const name of ['Mahnung 1', 'Mahnung 2', 'Mahnung 3', 'Letzte Mahnung', 'Zahlungsavis'])
    await expect(list.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();

  await list.getByRole('button', { name: /^Mahnung 2/ }).click();
  await expect(app.getByLabel('Name', { exact: true })).toHaveValue('Mahnung 2');
  await expect(app.getByLabel('Mahnstufe')).toHaveValue('2');
  const preview = app.getByTestId('mail-template-preview');
  await expect(preview.getByTestId('preview-subject')).toHaveText('2. Mahnung D-1001');
  await expect(preview.getByTestId('preview-attachment')).toHaveText('Mahnung_D-1001.pdf');
  await expect(preview.getByTestId('preview-text')).toContainText('Der Betrag von 1.234,56 € zu D-1001');

  // another language: the editor and the preview follow
  await app.getByLabel('Textsprache').selectOption('en');
  await expect(preview.getByTestId('preview-subject')).toHaveText('Second reminder D-1001');
  await app.getByLabel('Textsprache').selectOption('de');

  // live preview while typing; a placeholder without a sample value is named
  await app.getByLabel('Betreff').fill('Zweite Mahnung {{Referenz}} für {{Name}}');
  await expect(preview.getByTestId('preview-subject')).toHaveText('Zweite Mahnung D-1001 für Jürgen Müller');
  await app.getByLabel('Name des Anhangs').fill('Mahnung_{{Kundennummer}}.pdf');
  await expect(preview).toContainText('Ohne Wert: {{Kundennummer}}');
  // the preview with a real row's values
  await preview.getByText('Beispieldaten', { exact: true }).click();
  await preview.getByLabel('{{Kundennummer}}').fill('K-4711');
  await expect(preview.getByTestId('preview-attachment')).toHaveText('Mahnung_K-4711.pdf');
  await preview.getByLabel('{{Name}}').fill('Erika Mustermann');
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    'Zweite Mahnung D-1001 für Erika Mustermann',
  );
  await app.getByLabel('Name des Anhangs').fill('Zweite_Mahnung_{{Referenz}}.pdf');
  await expect(preview.getByTestId('preview-attachment')).toHaveText('Zweite_Mahnung_D-1001.pdf');
  await screenshot(app, '40-vorlagen-editor-vorschau');
  await expectNoSeriousA11yViolations(app);

  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Vorlage „Mahnung 2“ gespeichert.')).toBeVisible();
  const stored = await host.service.templates.get('Mahnung 2');
  expect(stored.texts.de).toMatchObject({
    subject: 'Zweite Mahnung {{Referenz}} für {{Name}}',
    attachmentName: 'Zweite_Mahnung_{{Referenz}}.pdf',
  });
  expect(stored.texts.en?.subject).toBe('Second reminder {{Referenz}}');

  // a new Zahlungsavis template, only in Dutch: a payment advice has no level
  await app.getByRole('button', { name: 'Neue Vorlage' }).click();
  await app.getByLabel('Name', { exact: true }).fill('Avis Niederlande');
  await app.getByLabel('Art', { exact: true }).selectOption('zahlungsavis');
  await expect(app.getByLabel('Mahnstufe')).toHaveAttribute('aria-disabled', 'true');
  await app.getByLabel('Textsprache').selectOption('nl');
  await app.getByRole('button', { name: 'Text in dieser Sprache anlegen' }).click();
  await app.getByLabel('Betreff').fill('Betaling {{Referenz}}');
  await app.getByLabel('Text', { exact: true }).fill('Wij betalen {{Betrag}} op {{Fällig}}.');
  await expect(preview.getByTestId('preview-text')).toHaveText('Wij betalen 1.234,56 € op 15.12.2026.');
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Vorlage „Avis Niederlande“ gespeichert.')).toBeVisible();
  const avis = await host.service.templates.get('avis niederlande');
  expect(avis).toMatchObject({ kind: 'zahlungsavis', texts: { nl: { subject: 'Betaling {{Referenz}}' } } });
  expect(avis.level).toBeUndefined();
  await expect(list.getByRole('button', { name: /^Avis Niederlande/ })).toBeVisible();
});

test('"Vorlage …" in the Senden view fills subject and text; the profile saves its message settings', async ({
  app,
  host,
}) => {
  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByLabel('Referenz').fill('R-9');
  await app.getByRole('button', { name: 'Vorlage …' }).click();
  const picker = app.getByTestId('mail-template-picker');
  await picker.getByLabel('Vorlagen').selectOption('Letzte Mahnung');
  await picker.getByLabel('Textsprache').selectOption('nl');
  await expectNoSeriousA11yViolations(app);
  await picker.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(picker).toBeHidden();
  await expect(app.getByLabel('Betreff')).toHaveValue('Laatste aanmaning R-9');
  await expect(app.getByLabel('Text', { exact: true })).toHaveValue(/het bedrag van \{\{Betrag\}\} voor R-9/);
  await expect(app.getByTestId('unfilled-placeholders')).toContainText('{{Betrag}}, {{Fällig}}');
  await expect(app.getByLabel('Mahnung')).toBeChecked();
  await screenshot(app, '41-senden-vorlage-uebernommen');
  await expectNoSeriousA11yViolations(app);

  await app.getByRole('tab', { name: 'Verbindung' }).click();
  const settings = app.getByTestId('message-settings');
  await settings.getByLabel('Kontrollkopie an').fill('archiv@muster.example');
  await settings.getByLabel('Signatur').fill('Buchhaltung\nMuster GmbH');
  await settings.getByRole('checkbox', { name: 'Lesebestätigung anfordern' }).check();
  await expectNoSeriousA11yViolations(app);
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect
    .poll(async () => (await host.service.profiles.active()).messages)
    .toEqual({
      controlCopy: 'archiv@muster.example',
      replyTo: '',
      signature: 'Buchhaltung\nMuster GmbH',
      deliveryReceipt: false,
      readReceipt: true,
    });
});
