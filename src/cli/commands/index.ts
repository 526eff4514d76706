// Every command of `opos-mail`, registered in the order `--help` lists them. A feature adds one line.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDemoCommand } from './demo.js';
import { registerLoginCommands } from './login.js';
import { registerProfileCommands } from './profile.js';
import { registerProfileSetupCommand } from './profile-setup.js';
import { registerSendCommand } from './send.js';
import { registerTestCommand } from './connection-test.js';
import { registerBatchCommand } from './batch.js';
import { registerOutboxCommands } from './outbox.js';
import { registerJournalCommand } from './journal.js';
import { registerTemplateCommands } from './template.js';

export const commandRegistrations: Array<(program: Command, ctx: CliContext) => void> = [
  registerProfileCommands,
  registerProfileSetupCommand,
  registerTestCommand,
  registerSendCommand,
  registerBatchCommand,
  registerOutboxCommands,
  registerJournalCommand,
  registerTemplateCommands,
  registerDemoCommand,
  registerLoginCommands,
];
