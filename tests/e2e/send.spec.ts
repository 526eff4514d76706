// Sending from the dialog with the real core: a Mahnung with PDFs (one through the open-file dialog,
// one dropped) over a real STARTTLS server, checked byte for byte on arrival; the Testpostfach; and
// the clear errors for a non-PDF and a refused recipient.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { SMTP_PASSWORD, SMTP_USER, expect, screenshot, test } from './fixtures.js';
import type { Page } from '@playwright/test';

const SAMPLE_PDF = path.resolve('assets/sample-mahnung.pdf');

async function drop(page: Page, name: string, bytes: Buffer, type = 'application/pdf') {
  const dataTransfer = await page.evaluateHandle(
    ([n, b64, t]) => {
      const dt = new DataTransfer();
      const bin = atob(b64);
      dt.items.add(new File([Uint8Array.from(bin, (c) => c.charCodeAt(0))], n, { type: t }));
      return dt;
    },
    [name, bytes.toString('base64'), type] as const,
  );
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
}

test('send a Mahnung with PDF attachments over SMTP; it arrives intact', async ({ app, host, smtp }) => {
  await host.service.addProfile(
    {
      name: 'Hausbank SMTP',
      connection: 'smtp',
      host: '127.0.0.1',
      port: smtp.port,
      security: 'StartTls',
      caFile: smtp.caFile,
      auth: 'password',
      user: SMTP_USER,
      fromAddress: SMTP_USER,
      fromName: 'Muster GmbH Buchhaltung',
      maxSizeKb: 5000,
    },
    { password: SMTP_PASSWORD },
  );
  await host.service.profiles.use('Hausbank SMTP');
  await app.reload();
  await app.getByRole('tab', { name: 'Senden' }).click();
  await expect(app.getByLabel('Profil', { exact: true })).toHaveValue('Hausbank SMTP');

  await app.getByLabel('An', { exact: true }).fill('kunde@empfaenger.example');
  await app.getByLabel('Cc', { exact: true }).fill('vertrieb@muster.example');
  await app.getByLabel('Betreff').fill('Mahnung zur Rechnung 2026-0815 – Müller & Söhne');
  await app
    .getByLabel('Text', { exact: true })
    .fill('Sehr geehrte Damen und Herren,\n\nanbei unsere Mahnung.\n\nGrüße');
  await expect(app.getByLabel('Mahnung')).toBeChecked();

  host.nextFiles = [SAMPLE_PDF];
  await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
  await expect(app.getByText('sample-mahnung.pdf')).toBeVisible();
  const second = Buffer.concat([readFileSync(SAMPLE_PDF), Buffer.from('\n% Kopie für die Akte\n')]);
  await drop(app, 'Rechnung 2026-0815 Überfällig.pdf', second);
  await expect(app.getByText('Rechnung 2026-0815 Überfällig.pdf')).toBeVisible();
  await expect(app.getByTestId('total-size')).toContainText('von höchstens 5.000 KB');
  await screenshot(app, '07-senden-mit-anhaengen');

  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  const result = app.getByTestId('send-result');
  await expect(result).toContainText('Die Nachricht wurde gesendet.');
  await expect(result).toContainText('Ok: queued as T1');
  await screenshot(app, '08-senden-erfolg');

  expect(smtp.messages).toHaveLength(1);
  const received = smtp.messages[0]!;
  expect(received.secure).toBe(true);
  expect(received.to.sort()).toEqual(['kunde@empfaenger.example', 'vertrieb@muster.example']);
  const mail = await PostalMime.parse(received.raw);
  expect(mail.subject).toBe('Mahnung zur Rechnung 2026-0815 – Müller & Söhne');
  expect(mail.text?.trim()).toContain('anbei unsere Mahnung.');
  expect(mail.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('mahnung');
  await expect(result).toContainText(mail.messageId!);
  const files = mail.attachments.map((a) => ({
    name: a.filename,
    bytes: Buffer.from(a.content as ArrayBuffer),
    type: a.mimeType,
  }));
  expect(files.map((f) => f.name)).toEqual(['sample-mahnung.pdf', 'Rechnung 2026-0815 Überfällig.pdf']);
  expect(files[0]!.bytes.equals(readFileSync(SAMPLE_PDF))).toBe(true);
  expect(files[1]!.bytes.equals(second)).toBe(true);
  expect(files.every((f) => f.type === 'application/pdf')).toBe(true);
});

test('a refused recipient and a non-PDF give clear German errors', async ({ app, host, smtp }) => {
  const refusing = smtp;
  await host.service.addProfile(
    {
      name: 'Hausbank SMTP',
      connection: 'smtp',
      host: '127.0.0.1',
      port: refusing.port,
      security: 'StartTls',
      caFile: refusing.caFile,
      auth: 'password',
      user: SMTP_USER,
      fromAddress: SMTP_USER,
      maxSizeKb: 3,
    },
    { password: SMTP_PASSWORD },
  );
  await app.reload();
  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByLabel('Profil', { exact: true }).selectOption('Hausbank SMTP');

  await drop(app, 'notiz.txt', Buffer.from('keine PDF-Datei'), 'text/plain');
  await expect(app.getByRole('alert')).toContainText('Die Datei „notiz.txt“ ist kein PDF-Dokument.');

  // the encoded size (base64 ≈ 4/3 plus headers) against the profile's 3 KB limit
  host.nextFiles = [SAMPLE_PDF];
  await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
  await expect(app.getByTestId('total-size')).toContainText('von höchstens 3 KB');
  await expect(app.getByText('Die Anhänge sind zusammen größer, als das Profil erlaubt.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Senden', exact: true })).toBeDisabled();
  await app.getByRole('button', { name: '„sample-mahnung.pdf“ entfernen' }).click();
  await expect(app.getByRole('button', { name: 'Senden', exact: true })).toBeEnabled();

  await app.getByLabel('An', { exact: true }).fill('kein-adresse');
  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  await expect(app.getByText('„kein-adresse“ ist keine gültige E-Mail-Adresse.')).toBeVisible();
  expect(host.calls).not.toContain('send');

  await app.getByLabel('An', { exact: true }).fill('unbekannt@empfaenger.example');
  await app.getByLabel('Betreff').fill('Zahlungsavis');
  await app.getByLabel('Zahlungsavis').check();
  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  await expect(app.getByRole('alert')).toContainText('Der Server hat');
  await screenshot(app, '10-senden-fehler');
  expect(refusing.messages).toHaveLength(0);
});

test('the Testpostfach stores the message as a file and says so', async ({ app, host }) => {
  await app.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(app.getByTestId('connection-report')).toContainText('Testpostfach (es wird nichts versendet');

  await app.getByRole('tab', { name: 'Senden' }).click();
  await app.getByLabel('An', { exact: true }).fill('kunde@empfaenger.example');
  await app.getByLabel('Betreff').fill('Zahlungsavis 4711');
  await app.getByLabel('Zahlungsavis').check();
  host.nextFiles = [SAMPLE_PDF];
  await app.getByRole('button', { name: 'PDF hinzufügen …' }).click();
  // the chosen file is listed before Senden (a click earlier would send without it)
  await expect(app.getByText('sample-mahnung.pdf')).toBeVisible();
  await app.getByRole('button', { name: 'Senden', exact: true }).click();
  const result = app.getByTestId('send-result');
  await expect(result).toContainText('Die Nachricht wurde im Testpostfach abgelegt.');
  const folder = path.join(host.service.dataFolder, 'test-mailbox');
  const [file] = readdirSync(folder);
  await expect(result).toContainText(file!);
  const mail = await PostalMime.parse(readFileSync(path.join(folder, file!)));
  expect(mail.subject).toBe('Zahlungsavis 4711');
  expect(mail.headers.find((h) => h.key === 'x-opos-kind')?.value).toBe('zahlungsavis');
  expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(readFileSync(SAMPLE_PDF))).toBe(
    true,
  );
});
