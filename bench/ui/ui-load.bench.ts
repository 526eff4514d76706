// Time from page load to an interactive dialog (profiles loaded through the contract from the real
// core, form rendered, first field focusable), and the renderer bundle's size, raw and gzip.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from '../../tests/e2e/fixtures.js';
import { installBridge } from '../../tests/e2e/host/bridge-client.js';
import { PAGE_METHODS, RENDERER_DIR } from '../../tests/e2e/host/host.js';

const RUNS = 15;

test('load to interactive', async ({ page, host }) => {
  await page.route(/.*/, (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.addInitScript(installBridge, PAGE_METHODS);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(i === 0 ? host.url : `${host.url}?run=${i}`);
    // performance.now() counts from the navigation's start
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () => {
            const name = document.querySelector<HTMLInputElement>('#f-name');
            if (document.querySelector('.app[data-ready="true"]') && name) {
              name.focus();
              if (document.activeElement === name) return resolve(performance.now());
            }
            requestAnimationFrame(check);
          };
          check();
        }),
    );
    times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const assets = readdirSync(path.join(RENDERER_DIR, 'assets')).map((f) => {
    const bytes = readFileSync(path.join(RENDERER_DIR, 'assets', f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const figures = {
    loadToInteractiveMs: {
      first: Math.round(times[0]!),
      median: Math.round(median),
      min: Math.round(sorted[0]!),
      max: Math.round(sorted.at(-1)!),
      runs: RUNS,
    },
    bundle: {
      assets,
      totalRaw: assets.reduce((s, a) => s + a.raw, 0),
      totalGzip: assets.reduce((s, a) => s + a.gzip, 0),
    },
    browser: page.context().browser()?.version(),
  };
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/bench-ui.json', JSON.stringify(figures, null, 2) + '\n');
});
