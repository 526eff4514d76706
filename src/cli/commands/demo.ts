// `opos-mail demo`: sends the bundled sample Mahnung through the test mailbox and says where it is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { MailError } from '../../main/errors/mail-error.js';
import type { CliContext } from '../context.js';
import { sendResultJson } from '../output.js';

export function samplePdfPath(): string {
  // out/node/cli/commands → project root (also src/cli/commands when run from source)
  return path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../..',
    'assets',
    'sample-mahnung.pdf',
  );
}

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'send a sample Mahnung PDF through the test mailbox (Testpostfach) and print where the .eml is',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const service = ctx.service();
      const { profiles, active } = await service.profiles.list();
      const box =
        profiles.find((p) => p.name === active && p.connection === 'test-mailbox') ??
        profiles.find((p) => p.connection === 'test-mailbox');
      if (!box) throw new MailError('profileUnknown', { profile: 'Testpostfach' });
      const result = await service.send(
        {
          to: ['debitor@example.com'],
          subject: ctx.t('cli:demoSubject'),
          text: ctx.t('cli:demoBody'),
          attachments: [{ path: samplePdfPath(), filename: 'Mahnung_2026-0815_Müller.pdf' }],
          kind: 'mahnung',
          reference: '2026-0815',
        },
        box.name,
      );
      if (opts.json) return ctx.json(sendResultJson(result));
      ctx.out(ctx.t('cli:demoDone', { file: result.file ?? '' }));
    });
}
