// What every command gets: the chosen data folder and language, the core service, and output helpers.
// The core service's code is loaded before a command's action runs (src/cli/index.ts), except for
// commands marked with `withoutService` (the listings), which read the outbox database alone.
import type { Command } from 'commander';
import type { i18n as I18n, TFunction } from 'i18next';
import { createI18n, type Language } from '../shared/i18n/index.js';
import type { MailService } from '../main/service/mail-service.js';
import type { OutboxStore } from '../main/outbox/outbox-store.js';
import { resolveDataFolder } from '../main/platform/data-folder.js';
import { forTerminal } from './terminal-text.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

let MailServiceClass: typeof MailService | undefined;
const serviceFree = new WeakSet<Command>();

export class CliContext {
  readonly i18n: I18n;
  readonly t: TFunction;
  private serviceInstance: MailService | undefined;
  private store: OutboxStore | undefined;
  /** Set by a command that finished with a result other than success (e.g. `batch`), without throwing. */
  exitCode: number | undefined;
  /** Hooks other features use to extend the service once it exists (e.g. OAuth token source). */
  static serviceHooks: Array<(service: MailService, ctx: CliContext) => void> = [];

  constructor(
    readonly io: CliIo,
    readonly lang: Language,
    readonly home: string | undefined,
    readonly debug: boolean,
  ) {
    this.i18n = createI18n(lang);
    this.t = this.i18n.t.bind(this.i18n);
  }

  get dataFolder(): string {
    return resolveDataFolder(this.home, this.io.env);
  }

  /** Loads the core service's code (once per process). */
  static async loadService(): Promise<void> {
    MailServiceClass ??= (await import('../main/service/mail-service.js')).MailService;
  }

  /** Marks a command whose action needs no core service (its code is then not loaded). */
  static withoutService<C extends Command>(cmd: C): C {
    serviceFree.add(cmd);
    return cmd;
  }

  static needsService(cmd: Command): boolean {
    return !serviceFree.has(cmd);
  }

  service(): MailService {
    if (!this.serviceInstance) {
      if (!MailServiceClass) throw new Error('the core service was not loaded (CliContext.loadService)');
      this.serviceInstance = new MailServiceClass({ dataFolder: this.dataFolder });
      for (const hook of CliContext.serviceHooks) hook(this.serviceInstance, this);
    }
    return this.serviceInstance;
  }

  /** The outbox (and journal) of the data folder: the service's, or without the service. */
  async outboxStore(): Promise<OutboxStore> {
    if (this.serviceInstance) return this.serviceInstance.outbox.store;
    const { OutboxStore } = await import('../main/outbox/outbox-store.js');
    return (this.store ??= new OutboxStore(this.dataFolder));
  }

  /** A line for people on standard output (control characters shown escaped, see terminal-text.ts). */
  out(line = ''): void {
    this.io.stdout.write(forTerminal(line) + '\n');
  }

  /** A line for people on standard error (control characters shown escaped). */
  err(line = ''): void {
    this.io.stderr.write(forTerminal(line) + '\n');
  }

  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value) + '\n');
  }
}
