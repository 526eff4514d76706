// The dialog as a desktop program and the outcomes an accountant must never misread (issue 13), with
// the real core behind the test host and real servers on loopback: a recipient refused while the Cc is
// accepted (amber, who and why, the form cleared); a running Mahnlauf that survives leaving its tab,
// behind a confirmation; a connection test and a send against a server that never answers, cancelled;
// keyboard paths; axe without serious or moderate findings, including a long batch result; screenshots
// of the main states at three window sizes. Test doubles: only the platform hooks of the test host.
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Page } from '@playwright/test';
import { tempDir } from '../helpers/cleanup.js';
import { expectNoModerateA11yViolations } from './a11y.js';
import { SCREENSHOTS, SMTP_PASSWORD, SMTP_USER, expect, test } from './fixtures.js';
import type { TestHost } from './host/host.js';

// axe runs and screenshots at three sizes take their time on a loaded machine
test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 860 },
  { width: 1600, height: 1000 },
] as const;

/** The window as it is (not the whole page): a desktop program's view. */
async function shot(page: Page, name: string, size = page.viewportSize()!): Promise<void> {
  // `-after`: the state once the dialog's polish is in; the earlier ones are kept as `-before`
  await page.screenshot({
    path: path.join(SCREENSHOTS, `13-${name}-after-${size.width}x${size.height}.png`),
  });
}

async function atSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await shot(page, name, size);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

function batchDir(): string {
  const dir = tempDir('opos-e2e-desk-');
  writeFileSync(path.join(dir, 'mahnung.pdf'), Buffer.from('%PDF-1.4\n% Mahnung\n%%EOF\n', 'latin1'));
  return dir;
}

function manifest(dir: string, n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `Kunde ${i + 1} <kunde${i + 1}@example.org>;Mahnung {{Referenz}};Sehr geehrte Damen und Herren;mahnung.pdf;mahnung;R-${i + 1}`,
  );
  const file = path.join(dir, 'lauf.csv');
  writeFileSync(file, ['Empfänger;Betreff;Text;Anhänge;Art;Referenz', ...rows].join('\r\n') + '\r\n');
  return file;
}

async function smtpProfile(app: Page, host: TestHost, port: number, extra: Record<string, unknown> = {}) {
  await host.service.addProfile({
    name: 'Hausbank SMTP',
    connection: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'None',
    auth: 'none',
    fromAddress: 'buchhaltung@muster.example',
    ...extra,
  });
  await host.service.profiles.use('Hausbank SMTP');
  await app.reload();
  await expect(app.locator('.app[data-ready="true"]')).toBeVisible();
}

/** A server that takes the connection and never says a word (the client waits for its greeting). */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test('a refused To with an accepted Cc is amber, names who was refused and why; the form is cleared', async ({
  app,
  host,
  smtp,
}) => {
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
    },
    { password: SMTP_PASSWORD },
  );
  await host.service.profiles.use('Hausbank SMTP');
  await app.reload();
  await app.getByRole('tab', { name: 'Senden' }).click();
  // a display name as ERPs export it
  await app.getByLabel('An', { exact: true }).fill('"Unbekannt, Kunde" <unbekannt@empfaenger.example>');
  await app.getByLabel('Cc', { exact: true }).fill('Vertrieb <vertrieb@muster.example>');
  await app.getByLabel('Betreff').fill('Mahnung 4711');
  await app.getByRole('button', { name: 'Senden', exact: true }).click();

  const result = app.getByTestId('send-result');
  await expect(result).toHaveAttribute('data-status', 'partial');
  await expect(result).toHaveClass(/notice-amber/);
  await expect(result).toContainText('Nicht an alle Empfänger zugestellt');
  await expect(result.getByTestId('refused')).toContainText('unbekannt@empfaenger.example');
  await expect(result.getByTestId('refused')).toContainText('550 5.1.1');
  await expect(result).not.toContainText('Die Nachricht wurde gesendet.');
  await expect(result).toContainText('vertrieb@muster.example');
  // one more click cannot send the same Mahnung again
  await expect(app.getByLabel('An', { exact: true })).toHaveValue('');
  await expect(app.getByLabel('Betreff')).toHaveValue('');
  expect(smtp.messages).toHaveLength(1);
  expect(smtp.messages[0]!.to).toEqual(['vertrieb@muster.example']);
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'senden-teilweise-zugestellt');

  // the Postausgang says the same
  await app.getByRole('tab', { name: 'Postausgang' }).click();
  await expect(app.getByTestId('outbox-table').locator('tr[data-state="partial"]')).toHaveCount(1);
});

test('a real Mahnlauf starts only after its confirmation and survives leaving its tab', async ({
  app,
  host,
}) => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived = 0;
  const held = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    onData(stream, _session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        arrived++;
        void gate.then(() => cb(null, 'Ok'));
      });
    },
  });
  held.on('error', () => undefined);
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
  const port = (held as unknown as { server: { address(): AddressInfo } }).server.address().port;
  try {
    await smtpProfile(app, host, port);
    host.nextManifest = manifest(batchDir(), 4);
    await app.getByRole('tab', { name: 'Mahnlauf' }).click();
    await app.getByRole('button', { name: 'Versandliste: Auswählen …' }).click();
    await expect(app.getByTestId('batch-check-ok')).toBeVisible();

    // the confirmation summarises the run; Abbrechen sends nothing
    await app.getByRole('button', { name: 'Mahnlauf starten' }).click();
    const confirm = app.getByTestId('batch-confirm');
    await expect(confirm.getByTestId('confirm-rows')).toHaveText('4');
    await expect(confirm.getByTestId('confirm-recipients')).toHaveText('4');
    await expect(confirm).toContainText('Hausbank SMTP');
    await expect(confirm.getByTestId('confirm-redirect')).toContainText('nein');
    await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await expectNoModerateA11yViolations(app);
    await atSizes(app, 'mahnlauf-bestaetigen');
    await app.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    expect(arrived).toBe(0);

    await app.getByRole('button', { name: 'Mahnlauf starten' }).click();
    await confirm.getByRole('button', { name: '4 Nachrichten senden' }).click();
    const run = app.getByTestId('batch-run');
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf läuft …');
    await expect.poll(() => arrived).toBeGreaterThan(0);

    // away and back: the tab bar shows the run, the view reconnects with progress and Abbrechen
    await app.getByRole('tab', { name: 'Senden' }).click();
    await expect(app.getByTestId('batch-running-badge')).toContainText('läuft');
    await atSizes(app, 'mahnlauf-laeuft-im-hintergrund');
    await app.getByRole('tab', { name: /Mahnlauf/ }).click();
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf läuft …');
    await app.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(run).toContainText('die laufende Nachricht wird noch fertig gesendet');
    release();
    await expect(run.getByRole('heading')).toHaveText('Der Mahnlauf wurde angehalten.');
    await expect(app.getByTestId('batch-running-badge')).toHaveCount(0);
  } finally {
    release();
    await new Promise<void>((resolve) => held.close(() => resolve()));
  }
});

test('a connection test and a send against a silent server show their time and can be cancelled', async ({
  app,
  host,
}) => {
  const silent = await silentServer();
  // the server never answers: the wait lasts until Abbrechen, however long the checks below take
  const timeout = process.env.OPOS_MAIL_SMTP_TIMEOUT_MS;
  process.env.OPOS_MAIL_SMTP_TIMEOUT_MS = '170000';
  try {
    await smtpProfile(app, host, silent.port);
    await app.getByRole('button', { name: 'Verbindung testen' }).click();
    const wait = app.getByTestId('test-wait');
    await expect(wait).toBeVisible();
    await expect(wait.getByTestId('elapsed')).toHaveText(/\(seit [1-9]\d* s\)/, { timeout: 5000 });
    // one cancel only: the test's own; the form's Abbrechen (discard changes) is not shown meanwhile
    await expect(app.locator('form.editor').getByRole('button', { name: /abbrechen/i })).toHaveCount(1);
    await expect(wait.getByRole('button', { name: 'Test abbrechen' })).toBeVisible();
    await expectNoModerateA11yViolations(app);
    await atSizes(app, 'verbindungstest-wartet');
    const cancelledAt = Date.now();
    await wait.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(app.locator('[data-error-code="operationCancelled"]')).toBeVisible();
    expect(Date.now() - cancelledAt).toBeLessThan(5000); // not the 30 s time-out
    await expect(app.getByRole('button', { name: 'Verbindung testen' })).toBeEnabled();

    await app.getByRole('tab', { name: 'Senden' }).click();
    await app.getByLabel('An', { exact: true }).fill('kunde@example.org');
    await app.getByLabel('Betreff').fill('Mahnung');
    await app.getByRole('button', { name: 'Senden', exact: true }).click();
    const sendWait = app.getByTestId('send-wait');
    await expect(sendWait).toBeVisible();
    await sendWait.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(app.locator('[data-error-code="operationCancelled"]')).toBeVisible();
    // kept in the Postausgang as failed (cancelled), never sent later on its own
    await app.getByRole('tab', { name: 'Postausgang' }).click();
    await expect(app.getByTestId('outbox-table').locator('tr[data-state="failed"]')).toHaveCount(1);
  } finally {
    if (timeout === undefined) delete process.env.OPOS_MAIL_SMTP_TIMEOUT_MS;
    else process.env.OPOS_MAIL_SMTP_TIMEOUT_MS = timeout;
    await silent.close();
  }
});

test('keyboard: Ctrl+S saves, Escape closes, a template leaves the focus on the name, arrows in the Postausgang', async ({
  app,
  host,
}) => {
  // Ctrl+S saves the profile form
  await app.getByLabel('Absendername').fill('Buchhaltung Muster');
  await app.keyboard.press('Control+s');
  await expect
    .poll(async () => (await host.service.profiles.get('Testpostfach')).fromName)
    .toBe('Buchhaltung Muster');
  await expect(app.getByRole('button', { name: 'Speichern' })).toBeDisabled();

  // Escape closes the template picker; after a template the focus is on the new profile's name
  await app.getByRole('button', { name: 'Neu …' }).click();
  await expect(app.getByTestId('template-picker')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('template-picker')).toBeHidden();
  await app.getByRole('button', { name: 'Neu …' }).click();
  await app
    .getByTestId('template-picker')
    .getByRole('button', { name: /^Testpostfach/ })
    .click();
  await expect(app.locator('#f-name')).toBeFocused();
  expect(await app.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await app.getByRole('button', { name: 'Abbrechen' }).click();

  // three messages in the Postausgang: arrow keys move, Enter opens
  for (const n of [1, 2, 3])
    await host.service.send(
      { to: ['kunde@example.org'], subject: `Mahnung ${n}`, text: 'x' },
      'Testpostfach',
    );
  await app.getByRole('tab', { name: 'Postausgang' }).click();
  // newest first
  const first = app.getByRole('button', { name: /Einzelheiten zu „Mahnung 3“/ });
  await first.focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('button', { name: /Einzelheiten zu „Mahnung 1“/ })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(app.getByRole('button', { name: /Einzelheiten zu „Mahnung 2“/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: /Einzelheiten zu „Mahnung 2“/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(app.getByRole('main')).toBeVisible(); // the main landmark is kept
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'postausgang');
});

test('a long batch result: keyboard-focusable table, no serious or moderate axe findings', async ({
  app,
  host,
}) => {
  host.nextManifest = manifest(batchDir(), 30);
  await app.getByRole('tab', { name: 'Mahnlauf' }).click();
  await app.getByRole('button', { name: 'Versandliste: Auswählen …' }).click();
  await expect(app.getByTestId('batch-check-ok')).toBeVisible();
  await app.getByLabel(/^Probelauf/).check();
  await app.getByRole('button', { name: 'Probelauf starten' }).click();
  const run = app.getByTestId('batch-run');
  await expect(run.getByRole('heading')).toHaveText(/Der Probelauf ist beendet/, { timeout: 30_000 });
  await expect(run.getByTestId('batch-lines').locator('tbody tr')).toHaveCount(30);
  // a Probelauf sent nothing: its messages are "im Testpostfach abgelegt", never "gesendet"
  await expect(run.getByTestId('batch-counts')).toContainText('Abgelegt');
  await expect(run.getByTestId('batch-counts')).not.toContainText('Gesendet');
  await expect(run.locator('tr[data-row="1"]')).toContainText('im Testpostfach abgelegt');
  await expect(run.getByTestId('batch-lines')).not.toContainText('stored ');
  const scroll = run.getByTestId('batch-lines-scroll');
  await scroll.focus();
  await expect(scroll).toBeFocused();
  // the button bar stays in view while the content scrolls
  await expect(app.getByRole('button', { name: 'Probelauf starten' })).toBeInViewport();
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'mahnlauf-langes-ergebnis');
  await app.getByRole('tab', { name: 'Verbindung' }).click();
  await expectNoModerateA11yViolations(app);
  await atSizes(app, 'verbindung');
});

test('port and security follow each other; a wrong port is refused at the field; the last profile cannot be deleted', async ({
  app,
  host,
}) => {
  // only the Testpostfach: Löschen is disabled, not a click that ends in an error
  await expect(app.getByRole('button', { name: 'Löschen' })).toBeDisabled();

  await smtpProfile(app, host, 0);
  const port = app.getByLabel('Port');
  await app.getByLabel('Sicherheit').selectOption('StartTls');
  await expect(port).toHaveValue('587');
  await app.getByLabel('Sicherheit').selectOption('SslOnConnect');
  await expect(port).toHaveValue('465');
  await expect(app.getByTestId('port-warning')).toHaveCount(0);
  await port.fill('587');
  await expect(app.getByTestId('port-warning')).toContainText('Port 587 passt nicht zu SslOnConnect');

  for (const bad of ['abc', '70000', '0']) {
    await port.fill(bad);
    await expect(port).toHaveValue(bad); // as typed, never clamped
    await expect(app.getByText('Bitte eine ganze Zahl von 1 bis 65535 eingeben.')).toBeVisible();
    await expect(port).toHaveAttribute('aria-invalid', 'true');
  }
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByText('Bitte korrigieren Sie die markierten Felder.')).toBeVisible();
  expect((await host.service.profiles.get('Hausbank SMTP')).port).toBe(0);
  await port.fill('2525');
  await app.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(async () => (await host.service.profiles.get('Hausbank SMTP')).port).toBe(2525);
  await expect(app.getByRole('button', { name: 'Löschen' })).toBeEnabled();
});
