// What every command gets: the chosen data folder and language, the core service, and output helpers.
import type { i18n as I18n, TFunction } from 'i18next';
import { createI18n, type Language } from '../shared/i18n/index.js';
import { MailService } from '../main/service/mail-service.js';
import { resolveDataFolder } from '../main/platform/data-folder.js';
import { forTerminal } from './terminal-text.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export class CliContext {
  readonly i18n: I18n;
  readonly t: TFunction;
  private serviceInstance: MailService | undefined;
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

  service(): MailService {
    if (!this.serviceInstance) {
      this.serviceInstance = new MailService({ dataFolder: this.dataFolder });
      for (const hook of CliContext.serviceHooks) hook(this.serviceInstance, this);
    }
    return this.serviceInstance;
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
