// npm run bench:setup — how long the profile lookup from an e-mail address takes (the budget:
// at most 10 s against dead hosts, typically under 2 s), on loopback with a DNS server (dns2):
//   answered   — the domain is in the bundled ISPDB, every other step gets a quick "no"
//   dead DNS   — the DNS server never answers (every question runs into its time-out)
//   dead hosts — DNS answers, but every host is an unroutable address (192.0.2.1, TEST-NET-1)
//   silent     — every host is a server that accepts the connection and never says a word (https and
//                the guesses' ports): the autoconfig requests and the probes run into their time-outs
// Prints the median and the worst of RUNS runs each. A measurement, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import net from 'node:net';
import dns2 from 'dns2';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { lookupMailSettings } = await import(
  pathToFileURL(path.join(root, 'out/node/main/autoconfig/lookup.js')).href
);
const runs = Number(process.env.RUNS || 3);
const home = mkdtempSync(path.join(os.tmpdir(), 'opos-bench-setup-'));
process.on('exit', () => rmSync(home, { recursive: true, force: true }));

const { Packet } = dns2;
function dnsServer(answer) {
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const [q] = request.questions;
    const records = answer(q);
    if (records === null) return; // never answer
    if (!records.length) response.header.rcode = 3;
    for (const r of records) response.answers.push({ name: q.name, class: Packet.CLASS.IN, ttl: 60, ...r });
    send(response);
  });
  return server.listen(0, '127.0.0.1').then(() => server);
}

const scenarios = {
  answered: (q) => [],
  'dead DNS': () => null,
  'dead hosts': (q) => (q.type === Packet.TYPE.A ? [{ type: Packet.TYPE.A, address: '192.0.2.1' }] : []),
};
const addresses = {
  answered: 'buchhaltung@posteo.de',
  'dead DNS': 'a@firma.test',
  'dead hosts': 'a@firma.test',
};
const held = [];
const silent = net.createServer((socket) => held.push(socket));
await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
const silentPort = silent.address().port;
scenarios.silent = (q) => (q.type === Packet.TYPE.A ? [{ type: Packet.TYPE.A, address: '127.0.0.1' }] : []);
addresses.silent = 'a@firma.test';

for (const [name, answer] of Object.entries(scenarios)) {
  const server = await dnsServer(answer);
  const env = {
    OPOS_MAIL_DNS_SERVER: `127.0.0.1:${server.address().port}`,
    ...(name === 'silent'
      ? { OPOS_MAIL_SETUP_PORTS: `https=${silentPort},smtps=${silentPort},submission=${silentPort}` }
      : {}),
  };
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = await lookupMailSettings(addresses[name], { env, context: { dataFolder: home, secrets: {} } });
    times.push(r.ms);
  }
  server.close();
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(11)} median ${String(times[Math.floor(times.length / 2)]).padStart(5)} ms   worst ${String(times.at(-1)).padStart(5)} ms   (${runs} runs)`,
  );
}
silent.close();
for (const socket of held) socket.destroy();
