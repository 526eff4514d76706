// npm run bench:cli — start-up cost of the opos-mail command, as a user pays it:
// `npx opos-mail --version`, `opos-mail --version` (node bin directly), and one `send` through a real
// SMTP server on loopback with STARTTLS and login (profile set up once, outside the timing).
// Prints the first run and the median of the following runs. A measurement, not a test.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS || 10);
// its temporary folders go when it ends, also on an error or Ctrl-C
const made = [];
function tempFolder(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => process.exit(128 + os.constants.signals[signal]));
const home = tempFolder('opos-bench-');
const env = { ...process.env, OPOS_MAIL_HOME: home, LANG: 'de_DE.UTF-8' };

// asynchronous on purpose: the SMTP server below lives in this process's event loop
function time(cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed (${code}): ${stderr}`));
      else resolve(ms);
    });
  });
}
async function series(label, cmd, args) {
  const first = await time(cmd, args);
  const rest = [];
  for (let i = 0; i < runs; i++) rest.push(await time(cmd, args));
  rest.sort((a, b) => a - b);
  const median = rest[Math.floor(rest.length / 2)];
  console.log(
    `${label.padEnd(48)} first ${first.toFixed(0).padStart(5)} ms   median of ${runs} ${median.toFixed(0).padStart(5)} ms`,
  );
}

// a TLS server with login, certificates made now
const dir = tempFolder('opos-bench-ca-');
const ossl = (a) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });
ossl([
  'req',
  '-x509',
  '-newkey',
  'rsa:2048',
  '-nodes',
  '-keyout',
  'ca.key',
  '-out',
  'ca.pem',
  '-days',
  '1',
  '-subj',
  '/CN=Bench CA',
]);
writeFileSync(path.join(dir, 's.ext'), 'subjectAltName=IP:127.0.0.1\n');
ossl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 's.key', '-out', 's.csr', '-subj', '/CN=127.0.0.1']);
ossl([
  'x509',
  '-req',
  '-in',
  's.csr',
  '-CA',
  'ca.pem',
  '-CAkey',
  'ca.key',
  '-CAcreateserial',
  '-out',
  's.pem',
  '-days',
  '1',
  '-extfile',
  's.ext',
]);
const server = new SMTPServer({
  key: readFileSync(path.join(dir, 's.key')),
  cert: readFileSync(path.join(dir, 's.pem')),
  logger: false,
  onAuth: (a, _s, cb) => cb(null, { user: a.username }),
  onData: (s, _x, cb) => {
    s.resume();
    s.on('end', () => cb());
  },
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.server.address().port;

console.log(`opos-mail start-up (node ${process.version}, ${os.cpus().length} cores)`);
await series('npx opos-mail --version', 'npx', ['--no-install', 'opos-mail', '--version']);
await series('node bin/opos-mail.js --version', process.execPath, ['bin/opos-mail.js', '--version']);
const add = spawnSync(
  process.execPath,
  [
    'bin/opos-mail.js',
    'profile',
    'add',
    'Bench',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--security',
    'StartTls',
    '--login',
    '--user',
    'bench@firma.example',
    '--password-stdin',
    '--from',
    'bench@firma.example',
    '--ca-file',
    path.join(dir, 'ca.pem'),
    '--use',
  ],
  { cwd: root, env, input: 'pw', encoding: 'utf8' },
);
if (add.status !== 0) throw new Error(add.stderr);
await series('opos-mail send (STARTTLS + login + sample PDF)', process.execPath, [
  'bin/opos-mail.js',
  'send',
  '--to',
  'kunde@example.org',
  '--subject',
  'Bench',
  '--attach',
  'assets/sample-mahnung.pdf',
]);
await new Promise((r) => server.close(r));
spawnSync(process.execPath, ['bin/opos-mail.js', 'profile', 'remove', 'Bench'], { cwd: root, env });
