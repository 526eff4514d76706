// Browser tests of the desktop dialog in Debian's Chromium (never `npx playwright install`), against
// the built renderer (npx electron-vite build) with the real core behind the test host.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium.js';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    locale: 'de-DE',
    viewport: { width: 1200, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'off',
    actionTimeout: 10_000,
  },
});
