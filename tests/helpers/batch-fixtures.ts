// Fixtures for outbox and batch tests: a data folder with an SMTP profile for a loopback server, PDFs
// of any size, manifests.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, tempHome } from './cli.js';
import { tempDir } from './temp.js';

/** Retries fast in tests; production waits 10 s, 20 s, 40 s … */
export const FAST_RETRY = { OPOS_MAIL_RETRY_BASE_MS: '20' };

export async function smtpHome(port: number, extra: string[] = []): Promise<string> {
  const home = tempHome('opos-batch-');
  const r = await runCli(
    [
      'profile',
      'add',
      'Firma',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--security',
      'None',
      '--from',
      'buchhaltung@firma.example',
      '--use',
      ...extra,
    ],
    { home },
  );
  expect(r.code, r.stderr).toBe(0);
  return home;
}

/** A fresh folder for manifests and PDFs, removed when the test (or file) ends. */
export function workDir(prefix = 'opos-manifest-'): string {
  return tempDir(prefix);
}

/** A real PDF header followed by `size` bytes in all: random content, so nothing compresses it away. */
export function writePdf(file: string, size: number): string {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const body = randomBytes(Math.max(0, size - head.length - tail.length));
  writeFileSync(file, Buffer.concat([head, body, tail]));
  return file;
}

/** A `;` CSV (UTF-8) with one row per reference R-1 … R-n, all attaching `pdf`. */
export function writeManifest(dir: string, n: number, pdf: string, name = 'lauf.csv'): string {
  const lines = ['Empfänger;Betreff;Text;Anhänge;Art;Referenz;Name'];
  for (let i = 1; i <= n; i++)
    lines.push(
      `kunde${i}@example.org;Mahnung {{Referenz}};Sehr geehrte/r {{Name}};${path.basename(pdf)};mahnung;R-${i};Kunde ${i}`,
    );
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}
