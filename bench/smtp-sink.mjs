// A cheap SMTP sink for benchmarks: plain TCP on loopback, answers every command with success, finds
// the end of DATA and throws the message away. Runs in its own process (started by bench/batch.mjs),
// so it does not share the event loop of what is measured. Reports counts over IPC.
import net from 'node:net';

let messages = 0;
let bytes = 0;
const END = Buffer.from('\r\n.\r\n');

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let mode = 'cmd';
  let pending = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const reply = (s) => socket.write(s + '\r\n');
  reply('220 sink ESMTP');
  const command = (line) => {
    const verb = line.slice(0, 4).toUpperCase();
    if (verb === 'EHLO') reply('250-sink\r\n250-8BITMIME\r\n250 SIZE 0');
    else if (verb === 'HELO') reply('250 sink');
    else if (verb === 'DATA') {
      mode = 'data';
      tail = Buffer.from('\r\n');
      reply('354 go ahead');
    } else if (verb === 'QUIT') {
      reply('221 bye');
      socket.end();
    } else reply('250 OK');
  };
  const onCommands = (buf) => {
    pending = Buffer.concat([pending, buf]);
    let i;
    while (mode === 'cmd' && (i = pending.indexOf('\r\n')) !== -1) {
      const line = pending.subarray(0, i).toString('latin1');
      pending = pending.subarray(i + 2);
      command(line);
      if (mode === 'data' && pending.length) {
        const rest = pending;
        pending = Buffer.alloc(0);
        onData(rest);
        return;
      }
    }
  };
  const onData = (chunk) => {
    const joined = Buffer.concat([tail, chunk]);
    const at = joined.indexOf(END);
    if (at === -1) {
      bytes += chunk.length;
      tail = joined.subarray(Math.max(0, joined.length - 4));
      return;
    }
    const consumed = at + END.length - tail.length;
    bytes += Math.max(0, consumed);
    messages++;
    mode = 'cmd';
    reply(`250 2.0.0 Ok: queued as S${messages}`);
    const rest = joined.subarray(at + END.length);
    if (rest.length) onCommands(rest);
  };
  socket.on('data', (chunk) => (mode === 'data' ? onData(chunk) : onCommands(chunk)));
  socket.on('error', () => undefined);
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'stats') process.send({ messages, bytes });
  if (m === 'reset') {
    messages = 0;
    bytes = 0;
    process.send({ reset: true });
  }
  if (m === 'stop') server.close(() => process.exit(0));
});
