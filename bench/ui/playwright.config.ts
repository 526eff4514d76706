// `npm run bench:ui`: measures the desktop dialog in Debian's Chromium (not part of the test suite;
// figures go to the console and artifacts/bench-ui.json).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.js';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'ui-load.bench.ts',
  workers: 1,
});
