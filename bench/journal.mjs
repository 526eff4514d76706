// npm run bench:journal — the journal and the outbox with years of history. A measurement, not a test.
// Fills a data folder with 1,000,000 synthetic messages (BENCH_ENTRIES to change; records as the outbox
// writes them, spread over ten years, no sending and no stored copies), then measures in the same run:
//   - the Postausgang's first page (100 newest) and filtered pages (state failed, a reference, a
//     recipient, the free-text search: rare, and in every message), in-process through
//     OutboxStore.query (median of 20);
//   - `opos-mail outbox list --state failed --json` and `journal --since <30 days ago> --json` end to
//     end (a new process each, Node's start included; median of 3);
//   - `opos-mail journal --csv --output FILE` over every entry: rows/s and peak RSS (/usr/bin/time).
// Prints each figure beside its target, and for the CLI also the CPU time (on a loaded machine the
// wall time mostly measures waiting for a core). Needs the build (npm run build:node; the script runs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_ENTRIES || 1_000_000);
const BIN = path.join(root, 'bin/opos-mail.js');
const load = (p) => import(pathToFileURL(path.join(root, 'out/node', p)).href);
const { OutboxStore } = await load('main/outbox/outbox-store.js');
const { insertMessage } = await load('main/outbox/db/rows.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'opos-bench-journal-'));
// BENCH_KEEP=1 keeps the filled data folder (its path is printed) for profiling
if (!process.env.BENCH_KEEP) process.on('exit', () => rmSync(work, { recursive: true, force: true }));
else console.error(`data folder: ${path.join(work, 'home')}`);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(130));
const home = path.join(work, 'home');

// --- fill: 1% failed, 0.2% unknown, 0.1% queued, the rest sent; 10 years, oldest first
const TEN_YEARS = 10 * 365.25 * 24 * 3600_000;
const start = Date.now() - TEN_YEARS;
const stateOf = (i) =>
  i % 100 === 7 ? 'failed' : i % 500 === 11 ? 'unknown' : i % 1000 === 999 ? 'queued' : 'sent';
const sha = 'a'.repeat(64);
function record(i) {
  const at = new Date(start + (i / N) * TEN_YEARS).toISOString();
  const state = stateOf(i);
  const to = [`kunde${i % 50_000}@example.org`];
  const draft = {
    from: { address: 'buchhaltung@firma.example', name: 'Firma GmbH' },
    to,
    cc: [],
    bcc: [],
    replyTo: [],
    subject: `Mahnung R-${i}`,
    text: `Sehr geehrte Damen und Herren,\r\nleider ist die Rechnung R-${i} noch offen.`,
    attachments: [{ path: `/daten/mahnungen/R-${i}.pdf`, filename: `Mahnung-R-${i}.pdf`, size: 48_213 }],
    kind: 'mahnung',
    reference: `R-${i}`,
  };
  const history = [{ at, state: 'queued' }];
  if (state !== 'queued')
    history.push({ at, state, ...(state === 'sent' ? { response: '250 2.0.0 Ok' } : {}) });
  return {
    state,
    record: {
      v: 1,
      rev: state === 'queued' ? 1 : 3,
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      profileId: 'profile-0001',
      profileName: 'Firma',
      transport: 'smtp',
      from: draft.from.address,
      to,
      cc: [],
      bcc: [],
      subject: draft.subject,
      kind: 'mahnung',
      reference: draft.reference,
      attachments: [{ filename: draft.attachments[0].filename, size: 48_213, sha256: sha }],
      messageId: `<${randomUUID()}@firma.example>`,
      size: 68_000,
      attempts: state === 'queued' ? 0 : 1,
      ...(state === 'sent'
        ? { response: '250 2.0.0 Ok: queued as 4XkQ', accepted: to, rejected: [], sentAt: at }
        : {}),
      ...(state === 'failed'
        ? {
            error: {
              code: 'rejected',
              category: 'rejected',
              exitCode: 5,
              params: {},
              response: '550 5.1.1 No such user',
            },
            response: '550 5.1.1 No such user',
          }
        : {}),
      batch: { scope: `/daten/lauf-${at.slice(0, 7)}.csv`, key: draft.reference, row: (i % 3000) + 1 },
      history,
      eml: '',
      draft,
    },
  };
}

const store = new OutboxStore(home);
const outboxDb = await store.connection();
let t = performance.now();
const CHUNK = 20_000;
for (let i = 0; i < N; i += CHUNK) {
  outboxDb.transaction((db) => {
    for (let j = i; j < Math.min(N, i + CHUNK); j++) {
      const { state, record: r } = record(j);
      r.eml = `messages/${r.id}.eml`;
      insertMessage(db, r, state, r.eml);
    }
  });
  if ((i / CHUNK) % 10 === 0) process.stderr.write(`\rfilling … ${i + CHUNK}/${N}`);
}
await outboxDb.durable();
const fillS = (performance.now() - t) / 1000;
process.stderr.write('\n');
// the search index is filled in bulk, as at the end of every batch and outbox run (db/search-index.ts)
t = performance.now();
await store.indexSearch();
const indexS = (performance.now() - t) / 1000;
const dbFile = path.join(home, 'outbox/outbox.db');
outboxDb.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');

// --- pages in-process
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function page(q) {
  const times = [];
  let n = 0;
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    n = 0;
    for await (const _ of store.query({ view: 'outbox', limit: 100, ...q }, true)) n++;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), n };
}
const someRef = `R-${Math.floor(N / 3)}`;
const someTo = `kunde${Math.floor(N / 3) % 50_000}@example.org`;
const pages = {
  'first page (100 newest)': await page({}),
  'page: state failed': await page({ state: 'failed' }),
  [`page: reference ${someRef}`]: await page({ reference: someRef }),
  [`page: recipient ${someTo}`]: await page({ to: someTo }),
  'page: search "R-4711"': await page({ search: 'R-4711' }),
  [`page: search "${someTo.slice(0, 12)}"`]: await page({ search: someTo.slice(0, 12) }),
  'page: search "Mahnung" (in every message)': await page({ search: 'Mahnung' }),
};
await store.close();

// --- the CLI end to end: wall time, and the CPU time of the process (user + system, from
// /usr/bin/time: on a loaded machine the wall time mostly measures waiting for a core)
function timedCli(args, withHome = true) {
  const t0 = performance.now();
  const where = withHome ? ['--home', home] : [];
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, BIN, ...args, ...where], {
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const [user, sys, rssKb] = r.stderr.toString().trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rssKb / 1024, stdout: r.stdout };
}
function cli(args) {
  const runs = [0, 1, 2].map(() => timedCli(args));
  const lines = runs[0].stdout.toString().split('\n').filter(Boolean).length;
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), lines };
}
const since = new Date(Date.now() - 30 * 24 * 3600_000).toISOString().slice(0, 10);
const failedList = cli(['outbox', 'list', '--state', 'failed', '--json']);
const journalSince = cli(['journal', '--since', since, '--json']);

// --- the CSV export of everything, with its peak RSS
const csv = path.join(work, 'journal.csv');
const exp = timedCli(['journal', '--csv', '--output', csv]);
const exportS = exp.ms / 1000;
const rssMb = exp.rssMb;
const exported = Number(execFileSync('wc', ['-l', csv]).toString().trim().split(' ')[0]) - 1;
const bare = timedCli(['--version'], false); // Node's and the CLI's start alone
const node = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, '-e', '0']);
const nodeCpuMs =
  node.stderr
    .toString()
    .trim()
    .split(' ')
    .map(Number)
    .reduce((a, b) => a + b, 0) * 1000;
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rows = [
  ['what', 'measured', 'target'],
  [
    'fill',
    `${fmt(N, 0)} entries in ${fmt(fillS)} s (${fmt(N / fillS, 0)}/s), database ${fmt(statSync(dbFile).size / 2 ** 20, 0)} MB`,
    '',
  ],
  ['search index, in bulk', `${fmt(N, 0)} entries in ${fmt(indexS)} s (${fmt(N / indexS, 0)}/s)`, ''],
  ...Object.entries(pages).map(([k, v]) => [k, `${fmt(v.ms, 2)} ms (${v.n} rows)`, '< 20 ms']),
  ['node -e 0 (Node alone)', `CPU ${fmt(nodeCpuMs, 0)} ms`, ''],
  ['opos-mail --version (start only)', `${fmt(bare.ms, 0)} ms, CPU ${fmt(bare.cpuMs, 0)} ms`, ''],
  [
    'outbox list --state failed --json',
    `${fmt(failedList.ms, 0)} ms, CPU ${fmt(failedList.cpuMs, 0)} ms (${fmt(failedList.lines, 0)} lines)`,
    '< 500 ms',
  ],
  [
    `journal --since ${since} --json`,
    `${fmt(journalSince.ms, 0)} ms, CPU ${fmt(journalSince.cpuMs, 0)} ms (${fmt(journalSince.lines, 0)} lines)`,
    '< 500 ms',
  ],
  [
    'journal --csv (all)',
    `${fmt(exported / exportS, 0)} rows/s (${fmt(exported, 0)} rows in ${fmt(exportS)} s; by CPU time ${fmt(exported / (exp.cpuMs / 1000), 0)} rows/s)`,
    '≥ 100,000 rows/s',
  ],
  ['journal --csv peak RSS', `${fmt(rssMb, 0)} MB`, '< 150 MB'],
];
const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
if (!existsSync(csv)) process.exitCode = 1;
