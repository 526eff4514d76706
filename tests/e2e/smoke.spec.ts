import { expect, test } from './fixtures.js';

test('the dialog opens in German with the Testpostfach active', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'OPOS Mail – E-Mail-Versand' })).toBeVisible();
  await expect(app.getByRole('button', { name: /Testpostfach/ })).toContainText('aktiv');
});
