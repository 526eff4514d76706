// npm run bench:batch — batch sending speed. A measurement, not a test.
// N messages (default 1,000; BENCH_MESSAGES=10000 or `-- --messages 10000`), each with its own 200 KB
// PDF (a pool of 20 distinct files), to a cheap SMTP sink on loopback (bench/smtp-sink.mjs, its own
// process, discards the data):
//   1. through the product: a CSV manifest, MailService.runBatch — pre-check, rendering into the
//      durable outbox (fsync), claim, SMTP over the product's own transport, journal record;
//   2. the baseline: the same messages through plain pooled nodemailer, same connection count.
// Prints messages/s, MB/s on the wire, the ratio to the baseline, and peak RSS of the product's phase
// (it runs first, so the baseline cannot inflate it). Needs the build (npm run build:node).
// BENCH_ROUNDS (default 3) rounds alternate product and baseline; the ratio compares their medians.
// For finding where the time goes: BENCH_PRODUCT_ONLY=1 skips the baseline (one round; also prints
// page faults), BENCH_THREADS=1 prints the CPU of each thread of this process (Linux), BENCH_MEMORY=1
// the main thread's heap and buffers when RSS peaks; with
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

// BENCH_THREADS=1: CPU per thread of this process (Linux), to see where the time goes
const threadCpu = () => {
  const out = new Map();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, Number(f[11]) + Number(f[12])); // utime + stime in clock ticks (10 ms)
    }
  } catch {
    // not Linux
  }
  return out;
};

// --- 1. the product: a fresh data folder per round (a second run of the same manifest would resume)
async function runProduct(round) {
  const service = new MailService({ dataFolder: path.join(home, `round-${round}`) });
  await service.addProfile({
    name: 'Bench',
    connection: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'None',
    fromAddress: 'buchhaltung@firma.example',
  });
  await ask('reset');
  // BENCH_MEMORY=1: the main thread's heap and buffers at the moment RSS peaks (sampled every 100 ms)
  let memory = null;
  const sampler =
    process.env.BENCH_MEMORY === '1'
      ? setInterval(() => {
          const m = process.memoryUsage();
          if (!memory || m.rss > memory.rss) memory = m;
        }, 100)
      : null;
  const threads0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const report = await service.runBatch(manifest, { profileName: 'Bench', connections: CONNECTIONS });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const stats = await ask('stats');
  if (sampler) {
    clearInterval(sampler);
    const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
    console.log(
      `  at the RSS peak: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)} (array buffers ${mb(memory.arrayBuffers)}; the render worker's not included)`,
    );
  }
  if (report.summary.sent !== N || stats.messages !== N)
    throw new Error(`product run incomplete: ${JSON.stringify(report.summary)}, sink saw ${stats.messages}`);
  if (process.env.BENCH_THREADS === '1') {
    // threads are all called "node": told apart by id (the main thread's is the pid)
    const rows = [...threadCpu()].map(([tid, ticks]) => [
      tid === String(process.pid) ? 'main' : `thread ${tid}`,
      ((ticks - (threads0.get(tid) ?? 0)) * 10) / N,
    ]);
    for (const [name, ms] of rows.sort((a, b) => b[1] - a[1]))
      if (ms > 0) console.log(`  ${name.padEnd(14)} ${ms.toFixed(2)} ms CPU per message`);
  }
  await service.outbox.store.close(); // stops the render worker
  return { seconds, cpu, stats };
}

// --- 2. the baseline: plain pooled nodemailer, same messages, same connection count
async function runBaseline() {
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
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
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
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  transporter.close();
  return { seconds, cpu, stats: await ask('stats') };
}

// Rounds alternate product and baseline, so a machine that gets slower or faster meanwhile (other
// processes, the file system's background work) affects both alike; the medians are compared.
const ROUNDS = Number(process.env.BENCH_ROUNDS || (process.env.BENCH_PRODUCT_ONLY === '1' ? 1 : 3));
const product = [];
const baseline = [];
let productRssMb = 0;
for (let round = 1; round <= ROUNDS; round++) {
  product.push(await runProduct(round));
  // the first product round runs before any baseline: its peak is the product's alone
  if (round === 1) productRssMb = process.resourceUsage().maxRSS / 1024;
  if (process.env.BENCH_PRODUCT_ONLY !== '1') baseline.push(await runBaseline());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const cpuMs = (c) => (c.user + c.system) / 1000 / N;
const rate = (r) => N / r.seconds;
const line = (name, r) =>
  `${name.padEnd(30)} ${rate(r).toFixed(1).padStart(8)} msg/s ${(mb(r.stats.bytes) / r.seconds).toFixed(1).padStart(8)} MB/s  (${r.seconds.toFixed(2)} s, ${mb(r.stats.bytes).toFixed(0)} MB on the wire, CPU ${cpuMs(r.cpu).toFixed(2)} ms/msg: user ${(r.cpu.user / 1000 / N).toFixed(2)}, sys ${(r.cpu.system / 1000 / N).toFixed(2)})`;
console.log(
  `${N} messages, ${PDF_SIZE / 1024} KB PDF each, ${CONNECTIONS} connection(s), SMTP sink on loopback, ${ROUNDS} round(s)`,
);
for (let i = 0; i < ROUNDS; i++) {
  console.log(line(`round ${i + 1}: opos-mail`, product[i]));
  if (baseline[i]) console.log(line(`round ${i + 1}: nodemailer pool`, baseline[i]));
}
const pRate = median(product.map(rate));
console.log(
  `opos-mail (outbox + SMTP):     median ${pRate.toFixed(1)} msg/s, CPU ${median(product.map((r) => cpuMs(r.cpu))).toFixed(2)} ms per message (this process, all threads)`,
);
if (baseline.length) {
  const bRate = median(baseline.map(rate));
  console.log(
    `nodemailer pool (baseline):    median ${bRate.toFixed(1)} msg/s, CPU ${median(baseline.map((r) => cpuMs(r.cpu))).toFixed(2)} ms per message`,
  );
  console.log(`ratio to baseline: ${(pRate / bRate).toFixed(2)} (medians; target ≥ 0.8)`);
}
console.log(`peak RSS during the product run: ${productRssMb.toFixed(0)} MB (target < 200 MB at 10,000)`);
if (process.env.BENCH_PRODUCT_ONLY === '1')
  console.log(`minor page faults per message: ${(process.resourceUsage().minorPageFault / N).toFixed(0)}`);
sink.send('stop');
