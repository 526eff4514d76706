// The `opos-mail` command: the same core as the desktop app, for ERPs and scripts.
// Exit codes (a promise to users' scripts): 0 ok, 1 unexpected, 2 invalid input, 3 authentication or
// sign-in, 4 connection/TLS, 5 rejected permanently, 6 temporary failure, 7 too large, 8 keychain,
// 10 delivered but some recipients refused.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES } from '../shared/errors.js';
import { isLanguage, languageFromLocale, type Language } from '../shared/i18n/index.js';
import type { CliContext, CliIo } from './context.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Reads a global option's value from argv before commander runs (language and home shape all output). */
function preScan(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === name) return argv[i + 1];
    if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The command a command line runs: its first word that is neither a global option nor its value. */
function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--home' || a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
    else if (a === '--') return argv[i + 1];
  }
  return undefined;
}

function chooseLanguage(argv: string[], env: NodeJS.ProcessEnv): Language {
  const explicit = preScan(argv, '--lang');
  if (isLanguage(explicit)) return explicit;
  return languageFromLocale(env.OPOS_MAIL_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env },
): Promise<number> {
  // `--version` alone answers without loading the core (start-up time for scripts that probe it)
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(version() + '\n');
    return EXIT_CODES.ok;
  }
  const [{ MailError }, { CliContext }, { registrationsFor, serviceExtensions }] = await Promise.all([
    import('../main/errors/mail-error.js'),
    import('./context.js'),
    import('./commands/index.js'),
  ]);
  // only the code of the command that runs is loaded (start-up time of every command)
  const registrations = await Promise.all(registrationsFor(commandWord(argv)).map((e) => e.load()));
  // a reader that stops early (`| head -c 600`) ends the output, quietly: the command still finishes
  // what it does (a send or a run is recorded in the outbox), it just prints no more
  for (const stream of [io.stdout, io.stderr])
    stream.on?.('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  const debug = argv.includes('--debug');
  const wantsJson = argv.includes('--json');
  const ctx = new CliContext(io, chooseLanguage(argv, io.env), preScan(argv, '--home'), debug);

  const program = new Command('opos-mail')
    .description(
      'OPOS Mail: send Mahnungen and Zahlungsavise as PDF attachments (SMTP, Microsoft 365, Google, Graph)',
    )
    .version(version(), '-V, --version')
    .option('--home <dir>', 'data folder (default: OPOS_MAIL_HOME or the app data folder)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['de', 'en', 'nl']))
    .option('--debug', 'print details (stack traces) of unexpected errors')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // reported below, localised
    });
  program.enablePositionalOptions(false);
  for (const register of registrations) register(program, ctx);
  for (const cmd of allCommands(program)) cmd.exitOverride().configureOutput(program.configureOutput());
  program.hook('preAction', async (_program, action) => {
    if (CliContext.needsService(action))
      await Promise.all([CliContext.loadService(), ...serviceExtensions.map((load) => load())]);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode ?? EXIT_CODES.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT_CODES.ok;
      const detail = e.message.replace(/^error:\s*/i, '');
      return report(ctx, new MailError('invalidOption', { detail }), wantsJson);
    }
    return report(ctx, e, wantsJson);
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

async function report(ctx: CliContext, e: unknown, json: boolean): Promise<number> {
  const [{ toMailError }, { diskFullOr }, { errorJson, errorMessage }] = await Promise.all([
    import('../main/errors/mail-error.js'),
    import('../main/errors/disk-full.js'),
    import('./output.js'),
  ]);
  // a full disk whose write named no file: the data folder is where everything is written
  const err = toMailError(diskFullOr(toMailError(e), ctx.dataFolder));
  if (json) ctx.json(errorJson(ctx.t, err));
  ctx.err(errorMessage(ctx.t, err));
  if (ctx.debug && err.code === 'unexpected')
    ctx.err(String((err.cause as Error | undefined)?.stack ?? err.stack));
  return err.exitCode;
}
