// npm run bench:batch — batch sending speed. A measurement, not a test.
// N messages (default 1,000; BENCH_MESSAGES=10000 or `-- --messages 10000`), each with its own 200 KB
// PDF (a pool of 20 distinct files), to a cheap SMTP sink on loopback (bench/smtp-sink.mjs, its own
// process, discards the data):
//   1. through the product: a CSV manifest, MailService.runBatch — pre-check, rendering into the
//      durable outbox (fsync), claim, SMTP over the product's own transport, journal record;
//   2. the baseline: the same messages through plain pooled nodemailer, same connection count.
// Prints messages/s, MB/s on the wire, the ratio to the baseline, and peak RSS of the product's phase
// (it runs first, so the baseline cannot inflate it). Needs the build (npm run build:node).
// For finding where the time goes: BENCH_PRODUCT_ONLY=1 skips the baseline (and prints page faults,
// user and system CPU), BENCH_THREADS=1 prints the CPU of each thread of this process (Linux); with
// `node --cpu-prof bench/batch.mjs` each thread also writes a profile.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argIndex = process.argv.indexOf('--messages');
const N = Number(argIndex > 0 ? process.argv[argIndex + 1] : process.env.BENCH_MESSAGES || 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 2);
const PDF_SIZE = 200 * 1024;
const POOL = 20;

const { MailService } = await import(
  pathToFileURL(path.join(root, 'out/node/main/service/mail-service.js')).href
);
const { lowMemoryGc } = await import(pathToFileURL(path.join(root, 'out/node/cli/commands/batch.js')).href);
lowMemoryGc(); // as `opos-mail batch` does

// --- the sink, in its own process
const sink = fork(path.join(root, 'bench/smtp-sink.mjs'), [], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ask = (msg) =>
  new Promise((resolve) => {
    sink.once('message', resolve);
    if (msg) sink.send(msg);
  });
const { port } = await ask();

// --- data: PDFs and a manifest
const work = mkdtempSync(path.join(os.tmpdir(), 'opos-bench-batch-'));
// removed however the bench ends (an error, Ctrl-C)
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(128 + os.constants.signals[s]));
const home = path.join(work, 'home');
const pdfs = [];
for (let i = 0; i < POOL; i++) {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const file = path.join(work, `Mahnung-${i}.pdf`);
  writeFileSync(file, Buffer.concat([head, randomBytes(PDF_SIZE - head.length)]));
  pdfs.push(file);
}
const rows = ['to;subject;text;attachments;kind;reference;Name;Betrag'];
for (let i = 1; i <= N; i++)
  rows.push(
    `kunde${i}@example.org;Mahnung {{reference}};Sehr geehrte Damen und Herren ({{Name}}), offen sind {{Betrag}} EUR.;${path.basename(pdfs[i % POOL])};mahnung;R-${i};Kunde ${i};${(i * 1.23).toFixed(2)}`,
  );
const manifest = path.join(work, 'lauf.csv');
writeFileSync(manifest, rows.join('\r\n') + '\r\n');

function mb(bytes) {
  return bytes / (1024 * 1024);
}

// --- 1. the product
const service = new MailService({ dataFolder: home });
await service.addProfile({
  name: 'Bench',
  connection: 'smtp',
  host: '127.0.0.1',
  port,
  security: 'None',
  fromAddress: 'buchhaltung@firma.example',
});
await ask('reset');
// BENCH_THREADS=1: CPU per thread of this process (Linux), to see where the time goes
const threadCpu = () => {
  const out = new Map();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, { name, ticks: Number(f[11]) + Number(f[12]) });
    }
  } catch {
    // not Linux
  }
  return out;
};
const threads0 = threadCpu();
let cpu0 = process.cpuUsage();
let t0 = process.hrtime.bigint();
const report = await service.runBatch(manifest, { profileName: 'Bench', connections: CONNECTIONS });
const productSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const productCpu = process.cpuUsage(cpu0);
const productRssMb = process.resourceUsage().maxRSS / 1024;
const productStats = await ask('stats');
if (report.summary.sent !== N || productStats.messages !== N)
  throw new Error(
    `product run incomplete: ${JSON.stringify(report.summary)}, sink saw ${productStats.messages}`,
  );

// --- 2. the baseline: plain pooled nodemailer, same messages, same connection count
if (process.env.BENCH_THREADS === '1') {
  // threads are all called "node": told apart by id (the main thread's is the pid)
  const rows = [...threadCpu()].map(([tid, t]) => [
    tid === String(process.pid) ? 'main' : `thread ${tid}`,
    ((t.ticks - (threads0.get(tid)?.ticks ?? 0)) * 10) / N, // clock ticks of 10 ms
  ]);
  for (const [name, ms] of rows.sort((a, b) => b[1] - a[1]))
    if (ms > 0) console.log(`  ${name.padEnd(14)} ${ms.toFixed(2)} ms CPU per message`);
}
if (process.env.BENCH_PRODUCT_ONLY === '1') {
  // for profiling the product alone (node --cpu-prof bench/batch.mjs)
  console.log(
    `minor page faults per message: ${(process.resourceUsage().minorPageFault / N).toFixed(0)}, user ${(productCpu.user / 1000 / N).toFixed(2)} ms, sys ${(productCpu.system / 1000 / N).toFixed(2)} ms`,
  );
  console.log(
    `opos-mail: ${(N / productSeconds).toFixed(1)} msg/s, CPU ${((productCpu.user + productCpu.system) / 1000 / N).toFixed(2)} ms/msg, peak RSS ${productRssMb.toFixed(0)} MB`,
  );
  sink.send('stop');
  process.exit(0);
}
await ask('reset');
const transporter = nodemailer.createTransport({
  pool: true,
  maxConnections: CONNECTIONS,
  maxMessages: Infinity,
  host: '127.0.0.1',
  port,
  secure: false,
  ignoreTLS: true,
});
cpu0 = process.cpuUsage();
t0 = process.hrtime.bigint();
const sends = [];
for (let i = 1; i <= N; i++)
  sends.push(
    transporter.sendMail({
      from: 'buchhaltung@firma.example',
      to: `kunde${i}@example.org`,
      subject: `Mahnung R-${i}`,
      text: `Sehr geehrte Damen und Herren (Kunde ${i}), offen sind ${(i * 1.23).toFixed(2)} EUR.`,
      headers: { 'X-OPOS-Kind': 'mahnung', 'X-OPOS-Reference': `R-${i}` },
      attachments: [
        { filename: path.basename(pdfs[i % POOL]), path: pdfs[i % POOL], contentType: 'application/pdf' },
      ],
    }),
  );
await Promise.all(sends);
const baseSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const baseCpu = process.cpuUsage(cpu0);
transporter.close();
const baseStats = await ask('stats');

const productRate = N / productSeconds;
const baseRate = N / baseSeconds;
const line = (name, seconds, stats) =>
  `${name.padEnd(30)} ${(N / seconds).toFixed(1).padStart(8)} msg/s ${(mb(stats.bytes) / seconds).toFixed(1).padStart(8)} MB/s  (${seconds.toFixed(2)} s, ${mb(stats.bytes).toFixed(0)} MB on the wire)`;
console.log(
  `${N} messages, ${PDF_SIZE / 1024} KB PDF each, ${CONNECTIONS} connection(s), SMTP sink on loopback`,
);
console.log(line('opos-mail (outbox + SMTP)', productSeconds, productStats));
console.log(line('nodemailer pool (baseline)', baseSeconds, baseStats));
// CPU time of this process (all its threads) per message: independent of what else the machine runs
const cpuMs = (c) =>
  `${((c.user + c.system) / 1000 / N).toFixed(2)} (user ${(c.user / 1000 / N).toFixed(2)}, sys ${(c.system / 1000 / N).toFixed(2)})`;
console.log(
  `CPU per message (this process, all threads): opos-mail ${cpuMs(productCpu)} ms, baseline ${cpuMs(baseCpu)} ms`,
);
console.log(`ratio to baseline: ${(productRate / baseRate).toFixed(2)} (target ≥ 0.8)`);
console.log(`peak RSS during the product run: ${productRssMb.toFixed(0)} MB (target < 200 MB at 10,000)`);

sink.send('stop');
