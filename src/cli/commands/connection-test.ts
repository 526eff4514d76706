// `opos-mail test`: connect, secure, authenticate, report; send nothing.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { reportLines } from '../output.js';

export function registerTestCommand(program: Command, ctx: CliContext): void {
  program
    .command('test')
    .description('test the connection of a profile (connect, encrypt, log in); sends nothing')
    .option('--profile <name>', 'profile to test (default: the active one)')
    .option('--json', 'print JSON')
    .action(async (opts: { profile?: string; json?: boolean }) => {
      const report = await ctx.service().testConnection(opts.profile);
      if (opts.json) return ctx.json({ status: 'ok', connection: report });
      ctx.out(ctx.t('cli:testOk'));
      for (const line of reportLines(ctx.t, report)) ctx.out(line);
    });
}
