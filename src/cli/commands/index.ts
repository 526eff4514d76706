// Every command of `opos-mail`, registered in the order `--help` lists them. A feature adds one entry:
// the top-level command names it registers (or extends) and how to load it. Only the entries of the
// command that is run are loaded (a journal listing never loads the SMTP or OAuth code); `--help`,
// `help` and an unknown command load them all.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

type Register = (program: Command, ctx: CliContext) => void;

export interface CommandEntry {
  /** The top-level commands it registers or adds subcommands to. */
  names: readonly string[];
  load(): Promise<Register>;
}

export const commandRegistrations: readonly CommandEntry[] = [
  { names: ['profile'], load: async () => (await import('./profile.js')).registerProfileCommands },
  {
    names: ['profile'],
    load: async () => (await import('./profile-setup.js')).registerProfileSetupCommand,
  },
  { names: ['test'], load: async () => (await import('./connection-test.js')).registerTestCommand },
  { names: ['send'], load: async () => (await import('./send.js')).registerSendCommand },
  { names: ['batch'], load: async () => (await import('./batch.js')).registerBatchCommand },
  { names: ['outbox'], load: async () => (await import('./outbox.js')).registerOutboxCommands },
  { names: ['journal'], load: async () => (await import('./journal.js')).registerJournalCommand },
  { names: ['template'], load: async () => (await import('./template.js')).registerTemplateCommands },
  { names: ['demo'], load: async () => (await import('./demo.js')).registerDemoCommand },
  { names: ['login', 'logout'], load: async () => (await import('./login.js')).registerLoginCommands },
];

/**
 * Modules that extend the core service once it exists (CliContext.serviceHooks, e.g. the OAuth
 * sign-in): loaded with the service, whichever command runs.
 */
export const serviceExtensions: ReadonlyArray<() => Promise<unknown>> = [() => import('./login.js')];

/** The entries a command line needs: those of its command, or all when it names none we know. */
export function registrationsFor(command: string | undefined): readonly CommandEntry[] {
  const mine = commandRegistrations.filter((e) => command !== undefined && e.names.includes(command));
  return mine.length ? mine : commandRegistrations;
}
