// The "Mahnlauf" view with the real core and real SMTP servers: a manifest with bad rows shows every
// problem with its row number and cannot be started; a good manifest runs to the end (each row received
// once), runs again as a resume (all skipped, nothing sent twice), and through the redirect address;
// cancel finishes the message in flight and stops, and starting again sends only the rest.
// Test doubles: only the platform hook of the manifest's open dialog (host.nextManifest).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { tempDir } from '../helpers/cleanup.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';
import { expect, screenshot, test } from './fixtures.js';
import type { TestHost } from './host/host.js';
import { expectNoSeriousA11yViolations } from './a11y.js';

/** A folder with a PDF, removed when the test ends. */
function workDir(): string {
  const dir = tempDir('opos-e2e-batch-');
  writeFileSync(path.join(dir, 'mahnung.pdf'), Buffer.from('%PDF-1.4\n% Mahnung\n%%EOF\n', 'latin1'));
  return dir;
}

const HEADER = 'Empfänger;Betreff;Text;Anhänge;Art;Referenz;Name';

function manifest(dir: string, rows: string[], name = 'lauf.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n');
  return file;
}

function goodRows(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `kunde${i + 1}@example.org;Mahnung {{Referenz}};Sehr geehrte/r {{Name}};mahnung.pdf;mahnung;R-${i + 1};Kunde ${i + 1}`,
  );
}

/** An SMTP profile for the loopback server, made active; the page is reloaded to show it. */
async function smtpProfile(app: Page, host: TestHost, port: number) {
  await host.service.addProfile({
    name: 'Hausbank SMTP',
    connection: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'None',
    fromAddress: 'buchhaltung@muster.example',
  });
  await host.service.profiles.use('Hausbank SMTP');
  await app.reload();
  await expect(app.locator('.app[data-ready="true"]')).toBeVisible();
}

/** "Mahnlauf starten", then the confirmation's send button (a real run never starts without it). */
async function startRun(app: Page) {
  await app.getByRole('button', { name: 'Mahnlauf starten' }).click();
  const confirm = app.getByTestId('batch-confirm');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: /senden$/ }).click();
  await expect(confirm).toBeHidden();
}

let server: FaultySmtpServer;
test.beforeEach(async () => {
  server = await startFaultySmtpServer();
});
test.afterEach(async () => {
  await server.close();
});

test('a manifest with bad rows shows every problem with its row number and cannot start', async ({
  app,
  host,
}) => {
  await smtpProfile(app, host, server.port);
  const dir = workDir();
  writeFileSync(path.join(dir, 'kein.pdf'), 'Das ist eine Textdatei.');
  host.nextManifest = manifest(dir, [
    'kein-at-zeichen;Mahnung;Hallo {{Name}};mahnung.pdf;mahnung;R-1;Kunde 1',
    'kunde2@example.org;Mahnung;Hallo {{Name}};fehlt.pdf;mahnung;R-2;Kunde 2',
    'kunde3@example.org;Mahnung;Hallo {{Name}};kein.pdf;mahnung;R-3;Kunde 3',
    'kunde4@example.org;Mahnung;Offen: {{Betrag}} EUR;mahnung.pdf;mahnung;R-4;Kunde 4',
    'kunde5@example.org;Mahnung;Hallo {{Name}};mahnung.pdf;mahnung;R-5;Kunde 5',
    'kunde6@example.org;Mahnung;Hallo {{Name}};mahnung.pdf;rechnung;R-6;Kunde 6',
  ]);
  await app.getByRole('tab', { name: 'Mahnlauf' }).click();
  await expect(app.getByLabel('Profil', { exact: true })).toHaveValue('Hausbank SMTP');
  await app.getByRole('button', { name: 'Versandliste: Auswählen …' }).click();
  await expect(app.getByTestId('manifest-name')).toContainText('lauf.csv');

  const problems = app.getByTestId('batch-problems');
  await expect(problems).toContainText('Die Versandliste hat 5 Fehler in 5 Zeile(n).');
  const row = (n: number) => problems.locator(`tr[data-row="${n}"]`);
  await expect(row(1)).toContainText('ungültige E-Mail-Adresse „kein-at-zeichen“');
  await expect(row(1)).toContainText('R-1');
  await expect(row(2)).toContainText('Anhang nicht gefunden');
  await expect(row(2)).toContainText('fehlt.pdf');
  await expect(row(3)).toContainText('Anhang ist kein PDF');
  await expect(row(4)).toContainText('Platzhalter „{{Betrag}}“ hat keinen Wert');
  await expect(row(5)).toHaveCount(0);
  await expect(row(6)).toContainText('Art „rechnung“ unbekannt');
  await expect(app.getByRole('button', { name: 'Mahnlauf starten' })).toBeDisabled();
  await screenshot(app, '20-mahnlauf-fehler');
  await expectNoSeriousA11yViolations(app);
  expect(server.dataCount).toBe(0);
  expect(host.calls).not.toContain('batchStart');
});

test('a good manifest runs to the end, resumes without sending twice, and redirects', async ({
  app,
  host,
}) => {
  await smtpProfile(app, host, server.port);
  const dir = workDir();
  const file = manifest(dir, goodRows(3));
  host.nextManifest = file;
  await app.getByRole('tab', { name: 'Mahnlauf' }).click();
  await expect(app.getByLabel('Profil', { exact: true })).toHaveValue('Hausbank SMTP');
  await app.getByRole('button', { name: 'Versandliste: Auswählen …' }).click();
  await expect(app.getByTestId('batch-check-ok')).toHaveText('Geprüft: 3 Nachrichten, keine Fehler.');
  await screenshot(app, '21-mahnlauf-geprueft');
  await expectNoSeriousA11yViolations(app);

  const run = app.getByTestId('batch-run');
  const count = (k: string) => run.locator(`dd[data-count="${k}"]`);
  await startRun(app);
  await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf ist beendet.');
  await expect(count('sent')).toHaveText('3');
  await expect(count('failed')).toHaveText('0');
  await expect(run.getByTestId('batch-progress')).toHaveText('3 von 3 Nachrichten');
  const lines = run.getByTestId('batch-lines');
  for (const n of [1, 2, 3]) {
    await expect(lines.locator(`tr[data-row="${n}"]`)).toHaveAttribute('data-state', 'sent');
    await expect(lines.locator(`tr[data-row="${n}"]`)).toContainText(`R-${n}`);
  }
  await expect(lines).toContainText('Ok: queued as Q');
  await screenshot(app, '22-mahnlauf-beendet');
  await expectNoSeriousA11yViolations(app);
  expect(server.accepted.map((m) => m.reference).sort()).toEqual(['R-1', 'R-2', 'R-3']);
  expect(server.accepted.map((m) => m.to[0]).sort()).toEqual([
    'kunde1@example.org',
    'kunde2@example.org',
    'kunde3@example.org',
  ]);

  // the same manifest again: a resume, every row was sent already
  await startRun(app);
  await expect(count('skipped')).toHaveText('3');
  await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf ist beendet.');
  await expect(count('sent')).toHaveText('0');
  await expect(lines.locator('tr[data-state="skipped"]')).toHaveCount(3);
  expect(server.accepted).toHaveLength(3);

  // Umleitungsmodus: every message to the test address instead
  await app.getByLabel('Umleiten an').fill('kein-at');
  await expect(app.getByText('„kein-at“ ist keine gültige E-Mail-Adresse.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Mahnlauf starten' })).toBeDisabled();
  await app.getByLabel('Umleiten an').fill('test@muster.example');
  await startRun(app);
  await expect(count('sent')).toHaveText('3');
  await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf ist beendet.');
  expect(server.accepted).toHaveLength(6);
  expect(server.accepted.slice(3).every((m) => m.to.join() === 'test@muster.example')).toBe(true);

  // Probelauf: every message into the test mailbox, nothing to the server
  await app.getByLabel('Umleiten an').fill('');
  await app.getByLabel(/^Probelauf/).check();
  await app.getByRole('button', { name: 'Probelauf starten' }).click();
  await expect(run.getByRole('heading')).toHaveText(
    'Der Probelauf ist beendet. Die Nachrichten liegen im Testpostfach.',
  );
  await expect(count('sent')).toHaveText('3');
  expect(server.accepted).toHaveLength(6);
});

test('cancel finishes the message in flight and stops; starting again sends only the rest', async ({
  app,
  host,
}) => {
  // a real SMTP server whose reply to DATA waits until the test lets it go
  const received: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  const held = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        arrived++;
        const ref = /^X-OPOS-Reference:\s*(.*)$/im.exec(Buffer.concat(chunks).toString('latin1'))?.[1];
        void gate.then(() => {
          received.push(ref?.trim() ?? '');
          cb(null, `Ok: queued as H${received.length}`);
        });
      });
    },
  });
  held.on('error', () => undefined);
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
  const port = (held as unknown as { server: { address(): AddressInfo } }).server.address().port;
  try {
    await smtpProfile(app, host, port);
    const dir = workDir();
    host.nextManifest = manifest(dir, goodRows(6));
    await app.getByRole('tab', { name: 'Mahnlauf' }).click();
    await app.getByRole('button', { name: 'Versandliste: Auswählen …' }).click();
    await expect(app.getByTestId('batch-check-ok')).toBeVisible();
    await startRun(app);
    const run = app.getByTestId('batch-run');
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf läuft …');
    await expect.poll(() => arrived).toBeGreaterThan(0);

    await run.page().getByRole('button', { name: 'Abbrechen' }).click();
    await expect(run).toContainText('die laufende Nachricht wird noch fertig gesendet');
    await screenshot(app, '23-mahnlauf-abbrechen');
    release();
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf wurde angehalten.');
    const count = (k: string) => run.locator(`dd[data-count="${k}"]`);
    const sentFirst = Number(await count('sent').textContent());
    expect(sentFirst).toBe(received.length);
    expect(sentFirst).toBeGreaterThan(0);
    expect(sentFirst).toBeLessThan(6);
    await expect(count('queued')).toHaveText(String(6 - sentFirst));
    await expect(run).toContainText('mit derselben Versandliste setzt den Lauf fort');
    await screenshot(app, '24-mahnlauf-angehalten');

    // starting again resumes: the rest is sent, nothing twice
    await startRun(app);
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf ist beendet.');
    await expect(count('skipped')).toHaveText(String(sentFirst));
    await expect(count('sent')).toHaveText(String(6 - sentFirst));
    expect([...received].sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6']);
  } finally {
    release();
    await new Promise<void>((resolve) => held.close(() => resolve()));
  }
});
