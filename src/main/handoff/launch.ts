// Starting the mail program (or the system's opener) for a hand-off: argv only, never a shell; detached,
// so a program that stays open (Thunderbird, Outlook) does not hold up the app or the CLI. A program
// that cannot be started, or ends at once with an error, is a failed hand-off; one that is still running
// after a short while, or ended successfully, has the message.
import { spawn } from 'node:child_process';
import { MailError } from '../errors/mail-error.js';

export interface Launch {
  command: string;
  args: string[];
  /** The program's name for messages. */
  program: string;
}

function settleMs(): number {
  const n = Number(process.env.OPOS_MAIL_HANDOFF_SETTLE_MS);
  return Number.isFinite(n) && n >= 0 ? n : 1500;
}

export function launch({ command, args, program }: Launch): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err?: MailError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.unref();
      if (err) reject(err);
      else resolve();
    };
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: false });
    const timer = setTimeout(() => finish(), settleMs());
    child.once('error', (e: NodeJS.ErrnoException) =>
      finish(new MailError('handoffFailed', { program, detail: e.code ?? e.message })),
    );
    child.once('exit', (code, signal) =>
      finish(
        code === 0
          ? undefined
          : new MailError('handoffFailed', { program, detail: signal ? `signal ${signal}` : `exit ${code}` }),
      ),
    );
  });
}
