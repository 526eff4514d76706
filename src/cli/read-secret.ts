// Reads a secret from standard input: piped (`printf %s "$PW" | opos-mail … --password-stdin`) or typed
// at a terminal without echo. Never from an argument, so it does not show up in argv or shell history.
import type { CliIo } from './context.js';

export async function readSecretFromStdin(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  if (stdin.isTTY && stdin.setRawMode) {
    io.stderr.write(prompt);
    stdin.setRawMode(true);
    return new Promise((resolve) => {
      let value = '';
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.removeListener('data', onData);
            stdin.setRawMode!(false);
            (stdin as NodeJS.ReadStream).pause();
            io.stderr.write('\n');
            resolve(value);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
      (stdin as NodeJS.ReadStream).resume();
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  // one trailing line break (from echo or a here-string) is not part of the secret
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
