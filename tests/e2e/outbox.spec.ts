// The "Postausgang" view with the real core and a real SMTP server that misbehaves on purpose
// (tests/helpers/faulty-smtp.ts): a sent message with its proof (server reply, Message-ID, SHA-256 of
// the PDF), a recipient refused with 550 (failed, with the server's reason), a connection dropped after
// the whole message arrived (unknown); retry of the failed one, the resend-unknown decision, the
// stored copy opened through the platform hook, and the journal exported as CSV through the save dialog.
// Test doubles: only the platform hooks (save dialog answers host.nextSaveFile, openPath records).
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cleanup.js';
import { startFaultySmtpServer, type FaultySmtpServer } from '../helpers/faulty-smtp.js';
import { expectNoSeriousA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';

const SAMPLE_PDF = path.resolve('assets/sample-mahnung.pdf');

let server: FaultySmtpServer;
let refuseUnknownMailbox = true;
test.beforeEach(async () => {
  refuseUnknownMailbox = true;
  server = await startFaultySmtpServer({
    keepRaw: true,
    onRcpt: (a) =>
      refuseUnknownMailbox && a.startsWith('unbekannt@')
        ? { code: 550, text: '5.1.1 <' + a + '>: User unknown' }
        : undefined,
    // the second message that reaches DATA arrives completely, then the line goes dead: unknown
    onData: (n) => (n === 2 ? 'drop-after' : 'accept'),
  });
});
test.afterEach(async () => {
  await server.close();
});

test('the journal shows sent, failed and unknown messages; retry, resend-unknown, open, export', async ({
  app,
  host,
}) => {
  await host.service.addProfile({
    name: 'Hausbank SMTP',
    connection: 'smtp',
    host: '127.0.0.1',
    port: server.port,
    security: 'None',
    fromAddress: 'buchhaltung@muster.example',
    fromName: 'Muster GmbH Buchhaltung',
  });
  await host.service.profiles.use('Hausbank SMTP');
  const sent = await host.service.send({
    to: ['kunde@empfaenger.example'],
    subject: 'Mahnung 2026-0815',
    text: 'Bitte zahlen Sie.',
    kind: 'mahnung',
    reference: 'D-10045',
    attachments: [{ path: SAMPLE_PDF, filename: 'Mahnung 2026-0815.pdf' }],
  });
  await expect(
    host.service.send({
      to: ['unbekannt@empfaenger.example'],
      subject: 'Zahlungsavis 77',
      kind: 'zahlungsavis',
    }),
  ).rejects.toMatchObject({ code: 'recipientsRejected' });
  await expect(
    host.service.send({ to: ['kunde2@empfaenger.example'], subject: 'Mahnung 2026-0999', kind: 'mahnung' }),
  ).rejects.toMatchObject({ code: 'sendOutcomeUnknown' });

  await app.getByRole('tab', { name: 'Postausgang' }).click();
  const table = app.getByTestId('outbox-table');
  const rowOf = (subject: string) => table.locator('tbody tr', { hasText: subject });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(rowOf('Mahnung 2026-0815')).toHaveAttribute('data-state', 'sent');
  await expect(rowOf('Mahnung 2026-0815')).toContainText('gesendet');
  await expect(rowOf('Zahlungsavis 77')).toHaveAttribute('data-state', 'failed');
  await expect(rowOf('Zahlungsavis 77')).toContainText('fehlgeschlagen');
  await expect(rowOf('Mahnung 2026-0999')).toHaveAttribute('data-state', 'unknown');

  // the proof of sending of the sent one
  const detail = app.getByTestId('outbox-detail');
  await app.getByRole('button', { name: 'Einzelheiten zu „Mahnung 2026-0815“' }).click();
  await expect(detail).toContainText('Ok: queued as Q1');
  await expect(detail).toContainText(sent.messageId);
  await expect(detail).toContainText('D-10045');
  const sha = createHash('sha256').update(readFileSync(SAMPLE_PDF)).digest('hex');
  await expect(detail).toContainText(`SHA-256 ${sha}`);
  await expect(detail.getByRole('button', { name: 'Erneut senden' })).toHaveCount(0);
  await screenshot(app, '16-postausgang-gesendet');
  await expectNoSeriousA11yViolations(app);

  // the stored copy: the hook gets a .eml inside the data folder's outbox, never a renderer path
  await detail.getByRole('button', { name: 'Gespeicherte Kopie öffnen' }).click();
  await expect(app.getByTestId('outbox-notice')).toHaveText(
    'Die gespeicherte Kopie wurde mit dem E-Mail-Programm geöffnet.',
  );
  expect(host.opened).toHaveLength(1);
  const outboxDir = path.join(realpathSync(host.service.dataFolder), 'outbox') + path.sep;
  expect(host.opened[0]!.startsWith(outboxDir)).toBe(true);
  expect(readFileSync(host.opened[0]!).equals(server.accepted[0]!.raw)).toBe(true);

  // the failed one: the server's reason, then a retry that goes through
  await app.getByRole('button', { name: 'Einzelheiten zu „Zahlungsavis 77“' }).click();
  await expect(detail).toContainText('550 5.1.1 <unbekannt@empfaenger.example>: User unknown');
  await expect(detail).toContainText('Der Server hat Empfänger abgelehnt');
  await screenshot(app, '17-postausgang-fehlgeschlagen');
  refuseUnknownMailbox = false;
  await detail.getByRole('button', { name: 'Erneut senden' }).click();
  await expect(rowOf('Zahlungsavis 77')).toHaveAttribute('data-state', 'sent');
  await expect(detail).toContainText('Ok: queued as Q2');
  expect(server.accepted.map((m) => m.subject)).toEqual(['Mahnung 2026-0815', 'Zahlungsavis 77']);

  // unknown: only after the user confirmed that the server may already have it
  await app.getByRole('button', { name: 'Einzelheiten zu „Mahnung 2026-0999“' }).click();
  await expect(detail).toContainText('Der Server hat sie vielleicht angenommen');
  await detail.getByRole('button', { name: 'Erneut senden …' }).click();
  const confirm = app.getByTestId('confirm-resend-unknown');
  await expect(confirm).toContainText('möglicherweise schon angenommen');
  await screenshot(app, '18-postausgang-unbekannt-bestaetigen');
  await expectNoSeriousA11yViolations(app);
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(rowOf('Mahnung 2026-0999')).toHaveAttribute('data-state', 'unknown');
  expect(server.accepted).toHaveLength(2);
  await detail.getByRole('button', { name: 'Erneut senden …' }).click();
  await confirm.getByRole('button', { name: 'Trotzdem erneut senden' }).click();
  await expect(rowOf('Mahnung 2026-0999')).toHaveAttribute('data-state', 'sent');
  expect(server.accepted.map((m) => m.subject)).toEqual([
    'Mahnung 2026-0815',
    'Zahlungsavis 77',
    'Mahnung 2026-0999',
  ]);
  // the same Message-ID as the first attempt: the recipient's system can spot a duplicate
  expect(server.accepted[2]!.messageId).toBe(server.droppedAfterData[0]!.messageId);

  // filter by state
  await app.getByLabel('Status', { exact: true }).selectOption('sent');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await app.getByLabel('Status', { exact: true }).selectOption('failed');
  await expect(app.getByTestId('outbox-empty')).toContainText(
    'Keine Nachricht passt zu den gewählten Filtern',
  );
  await app.getByLabel('Status', { exact: true }).selectOption('');

  // export: the save dialog (test double) answers with a path; the core's journalCsv writes it
  const target = path.join(tempDir('opos-export-'), 'journal.csv');
  host.nextSaveFile = target;
  await app.getByRole('button', { name: 'Journal exportieren (CSV) …' }).click();
  await expect(app.getByTestId('outbox-notice')).toContainText('Das Versandjournal wurde gespeichert');
  expect(host.proposedSaveName).toMatch(/^Versandjournal-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(target);
  expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]!.split(';')).toContain('Message-ID');
  expect(lines).toHaveLength(4);
  const sentLine = lines.find((l) => l.includes(sent.messageId));
  expect(sentLine).toBeDefined();
  expect(sentLine).toContain(';gesendet;');
  expect(sentLine).toContain(sha);
  await screenshot(app, '19-postausgang-export');
});

test('a message put into the Testpostfach says so in the Postausgang, not "gesendet"', async ({
  app,
  host,
}) => {
  // a fresh data folder's active profile is the Testpostfach
  await host.service.send({ to: ['kunde@empfaenger.example'], subject: 'Probe 1', kind: 'mahnung' });
  await app.getByRole('tab', { name: 'Postausgang' }).click();
  const row = app.getByTestId('outbox-table').locator('tbody tr', { hasText: 'Probe 1' });
  await expect(row).toContainText('im Testpostfach abgelegt');
  await expect(row).not.toContainText('gesendet');
  await app.getByRole('button', { name: 'Einzelheiten zu „Probe 1“' }).click();
  const detail = app.getByTestId('outbox-detail');
  await expect(detail).toContainText('im Testpostfach abgelegt');
  await expect(detail).toContainText(/\.eml/);
  await expect(detail).not.toContainText('stored ');
});
