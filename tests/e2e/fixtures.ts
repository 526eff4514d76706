// Playwright fixtures: a fresh data folder and test host per test (real core, real keychain from
// scripts/with-keyring.sh), the page wired to it, and a real STARTTLS SMTP server with its own CA.
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { OAuthService } from '../../src/main/oauth/oauth-service.js';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { openScope, outerScope, removeDir, tempDir, withScope } from '../helpers/cleanup.js';
import { smtpError, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { installBridge } from './host/bridge-client.js';
import { PAGE_METHODS, startHost, type TestHost } from './host/host.js';

export const SMTP_USER = 'buchhaltung@muster.example';
export const SMTP_PASSWORD = 'Geheim-2026!';

let ca: TestCa | undefined;
/** One test CA per worker: its folder goes when the worker ends, not with the test that first used it. */
export function testCa(): TestCa {
  return (ca ??= withScope(outerScope, () => {
    outerScope.defer(() => (ca = undefined));
    return createTestCa();
  }));
}

interface WorkerFixtures {
  /** Removes what was made outside a test (beforeAll, the worker's CA) when the worker ends. */
  workerCleanup: void;
}

interface Fixtures {
  /** Removes every temporary folder the test made (tempDir) when it ends, passed or failed. */
  testCleanup: void;
  /** Give the core the real OAuth sign-in (src/main/oauth); off by default ("not available" path). */
  withOAuth: boolean;
  /** URLs the core asked the system browser to open (test double of shell.openExternal). */
  browserUrls: string[];
  host: TestHost;
  smtp: TestSmtpServer & { caFile: string };
  app: Page;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  workerCleanup: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use();
      await outerScope.close();
    },
    { scope: 'worker', auto: true },
  ],
  // set up before the other fixtures, so torn down after them (the host, the servers have stopped)
  testCleanup: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const scope = openScope();
      await use();
      await scope.close();
    },
    { auto: true },
  ],
  withOAuth: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  browserUrls: async ({}, use) => {
    await use([]);
  },
  host: async ({ withOAuth, browserUrls }, use) => {
    const dataFolder = tempDir('opos-e2e-');
    const host = await startHost({
      dataFolder,
      ...(withOAuth
        ? {
            oauth: (service, guard) =>
              new OAuthService({
                dataFolder: service.dataFolder,
                secrets: service.secrets,
                language: 'de',
                timeoutMs: 30_000,
                // the system browser: the URL is handed to the test, which signs in with Chromium
                openBrowser: guard.wrap((url) => {
                  browserUrls.push(url);
                  return Promise.resolve();
                }),
              }),
          }
        : {}),
    });
    await use(host);
    await host.close();
    removeDir(dataFolder);
  },
  // eslint-disable-next-line no-empty-pattern
  smtp: async ({}, use) => {
    const c = testCa();
    const server = await startSmtpServer({
      mode: 'starttls',
      tls: c.issue('smtp', ['localhost', '127.0.0.1']),
      users: { [SMTP_USER]: SMTP_PASSWORD },
      size: 10 * 1024 * 1024,
      // a mailbox that does not exist, for the error path
      onRcpt: (address) =>
        address.startsWith('unbekannt@')
          ? smtpError(550, '5.1.1 <' + address + '>: User unknown')
          : undefined,
    });
    await use(Object.assign(server, { caFile: c.caFile }));
    await server.close();
  },
  app: async ({ page, host }, use) => {
    // nothing may leave the machine: abort every request that is not to the loopback host
    await page.route(/.*/, (route) => {
      const u = new URL(route.request().url());
      return u.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    await page.addInitScript(installBridge, PAGE_METHODS);
    await page.goto(host.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await use(page);
  },
});

export { expect };

export const SCREENSHOTS = path.resolve('artifacts/screenshots');
/** A German screenshot of the current state; modal dialogs are taken as the window shows them. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const modal = await page.locator('dialog[open]').count();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: modal === 0 });
}
