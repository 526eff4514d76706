// The Postausgang with a long history, against the real core (SQLite outbox) through the test host:
// pages of 100 newest first with the page buttons, filters by state and by period (von/bis), the
// search over reference, recipient and subject, the worded empty and no-match states, arrow keys and
// Enter in the table; a message queued by a separate `opos-mail` process appears without reloading
// (the core's change notification, no polling); and "Alte Nachrichten löschen" behind its
// confirmation: the count before deleting, Abbrechen deletes nothing, the six-year refusal with the
// reason and the explicit override. axe (no moderate or worse) in each state.
// Test doubles: only the test host's platform hooks; the messages are stored by the real OutboxStore.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { deferCleanup, endProcess } from '../helpers/cleanup.js';
import type { TestHost } from './host/host.js';
import { expectNoModerateA11yViolations } from './a11y.js';
import { expect, screenshot, test } from './fixtures.js';

const BIN = path.resolve('bin/opos-mail.js');
const YEAR = 365.25 * 24 * 3600_000;
const ref = (i: number) => `R-${String(i).padStart(4, '0')}`;

/**
 * Stores `count` messages through the real outbox store: R-0001 … R-nnnn, each to kunde<i>@…; every
 * tenth failed, every third of the others sent, the rest still queued. `at(i)`, when given, moves a
 * message's creation and journal time (as if it had happened then). Returns the stored copies' paths.
 */
async function seed(
  host: TestHost,
  count: number,
  at?: (i: number) => Date | undefined,
): Promise<Record<string, string>> {
  const store = host.service.outbox.store;
  const profile = await host.service.profiles.get('Testpostfach');
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const l = await store.enqueue(profile, {
      to: [`kunde${i}@empfaenger.example`],
      subject: `Mahnung ${ref(i)}`,
      reference: ref(i),
      kind: 'mahnung',
    });
    files[ref(i)] = l.path;
    const when = at?.(i);
    if (i % 10 === 0 || i % 3 === 0 || when) {
      const claimed = (await store.claim(l))!;
      if (i % 10 === 0) await store.transition(claimed, 'failed', { attempts: 1 });
      else
        await store.transition(claimed, 'sent', {
          attempts: 1,
          response: '250 Ok',
          sentAt: (when ?? new Date()).toISOString(),
        });
    }
    if (when) {
      const { db } = await store.connection();
      db.prepare('UPDATE messages SET created_at = ?, journal_time = ? WHERE id = ?').run(
        when.toISOString(),
        when.toISOString(),
        l.record.id,
      );
    }
  }
  return files;
}

async function openOutbox(app: Page) {
  await app.getByRole('tab', { name: 'Postausgang' }).click();
  return app.getByTestId('outbox-table').locator('tbody tr');
}

/** The `outboxPage` queries the page made so far. */
const pageQueries = (host: TestHost) => host.calls.filter((c) => c === 'outboxPage').length;

test('pages of 100 newest first; state, period and search filters; keyboard', async ({ app, host }) => {
  test.setTimeout(180_000);
  // R-0001 … R-0020 were created in March 2025, the others now
  await seed(host, 230, (i) => (i <= 20 ? new Date(2025, 2, i, 10) : undefined));
  const rows = await openOutbox(app);
  const pageInfo = app.getByTestId('outbox-page');
  await expect(rows).toHaveCount(100);
  await expect(rows.first()).toContainText('R-0230');
  await expect(rows.last()).toContainText('R-0131');
  await expect(pageInfo).toHaveText('Seite 1 · Nachrichten 1–100, neueste zuerst');
  await expect(app.getByRole('button', { name: '← Neuere' })).toBeDisabled();
  await expectNoModerateA11yViolations(app);

  await app.getByRole('button', { name: 'Ältere →' }).click();
  await expect(pageInfo).toHaveText('Seite 2 · Nachrichten 101–200, neueste zuerst');
  await expect(rows.first()).toContainText('R-0130');
  await expect(rows).toHaveCount(100);
  await app.getByRole('button', { name: 'Ältere →' }).click();
  await expect(pageInfo).toHaveText('Seite 3 · Nachrichten 201–230, neueste zuerst');
  await expect(rows).toHaveCount(30);
  await expect(rows.last()).toContainText('R-0001');
  await expect(app.getByRole('button', { name: 'Ältere →' })).toBeDisabled();
  await screenshot(app, '20-postausgang-seiten');
  await app.getByRole('button', { name: 'Zu den neuesten' }).click();
  await expect(pageInfo).toHaveText('Seite 1 · Nachrichten 1–100, neueste zuerst');

  // keyboard: arrow keys move through the rows, Enter opens one
  await rows.first().getByRole('button').focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(rows.nth(2).getByRole('button')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('outbox-detail')).toContainText('R-0228');
  await expect(rows.nth(2)).toHaveClass(/selected/);

  // by state: every tenth failed (23), one page; the queued ones are there too
  const state = app.getByLabel('Status', { exact: true });
  await expect(state.locator('option')).toHaveText([
    'Alle',
    'wartet',
    'wird gesendet',
    'gesendet',
    'an das Mailprogramm übergeben',
    'fehlgeschlagen',
    'unbekannt',
    'teilweise zugestellt',
  ]);
  await state.selectOption('failed');
  await expect(rows).toHaveCount(23);
  await expect(rows.first()).toContainText('R-0230');
  for (const s of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))))
    expect(s).toBe('failed');
  await expect(pageInfo).toHaveCount(0); // one page: no page buttons
  await state.selectOption('handedOff');
  await expect(app.getByTestId('outbox-empty')).toContainText(
    'Keine Nachricht passt zu den gewählten Filtern (Status, Zeitraum, Suche).',
  );
  await expectNoModerateA11yViolations(app);
  await state.selectOption('');

  // by period: the 20 of March 2025, both days included
  await app.getByLabel('Erstellt ab').fill('2025-03-05');
  await app.getByLabel('Erstellt bis').fill('2025-03-07');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('R-0007');
  await expect(rows.last()).toContainText('R-0005');
  await app.getByLabel('Erstellt bis').fill('2025-03-01');
  await expect(app.getByRole('alert')).toContainText('„Erstellt ab“ liegt nach „Erstellt bis“');
  await app.getByRole('button', { name: 'Filter zurücksetzen' }).first().click();
  await expect(rows).toHaveCount(100);
  await expect(app.getByLabel('Erstellt ab')).toHaveValue('');

  // search: a reference, a recipient, a subject; typed, then queried once typing paused
  const search = app.getByLabel('Suchen');
  // shorter than three characters it says so and does not filter (it would read every message)
  await search.fill('42');
  await expect(app.getByRole('status').filter({ hasText: 'Gesucht wird ab 3 Zeichen.' })).toBeVisible();
  await app.waitForTimeout(600); // past the typing pause: still no query
  await expect(rows).toHaveCount(100);
  await search.fill('R-0042');
  await expect(app.getByText('Gesucht wird ab 3 Zeichen.')).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('kunde42@empfaenger.example');
  await search.fill('kunde17@');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('R-0017');
  await search.fill('Mahnung R-02');
  await expect(rows).toHaveCount(31); // R-0200 … R-0230
  await state.selectOption('failed');
  await expect(rows).toHaveCount(4); // R-0200, R-0210, R-0220, R-0230
  await search.fill('gibt es nicht');
  await expect(app.getByTestId('outbox-empty')).toBeVisible();
  await screenshot(app, '21-postausgang-keine-treffer');
  await app.getByTestId('outbox-empty').getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(rows).toHaveCount(100);
  await expect(search).toHaveValue('');
});

test('an empty outbox says so; a message queued by a separate CLI process appears without reload', async ({
  app,
  host,
}) => {
  const rows = await openOutbox(app);
  await expect(app.getByTestId('outbox-empty')).toHaveText(
    'Der Postausgang ist leer. Gesendete Nachrichten erscheinen hier mit ihrem Versandnachweis.',
  );
  await expectNoModerateA11yViolations(app);
  // nothing changes: nothing is queried again (no polling)
  const before = pageQueries(host);
  await app.waitForTimeout(2500);
  expect(pageQueries(host)).toBe(before);

  // another process on the same data folder: `opos-mail send` through the Testpostfach
  const child = spawn(
    process.execPath,
    [
      BIN,
      'send',
      '--profile',
      'Testpostfach',
      '--to',
      'kunde@empfaenger.example',
      '--subject',
      'Mahnung aus der Kommandozeile',
      '--reference',
      'CLI-1',
      '--json',
    ],
    { env: { ...process.env, OPOS_MAIL_HOME: host.service.dataFolder, LANG: 'de_DE.UTF-8' } },
  );
  deferCleanup(() => endProcess(child));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderr).toBe(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Mahnung aus der Kommandozeile');
  await expect(rows.first()).toHaveAttribute('data-state', 'sent');
  await expect(app.getByTestId('outbox-empty')).toHaveCount(0);
});

test('old messages are deleted only after the confirmation; the six-year refusal and its override', async ({
  app,
  host,
}) => {
  test.setTimeout(120_000);
  // R-0001 … R-0003 sent seven years ago, R-0006 sent now, R-0004 and R-0005 still queued
  const files = await seed(host, 6, (i) => (i <= 3 ? new Date(Date.now() - 7 * YEAR) : undefined));
  const rows = await openOutbox(app);
  await expect(rows).toHaveCount(6);

  // the dialog proposes the day six years back and counts what it would delete
  await app.getByRole('button', { name: 'Alte Nachrichten löschen …' }).click();
  const dialog = app.getByTestId('outbox-prune');
  const preview = dialog.getByTestId('prune-preview');
  await expect(preview).toContainText('3 gespeicherte Kopien werden gelöscht.');
  await expect(preview).toContainText('Das Journal (der Versandnachweis) bleibt erhalten.');
  await dialog.getByLabel(/Auch die Journalzeilen löschen/).check();
  await expect(preview).toContainText('3 Journalzeilen werden gelöscht.');
  await screenshot(app, '22-postausgang-loeschen-bestaetigen');
  await expectNoModerateA11yViolations(app);
  // Abbrechen deletes nothing
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toHaveCount(0);
  for (const f of Object.values(files)) expect(existsSync(f)).toBe(true);
  expect(await host.service.outbox.list()).toHaveLength(6);

  // with the journal: the three old ones go, files and rows
  await app.getByRole('button', { name: 'Alte Nachrichten löschen …' }).click();
  await dialog.getByLabel(/Auch die Journalzeilen löschen/).check();
  await expect(preview).toContainText('3 Journalzeilen werden gelöscht.');
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('outbox-notice')).toContainText(
    'Gelöscht: 3 gespeicherte Nachricht(en) und 3 Journalzeile(n)',
  );
  await expect(rows).toHaveCount(3);
  for (const i of [1, 2, 3]) expect(existsSync(files[ref(i)]!)).toBe(false);
  for (const i of [4, 5, 6]) expect(existsSync(files[ref(i)]!)).toBe(true);

  // a day less than six years back: refused with the reason, until the user overrides it explicitly
  await app.getByRole('button', { name: 'Alte Nachrichten löschen …' }).click();
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await dialog.getByLabel('Gesendet vor dem').fill(day);
  const refusal = dialog.getByTestId('prune-too-recent');
  await expect(refusal).toContainText('HGB § 257 und AO § 147 (GoBD)');
  await expect(refusal).toContainText('weniger als sechs Jahre zurück');
  await expect(preview).toContainText('1 gespeicherte Kopie wird gelöscht.'); // R-0006; queued ones never
  const confirm = dialog.getByRole('button', { name: 'Endgültig löschen' });
  await expect(confirm).toBeDisabled();
  await screenshot(app, '23-postausgang-loeschen-sechs-jahre');
  await expectNoModerateA11yViolations(app);
  await refusal.getByLabel(/Trotzdem löschen/).check();
  await confirm.click();
  await expect(app.getByTestId('outbox-notice')).toContainText(
    'Gelöscht: 1 gespeicherte Nachricht(en) und 0 Journalzeile(n)',
  );
  expect(existsSync(files[ref(6)]!)).toBe(false);
  for (const i of [4, 5]) expect(existsSync(files[ref(i)]!)).toBe(true); // queued: never touched
  await expect(rows).toHaveCount(3); // the journal rows stay

  // the main process refuses the same without the override, whatever the window sends
  const refused = await host.handlers.outboxPrune({ before: day });
  expect(refused).toMatchObject({ ok: false, error: { code: 'pruneTooRecent' } });
  const bad = await host.handlers.outboxPrune({ before: '2026-02-30', force: true });
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalidOption' } });
});
